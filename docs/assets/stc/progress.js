/* The progress page: each exercise's saved status and the result that counts (its first
   check, kept in a record's `best`), and progress exported or
   imported as a file. An imported file is checked entry by entry with the same rules as
   saved progress and refused whole if anything is wrong; it never replaces an exercise done
   here (see merge). */

import { detection, leaning, sum, tally } from "./discernment.js";
import { download } from "./downloads.js";
import facts from "./facts.js";
import { parseProgressFile } from "./files.js";
import { isSlug, merge, progressOf } from "./records.js";
import { describeForLearner } from "./scoring.js";
import { putAsideCheckUp, readAll, readAside, readCheckUp, readOne, replace, storage, writable, writeCheckUp } from "./storage.js";
import { ask, button, el, plural } from "./util.js";

/** A stored record as the question before replacing shows it: its status and when it was
    last changed, so that two records with the same result still differ on screen. */
function describeSaved(record, version) {
  if (record === UNREADABLE) return "answers this browser cannot read";
  const when = record.at ? ` (last changed ${record.at.slice(0, 16).replace("T", " ")})` : "";
  const note = record.note ? ", with a note" : "";
  return `${phrase(status(record, version))}${note}${when}`;
}

/** A status as part of a sentence: "Checked: …" becomes "checked: …". */
const phrase = (text) => text.charAt(0).toLowerCase() + text.slice(1);

function status(record, version) {
  if (!record) return "Not started";
  if (record.version !== version) return "Changed since you worked on it: start again";
  const seen = record.answersSeen === true;
  const checkedNow = record.checked && record.result;
  if (record.best) {
    // The first check leads: it is the result. Work since then is practice.
    const since = checkedNow ? describeForLearner(record.result) : "";
    const practice = !checkedNow ? " · trying again" : since !== describeForLearner(record.best) ? ` · practice since: ${since}` : "";
    return `Checked: ${describeForLearner(record.best)}${practice}`;
  }
  let text = checkedNow ? `Checked: ${describeForLearner(record.result, seen)}` : "Started";
  if (seen && !checkedNow) text += " · answers seen";
  return text;
}

/** Over every spot exercise checked without the answers shown first (its first check, or
    its current one): how many unsupported claims were caught, how many sentences that were
    fine to leave were flagged, and which way the flags lean. */
function discernmentWords(cells, records) {
  const tallies = [];
  for (const cell of cells) {
    const record = records.get(cell.getAttribute("data-stc-status"));
    const key = cell.getAttribute("data-key") || "";
    if (!key || !record || record.version !== cell.getAttribute("data-version") || record.answersSeen) continue;
    const picks = record.bestAnswer?.picks ?? (record.checked ? record.picks : null);
    if (!picks) continue;
    const answers = key.split(" ").map((pair) => {
      const [unit, verdict] = pair.split(":");
      return { unit: Number(unit), verdict, why: [] };
    });
    tallies.push(tally(answers, picks));
  }
  if (!tallies.length) return "";
  const total = sum(tallies);
  const figures = detection(total);
  const fine = total.falseAlarms + total.correctRejections;
  const text = `Over the ${plural(tallies.length, "exercise")} you have checked, you caught ${total.hits} of ${plural(total.hits + total.misses, "unsupported claim")}, and flagged ${total.falseAlarms} of ${plural(fine, "sentence")} that ${fine === 1 ? "was" : "were"} fine to leave.`;
  const lean = leaning(figures);
  return lean ? `${text} ${lean}` : text;
}

/** Each status cell filled in, and "n of m done" with where to continue above them. */
function fill(summary, discern) {
  const records = readAll();
  let done = 0;
  let next = null; // the first exercise started and not done, else the first not started
  let fresh = null;
  const cells = document.querySelectorAll("[data-stc-status]");
  for (const cell of cells) {
    const record = records.get(cell.getAttribute("data-stc-status"));
    const version = cell.getAttribute("data-version");
    cell.textContent = status(record, version);
    const progress = progressOf(record, version);
    if (progress === "done") done += 1;
    else if (progress === "started") next ||= cell;
    else fresh ||= cell;
  }
  summary.textContent = `You have done ${done} of ${plural(cells.length, "exercise")}.`;
  discern.textContent = discernmentWords(cells, records);
  const link = (next || fresh)?.closest("li")?.querySelector("a");
  if (link) {
    summary.append(` ${next ? "Carry on with" : done ? "Next up" : "Start with"}: `, el("a", { href: link.href }, link.textContent.trim()));
  } else if (cells.length) summary.append(" Every exercise is done.");
}

