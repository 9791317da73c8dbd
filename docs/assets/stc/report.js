/* The class report. Files add up across several choices or drops until Clear; every file is
   untrusted, checked field by field, scored again from its picks and shown only as text. A
   result checked after the answers were shown is marked and never counted as a level. The
   files read are kept in this tab's sessionStorage until Clear, so that the report survives
   following a link and coming back; they are checked again when read back. */
import { download, fileName, today } from "./downloads.js";
import facts from "./facts.js";
import { readJson, resultsFileProblem } from "./files.js";
import { isMap } from "./records.js";
import { checkUpColumns, checkUpsOf, checkUpsPart } from "./report-check-ups.js";
import { rescore } from "./scoring.js";
import { button, el, plural, sameName } from "./util.js";

const LEVELS = facts.levels.map((level) => level.name);

/** A label from one of the model's tables of labels, or "" for a key it does not have. */
const labelOf = (table, key) => (Object.hasOwn(table, key) ? table[key] : "");

/** Read one chosen file: its parsed content, or why it cannot be used. Each file is read
    on its own, so one that cannot be read is reported and the others still load. */
async function readResultsFile(file) {
  if (file.size > facts.limits.resultsFileBytes) return { problem: "too large to be a results file" };
  let text;
  try {
    text = await file.text();
  } catch {
    return { problem: "it could not be read" };
  }
  const parsed = readJson(text);
  if (parsed.twice !== undefined) return { problem: `it gives \u201c${parsed.twice.slice(0, 60)}\u201d more than once in one place` };
  if (!("content" in parsed)) return { problem: "not a results file: its text is not JSON, the form results files are saved in" };
  return parsed;
}

/** One student's answer to one exercise as the report uses it: the score worked out again
    from the picks, beside the score the file stated. Version 1 files do not record whether
    the answers were seen, and are taken as not seen. */
function answerOf(exercise, entry, fileVersion) {
  return {
    exercise,
    picks: entry.picks,
    why: entry.why,
    verdict: entry.verdict,
    note: entry.note,
    seen: entry.answersSeen === true,
    seenRecorded: fileVersion !== 1,
    stated: entry.result,
    result: rescore(exercise, entry),
  };
}

/** An accepted results file as a student of the report: a name, a Map of answers, and the
    check-ups taken before and after (`forms`: the site's check-up forms by letter). */
export function studentOf(file, byId, forms = {}) {
  const answers = new Map(file.exercises.map((entry) => [entry.id, answerOf(byId.get(entry.id), entry, file.version)]));
  return { name: file.student, answers, checkUps: checkUpsOf(file, forms) };
}

/** A result's figures in teachers' words, without its level. */
function figures(result, reasons = false) {
  if ("correct" in result) return result.correct ? "matched the reference" : "did not match the reference";
  const why = reasons ? `, ${plural(result.whyRight, "reason")} right` : "";
  return `found ${result.found} of ${result.targets}, ${plural(result.wrong, "wrong pick")}${why}`;
}

/** What the table shows for one answer: the teachers' rubric level, or why there is none. */
export function cellWords(answer) {
  if (!answer) return "not in this file";
  if (!answer.result) return "not checked";
  const level = answer.seen ? "answers seen first: no level" : answer.result.level;
  return `${figures(answer.result)} (${answer.seenRecorded ? level : `${level}; an older file, which does not say whether the answers were seen`})`;
}

const resultWords = (result, seen = false) => (result ? `${figures(result, true)}${seen ? "" : ` (${result.level})`}` : "not checked");
const scoreKey = (r) => (!r ? "" : "correct" in r ? String(r.correct) : [r.found, r.targets, r.wrong, r.whyRight].join());

/** A note when the score a file states is not the one its picks give, or "". The report
    always shows the second; the note tells the teacher the file claimed otherwise. */
export function mismatch(answer) {
  if (!answer || scoreKey(answer.stated) === scoreKey(answer.result)) return "";
  return `The file said ${resultWords(answer.stated, answer.seen)}; worked out from the picks: ${resultWords(answer.result, answer.seen)}.`;
}

