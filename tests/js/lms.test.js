/* The LMS package's pure parts: the learner's name, marks, score and status, interactions,
   suspend data (including what a hostile or foreign LMS could hand back), SCORM times, the
   zip writer and reader, and the cartridge's XML. */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { cartridgeFiles, webLink, xmlText } from "../../docs/assets/stc/cartridge.js";
import facts from "../../docs/assets/stc/facts.js";
import {
  API_FUNCTIONS,
  decodeAnswer,
  encodeAnswer,
  exerciseMark,
  findApi,
  fromSuspendData,
  interaction,
  learnerName,
  lessonStatus,
  openSession,
  packageScore,
  SUSPEND_LIMIT,
  timespan,
  toSuspendData,
} from "../../docs/assets/stc/lms.js";
import { emptyRecord } from "../../docs/assets/stc/records.js";
import { percent, scoreSpot } from "../../docs/assets/stc/scoring.js";
import { makeZip, readZip } from "../../docs/assets/stc/zip.js";

const runs = Number(process.env.FC_RUNS || 100);
const spot = {
  id: "spot",
  kind: "spot",
  version: "0123456789abcdef",
  answers: [
    { unit: 1, verdict: "unsupported", why: ["no-source"] },
    { unit: 2, verdict: "supported", why: [] },
    { unit: 3, verdict: "overreach", why: ["beyond-source"] },
    { unit: 4, verdict: "opinion", why: [] },
  ],
};
const compare = { id: "compare", kind: "compare", version: "fedcba9876543210", reference: "goes-beyond" };
const checked = (exercise, picks, extra = {}) => ({
  ...emptyRecord(exercise.version),
  picks,
  checked: true,
  result: scoreSpot(exercise.answers, picks),
  ...extra,
});

test("a SCORM 1.2 name 'Last, First' is shown 'First Last'; other names as given", () => {
  assert.equal(learnerName("Lee, Ana"), "Ana Lee");
  assert.equal(learnerName("  Lee ,\n Ana  "), "Ana Lee");
  assert.equal(learnerName("Ana Lee"), "Ana Lee");
  assert.equal(learnerName("Lee, Ana, Jr."), "Lee, Ana, Jr.");
  assert.equal(learnerName(undefined), "");
  assert.equal(learnerName("x".repeat(500)).length, facts.limits.name);
});

test("marks: found claims earn, wrong picks take back, never below 0; peeking earns nothing", () => {
  assert.equal(percent(null), 0);
  assert.equal(exerciseMark(spot, checked(spot, [1, 3])).percent, 100);
  assert.equal(exerciseMark(spot, checked(spot, [1])).percent, 50);
  assert.equal(exerciseMark(spot, checked(spot, [1, 2])).percent, 0);
  assert.equal(exerciseMark(spot, checked(spot, [2])).percent, 0);
  assert.equal(exerciseMark(spot, checked(spot, [1, 3, 4])).percent, 100, "an opinion is not scored");
  const peeked = exerciseMark(spot, checked(spot, [1, 3], { answersSeen: true }));
  assert.deepEqual([peeked.done, peeked.percent], [true, 0]);
  assert.equal(exerciseMark(spot, { ...checked(spot, [1, 3]), version: "ffffffffffffffff" }).done, false, "another version");
  assert.equal(exerciseMark(compare, { ...emptyRecord(compare.version), verdict: "goes-beyond", checked: true }).percent, 100);
  // Rescored from the picks: a stored result claiming more earns nothing more.
  const forged = { ...checked(spot, [2]), result: { found: 2, targets: 2, wrong: 0, whyRight: 0, level: "Proficient" } };
  assert.equal(exerciseMark(spot, forged).percent, 0);
});

