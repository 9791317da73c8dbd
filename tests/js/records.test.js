/* Records and files from outside are data: validated field by field, and importing never
   replaces a better result. */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import facts from "../../docs/assets/stc/facts.js";
import { duplicateKey, parseProgressFile, resultsFileProblem, withoutHidden } from "../../docs/assets/stc/files.js";
import { BLOCKED, fitsExercise, importPlan, UNREADABLE } from "../../docs/assets/stc/progress.js";
import { emptyRecord, isRecord, merge } from "../../docs/assets/stc/records.js";
import { levelFor, rank } from "../../docs/assets/stc/scoring.js";

const RUNS = Number(process.env.FC_RUNS || 200);
const VERSION = "0123456789abcdef";
const [BASIC, , PROFICIENT] = facts.levels.map((l) => l.name);

/* One exercise the site knows, an answer to it, and a results file holding answers. */
const BY_ID = new Map([["w", { title: "W", version: VERSION, kind: "spot", sentences: 5 }]]);
const ENTRY = {
  id: "w",
  version: VERSION,
  kind: "spot",
  picks: [1],
  why: {},
  verdict: "",
  note: "",
  checked: true,
  result: null,
  updated: "",
};
const resultsFile = (student, exercises) => ({
  format: facts.formats.results,
  version: 1,
  assignment: "A",
  student,
  created: "",
  exercises,
});

test("an empty record is a valid record", () => {
  assert.ok(isRecord(emptyRecord(VERSION)));
});

test("property: whatever JSON a file holds, validation answers without throwing", () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      assert.equal(typeof isRecord(value), "boolean");
      assert.equal(typeof resultsFileProblem(value, new Map()), "string");
      const parsed = parseProgressFile(JSON.stringify(value), new Set(["a"]));
      assert.ok(parsed.problem || Array.isArray(parsed.entries));
    }),
    { numRuns: RUNS },
  );
});

test("ids that name Object.prototype's members are not exercises", () => {
  for (const id of ["constructor", "__proto__", "toString"]) {
    assert.match(resultsFileProblem(resultsFile("S", [{ id }]), BY_ID), /not on this site/);
  }
});

test("an exercise listed twice in one results file is refused", () => {
  assert.match(resultsFileProblem(resultsFile("S", [ENTRY, ENTRY]), BY_ID), /twice/);
});

test("an import fills in exercises not done here and never replaces a first check made here", () => {
  const best = { found: 3, targets: 3, wrong: 0, whyRight: 3, level: PROFICIENT };
  const bestAnswer = { picks: [2, 4, 5], why: {}, verdict: "" };
  const saved = { ...emptyRecord(VERSION), checked: true, result: best, best, bestAnswer, at: "2026-11-02T00:00:00Z" };
  const weak = { found: 0, targets: 3, wrong: 1, whyRight: 0, level: BASIC };
  const weakAnswer = { picks: [1], why: {}, verdict: "" };
  const incoming = { ...emptyRecord(VERSION), checked: true, result: weak, best: weak, bestAnswer: weakAnswer, at: "2026-11-03T00:00:00Z" };
  assert.equal(merge(saved, incoming, VERSION), saved, "newer and worse: the first check here stays");
  assert.equal(merge(incoming, saved, VERSION), incoming, "better: it is another first check, and this one was made here");
  const again = { ...saved, bestAnswer: { picks: [5, 4, 2], why: {}, verdict: "" }, picks: [1], at: "2026-11-04T00:00:00Z" };
  assert.equal(merge(saved, again, VERSION), again, "the same first check, with newer practice after it");
  assert.equal(merge(again, saved, VERSION), again);
  const started = { ...emptyRecord(VERSION), picks: [3], at: "2026-11-09T00:00:00Z" };
  assert.equal(merge(incoming, started, VERSION), incoming, "unchecked work never replaces a result");
  assert.equal(merge(started, incoming, VERSION), incoming, "a first check made elsewhere fills in work not checked here");
  assert.equal(merge(started, { ...started, picks: [4], at: "2026-11-01T00:00:00Z" }, VERSION), started, "of two unchecked, the newer");
});