/** The sentences of a spot exercise's claims that an answer did not pick, in order. */
export function missedUnits(answer) {
  return answer.exercise.targets.map((target) => target.unit).filter((unit) => !answer.picks.includes(unit));
}

/** Sentence numbers in words: "none", "sentence 4", "sentences 4 and 5", "sentences 2, 4 and 5". */
export function sentencesWords(units) {
  if (!units.length) return "none";
  if (units.length === 1) return `sentence ${units[0]}`;
  return `sentences ${units.slice(0, -1).join(", ")} and ${units.at(-1)}`;
}

/** Answers that count for the class: checked, without the answers shown first. */
const ownWork = (students, id) => students.map((s) => s.answers.get(id)).filter((a) => a?.result && !a.seen);

/** What picking a sentence is, by the exercise's reference answers (a Map by sentence
    number): a find, a wrong pick, or neither (a sentence the score leaves out). A sentence
    with no reference answer is context, and a wrong pick; scoreSpot counts the same way. */
export function pickKind(answersByUnit, unit) {
  const answer = answersByUnit.get(unit);
  if (!answer) return "wrong";
  const verdict = facts.verdicts[answer.verdict];
  if (verdict.target) return "found";
  return verdict.scored ? "wrong" : "unscored";
}

const answersByUnit = (exercise) => new Map(exercise.answers.map((a) => [a.unit, a]));

/** Each sentence of a spot exercise that students picked wrongly: how many of those whose
    work counts picked it, most often picked first. */
export function wrongPicks(students, exercises) {
  const rows = [];
  for (const exercise of exercises.filter((e) => e.kind === "spot")) {
    const answers = ownWork(students, exercise.id);
    const byUnit = answersByUnit(exercise);
    const tally = new Map();
    for (const answer of answers) {
      for (const unit of answer.picks) if (pickKind(byUnit, unit) === "wrong") tally.set(unit, (tally.get(unit) ?? 0) + 1);
    }
    for (const [unit, picked] of tally) rows.push({ exercise, unit, picked, checked: answers.length });
  }
  return rows.sort((a, b) => b.picked / b.checked - a.picked / a.checked || b.picked - a.picked || a.unit - b.unit);
}

/** Each claim to find: how many of the students whose work counts missed it, most missed first. */
export function missedClaims(students, exercises) {
  const rows = [];
  for (const exercise of exercises.filter((e) => e.kind === "spot")) {
    const answers = ownWork(students, exercise.id);
    if (!answers.length) continue;
    for (const target of exercise.targets) {
      const missed = answers.filter((a) => !a.picks.includes(target.unit)).length;
      rows.push({ exercise, target, missed, checked: answers.length });
    }
  }
  return rows.sort((a, b) => b.missed / b.checked - a.missed / a.checked || b.missed - a.missed);
}

/** How many students whose work counts chose each verdict of a compare exercise. */
export function verdictCounts(students, exercise) {
  const counts = new Map(Object.keys(facts.compareVerdicts).map((key) => [key, 0]));
  for (const answer of ownWork(students, exercise.id)) counts.set(answer.verdict, counts.get(answer.verdict) + 1);
  return counts;
}

/** Checked answers per rubric level, answers seen first and not checked, over every student. */
export function levelCounts(students) {
  const levels = new Map(LEVELS.map((level) => [level, 0]));
  let seen = 0;
  let unchecked = 0;
  for (const student of students) {
    for (const answer of student.answers.values()) {
      if (!answer.result) unchecked += 1;
      else if (answer.seen) seen += 1;
      else levels.set(answer.result.level, levels.get(answer.result.level) + 1);
    }
  }
  return { levels, seen, unchecked };
}

/* The CSV: one number per cell, so that a spreadsheet can add and average the columns. The
   figures of a result are left empty when there is none; level is 1 to 3 from Basic up, and
   empty when no level was reached (not checked, or checked after the answers were shown),
   so that an average of the column counts only the levels reached. */
