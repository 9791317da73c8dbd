/* A check-up page: one form, taken from an assignment before or after its exercises. The
   learner flags sentences with no feedback at all; the picks are saved as they go. Handing
   it in is final: only then are the result, each sentence's verdict and the explanations
   shown. Which form a learner takes at each stage follows the rule in check-up-rules.js. */
import { readAssignment, stageOf, withAssignment } from "./assignment-link.js";
import { checkUpWords, formFor, isCheckUpRecord, scoreCheckUp } from "./check-up-rules.js";
import { leaning } from "./discernment.js";
import facts from "./facts.js";
import { OUTCOMES, signed } from "./outcomes.js";
import { putAsideCheckUp, readAll, readAside, readCheckUp, readSetting, storage, writable, writeCheckUp } from "./storage.js";
import { pickable } from "./units.js";
import { ask, builtExercises, builtLinks, button, el, embeddedData, sameName } from "./util.js";

/** The check-up the learner called `name` has handed in before the exercises, if any
    (on a shared computer, another student's is not theirs). */
export function takenBefore(name) {
  for (const form of facts.checkUps.forms) {
    const record = readCheckUp(form)?.record;
    if (record?.stage === "before" && record.submitted && sameName(record.student) === sameName(name)) return record;
  }
  return null;
}

/** Exercises the learner had checked, or seen the answers of, before taking the check-up:
    any holding the form's passages (its sentences are then no longer new to them), and for
    the check-up before, any of the assignment's (it is then no longer a starting point).
    The report marks such a check-up and leaves it out of the class's figures. */
function practised(held, stage, assignmentIds) {
  const records = readAll();
  const ids = stage === "before" ? [...new Set([...held, ...assignmentIds])] : held;
  return ids.filter((id) => {
    const r = records.get(id);
    return r && (r.checked || r.best !== null || r.answersSeen === true);
  });
}

/** A handed-in check-up of this form that "Start fresh" put aside for the same name, if any:
    the same student on the same browser takes it back, and cannot take the form again. */
export function handedInAside(form, name, version) {
  const kept = readAside()
    .filter((k) => k.id === `check-up:${form}`)
    .map((k) => {
      try {
        return JSON.parse(k.text);
      } catch {
        return null;
      }
    })
    .filter((r) => isCheckUpRecord(r) && r.form === form && r.submitted && r.version === version && sameName(r.student) === sameName(name));
  return kept.at(-1) ?? null;
}

