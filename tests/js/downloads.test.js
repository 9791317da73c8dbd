/* File names for downloads: the parts a teacher or student typed, in characters every
   system accepts, and the day in the browser's time zone. */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { fileName, today } from "../../docs/assets/stc/downloads.js";

const RUNS = Number(process.env.FC_RUNS || 200);

test("a download's name keeps letters and digits, without accents, joined by hyphens", () => {
  assert.equal(fileName(["class-report", "Week 1", "2026-11-23"], "csv"), "class-report-Week-1-2026-11-23.csv");
  assert.equal(fileName(["results", "Week 1: <b>claims</b> & sources", "Ana"], "json"), "results-Week-1-b-claims-b-sources-Ana.json");
  assert.equal(fileName(["results", "Semaine 1 : élèves", "Zoë"], "json"), "results-Semaine-1-eleves-Zoe.json");
  assert.equal(fileName(["results", "../../etc/passwd", " - "], "json"), "results-etc-passwd.json");
  assert.equal(fileName(["results", "第一周", "Ana"], "json"), "results-Ana.json");
  assert.equal(fileName(["class-report", "x".repeat(500)], "csv"), `class-report-${"x".repeat(60)}.csv`);
});

test("property: a download's name is made only of safe characters", () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.string({ unit: "grapheme" }), fc.string({ unit: "binary-ascii" })), { maxLength: 4 }), (parts) => {
      assert.match(fileName(["results", ...parts], "json"), /^results(-[A-Za-z0-9_]+)*\.json$/);
    }),
    { numRuns: RUNS },
  );
});

test("today is the browser's own day, as YYYY-MM-DD", () => {
  assert.equal(today(new Date(2026, 10, 23, 23, 59)), "2026-11-23");
  assert.equal(today(new Date(2027, 0, 5, 0, 0)), "2027-01-05");
});
