/* Spot the Claim: the learner's front end. Turns each exercise page (an element with
   data-exercise and its data as JSON) into an interactive exercise, and fills the
   progress page. Mounts on every Material document$ emission, never twice on one element.
   Progress lives in localStorage only; nothing leaves the browser. */
(function () {
  "use strict";

  var PREFIX = "stc:v1:";
  var LEVELS = {
    Proficient: "You found every unsupported claim and made no wrong picks.",
    Emergent: "At least half found, counting each wrong pick against a find.",
    Basic: "Fewer than half found once wrong picks are counted: read the explanations and try again."
  };

  /* ---------- storage: every read is validated, every failure is survivable ---------- */

  function storage() {
    try {
      var s = window.localStorage, probe = PREFIX + "probe";
      s.setItem(probe, "1");
      s.removeItem(probe);
      return s;
    } catch (e) {
      return null;
    }
  }

  function isCount(n) { return typeof n === "number" && n >= 0 && n % 1 === 0 && n < 1e4; }

  function validResult(r) {
    if (r === null) return true;
    if (!r || typeof r !== "object" || !(r.level in LEVELS)) return false;
    if ("correct" in r) return typeof r.correct === "boolean";
    return isCount(r.found) && isCount(r.targets) && isCount(r.wrong) && isCount(r.whyRight);
  }

  function validRecord(r) {
    if (!r || typeof r !== "object" || Array.isArray(r)) return false;
    if (typeof r.version !== "string" || !/^[0-9a-f]{16}$/.test(r.version)) return false;
    if (!Array.isArray(r.picks) || !r.picks.every(isCount)) return false;
    if (!r.why || typeof r.why !== "object" || Array.isArray(r.why)) return false;
    for (var k in r.why) if (typeof r.why[k] !== "string" || r.why[k].length > 40) return false;
    if (typeof r.verdict !== "string" || r.verdict.length > 40) return false;
    if (typeof r.note !== "string" || r.note.length > 4000) return false;
    if (typeof r.checked !== "boolean" || typeof r.at !== "string") return false;
    return validResult(r.result) && validResult(r.best);
  }

  function readRecord(id) {
    var s = storage();
    if (!s) return { notice: "Progress can't be saved in this browser (storage is blocked), so it will be lost when you leave the page." };
    var raw = s.getItem(PREFIX + id);
    if (raw === null) return {};
    var record = null;
    try { record = JSON.parse(raw); } catch (e) { /* reported below */ }
    return { record: record, raw: raw };
  }

  function setAside(id, raw, why) {
    var s = storage();
    if (s) {
      try { s.setItem(PREFIX + "set-aside:" + id + ":" + Date.now(), raw); } catch (e) { /* full */ }
      s.removeItem(PREFIX + id);
    }
    return why;
  }

  function writeRecord(id, record) {
    var s = storage();
    if (!s) return false;
    try { s.setItem(PREFIX + id, JSON.stringify(record)); return true; } catch (e) { return false; }
  }

  function allRecords() {
    var s = storage(), out = {};
    if (!s) return out;
    for (var i = 0; i < s.length; i++) {
      var key = s.key(i);
      if (key.indexOf(PREFIX) !== 0 || key.indexOf(PREFIX + "set-aside:") === 0) continue;
      try {
        var r = JSON.parse(s.getItem(key));
        if (validRecord(r)) out[key.slice(PREFIX.length)] = r;
      } catch (e) { /* skip unreadable entries */ }
    }
    return out;
  }

  /* ---------- small DOM helpers ---------- */

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var k in attrs || {}) node.setAttribute(k, attrs[k]);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function button(label, primary) {
    return el("button", { type: "button", class: "md-button" + (primary ? " md-button--primary" : "") }, label);
  }

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  /* ---------- one exercise ---------- */

  function mount(root) {
    if (root.hasAttribute("data-stc-mounted")) return;
    root.setAttribute("data-stc-mounted", "");
    // The data is [ {...} ]; after instant navigation Material has replaced the script
    // with a copy that keeps only its text, so it is found by position, not by class.
    var data = JSON.parse(root.querySelector(":scope > script").textContent)[0];
    var key = root.querySelector(".stc-answers");
    var state = { version: data.version, picks: [], why: {}, verdict: "", note: "", checked: false, result: null, best: null, at: "" };

    var controls = el("div", { class: "stc-controls" });
    var notice = el("p", { class: "stc-notice", hidden: "" });
    var summary = el("p", { class: "stc-summary", role: "status" });
    var check = button("Check answers", true), again = button("Try again"), show = button("Show all answers");
    var loaded = readRecord(data.id);
    if (loaded.raw !== undefined) {
      if (!validRecord(loaded.record)) {
        loaded.notice = setAside(data.id, loaded.raw, "Your saved progress for this exercise could not be read, so it was set aside and the exercise starts fresh.");
      } else if (loaded.record.version !== data.version) {
        loaded.notice = setAside(data.id, loaded.raw, "This exercise has changed since you last worked on it, so it starts fresh. Your earlier answers were kept aside.");
      } else {
        state = loaded.record;
      }
    }
    if (loaded.notice) { notice.textContent = loaded.notice; notice.hidden = false; }

    function save() {
      state.at = new Date().toISOString();
      if (!writeRecord(data.id, state) && !loaded.notice) {
        loaded.notice = notice.textContent = "Progress can't be saved in this browser, so it will be lost when you leave the page.";
        notice.hidden = false;
      }
    }

    var ui = data.kind === "spot" ? spot(root, data, state, save) : compare(root, data, state, save);
    controls.append(ui.panel, check, again, show, summary);
    root.querySelector(ui.after).after(notice, controls);

    function finish(result) {
      state.checked = true;
      state.result = result;
      if (!state.best || rank(result) > rank(state.best)) state.best = result;
      summary.textContent = ui.describe(result) + " Level: " + result.level + ". " + LEVELS[result.level];
      key.open = true;
      save();
    }
    check.addEventListener("click", function () {
      var result = ui.check();
      if (result) finish(result); else summary.textContent = ui.empty;
    });
    again.addEventListener("click", function () {
      ui.reset();
      state.checked = false;
      state.result = null;
      summary.textContent = "Cleared. Make your picks again.";
      key.open = false;
      save();
    });
    show.addEventListener("click", function () {
      ui.reveal();
      summary.textContent = "All answers shown; this attempt is not scored. Press Try again to start over.";
      key.open = true;
    });
    if (state.checked && state.result) {
      ui.check();
      summary.textContent = ui.describe(state.result) + " Level: " + state.result.level + ". " + LEVELS[state.result.level];
    }
    performance.mark("stc-ready:" + data.id);
  }

  function rank(result) {
    return "correct" in result ? +result.correct : (result.found - result.wrong) * 100 + result.whyRight;
  }

  /* ---------- spot: units are checkboxes ---------- */

  function spot(root, data, state, save) {
    var units = Array.prototype.slice.call(root.querySelectorAll(".stc-unit"));
    var answers = {};
    data.answers.forEach(function (a) { answers[a.unit] = a; });
    var targets = data.answers.filter(function (a) { return a.target; }).length;
    var panel = el("div", { class: "stc-picks" });
    var locked = false;

    function picked(n) { return state.picks.indexOf(n) >= 0; }

    function renderPicks() {
      panel.textContent = "";
      if (!state.picks.length) {
        panel.append(el("p", {}, "Select the sentences you think are unsupported. Your picks appear here."));
        return;
      }
      var list = el("ul");
      state.picks.slice().sort(function (a, b) { return a - b; }).forEach(function (n) {
        var id = root.getAttribute("data-exercise") + "-why-" + n;
        var select = el("select", { id: id });
        select.append(el("option", { value: "" }, "Why? (optional)"));
        for (var w in data.whyLabels) select.append(el("option", { value: w }, data.whyLabels[w]));
        select.value = state.why[n] || "";
        select.disabled = locked;
        select.addEventListener("change", function () { state.why[n] = select.value; save(); });
        var item = el("li");
        item.append(el("label", { for: id }, "Sentence " + n + ": "), select);
        list.append(item);
      });
      panel.append(el("p", {}, "Your picks:"), list);
    }

    function toggle(unit) {
      if (locked) return;
      var n = +unit.getAttribute("data-unit");
      if (picked(n)) {
        state.picks.splice(state.picks.indexOf(n), 1);
        delete state.why[n];
      } else state.picks.push(n);
      unit.setAttribute("aria-checked", String(picked(n)));
      renderPicks();
      save();
    }

    units.forEach(function (unit, i) {
      unit.setAttribute("role", "checkbox");
      unit.setAttribute("tabindex", "0");
      unit.setAttribute("aria-checked", String(picked(+unit.getAttribute("data-unit"))));
      unit.addEventListener("click", function () { toggle(unit); });
      unit.addEventListener("keydown", function (event) {
        var step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
        if (event.key === " " || event.key === "Enter") {
          event.preventDefault();
          toggle(unit);
        } else if (step && units[i + step]) {
          event.preventDefault();
          units[i + step].focus();
        }
      });
    });

    function mark(unit, kind, text, outcome) {
      var n = unit.getAttribute("data-unit"), icon = { good: "✓ ", bad: "✗ ", neutral: "◐ ", key: "ⓘ " }[kind];
      var link = el("a", { class: "stc-fb stc-fb--" + kind, href: "#" + root.getAttribute("data-exercise") + "-key-" + n });
      link.append(el("span", { "aria-hidden": "true" }, icon), text);
      unit.after(link);
      var item = root.querySelector('.stc-key__item[data-unit="' + n + '"]');
      if (item && outcome) item.prepend(el("p", { class: "stc-outcome" }, icon + outcome));
    }

    function clearMarks() {
      root.querySelectorAll(".stc-fb, .stc-outcome").forEach(function (node) { node.remove(); });
    }

    function lock(value) {
      locked = value;
      units.forEach(function (unit) { unit.setAttribute("aria-disabled", String(value)); });
      renderPicks();
    }

    renderPicks();
    return {
      panel: panel,
      after: ".stc-passage",
      empty: "Select at least one sentence first.",
      check: function () {
        if (!state.picks.length) return null;
        clearMarks();
        var found = 0, wrong = 0, whyRight = 0;
        units.forEach(function (unit) {
          var n = +unit.getAttribute("data-unit"), a = answers[n], p = picked(n);
          var you = p ? "You flagged it" : "You left it";
          if (a && (a.verdict === "opinion" || a.verdict === "debatable")) {
            mark(unit, "neutral", a.verdict, "Not scored: " + a.verdict + ". " + you + ".");
          } else if (a && a.target) {
            if (p) {
              found++;
              if (a.why.indexOf(state.why[n]) >= 0) whyRight++;
            }
            mark(unit, p ? "good" : "bad", p ? "found" : "missed", p ? "You found this." : "You missed this.");
          } else if (a) {
            if (p) wrong++;
            mark(unit, p ? "bad" : "good", "not a claim the text fails to support",
              you + (p ? ", but" : ", rightly:") + " it is not a claim the text fails to support.");
          } else if (p) {
            wrong++;
            mark(unit, "bad", "context, not a claim to flag");
          }
        });
        lock(true);
        var score = Math.max(0, found - wrong) / targets;
        var level = found === targets && !wrong ? "Proficient" : score >= 0.5 ? "Emergent" : "Basic";
        return { found: found, targets: targets, wrong: wrong, whyRight: whyRight, level: level };
      },
      describe: function (r) {
        var text = "Found " + r.found + " of " + plural(r.targets, "unsupported claim") + " · " + plural(r.wrong, "wrong pick") +
          " · why-labels right on " + r.whyRight + " of " + r.found + ".";
        return r.level === "Proficient" ? "Well done! " + text : text;
      },
      reset: function () {
        clearMarks();
        state.picks = [];
        state.why = {};
        units.forEach(function (unit) { unit.setAttribute("aria-checked", "false"); });
        lock(false);
      },
      reveal: function () {
        clearMarks();
        lock(true);
        units.forEach(function (unit) {
          var a = answers[+unit.getAttribute("data-unit")];
          if (a) mark(unit, "key", data.verdictLabels[a.verdict]);
        });
      }
    };
  }

  /* ---------- compare: a verdict on the article's description of its source ---------- */

  function compare(root, data, state, save) {
    var id = root.getAttribute("data-exercise");
    var panel = el("fieldset", { class: "stc-verdicts" });
    panel.append(el("legend", {}, "Your verdict"));
    var radios = [];
    for (var v in data.verdictLabels) {
      var radio = el("input", { type: "radio", name: id + "-verdict", id: id + "-" + v, value: v });
      radio.checked = state.verdict === v;
      radio.addEventListener("change", function (event) { state.verdict = event.target.value; save(); });
      var label = el("label", { for: radio.id });
      label.append(radio, " " + data.verdictLabels[v]);
      panel.append(label);
      radios.push(radio);
    }
    var note = el("textarea", { id: id + "-note", rows: "2" });
    note.value = state.note;
    note.addEventListener("input", function () { state.note = note.value.slice(0, 4000); save(); });
    panel.append(el("label", { for: note.id }, "Your reason (optional)"), note);
    var boxes = root.querySelectorAll(".stc-compare__side blockquote p");

    function highlight(on) {
      [data.claim, data.source].forEach(function (text, side) {
        var box = boxes[side], ranges = [], pos = 0;
        if (on) data.differences.forEach(function (d) {
          var words = side ? d.source : d.claim, at = text.indexOf(words);
          if (at >= 0) ranges.push([at, at + words.length]);
        });
        box.textContent = "";
        ranges.sort(function (a, b) { return a[0] - b[0]; }).forEach(function (r) {
          if (r[0] < pos) return;
          box.append(text.slice(pos, r[0]), el("mark", {}, text.slice(r[0], r[1])));
          pos = r[1];
        });
        box.append(text.slice(pos));
      });
    }

    function lock(value) {
      radios.concat([note]).forEach(function (input) { input.disabled = value; });
    }

    return {
      panel: panel,
      after: ".stc-compare",
      empty: "Pick a verdict first.",
      check: function () {
        if (!state.verdict) return null;
        highlight(true);
        lock(true);
        var correct = state.verdict === data.verdict;
        return { correct: correct, level: correct ? "Proficient" : "Basic" };
      },
      describe: function (r) {
        return r.correct
          ? "✓ Your verdict matches the reference answer: " + data.verdictLabels[data.verdict] + "."
          : "✗ Your verdict: " + data.verdictLabels[state.verdict] + ". The reference answer: " + data.verdictLabels[data.verdict] + ".";
      },
      reset: function () {
        state.verdict = "";
        state.note = note.value = "";
        radios.forEach(function (radio) { radio.checked = false; });
        highlight(false);
        lock(false);
      },
      reveal: function () {
        highlight(true);
        lock(true);
      }
    };
  }

  window.spotTheClaim = { readAll: allRecords, valid: validRecord, write: writeRecord, storage: storage, prefix: PREFIX };

  document$.subscribe(function () {
    document.querySelectorAll("[data-exercise]").forEach(mount);
  });
})();
