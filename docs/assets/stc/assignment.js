/* The student's assignment page: the set in order, and a results file to download. */
import { readAssignment, withAssignment } from "./assignment-link.js";
import { download, fileName } from "./downloads.js";
import facts from "./facts.js";
import { withoutHidden } from "./files.js";
import { emptyRecord, isName } from "./records.js";
import { describeForLearner } from "./scoring.js";
import { readAll, readSetting, writeSetting } from "./storage.js";
import { button, el, field, plural } from "./util.js";

export function assignment(root, data, links) {
  const byId = new Map(data.map((e) => [e.id, e]));
  const set = readAssignment(location.search, byId);
  if (!set) {
    root.append(el("p", {}, "This link does not name an assignment with exercises on this site. Ask your teacher for the link again."));
    return;
  }
  const { title, ids, unknown, repeated } = set;
  const records = readAll();
  const current = (id) => {
    const record = records.get(id);
    return record && record.version === byId.get(id).version ? record : null;
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
    const who = withoutHidden(student.value).trim().slice(0, facts.limits.name);
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
}