export function mountCheckUp(root) {
  if (root.hasAttribute("data-stc-mounted")) return;
  root.setAttribute("data-stc-mounted", "");
  const data = embeddedData(root);
  root.querySelector(".stc-check-up__nojs")?.remove();
  const exercises = builtExercises();
  const links = builtLinks();
  const set = readAssignment(location.search, exercises);
  const stage = stageOf(location.search);
  const key = root.querySelector(".stc-answers");
  const parts = [...root.querySelectorAll(".stc-task, .stc-check-up__part")];
  key.hidden = true;
  const notice = el("p", { class: "stc-notice", hidden: "" });
  root.prepend(notice);
  const say = (text) => {
    notice.textContent = text;
    notice.hidden = !text;
  };

  /** The page cannot be taken as it is: say why, and offer the way on. */
  function refuse(text, href, label) {
    for (const part of parts) part.hidden = true;
    say(text);
    if (href) notice.append(" ", el("a", { href }, label));
  }

  const assignmentPage = set && withAssignment(links.get("page:assignment"), set);
  if (!set?.checkUps || !stage) {
    refuse("A check-up is taken from an assignment: open it from the assignment link your teacher gave you.");
    return;
  }
  if (!storage() || !writable()) {
    refuse(
      "This browser's storage is blocked or full, so a check-up can't be kept here: your answers would be lost. Use another browser, or ask your teacher.",
      assignmentPage,
      "Back to the assignment",
    );
    return;
  }
  const name = readSetting("student").trim();
  if (!name) {
    refuse(
      "Type your name on the assignment page first: it decides which form of the check-up you take.",
      assignmentPage,
      "Back to the assignment",
    );
    return;
  }
  const before = takenBefore(name);
  if (stage === "after" && !before) {
    refuse("Take the check-up before the exercises first.", assignmentPage, "Back to the assignment");
    return;
  }
  const wanted = formFor(stage, name, before);
  if (wanted !== data.form) {
    const other = links.get(`check-up:${wanted}`);
    refuse(
      `Your check-up ${stage} the exercises is form ${wanted}.`,
      other ? withAssignment(other, set, stage) : assignmentPage,
      other ? `Open form ${wanted}` : "Back to the assignment",
    );
    return;
  }

  let stored = readCheckUp(data.form);
  if (stored === null) {
    refuse("This browser's storage cannot be read, so the check-up cannot be kept here. Use another browser, or ask your teacher.");
    return;
  }
  // Work in progress that cannot be this check-up (unreadable, for an older version of the
  // form, or begun for the other stage under another name) is kept aside, and the form
  // starts fresh; a check-up handed in is never moved.
  const draft = stored.record && !stored.record.submitted ? stored.record : null;
  const unusable =
    stored.text !== undefined ||
    (draft && (draft.version !== data.version || draft.stage !== stage || sameName(draft.student) !== sameName(name)));
  if (unusable) {
    putAsideCheckUp(data.form);
    say("Earlier picks on this form, saved for another version, stage or name, were kept aside: this check-up starts fresh.");
    stored = {};
  }
  if (!stored.record) {
    const back = handedInAside(data.form, name, data.version);
    if (back && writeCheckUp(data.form, back)) stored = { record: back };
  }
  const state = stored.record || {
    form: data.form,
    stage,
    version: data.version,
    assignment: set.title,
    student: name,
    picks: [],
    submitted: "",
    practised: [],
    at: "",
  };
  if (state.submitted && sameName(state.student) !== sameName(name)) {
    refuse(
      `Form ${data.form} was handed in on this browser under another name. If that was not you, use \u201cStart fresh\u201d on the assignment page.`,
      assignmentPage,
      "Back to the assignment",
    );
    return;
  }
  if (state.submitted && (state.version !== data.version || state.stage !== stage)) {
    const why =
      state.version !== data.version
        ? `You handed in form ${data.form} when it was worded differently, so this version of the site cannot score it. Tell your teacher.`
        : `You handed in form ${data.form} as your check-up ${state.stage} the exercises.`;
    refuse(why, assignmentPage, "Back to the assignment");
    return;
  }

  const units = [...root.querySelectorAll(".stc-unit")];
  const answers = new Map(data.answers.map((a) => [a.unit, a]));
  const summary = el("p", { class: "stc-summary", role: "status" });
  const handIn = button("Hand in the check-up", true);
  const next = el("p", { class: "stc-next" });
  const count = el("p", { class: "stc-picks" });
  const controls = el("div", { class: "stc-controls" }, count);
  controls.append(summary, next, handIn);
  root.querySelector(".stc-check-up__part:last-of-type").after(controls);
  root.prepend(
    el(
      "nav",
      { class: "stc-assignment-bar", "aria-label": "Assignment" },
      el("p", {}, `Assignment: ${set.title} · check-up ${stage} the exercises (form ${data.form})`),
    ),
  );
  root
    .querySelector(".stc-assignment-bar")
    .append(el("p", { class: "stc-assignment-bar__moves" }, el("a", { href: assignmentPage }, "Back to the assignment")));

  /** What another tab may have stored since this page read it: its latest picks, or the
      check-up handed in there, which this page then shows and never overwrites. True when
      the check-up has been handed in. */
  function sync() {
    if (stopped) return true;
    const fresh = readCheckUp(data.form)?.record;
    // Another page of this browser handed in this form for another stage, or changed the
    // name (a fresh start for the next student): this page must not touch what is stored.
    const otherWork = fresh?.submitted && (fresh.version !== state.version || fresh.stage !== state.stage);
    if (otherWork || sameName(readSetting("student")) !== sameName(name)) {
      stopped = true;
      refuse("This browser's check-ups changed on another page since this one opened.", assignmentPage, "Back to the assignment");
      controls.hidden = true;
      return true;
    }
    if (!fresh || fresh.version !== state.version || fresh.stage !== state.stage) return Boolean(state.submitted);
    if (fresh.submitted && !state.submitted) {
      Object.assign(state, fresh);
      for (const unit of units) unit.setAttribute("aria-checked", picked(Number(unit.getAttribute("data-unit"))));
      review();
      return true;
    }
    if (!state.submitted) state.picks = [...fresh.picks];
    return Boolean(state.submitted);
  }

  function save() {
    state.at = new Date().toISOString();
    if (!writeCheckUp(data.form, state)) {
      say("This browser's storage refused to save the check-up: if you leave this page, your picks are lost.");
      return false;
    }
    say("");
    return true;
  }

  const picked = (n) => state.picks.includes(n);
  let stopped = false; // another page changed what this one was working on
  const counted = () => {
    count.textContent = `Sentences flagged: ${state.picks.length} of ${units.length}.`;
  };

  function toggle(unit) {
    if (sync()) return;
    const n = Number(unit.getAttribute("data-unit"));
    if (picked(n)) state.picks.splice(state.picks.indexOf(n), 1);
    else state.picks.push(n);
    for (const other of units) other.setAttribute("aria-checked", picked(Number(other.getAttribute("data-unit"))));
    counted();
    save();
  }

  pickable(units, picked, toggle);

  /** Each sentence's outcome on the sentence and atop its explanation, as on an exercise. */
  function mark(unit) {
    const n = Number(unit.getAttribute("data-unit"));
    const answer = answers.get(n);
    const verdict = answer && facts.verdicts[answer.verdict];
    if (!verdict) return;
    const p = picked(n);
    const name = !verdict.scored ? "unscored" : verdict.target ? (p ? "found" : "missed") : p ? "wrong" : "fine";
    const outcome = OUTCOMES[name];
    unit.setAttribute("data-outcome", name);
    unit.after(
      el(
        "a",
        { class: `stc-fb stc-fb--${name}`, href: `#form-${data.form.toLowerCase()}-key-${n}` },
        signed(outcome.sign, `${outcome.word}: ${verdict.label}`),
      ),
    );
    const item = document.getElementById(`form-${data.form.toLowerCase()}-key-${n}`);
    const said = p ? "You flagged it." : "You left it.";
    item?.prepend(
      el("p", { class: `stc-outcome stc-outcome--${name}` }, signed(outcome.sign, `${outcome.word}: ${verdict.label}. ${said}`)),
    );
  }

  function review() {
    for (const unit of units) {
      unit.setAttribute("aria-disabled", "true");
      mark(unit);
    }
    const score = scoreCheckUp(data, state.picks);
    summary.textContent = `Handed in. ${checkUpWords(score)} ${leaning(score.figures)}`.trim();
    handIn.hidden = true;
    count.hidden = true;
    key.hidden = false;
    key.open = true;
    const records = readAll();
    const first = set.ids.find((id) => !records.get(id)?.checked);
    const [href, label] =
      stage === "before" && first
        ? [withAssignment(exercises.get(first).href, set), `Start the exercises: ${exercises.get(first).title}`]
        : [assignmentPage, "Back to the assignment to hand in your results"];
    next.textContent = "";
    next.append(el("a", { class: "md-button md-button--primary", href }, label));
  }

  handIn.onclick = () => {
    if (sync()) return;
    handIn.hidden = true;
    ask((box) => handIn.after(box), {
      label: "Hand in the check-up?",
      content: [
        el(
          "p",
          {},
          `You have flagged ${state.picks.length} of ${units.length} sentences. Once you hand the check-up in, you can't change your picks; then you see how you did.`,
        ),
      ],
      yes: "Hand it in",
      onYes() {
        if (sync()) return; // handed in meanwhile, in another tab
        state.submitted = new Date().toISOString();
        state.practised = practised(data.held, stage, set.ids);
        if (!save()) {
          state.submitted = "";
          handIn.hidden = false;
          handIn.focus();
          return;
        }
        review();
        summary.setAttribute("tabindex", "-1");
        summary.focus();
      },
      onCancel() {
        handIn.hidden = false;
        handIn.focus();
      },
    });
  };

  counted();
  if (state.submitted) review();
}
