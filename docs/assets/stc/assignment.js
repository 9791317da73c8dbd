/* The student's assignment page: the set in order, and a results file to download. */
import { readAssignment, withAssignment } from "./assignment-link.js";
import { download, fileName } from "./downloads.js";
import facts from "./facts.js";
import { clip, withoutHidden } from "./files.js";
import { emptyRecord, isName } from "./records.js";
import { describeForLearner } from "./scoring.js";
import { putAside, readAll, readSetting, writeSetting } from "./storage.js";
import { ask, button, el, field, plural } from "./util.js";

export function assignment(root, data, links) {
  const byId = new Map(data.map((e) => [e.id, e]));
  const set = readAssignment(location.search, byId);
  if (!set) {
    root.append(el("p", {}, "This link does not name an assignment with exercises on this site. Ask your teacher for the link again."));
    return;
  }
  const { title, ids, unknown, repeated } = set;
  const records = readAll();
  // What is handed in for each exercise: the attempt that gave the learner's best result
  // (kept through Try again), or else the work as it stands.
  const current = (id) => {
    const record = records.get(id);
    if (!record || record.version !== byId.get(id).version) return null;
    return record.best && record.bestAnswer ? { ...record, ...record.bestAnswer, checked: true, result: record.best } : record;
  };
  const list = el("ol", { class: "stc-assignment" });
  for (const id of ids) {
    const record = current(id);
    const item = el("li", {}, el("a", { href: withAssignment(links.get(`exercise:${id}`), set) }, byId.get(id).title));
    item.append(
      ` · ${record?.checked ? `checked: ${describeForLearner(record.result, record.answersSeen)}` : record ? "started" : "not started"}`,
    );
    list.append(item);
  }
  const done = ids.filter((id) => current(id)?.checked).length;
  const student = el("input", { type: "text", maxlength: String(facts.limits.name), autocomplete: "name" });
  student.value = readSetting("student");
  student.oninput = () => writeSetting("student", student.value);
  const status = el("p", { role: "status" }, `You have checked ${done} of ${ids.length} exercises.`);
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
    };
    const name = fileName(["results", title, who], "json");
    download(name, "application/json", JSON.stringify(results, null, 2));
    status.textContent = `Results downloaded as ${name} (${done} of ${ids.length} exercises checked). Hand the file in as your teacher asks.`;
  };
  root.append(el("h2", {}, `Assignment: ${title}`));
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
  if (ids.some((id) => records.has(id)) || student.value) root.append(freshStart(ids, byId, student));
}

/** On a computer shared by a class, the next student must not hand in the last one's work
    under their own name: they can put this browser's answers to the set aside (kept in this
    browser, and downloadable from the progress page) and clear the name. */
function freshStart(ids, byId, student) {
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
          `This puts aside the answers this browser holds for the ${plural(ids.length, "exercise")} of this assignment and clears the name, so that you start with nothing done. Nothing is deleted: the answers stay in this browser, and can be downloaded from the progress page.`,
        ),
      ],
      yes: "Put their answers aside",
      onYes() {
        const failed = ids.filter((id) => !putAside(id)).map((id) => byId.get(id).title);
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
