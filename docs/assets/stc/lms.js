/* The SCORM 1.2 side of an LMS package: finding the LMS's API the standard way, and turning
   the learner's saved work into what the LMS records: a score out of 100, a lesson status,
   the suspend data that brings the work back next session, and one interaction per
   exercise. All but `findApi` and `openSession` are pure, for Node's test runner. */
import facts from "./facts.js";
import { handedInWork, isRecord, isSlug } from "./records.js";
import { percent, rescore } from "./scoring.js";

/** The functions a SCORM 1.2 API object has. */
export const API_FUNCTIONS = [
  "LMSInitialize",
  "LMSFinish",
  "LMSGetValue",
  "LMSSetValue",
  "LMSCommit",
  "LMSGetLastError",
  "LMSGetErrorString",
  "LMSGetDiagnostic",
];
const SUSPEND_FORMAT = 2;
const NOTHING = new Set(["false", "null", "undefined"]);
/** SCORM 1.2's error for an optional part of the data model an LMS does not have. */
export const NOT_IMPLEMENTED = "401";
// SCORM 1.2's cmi.suspend_data is a CMIString4096; many LMSs keep more, some refuse it.
export const SUSPEND_LIMIT = 4096;

/** The LMS's SCORM 1.2 API (an `API` object with all eight functions) of `win` or of one of its parents (at most
    seven levels up), else of its opener's, as ADL's specimen code finds it. A window of
    another origin on the way cannot be read and is passed over. */
export function findApi(win) {
  const up = (start) => {
    let current = start;
    for (let level = 0; current && level <= 7; level++) {
      try {
        if (current.API && API_FUNCTIONS.every((name) => typeof current.API[name] === "function")) return current.API;
      } catch {
        /* another origin's window */
      }
      if (!current.parent || current.parent === current) return null;
      current = current.parent;
    }
    return null;
  };
  let opener = null;
  try {
    opener = win.opener;
  } catch {
    /* none to read */
  }
  return up(win) ?? (opener ? up(opener) : null);
}

/** A started LMS session, or null when the LMS will not start one. Each call turns the
    API's answers into text and a failed call into `problem`, and never throws. */
export function openSession(api) {
  const call = (name, ...args) => {
    try {
      return String(api[name](...args));
    } catch {
      return "false";
    }
  };
  if (call("LMSInitialize", "") !== "true") return null;
  let finished = false;
  const session = {
    problem: "",
    problemCode: "",
    get(element) {
      // A number is read as its text; a value the LMS cannot give reads as empty, as do
      // the texts some LMSs give for nothing ("false", "null", "undefined").
      try {
        const value = api.LMSGetValue(element);
        const text = typeof value === "number" && Number.isFinite(value) ? String(value) : typeof value === "string" ? value : "";
        return NOTHING.has(text) ? "" : text;
      } catch {
        return "";
      }
    },
    set(element, value) {
      if (call("LMSSetValue", element, value) === "true") return true;
      const code = call("LMSGetLastError");
      session.problemCode = code;
      // An LMS may refuse without setting an error code: "No error (error 0)" would mislead.
      session.problem =
        code && code !== "0" ? `${element}: ${call("LMSGetErrorString", code)} (error ${code})` : `${element} was not accepted`;
      return false;
    },
    commit: () => call("LMSCommit", "") === "true",
    finish() {
      if (finished) return;
      finished = true;
      call("LMSFinish", "");
    },
  };
  return session;
}

/** SCORM 1.2 gives the learner's name as "Last, First"; a page shows "First Last". Other
    forms are kept as given; runs of spaces become one and the site's limit applies. */
export function learnerName(lmsName) {
  const name = String(lmsName ?? "")
    .replace(/\s+/gu, " ")
    .trim();
  const parts = name.split(",").map((part) => part.trim());
  const shown = parts.length === 2 && parts[0] && parts[1] ? `${parts[1]} ${parts[0]}` : name;
  return shown.slice(0, facts.limits.name);
}

