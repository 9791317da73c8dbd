/* The rules of the check-ups, shared by the student's pages and the class report: which
   form a student takes at each stage, what a stored or handed-in check-up must look like,
   and the class's change from before to after. */
import { detection, tally } from "./discernment.js";
import facts from "./facts.js";
import { isMap, isPicks, isSlug, isText, isVersion } from "./records.js";
import { sameName } from "./util.js";

const [FIRST, SECOND] = facts.checkUps.forms;
const DAY = 24 * 60 * 60 * 1000; // clocks differ: a day's leeway before a time is "to come"
export const STAGES = facts.checkUps.stages;

/** FNV-1a, 32 bits: a spread of the name's characters that every browser computes alike. */
function hash(text) {
  let h = 0x811c9dc5;
  for (const char of text) {
    h ^= char.codePointAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The form a student takes first: fixed by their name (written as the class report
    compares names), so it is the same on every visit and every computer, and about half a
    class starts with each form. */
export function firstForm(name) {
  return hash(sameName(name)) % 2 === 0 ? FIRST : SECOND;
}

export const otherForm = (form) => (form === FIRST ? SECOND : FIRST);

/** The form a student takes at `stage`: before, the form the name gives (or the one already
    taken before); after, the other form from the one taken before. */
export function formFor(stage, name, before) {
  const first = before?.form ?? firstForm(name);
  return stage === "before" ? first : otherForm(first);
}

/** An ISO 8601 time of a real day (2026-02-30 is not one, though Date.parse accepts it). */
const isTime = (value) => {
  if (!isText(value, 40) || !/^\d{4}-\d\d-\d\dT/.test(value)) return false;
  const time = new Date(value);
  return !Number.isNaN(time.getTime()) && time.toISOString().slice(0, 10) === value.slice(0, 10);
};

/** A check-up as this browser keeps it: picks saved as they are made, then handed in
    (`submitted` set) once, after which nothing changes. */
export function isCheckUpRecord(record) {
  return (
    isMap(record) &&
    facts.checkUps.forms.includes(record.form) &&
    STAGES.includes(record.stage) &&
    isVersion(record.version) &&
    isPicks(record.picks) &&
    isText(record.assignment, facts.limits.name) &&
    isText(record.student, facts.limits.name) &&
    (record.submitted === "" || isTime(record.submitted)) &&
    Array.isArray(record.practised) &&
    record.practised.length <= facts.limits.resultsExercises &&
    record.practised.every(isSlug) &&
    (record.at === "" || isTime(record.at))
  );
}

/** Why a check-up in a results file cannot be used, or "" (`forms`: the site's forms by letter). */
export function checkUpProblem(entry, forms) {
  if (!isMap(entry)) return "a check-up in it is malformed";
  const extra = Object.keys(entry).find((name) => !facts.resultsFields.checkUp.includes(name));
  const missing = facts.resultsFields.checkUp.find((name) => !Object.hasOwn(entry, name));
  if (extra !== undefined || missing !== undefined) return "a check-up in it is malformed";
  const form = facts.checkUps.forms.includes(entry.form) && Object.hasOwn(forms, entry.form) ? forms[entry.form] : null;
  if (!form) return "it holds a check-up form this site does not have";
  if (entry.version !== form.version) return `it answers an older version of check-up form ${entry.form}`;
  const name = `check-up form ${entry.form}`;
  if (!STAGES.includes(entry.stage)) return `its ${name} has a stage that is neither before nor after`;
  if (!isPicks(entry.picks) || entry.picks.some((n) => n < 1 || n > form.units.length)) {
    return `its ${name} picks a sentence the form does not have`;
  }
  if (!isTime(entry.submitted)) return `its ${name} has no time it was handed in`;
  if (Date.parse(entry.submitted) > Date.now() + DAY) return `its ${name} was handed in at a time still to come`;
  const practisedOk =
    Array.isArray(entry.practised) && entry.practised.length <= facts.limits.resultsExercises && entry.practised.every(isSlug);
  return practisedOk ? "" : `its ${name} has a list of practised exercises that is malformed`;
}

/** A check-up's counts and figures: hits, misses, false alarms, correct rejections, and the
    hit rate, false-alarm rate, d′ and c (null when the form has no item of one kind). */
export function scoreCheckUp(form, picks) {
  const counts = tally(form.answers, picks);
  return { ...counts, figures: detection(counts) };
}

/** What a learner is told after handing a check-up in: counts, in words. */
export function checkUpWords({ hits, misses, falseAlarms, correctRejections }) {
  const fine = falseAlarms + correctRejections;
  const claims = hits + misses;
  return `You caught ${hits} of ${claims} ${claims === 1 ? "claim" : "claims"} to flag, and flagged ${falseAlarms} of ${fine} ${fine === 1 ? "sentence that was" : "sentences that were"} fine to leave.`;
}

const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;

/** The spread of `values` about their mean: the sample standard deviation (n − 1), or null
    for fewer than two values. */
export function standardDeviation(values) {
  if (values.length < 2) return null;
  const m = mean(values);
  return Math.sqrt(values.reduce((total, v) => total + (v - m) ** 2, 0) / (values.length - 1));
}

/** The class's figures from each student's pair { before, after } of figures ({ dPrime,
    criterion }, or null): over the students with both, the means before and after and the
    mean change with its spread, for d′ and for c. */
export function classChange(pairs) {
  const both = pairs.filter((p) => p.before && p.after);
  if (!both.length) return { students: 0 };
  const of = (key) => {
    const before = both.map((p) => p.before[key]);
    const after = both.map((p) => p.after[key]);
    const change = both.map((p) => p.after[key] - p.before[key]);
    return { before: mean(before), after: mean(after), change: mean(change), spread: standardDeviation(change) };
  };
  return { students: both.length, dPrime: of("dPrime"), criterion: of("criterion") };
}
