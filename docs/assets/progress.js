/* Spot the Claim: the progress page. Shows each exercise's saved status and best result,
   and exports or imports progress as a file. Imported files are validated entry by entry
   with the same rules as saved progress, and refused whole if anything is wrong. */
(function () {
  "use strict";

  var FORMAT = "spot-the-claim-progress";
  var MAX_BYTES = 1000000;

  function describe(result) {
    if ("correct" in result) return result.correct ? "matched the reference" : "did not match the reference";
    return "found " + result.found + " of " + result.targets + ", " + result.wrong + " wrong pick" +
      (result.wrong === 1 ? "" : "s") + " (" + result.level + ")";
  }

  function status(record, version) {
    if (!record) return "Not started";
    if (record.version !== version) return "Changed since you worked on it: start again";
    var text = record.checked && record.result ? "Checked: " + describe(record.result) : "Started";
    if (record.best && (!record.checked || describe(record.best) !== describe(record.result))) {
      text += " · best: " + describe(record.best);
    }
    return text;
  }

  function fill(page) {
    var records = window.spotTheClaim.readAll();
    page.querySelectorAll("[data-stc-status]").forEach(function (cell) {
      cell.textContent = status(records[cell.getAttribute("data-stc-status")], cell.getAttribute("data-version"));
    });
  }

  function parse(text, known) {
    var data;
    try { data = JSON.parse(text); } catch (e) { return "The file is not JSON, so it is not a progress file."; }
    if (!data || data.format !== FORMAT || data.version !== 1 || !data.exercises || typeof data.exercises !== "object" || Array.isArray(data.exercises)) {
      return "The file is not a Spot the Claim progress file (format " + FORMAT + ", version 1).";
    }
    var ids = Object.keys(data.exercises);
    for (var i = 0; i < ids.length; i++) {
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(ids[i]) || !window.spotTheClaim.valid(data.exercises[ids[i]])) {
        return "The entry for exercise \u201c" + ids[i].slice(0, 80) + "\u201d is not valid progress, so nothing was imported.";
      }
    }
    return ids.filter(function (id) { return known.indexOf(id) >= 0; }).map(function (id) { return [id, data.exercises[id]]; });
  }

  function mount(page) {
    if (page.hasAttribute("data-stc-mounted")) return;
    page.setAttribute("data-stc-mounted", "");
    var known = Array.prototype.map.call(document.querySelectorAll("[data-stc-status]"), function (cell) {
      return cell.getAttribute("data-stc-status");
    });
    var message = document.createElement("p");
    message.setAttribute("role", "status");
    var exportButton = document.createElement("button");
    exportButton.type = "button";
    exportButton.className = "md-button";
    exportButton.textContent = "Export progress";
    var label = document.createElement("label");
    label.className = "md-button";
    label.textContent = "Import progress";
    var input = document.createElement("input");
    input.type = "file";
    input.accept = "application/json,.json";
    input.className = "stc-file";
    label.append(input);
    page.textContent = "";
    page.append(exportButton, " ", label, message);
    if (!window.spotTheClaim.storage()) message.textContent = "This browser blocks storage, so no progress can be saved or imported here.";

    exportButton.addEventListener("click", function () {
      var body = JSON.stringify({ format: FORMAT, version: 1, exported: new Date().toISOString(), exercises: window.spotTheClaim.readAll() }, null, 2);
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([body], { type: "application/json" }));
      link.download = "spot-the-claim-progress.json";
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
      message.textContent = "Progress exported as spot-the-claim-progress.json.";
    });

    input.addEventListener("change", function () {
      var file = input.files[0];
      input.value = "";
      if (!file) return;
      if (file.size > MAX_BYTES) { message.textContent = "The file is too large to be a progress file."; return; }
      file.text().then(function (text) {
        var entries = parse(text, known);
        if (typeof entries === "string") { message.textContent = entries; return; }
        var saved = entries.filter(function (entry) { return window.spotTheClaim.write(entry[0], entry[1]); }).length;
        message.textContent = saved === entries.length
          ? "Imported progress for " + saved + " exercise" + (saved === 1 ? "" : "s") + "."
          : "Only " + saved + " of " + entries.length + " entries could be saved: storage is blocked or full.";
        fill(document);
      });
    });
    fill(document);
  }

  document$.subscribe(function () {
    document.querySelectorAll("[data-stc-progress]").forEach(mount);
  });
})();