const figure = (pick) => (answer) => (answer.result ? pick(answer.result) : "");
const CHECKED = ["checked", (answer) => Number(answer.result !== null)];
const LEVEL = ["level", (answer) => (answer.result && !answer.seen ? LEVELS.indexOf(answer.result.level) + 1 : "")];
// Empty for an older file, which does not say: neither yes nor no.
const SEEN = ["answers seen", (answer) => (answer.seenRecorded ? Number(answer.seen) : "")];
const CSV_COLUMNS = {
  spot: [
    CHECKED,
    ["found", figure((r) => r.found)],
    ["targets", figure((r) => r.targets)],
    ["wrong picks", figure((r) => r.wrong)],
    ["reasons right", figure((r) => r.whyRight)],
    LEVEL,
    SEEN,
  ],
  compare: [CHECKED, ["correct", figure((r) => Number(r.correct))], LEVEL, SEEN],
};

/** A text cell, quoted, and kept from starting a spreadsheet formula. */
const textCell = (text) =>
  `"${String(text)
    .replace(/^[=+\-@\t\r]/, "'$&")
    .replace(/"/g, '""')}"`;

/** How the CSV's columns name each exercise: by its title, and by its title and id where two
    of the exercises share a title. */
function columnNames(exercises) {
  const titles = new Map();
  for (const e of exercises) titles.set(e.title, (titles.get(e.title) ?? 0) + 1);
  return new Map(exercises.map((e) => [e.id, titles.get(e.title) > 1 ? `${e.title} (${e.id})` : e.title]));
}

/** The report as CSV, with a byte-order mark so that spreadsheet programs read it as UTF-8.
    Columns are named "<exercise title> · <figure>". */
export function csvText(students, exercises) {
  const names = columnNames(exercises);
  const checkUps = students.some((s) => s.checkUps?.before || s.checkUps?.after) ? checkUpColumns() : null;
  const header = [
    "Student",
    ...exercises.flatMap((e) => CSV_COLUMNS[e.kind].map(([name]) => `${names.get(e.id)} \u00b7 ${name}`)),
    ...(checkUps ? checkUps.names : []),
  ];
  const rows = students.map((student) => [
    textCell(student.name),
    ...exercises.flatMap((e) => {
      const answer = student.answers.get(e.id);
      return CSV_COLUMNS[e.kind].map(([, value]) => (answer ? value(answer) : ""));
    }),
    ...(checkUps ? checkUps.cells(student).map((cell) => (typeof cell === "string" && /[A-Za-z]/.test(cell) ? textCell(cell) : cell)) : []),
  ]);
  return `\uFEFF${[header.map(textCell), ...rows].map((row) => row.join(",")).join("\r\n")}\r\n`;
}

/* ---- keeping the report for the rest of the browser session ---- */

/** Where this tab keeps the report: sessionStorage, which the browser empties when the tab
    closes and never sends anywhere. */
const KEPT = `${facts.storagePrefix}class-report`;

/** Keep the report's files: the content of each file read, and each refusal with its
    reason. True when kept; false when storage is blocked or full, and then any older copy
    is removed, so that coming back never shows part of the report as if it were all. */
function keepFiles(files) {
  try {
    sessionStorage.setItem(KEPT, JSON.stringify({ files }));
    return true;
  } catch {
    forgetFiles();
    return false;
  }
}

function forgetFiles() {
  try {
    sessionStorage.removeItem(KEPT);
  } catch {
    /* blocked: nothing could have been kept */
  }
}

/** The files kept earlier in this session, as [{ name, content } | { name, refused }], or []
    when there are none or what is kept is not in that form. The content is checked again
    as any file is before it joins the report. */
export function keptFiles(text) {
  const kept = typeof text === "string" ? readJson(text).content : undefined;
  if (!isMap(kept) || !Array.isArray(kept.files)) return [];
  const refused = (f) => typeof f.refused === "string" && f.refused !== "" && !Object.hasOwn(f, "content");
  const read = (f) => Object.hasOwn(f, "content") && !Object.hasOwn(f, "refused");
  return kept.files.filter((f) => isMap(f) && typeof f.name === "string" && (refused(f) || read(f)));
}

function readKept() {
  try {
    return keptFiles(sessionStorage.getItem(KEPT));
  } catch {
    return [];
  }
}

const NOT_KEPT = "This browser does not let the site keep the report (its storage is blocked or full): leaving this page empties it.";

/* ---- the page ---- */

