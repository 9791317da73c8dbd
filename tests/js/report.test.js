/* The class report's counting and its CSV, by Node's test runner: what a spreadsheet reads,
   answers seen never counted as a level, and wrong picks counted as the score counts them. */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import facts from "../../docs/assets/stc/facts.js";
import { csvText, levelCounts, mismatch, pickKind, studentOf, verdictCounts, wrongPicks } from "../../docs/assets/stc/report.js";
import { scoreSpot } from "../../docs/assets/stc/scoring.js";

const RUNS = Number(process.env.FC_RUNS || 200);
const SPOT = {
  id: "spot-one",
  title: "Spot one",
  kind: "spot",
  answers: [
    { unit: 1, verdict: "unsupported", why: ["no-source"] },
    { unit: 2, verdict: "supported", why: [] },
    { unit: 3, verdict: "opinion", why: [] },
    { unit: 4, verdict: "overreach", why: ["sweeping"] },
  ],
  targets: [
    { unit: 1, quote: "One", explanation: "" },
    { unit: 4, quote: "Four", explanation: "" },
  ],
  nonTargets: [{ unit: 2, quote: "Two", verdict: "supported", explanation: "" }],
};
const COMPARE = { id: "compare-one", title: "Compare one", kind: "compare", reference: "goes-beyond" };
const BY_ID = new Map([SPOT, COMPARE].map((e) => [e.id, e]));

const entry = (exercise, fields) => ({
  id: exercise.id,
  picks: [],
  why: {},
  verdict: "",
  note: "",
  checked: true,
  result: null,
  ...fields,
});
const student = (name, entries, version = 2) => studentOf({ student: name, version, exercises: entries }, BY_ID);

const CLASS = [
  student("Ana", [entry(SPOT, { picks: [1, 4], why: { 1: "no-source" }, answersSeen: false }), entry(COMPARE, { verdict: "goes-beyond" })]),
  student("=cmd|' /C calc'!A0", [entry(SPOT, { picks: [1, 2, 5], answersSeen: true })]),
  student("Cy", [entry(SPOT, { picks: [2, 3] }), entry(COMPARE, { verdict: "supported", checked: false })], 1),
];

test("the CSV has a byte-order mark, one number per cell, and no formula in a name", () => {
  const text = csvText(CLASS, [SPOT, COMPARE]);
  assert.ok(text.startsWith("\uFEFF"));
  const rows = text
    .slice(1)
    .split("\r\n")
    .slice(0, -1)
    .map((line) => line.split(","));
  assert.deepEqual(rows[0].slice(0, 8), [
    '"Student"',
    '"spot-one checked"',
    '"spot-one found"',
    '"spot-one targets"',
    '"spot-one wrong picks"',
    '"spot-one reasons right"',
    '"spot-one level"',
    '"spot-one answers seen"',
  ]);
  assert.deepEqual(rows[0].slice(8), [
    '"compare-one checked"',
    '"compare-one correct"',
    '"compare-one level"',
    '"compare-one answers seen"',
  ]);
  assert.deepEqual(rows[1], ['"Ana"', "1", "2", "2", "0", "1", "3", "0", "1", "1", "3", "0"]);
  // answers seen: the figures stand, the level is 0; no compare answer in the file: empty cells
  assert.deepEqual(rows[2], [`"'=cmd|' /C calc'!A0"`, "1", "1", "2", "2", "0", "0", "1", "", "", "", ""]);
  // not checked: no figures, level 0; a version 1 file counts as answers not seen
  assert.deepEqual(rows[3], ['"Cy"', "1", "0", "2", "1", "0", "1", "0", "0", "", "0", "0"]);
  for (const row of rows.slice(1)) for (const cell of row.slice(1)) assert.match(cell, /^[0-9]*$/);
});

test("a result checked after the answers were shown is counted apart, never as a level", () => {
  const { levels, seen, unchecked } = levelCounts(CLASS);
  assert.deepEqual(Object.fromEntries(levels), { Basic: 1, Emergent: 0, Proficient: 2 });
  assert.equal(seen, 1);
  assert.equal(unchecked, 1);
  assert.deepEqual(Object.fromEntries(verdictCounts(CLASS, COMPARE)), { supported: 0, "goes-beyond": 1, contradicts: 0, "cant-tell": 0 });
});

test("wrong picks leave out answers seen first, and sentences the score leaves out", () => {
  const rows = wrongPicks(CLASS, [SPOT, COMPARE]);
  assert.deepEqual(
    rows.map((r) => [r.unit, r.picked, r.checked]),
    [[2, 1, 2]],
  );
});

test("a stated score that the picks do not give is noted", () => {
  const [ana] = CLASS;
  assert.equal(
    mismatch(ana.answers.get(SPOT.id)),
    "The file said not checked; worked out from the picks: found 2 of 2, 0 wrong picks, 1 reason right (Proficient).",
  );
  const honest = student("Di", [entry(COMPARE, { verdict: "supported", result: { correct: false, level: "Basic" } })]);
  assert.equal(mismatch(honest.answers.get(COMPARE.id)), "");
});

const VERDICTS = Object.keys(facts.verdicts);
const keyAndPicks = fc
  .array(fc.constantFrom(...VERDICTS), { minLength: 1, maxLength: 10 })
  .chain((verdicts) =>
    fc.tuple(
      fc.constant(verdicts.map((verdict, i) => ({ unit: i + 1, verdict, why: [] }))),
      fc.uniqueArray(fc.integer({ min: 1, max: 14 }), { maxLength: 14 }),
    ),
  );

test("property: the report tells finds and wrong picks apart as the score counts them", () => {
  fc.assert(
    fc.property(keyAndPicks, ([answers, picks]) => {
      const byUnit = new Map(answers.map((a) => [a.unit, a]));
      const kinds = picks.map((unit) => pickKind(byUnit, unit));
      const score = scoreSpot(answers, picks);
      assert.equal(kinds.filter((k) => k === "found").length, score.found);
      assert.equal(kinds.filter((k) => k === "wrong").length, score.wrong);
    }),
    { numRuns: RUNS },
  );
});