test("the package's score is the mean of every exercise's marks, unchecked ones 0", () => {
  const records = new Map([["spot", checked(spot, [1])]]);
  const score = packageScore([spot, compare], records);
  assert.deepEqual([score.raw, score.done, score.total], [25, 1, 2]);
  assert.equal(lessonStatus(score), "incomplete");
  const all = packageScore([spot], records);
  assert.equal(lessonStatus(all), "completed");
  assert.equal(lessonStatus(all, "50"), "passed");
  assert.equal(lessonStatus(all, "80"), "failed");
  assert.equal(lessonStatus(all, "not a number"), "completed");
  fc.assert(
    fc.property(fc.array(fc.subarray([1, 2, 3, 4])), (pickSets) => {
      const exercises = pickSets.map((_, i) => ({ ...spot, id: `e${i}` }));
      const s = packageScore(exercises, new Map(pickSets.map((picks, i) => [`e${i}`, checked(spot, picks)])));
      return Number.isInteger(s.raw) && s.raw >= 0 && s.raw <= 100 && s.done === pickSets.length;
    }),
    { numRuns: runs },
  );
});

test("an interaction holds the picks, the reference and the result; after the answers were shown, neutral", () => {
  const spotMark = exerciseMark(spot, checked(spot, [3, 1]));
  assert.deepEqual(interaction(spot, spotMark), {
    id: "spot",
    type: "fill-in",
    student_response: "1,3",
    result: "correct",
    weighting: "1",
    "correct_responses.0.pattern": "1,3",
  });
  assert.equal(interaction(spot, exerciseMark(spot, checked(spot, [1]))).result, "50");
  assert.equal(interaction(spot, exerciseMark(spot, checked(spot, [2]))).result, "wrong");
  const verdict = exerciseMark(compare, { ...emptyRecord(compare.version), verdict: "supported", checked: true });
  assert.deepEqual([interaction(compare, verdict).student_response, interaction(compare, verdict).result], ["supported", "wrong"]);
  assert.equal(interaction(spot, exerciseMark(spot, checked(spot, [1, 3], { answersSeen: true }))).result, "neutral");
  const many = Array.from({ length: 200 }, (_, i) => i + 1000);
  const long = interaction(spot, exerciseMark(spot, checked(spot, many))).student_response;
  assert.ok(long.length <= 255 && many.join(",").startsWith(`${long},`), "cut at a comma to SCORM's 255 characters");
});

test("an answer's code stands for it exactly, and anything else stands for nothing", () => {
  const answer = { picks: [12, 2, 5], why: { 2: "no-source", 12: "discrediting" }, verdict: "" };
  assert.equal(encodeAnswer(answer), "12k2a5-");
  assert.deepEqual(decodeAnswer("12k2a5-"), answer);
  assert.deepEqual(decodeAnswer("~b"), { picks: [], why: {}, verdict: "goes-beyond" });
  assert.deepEqual(decodeAnswer(""), { picks: [], why: {}, verdict: "" });
  for (const bad of ["2a2a", "2", "a", "2z", "~z", "2a~", "99999a", null, 5, "2a\n"]) assert.equal(decodeAnswer(bad), null, String(bad));
  const labels = Object.keys(facts.whyLabels);
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.integer({ min: 1, max: 999 }), { maxLength: 40 }),
      fc.array(fc.constantFrom("", ...labels)),
      fc.constantFrom("", ...Object.keys(facts.compareVerdicts)),
      (picks, reasons, verdict) => {
        const why = {};
        picks.forEach((n, i) => {
          if (reasons[i]) why[n] = reasons[i];
        });
        assert.deepEqual(decodeAnswer(encodeAnswer({ picks, why, verdict })), { picks, why, verdict });
      },
    ),
    { numRuns: runs },
  );
});

const withBest = (exercise, best, now, extra = {}) => {
  const record = checked(exercise, now, extra);
  const bestResult = scoreSpot(exercise.answers, best);
  return { ...record, best: bestResult, bestAnswer: { picks: best, why: {}, verdict: "" } };
};
const dropMs = (record) => ({ ...record, at: record.at.replace(/\.\d+Z$/u, ".000Z") });

