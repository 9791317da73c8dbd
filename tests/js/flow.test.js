/* Answers seen, how far a learner has got, results in a learner's words, and what an
   assignment link names: the pure parts of the exercise flow. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { readAssignment } from "../../docs/assets/stc/assignment-link.js";
import facts from "../../docs/assets/stc/facts.js";
import { clip, parseProgressFile } from "../../docs/assets/stc/files.js";
import { emptyRecord, isRecord, merge, progressOf } from "../../docs/assets/stc/records.js";
import { describeForLearner, scoreSpot } from "../../docs/assets/stc/scoring.js";

const VERSION = "0123456789abcdef";
const ANSWERS = [
  { unit: 1, verdict: "unsupported", why: ["no-source"] },
  { unit: 2, verdict: "supported", why: [] },
];
const full = scoreSpot(ANSWERS, [1]);

test("answers seen and a best result cannot go together; records without the flag still read", () => {
  const seen = { ...emptyRecord(VERSION), answersSeen: true, checked: true, result: full };
  assert.ok(isRecord(seen));
  assert.ok(!isRecord({ ...seen, best: full }), "a best result made after seeing the answers");
  const { answersSeen, ...older } = emptyRecord(VERSION);
  assert.equal(answersSeen, false);
  assert.ok(isRecord(older), "a record saved before answers seen were recorded");
  assert.ok(!isRecord({ ...older, answersSeen: "yes" }));
});

test("an import never replaces an exercise done here: neither a clean first check nor answers seen", () => {
  const clean = {
    ...emptyRecord(VERSION),
    checked: true,
    result: scoreSpot(ANSWERS, [2]),
    best: scoreSpot(ANSWERS, [2]),
    at: "2026-01-01T00:00:00Z",
  };
  const peeked = { ...emptyRecord(VERSION), answersSeen: true, checked: true, result: full, at: "2026-02-01T00:00:00Z" };
  assert.equal(merge(clean, peeked, VERSION), clean);
  assert.equal(merge(peeked, clean, VERSION), peeked, "its answers were seen here: a check from elsewhere may have come after");
});

test("progress files of every version read are imported", () => {
  for (const version of facts.formats.versionsRead) {
    const checkUps = version >= 3 ? { checkUps: {} } : {};
    const text = JSON.stringify({ format: facts.formats.progress, version, exercises: { w: emptyRecord(VERSION) }, ...checkUps });
    assert.deepEqual(parseProgressFile(text, new Set(["w"])).entries.length, 1, String(version));
  }
  const missing = JSON.stringify({ format: facts.formats.progress, version: 3, exercises: {} });
  assert.ok(parseProgressFile(missing, new Set()).problem, "version 3 carries the check-ups");
  const record = {
    form: "A",
    stage: "before",
    version: VERSION,
    picks: [2],
    assignment: "W",
    student: "Ana",
    submitted: "",
    practised: [],
    at: "",
  };
  const withOne = JSON.stringify({ format: facts.formats.progress, version: 3, exercises: {}, checkUps: { A: record } });
  assert.deepEqual(parseProgressFile(withOne, new Set()).checkUps, [record]);
  const misfiled = JSON.stringify({ format: facts.formats.progress, version: 3, exercises: {}, checkUps: { B: record } });
  assert.ok(parseProgressFile(misfiled, new Set()).problem, "a form filed under another letter");
  const future = JSON.stringify({ format: facts.formats.progress, version: 99, exercises: {} });
  assert.ok(parseProgressFile(future, new Set()).problem);
});

test("how far a learner has got: done once checked, started once saved, nothing for another version", () => {
  const started = { ...emptyRecord(VERSION), picks: [1] };
  assert.equal(progressOf(undefined, VERSION), "");
  assert.equal(progressOf(started, VERSION), "started");
  assert.equal(progressOf({ ...started, checked: true, result: full }, VERSION), "done");
  assert.equal(progressOf({ ...started, best: full }, VERSION), "done"); // checked, then Try again
  assert.equal(progressOf({ ...started, checked: true }, "fedcba9876543210"), "");
});

test("results in a learner's words: no rubric names, answers seen said plainly", () => {
  const levels = facts.levels.map((level) => level.name);
  const said = [
    describeForLearner(full),
    describeForLearner(scoreSpot(ANSWERS, [1, 2])),
    describeForLearner(scoreSpot(ANSWERS, [2])),
    describeForLearner({ correct: true, level: levels.at(-1) }),
  ];
  assert.deepEqual(said, [
    "found 1 of 1, no wrong picks: Spot on",
    "found 1 of 1, 1 wrong pick: Keep practising",
    "found 0 of 1, 1 wrong pick: Keep practising",
    "your verdict matched the reference: Spot on",
  ]);
  for (const text of said) for (const level of levels) assert.ok(!text.includes(level));
  assert.equal(describeForLearner(full, true), "found 1 of 1, no wrong picks, after seeing the answers");
});

test("an assignment link names its exercises once each, known ones only, with a visible name", () => {
  const known = new Set(["a", "b"]);
  assert.deepEqual(readAssignment("?name=Week%201&ex=b,a,b,zz", known), {
    title: "Week 1",
    ids: ["b", "a"],
    unknown: 1,
    repeated: 1,
    checkUps: false,
  });
  assert.equal(readAssignment("?name=W&ex=a&check=1", known).checkUps, true, "an assignment with check-ups");
  assert.equal(readAssignment("?name=%E2%80%8B&ex=a", known), null, "a name of invisible characters only");
  assert.equal(readAssignment("?name=W&ex=constructor,__proto__", known), null);
  assert.equal(readAssignment("?ex=a", known), null);
});

test("a long name is cut between characters, so a link carries it unchanged", () => {
  const name = `${"a".repeat(facts.limits.name - 1)}👩`;
  const once = readAssignment(`?name=${encodeURIComponent(name)}&ex=a`, new Set(["a"])).title;
  assert.equal(once, "a".repeat(facts.limits.name - 1)); // the emoji would not fit whole
  const again = readAssignment(`?${new URLSearchParams({ name: once, ex: "a" })}`, new Set(["a"])).title;
  assert.equal(again, once);
  assert.equal(clip("ab👩", 3), "ab");
  assert.equal(clip("ab👩", 4), "ab👩");
});

test("an import never clears answers seen: a newer record without the mark and without a best stays out", () => {
  const peeked = { ...emptyRecord(VERSION), answersSeen: true, picks: [1], at: "2026-01-01T00:00:00Z" };
  const unmarked = { ...emptyRecord(VERSION), picks: [2], at: "2026-06-01T00:00:00Z" };
  assert.equal(merge(peeked, unmarked, VERSION), peeked);
  const { answersSeen, ...noField } = unmarked;
  assert.equal(answersSeen, false);
  assert.equal(merge(peeked, noField, VERSION), peeked);
  const v2 = JSON.stringify({ format: facts.formats.progress, version: 2, exercises: { w: noField } });
  assert.ok(parseProgressFile(v2, new Set(["w"])).problem, "a version 2 record must say whether answers were seen");
});

test("the answer that gave the best result is kept with it, and only with one", () => {
  const best = scoreSpot(ANSWERS, [1]);
  const record = { ...emptyRecord(VERSION), best, bestAnswer: { picks: [1], why: { 1: "no-source" }, verdict: "" } };
  assert.ok(isRecord(record));
  assert.ok(!isRecord({ ...record, best: null }), "an answer kept for a best that is not there");
  assert.ok(!isRecord({ ...record, bestAnswer: { picks: [1], why: {}, verdict: "", extra: 1 } }));
  assert.ok(!isRecord({ ...record, bestAnswer: { picks: ["1"], why: {}, verdict: "" } }));
});
