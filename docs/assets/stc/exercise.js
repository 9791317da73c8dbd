/* One exercise page: the learner picks, checks and tries again; progress is saved as they
   go. The kind of exercise (spot, compare) supplies its panel and its check. The reference
   answers stay hidden until the first check, and that first check is the learner's result:
   after it the answers are in view, so later checks are practice and never replace it.
   Shown before the first check, the answers mark the exercise "answers seen", and then no
   result counts. (The record keeps the counted result under its old name, `best`.) */
import { readAssignment } from "./assignment-link.js";
import facts from "./facts.js";
import { assignmentBar, nextStep } from "./flow.js";
import { markExerciseLinks } from "./marks.js";
import { OUTCOMES, signed } from "./outcomes.js";
import { packageExercises } from "./package-scope.js";
import { answerKey, emptyRecord } from "./records.js";
import { describeForLearner, learnerName, rank, scoreCompare, scoreSpot } from "./scoring.js";
import { BLOCKED, load, readOne, write } from "./storage.js";
import { pickable } from "./units.js";
import { ask, builtExercises, builtLinks, el, embeddedData, plural } from "./util.js";

const PROFICIENT = facts.levels.at(-1).name;

export function mountExercise(root) {
  if (root.hasAttribute("data-stc-mounted")) return;
  root.setAttribute("data-stc-mounted", "");
  const data = embeddedData(root);
  const exercises = builtExercises();
  const links = builtLinks();
  const found = readAssignment(location.search, exercises);
  const set = found?.ids.includes(data.id) ? found : null; // opened from an assignment
  const key = root.querySelector(".stc-answers");
  const hiddenUntilChecked = [key, root.querySelector(".stc-questions")].filter(Boolean);
  const loaded = load(data.id, data.version);
  const state = loaded.record || emptyRecord(data.version);
  state.answersSeen = state.answersSeen === true; // records saved before it was recorded
  const notice = el("p", { class: "stc-notice" }, loaded.notice || "");
  const summary = el("p", { class: "stc-summary", role: "status" });
  const keyNote = el(
    "p",
    { class: "stc-key-note" },
    "Your first check is your result. The reference answers open here after it; then you can practise with Try again.",
  );
  const [checkButton, resetButton, revealButton] = ["Check answers", "Try again", "Show all answers"].map((label, i) =>
    el("button", { type: "button", class: `md-button${i ? "" : " md-button--primary"}` }, label),
  );
  const next = nextStep(data.id, exercises, set, links, packageExercises());
  next.hidden = true;
  let confirmBox = null;
  let prompt = ""; // a prompt in the summary that goes as soon as it no longer applies
  notice.hidden = !loaded.notice;

  /** What another tab, or this page restored from the browser's history, may have stored
      since this page read it: the answers seen and the first check's result are never lost
      to a stale copy. Called before every decision that depends on them and before every write. */
  function sync() {
    const stored = readOne(data.id)?.record;
    if (!stored || stored.version !== data.version) return;
    if (stored.answersSeen === true) state.answersSeen = true;
    if (stored.best && !state.best) {
      state.best = stored.best;
      state.bestAnswer = stored.bestAnswer;
    }
    if (state.answersSeen) {
      state.best = null; // the two never go together (see records.js)
      delete state.bestAnswer;
    }
  }

  /** Save; false if storage refused. */
  function save() {
    if (loaded.readOnly) return false;
    sync();
    state.at = new Date().toISOString();
    const saved = write(data.id, state);
    if (!saved && notice.hidden) {
      notice.textContent = BLOCKED;
      notice.hidden = false;
    }
    markExerciseLinks(); // the navigation's done and started marks follow every change
    return saved;
  }

  /** Saved after every change the learner makes; a prompt such as "Select at least one
      sentence first" goes as soon as they act on what it asks (`answers`: the change was
      to their picks or verdict, not only to a written reason). */
  function changed(answers = true) {
    if (answers && prompt && summary.textContent === prompt) summary.textContent = "";
    if (answers) prompt = "";
    save();
  }

  const cleanAttempt = () => state.best !== null || (state.checked && !state.answersSeen);
  function showKey() {
    const available = state.checked || state.best !== null || state.answersSeen;
    for (const part of hiddenUntilChecked) part.hidden = !available;
    keyNote.hidden = available;
  }

  /** Whether the work checked now is the first check's, the one that counts. */
  function isCounted(result) {
    if (!state.best) return true; // nothing else counts
    if (!state.bestAnswer) return rank(result) === rank(state.best); // saved before answers were kept
    return answerKey(ui.answer()) === answerKey(state.bestAnswer);
  }

  /** Shows `result`; `justMade` when the check that made it is the first, made now. */
  function report(result, justMade = false) {
    let text;
    if (state.answersSeen) text = `Answers seen before your first check, so this result does not count as your own. ${ui.describe(result)}`;
    else if (justMade)
      text = `${learnerName(result.level)}. ${ui.describe(result)} This first check is your result; checks after it are practice.`;
    else if (isCounted(result))
      text = `${learnerName(result.level)}. ${ui.describe(result)} These are your first check's answers: your result.`;
    else
      text = `Practice: ${learnerName(result.level)}. ${ui.describe(result)} Your result stays your first check: ${describeForLearner(state.best)}.`;
    summary.textContent = text;
    showKey();
    key.open = true;
    next.hidden = false;
    checkButton.classList.remove("md-button--primary"); // the next step is now the way on
  }

  const ui = (data.kind === "spot" ? spot : compare)(root, data, state, changed);
  const controls = el("div", { class: "stc-controls" }, ui.panel);
  // The result comes first, where the learner is looking, then the way on, then the buttons.
  controls.append(summary, next, checkButton, resetButton, revealButton);
  root.querySelector(ui.after).after(notice, controls);
  key.before(keyNote);
  if (set) root.prepend(assignmentBar(data.id, set, exercises, links));

  checkButton.addEventListener("click", () => {
    sync();
    if (ui.locked()) {
      summary.textContent = prompt = "The answers are shown: press Try again to make your picks.";
      return;
    }
    const result = ui.check();
    if (!result) {
      summary.textContent = prompt = ui.empty;
      return;
    }
    state.checked = true;
    state.result = result;
    const first = !state.answersSeen && !state.best;
    if (first) {
      // The first check: the learner's result, and what they hand in, whatever they try after.
      state.best = result;
      state.bestAnswer = ui.answer();
    }
    report(result, first);
    save();
    // The result, not the list of picks above it, is what the learner looks for now.
    summary.scrollIntoView({ block: "nearest" });
  });
  resetButton.addEventListener("click", () => {
    sync();
    ui.reset();
    state.checked = false;
    state.result = null;
    summary.textContent = "Cleared. Make your picks again.";
    key.open = false;
    next.hidden = true;
    checkButton.classList.add("md-button--primary");
    save();
  });
  revealButton.addEventListener("click", () => {
    sync();
    if (cleanAttempt() || state.answersSeen) reveal();
    else confirmReveal();
  });

  function reveal() {
    const wasChecked = state.checked;
    ui.reveal();
    showKey();
    key.open = true;
    summary.textContent = state.answersSeen
      ? "All answers shown. This exercise is marked \u201canswers seen\u201d: no result on it counts as your own. Press Try again to practise."
      : wasChecked
        ? "All answers shown. Your checked result stays saved; press Try again to start over."
        : "All answers shown. Press Try again to start over.";
  }

  /** Before the first check, showing the answers costs the learner their score: ask. */
  function confirmReveal() {
    confirmBox?.remove();
    confirmBox = ask((box) => revealButton.after(box), {
      label: "Show the answers before checking?",
      content: [
        el(
          "p",
          {},
          `You have not checked this exercise yet. If you show the answers now, it is marked \u201canswers seen\u201d: whatever you score on it afterwards will not count as your own result.${packageExercises() ? " In your course, it earns 0." : ""}`,
        ),
      ],
      yes: "Show the answers",
      onYes() {
        confirmBox = null;
        state.answersSeen = true;
        state.best = null;
        if (!loaded.readOnly && !save()) {
          // Not recorded: nothing more is saved from this page, so no result made after
          // seeing the answers can be stored as the learner's own.
          loaded.readOnly = true;
          notice.textContent = "This browser's storage refused to save that the answers were shown, so nothing more is saved on this page.";
          notice.hidden = false;
        }
        reveal();
        revealButton.focus();
      },
      onCancel() {
        confirmBox = null;
        revealButton.focus();
      },
    });
  }

  showKey();
  if (state.checked) {
    // A stored result is never shown as it is: it is worked out again from the picks.
    const result = ui.check();
    state.result = result;
    if (result && !state.best && !state.answersSeen) {
      // A check stored without its result kept as the first (made before that was kept, or
      // brought by a file): it is the first check, and no later one may be.
      state.best = result;
      state.bestAnswer = ui.answer();
      save();
    }
    if (result) report(result);
    else state.checked = false;
  }
}