function resultsTable(students, exercises) {
  const head = el("tr", {}, el("th", { scope: "col" }, "Student"));
  for (const e of exercises) head.append(el("th", { scope: "col" }, e.title));
  const body = el("tbody");
  for (const student of students) {
    const row = el("tr", {}, el("th", { scope: "row" }, student.name));
    for (const e of exercises) {
      const answer = student.answers.get(e.id);
      const cell = el("td", answer?.result && answer.seen ? { class: "stc-seen" } : {}, cellWords(answer));
      const note = mismatch(answer);
      if (note) cell.append(el("span", { class: "stc-note" }, note));
      row.append(cell);
    }
    body.append(row);
  }
  const table = el("table", {}, el("thead", {}, head));
  table.append(body);
  // At 320 px the table is wider than the page: it scrolls inside a region a keyboard can reach.
  return el("div", { class: "stc-scroll", role: "region", "aria-label": "Results by student", tabindex: "0" }, table);
}

function levelsPart(students) {
  const { levels, seen, unchecked } = levelCounts(students);
  const list = el("ul", { class: "stc-levels" });
  for (const [level, n] of levels) list.append(el("li", {}, `${level}: ${n}`));
  list.append(el("li", {}, `Answers seen before the first check, no level: ${seen}`), el("li", {}, `Not checked: ${unchecked}`));
  return [el("h2", {}, "Answers at each level, one per student and exercise"), list];
}

const COUNTED = "The lists below count each student who checked an exercise without showing its answers first.";

function claimsPart(students, exercises) {
  const claims = missedClaims(students, exercises);
  const missed = claims.filter((c) => c.missed > 0);
  const list = el("ol", { class: "stc-claims" });
  for (const c of missed) {
    const item = el("li", {}, el("p", {}, `Missed by ${c.missed} of ${c.checked} · ${c.exercise.title}, sentence ${c.target.unit}`));
    item.append(el("blockquote", {}, c.target.quote), el("p", {}, c.target.explanation));
    list.append(item);
  }
  const part = el("section", {}, el("h2", {}, "Claims, most missed first"));
  if (!claims.length) part.append(el("p", {}, "No spot exercise has been checked yet."));
  else if (!missed.length) part.append(el("p", {}, "Every claim was found by every student who checked it."));
  else {
    part.append(list);
    if (missed.length < claims.length) part.append(el("p", {}, "Every other claim was found by every student who checked it."));
  }
  return part;
}

function wrongPicksPart(students, exercises) {
  const rows = wrongPicks(students, exercises);
  const list = el("ol", { class: "stc-wrong-picks" });
  for (const w of rows) {
    const item = el("li", {}, el("p", {}, `Picked by ${w.picked} of ${w.checked} · ${w.exercise.title}, sentence ${w.unit}`));
    const answer = w.exercise.nonTargets.find((a) => a.unit === w.unit);
    if (answer) {
      item.append(el("blockquote", {}, answer.quote), el("p", {}, `${facts.verdicts[answer.verdict].label}. ${answer.explanation}`));
    } else {
      item.append(el("p", {}, "No reference answer: the sentence is context, and picking it counts as a wrong pick."));
    }
    list.append(item);
  }
  const part = el("section", {}, el("h2", {}, "Most common wrong picks"));
  part.append(rows.length ? list : el("p", {}, "No wrong picks in the spot exercises checked."));
  return part;
}

function verdictsPart(students, exercises) {
  const compares = exercises.filter((e) => e.kind === "compare");
  if (!compares.length) return [];
  const parts = [el("h2", {}, "Compare verdicts")];
  for (const exercise of compares) {
    const list = el("ul", { class: "stc-verdicts-chosen" });
    for (const [key, n] of verdictCounts(students, exercise)) {
      const reference = key === exercise.reference;
      const item = el("li", reference ? { class: "stc-reference" } : {}, `${facts.compareVerdicts[key]}: ${n}`);
      if (reference) item.append(" (the reference)");
      list.append(item);
    }
    parts.push(el("h3", {}, exercise.title), list);
  }
  return parts;
}

/** One term and its description in a detail list. */
function describeAs(list, term, description) {
  list.append(el("dt", {}, term), el("dd", {}, description));
}

