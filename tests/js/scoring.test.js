/* The shared scoring function, by Node's test runner: examples, then properties over
   generated answer keys (fast-check). */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import facts from "../../docs/assets/stc/facts.js";
import { describe as describeResult, levelFor, rank, scoreCompare, scoreSpot } from "../../docs/assets/stc/scoring.js";

const RUNS = Number(process.env.FC_RUNS || 200);
const VERDICTS = Object.keys(facts.verdicts);
const TARGETS = VERDICTS.filter((v) => facts.verdicts[v].target);
const WRONG_PICKS = VERDICTS.filter((v) => facts.verdicts[v].scored && !facts.verdicts[v].target);
const [BASIC, EMERGENT, PROFICIENT] = facts.levels.map((l) => l.name);

const answer = (unit, verdict, why = []) => ({ unit, verdict, why });

test("every verdict the model defines is either a target, a wrong pick or unscored", () => {
  for (const verdict of VERDICTS) {
    const { label, target, scored } = facts.verdicts[verdict];
    assert.ok(label.length > 0);
    assert.equal(typeof target, "boolean");
    assert.equal(typeof scored, "boolean");
    assert.ok(!target || scored, `${verdict}: a target must be scored`);
  }
  assert.ok(TARGETS.length && WRONG_PICKS.length);
});

test("a worked example: finds, a wrong pick, an unscored pick and a right why-label", () => {
  const answers = [
    answer(1, "unsupported", ["no-source"]),
    answer(2, "overreach", ["sweeping"]),
    answer(3, "attributed"),
    answer(4, "opinion"),
  ];
  assert.deepEqual(scoreSpot(answers, [1, 3, 4], { 1: "no-source" }), { found: 1, targets: 2, wrong: 1, whyRight: 1, level: BASIC });
  assert.deepEqual(scoreSpot(answers, [1, 2], {}), { found: 2, targets: 2, wrong: 0, whyRight: 0, level: PROFICIENT });
  assert.equal(scoreSpot(answers, [1, 2, 3]).level, EMERGENT);
  assert.equal(scoreSpot(answers, [2, 9]).wrong, 1, "a sentence with no answer is a wrong pick");
});

test("a why map from a file cannot reach Object.prototype", () => {
  const why = JSON.parse('{"__proto__": "no-source", "constructor": "x"}');
  assert.equal(scoreSpot([answer(1, "unsupported", ["no-source"])], [1], why).whyRight, 0);
});

test("compare exercises are right or not", () => {
  assert.deepEqual(scoreCompare("goes-beyond", "goes-beyond"), { correct: true, level: PROFICIENT });
  assert.deepEqual(scoreCompare("goes-beyond", "supported"), { correct: false, level: BASIC });
  assert.equal(describeResult(scoreCompare("a", "a")), "matched the reference");
});

/* A key as validate allows it: at least one target and one scored non-target. */
const keys = fc
  .record({
    targets: fc.array(fc.constantFrom(...TARGETS), { minLength: 1, maxLength: 8 }),
    others: fc.array(fc.constantFrom(...VERDICTS.filter((v) => !facts.verdicts[v].target)), { maxLength: 8 }),
    wrong: fc.constantFrom(...WRONG_PICKS),
  })
  .chain(({ targets, others, wrong }) =>
    fc
      .shuffledSubarray([...targets, ...others, wrong], { minLength: targets.length + others.length + 1 })
      .map((verdicts) => verdicts.map((verdict, i) => answer(i + 1, verdict, facts.verdicts[verdict].target ? ["no-source"] : []))),
  );
const keyAndPicks = keys.chain((answers) =>
  fc.tuple(fc.constant(answers), fc.subarray(answers.map((a) => a.unit)), fc.subarray(answers.map((a) => a.unit))),
);

test("property: flagging every sentence never reaches the top level", () => {
  fc.assert(
    fc.property(keys, (answers) => {
      const all = answers.map((a) => a.unit);
      assert.notEqual(scoreSpot(answers, all).level, PROFICIENT);
    }),
    { numRuns: RUNS },
  );
});

test("property: counts stay in bounds and the level matches them", () => {
  fc.assert(
    fc.property(keyAndPicks, ([answers, picks]) => {
      const r = scoreSpot(answers, picks, Object.fromEntries(picks.map((p) => [p, "no-source"])));
      assert.ok(r.found >= 0 && r.found <= r.targets && r.targets <= answers.length);
      assert.ok(r.wrong >= 0 && r.wrong <= picks.length && r.found + r.wrong <= picks.length);
      assert.ok(r.whyRight >= 0 && r.whyRight <= r.found);
      assert.equal(r.level, levelFor(r.found, r.targets, r.wrong));
    }),
    { numRuns: RUNS },
  );
});

test("property: one more correct pick never lowers a score", () => {
  const order = (level) => facts.levels.findIndex((l) => l.name === level);
  fc.assert(
    fc.property(keyAndPicks, ([answers, picks]) => {
      const missed = answers.find((a) => facts.verdicts[a.verdict].target && !picks.includes(a.unit));
      if (!missed) return;
      const before = scoreSpot(answers, picks);
      const after = scoreSpot(answers, [...picks, missed.unit]);
      assert.ok(rank(after) > rank(before));
      assert.ok(order(after.level) >= order(before.level));
    }),
    { numRuns: RUNS },
  );
});

test("property: one more wrong pick never raises a score", () => {
  fc.assert(
    fc.property(keyAndPicks, ([answers, picks]) => {
      const wrong = answers.find((a) => !facts.verdicts[a.verdict].target && facts.verdicts[a.verdict].scored && !picks.includes(a.unit));
      if (!wrong) return;
      assert.ok(rank(scoreSpot(answers, [...picks, wrong.unit])) < rank(scoreSpot(answers, picks)));
    }),
    { numRuns: RUNS },
  );
});