/** An exercise's marks out of 100, from the work that would be handed in, scored again from
    its picks by the shared scoring. It is done once checked, or once its answers were shown:
    that earns nothing, checked or not, and a learner who has seen them need not check to
    finish the package. */
export function exerciseMark(exercise, record) {
  const work = handedInWork(record, exercise.version);
  if (work?.answersSeen) return { done: true, percent: 0, work };
  if (!work?.checked) return { done: false, percent: 0, work: null };
  return { done: true, percent: percent(rescore(exercise, work)), work };
}

/** The package's score: the mean of every exercise's marks, unchecked ones earning 0. */
export function packageScore(exercises, records) {
  const marks = exercises.map((exercise) => exerciseMark(exercise, records.get(exercise.id)));
  const total = marks.reduce((sum, mark) => sum + mark.percent, 0);
  return {
    raw: exercises.length ? Math.round(total / exercises.length) : 0,
    done: marks.filter((mark) => mark.done).length,
    total: exercises.length,
    marks,
  };
}

/** cmi.core.lesson_status: "incomplete" until every exercise is done (see exerciseMark); then "passed" or
    "failed" against the LMS's mastery score when it sets one, else "completed". */
export function lessonStatus(score, masteryScore = "") {
  if (score.done < score.total) return "incomplete";
  const mastery = String(masteryScore).trim();
  if (mastery !== "" && Number.isFinite(Number(mastery))) return score.raw >= Number(mastery) ? "passed" : "failed";
  return "completed";
}

/** One checked exercise as the cmi.interactions.n fields SCORM 1.2 defines: the learner's
    picks (sentence numbers) or verdict, the reference's, and the result ("correct",
    "wrong", the marks out of 100 in between, or "neutral" for work checked after the
    answers were shown). The type is "fill-in": SCORM 1.2's "choice" allows only
    single-character answers, and a passage has more than nine sentences. */
export function interaction(exercise, mark) {
  const spot = exercise.kind !== "compare";
  // Answers shown before the first check: nothing handed in is the learner's own, and
  // practice after that is not reported.
  const response = mark.work.answersSeen ? "" : spot ? [...mark.work.picks].sort((a, b) => a - b).join(",") : mark.work.verdict;
  const correct = spot
    ? exercise.answers
        .filter((answer) => facts.verdicts[answer.verdict].target)
        .map((answer) => answer.unit)
        .join(",")
    : exercise.reference;
  const result = mark.work.answersSeen ? "neutral" : mark.percent === 100 ? "correct" : mark.percent === 0 ? "wrong" : String(mark.percent);
  return {
    id: exercise.id,
    type: "fill-in",
    student_response: upTo255(response),
    result,
    weighting: "1",
    "correct_responses.0.pattern": upTo255(correct),
  };
}

/** A list of numbers cut to SCORM 1.2's 255 characters at a comma, never inside a number. */
function upTo255(text) {
  return text.length <= 255 ? text : text.slice(0, text.lastIndexOf(",", 255));
}

// Suspend data is compact: SCORM 1.2 promises only 4096 characters, and a package of every
// exercise must fit. Each exercise's work is keyed by the start of its version (work for a
// version the package no longer has is carried along untouched, never dropped), and
// holds only what rebuilds its record: results are scored again from the picks.
const KEY_LENGTH = 8;
const CODES = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const WHY = Object.keys(facts.whyLabels);
const VERDICTS = Object.keys(facts.compareVerdicts);
const ANSWER = /^((?:\d{1,4}[a-zA-Z-])*)(?:~([a-zA-Z]))?$/u;
const CHECKED = 1;
const SEEN = 2;
const BEST = 4;
const SAME = "=";

/** An answer (picks with their reasons, or a verdict) as a short code: "2a5-12c" is
    sentences 2, 5 and 12 with the first, no and the third reason; "~b" the second verdict. */
export function encodeAnswer(answer) {
  const picks = answer.picks.map((n) => `${n}${Object.hasOwn(answer.why, n) ? CODES[WHY.indexOf(answer.why[n])] : "-"}`);
  return picks.join("") + (answer.verdict ? `~${CODES[VERDICTS.indexOf(answer.verdict)]}` : "");
}

