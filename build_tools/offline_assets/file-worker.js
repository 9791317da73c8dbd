/* The offline copy's stand-in for Worker. Chromium starts no Worker from a page opened from
   disk (file://), and Material's search runs in one; here the worker's script runs in a
   hidden frame of the page instead (Material's own offline plugin does the same with
   iframe-worker, fetched from another host; this one ships with the copy). The frame's
   postMessage answers the page; the page's messages reach the frame's listeners. */
(() => {
  if (location.protocol !== "file:") return;

  function loadScripts(frame, urls) {
    return urls.reduce(
      (previous, url) =>
        previous.then(
          () =>
            new Promise((resolve, reject) => {
              const script = frame.document.createElement("script");
              script.src = url;
              script.onload = resolve;
              script.onerror = reject;
              frame.document.body.append(script);
            }),
        ),
      Promise.resolve(),
    );
  }

  class FrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.onmessage = null;
      this.onerror = null;
      this.iframe = document.createElement("iframe");
      this.iframe.hidden = true;
      this.iframe.tabIndex = -1;
      this.iframe.setAttribute("aria-hidden", "true");
      this.iframe.title = "Search";
      document.body.append(this.iframe);
      const frame = this.iframe.contentWindow;
      frame.document.open();
      frame.document.write("<!doctype html><html><head></head><body></body></html>");
      frame.document.close();
      frame.postMessage = (data) => this.deliver(data);
      frame.importScripts = (...urls) => loadScripts(frame, urls);
      this.ready = loadScripts(frame, [new URL(url, location.href).href]).catch((error) => {
        const event = new ErrorEvent("error", { message: `search could not start: ${error}` });
        this.dispatchEvent(event);
        if (this.onerror) this.onerror(event);
      });
    }

    deliver(data) {
      const event = new MessageEvent("message", { data: structuredClone(data) });
      this.dispatchEvent(event);
      if (this.onmessage) this.onmessage(event);
    }

    postMessage(data) {
      this.ready.then(() => {
        this.iframe.contentWindow?.dispatchEvent(new MessageEvent("message", { data: structuredClone(data) }));
      });
    }

    terminate() {
      this.iframe.remove();
    }
  }

  window.Worker = FrameWorker;
})();
