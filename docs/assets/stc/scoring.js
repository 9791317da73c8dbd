/* The one scoring function: an exercise's reference answers and a learner's picks in, counts
   and a rubric level out. Pure, so that the exercise page, the assignment, the progress page
   and the class report all agree, and Node's test runner can check it. */
import facts from "./facts.js";

const LEVELS = facts.levels.map((level) => level.name);
const [BASIC, EMERGENT, PROFICIENT] = LEVELS;

export function levelFor(found, targets, wrong) {
  if (found === targets && wrong === 0) return PROFICIENT;
  return targets > 0 && (found - wrong) / targets >= facts.emergentShare ? EMERGENT : BASIC;
}

/**
 * Score a spot exercise.
 * @param {{unit: number, verdict: string, why: string[]}[]} answers the reference answers
 * @param {number[]} picks the numbers of the sentences the learner flagged
 * @param {Object<string, string>} why the learner's why-label per picked sentence
 */
export function scoreSpot(answers, picks, why = {}) {
  const byUnit = new Map(answers.map((a) => [a.unit, a]));
  const picked = new Set(picks);
  let found = 0;
  let wrong = 0;
  let whyRight = 0;
  let targets = 0;
  for (const answer of answers) {
    const verdict = facts.verdicts[answer.verdict];
    if (verdict.target) {
      targets += 1;
      if (picked.has(answer.unit)) {
        found += 1;
        if (Object.hasOwn(why, answer.unit) && answer.why.includes(why[answer.unit])) whyRight += 1;
      }
    } else if (verdict.scored && picked.has(answer.unit)) {
      wrong += 1;
    }
  }
  for (const unit of picked) if (!byUnit.has(unit)) wrong += 1; // a sentence with no answer is context
  return { found, targets, wrong, whyRight, level: levelFor(found, targets, wrong) };
}

export function scoreCompare(reference, verdict) {
  const correct = verdict === reference;
  return { correct, level: correct ? PROFICIENT : BASIC };
}

/** A result as marks out of 100, as an LMS gradebook takes them: each unsupported claim
    found earns its share and each wrong pick takes one share back (never below 0); a
    compare verdict earns all or nothing. No result earns 0. */
export function percent(result) {
  if (!result) return 0;
  if ("correct" in result) return result.correct ? 100 : 0;
  if (!result.targets) return result.wrong ? 0 : 100;
  return Math.round((Math.max(0, result.found - result.wrong) / result.targets) * 100);
}

/** Orders results of one exercise, for keeping the best. */
export function rank(result) {
  return "correct" in result ? Number(result.correct) : (result.found - result.wrong) * 100 + result.whyRight;
}

/** A result in a few words, as the progress page and the class report show it. */
export function describe(result) {
  if (!result) return "not checked";
  if ("correct" in result) return result.correct ? "matched the reference" : "did not match the reference";
  return `found ${result.found} of ${result.targets}, ${result.wrong} wrong pick${result.wrong === 1 ? "" : "s"} (${result.level})`;
}

const LEARNER_NAMES = new Map(facts.levels.map((level) => [level.name, level.learnerName]));

/** A level in the words a learner is shown (the rubric names are for teachers). */
export const learnerName = (level) => LEARNER_NAMES.get(level);

/** A result in a few words for the learner who made it: on the progress and assignment
    pages. A result made after the answers were shown is said to be so, without a level. */
export function describeForLearner(result, answersSeen = false) {
  if (!result) return "not checked";
  const counts =
    "correct" in result
      ? `your verdict ${result.correct ? "matched" : "differed from"} the reference`
      : `found ${result.found} of ${result.targets}, ${result.wrong ? `${result.wrong} wrong pick${result.wrong === 1 ? "" : "s"}` : "no wrong picks"}`;
  return answersSeen ? `${counts}, after seeing the answers` : `${counts}: ${learnerName(result.level)}`;
}

/** The score of one exercise in a results file, worked out again from its picks. */
export function rescore(exercise, entry) {
  if (!entry.checked) return null;
  if (exercise.kind === "compare") return entry.verdict ? scoreCompare(exercise.reference, entry.verdict) : null;
  return entry.picks.length ? scoreSpot(exercise.answers, entry.picks, entry.why) : null;
}

export { LEVELS };
