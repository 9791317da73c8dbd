/* Starts the site's front end in the offline copy. A classic script, not a module: a page
   opened from disk (file://) has no origin, and Chromium fetches no module for it. There,
   each module's text (from modules.js, written by the build) becomes a blob: URL, and its
   imports of "./name.js" are pointed at the blob: URLs of those modules; the browser then
   runs them as the ES modules they are. Served over HTTP (a package in an LMS), the same
   files are loaded as modules directly. The entry module is named by data-stc-entry. */
(() => {
  window.stcOffline = true; // main.js: a page shown in a package's frame drops the site's frame
  const script = document.currentScript;
  const entry = script.dataset.stcEntry || "main.js";
  if (location.protocol !== "file:") {
    const module = document.createElement("script");
    module.type = "module";
    module.src = new URL(`../stc/${entry}`, script.src).href;
    document.head.append(module);
    return;
  }
  const sources = self.stcModules || {};
  const urls = new Map();
  const IMPORT = /((?:\bfrom|\bimport)\s*\(?\s*)"\.\/([\w-]+\.js)"/g;
  function urlOf(name, path) {
    if (urls.has(name)) return urls.get(name);
    if (!Object.hasOwn(sources, name)) throw new Error(`offline copy: no module ${name}`);
    if (path.includes(name)) throw new Error(`offline copy: modules import each other: ${[...path, name].join(" > ")}`);
    const text = sources[name].replace(IMPORT, (_, head, dependency) => head + JSON.stringify(urlOf(dependency, [...path, name])));
    const url = URL.createObjectURL(new Blob([text], { type: "text/javascript" }));
    urls.set(name, url);
    return url;
  }
  import(urlOf(entry, []));
})();
