/* One exercise page: the learner picks, checks and tries again; progress is saved as they
   go. The kind of exercise (spot, compare) supplies its panel and its check. */
import facts from "./facts.js";
import { emptyRecord } from "./records.js";
import { rank, scoreCompare, scoreSpot } from "./scoring.js";
import { BLOCKED, load, write } from "./storage.js";
import { el, embeddedData, plural } from "./util.js";

const LEVEL_DESCRIPTIONS = new Map(facts.levels.map((level) => [level.name, level.description]));
const PROFICIENT = facts.levels.at(-1).name;

export function mountExercise(root) {
  if (root.hasAttribute("data-stc-mounted")) return;
  root.setAttribute("data-stc-mounted", "");
  const data = embeddedData(root);
  const key = root.querySelector(".stc-answers");
  const loaded = load(data.id, data.version);
  const state = loaded.record || emptyRecord(data.version);
  const notice = el("p", { class: "stc-notice" }, loaded.notice || "");
  const summary = el("p", { class: "stc-summary", role: "status" });
  const [checkButton, resetButton, revealButton] = ["Check answers", "Try again", "Show all answers"].map((label, i) =>
    el("button", { type: "button", class: `md-button${i ? "" : " md-button--primary"}` }, label),
  );
  notice.hidden = !loaded.notice;

  function save() {
    if (loaded.readOnly) return;
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

  const ui = (data.kind === "spot" ? spot : compare)(root, data, state, save);
  const controls = el("div", { class: "stc-controls" }, ui.panel);
  controls.append(checkButton, resetButton, revealButton, summary);
  root.querySelector(ui.after).after(notice, controls);

  checkButton.addEventListener("click", () => {
    const result = ui.check();
    if (!result) {
      summary.textContent = ui.empty;
      return;
    }
    state.checked = true;
    state.result = result;
    if (!state.best || rank(result) > rank(state.best)) state.best = result;
    report(result);
    save();
  });
  resetButton.addEventListener("click", () => {
    ui.reset();
    state.checked = false;
    state.result = null;
    summary.textContent = "Cleared. Make your picks again.";
    key.open = false;
    save();
  });
  revealButton.addEventListener("click", () => {
    ui.reveal();
    summary.textContent = "All answers shown; not scored. Try again to start over.";
    key.open = true;
  });
  if (state.checked) {
    // A stored result is never shown as it is: it is worked out again from the picks.
    const result = ui.check();
    state.result = result;
    if (result) report(result);
    else state.checked = false;
  }
}

/* Spot: units are checkboxes. */

function spot(root, data, state, save) {
  const units = [...root.querySelectorAll(".stc-unit")];
  const answers = new Map(data.answers.map((a) => [a.unit, a]));
  const numbers = new Set(units.map((unit) => Number(unit.getAttribute("data-unit"))));
  state.picks = state.picks.filter((n) => numbers.has(n)); // a saved pick always names a sentence here
  const panel = el("div", { class: "stc-picks" });
  let locked = false;

  const picked = (n) => state.picks.includes(n);

  function renderPicks() {
    panel.textContent = "";
    if (!state.picks.length) {
      panel.append(el("p", {}, "Select each sentence you think is unsupported."));
      return;
    }
    const list = el("ul");
    state.picks.sort((a, b) => a - b);
    for (const n of state.picks) {
      const select = el("select", { id: `${data.id}-why-${n}` }, el("option", { value: "" }, "Why? (optional)"));
      for (const why of data.skills) select.append(el("option", { value: why }, facts.whyLabels[why]));
      select.value = state.why[n] || "";
      select.disabled = locked;
      select.onchange = () => {
        if (select.value) state.why[n] = select.value;
        else delete state.why[n];
        save();
      };
      const item = el("li", {}, el("label", { for: select.id }, `Sentence ${n}: `));
      item.append(select);
      list.append(item);
    }
    panel.append(el("p", {}, "Your picks:"), list);
  }

  function toggle(unit) {
    const n = Number(unit.getAttribute("data-unit"));
    if (locked) return;
    if (picked(n)) {
      state.picks.splice(state.picks.indexOf(n), 1);
      delete state.why[n];
    } else state.picks.push(n);
    unit.setAttribute("aria-checked", picked(n));
    renderPicks();
    save();
  }

  const MOVES = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
  units.forEach((unit, i) => {
    unit.setAttribute("role", "checkbox");
    unit.setAttribute("tabindex", "0");
    unit.setAttribute("aria-checked", picked(Number(unit.getAttribute("data-unit"))));
    unit.onclick = () => toggle(unit);
    unit.onkeydown = (event) => {
      const next = units[i + (MOVES[event.key] ?? Number.NaN)];
      if (event.key === " " || event.key === "Enter") toggle(unit);
      else if (next) next.focus();
      else return;
      event.preventDefault();
    };
  });

  /* Feedback beside a unit (a link to its explanation) and atop its explanation. */
  function mark(unit, kind, label, outcome) {
    const n = unit.getAttribute("data-unit");
    const icon = { good: "✓ ", bad: "✗ ", neutral: "◐ ", key: "ⓘ " }[kind];
    const link = el("a", { class: `stc-fb stc-fb--${kind}`, href: `#${data.id}-key-${n}` }, el("span", { "aria-hidden": "true" }, icon));
    link.append(label);
    unit.after(link);
    const item = document.getElementById(`${data.id}-key-${n}`);
    if (item && outcome) item.prepend(el("p", { class: "stc-outcome" }, icon + outcome));
  }

  function lock(value) {
    locked = value;
    for (const node of root.querySelectorAll(".stc-fb, .stc-outcome")) node.remove();
    for (const unit of units) unit.setAttribute("aria-disabled", value);
    renderPicks();
  }

  renderPicks();
  return {
    panel,
    after: ".stc-passage",
    empty: "Select at least one sentence first.",
    check() {
      if (!state.picks.length) return null;
      lock(true);
      for (const unit of units) {
        const n = Number(unit.getAttribute("data-unit"));
        const answer = answers.get(n);
        const p = picked(n);
        const you = p ? "You flagged it" : "You left it";
        const verdict = answer && facts.verdicts[answer.verdict];
        if (verdict && !verdict.scored) {
          mark(unit, "neutral", verdict.label, `Not scored: ${verdict.label}. ${you}.`);
        } else if (verdict?.target) {
          mark(unit, p ? "good" : "bad", p ? "found" : "missed", p ? "You found this." : "You missed this.");
        } else if (verdict) {
          mark(
            unit,
            p ? "bad" : "good",
            "not a claim the text fails to support",
            `${you}${p ? ", but" : ", rightly:"} it is not a claim the text fails to support.`,
          );
        } else if (p) {
          mark(unit, "bad", "context, not a claim to flag");
        }
      }
      return scoreSpot(data.answers, state.picks, state.why);
    },
    describe(r) {
      return `${r.level === PROFICIENT ? "Well done! " : ""}Found ${r.found} of ${plural(r.targets, "unsupported claim")} · ${plural(
        r.wrong,
        "wrong pick",
      )} · why-labels right on ${r.whyRight} of ${r.found}. Level: ${r.level}. ${LEVEL_DESCRIPTIONS.get(r.level)}`;
    },
    reset() {
      state.picks = [];
      state.why = {};
      for (const unit of units) unit.setAttribute("aria-checked", false);
      lock(false);
    },
    reveal() {
      lock(true);
      for (const unit of units) {
        const answer = answers.get(Number(unit.getAttribute("data-unit")));
        if (answer) mark(unit, "key", facts.verdicts[answer.verdict].label);
      }
    },
  };
}

/* Compare: a verdict on the article's account of its source. */

function compare(root, data, state, save) {
  const panel = el("fieldset", { class: "stc-verdicts" }, el("legend", {}, "Your verdict"));
  const boxes = root.querySelectorAll(".stc-compare__side blockquote p");
  const inputs = Object.entries(facts.compareVerdicts).map(([value, label]) => {
    const radio = el("input", { type: "radio", name: `${data.id}-verdict`, id: `${data.id}-${value}`, value });
    radio.checked = state.verdict === value;
    radio.onchange = () => {
      state.verdict = value;
      save();
    };
    const wrap = el("label", { for: radio.id }, radio);
    wrap.append(` ${label}`);
    panel.append(wrap);
    return radio;
  });
  const note = el("textarea", { id: `${data.id}-note`, rows: 2, maxlength: facts.limits.note });
  note.value = state.note;
  note.oninput = () => {
    state.note = note.value.slice(0, facts.limits.note);
    save();
  };
  panel.append(el("label", { for: note.id }, "Your reason (optional)"), note);
  inputs.push(note);

  /* The claim and the source, with the words that differ marked (spans from the build), or plain. */
  function show(on) {
    [data.claim, data.source].forEach((text, side) => {
      const box = boxes[side];
      box.textContent = "";
      let pos = 0;
      for (const [start, end] of on ? data.marks[side] : []) {
        box.append(text.slice(pos, start), el("mark", {}, text.slice(start, end)));
        pos = end;
      }
      box.append(text.slice(pos));
    });
    for (const input of inputs) input.disabled = on;
  }

  return {
    panel,
    after: ".stc-compare",
    empty: "Pick a verdict first.",
    check() {
      if (!state.verdict) return null;
      show(true);
      return scoreCompare(data.verdict, state.verdict);
    },
    describe(r) {
      const reference = `${facts.compareVerdicts[data.verdict]}. Level: ${r.level}.`;
      return r.correct
        ? `✓ Your verdict matches the reference answer: ${reference}`
        : `✗ Your verdict: ${facts.compareVerdicts[state.verdict]}. The reference answer: ${reference}`;
    },
    reset() {
      state.verdict = "";
      state.note = "";
      note.value = "";
      for (const input of inputs) input.checked = false;
      show(false);
    },
    reveal() {
      show(true);
    },
  };
}