test("suspend data gives back every record of the package, its interaction and nothing else", () => {
  const records = new Map([
    ["spot", { ...withBest(spot, [1, 3], [2]), why: { 2: "sweeping" }, note: "mine", at: "2026-11-24T10:11:12.345Z" }],
    ["compare", { ...emptyRecord(compare.version), verdict: "goes-beyond", checked: true, result: { correct: true, level: "Proficient" } }],
    ["other", checked(spot, [1])],
  ]);
  records.get("spot").result = scoreSpot(spot.answers, [2], { 2: "sweeping" });
  const { text, notesLeftOut } = toSuspendData([spot, compare], records, new Map([["spot", 3]]));
  assert.deepEqual(notesLeftOut, []);
  const back = fromSuspendData(text, [spot, compare]);
  assert.equal(back.readable, true);
  assert.deepEqual(back.records.get("spot"), dropMs(records.get("spot")));
  assert.deepEqual(back.records.get("compare"), records.get("compare"));
  assert.equal(back.records.has("other"), false, "not one of the package's exercises");
  assert.deepEqual([...back.interactions], [["spot", 3]]);
  assert.deepEqual(back.carried, {});
  // Peeking is kept: answers seen come back seen, and a best result never goes with them.
  const peeked = { ...checked(spot, [1, 3]), answersSeen: true };
  const again = fromSuspendData(toSuspendData([spot], new Map([["spot", peeked]])).text, [spot]);
  assert.deepEqual(again.records.get("spot"), peeked);
  // A stored result is never trusted: it is scored again from the picks.
  const forged = { ...checked(spot, [2]), result: { found: 2, targets: 2, wrong: 0, whyRight: 0, level: "Proficient" } };
  const rescored = fromSuspendData(toSuspendData([spot], new Map([["spot", forged]])).text, [spot]).records.get("spot");
  assert.equal(exerciseMark(spot, rescored).percent, 0);
});

test("work for a version the package no longer has is carried along, never dropped", () => {
  const old = toSuspendData([spot], new Map([["spot", checked(spot, [1])]]), new Map([["spot", 0]])).text;
  const changed = { ...spot, version: "aaaaaaaa89abcdef" };
  const back = fromSuspendData(old, [changed]);
  assert.equal(back.readable, true);
  assert.equal(back.records.size, 0);
  const carried = Object.keys(back.carried);
  assert.deepEqual(carried, [spot.version.slice(0, 8)]);
  const next = toSuspendData([changed], new Map([["spot", checked(changed, [3])]]), new Map(), back.carried);
  assert.deepEqual(JSON.parse(next.text).work[carried[0]], JSON.parse(old).work[carried[0]]);
  assert.equal(next.carriedLeftOut, false);
  // Carried work is the first to go when the package's own work needs the room.
  const many = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [i.toString(16).padStart(8, "0"), [1, "1a2b3c", "=", "", -1]]));
  const full = toSuspendData([changed], new Map([["spot", checked(changed, [3])]]), new Map(), many);
  assert.ok(full.text.length <= SUSPEND_LIMIT && full.carriedLeftOut);
  assert.ok(fromSuspendData(full.text, [changed]).records.has("spot"));
});

