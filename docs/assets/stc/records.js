/* What a saved or handed-in record must look like. Everything read from storage or from a
   file is checked here, field by field, with the model's limits, before anything uses it. */
import facts from "./facts.js";

const SLUG = new RegExp(facts.slugPattern);
const VERSION = /^[0-9a-f]{16}$/;

export const isMap = (value) => !!value && typeof value === "object" && !Array.isArray(value);
export const isCount = (n) => Number.isInteger(n) && n >= 0 && n < 1e4;
export const isText = (value, max) => typeof value === "string" && value.length <= max;
export const isName = (value) => isText(value, facts.limits.name) && value.trim() !== "";
export const isSlug = (value) => typeof value === "string" && SLUG.test(value);
export const isVersion = (value) => typeof value === "string" && VERSION.test(value);

const LEVEL_NAMES = facts.levels.map((level) => level.name);

export function isResult(result) {
  if (result === null) return true;
  if (!isMap(result) || !LEVEL_NAMES.includes(result.level)) return false;
  return "correct" in result
    ? typeof result.correct === "boolean"
    : [result.found, result.targets, result.wrong, result.whyRight].every(isCount);
}

export function isWhyMap(why) {
  return isMap(why) && Object.entries(why).every(([unit, label]) => /^\d{1,4}$/.test(unit) && isText(label, facts.limits.why));
}

/** One exercise's record as this browser saves it. */
export function isRecord(record) {
  return (
    isMap(record) &&
    isVersion(record.version) &&
    Array.isArray(record.picks) &&
    record.picks.every(isCount) &&
    isWhyMap(record.why) &&
    (record.verdict === "" || Object.hasOwn(facts.compareVerdicts, record.verdict)) &&
    isText(record.note, facts.limits.note) &&
    typeof record.checked === "boolean" &&
    isText(record.at, 40) &&
    isResult(record.result) &&
    isResult(record.best)
  );
}

export function emptyRecord(version) {
  return { version, picks: [], why: {}, verdict: "", note: "", checked: false, result: null, best: null, at: "" };
}
