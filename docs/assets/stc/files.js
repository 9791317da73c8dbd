/* Files from outside this browser: a student's results file and an exported progress file.
   They are data, checked field by field; an id is looked up only in a Map. */
import { checkUpProblem, isCheckUpRecord } from "./check-up-rules.js";
import facts from "./facts.js";
import { isKeyOf, isMap, isName, isPicks, isRecord, isResult, isSlug, isText, isWhyMap } from "./records.js";

/** Control, format (zero-width, direction-changing), default-ignorable (U+3164 HANGUL
    FILLER, variation selectors), private-use and unassigned characters: a name holding one
    can pass for another name on screen. */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Default_Ignorable_Code_Point}]/u;

const FIELDS = facts.resultsFields;

/** What a parsed object lacks or holds beyond these fields, as the schema of results
    files allows them, or "" when it has exactly these. */
const fieldProblem = (value, names) => {
  const extra = Object.keys(value).find((name) => !names.includes(name));
  if (extra !== undefined) return `a field \u201c${extra.slice(0, 40)}\u201d that results files do not have`;
  const missing = names.find((name) => !Object.hasOwn(value, name));
  return missing === undefined ? "" : `no \u201c${missing}\u201d field`;
};

/** At most `max` UTF-16 units of `text` (the length the checks count), never cutting a
    character in two: a lone half of an emoji would be changed on its way through a link. */
export function clip(text, max) {
  let end = 0;
  for (const char of text) {
    if (end + char.length > max) break;
    end += char.length;
  }
  return text.slice(0, end);
}

/** Text with every invisible or direction-changing character taken out. */
export const withoutHidden = (text) => text.replace(new RegExp(HIDDEN.source, "gu"), "");

/** The first key given twice in one object of a JSON text, or null. JSON.parse keeps the
    last and drops the rest without a word, so such a file could say one thing to one
    reader and another to the next; it is refused instead. The text must be valid JSON. */
export function duplicateKey(text) {
  const open = []; // for each open container: the keys seen (an object) or null (an array)
  let keyNext = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
      const keys = open.at(-1);
      if (keys && keyNext) {
        const key = JSON.parse(text.slice(i, end + 1));
        if (keys.has(key)) return key;
        keys.add(key);
        keyNext = false;
      }
      i = end;
    } else if (c === "{" || c === "[") {
      open.push(c === "{" ? new Set() : null);
      keyNext = c === "{";
    } else if (c === "}" || c === "]") {
      open.pop();
      keyNext = false;
    } else if (c === ",") {
      keyNext = open.at(-1) instanceof Set;
    }
  }
  return null;
}

/** A file's text as JSON: { content }, { twice } naming a key given twice in one object,
    or {} when the text is not JSON. */
export function readJson(text) {
  let content;
  try {
    content = JSON.parse(text);
  } catch {
    return {};
  }
  const twice = duplicateKey(text);
  return twice === null ? { content } : { twice };
}

/** Why a parsed results file cannot be used, or "" if it can.
    `byId` maps the site's exercise ids to what the site knows of them; `forms`, the site's
    check-up forms by letter. */