function picksList(answer) {
  const byUnit = answersByUnit(answer.exercise);
  const list = el("ul");
  for (const unit of [...answer.picks].sort((a, b) => a - b)) {
    const reference = byUnit.get(unit);
    const kind = { found: "found", wrong: "a wrong pick", unscored: "not counted" }[pickKind(byUnit, unit)];
    const what = reference ? facts.verdicts[reference.verdict].label : "context, no reference answer";
    const why = Object.hasOwn(answer.why, String(unit)) ? answer.why[String(unit)] : "";
    const label = labelOf(facts.whyLabels, why);
    const matches = label && reference?.why.includes(why) ? ", as in the reference" : "";
    list.append(el("li", {}, `Sentence ${unit}: ${kind} (${what}); reason: ${label || "none chosen"}${matches}`));
  }
  return answer.picks.length ? list : "none";
}

function answerDetail(exercise, answer) {
  const part = el("section", { class: "stc-answer" }, el("h3", {}, exercise.title));
  if (!answer) {
    part.append(el("p", {}, "Not in this student's file."));
    return part;
  }
  const list = el("dl");
  describeAs(list, "Result", cellWords(answer));
  const note = mismatch(answer);
  if (note) describeAs(list, "Note", note);
  const seen = answer.seen ? "yes (so this result is not counted)" : "no";
  describeAs(list, "Showed all answers before checking", answer.seenRecorded ? seen : "not recorded (an older results file), taken as no");
  if (exercise.kind === "spot") {
    describeAs(list, "Sentences picked", picksList(answer));
    if (answer.result) {
      describeAs(list, "Claims missed", sentencesWords(missedUnits(answer)));
    }
  } else {
    describeAs(list, "Verdict", labelOf(facts.compareVerdicts, answer.verdict) || "none chosen");
    describeAs(list, "Reference verdict", labelOf(facts.compareVerdicts, exercise.reference));
    list.append(el("dt", {}, "Written reason"), el("dd", { class: "stc-reason" }, answer.note.trim() ? answer.note : "none written"));
  }
  part.append(list);
  return part;
}

function studentDetail(student, exercises) {
  const answers = [...student.answers.values()];
  const checked = answers.filter((a) => a.result).length;
  const seen = answers.filter((a) => a.result && a.seen).length;
  const summary = `${student.name} · ${checked} of ${plural(answers.length, "exercise")} checked${seen ? `, ${seen} after seeing the answers` : ""}`;
  const box = el("details", { class: "stc-student" }, el("summary", {}, summary));
  for (const exercise of exercises) box.append(answerDetail(exercise, student.answers.get(exercise.id)));
  return box;
}

