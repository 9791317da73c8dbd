/* The student's assignment page: the set in order (between its check-ups, when it has them),
   and a results file to download. */
import { readAssignment, withAssignment } from "./assignment-link.js";
import { handedInAside, takenBefore } from "./check-up.js";
import { checkUpWords, formFor, STAGES, scoreCheckUp } from "./check-up-rules.js";
import { download, fileName } from "./downloads.js";
import facts from "./facts.js";
import { clip, withoutHidden } from "./files.js";
import { emptyRecord, handedInWork, isName } from "./records.js";
import { describeForLearner } from "./scoring.js";
import { putAside, putAsideCheckUp, readAll, readCheckUp, readSetting, writeCheckUp, writeSetting } from "./storage.js";
import { ask, button, el, field, plural, sameName } from "./util.js";

export function assignment(root, data, links, forms) {
  const byId = new Map(data.map((e) => [e.id, e]));
  const found = readAssignment(location.search, byId);
  if (!found) {
    root.append(el("p", {}, "This link does not name an assignment with exercises on this site. Ask your teacher for the link again."));
    return;
  }
  const notices = [];
  const checkUps = found.checkUps && facts.checkUps.forms.every((form) => Object.hasOwn(forms, form) && links.has(`check-up:${form}`));
  if (found.checkUps && !checkUps)
    notices.push("This link asks for check-ups, which this site does not have: the exercises are listed without them.");
  // A check-up's sentences must be new to the student when it is taken, so the exercises its
  // passages come from are left out of an assignment that has check-ups.
  const held = checkUps ? found.ids.filter((id) => byId.get(id).heldBy) : [];
  if (held.length) {
    notices.push(
      `${plural(held.length, "exercise")} in this link ${held.length === 1 ? "holds" : "hold"} passages of the check-ups and ${held.length === 1 ? "is" : "are"} left out: ${held.map((id) => byId.get(id).title).join(", ")}.`,
    );
  }
  const set = { ...found, checkUps, ids: found.ids.filter((id) => !held.includes(id)) };
  if (!set.ids.length) {
    root.append(el("p", {}, "This link names no exercise that can be taken with its check-ups. Ask your teacher for the link again."));
    return;
  }
  const { title, ids, unknown, repeated } = set;
  const records = readAll();
  // What is handed in for each exercise: the first check's attempt (kept through Try
  // again), or else the work as it stands.
  const current = (id) => handedInWork(records.get(id), byId.get(id).version);
  const list = el("ol", { class: "stc-assignment" });
  const student = el("input", { type: "text", maxlength: String(facts.limits.name), autocomplete: "name" });
  student.value = readSetting("student");
  const steps = checkUps ? STAGES.map(() => el("li", { class: "stc-assignment__check-up" })) : [];

  /** The check-ups handed in, as the results file carries them: at most one per stage. */
  function handedIn() {
    const name = student.value.trim();
    const before = takenBefore(name);
    const after = before && readCheckUp(formFor("after", name, before))?.record;
    const theirs = after?.stage === "after" && after.submitted && sameName(after.student) === sameName(name);
    return [before, theirs ? after : null].filter((r) => r && r.version === forms[r.form].version);
  }

  /** Each check-up's line: its link once it can be taken, and how far the student has got. */
  /** The same student back after "Start fresh" takes back what they handed in: once the
      name is complete (on load, or once the field is left), never while it is being typed,
      when "Ann" on the way to "Anna" would take back Ann's. True when anything came back. */
  function takeBack() {
    const name = student.value.trim();
    let back = false;
    for (const form of name ? facts.checkUps.forms : []) {
      const here = readCheckUp(form);
      const kept = here && !here.record && !here.text && handedInAside(form, name, forms[form].version);
      if (kept && writeCheckUp(form, kept)) back = true;
    }
    return back;
  }

  function showCheckUps() {
    const name = student.value.trim();
    const before = takenBefore(name);
    STAGES.forEach((stage, i) => {
      const step = steps[i];
      step.textContent = "";
      const label = `Check-up ${stage} the exercises`;
      const form = name || before ? formFor(stage, name, before) : "";
      const record = form && readCheckUp(form)?.record;
      const mine = record && record.stage === stage && sameName(record.student) === sameName(name);
      if (!name && !before) step.append(`${label} · type your name below first: it decides which form you take`);
      else if (stage === "after" && !before) step.append(`${label} (form ${form}) · take the check-up before first`);
      else step.append(el("a", { href: withAssignment(links.get(`check-up:${form}`), set, stage) }, `${label} (form ${form})`));
      if (mine && record.submitted && record.version !== forms[form].version) {
        step.append(" · handed in on an older version of the form, which this site can no longer score: tell your teacher");
      } else if (mine && record.submitted) {
        const score = scoreCheckUp(forms[form], record.picks);
        step.append(` · handed in: ${checkUpWords(score).replace(/^You /, "you ")}`);
      } else if (mine && record.picks.length) step.append(" · started");
      else if (form && (name || before) && !(stage === "after" && !before)) step.append(" · not started");
    });
  }
  if (checkUps) list.append(steps[0]);
  for (const id of ids) {
    const record = current(id);
    // With check-ups, the exercises open once the check-up before is handed in: a baseline
    // taken after them would measure the practice, not the starting point.
    const waiting = checkUps && !takenBefore(student.value.trim());
    const item = el(
      "li",
      {},
      waiting ? byId.get(id).title : el("a", { href: withAssignment(links.get(`exercise:${id}`), set) }, byId.get(id).title),
    );
    if (waiting) item.append(" · opens after the check-up before");
    item.append(
      ` · ${record?.checked ? `checked: ${describeForLearner(record.result, record.answersSeen)}` : record ? "started" : "not started"}`,
    );
    list.append(item);
  }
  if (checkUps) {
    list.append(steps[1]);
    takeBack();
    showCheckUps();
  }
  const done = ids.filter((id) => current(id)?.checked).length;
  student.oninput = () => {
    writeSetting("student", student.value);
    if (checkUps) showCheckUps();
  };
  student.onchange = () => {
    // Only when something came back: the list is not redrawn under a click on its links.
    if (checkUps && takeBack()) showCheckUps();
  };
  const checkUpsDone = () => (checkUps ? `, and handed in ${handedIn().length} of ${STAGES.length} check-ups` : "");
  const status = el("p", { role: "status" }, `You have checked ${done} of ${ids.length} exercises${checkUpsDone()}.`);
  const save = button("Download my results", true);
  save.onclick = () => {
    const who = clip(withoutHidden(student.value).trim(), facts.limits.name).trim();
    if (!isName(who)) {
      status.textContent = "Type your name first.";
      return;
    }
    const results = {
      format: facts.formats.results,
      version: facts.formats.version,
      assignment: title,
      student: who,
      created: new Date().toISOString(),
      exercises: ids.map((id) => {
        const exercise = byId.get(id);
        const r = current(id) || emptyRecord(exercise.version);
        return {
          id,
          version: exercise.version,
          kind: exercise.kind,
          picks: r.picks,
          why: r.why,
          verdict: r.verdict,
          note: r.note,
          checked: r.checked,
          result: r.result,
          updated: r.at,
          answersSeen: r.answersSeen === true,
        };
      }),
      checkUps: handedIn().map(({ form, stage, version, picks, submitted, practised }) => ({
        form,
        stage,
        version,
        picks,
        submitted,
        practised,
      })),
    };
    const name = fileName(["results", title, who], "json");
    download(name, "application/json", JSON.stringify(results, null, 2));
    status.textContent = `Results downloaded as ${name} (${done} of ${ids.length} exercises checked${checkUpsDone()}). Hand the file in as your teacher asks.`;
  };
  root.append(el("h2", {}, `Assignment: ${title}`));
  for (const text of notices) root.append(el("p", { class: "stc-notice" }, text));
  if (unknown) {
    root.append(
      el(
        "p",
        { class: "stc-notice" },
        `${plural(unknown, "exercise")} in this link ${unknown === 1 ? "is" : "are"} not on this site and left out. Tell your teacher.`,
      ),
    );
  }
  if (repeated) {
    root.append(
      el("p", { class: "stc-notice" }, `This link names ${plural(repeated, "exercise")} more than once; each is listed once here.`),
    );
  }
  root.append(list, field("Your name", student), save, status);
  const anyCheckUp = checkUps && facts.checkUps.forms.some((form) => readCheckUp(form)?.record);
  if (ids.some((id) => records.has(id)) || student.value || anyCheckUp) root.append(freshStart(ids, byId, student, checkUps));
}

