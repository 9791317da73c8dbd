/* The SCORM 1.2 side of an LMS package: finding the LMS's API the standard way, and turning
   the learner's saved work into what the LMS records: a score out of 100, a lesson status,
   the suspend data that brings the work back next session, and one interaction per
   exercise. All but `findApi` and `openSession` are pure, for Node's test runner. */
import facts from "./facts.js";
import { handedInWork } from "./records.js";
import { percent, rescore } from "./scoring.js";

const PREFIX = facts.storagePrefix;
const API_FUNCTIONS = [
  "LMSInitialize",
  "LMSFinish",
  "LMSGetValue",
  "LMSSetValue",
  "LMSCommit",
  "LMSGetLastError",
  "LMSGetErrorString",
  "LMSGetDiagnostic",
];
const SUSPEND_FORMAT = 1;
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
    get(element) {
      // A value the LMS cannot give reads as empty, never as the text "false" or "null".
      try {
        const value = api.LMSGetValue(element);
        return typeof value === "string" ? value : "";
      } catch {
        return "";
      }
    },
    set(element, value) {
      if (call("LMSSetValue", element, value) === "true") return true;
      const code = call("LMSGetLastError");
      session.problem = `${element}: ${call("LMSGetErrorString", code)} (error ${code})`;
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
    its picks by the shared scoring. Work checked after the answers were shown is done but
    earns nothing. */
export function exerciseMark(exercise, record) {
  const work = handedInWork(record, exercise.version);
  if (!work?.checked) return { done: false, percent: 0, work: null };
  const result = work.answersSeen ? null : rescore(exercise, work);
  return { done: true, percent: percent(result), work };
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

/** cmi.core.lesson_status: "incomplete" until every exercise is checked; then "passed" or
    "failed" against the LMS's mastery score when it sets one, else "completed". */
export function lessonStatus(score, masteryScore = "") {
  if (score.done < score.total) return "incomplete";
  const mastery = String(masteryScore).trim();
  if (mastery !== "" && Number.isFinite(Number(mastery))) return score.raw >= Number(mastery) ? "passed" : "failed";
  return "completed";
}

/** One checked exercise as the cmi.interactions.n fields SCORM 1.2 defines: the learner's
    picks (sentence numbers) or verdict, the reference's, and the result ("correct",
    "wrong", or the marks out of 100 in between). */
export function interaction(exercise, mark) {
  const spot = exercise.kind !== "compare";
  const response = spot ? [...mark.work.picks].sort((a, b) => a - b).join(",") : mark.work.verdict;
  const correct = spot
    ? exercise.answers
        .filter((answer) => facts.verdicts[answer.verdict].target)
        .map((answer) => answer.unit)
        .join(",")
    : exercise.reference;
  const result = mark.percent === 100 ? "correct" : mark.percent === 0 ? "wrong" : String(mark.percent);
  return {
    id: exercise.id,
    type: "choice",
    student_response: response,
    result,
    weighting: "1",
    "correct_responses.0.pattern": correct,
  };
}

/** The package's store as suspend data: each stored record as JSON, anything else as text. */
export function toSuspendData(entries) {
  const records = {};
  const texts = {};
  for (const [key, text] of entries) {
    let value;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    if (value && typeof value === "object" && !Array.isArray(value) && JSON.stringify(value) === text) records[key] = value;
    else texts[key] = text;
  }
  return JSON.stringify({ format: SUSPEND_FORMAT, records, texts });
}

/** The store's entries back from suspend data. Only the site's own keys with text values
    are taken (what the LMS hands back is data, checked again as each page reads it);
    anything else, or suspend data that is not ours, gives nothing. */
export function fromSuspendData(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  const isMap = (value) => !!value && typeof value === "object" && !Array.isArray(value);
  if (!isMap(data) || data.format !== SUSPEND_FORMAT) return [];
  const entries = [];
  const ours = (key) => typeof key === "string" && key.startsWith(PREFIX) && key.length <= 300;
  for (const [key, value] of Object.entries(isMap(data.records) ? data.records : {})) {
    if (ours(key) && isMap(value)) entries.push([key, JSON.stringify(value)]);
  }
  for (const [key, value] of Object.entries(isMap(data.texts) ? data.texts : {})) {
    if (ours(key) && typeof value === "string") entries.push([key, value]);
  }
  return entries;
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