/* Spot: units are checkboxes. */

function spot(root, data, state, changed) {
  const units = [...root.querySelectorAll(".stc-unit")];
  const answers = new Map(data.answers.map((a) => [a.unit, a]));
  const numbers = new Set(units.map((unit) => Number(unit.getAttribute("data-unit"))));
  state.picks = state.picks.filter((n) => numbers.has(n)); // a saved pick always names a sentence here
  const panel = el("div", { class: "stc-picks" });
  let locked = false;
  let outcomes = null; // after a check: each unit's outcome

  const picked = (n) => state.picks.includes(n);
  const short = (why) => facts.whyShort[why] ?? why;
  const reference = (answer) => (answer.why.length ? answer.why.map(short).join("; ") : facts.verdicts[answer.verdict].label);

  /** "You said: … · Reference: …" for a picked unit with an answer. */
  function reasons(n) {
    const answer = answers.get(n);
    const said = state.why[n] ? short(state.why[n]) : "no reason given";
    return answer ? `You said: ${said} · Reference: ${reference(answer)}` : `You said: ${said}`;
  }

  function renderPicks() {
    panel.textContent = "";
    if (!state.picks.length) {
      panel.append(el("p", {}, "Select each sentence you think is unsupported."));
      return;
    }
    const list = el("ul");
    state.picks.sort((a, b) => a - b);
    for (const n of state.picks) {
      if (outcomes) {
        const outcome = OUTCOMES[outcomes.get(n).name];
        const item = el("li", { class: `stc-pick-result stc-pick-result--${outcomes.get(n).name}` });
        const link = el("a", { href: `#${data.id}-key-${n}` }, `Sentence ${n}`);
        item.append(link, ": ", signed(outcome.sign, `${outcome.word}. `), reasons(n));
        list.append(item);
        continue;
      }
      const select = el("select", { id: `${data.id}-why-${n}` }, el("option", { value: "" }, "Why? (optional)"));
      for (const why of data.skills) select.append(el("option", { value: why }, facts.whyLabels[why]));
      select.value = state.why[n] || "";
      select.disabled = locked;
      select.onchange = () => {
        if (select.value) state.why[n] = select.value;
        else delete state.why[n];
        changed();
      };
      const item = el("li", {}, el("label", { for: select.id }, `Sentence ${n}: `));
      item.append(select);
      list.append(item);
    }
    panel.append(el("p", {}, outcomes ? "Your picks, checked:" : "Your picks:"), list);
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
    changed();
  }

  pickable(units, picked, toggle);

  /** The outcome shown on a unit (a link to its explanation) and atop its explanation. */
  function mark(unit, name, label, sentence) {
    const n = unit.getAttribute("data-unit");
    const outcome = OUTCOMES[name];
    unit.setAttribute("data-outcome", name);
    const words = outcome.word ? `${outcome.word}: ${label}` : label;
    const link = el("a", { class: `stc-fb stc-fb--${name}`, href: `#${data.id}-key-${n}` }, signed(outcome.sign, words));
    unit.after(link);
    const item = document.getElementById(`${data.id}-key-${n}`);
    if (item && sentence) item.prepend(el("p", { class: `stc-outcome stc-outcome--${name}` }, signed(outcome.sign, sentence)));
  }

  function lock(value) {
    locked = value;
    outcomes = null;
    for (const node of root.querySelectorAll(".stc-fb, .stc-outcome")) node.remove();
    for (const unit of units) {
      unit.setAttribute("aria-disabled", value);
      unit.removeAttribute("data-outcome");
    }
    renderPicks();
  }

  /** What checking found for each unit: its outcome, its label, the sentence atop its explanation. */
  function judge() {
    const judged = new Map();
    for (const unit of units) {
      const n = Number(unit.getAttribute("data-unit"));
      const answer = answers.get(n);
      const p = picked(n);
      const verdict = answer && facts.verdicts[answer.verdict];
      let outcome = null;
      if (verdict && !verdict.scored) {
        outcome = ["unscored", verdict.label, `Not scored: ${verdict.label}. You ${p ? "flagged" : "left"} it.`];
      } else if (verdict?.target) {
        outcome = p
          ? ["found", verdict.label, `You found this. ${reasons(n)}.`]
          : ["missed", verdict.label, "You missed this one: read why it is unsupported."];
      } else if (verdict) {
        outcome = p
          ? ["wrong", verdict.label, `You flagged this, but it is not a claim to flag: ${verdict.label}.`]
          : ["fine", verdict.label, `Right to leave: ${verdict.label}.`];
      } else if (p) {
        outcome = ["wrong", "context only", ""];
      }
      if (outcome) judged.set(n, { unit, name: outcome[0], label: outcome[1], sentence: outcome[2] });
    }
    return judged;
  }

  renderPicks();
  return {
    panel,
    after: ".stc-passage",
    empty: "Select at least one sentence first.",
    locked: () => locked && !outcomes,
    answer: () => ({ picks: [...state.picks], why: { ...state.why }, verdict: "" }),
    check() {
      if (!state.picks.length) return null;
      lock(true);
      outcomes = judge();
      for (const { unit, name, label, sentence } of outcomes.values()) mark(unit, name, label, sentence);
      renderPicks();
      return scoreSpot(data.answers, state.picks, state.why);
    },
    describe(r) {
      const given = state.picks.filter((n) => answers.get(n) && facts.verdicts[answers.get(n).verdict].target && state.why[n]).length;
      let text = `You found ${r.found} of ${plural(r.targets, "unsupported claim")}${r.wrong ? ` and made ${plural(r.wrong, "wrong pick")}` : ", with no wrong picks"}.`;
      if (r.wrong && r.level !== PROFICIENT) text += " Each wrong pick cancels one find.";
      if (r.found && given) text += ` Your reasons: ${r.whyRight} of ${given} matched the reference.`;
      else if (r.found) text += " Next time, choose a reason for each pick: naming the technique is part of the skill.";
      if (r.level !== PROFICIENT) text += " Read the explanations below, then try again.";
      return text;
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

function compare(root, data, state, changed) {
  const panel = el("fieldset", { class: "stc-verdicts" }, el("legend", {}, "Your verdict"));
  const boxes = root.querySelectorAll(".stc-compare__side blockquote p");
  const labels = new Map();
  const inputs = Object.entries(facts.compareVerdicts).map(([value, label]) => {
    const radio = el("input", { type: "radio", name: `${data.id}-verdict`, id: `${data.id}-${value}`, value });
    radio.checked = state.verdict === value;
    radio.onchange = () => {
      state.verdict = value;
      changed();
    };
    const wrap = el("label", { for: radio.id }, radio);
    wrap.append(` ${label}`, el("span", { class: "stc-verdict-meaning" }, `: ${facts.compareMeanings[value]}`));
    labels.set(value, wrap);
    panel.append(wrap);
    return radio;
  });
  const note = el("textarea", { id: `${data.id}-note`, rows: 2, maxlength: facts.limits.note });
  note.value = state.note;
  note.oninput = () => {
    state.note = note.value.slice(0, facts.limits.note);
    changed(false);
  };
  panel.append(el("label", { for: note.id }, "Your reason (optional)"), note);

  /** The claim and the source, with the words that differ marked (spans from the build), or
      plain; and, once checked, the learner's verdict and the reference's tagged in the list. */
  function show(on, checked = false) {
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
    note.readOnly = on;
    panel.classList.toggle("stc-verdicts--shown", on);
    for (const [value, wrap] of labels) {
      wrap.querySelector(".stc-tags")?.remove();
      const tags = [];
      if (checked && value === state.verdict) tags.push("your verdict");
      if (on && value === data.verdict) tags.push("the reference answer");
      wrap.classList.toggle("stc-chosen", checked && value === state.verdict);
      wrap.classList.toggle("stc-reference", on && value === data.verdict);
      if (tags.length) wrap.append(el("span", { class: "stc-tags" }, ` · ${tags.join(" and ")}`));
    }
  }

  let revealed = false;
  return {
    panel,
    after: ".stc-compare",
    empty: "Pick a verdict first.",
    locked: () => revealed,
    answer: () => ({ picks: [], why: {}, verdict: state.verdict }),
    check() {
      if (!state.verdict) return null;
      revealed = false;
      show(true, true);
      return scoreCompare(data.verdict, state.verdict);
    },
    describe(r) {
      const reference = `\u201c${facts.compareVerdicts[data.verdict]}\u201d`;
      return r.correct
        ? `Your verdict matches the reference answer: ${reference}.`
        : `Your verdict: \u201c${facts.compareVerdicts[state.verdict]}\u201d. The reference answer: ${reference}. Read why below.`;
    },
    reset() {
      state.verdict = ""; // the written reason stays: it is the learner's to rewrite
      for (const input of inputs) input.checked = false;
      revealed = false;
      show(false);
    },
    reveal() {
      revealed = true;
      show(true);
    },
  };
}