/** Whether a record could have been made on this exercise: results of its kind, out of
    its number of claims, picks among its sentences. `shape` is { targets, sentences }, both
    "" for a compare exercise; a record for another version is not checked (that version
    may have had other sentences). */
export function fitsExercise(record, version, shape) {
  if (!shape || record.version !== version) return true;
  const compare = shape.targets === "";
  const fits = (r) => !r || (compare ? "correct" in r : !("correct" in r) && r.targets === Number(shape.targets));
  const picks = compare ? record.picks.length === 0 : record.picks.every((n) => n >= 1 && n <= Number(shape.sentences));
  return picks && fits(record.result) && fits(record.best);
}

/** What importing these entries would do: records added, records replaced (with the one
    each replaces), and entries left out because what is saved is as good or better. */
export const UNREADABLE = Symbol("stored text that is not a record");
export const BLOCKED = Symbol("storage that cannot be read");

/** What importing these entries would do: records added, records replaced (with the one
    each replaces, or UNREADABLE), entries left as saved because what is saved is as good or
    better, and entries for exercises whose storage cannot be read (nothing is done there).
    `saved` maps an exercise id to its stored record, UNREADABLE or BLOCKED. */
export function importPlan(entries, saved, versions) {
  const plan = { added: [], replaced: [], unchanged: [], blocked: [] };
  for (const [id, record] of entries) {
    const old = saved.get(id);
    if (old === BLOCKED) plan.blocked.push({ id });
    else if (old === UNREADABLE) plan.replaced.push({ id, record, old });
    else if (!old) plan.added.push({ id, record });
    else if (merge(old, record, versions.get(id)) === old) plan.unchanged.push({ id });
    else plan.replaced.push({ id, record, old });
  }
  return plan;
}

/** What is stored for each entry's exercise, asked for one by one, not from a listing. */
function storedFor(entries) {
  const saved = new Map();
  for (const [id] of entries) {
    const one = readOne(id);
    saved.set(id, one === null ? BLOCKED : one.record || (one.text !== undefined ? UNREADABLE : undefined));
  }
  return saved;
}

