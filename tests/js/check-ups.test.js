/* The check-ups' rules: which form a student takes when, what a stored or handed-in
   check-up must be, and the class's change with its spread. */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import {
  checkUpProblem,
  checkUpWords,
  classChange,
  firstForm,
  formFor,
  isCheckUpRecord,
  scoreCheckUp,
  standardDeviation,
} from "../../docs/assets/stc/check-up-rules.js";
import { detection } from "../../docs/assets/stc/discernment.js";

const RUNS = Number(process.env.FC_RUNS || 200);

test("a student's first form is fixed by their name as names compare", () => {
  fc.assert(
    fc.property(fc.string({ minLength: 1, maxLength: 30 }), (name) => {
      assert.equal(firstForm(name), firstForm(`  ${name.toUpperCase()} `.toLowerCase()));
      assert.ok(["A", "B"].includes(firstForm(name)));
    }),
    { numRuns: RUNS },
  );
  assert.equal(firstForm("Ana  Lee"), firstForm(" ana lee"));
});

test("about half of a class starts with each form", () => {
  const names = Array.from({ length: 2000 }, (_, i) => `Student ${i}`);
  const a = names.filter((n) => firstForm(n) === "A").length;
  assert.ok(a > 900 && a < 1100, `${a} of 2000 start with form A`);
});

test("after is always the other form from the one taken before", () => {
  for (const name of ["Ana", "Ben", "Cy", "Di"]) {
    const first = formFor("before", name, null);
    assert.equal(first, firstForm(name));
    assert.notEqual(formFor("after", name, null), first);
    // Once a form is taken before, a changed name changes nothing.
    assert.equal(formFor("before", "someone else", { form: "B" }), "B");
    assert.equal(formFor("after", "someone else", { form: "B" }), "A");
  }
});

const FORM = {
  version: "0123456789abcdef",
  units: [1, 2, 3, 4, 5].map((n) => ({ n, text: "x" })),
  answers: [
    { unit: 1, verdict: "unsupported", level: 1 },
    { unit: 2, verdict: "overreach", level: 1 },
    { unit: 3, verdict: "supported", level: 1 },
    { unit: 4, verdict: "attributed", level: 1 },
    { unit: 5, verdict: "opinion", level: 1 },
  ],
};

test("a check-up is scored on its items only, and said in counts", () => {
  const score = scoreCheckUp(FORM, [1, 3, 5]);
  assert.deepEqual({ ...score, figures: undefined }, { hits: 1, misses: 1, falseAlarms: 1, correctRejections: 1, figures: undefined });
  assert.deepEqual(score.figures, detection(score));
  assert.equal(checkUpWords(score), "You caught 1 of 2 claims to flag, and flagged 1 of 2 sentences that were fine to leave.");
  assert.equal(scoreCheckUp(FORM, [1, 2, 3, 4, 5]).figures.dPrime, 0, "flagging everything");
});

test("the class's change: means before and after, and the spread of the changes", () => {
  const pair = (b, a) => ({ before: { dPrime: b, criterion: -b }, after: { dPrime: a, criterion: -a } });
  const summary = classChange([pair(0, 1), pair(1, 3), { before: { dPrime: 5, criterion: 0 }, after: null }]);
  assert.equal(summary.students, 2);
  assert.deepEqual(summary.dPrime, { before: 0.5, after: 2, change: 1.5, spread: Math.SQRT1_2 });
  assert.equal(summary.criterion.change, -1.5);
  assert.equal(standardDeviation([4]), null);
  assert.deepEqual(classChange([]), { students: 0 });
});

const ENTRY = { form: "A", stage: "before", version: FORM.version, picks: [1, 5], submitted: "2026-11-23T10:00:00.000Z", practised: [] };

test("a handed-in check-up must fit the site's form, field by field", () => {
  const forms = { A: FORM };
  assert.equal(checkUpProblem(ENTRY, forms), "");
  assert.match(checkUpProblem({ ...ENTRY, version: "ffffffffffffffff" }, forms), /older version of check-up form A/);
  assert.match(checkUpProblem({ ...ENTRY, form: "B" }, forms), /form this site does not have/);
  assert.match(checkUpProblem({ ...ENTRY, form: "__proto__" }, forms), /form this site does not have/);
  assert.match(checkUpProblem({ ...ENTRY, picks: [6] }, forms), /picks a sentence the form does not have/);
  assert.match(checkUpProblem({ ...ENTRY, picks: [1, 1] }, forms), /picks a sentence/);
  assert.match(checkUpProblem({ ...ENTRY, stage: "during" }, forms), /neither before nor after/);
  assert.match(checkUpProblem({ ...ENTRY, submitted: "soon" }, forms), /no time it was handed in/);
  assert.match(checkUpProblem({ ...ENTRY, extra: 1 }, forms), /malformed/);
  assert.match(checkUpProblem({ ...ENTRY, practised: ["Not a slug"] }, forms), /malformed/);
  assert.match(checkUpProblem([], forms), /malformed/);
});

test("a stored check-up is a record of this shape, or nothing", () => {
  const record = { ...ENTRY, assignment: "Week 1", student: "Ana", submitted: "", at: "" };
  assert.ok(isCheckUpRecord(record));
  assert.ok(!isCheckUpRecord({ ...record, form: "C" }));
  assert.ok(!isCheckUpRecord({ ...record, submitted: "yesterday" }));
  assert.ok(!isCheckUpRecord({ ...record, picks: "1,2" }));
  assert.ok(!isCheckUpRecord(null));
});

test("the class's figures leave out a check-up practised first or handed in blank", async () => {
  const { classFigures } = await import("../../docs/assets/stc/report-check-ups.js");
  const taken = (picks, practised = false) => ({ ...scoreCheckUp(FORM, picks), practised, blank: picks.length === 0 });
  const student = (before, after) => ({ checkUps: { before, after } });
  const summary = classFigures([
    student(taken([1, 2, 3, 4]), taken([1, 2])),
    student(taken([]), taken([1, 2])), // blank before
    student(taken([1]), taken([1, 2], true)), // practised after
  ]);
  assert.equal(summary.students, 1);
  assert.equal(summary.dPrime.before, 0);
  assert.equal(summary.dPrime.change, scoreCheckUp(FORM, [1, 2]).figures.dPrime);
});