test("suspend data of the first format is read: its records scored again, other versions carried", () => {
  const mine = { ...withBest(spot, [1, 3], [2]), result: { found: 2, targets: 2, wrong: 0, whyRight: 0, level: "Proficient" } };
  const other = checked({ ...spot, version: "aaaaaaaa89abcdef" }, [1]);
  const text = JSON.stringify({
    format: 1,
    records: { "stc:v1:spot": mine, "stc:v1:aside:spot:1": mine, "stc:v1:gone": other },
    texts: { "stc:v1:student": "Ana" },
  });
  const back = fromSuspendData(text, [spot]);
  assert.equal(back.readable, true);
  const record = back.records.get("spot");
  assert.deepEqual(record.result, scoreSpot(spot.answers, [2]), "scored again, not taken on trust");
  assert.deepEqual(record.best, scoreSpot(spot.answers, [1, 3]));
  assert.deepEqual(Object.keys(back.carried), ["aaaaaaaa"]);
  const { bestAnswer, ...unproved } = mine;
  assert.ok(bestAnswer);
  const noAnswer = JSON.stringify({ format: 1, records: { "stc:v1:spot": unproved } });
  assert.equal(fromSuspendData(noAnswer, [spot]).readable, false, "a first check that cannot be scored again");
  const next = JSON.parse(toSuspendData([spot], back.records, new Map(), back.carried).text);
  assert.equal(next.format, 2, "written back in the current format, nothing lost");
  assert.deepEqual(Object.keys(next.work).sort(), ["aaaaaaaa", spot.version.slice(0, 8)].sort());
});

test("suspend data that is not ours, or not as this page writes it, is unreadable", () => {
  const good = JSON.parse(toSuspendData([spot], new Map([["spot", checked(spot, [1])]])).text);
  const key = Object.keys(good.work)[0];
  const hostile = [
    "null",
    "[]",
    '{"format":1,"records":[]}',
    '{"format":1,"records":{"stc:v1:spot":{"version":"x"}}}',
    '{"format":2}',
    '{"format":2,"work":[]}',
    JSON.stringify({ ...good, work: { ...good.work, notakey: [0, "", "", "", -1] } }),
    JSON.stringify({ ...good, work: { [key]: [1, "1q", "", "", -1] } }),
    JSON.stringify({ ...good, work: { [key]: [1, "1a", "", "", -1, "x".repeat(facts.limits.note + 1)] } }),
    JSON.stringify({ ...good, work: { [key]: "1a" } }),
    JSON.stringify(good).slice(0, -3), // cut short by an LMS that keeps 4096 characters
    "x".repeat(10000),
  ];
  for (const text of hostile) {
    const back = fromSuspendData(text, [spot]);
    assert.deepEqual([back.readable, back.records.size, Object.keys(back.carried).length], [false, 0, 0], text.slice(0, 80));
  }
  assert.equal(fromSuspendData("", [spot]).readable, true, "nothing saved yet");
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      const back = fromSuspendData(JSON.stringify(value), [spot, compare]);
      return [...back.records.values()].every((record) => record.version === spot.version || record.version === compare.version);
    }),
    { numRuns: runs },
  );
});

test("a package of every exercise, all worked twice, fits SCORM 1.2's 4096 characters; notes go in while they fit", () => {
  const exercises = Array.from({ length: 40 }, (_, i) => ({
    ...spot,
    id: `exercise-${i}`,
    version: `${String(i).padStart(8, "0")}89abcdef`,
  }));
  const labels = Object.keys(facts.whyLabels);
  const picks = [11, 14, 17, 21, 24, 27];
  const why = Object.fromEntries(picks.map((n, i) => [n, labels[i]]));
  const records = new Map(
    exercises.map((exercise) => [
      exercise.id,
      {
        ...withBest(exercise, [21, 24, 27, 3], picks, { why, answersSeen: false }),
        note: "n".repeat(400),
        at: "2026-11-24T10:11:12.000Z",
      },
    ]),
  );
  const indexes = new Map(exercises.map((exercise, i) => [exercise.id, i]));
  const { text, notesLeftOut } = toSuspendData(exercises, records, indexes);
  assert.ok(text.length <= SUSPEND_LIMIT, `${text.length} characters`);
  assert.ok(notesLeftOut.length > 0 && notesLeftOut.length < exercises.length, "some notes fit, the rest are named");
  const back = fromSuspendData(text, exercises);
  assert.equal(back.records.size, exercises.length);
  for (const exercise of exercises) {
    const kept = notesLeftOut.includes(exercise.id) ? "" : "n".repeat(400);
    assert.equal(back.records.get(exercise.id).note, kept);
    assert.deepEqual(back.records.get(exercise.id).bestAnswer.picks, [21, 24, 27, 3]);
  }
  const withoutNotes = toSuspendData(exercises, new Map([...records].map(([id, record]) => [id, { ...record, note: "" }])), indexes).text;
  assert.ok(withoutNotes.length < 3500, `${withoutNotes.length} characters without notes`);
});