/** The answer a code stands for, or null when it is not one. */
export function decodeAnswer(code) {
  const match = typeof code === "string" ? ANSWER.exec(code) : null;
  if (!match) return null;
  const picks = [];
  const why = {};
  for (const [, number, reason] of match[1].matchAll(/(\d+)([a-zA-Z-])/gu)) {
    const n = Number(number);
    if (picks.includes(n) || picks.length >= facts.limits.picks) return null;
    picks.push(n);
    if (reason !== "-") {
      const label = WHY[CODES.indexOf(reason)];
      if (!label) return null;
      why[n] = label;
    }
  }
  const verdict = match[2] ? VERDICTS[CODES.indexOf(match[2])] : "";
  if (verdict === undefined) return null;
  return { picks, why, verdict };
}

const versionKey = (version) => version.slice(0, KEY_LENGTH);
const isEntry = (value) =>
  Array.isArray(value) &&
  value.length >= 5 &&
  value.length <= 6 &&
  Number.isInteger(value[0]) &&
  typeof value[1] === "string" &&
  typeof value[2] === "string" &&
  typeof value[3] === "string" &&
  Number.isInteger(value[4]) &&
  (value.length === 5 || typeof value[5] === "string");

/** One exercise's record as a suspend data entry: [flags, answer, best answer, time, the
    interaction it was reported as (-1 for none), and the note when `withNote`]. */
function toEntry(record, interactionIndex, withNote) {
  const current = encodeAnswer(record);
  const best = record.best && record.bestAnswer ? encodeAnswer(record.bestAnswer) : "";
  const flags = (record.checked ? CHECKED : 0) | (record.answersSeen ? SEEN : 0) | (best ? BEST : 0);
  const time = record.at ? Math.floor(Date.parse(record.at) / 1000).toString(36) : "";
  const entry = [flags, current, best === current ? SAME : best, time, interactionIndex ?? -1];
  if (withNote && record.note) entry.push(record.note);
  return entry;
}

/** The record an entry stands for, checked as any stored record is, or null. */
function fromEntry(exercise, entry) {
  const [flags, code, bestCode, time, , note = ""] = entry;
  const answer = decodeAnswer(code);
  const bestAnswer = flags & BEST ? decodeAnswer(bestCode === SAME ? code : bestCode) : null;
  if (!answer || (flags & BEST && !bestAnswer) || note.length > facts.limits.note) return null;
  const seconds = parseInt(time, 36);
  const record = {
    version: exercise.version,
    ...answer,
    note,
    checked: !!(flags & CHECKED),
    at: time && Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : "",
    answersSeen: !!(flags & SEEN),
    result: null,
    best: null,
  };
  record.result = rescore(exercise, record);
  const best = bestAnswer && !record.answersSeen ? rescore(exercise, { ...bestAnswer, checked: true }) : null;
  if (best) {
    record.best = best;
    record.bestAnswer = bestAnswer;
  }
  return record;
}

/** The package's work as suspend data: each exercise's record (`records`, by id) with the
    interaction it was reported as (`interactions`, by id); then, while they fit in
    SUSPEND_LIMIT, the learner's notes and work `carried` from versions the package no
    longer has (which the learner can no longer see). Gives the text, the ids whose notes
    were left out and whether any carried work was. */
export function toSuspendData(exercises, records, interactions = new Map(), carried = {}) {
  const data = { format: SUSPEND_FORMAT, work: {} };
  const withNotes = [];
  for (const exercise of exercises) {
    const record = records.get(exercise.id);
    if (!record || record.version !== exercise.version) continue;
    data.work[versionKey(exercise.version)] = toEntry(record, interactions.get(exercise.id), false);
    if (record.note) withNotes.push([exercise, record]);
  }
  let text = JSON.stringify(data);
  /** Puts `entry` under `key` if the whole still fits; whether it did. */
  const fits = (key, entry) => {
    const before = data.work[key];
    data.work[key] = entry;
    const longer = JSON.stringify(data);
    if (longer.length <= SUSPEND_LIMIT) {
      text = longer;
      return true;
    }
    if (before === undefined) delete data.work[key];
    else data.work[key] = before;
    return false;
  };
  const notesLeftOut = withNotes
    .filter(([exercise, record]) => !fits(versionKey(exercise.version), toEntry(record, interactions.get(exercise.id), true)))
    .map(([exercise]) => exercise.id);
  const carriedLeftOut = Object.entries(carried).filter(([key, entry]) => !(key in data.work) && !fits(key, entry)).length > 0;
  return { text, notesLeftOut, carriedLeftOut };
}