export function mountProgress(page) {
  if (page.hasAttribute("data-stc-mounted")) return;
  page.setAttribute("data-stc-mounted", "");
  // What the page says of each exercise, read once: its status cell holds the rest.
  const cells = new Map([...document.querySelectorAll("[data-stc-status]")].map((cell) => [cell.getAttribute("data-stc-status"), cell]));
  const versions = new Map([...cells].map(([id, cell]) => [id, cell.getAttribute("data-version")]));
  const known = new Set(cells.keys());
  const shapes = new Map(
    [...cells].map(([id, cell]) => [
      id,
      { targets: cell.getAttribute("data-targets") ?? "", sentences: cell.getAttribute("data-sentences") ?? "" },
    ]),
  );
  const forms = JSON.parse(page.getAttribute("data-stc-forms") || "{}"); // the check-up forms: version, sentences
  const titleOf = (id) => cells.get(id)?.closest("li")?.querySelector("a")?.textContent.trim() || id;
  const message = el("p", { role: "status" });
  const summary = el("p", { class: "stc-progress-summary" });
  const discern = el("p", { class: "stc-discernment" });
  let planBox = null; // the question shown before an import replaces anything
  const exportButton = button("Export progress");
  const label = el("label", { class: "md-button" }, "Import progress");
  const input = el("input", { type: "file", accept: "application/json,.json", class: "stc-file" });
  label.append(input);
  const asideButton = button("Download kept-aside answers");
  const aside = el("p", { class: "stc-aside", hidden: "" });
  page.textContent = "";
  page.append(summary, discern, exportButton, " ", label, message, aside);
  function showAside() {
    const kept = readAside();
    aside.hidden = !kept.length;
    aside.textContent = `${plural(kept.length, "earlier answer")} ${kept.length === 1 ? "is" : "are"} kept aside in this browser: work an import replaced, or saved for an older version of an exercise. Download them to keep them; importing the file offers back the latest of each. `;
    aside.append(asideButton);
  }
  asideButton.addEventListener("click", () => {
    const kept = readAside();
    // Importable: the latest kept record of each exercise that fits it; all are listed below.
    const fitting = kept.filter(
      (k) => k.record && isSlug(k.id) && versions.has(k.id) && fitsExercise(k.record, versions.get(k.id), shapes.get(k.id)),
    );
    const latest = new Map(fitting.map((k) => [k.id, k.record]));
    const body = {
      format: facts.formats.progress,
      version: facts.formats.version,
      exported: new Date().toISOString(),
      exercises: Object.fromEntries(latest),
      checkUps: {},
      keptAside: kept.map((k) => ({
        exercise: k.id,
        keptAt: Number.isNaN(new Date(k.at).getTime()) ? String(k.at) : new Date(k.at).toISOString(),
        record: k.record ?? k.text,
      })),
    };
    download("spot-the-claim-kept-aside.json", "application/json", JSON.stringify(body, null, 2));
  });
  if (!storage()) message.textContent = "This browser blocks storage, so no progress can be saved or imported here.";
  else if (!writable())
    message.textContent = "This browser's storage is full: your progress is shown, but nothing new can be saved or imported.";

  exportButton.addEventListener("click", () => {
    const body = {
      format: facts.formats.progress,
      version: facts.formats.version,
      exported: new Date().toISOString(),
      exercises: Object.fromEntries(readAll()),
      checkUps: Object.fromEntries(facts.checkUps.forms.map((form) => [form, readCheckUp(form)?.record]).filter(([, record]) => record)),
    };
    download("spot-the-claim-progress.json", "application/json", JSON.stringify(body, null, 2));
    message.textContent = "Progress exported as spot-the-claim-progress.json.";
  });

  input.addEventListener("change", async () => {
    const file = input.files[0];
    input.value = "";
    planBox?.remove();
    planBox = null;
    if (!file) return;
    if (file.size > facts.limits.progressFileBytes) {
      message.textContent = "The file is too large to be a progress file.";
      return;
    }
    const parsed = parseProgressFile(await file.text(), known);
    if (parsed.problem) {
      message.textContent = parsed.problem;
      return;
    }
    const misfit = parsed.entries.find(([id, record]) => !fitsExercise(record, versions.get(id), shapes.get(id)));
    if (misfit) {
      message.textContent = `The entry for \u201c${titleOf(misfit[0])}\u201d claims a result this exercise cannot have, so nothing was imported.`;
      return;
    }
    const plan = importPlan(parsed.entries, storedFor(parsed.entries), versions);
    pendingCheckUps = parsed.checkUps;
    if (plan.replaced.length) confirmReplacing(plan, parsed.entries, parsed.unknown);
    else apply(parsed.entries, parsed.unknown);
  });

  let pendingCheckUps = [];
  /** The file's check-ups: a check-up handed in here is never replaced; one handed in in the
      file replaces work in progress here, which is kept aside first. Words for the message. */
  function importCheckUps() {
    const incoming = pendingCheckUps;
    pendingCheckUps = [];
    let added = 0;
    let kept = 0;
    let failed = 0;
    let misfit = 0;
    for (const record of incoming) {
      const stored = readCheckUp(record.form);
      // The form as this site has it: the picks must name its sentences, and no other form
      // may already be handed in here for the same stage (a student takes each stage once).
      const form = Object.hasOwn(forms, record.form) ? forms[record.form] : null;
      const fits = form && record.version === form.version && record.picks.every((n) => n >= 1 && n <= form.units);
      const clash = facts.checkUps.forms.some((other) => {
        const there = other !== record.form && readCheckUp(other)?.record;
        return there?.submitted && record.submitted && there.stage === record.stage;
      });
      if (!fits || clash) misfit += 1;
      else if (stored === null) failed += 1;
      else if (stored.record?.submitted || (stored.record && !record.submitted)) kept += 1;
      else if ((stored.record || stored.text !== undefined) && !putAsideCheckUp(record.form)) failed += 1;
      else if (writeCheckUp(record.form, record)) added += 1;
      else failed += 1;
    }
    return [
      added ? ` Imported ${plural(added, "check-up")}.` : "",
      kept ? ` ${plural(kept, "check-up")} in the file left as saved here: one handed in is never replaced.` : "",
      misfit
        ? ` ${plural(misfit, "check-up")} in the file left out: for another version of a form, or for a stage already handed in here.`
        : "",
      failed ? ` ${plural(failed, "check-up")} could not be saved: storage is blocked or full.` : "",
    ].join("");
  }

  /** Show what the import would replace, and replace nothing until the learner agrees. */
  function confirmReplacing(plan, entries, unknown) {
    const list = el("ul");
    for (const { id: exerciseId, record, old } of plan.replaced) {
      list.append(
        el(
          "li",
          {},
          `\u201c${titleOf(exerciseId)}\u201d: saved here, ${describeSaved(old, versions.get(exerciseId))}; in the file, ${describeSaved(record, versions.get(exerciseId))}`,
        ),
      );
    }
    const extra = [
      plan.added.length ? `${plural(plan.added.length, "exercise")} with nothing saved here will be added.` : "",
      plan.unchanged.length
        ? `Left as saved here, which an import never replaces (work done here, newer work, or work on the current version): ${plan.unchanged.map(({ id: exerciseId }) => `\u201c${titleOf(exerciseId)}\u201d`).join(", ")}.`
        : "",
      "What is replaced is kept aside in this browser, not deleted.",
    ].filter(Boolean);
    message.textContent = "";
    planBox?.remove();
    planBox = ask((box) => message.after(box), {
      label: "What the import would change",
      className: "stc-import-plan",
      content: [el("p", {}, "The file would replace your saved work on:"), list, el("p", {}, extra.join(" "))],
      yes: `Replace ${plural(plan.replaced.length, "exercise")}`,
      onYes() {
        planBox = null;
        apply(entries, unknown);
        input.focus();
      },
      onCancel() {
        planBox = null;
        pendingCheckUps = [];
        message.textContent = "Nothing was imported.";
        input.focus();
      },
    });
  }

  /** Save what the entries add or improve, planned again against what is saved now; what a
      record replaces is kept aside first, or it is not replaced. */
  function apply(entries, unknown) {
    const plan = importPlan(entries, storedFor(entries), versions);
    const left = plan.unchanged.map((u) => u.id);
    let written = 0;
    let failed = plan.blocked.length;
    let keptAside = 0;
    for (const { id: exerciseId, record, old } of [...plan.added, ...plan.replaced]) {
      // Decided again against what storage holds now: a record it did not list is still weighed.
      const outcome = replace(exerciseId, record, (old) => merge(old, record, versions.get(exerciseId)) === old);
      if (outcome === "written") {
        written += 1;
        if (old) keptAside += 1;
      } else if (outcome === "kept") left.push(exerciseId);
      else failed += 1;
    }
    const kept = left.length
      ? ` Left as saved here, which an import never replaces (work done here, newer work, or work on the current version): ${left.map((id) => `\u201c${titleOf(id)}\u201d`).join(", ")}.`
      : "";
    const elsewhere = unknown
      ? ` ${plural(unknown, "exercise")} in the file ${unknown === 1 ? "is" : "are"} not on this site and left out.`
      : "";
    const checkUpWords = importCheckUps();
    const done = failed
      ? `Only ${written} of ${written + failed} entries could be saved: storage is blocked or full. Nothing saved here was changed without being kept aside.`
      : written
        ? `Imported progress for ${plural(written, "exercise")}.`
        : checkUpWords
          ? ""
          : "Nothing to import.";
    const aside = keptAside ? ` What ${keptAside === 1 ? "it" : "they"} replaced is kept aside in this browser.` : "";
    message.textContent = `${done}${aside}${kept}${elsewhere}${checkUpWords}`.trim();
    fill(summary, discern);
    showAside();
  }
  fill(summary, discern);
  showAside();
}
