/* The class report's check of a results file is at least as strict as the published
   schema (schema/results.schema.json, generated from the models): every file the schema
   refuses, the report refuses too, and every well-formed answer to the site's exercises
   is accepted. Files are generated, then damaged one way at a time. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import Ajv2020 from "ajv/dist/2020.js";
import fc from "fast-check";
import facts from "../../docs/assets/stc/facts.js";
import { resultsFileProblem } from "../../docs/assets/stc/files.js";
import { levelFor, scoreCompare } from "../../docs/assets/stc/scoring.js";

const RUNS = Number(process.env.FC_RUNS || 200);
const schema = JSON.parse(readFileSync(new URL("../../schema/results.schema.json", import.meta.url), "utf8"));
const schemaAccepts = new Ajv2020({ strict: false }).compile(schema);

const SPOT = { id: "spot-one", title: "Spot one", version: "0123456789abcdef", kind: "spot", sentences: 40 };
const COMPARE = { id: "compare-one", title: "Compare one", version: "fedcba9876543210", kind: "compare" };
const BY_ID = new Map([SPOT, COMPARE].map((exercise) => [exercise.id, exercise]));
const units = Array.from({ length: 20 }, (_, i) => ({ n: i + 1, text: "Words." }));
const FORMS = { A: { version: "aaaaaaaaaaaaaaaa", units }, B: { version: "bbbbbbbbbbbbbbbb", units } };
const WHYS = Object.keys(facts.whyLabels);
const VERDICTS = Object.keys(facts.compareVerdicts);

const time = fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }).map((d) => d.toISOString());
const name = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== "" && !/[\p{Cc}\p{Cf}]/u.test(s));

const spotEntry = fc
  .record({
    picks: fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { maxLength: 12 }),
    whyOf: fc.array(fc.constantFrom("", ...WHYS), { maxLength: 12 }),
    checked: fc.boolean(),
    found: fc.nat(6),
    extra: fc.nat(6),
    wrong: fc.nat(6),
    note: fc.string({ maxLength: 30 }),
    updated: time,
  })
  .map(({ picks, whyOf, checked, found, extra, wrong, updated }) => ({
    id: SPOT.id,
    version: SPOT.version,
    kind: "spot",
    picks,
    why: Object.fromEntries(picks.slice(0, whyOf.length).map((n, i) => [String(n), whyOf[i]])),
    verdict: "",
    note: "",
    checked,
    result: checked
      ? { found, targets: found + extra, wrong, whyRight: Math.min(found, 1), level: levelFor(found, found + extra, wrong) }
      : null,
    updated,
  }));

const compareEntry = fc
  .record({ verdict: fc.constantFrom("", ...VERDICTS), checked: fc.boolean(), note: fc.string({ maxLength: 200 }), updated: time })
  .map(({ verdict, checked, note, updated }) => ({
    id: COMPARE.id,
    version: COMPARE.version,
    kind: "compare",
    picks: [],
    why: {},
    verdict,
    note,
    checked: checked && verdict !== "",
    result: checked && verdict !== "" ? scoreCompare("supported", verdict) : null,
    updated,
  }));

/** The check-ups of a version 3 file: none, one before, or one before and the other after. */
const checkUps = fc
  .record({
    taken: fc.nat(2),
    first: fc.constantFrom("A", "B"),
    picks: fc.array(fc.uniqueArray(fc.integer({ min: 1, max: 20 }), { maxLength: 20 }), { minLength: 2, maxLength: 2 }),
    // Handed in at times already past, the check-up before first.
    submitted: fc.array(time, { minLength: 2, maxLength: 2 }).map((times) => times.filter((t) => t < new Date().toISOString()).sort()),
    practised: fc.array(fc.constantFrom([], [SPOT.id]), { minLength: 2, maxLength: 2 }),
  })
  .map(({ taken, first, picks, submitted, practised }) =>
    ["before", "after"].slice(0, Math.min(taken, submitted.length)).map((stage, i) => {
      const form = i === 0 ? first : first === "A" ? "B" : "A";
      return { form, stage, version: FORMS[form].version, picks: picks[i], submitted: submitted[i], practised: practised[i] };
    }),
  );

const resultsFile = fc
  .record({
    assignment: name,
    student: name,
    created: time,
    exercises: fc.oneof(
      fc.tuple(spotEntry).map(([a]) => [a]),
      fc.tuple(compareEntry).map(([a]) => [a]),
      fc.tuple(spotEntry, compareEntry).map(([a, b]) => [a, b]),
    ),
    version: fc.constantFrom(...facts.formats.versionsRead),
    seen: fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }),
    taken: checkUps,
  })
  // Every version the site reads: from version 2, each answer says whether the answers were
  // seen; from version 3, the file carries the check-ups.
  .map(({ version, seen, exercises, taken, ...body }) => ({
    format: facts.formats.results,
    version,
    ...body,
    exercises: version === 1 ? exercises : exercises.map((entry, i) => ({ ...entry, answersSeen: seen[i] })),
    ...(version >= 3 ? { checkUps: taken } : {}),
  }));

/** Every object and array inside a value, with the value itself. */
function containers(value, found = []) {
  if (value && typeof value === "object") {
    found.push(value);
    for (const inner of Object.values(value)) containers(inner, found);
  }
  return found;
}

/** One way of damaging a file: a field added, removed or replaced by any JSON value,
    anywhere in it. */
const damage = fc.record({
  where: fc.nat(),
  how: fc.constantFrom("add", "remove", "replace"),
  key: fc.constantFrom("extra", "__proto__", "constructor", "level", "found", "picks", "why", "id", "answersSeen", "version", "0", "1"),
  value: fc.jsonValue({ maxDepth: 2 }),
});

function damaged(file, { where, how, key, value }) {
  const copy = JSON.parse(JSON.stringify(file));
  const all = containers(copy);
  const target = all[where % all.length];
  const keys = Object.keys(target);
  if (how === "add") Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  else if (keys.length && how === "remove") delete target[keys[where % keys.length]];
  else if (keys.length) target[keys[where % keys.length]] = value;
  return JSON.parse(JSON.stringify(copy)); // as the report reads it: parsed from text
}

test("property: every well-formed results file is accepted by the schema and the report", () => {
  fc.assert(
    fc.property(resultsFile, (file) => {
      assert.ok(schemaAccepts(file), JSON.stringify(schemaAccepts.errors));
      assert.equal(resultsFileProblem(file, BY_ID, FORMS), "");
    }),
    { numRuns: RUNS },
  );
});

test("property: a results file the schema refuses, the report refuses", () => {
  fc.assert(
    fc.property(resultsFile, damage, (file, how) => {
      const bad = damaged(file, how);
      if (!schemaAccepts(bad)) assert.notEqual(resultsFileProblem(bad, BY_ID, FORMS), "", JSON.stringify(bad));
    }),
    { numRuns: RUNS * 5 },
  );
});

test("property: any JSON the schema refuses, the report refuses", () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      if (!schemaAccepts(value)) assert.notEqual(resultsFileProblem(value, BY_ID), "");
    }),
    { numRuns: RUNS },
  );
});