test("the import plan names what it adds, what it replaces and what it leaves", () => {
  const best = { found: 3, targets: 3, wrong: 0, whyRight: 3, level: PROFICIENT };
  const weak = { found: 0, targets: 3, wrong: 1, whyRight: 0, level: BASIC };
  const record = (result, at) => ({ ...emptyRecord(VERSION), checked: true, result, best: result, at });
  const saved = new Map([
    ["a", { ...emptyRecord(VERSION), picks: [1], at: "2026-11-01T00:00:00Z" }], // started, not checked
    ["b", record(best, "2026-11-01T00:00:00Z")],
  ]);
  const versions = new Map(["a", "b", "c"].map((id) => [id, VERSION]));
  const entries = [
    ["a", record(best, "2026-10-01T00:00:00Z")],
    ["b", record(weak, "2026-12-01T00:00:00Z")],
    ["c", record(weak, "2026-12-01T00:00:00Z")],
  ];
  const plan = importPlan(entries, saved, versions);
  assert.deepEqual(
    plan.replaced.map((r) => [r.id, r.old]),
    [["a", saved.get("a")]],
  );
  assert.deepEqual(
    plan.added.map((r) => r.id),
    ["c"],
  );
  assert.deepEqual(
    plan.unchanged.map((r) => r.id),
    ["b"],
  );
});

test("property: an import never lowers the best result saved for an exercise", () => {
  const result = fc.oneof(
    fc.constant(null),
    fc.record({ found: fc.nat(5), extra: fc.nat(5), wrong: fc.nat(5), why: fc.nat(5) }).map(({ found, extra, wrong, why }) => ({
      found,
      targets: found + extra,
      wrong,
      whyRight: Math.min(why, found),
      level: levelFor(found, found + extra, wrong),
    })),
  );
  const record = fc.record({
    version: fc.constantFrom(VERSION, "fedcba9876543210"),
    best: result,
    at: fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }).map((d) => d.toISOString()),
  });
  fc.assert(
    fc.property(record, record, ({ version, best, at }, incoming) => {
      const saved = { ...emptyRecord(version), best, result: best, checked: !!best, at };
      const other = {
        ...emptyRecord(incoming.version),
        best: incoming.best,
        result: incoming.best,
        checked: !!incoming.best,
        at: incoming.at,
      };
      const kept = merge(saved, other, VERSION);
      assert.ok(kept === saved || kept === other);
      if (saved.version === VERSION) {
        assert.equal(kept.version, VERSION, "a current record is never replaced by a stale one");
        if (saved.best) assert.ok(kept.best && rank(kept.best) >= rank(saved.best), "the best result never drops");
      }
    }),
    { numRuns: RUNS },
  );
});

test("importing a record for another version never replaces the current one", () => {
  const OLD = "fedcba9876543210";
  const best = { found: 3, targets: 3, wrong: 0, whyRight: 0, level: PROFICIENT };
  const current = { ...emptyRecord(VERSION), checked: true, result: best, best, at: "2026-11-02T00:00:00Z" };
  const stale = { ...emptyRecord(OLD), at: "2026-11-05T00:00:00Z" };
  assert.equal(merge(current, stale, VERSION), current);
  assert.equal(merge(current, { ...stale, best, checked: true, result: best }, VERSION), current);
  assert.equal(merge(stale, current, VERSION), current, "a current record may replace a stale one (kept aside first)");
});

test("a stored result must agree with its own figures", () => {
  const record = (result) => ({ ...emptyRecord(VERSION), checked: true, result, best: result });
  assert.ok(isRecord(record({ found: 3, targets: 3, wrong: 0, whyRight: 1, level: PROFICIENT })));
  assert.ok(isRecord(record({ found: 1, targets: 3, wrong: 1, whyRight: 0, level: BASIC })));
  assert.ok(!isRecord(record({ found: 4, targets: 3, wrong: 0, whyRight: 0, level: PROFICIENT })));
  assert.ok(!isRecord(record({ found: 1, targets: 3, wrong: 0, whyRight: 0, level: PROFICIENT })));
  assert.ok(!isRecord(record({ correct: true, level: BASIC })));
  assert.ok(!isRecord({ ...emptyRecord(VERSION), picks: [2, 2] }), "picks are distinct");
  assert.ok(!isRecord({ ...emptyRecord(VERSION), at: "9999" }), "a time is a date and time");
});

test("names that would pass for another on screen are refused", () => {
  assert.equal(resultsFileProblem(resultsFile("Alice", [ENTRY]), BY_ID), "");
  for (const name of ["Alice\u200b", "\u202eecilA", "Al\u0000ice", "\u2066Alice\u2069"]) {
    assert.match(resultsFileProblem(resultsFile(name, [ENTRY]), BY_ID), /invisible or direction-changing/, JSON.stringify(name));
  }
});

test("a key given twice in one object of a file is found, wherever it is", () => {
  assert.equal(duplicateKey('{"a": 1, "b": {"a": 2}}'), null);
  assert.equal(duplicateKey('{"a": 1, "a": 2}'), "a");
  assert.equal(duplicateKey('{"x": [{"id": "w", "id": "v"}]}'), "id");
  assert.equal(duplicateKey('{"s": "\\"a\\": 1, \\"a\\"", "a": {}}'), null, "keys inside strings are text");
  assert.equal(duplicateKey('{"\\u0061": 1, "a": 2}'), "a", "escaped and plain spellings are one key");
  assert.match(parseProgressFile('{"format": "x", "format": "y"}', new Set()).problem, /more than once/);
});