export function resultsFileProblem(file, byId, forms = {}) {
  if (isMap(file) && file.format === facts.formats.progress) {
    return "it is a progress file, not a results file: the student downloads results from the assignment page";
  }
  if (!isMap(file) || file.format !== facts.formats.results || !facts.formats.versionsRead.includes(file.version)) {
    return "not a Spot the Claim results file";
  }
  const fields = fieldProblem(file, FIELDS.file[file.version]);
  if (fields) return `it holds ${fields}`;
  if (!isName(file.assignment) || !isName(file.student) || typeof file.created !== "string") {
    return "the assignment or student name is missing or too long";
  }
  if (HIDDEN.test(file.assignment) || HIDDEN.test(file.student)) {
    return "a name in it holds invisible or direction-changing characters, which could make two students look alike";
  }
  const list = file.exercises;
  if (!Array.isArray(list) || !list.length || list.length > facts.limits.resultsExercises) return "it lists no exercises";
  const seen = new Set();
  for (const entry of list) {
    const known = isMap(entry) && isSlug(entry.id) && byId.get(entry.id);
    if (!known) {
      const id = typeof entry?.id === "string" ? JSON.stringify(entry.id.slice(0, 60)) : "with an id that is not text";
      return `exercise ${id} is not on this site`;
    }
    const entryFields = fieldProblem(entry, FIELDS.exercise[file.version]);
    if (entryFields) return `the answers to \u201c${known.title}\u201d have ${entryFields}`;
    if (seen.has(entry.id)) return `it lists \u201c${known.title}\u201d twice`;
    seen.add(entry.id);
    if (entry.version !== known.version) return `it answers an older version of \u201c${known.title}\u201d`;
    const wellFormed =
      entry.kind === known.kind &&
      isPicks(entry.picks) &&
      isWhyMap(entry.why) &&
      (entry.verdict === "" || isKeyOf(facts.compareVerdicts, entry.verdict)) &&
      typeof entry.checked === "boolean" &&
      isText(entry.note, facts.limits.note) &&
      typeof entry.updated === "string" &&
      (file.version === 1 || typeof entry.answersSeen === "boolean");
    if (!wellFormed) return `the answers to \u201c${known.title}\u201d are malformed`;
    const sentences = known.kind === "spot" ? known.sentences : 0;
    if (entry.picks.some((n) => n < 1 || n > sentences)) {
      return `it picks a sentence that \u201c${known.title}\u201d does not have`;
    }
    const resultFields = isMap(entry.result) && ("correct" in entry.result ? FIELDS.compareResult : FIELDS.spotResult);
    if (!isResult(entry.result) || (resultFields && fieldProblem(entry.result, resultFields)))
      return `the result for \u201c${known.title}\u201d is malformed`;
  }
  return file.version >= 3 ? checkUpsProblem(file.checkUps, forms) : "";
}

/** Why a results file's check-ups cannot be used, or "": at most one per stage, each a form
    of this site's in its current version, and never the same form before and after. */
function checkUpsProblem(list, forms) {
  if (!Array.isArray(list) || list.length > facts.checkUps.stages.length) return "its check-ups are malformed";
  const stages = new Set();
  for (const entry of list) {
    const problem = checkUpProblem(entry, forms);
    if (problem) return problem;
    if (stages.has(entry.stage)) return `it holds two check-ups ${entry.stage} the exercises`;
    stages.add(entry.stage);
  }
  if (list.length === 2 && list[0].form === list[1].form) return `it holds check-up form ${list[0].form} both before and after`;
  const at = Object.fromEntries(list.map((entry) => [entry.stage, Date.parse(entry.submitted)]));
  if (at.before > at.after) return "its check-up after was handed in before its check-up before";
  return "";
}

/** The entries of a progress file for exercises on this site, or why it was refused. */
export function parseProgressFile(text, knownIds) {
  const parsed = readJson(text);
  if (parsed.twice !== undefined) {
    return { problem: `The file gives \u201c${parsed.twice.slice(0, 80)}\u201d more than once in one place, so nothing was imported.` };
  }
  if (!("content" in parsed)) return { problem: "The file is not JSON, so it is not a progress file." };
  const data = parsed.content;
  if (
    !isMap(data) ||
    data.format !== facts.formats.progress ||
    !facts.formats.versionsRead.includes(data.version) ||
    !isMap(data.exercises)
  ) {
    return {
      problem: `The file is not a Spot the Claim progress file (format ${facts.formats.progress}, version ${facts.formats.version}).`,
    };
  }
  for (const [id, record] of Object.entries(data.exercises)) {
    // From version 2 every record says whether the answers were seen.
    if (!isSlug(id) || !isRecord(record) || (data.version >= 2 && typeof record.answersSeen !== "boolean")) {
      return { problem: `The entry for exercise \u201c${id.slice(0, 80)}\u201d is not valid progress, so nothing was imported.` };
    }
  }
  // From version 3 the file carries the check-ups, by form.
  const checkUps = data.version >= 3 ? data.checkUps : {};
  const forms = facts.checkUps.forms;
  if (
    !isMap(checkUps) ||
    !Object.entries(checkUps).every(([form, record]) => forms.includes(form) && isCheckUpRecord(record) && record.form === form)
  ) {
    return { problem: "The file's check-ups are not valid progress, so nothing was imported." };
  }
  const all = Object.entries(data.exercises);
  const entries = all.filter(([id]) => knownIds.has(id));
  return { entries, unknown: all.length - entries.length, checkUps: Object.values(checkUps) };
}
