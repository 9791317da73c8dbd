/* Spot the Claim learner front end: exercises, progress in localStorage, lazy page tools. */
(function () {
  "use strict";

  var PREFIX = "stc:v1:";
  var HERE = document.currentScript.src;
  var LEVELS = {
    Proficient: "Every unsupported claim found, and no wrong picks.",
    Emergent: "At least half found, counting each wrong pick against a find.",
    Basic: "Under half found, counting wrong picks: read the explanations and try again."
  };
  var BLOCKED = "Progress can't be saved in this browser (storage is blocked or full).";

  /* Storage: every read is validated, every failure survivable. */

  function storage() {
    try {
      var s = localStorage;
      s.setItem(PREFIX, "");
      s.removeItem(PREFIX);
      return s;
    } catch (e) {
      return null;
    }
  }

  function count(n) { return n === +n && n >= 0 && n % 1 === 0 && n < 1e4; }
  function text(s, max) { return typeof s === "string" && s.length <= max; }
  function map(o) { return !!o && typeof o === "object" && !Array.isArray(o); }

  function validResult(r) {
    return r === null || (map(r) && r.level in LEVELS && ("correct" in r
      ? typeof r.correct === "boolean"
      : [r.found, r.targets, r.wrong, r.whyRight].every(count)));
  }

  function validRecord(r) {
    return map(r) && /^[0-9a-f]{16}$/.test(r.version) && Array.isArray(r.picks) && r.picks.every(count) &&
      map(r.why) && Object.keys(r.why).every(function (k) { return text(r.why[k], 40); }) &&
      text(r.verdict, 40) && text(r.note, 4000) && typeof r.checked === "boolean" && text(r.at, 40) &&
      validResult(r.result) && validResult(r.best);
  }

  function write(id, record) {
    var s = storage();
    try { s.setItem(PREFIX + id, JSON.stringify(record)); return true; } catch (e) { return false; }
  }

  function readAll() {
    var s = storage(), out = {};
    for (var i = 0; s && i < s.length; i++) {
      var k = s.key(i), id = k.slice(PREFIX.length);
      if (k.indexOf(PREFIX) || !/^[a-z0-9-]+$/.test(id)) continue;  // not ours, or set aside
      try {
        var r = JSON.parse(s.getItem(k));
        if (validRecord(r)) out[id] = r;
      } catch (e) { /* unreadable: skipped */ }
    }
    return out;
  }

  /* Saved state, or a notice why it starts fresh; unusable records are moved aside. */
  function load(data) {
    var s = storage(), raw = s && s.getItem(PREFIX + data.id), record = null;
    if (!s) return { notice: BLOCKED };
    if (raw === null) return {};
    try { record = JSON.parse(raw); } catch (e) { /* reported below */ }
    var problem = !validRecord(record) ? "could not be read" : record.version !== data.version ? "was for an earlier version of this exercise" : "";
    if (!problem) return { record: record };
    try { s.setItem(PREFIX + "aside:" + data.id + ":" + Date.now(), raw); } catch (e) { /* full */ }
    s.removeItem(PREFIX + data.id);
    return { notice: "Your saved progress " + problem + ", so the exercise starts fresh. The old answers were kept aside." };
  }

  function el(tag, attrs, content) {
    var node = document.createElement(tag);
    for (var k in attrs) node.setAttribute(k, attrs[k]);
    if (content !== undefined) node.append(content);
    return node;
  }

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  /* One exercise: state, buttons, summary; its kind (spot, compare) does the rest. */

  function mount(root) {
    if (root.hasAttribute("data-stc-mounted")) return;
    root.setAttribute("data-stc-mounted", "");
    // The data is [ {...} ]; after instant navigation Material has replaced the script
    // with a copy that keeps only its text, so it is found by position, not by class.
    var data = JSON.parse(root.querySelector(":scope > script").textContent)[0];
    var key = root.querySelector(".stc-answers");
    var loaded = load(data);
    var state = loaded.record || { version: data.version, picks: [], why: {}, verdict: "", note: "", checked: false, result: null, best: null, at: "" };
    var notice = el("p", { class: "stc-notice" }, loaded.notice || "");
    var summary = el("p", { class: "stc-summary", role: "status" });
    var buttons = ["Check answers", "Try again", "Show all answers"].map(function (label, i) {
      return el("button", { type: "button", class: "md-button" + (i ? "" : " md-button--primary") }, label);
    });
    notice.hidden = !loaded.notice;

    function save() {
      state.at = new Date().toISOString();
      if (!write(data.id, state) && notice.hidden) {
        notice.textContent = BLOCKED;
        notice.hidden = false;
      }
    }

    function report(result) {
      summary.textContent = ui.describe(result);
      key.open = true;
    }

    var ui = (data.kind === "spot" ? spot : compare)(root, data, state, save);
    var controls = el("div", { class: "stc-controls" }, ui.panel);
    controls.append.apply(controls, buttons.concat(summary));
    root.querySelector(ui.after).after(notice, controls);

    buttons[0].addEventListener("click", function () {
      var result = ui.check();
      if (!result) return (summary.textContent = ui.empty);
      state.checked = true;
      state.result = result;
      if (!state.best || ui.rank(result) > ui.rank(state.best)) state.best = result;
      report(result);
      save();
    });
    buttons[1].addEventListener("click", function () {
      ui.reset();
      state.checked = false;
      state.result = null;
      summary.textContent = "Cleared. Make your picks again.";
      key.open = false;
      save();
    });
    buttons[2].addEventListener("click", function () {
      ui.reveal();
      summary.textContent = "All answers shown; not scored. Try again to start over.";
      key.open = true;
    });
    if (state.checked && state.result && ui.check()) report(state.result);
  }

  /* Spot: units are checkboxes. */

  function spot(root, data, state, save) {
    var units = [].slice.call(root.querySelectorAll(".stc-unit"));
    var answers = {}, targets = 0, locked = false;
    var panel = el("div", { class: "stc-picks" });
    data.answers.forEach(function (a) { answers[a.unit] = a; targets += a.target; });

    function picked(n) { return state.picks.indexOf(n) >= 0; }

    function renderPicks() {
      panel.textContent = "";
      if (!state.picks.length) return panel.append(el("p", {}, "Select each sentence you think is unsupported."));
      var list = el("ul");
      state.picks.sort(function (a, b) { return a - b; }).forEach(function (n) {
        var select = el("select", { id: data.id + "-why-" + n }, el("option", { value: "" }, "Why? (optional)"));
        for (var w in data.whyLabels) select.append(el("option", { value: w }, data.whyLabels[w]));
        select.value = state.why[n] || "";
        select.disabled = locked;
        select.onchange = function () { state.why[n] = select.value; save(); };
        list.append(el("li", {}, el("label", { for: select.id }, "Sentence " + n + ": ")));
        list.lastChild.append(select);
      });
      panel.append(el("p", {}, "Your picks:"), list);
    }

    function toggle(unit) {
      var n = +unit.getAttribute("data-unit");
      if (locked) return;
      if (picked(n)) {
        state.picks.splice(state.picks.indexOf(n), 1);
        delete state.why[n];
      } else state.picks.push(n);
      unit.setAttribute("aria-checked", picked(n));
      renderPicks();
      save();
    }

    units.forEach(function (unit, i) {
      unit.setAttribute("role", "checkbox");
      unit.setAttribute("tabindex", "0");
      unit.setAttribute("aria-checked", picked(+unit.getAttribute("data-unit")));
      unit.onclick = function () { toggle(unit); };
      unit.onkeydown = function (event) {
        var next = units[i + ({ ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key] || NaN)];
        if (event.key === " " || event.key === "Enter") toggle(unit);
        else if (next) next.focus();
        else return;
        event.preventDefault();
      };
    });

    /* Feedback beside a unit (a link to its explanation) and atop its explanation. */
    function mark(unit, kind, label, outcome) {
      var n = unit.getAttribute("data-unit"), icon = { good: "✓ ", bad: "✗ ", neutral: "◐ ", key: "ⓘ " }[kind];
      var link = el("a", { class: "stc-fb stc-fb--" + kind, href: "#" + data.id + "-key-" + n }, el("span", { "aria-hidden": "true" }, icon));
      link.append(label);
      unit.after(link);
      var item = document.getElementById(data.id + "-key-" + n);
      if (item && outcome) item.prepend(el("p", { class: "stc-outcome" }, icon + outcome));
    }

    function lock(value) {
      locked = value;
      root.querySelectorAll(".stc-fb, .stc-outcome").forEach(function (node) { node.remove(); });
      units.forEach(function (unit) { unit.setAttribute("aria-disabled", value); });
      renderPicks();
    }

    renderPicks();
    return {
      panel: panel,
      after: ".stc-passage",
      empty: "Select at least one sentence first.",
      rank: function (r) { return (r.found - r.wrong) * 100 + r.whyRight; },
      check: function () {
        if (!state.picks.length) return null;
        lock(true);
        var found = 0, wrong = 0, whyRight = 0;
        units.forEach(function (unit) {
          var n = +unit.getAttribute("data-unit"), a = answers[n], p = picked(n);
          var you = p ? "You flagged it" : "You left it";
          if (a && !a.scored) {
            var label = data.verdictLabels[a.verdict];
            mark(unit, "neutral", label, "Not scored: " + label + ". " + you + ".");
          } else if (a && a.target) {
            found += p;
            whyRight += p && a.why.indexOf(state.why[n]) >= 0;
            mark(unit, p ? "good" : "bad", p ? "found" : "missed", p ? "You found this." : "You missed this.");
          } else if (a) {
            wrong += p;
            mark(unit, p ? "bad" : "good", "not a claim the text fails to support",
              you + (p ? ", but" : ", rightly:") + " it is not a claim the text fails to support.");
          } else if (p) {
            wrong++;
            mark(unit, "bad", "context, not a claim to flag");
          }
        });
        var level = found === targets && !wrong ? "Proficient" : (found - wrong) / targets >= 0.5 ? "Emergent" : "Basic";
        return { found: found, targets: targets, wrong: wrong, whyRight: whyRight, level: level };
      },
      describe: function (r) {
        return (r.level === "Proficient" ? "Well done! " : "") + "Found " + r.found + " of " + plural(r.targets, "unsupported claim") +
          " · " + plural(r.wrong, "wrong pick") + " · why-labels right on " + r.whyRight + " of " + r.found + ". Level: " + r.level + ". " + LEVELS[r.level];
      },
      reset: function () {
        state.picks = [];
        state.why = {};
        units.forEach(function (unit) { unit.setAttribute("aria-checked", false); });
        lock(false);
      },
      reveal: function () {
        lock(true);
        units.forEach(function (unit) {
          var a = answers[unit.getAttribute("data-unit")];
          if (a) mark(unit, "key", data.verdictLabels[a.verdict]);
        });
      }
    };
  }

  /* Compare: a verdict on the article's account of its source. */

  function compare(root, data, state, save) {
    var panel = el("fieldset", { class: "stc-verdicts" }, el("legend", {}, "Your verdict"));
    var boxes = root.querySelectorAll(".stc-compare__side blockquote p");
    var inputs = Object.keys(data.verdictLabels).map(function (v) {
      var radio = el("input", { type: "radio", name: data.id + "-verdict", id: data.id + "-" + v, value: v });
      radio.checked = state.verdict === v;
      radio.onchange = function () { state.verdict = v; save(); };
      panel.append(el("label", { for: radio.id }, radio));
      panel.lastChild.append(" " + data.verdictLabels[v]);
      return radio;
    });
    var note = el("textarea", { id: data.id + "-note", rows: 2 });
    note.value = state.note;
    note.oninput = function () { state.note = note.value.slice(0, 4000); save(); };
    panel.append(el("label", { for: note.id }, "Your reason (optional)"), note);
    inputs.push(note);

    /* Show the claim and the source with the words that differ marked; or plain. */
    function show(on) {
      [data.claim, data.source].forEach(function (text, side) {
        var ranges = [], pos = 0;
        data.differences.forEach(function (d) {
          var at = text.indexOf(side ? d.source : d.claim);
          if (on && at >= 0) ranges.push([at, at + (side ? d.source : d.claim).length]);
        });
        boxes[side].textContent = "";
        ranges.sort(function (a, b) { return a[0] - b[0]; }).forEach(function (r) {
          if (r[0] < pos) return;
          boxes[side].append(text.slice(pos, r[0]), el("mark", {}, text.slice(r[0], r[1])));
          pos = r[1];
        });
        boxes[side].append(text.slice(pos));
      });
      inputs.forEach(function (input) { input.disabled = on; });
    }

    return {
      panel: panel,
      after: ".stc-compare",
      empty: "Pick a verdict first.",
      rank: function (r) { return +r.correct; },
      check: function () {
        if (!state.verdict) return null;
        show(true);
        var correct = state.verdict === data.verdict;
        return { correct: correct, level: correct ? "Proficient" : "Basic" };
      },
      describe: function (r) {
        var reference = data.verdictLabels[data.verdict] + ". Level: " + r.level + ".";
        return r.correct ? "✓ Your verdict matches the reference answer: " + reference
          : "✗ Your verdict: " + data.verdictLabels[state.verdict] + ". The reference answer: " + reference;
      },
      reset: function () {
        state.verdict = state.note = note.value = "";
        inputs.forEach(function (input) { input.checked = false; });
        show(false);
      },
      reveal: function () { show(true); }
    };
  }

  window.spotTheClaim = { readAll: readAll, valid: validRecord, write: write, storage: storage, el: el };
  var LAZY = { "[data-stc-progress]": "progress.js", "[data-stc-teacher]": "teacher.js" };

  document$.subscribe(function () {
    var start = performance.now();
    document.querySelectorAll("[data-exercise]").forEach(mount);
    for (var selector in LAZY) {
      if (LAZY[selector] && document.querySelector(selector)) {
        document.head.append(el("script", { src: new URL(LAZY[selector], HERE) }));
        LAZY[selector] = "";  // loaded once; it mounts on each later document$ itself
      }
    }
    performance.measure("stc-ready", { start: start });  // read by make bench
  });
})();