test("property: JSON written from any value never gives a key twice", () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      assert.equal(duplicateKey(JSON.stringify(value)), null);
    }),
    { numRuns: RUNS },
  );
});

test("invisible and direction-changing characters are taken out of a name", () => {
  assert.equal(withoutHidden("\u202eWeek\u200b 1\u2066\u3164\ufe0f"), "Week 1");
});

test("a results file picking a sentence the exercise does not have is refused", () => {
  assert.match(resultsFileProblem(resultsFile("S", [{ ...ENTRY, picks: [2, 99] }]), BY_ID), /does not have/);
  assert.match(resultsFileProblem(resultsFile("S", [{ ...ENTRY, picks: [0] }]), BY_ID), /does not have/);
});

test("a refusal names the field a results file should not have", () => {
  assert.match(resultsFileProblem({ ...resultsFile("S", [ENTRY]), admin: true }, BY_ID), /a field \u201cadmin\u201d/);
  assert.match(resultsFileProblem({ format: facts.formats.progress, version: 1, exercises: {} }, BY_ID), /progress file/);
});

test("a verdict or a why-label given as a list is not the text it holds", () => {
  const compare = { ...ENTRY, verdict: ["goes-beyond"] };
  assert.match(resultsFileProblem(resultsFile("S", [compare]), BY_ID), /malformed/);
  assert.ok(!isRecord({ ...emptyRecord(VERSION), verdict: ["goes-beyond"] }));
  assert.ok(!isRecord({ ...emptyRecord(VERSION), picks: [2], why: { 2: ["no-source"] } }));
});

test("a record must fit its exercise: results of its kind, out of its claims, picks among its sentences", () => {
  const result = (targets) => ({ found: 1, targets, wrong: 0, whyRight: 0, level: levelFor(1, targets, 0) });
  const record = (targets, picks = [2]) => ({
    ...emptyRecord(VERSION),
    picks,
    checked: true,
    result: result(targets),
    best: result(targets),
  });
  const spot = { targets: "3", sentences: "5" };
  assert.ok(fitsExercise(record(3), VERSION, spot));
  assert.ok(!fitsExercise(record(9999), VERSION, spot));
  assert.ok(!fitsExercise(record(3, [9999]), VERSION, spot), "a sentence the exercise lacks");
  assert.ok(fitsExercise(record(9999), "fedcba9876543210", spot), "another version is not checked");
  const compared = { ...emptyRecord(VERSION), checked: true, result: { correct: true, level: PROFICIENT }, best: null };
  assert.ok(!fitsExercise(compared, VERSION, spot), "a compare result on a spot exercise");
  assert.ok(fitsExercise(compared, VERSION, { targets: "", sentences: "" }));
  assert.ok(!fitsExercise(record(9), VERSION, { targets: "", sentences: "" }), "a spot result on a compare exercise");
});

test("of two equally ranked results the one that found more stays; times compare as times", () => {
  const r = (found, wrong) => ({ found, targets: 3, wrong, whyRight: 0, level: levelFor(found, 3, wrong) });
  const record = (result, at) => ({ ...emptyRecord(VERSION), checked: true, result, best: result, at });
  const more = record(r(3, 1), "2026-11-01T00:00:00Z");
  const fewer = record(r(2, 0), "2026-11-09T00:00:00Z");
  assert.equal(merge(more, fewer, VERSION), more);
  const earlier = record(r(2, 0), "2026-11-02T09:00:00+14:00"); // 2026-11-01T19:00Z
  const later = record(r(2, 0), "2026-11-01T20:00:00Z");
  assert.equal(merge(earlier, later, VERSION), later);
});

test("the import plan asks before replacing what it cannot read, and leaves what it cannot reach", () => {
  const versions = new Map([
    ["a", VERSION],
    ["b", VERSION],
  ]);
  const record = { ...emptyRecord(VERSION), at: "2026-11-01T00:00:00Z" };
  const plan = importPlan(
    [
      ["a", record],
      ["b", record],
    ],
    new Map([
      ["a", UNREADABLE],
      ["b", BLOCKED],
    ]),
    versions,
  );
  assert.deepEqual(
    plan.replaced.map((r) => [r.id, r.old]),
    [["a", UNREADABLE]],
  );
  assert.deepEqual(
    plan.blocked.map((r) => r.id),
    ["b"],
  );
});
