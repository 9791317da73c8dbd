/* The LMS package's pure parts: the learner's name, marks, score and status, interactions,
   suspend data (including what a hostile or foreign LMS could hand back), SCORM times, the
   zip writer and reader, and the cartridge's XML. */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { cartridgeFiles, webLink, xmlText } from "../../docs/assets/stc/cartridge.js";
import facts from "../../docs/assets/stc/facts.js";
import {
  exerciseMark,
  findApi,
  fromSuspendData,
  interaction,
  learnerName,
  lessonStatus,
  openSession,
  packageScore,
  timespan,
  toSuspendData,
} from "../../docs/assets/stc/lms.js";
import { emptyRecord } from "../../docs/assets/stc/records.js";
import { percent, scoreSpot } from "../../docs/assets/stc/scoring.js";
import { makeZip, readZip } from "../../docs/assets/stc/zip.js";

const runs = Number(process.env.FC_RUNS || 100);
const P = facts.storagePrefix;
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

test("an interaction holds the picks, the reference and the result", () => {
  const spotMark = exerciseMark(spot, checked(spot, [3, 1]));
  assert.deepEqual(interaction(spot, spotMark), {
    id: "spot",
    type: "choice",
    student_response: "1,3",
    result: "correct",
    weighting: "1",
    "correct_responses.0.pattern": "1,3",
  });
  assert.equal(interaction(spot, exerciseMark(spot, checked(spot, [1]))).result, "50");
  assert.equal(interaction(spot, exerciseMark(spot, checked(spot, [2]))).result, "wrong");
  const verdict = exerciseMark(compare, { ...emptyRecord(compare.version), verdict: "supported", checked: true });
  assert.deepEqual([interaction(compare, verdict).student_response, interaction(compare, verdict).result], ["supported", "wrong"]);
});

test("suspend data round-trips the store, and only the site's keys come back", () => {
  const record = JSON.stringify(checked(spot, [1]));
  const entries = [
    [`${P}spot`, record],
    [`${P}student`, "123"],
    [`${P}aside:spot:1`, "not json {"],
  ];
  assert.deepEqual(fromSuspendData(toSuspendData(entries)).sort(), entries.sort());
  for (const hostile of ["", "null", "[]", '{"format":2}', '{"format":1,"records":[1]}', "x".repeat(10000)]) {
    assert.deepEqual(fromSuspendData(hostile), []);
  }
  const foreign = JSON.stringify({
    format: 1,
    records: { other: {}, __proto__: { a: 1 }, [`${P}x`]: "text, not a record", [`${P}y`]: {} },
    texts: { [`${P}z`]: 5, [`${P}w`]: "ok", notours: "x" },
  });
  assert.deepEqual(fromSuspendData(foreign).sort(), [
    [`${P}w`, "ok"],
    [`${P}y`, "{}"],
  ]);
  fc.assert(
    fc.property(fc.dictionary(fc.string(), fc.string()), (map) => {
      const ours = Object.entries(map).map(([k, v]) => [P + k.slice(0, 200), v]);
      const back = new Map(fromSuspendData(toSuspendData(ours)));
      return ours.every(([k, v]) => back.get(k) === v || JSON.stringify(JSON.parse(back.get(k))) === v);
    }),
    { numRuns: runs },
  );
});

test("the API is found up the parents, or the opener's, only with all eight functions", () => {
  const names = [
    "LMSInitialize",
    "LMSFinish",
    "LMSGetValue",
    "LMSSetValue",
    "LMSCommit",
    "LMSGetLastError",
    "LMSGetErrorString",
    "LMSGetDiagnostic",
  ];
  const api = Object.fromEntries(names.map((name) => [name, () => "true"]));
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

test("a read the LMS cannot answer is empty, never 'false' or 'null'", () => {
  const values = { "cmi.core.student_name": null, "cmi.suspend_data": 7 };
  const api = {
    LMSInitialize: () => "true",
    LMSGetValue: (element) => {
      if (element === "cmi.core.lesson_status") throw new Error("broken");
      return values[element];
    },
  };
  const session = openSession(api);
  assert.deepEqual(
    ["cmi.core.student_name", "cmi.suspend_data", "cmi.core.lesson_status"].map((element) => session.get(element)),
    ["", "", ""],
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
