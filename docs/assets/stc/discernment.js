/* Discernment, scored by signal detection: from complete answer keys every scored sentence
   is a hit (an unsupported claim flagged), a miss, a false alarm (a sentence the text does
   support, or a source's words, flagged) or a correct rejection; unscored verdicts count as
   neither. Sensitivity d′ = z(H) − z(F) says how well flags tell the two apart; the
   criterion c = −(z(H) + z(F)) / 2 says how readily the learner flags (negative: flags
   more). Rates use the log-linear correction (Hautus, 1995): half a count is added to hits
   and to false alarms, and one to the number of each kind of sentence, for every learner,
   so that rates of 0 and 1 stay finite and the figures of different learners compare. */
import facts from "./facts.js";

/** A learner's four counts on one spot exercise, from its answers and their picks. A
    picked sentence with no reference answer is context: a false alarm, as the score has it. */
export function tally(answers, picks) {
  const picked = new Set(picks);
  const counts = { hits: 0, misses: 0, falseAlarms: 0, correctRejections: 0 };
  const known = new Set();
  for (const answer of answers) {
    known.add(answer.unit);
    const verdict = facts.verdicts[answer.verdict];
    if (!verdict.scored) continue;
    const flagged = picked.has(answer.unit);
    if (verdict.target) counts[flagged ? "hits" : "misses"] += 1;
    else counts[flagged ? "falseAlarms" : "correctRejections"] += 1;
  }
  for (const unit of picked) if (!known.has(unit)) counts.falseAlarms += 1;
  return counts;
}

/** The four counts of several tallies added up. */
export function sum(tallies) {
  const total = { hits: 0, misses: 0, falseAlarms: 0, correctRejections: 0 };
  for (const t of tallies) for (const key of Object.keys(total)) total[key] += t[key];
  return total;
}

/** The standard normal quantile z(p), 0 < p < 1, by Acklam's rational approximation
    (relative error under 1.2e-9: far finer than the three decimals a teacher is shown). */
export function probit(p) {
  if (!(p > 0 && p < 1)) throw new RangeError(`probit needs 0 < p < 1, not ${p}`);
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  let x;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
      (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  return x;
}

/** Hit and false-alarm rates with the log-linear correction, and d′ and c from them; null
    when there is no sentence of one kind to rate. */
export function detection({ hits, misses, falseAlarms, correctRejections }) {
  const signal = hits + misses;
  const noise = falseAlarms + correctRejections;
  if (!signal || !noise) return null;
  const hitRate = (hits + 0.5) / (signal + 1);
  const falseAlarmRate = (falseAlarms + 0.5) / (noise + 1);
  const [zH, zF] = [probit(hitRate), probit(falseAlarmRate)];
  return { hitRate, falseAlarmRate, dPrime: zH - zF, criterion: -(zH + zF) / 2 };
}

/** How far the criterion c may lean either way before a learner is told so. */
const LEAN = 0.5;

/** A plain word on which way a learner's flags lean, from their figures, or "". */
export function leaning(figures) {
  if (figures?.criterion < -LEAN) {
    return "You lean to flagging: before you flag a sentence, look for what the text offers in its support.";
  }
  if (figures?.criterion > LEAN) {
    return "You lean to leaving claims alone: ask of each sentence whether anything in the text backs it.";
  }
  return "";
}
