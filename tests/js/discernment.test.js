/* Discernment by signal detection: the four counts from a key and picks, and the figures. */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { detection, leaning, probit, sum, tally } from "../../docs/assets/stc/discernment.js";
import { scoreSpot } from "../../docs/assets/stc/scoring.js";

const RUNS = Number(process.env.FC_RUNS || 200);
const KEY = [
  { unit: 1, verdict: "opinion", why: [] },
  { unit: 2, verdict: "unsupported", why: ["no-source"] },
  { unit: 3, verdict: "attributed", why: [] },
  { unit: 4, verdict: "overreach", why: ["sweeping"] },
  { unit: 5, verdict: "supported", why: [] },
];

test("each scored sentence is a hit, a miss, a false alarm or a correct rejection", () => {
  assert.deepEqual(tally(KEY, [1, 2, 3, 6]), { hits: 1, misses: 1, falseAlarms: 2, correctRejections: 1 });
  assert.deepEqual(sum([tally(KEY, [2]), tally(KEY, [4, 5])]), { hits: 2, misses: 2, falseAlarms: 1, correctRejections: 3 });
});

test("flagging every item of a balanced set gives d′ = 0; flagging none too", () => {
  for (const n of [1, 4, 8, 16]) {
    assert.equal(detection({ hits: n, misses: 0, falseAlarms: n, correctRejections: 0 }).dPrime, 0);
    assert.equal(detection({ hits: 0, misses: n, falseAlarms: 0, correctRejections: n }).dPrime, 0);
  }
  assert.equal(detection({ hits: 0, misses: 0, falseAlarms: 2, correctRejections: 2 }), null);
});

test("property: the tally agrees with the score's finds and wrong picks", () => {
  fc.assert(
    fc.property(fc.subarray([1, 2, 3, 4, 5, 6, 7]), (picks) => {
      const counts = tally(KEY, picks);
      const score = scoreSpot(KEY, picks);
      assert.equal(counts.hits, score.found);
      assert.equal(counts.hits + counts.misses, score.targets);
      assert.equal(counts.falseAlarms, score.wrong);
    }),
    { numRuns: RUNS },
  );
});

test("property: more hits never lower d′, more false alarms never raise it", () => {
  const count = fc.integer({ min: 0, max: 20 });
  fc.assert(
    fc.property(count, count, count, count, (h, m, f, r) => {
      fc.pre(h + m > 0 && f + r > 0);
      const base = detection({ hits: h, misses: m, falseAlarms: f, correctRejections: r }).dPrime;
      if (m > 0) assert.ok(detection({ hits: h + 1, misses: m - 1, falseAlarms: f, correctRejections: r }).dPrime >= base);
      if (r > 0) assert.ok(detection({ hits: h, misses: m, falseAlarms: f + 1, correctRejections: r - 1 }).dPrime <= base);
    }),
    { numRuns: RUNS },
  );
});

test("the quantile is symmetric and refuses rates outside (0, 1)", () => {
  assert.ok(Math.abs(probit(0.3) + probit(0.7)) < 1e-9);
  assert.throws(() => probit(1), RangeError);
  assert.throws(() => probit(0), RangeError);
});

test("a learner is told which way their flags lean only when they clearly do", () => {
  const flagsAll = detection({ hits: 8, misses: 0, falseAlarms: 7, correctRejections: 1 });
  const flagsNone = detection({ hits: 1, misses: 7, falseAlarms: 0, correctRejections: 8 });
  const even = detection({ hits: 6, misses: 2, falseAlarms: 2, correctRejections: 6 });
  assert.match(leaning(flagsAll), /lean to flagging/);
  assert.match(leaning(flagsNone), /lean to leaving claims alone/);
  assert.equal(leaning(even), "");
  assert.equal(leaning(null), "");
});