function mostCommon(values) {
  const counts = new Map();
  for (const value of values) counts.set(value, (counts.get(value) || 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** A file's line in the report's list of files. */
const fileLine = (file) => `${file.name}: ${file.refused ? `refused, ${file.refused}` : `read (${file.content.student})`}`;

export function report(root, data, _links, forms = {}) {
  const byId = new Map(data.map((e) => [e.id, e]));
  // What the report holds: it grows with each choice or drop and empties on Clear. Each
  // file is { name, content } when it joined the report, { name, refused } when not.
  const held = { assignment: undefined, names: new Set(), students: [], files: [], kept: true };

  const input = el("input", { type: "file", multiple: "", accept: "application/json,.json", class: "stc-file" });
  const choose = el("label", { class: "md-button md-button--primary" }, "Choose results files");
  choose.append(input);
  const drop = el("div", { class: "stc-drop" }, el("p", {}, choose));
  drop.append(el("p", {}, "or drop them here. Each choice or drop adds to the report."));
  const clear = button("Clear the report");
  clear.hidden = true;
  const status = el("p", { role: "status" });
  const out = el("div", { class: "stc-report" });
  root.append(drop, el("p", { class: "stc-controls" }, clear), status, out);

  input.onchange = () => {
    const files = [...input.files];
    input.value = ""; // choosing the same file again is a new choice
    load(files);
  };
  const over = (on) => drop.classList.toggle("stc-drop--over", on);
  const dragging = (event) => {
    event.preventDefault();
    over(true);
  };
  drop.ondragenter = dragging;
  drop.ondragover = dragging;
  drop.ondragleave = (event) => over(drop.contains(event.relatedTarget));
  drop.ondrop = (event) => {
    event.preventDefault();
    over(false);
    load([...event.dataTransfer.files]);
  };
  clear.onclick = () => {
    Object.assign(held, { assignment: undefined, names: new Set(), students: [], files: [], kept: true });
    forgetFiles();
    status.textContent = "The report is empty.";
    show();
    input.focus();
  };

  function judged(content) {
    try {
      return resultsFileProblem(content, byId, forms);
    } catch {
      return "it could not be checked";
    }
  }

  /** Why a well-formed file cannot join the report as it stands, or "". */
  function refusal(content) {
    if (content.assignment !== held.assignment) return `it is from another assignment, \u201c${content.assignment}\u201d`;
    if (held.names.has(sameName(content.student))) return `another file for the same student, ${content.student}`;
    return "";
  }

  /** Add a file to the report, or to the list of files refused with `problem`, or with the
      reason it cannot join the report as it stands. True when it joined. */
  function admit(name, content, problem) {
    const refused = problem || refusal(content);
    if (refused) {
      held.files.push({ name, refused });
      return false;
    }
    held.names.add(sameName(content.student));
    held.students.push(studentOf(content, byId, forms));
    held.files.push({ name, content });
    return true;
  }

  async function load(files) {
    if (!files.length) return; // something other than files was dropped
    const read = await Promise.all(files.map(readResultsFile));
    const reasons = read.map((r) => r.problem ?? judged(r.content));
    // The first files read decide the assignment: the one most of them are from.
    held.assignment ??= mostCommon(read.filter((_, i) => !reasons[i]).map((r) => r.content.assignment));
    const added = read.filter((r, i) => admit(files[i].name, r.content, reasons[i])).length;
    held.kept = keepFiles(held.files);
    status.textContent =
      `This upload: ${added} of ${plural(files.length, "file")} read. The report now covers ${plural(held.students.length, "student")}.` +
      (held.kept ? "" : " It will be lost if you leave this page.");
    show();
  }

  /** The report kept earlier in this session, read back and checked again as files are. */
  function restore() {
    for (const file of readKept()) {
      if (!Object.hasOwn(file, "content")) {
        held.files.push({ name: file.name, refused: file.refused });
        continue;
      }
      const problem = judged(file.content);
      if (!problem) held.assignment ??= file.content.assignment;
      admit(file.name, file.content, problem);
    }
    if (held.files.length) {
      status.textContent = `The report kept from earlier in this browser session covers ${plural(held.students.length, "student")}.`;
    }
    show();
  }

  function show() {
    out.textContent = "";
    clear.hidden = !held.files.length;
    if (!held.files.length) return;
    if (!held.kept) out.append(el("p", { class: "stc-notice" }, NOT_KEPT));
    const fileList = el("ul", { class: "stc-files" });
    for (const file of held.files) fileList.append(el("li", {}, fileLine(file)));
    out.append(el("h2", {}, "Files"), fileList);
    const { students } = held;
    if (!students.length) {
      out.append(el("p", {}, "No results to show yet."));
      return;
    }
    const exercises = data.filter((e) => students.some((s) => s.answers.has(e.id)));
    const csv = button("Download CSV");
    csv.onclick = () => {
      const name = fileName(["class-report", held.assignment, today()], "csv");
      download(name, "text/csv;charset=utf-8", csvText(students, exercises));
    };
    const columns = el("div", { class: "stc-columns" }, claimsPart(students, exercises));
    columns.append(wrongPicksPart(students, exercises));
    const details = students.map((student) => studentDetail(student, exercises));
    out.append(
      el("h2", {}, `Assignment: ${held.assignment} · ${plural(students.length, "student")}`),
      resultsTable(students, exercises),
      csv,
      ...checkUpsPart(students),
      ...levelsPart(students),
      el("p", {}, COUNTED),
      columns,
      ...verdictsPart(students, exercises),
      el("h2", {}, "Each student's answers"),
      ...details,
    );
  }

  restore();
}
