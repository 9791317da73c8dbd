/* The class report's counting and its CSV, by Node's test runner: what a spreadsheet reads,
   answers seen never counted as a level, and wrong picks counted as the score counts them. */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import facts from "../../docs/assets/stc/facts.js";
import {
  csvText,
  keptFiles,
  levelCounts,
  mismatch,
  missedUnits,
  pickKind,
  sentencesWords,
  studentOf,
  verdictCounts,
  wrongPicks,
} from "../../docs/assets/stc/report.js";
import { scoreSpot } from "../../docs/assets/stc/scoring.js";
import { sameName } from "../../docs/assets/stc/util.js";

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
    '"Spot one · checked"',
    '"Spot one · found"',
    '"Spot one · targets"',
    '"Spot one · wrong picks"',
    '"Spot one · reasons right"',
    '"Spot one · level"',
    '"Spot one · answers seen"',
  ]);
  assert.deepEqual(rows[0].slice(8), [
    '"Compare one · checked"',
    '"Compare one · correct"',
    '"Compare one · level"',
    '"Compare one · answers seen"',
  ]);
  assert.deepEqual(rows[1], ['"Ana"', "1", "2", "2", "0", "1", "3", "0", "1", "1", "3", "0"]);
  // answers seen: the figures stand, the level is empty; no compare answer in the file: empty cells
  assert.deepEqual(rows[2], [`"'=cmd|' /C calc'!A0"`, "1", "1", "2", "2", "0", "", "1", "", "", "", ""]);
  // a version 1 file does not say whether the answers were seen: neither yes nor no
  assert.deepEqual(rows[3], ['"Cy"', "1", "0", "2", "1", "0", "1", "", "0", "", "", ""]);
  for (const row of rows.slice(1)) for (const cell of row.slice(1)) assert.match(cell, /^[0-9]*$/);
});

test("an empty level cell leaves a spreadsheet's average of the levels reached alone", () => {
  const levels = csvText(CLASS, [SPOT])
    .slice(1)
    .split("\r\n")
    .slice(1, -1)
    .map((line) => line.split(",")[6]);
  assert.deepEqual(levels, ["3", "", "1"]);
  const reached = levels.filter((cell) => cell !== "").map(Number);
  assert.equal(reached.reduce((a, b) => a + b) / reached.length, 2);
});

test("CSV columns name an exercise by its title, and by its id too where two share a title", () => {
  const twin = { ...SPOT, id: "spot-two" };
  const header = csvText([], [SPOT, twin, COMPARE]).slice(1).split("\r\n")[0].split(",");
  assert.equal(header[1], '"Spot one (spot-one) · checked"');
  assert.equal(header[8], '"Spot one (spot-two) · checked"');
  assert.equal(header[15], '"Compare one · checked"');
  const formula = { ...COMPARE, title: "=HYPERLINK(1)" };
  assert.equal(csvText([], [formula]).slice(1).split(",")[1], `"'=HYPERLINK(1) · checked"`);
});

test("a student's missed claims are the claims' sentences not picked, in words", () => {
  const [ana, , cy] = CLASS;
  assert.deepEqual(missedUnits(ana.answers.get(SPOT.id)), []);
  assert.deepEqual(missedUnits(cy.answers.get(SPOT.id)), [1, 4]);
  assert.equal(sentencesWords([]), "none");
  assert.equal(sentencesWords([4]), "sentence 4");
  assert.equal(sentencesWords([4, 5]), "sentences 4 and 5");
  assert.equal(sentencesWords([2, 4, 5]), "sentences 2, 4 and 5");
});

test("a report kept in the session is read back only in its own form", () => {
  const files = [
    { name: "ana.json", content: { student: "Ana" } },
    { name: "broken.json", refused: "not a results file" },
  ];
  assert.deepEqual(keptFiles(JSON.stringify({ files })), files);
  for (const text of [null, "", "not JSON", "[]", '{"files": {}}', '{"files": [1], "files": []}']) {
    assert.deepEqual(keptFiles(text), [], text);
  }
  const odd = [
    { name: 1, content: {} }, // a name that is not text
    { name: "a.json" }, // neither content nor a reason
    { name: "b.json", refused: "" }, // an empty reason
    { name: "c.json", refused: "x", content: {} }, // both
    ["d.json"],
    null,
  ];
  assert.deepEqual(keptFiles(JSON.stringify({ files: [...odd, files[1]] })), [files[1]]);
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

test("two names a page shows alike are one student", () => {
  assert.equal(sameName("Ana  Lee"), sameName(" ana lee "));
  assert.equal(sameName("Ana\u00a0Lee"), sameName("Ana Lee"));
});
