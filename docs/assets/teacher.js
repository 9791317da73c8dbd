/* Spot the Claim: the assignment builder, the student's assignment page and the class
   report. Loaded by exercise.js only on those pages. Everything runs in this browser: an
   assignment is a link, results travel as files the student chooses to hand in, and every
   file a teacher loads is untrusted, checked field by field and shown only as text. */
(function () {
  "use strict";

  var api = window.spotTheClaim, el = api.el;
  var FORMAT = "spot-the-claim-results";
  var LEVELS = ["Basic", "Emergent", "Proficient"];
  var VERDICTS = ["", "supported", "goes-beyond", "contradicts", "cant-tell"];
  var MAX_FILE = 2000000;

  function siteUrl(path) { return new URL(path, window.__md_scope || location.href).href; }

  function exerciseUrl(exercise) { return siteUrl("articles/" + exercise.article + "/" + exercise.id + "/"); }

  function field(label, control) {
    control.id = control.id || "stc-" + label.toLowerCase().replace(/\W+/g, "-");
    var wrap = el("p", { class: "stc-field" }, el("label", { for: control.id }, label));
    wrap.append(control);
    return wrap;
  }

  function select(label, options) {
    var control = el("select");
    options.forEach(function (o) { control.append(el("option", { value: o[0] }, o[1])); });
    return field(label, control);
  }

  function button(label, primary) {
    return el("button", { type: "button", class: "md-button" + (primary ? " md-button--primary" : "") }, label);
  }

  function describe(result) {
    if (!result) return "not checked";
    if ("correct" in result) return result.correct ? "✓ matched the reference" : "✗ did not match";
    return result.found + " of " + result.targets + " found, " + result.wrong + " wrong (" + result.level + ")";
  }

  function download(name, type, body) {
    var link = el("a", { href: URL.createObjectURL(new Blob([body], { type: type })), download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  /* ---------- the teacher picks exercises and gets a link ---------- */

  function assign(root, data) {
    var unique = function (key, label) {
      var seen = {};
      data.forEach(function (e) { [].concat(e[key]).forEach(function (v) { seen[v] = label ? e[label] : v; }); });
      return Object.keys(seen).map(function (v) { return [v, seen[v]]; });
    };
    var filters = [
      ["article", select("Article", [["", "All articles"]].concat(unique("article", "articleTitle")))],
      ["level", select("Level", [["", "All levels"], ["1", "1 guided"], ["2", "2 practice"], ["3", "3 challenge"]])],
      ["skills", select("Skill", [["", "All skills"]].concat(unique("skills")))]
    ];
    var list = el("fieldset", { class: "stc-pick" }, el("legend", {}, "Exercises"));
    var boxes = data.map(function (e) {
      var box = el("input", { type: "checkbox", id: "stc-pick-" + e.id, value: e.id });
      var label = el("label", { for: box.id }, box);
      label.append(" " + e.title + " · " + e.articleTitle + " · level " + e.level + (e.kind === "compare" ? ", compare a source" : ""));
      list.append(label);
      return { box: box, label: label, exercise: e };
    });
    var name = el("input", { type: "text", maxlength: "200", autocomplete: "off" });
    var link = el("input", { type: "text", readonly: "" });
    var status = el("p", { role: "status" });
    var create = button("Create link", true), copy = button("Copy link");
    copy.hidden = true;

    function applyFilters() {
      boxes.forEach(function (b) {
        b.label.hidden = !filters.every(function (f) {
          var wanted = f[1].querySelector("select").value;
          return !wanted || [].concat(b.exercise[f[0]]).map(String).indexOf(wanted) >= 0;
        });
      });
    }
    filters.forEach(function (f) { f[1].querySelector("select").onchange = applyFilters; });

    create.onclick = function () {
      var ids = boxes.filter(function (b) { return b.box.checked; }).map(function (b) { return b.exercise.id; });
      if (!name.value.trim()) return (status.textContent = "Give the assignment a name first.");
      if (!ids.length) return (status.textContent = "Tick at least one exercise first.");
      link.value = siteUrl("assignment/") + "?" + new URLSearchParams({ name: name.value.trim(), ex: ids.join(",") });
      copy.hidden = false;
      status.textContent = "Link created for " + ids.length + " exercise" + (ids.length === 1 ? "" : "s") + ". Copy it and share it with your students.";
    };
    copy.onclick = function () {
      link.select();
      (navigator.clipboard ? navigator.clipboard.writeText(link.value) : Promise.reject()).then(
        function () { status.textContent = "Link copied."; },
        function () { status.textContent = "Select the link and copy it (Ctrl+C or Cmd+C)."; });
    };
    var bar = el("div", { class: "stc-filters" });
    filters.forEach(function (f) { bar.append(f[1]); });
    root.append(bar, list, field("Assignment name", name), create, field("Link for your students", link), copy, status);
  }

  /* ---------- the student works through the set and downloads a results file ---------- */

  function assignment(root, data) {
    var params = new URLSearchParams(location.search);
    var byId = {};
    data.forEach(function (e) { byId[e.id] = e; });
    var ids = (params.get("ex") || "").split(",").filter(function (id, i, all) { return byId[id] && all.indexOf(id) === i; });
    var title = (params.get("name") || "").slice(0, 200);
    if (!ids.length || !title) {
      root.append(el("p", {}, "This link does not name an assignment with exercises on this site. Ask your teacher for the link again."));
      return;
    }
    var records = api.readAll();
    var current = function (id) { var r = records[id]; return r && r.version === byId[id].version ? r : null; };
    var list = el("ol", { class: "stc-assignment" });
    ids.forEach(function (id) {
      var r = current(id), item = el("li", {}, el("a", { href: exerciseUrl(byId[id]) }, byId[id].title));
      item.append(" · " + (r && r.checked ? "checked: " + describe(r.result) : r ? "started" : "not started"));
      list.append(item);
    });
    var done = ids.filter(function (id) { var r = current(id); return r && r.checked; }).length;
    var student = el("input", { type: "text", maxlength: "200", autocomplete: "name" });
    var store = api.storage();
    student.value = (store && store.getItem("stc:v1:student")) || "";
    student.oninput = function () { try { store.setItem("stc:v1:student", student.value); } catch (e) { /* not saved */ } };
    var status = el("p", { role: "status" }, "You have checked " + done + " of " + ids.length + " exercises.");
    var save = button("Download my results", true);
    save.onclick = function () {
      var who = student.value.trim().slice(0, 200);
      if (!who) return (status.textContent = "Type your name first.");
      var results = {
        format: FORMAT, version: 1, assignment: title, student: who, created: new Date().toISOString(),
        exercises: ids.map(function (id) {
          var r = current(id) || { picks: [], why: {}, verdict: "", note: "", checked: false, result: null, at: "" };
          return { id: id, version: byId[id].version, kind: byId[id].kind, picks: r.picks, why: r.why, verdict: r.verdict,
            note: r.note, checked: r.checked, result: r.result, updated: r.at };
        })
      };
      download("results-" + (title + "-" + who).replace(/[^\w-]+/g, "-").slice(0, 80) + ".json", "application/json", JSON.stringify(results, null, 2));
      status.textContent = "Results downloaded (" + done + " of " + ids.length + " exercises checked). Hand the file in as your teacher asks.";
    };
    root.append(el("h2", {}, "Assignment: " + title), list, field("Your name", student), save, status);
  }

  /* ---------- the teacher loads the class's files ---------- */

  /* Why a parsed results file cannot be used, or "" if it can. */
  function problem(file, byId) {
    var str = function (v, max) { return typeof v === "string" && v.trim() && v.length <= max; };
    var count = function (n) { return n === +n && n >= 0 && n % 1 === 0 && n < 1e4; };
    if (!file || file.format !== FORMAT || file.version !== 1) return "not a Spot the Claim results file";
    if (!str(file.assignment, 200) || !str(file.student, 200) || typeof file.created !== "string") return "the assignment or student name is missing or too long";
    if (!Array.isArray(file.exercises) || !file.exercises.length || file.exercises.length > 500) return "it lists no exercises";
    for (var i = 0; i < file.exercises.length; i++) {
      var x = file.exercises[i], e = x && byId[x.id], r = x && x.result;
      if (!e) return "exercise " + JSON.stringify(String(x && x.id).slice(0, 60)) + " is not on this site";
      if (x.version !== e.version) return "it answers an older version of \u201c" + e.title + "\u201d";
      if (x.kind !== e.kind || !Array.isArray(x.picks) || !x.picks.every(count) || !x.why || typeof x.why !== "object" ||
        VERDICTS.indexOf(x.verdict) < 0 || typeof x.checked !== "boolean" || typeof x.note !== "string" || typeof x.updated !== "string") {
        return "the answers to \u201c" + e.title + "\u201d are malformed";
      }
      if (r !== null && !(r && LEVELS.indexOf(r.level) >= 0 && (e.kind === "compare" ? typeof r.correct === "boolean"
        : [r.found, r.targets, r.wrong, r.whyRight].every(count)))) return "the result for \u201c" + e.title + "\u201d is malformed";
    }
    return "";
  }

  function report(root, data) {
    var byId = {};
    data.forEach(function (e) { byId[e.id] = e; });
    var input = el("input", { type: "file", multiple: "", accept: "application/json,.json" });
    var drop = el("div", { class: "stc-drop" }, "Or drop the files here.");
    var out = el("div", { class: "stc-report" });
    root.append(field("Choose results files", input), drop, out);
    input.onchange = function () { load(input.files); };
    drop.ondragover = function (event) { event.preventDefault(); };
    drop.ondrop = function (event) { event.preventDefault(); load(event.dataTransfer.files); };

    function load(fileList) {
      var files = [].slice.call(fileList);
      Promise.all(files.map(function (f) {
        return f.size > MAX_FILE ? Promise.resolve(null) : f.text().then(function (t) {
          try { return JSON.parse(t); } catch (e) { return undefined; }
        });
      })).then(function (parsed) { build(files, parsed); });
    }

    function build(files, parsed) {
      var reasons = parsed.map(function (p, i) {
        return p === null ? "too large to be a results file" : p === undefined ? "not JSON" : problem(p, byId);
      });
      var names = {};
      parsed.forEach(function (p, i) { if (!reasons[i]) names[p.assignment] = (names[p.assignment] || 0) + 1; });
      var assignmentName = Object.keys(names).sort(function (a, b) { return names[b] - names[a]; })[0];
      var students = {}, accepted = [];
      parsed.forEach(function (p, i) {
        if (reasons[i]) return;
        var who = p.student.trim().toLowerCase();
        if (p.assignment !== assignmentName) reasons[i] = "it is from another assignment, \u201c" + p.assignment + "\u201d";
        else if (students[who]) reasons[i] = "another file for the same student, " + p.student;
        else { students[who] = true; accepted.push(p); }
      });

      out.textContent = "";
      var fileList = el("ul", { class: "stc-files" });
      files.forEach(function (f, i) {
        fileList.append(el("li", {}, f.name + ": " + (reasons[i] ? "refused, " + reasons[i] : "read (" + parsed[i].student + ")")));
      });
      out.append(el("h2", {}, "Files"), fileList);
      if (!accepted.length) return out.append(el("p", {}, "No results to show yet."));

      var ids = data.map(function (e) { return e.id; }).filter(function (id) {
        return accepted.some(function (p) { return p.exercises.some(function (x) { return x.id === id; }); });
      });
      var answers = function (p, id) { return p.exercises.filter(function (x) { return x.id === id; })[0]; };

      // Per student and exercise: the same cells feed the table and the CSV.
      var header = ["Student"].concat(ids.map(function (id) { return byId[id].title; }));
      var rows = accepted.map(function (p) {
        return [p.student].concat(ids.map(function (id) {
          var x = answers(p, id);
          return !x ? "not assigned" : x.checked ? describe(x.result) : "not checked";
        }));
      });
      var table = el("table"), head = el("tr");
      header.forEach(function (h) { head.append(el("th", { scope: "col" }, h)); });
      table.append(el("thead", {}, head));
      var body = el("tbody");
      rows.forEach(function (row) {
        var tr = el("tr");
        row.forEach(function (cell, i) { tr.append(el(i ? "td" : "th", i ? {} : { scope: "row" }, cell)); });
        body.append(tr);
      });
      table.append(body);
      var csv = button("Download CSV");
      csv.onclick = function () {
        var quote = function (cell) { return '"' + String(cell).replace(/^[=+\-@\t\r]/, "'$&").replace(/"/g, '""') + '"'; };
        download("class-report.csv", "text/csv", [header].concat(rows).map(function (r) { return r.map(quote).join(","); }).join("\r\n") + "\r\n");
      };
      out.append(el("h2", {}, "Assignment: " + assignmentName + " · " + accepted.length + " student" + (accepted.length === 1 ? "" : "s")),
        el("div", { class: "md-typeset__table" }, table), csv);

      // Rubric levels across every checked exercise.
      var levels = { Basic: 0, Emergent: 0, Proficient: 0 };
      accepted.forEach(function (p) { p.exercises.forEach(function (x) { if (x.checked && x.result) levels[x.result.level]++; }); });
      var dist = el("ul", { class: "stc-levels" });
      LEVELS.forEach(function (l) { dist.append(el("li", {}, l + ": " + levels[l])); });
      out.append(el("h2", {}, "Levels reached"), dist);

      // Each unsupported claim: how many of the students who checked the exercise found it.
      var claims = [];
      ids.forEach(function (id) {
        byId[id].targets.forEach(function (t) {
          var checked = 0, found = 0;
          accepted.forEach(function (p) {
            var x = answers(p, id);
            if (x && x.checked) { checked++; found += x.picks.indexOf(t.unit) >= 0; }
          });
          if (checked) claims.push({ exercise: byId[id], target: t, missed: checked - found, checked: checked });
        });
      });
      claims.sort(function (a, b) { return b.missed / b.checked - a.missed / a.checked || b.missed - a.missed; });
      var list = el("ol", { class: "stc-claims" });
      claims.forEach(function (c) {
        var item = el("li", {}, el("p", {}, "Missed by " + c.missed + " of " + c.checked + " · " + c.exercise.title + ", sentence " + c.target.unit));
        item.append(el("blockquote", {}, c.target.quote), el("p", {}, c.target.explanation));
        list.append(item);
      });
      out.append(el("h2", {}, "Claims, most missed first"), claims.length ? list : el("p", {}, "No spot exercise has been checked yet."));
    }
  }

  var tools = { assign: assign, assignment: assignment, report: report };
  document$.subscribe(function () {
    document.querySelectorAll("[data-stc-teacher]").forEach(function (root) {
      if (root.hasAttribute("data-stc-mounted")) return;
      root.setAttribute("data-stc-mounted", "");
      var data = JSON.parse(root.querySelector(":scope > script").textContent)[0];
      root.querySelector(".stc-tool__nojs").remove();
      tools[root.getAttribute("data-stc-teacher")](root, data);
    });
  });
})();
