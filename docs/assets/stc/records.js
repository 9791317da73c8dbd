/* What a saved or handed-in record must look like. Everything read from storage or from a
   file is checked here, field by field, with the model's limits, before anything uses it. */
import facts from "./facts.js";
import { levelFor } from "./scoring.js";

const SLUG = new RegExp(facts.slugPattern);
const VERSION = /^[0-9a-f]{16}$/;

export const isMap = (value) => !!value && typeof value === "object" && !Array.isArray(value);
export const isCount = (n) => Number.isInteger(n) && n >= 0 && n <= facts.limits.count;
export const isText = (value, max) => typeof value === "string" && value.length <= max;
export const isName = (value) => isText(value, facts.limits.name) && value.trim() !== "";
export const isSlug = (value) => typeof value === "string" && SLUG.test(value);
const SENTENCE_NUMBER = new RegExp(facts.sentenceNumberPattern);
const isSentenceNumber = (key) => SENTENCE_NUMBER.test(key) && Number(key) <= facts.limits.count;
/** Whether `value` is text naming one of `table`'s own keys (an array would be turned into
    its text by a bare lookup, so ["x"] would pass for "x"). */
export const isKeyOf = (table, value) => typeof value === "string" && Object.hasOwn(table, value);
export const isVersion = (value) => typeof value === "string" && VERSION.test(value);

const LEVEL_NAMES = facts.levels.map((level) => level.name);

/** A result whose figures agree with each other and with its level. */
export function isResult(result) {
  if (result === null) return true;
  if (!isMap(result) || !LEVEL_NAMES.includes(result.level)) return false;
  if ("correct" in result) {
    return typeof result.correct === "boolean" && result.level === (result.correct ? LEVEL_NAMES.at(-1) : LEVEL_NAMES[0]);
  }
  const { found, targets, wrong, whyRight } = result;
  return (
    [found, targets, wrong, whyRight].every(isCount) &&
    found <= targets &&
    whyRight <= found &&
    result.level === levelFor(found, targets, wrong)
  );
}

/** Sentence numbers a learner picked: whole, distinct and not more than a passage holds. */
export function isPicks(picks) {
  return Array.isArray(picks) && picks.length <= facts.limits.picks && picks.every(isCount) && new Set(picks).size === picks.length;
}

const isTime = (value) => value === "" || (isText(value, 40) && !Number.isNaN(Date.parse(value)) && /^\d{4}-\d\d-\d\dT/.test(value));

export function isWhyMap(why) {
  return (
    isMap(why) && Object.entries(why).every(([unit, label]) => isSentenceNumber(unit) && (label === "" || isKeyOf(facts.whyLabels, label)))
  );
}

/** One exercise's record as this browser saves it. */
export function isRecord(record) {
  return (
    isMap(record) &&
    isVersion(record.version) &&
    isPicks(record.picks) &&
    isWhyMap(record.why) &&
    (record.verdict === "" || isKeyOf(facts.compareVerdicts, record.verdict)) &&
    isText(record.note, facts.limits.note) &&
    typeof record.checked === "boolean" &&
    isTime(record.at) &&
    isResult(record.result) &&
    // `best` is the result that counts: the first check (the name is from before that
    // rule; saved progress and files from then still read).
    isResult(record.best) &&
    // Absent from records saved before answers seen were recorded. A best result is never
    // kept from work done after the answers were shown, so the two cannot go together.
    (record.answersSeen === undefined || record.answersSeen === false || (record.answersSeen === true && record.best === null)) &&
    (record.bestAnswer === undefined || (record.best !== null && isAnswer(record.bestAnswer)))
  );
}

/** The picks, reasons and verdict that gave a record's best result: what is handed in. */
function isAnswer(answer) {
  return (
    isMap(answer) &&
    Object.keys(answer).every((name) => ["picks", "why", "verdict"].includes(name)) &&
    isPicks(answer.picks) &&
    isWhyMap(answer.why) &&
    (answer.verdict === "" || isKeyOf(facts.compareVerdicts, answer.verdict))
  );
}

export function emptyRecord(version) {
  return { version, picks: [], why: {}, verdict: "", note: "", checked: false, result: null, best: null, at: "", answersSeen: false };
}

/** How far a learner has got with an exercise, from its saved record: "done" once checked,
    "started" once anything is saved, or "" (nothing saved, or saved for another version). */
export function progressOf(record, version) {
  if (!record || record.version !== version) return "";
  return record.checked || record.best ? "done" : "started";
}

/** An answer (picks with their reasons, or a verdict) as text that is the same for the
    same answer, whatever the order its picks were made in. */
export function answerKey(answer) {
  return JSON.stringify([answer.verdict, [...answer.picks].sort((a, b) => a - b).map((n) => [n, answer.why[n] ?? ""])]);
}

/** What counts on an exercise as text, or "" while nothing does: "answers seen", or its
    first check's result and the answer that made it. */
export function countedKey(record) {
  if (record.answersSeen === true) return "answers seen";
  if (!record.best) return "";
  const { found, targets, wrong, whyRight, correct } = record.best;
  return JSON.stringify([found, targets, wrong, whyRight, correct, record.bestAnswer ? answerKey(record.bestAnswer) : ""]);
}

/** What is handed in for an exercise: the first check's attempt (kept through Try again),
    or else the work as it stands; null when nothing is saved for this version. The
    assignment's results file and an LMS package both hand in this. */
export function handedInWork(record, version) {
  if (!record || record.version !== version) return null;
  return record.best && record.bestAnswer ? { ...record, ...record.bestAnswer, checked: true, result: record.best } : record;
}

const time = (record) => Date.parse(record.at) || 0;

/** What to keep when a file brings a record for an exercise already saved here, given
    the exercise's current version. A record for another version never replaces one for
    the current version. An exercise done here (its first check made, or its answers seen
    before one) stays as it is: a file cannot bring another first check, better or worse,
    only the same one with newer work after it. An exercise not done here takes the file's
    record if that one is done, or else whichever work is newer. */
export function merge(saved, incoming, current) {
  if (!saved) return incoming;
  if (incoming.version !== saved.version) return saved.version === current || incoming.version !== current ? saved : incoming;
  const mine = countedKey(saved);
  if (mine) return countedKey(incoming) === mine && time(incoming) > time(saved) ? incoming : saved;
  if (countedKey(incoming)) return incoming;
  return time(incoming) > time(saved) ? incoming : saved;
}