/** On a computer shared by a class, the next student must not hand in the last one's work
    under their own name: they can put this browser's answers to the set aside (kept in this
    browser, and downloadable from the progress page) and clear the name. */
function freshStart(ids, byId, student, checkUps) {
  const wrap = el("div", { class: "stc-fresh" });
  const open = button("Start fresh: someone else used this browser");
  wrap.append(el("p", {}, "Not your work above, or not your name? "), open);
  open.onclick = () => {
    open.hidden = true;
    ask((box) => wrap.append(box), {
      label: "Start fresh on this browser?",
      content: [
        el(
          "p",
          {},
          `This puts aside the answers this browser holds for the ${plural(ids.length, "exercise")}${checkUps ? " and the check-ups" : ""} of this assignment and clears the name, so that you start with nothing done. Nothing is deleted: the answers stay in this browser, and can be downloaded from the progress page.`,
        ),
      ],
      yes: "Put their answers aside",
      onYes() {
        const failed = ids.filter((id) => !putAside(id)).map((id) => byId.get(id).title);
        if (checkUps) failed.push(...facts.checkUps.forms.filter((form) => !putAsideCheckUp(form)).map((form) => `check-up form ${form}`));
        student.value = "";
        writeSetting("student", "");
        if (failed.length) {
          wrap.append(
            el("p", { role: "alert" }, `This browser's storage refused to move ${failed.join(", ")}: nothing of theirs was changed.`),
          );
          return;
        }
        location.reload(); // the list, the counts and each exercise now start from nothing
      },
      onCancel() {
        open.hidden = false;
        open.focus();
      },
    });
  };
  return wrap;
}