test("the API is found up the parents, or the opener's, only with all eight functions", () => {
  assert.equal(new Set(API_FUNCTIONS).size, 8, "SCORM 1.2 names eight");
  const api = Object.fromEntries(API_FUNCTIONS.map((name) => [name, () => "true"]));
  const top = { API: api };
  top.parent = top;
  const frame = { parent: { parent: top } };
  assert.equal(findApi(frame), api);
  assert.equal(findApi({ parent: null, opener: frame }), api);
  const partial = { API: { LMSInitialize: () => "true" } };
  partial.parent = partial;
  assert.equal(findApi(partial), null);
  const foreign = {
    get API() {
      throw new Error("another origin");
    },
    parent: top,
  };
  assert.equal(findApi(foreign), api);
});

test("a read the LMS cannot answer is empty, never 'false' or 'null'; a number is its text", () => {
  const values = { "cmi.core.student_name": null, "cmi.suspend_data": "false", "cmi.core.score.raw": 80, "cmi.comments": "null" };
  const api = {
    LMSInitialize: () => "true",
    LMSGetValue: (element) => {
      if (element === "cmi.core.lesson_status") throw new Error("broken");
      return values[element];
    },
  };
  const session = openSession(api);
  assert.deepEqual(
    ["cmi.core.student_name", "cmi.suspend_data", "cmi.core.lesson_status", "cmi.core.score.raw", "cmi.comments"].map((element) =>
      session.get(element),
    ),
    ["", "", "", "80", ""],
  );
  assert.equal(openSession({ LMSInitialize: () => "false" }), null);
});

test("SCORM 1.2 time spans are HHHH:MM:SS.SS", () => {
  assert.equal(timespan(0), "0000:00:00.00");
  assert.equal(timespan(3723450), "0001:02:03.45");
  assert.equal(timespan(-5), "0000:00:00.00");
});

test("zips made here read back byte for byte", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.tuple(fc.stringMatching(/^[a-z0-9/._-]{1,30}$/), fc.uint8Array({ maxLength: 3000 })), { maxLength: 6 }),
      async (files) => {
        const unique = [...new Map(files).entries()];
        const back = await readZip(await makeZip(unique));
        assert.deepEqual(
          back.map(([n, d]) => [n, [...d]]),
          unique.map(([n, d]) => [n, [...d]]),
        );
      },
    ),
    { numRuns: Math.min(runs, 50) },
  );
  await assert.rejects(readZip(new Uint8Array([1, 2, 3])), /not a zip/);
});

test("cartridge text is XML text, whatever a title holds", () => {
  assert.equal(xmlText(`<a href="x">'&'</a>\u0000\u0007`), "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
  const link = webLink("</title><script>", "https://example.org/?a=1&b=2");
  assert.match(link, /<title>&lt;\/title&gt;&lt;script&gt;<\/title>/);
  assert.match(link, /href="https:\/\/example.org\/\?a=1&amp;b=2"/);
  const files = cartridgeFiles("Site", [{ title: "A & B", url: "https://x/a/", exercises: [{ title: "E1", url: "https://x/a/e1/" }] }]);
  assert.deepEqual(
    files.map(([name]) => name),
    ["imsmanifest.xml", "R0001/weblink.xml", "R0002/weblink.xml"],
  );
  assert.match(files[0][1], /<title>A &amp; B<\/title>/);
  assert.match(files[1][1], /Read the article: A &amp; B/);
});