/** What suspend data gives back: `records` (id → record) and `interactions` (id → index)
    for the package's exercises, and work for other versions to carry along. `readable` is
    false when the text is not suspend data of ours (then nothing else is given). What the
    LMS hands back is data: every record is checked as a stored one is. */
export function fromSuspendData(text, exercises) {
  const empty = { readable: text === "", records: new Map(), interactions: new Map(), carried: {} };
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return empty;
  }
  const isMap = (value) => !!value && typeof value === "object" && !Array.isArray(value);
  if (isMap(data) && data.format === 1 && isMap(data.records)) return fromFormat1(data.records, exercises) ?? empty;
  if (!isMap(data) || data.format !== SUSPEND_FORMAT || !isMap(data.work)) return empty;
  const byKey = new Map(exercises.map((exercise) => [versionKey(exercise.version), exercise]));
  const back = { readable: true, records: new Map(), interactions: new Map(), carried: {} };
  for (const [key, entry] of Object.entries(data.work)) {
    // Anything not as this page writes it makes the whole unreadable, so it is never
    // written over (see package.js).
    if (!/^[0-9a-f]{8}$/u.test(key) || !isEntry(entry)) return empty;
    const exercise = byKey.get(key);
    if (!exercise) {
      back.carried[key] = entry;
      continue;
    }
    const record = fromEntry(exercise, entry);
    if (!record || !isRecord(record)) return empty;
    back.records.set(exercise.id, record);
    if (entry[4] >= 0) back.interactions.set(exercise.id, entry[4]);
  }
  return back;
}

/** Suspend data of the first format (the store's records whole, by storage key), as the
    current format gives it back, or null when anything in it is not a record. Records of
    the package's exercises are scored again from their picks, a first check only from the
    answer that made it; records of other versions are carried along. */
function fromFormat1(stored, exercises) {
  const byId = new Map(exercises.map((exercise) => [exercise.id, exercise]));
  const back = { readable: true, records: new Map(), interactions: new Map(), carried: {} };
  for (const [key, value] of Object.entries(stored)) {
    const id = key.startsWith(facts.storagePrefix) ? key.slice(facts.storagePrefix.length) : "";
    if (!isSlug(id)) continue; // the store's other entries: none is work on an exercise
    // A first check that cannot be scored again from its answer is not taken on trust.
    if (!isRecord(value) || (value.best && !value.bestAnswer)) return null;
    const exercise = byId.get(id);
    if (!exercise || exercise.version !== value.version) {
      back.carried[versionKey(value.version)] = toEntry(value, -1, true);
      continue;
    }
    const record = { ...value, result: rescore(exercise, value), best: null };
    delete record.bestAnswer;
    if (value.bestAnswer && !value.answersSeen) {
      record.best = rescore(exercise, { ...value.bestAnswer, checked: true });
      if (record.best) record.bestAnswer = value.bestAnswer;
    }
    back.records.set(id, record);
  }
  return back;
}

/** A duration as SCORM 1.2's CMITimespan, HHHH:MM:SS.SS. */
export function timespan(ms) {
  const hundredths = Math.max(0, Math.round(ms / 10));
  const hours = Math.min(9999, Math.floor(hundredths / 360000));
  const minutes = Math.floor((hundredths % 360000) / 6000);
  const seconds = (hundredths % 6000) / 100;
  const two = (n) => String(n).padStart(2, "0");
  return `${String(hours).padStart(4, "0")}:${two(minutes)}:${seconds.toFixed(2).padStart(5, "0")}`;
}
