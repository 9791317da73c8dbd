/* The launch page of an LMS package (SCORM 1.2). It finds the LMS's API, keeps the learner's
   work for the session in a store the exercise pages in its frame use instead of
   localStorage (so nothing stays on a shared computer), and after every change reports the
   score, status, suspend data and interactions (see lms.js). Without an LMS it is a plain
   list of the exercises, and the pages keep progress in the browser as the site does. */
import facts from "./facts.js";
import {
  exerciseMark,
  findApi,
  fromSuspendData,
  interaction,
  learnerName,
  lessonStatus,
  NOT_IMPLEMENTED,
  openSession,
  packageScore,
  SUSPEND_LIMIT,
  timespan,
  toSuspendData,
} from "./lms.js";
import { isRecord, merge, progressOf } from "./records.js";
import { readAll, writable } from "./storage.js";
import { el, plural } from "./util.js";

const PREFIX = facts.storagePrefix;
// What a status may rise to; when the work behind a recorded one is lost, it never falls.
const STATUS_RANK = ["not attempted", "browsed", "incomplete", "failed", "completed", "passed"];

/** The Storage methods the site's pages use, over a Map, calling `changed` on each write. */
class PackageStore {
  constructor(entries, changed) {
    this.items = new Map(entries);
    this.changed = changed;
  }
  get length() {
    return this.items.size;
  }
  key(index) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key) {
    return this.items.get(String(key)) ?? null;
  }
  setItem(key, value) {
    this.items.set(String(key), String(value));
    this.changed();
  }
  removeItem(key) {
    if (this.items.delete(String(key))) this.changed();
  }
}

/** Keeps one copy of the package at work for a learner. When the course opens it again (in
    another tab or window) while this copy is open, each would save its own work to the
    course over the other's, and a copy opened before a first check could check again after
    the other showed the answers. So the copy opened last carries on: an older copy hears
    it open, calls `stop` and sends what `stop` gives (its work); a newer copy hearing that,
    within a few seconds of opening, calls `stopped` with it, once. Nothing leaves the
    browser: BroadcastChannel reaches only pages of this origin. Gives a function to call
    when this copy closes. */
function oneCopyAtWork(name, stop, stopped) {
  if (typeof BroadcastChannel !== "function") return () => {};
  let channel;
  try {
    channel = new BroadcastChannel(name);
  } catch {
    return () => {};
  }
  const opened = Date.now();
  let heard = false;
  let stopping = false;
  channel.addEventListener("message", ({ data }) => {
    if (data?.say === "opened" && !stopping) {
      stopping = true; // stop() closes this copy, which would close the channel first
      channel.postMessage({ say: "stopped", work: stop() });
      channel.close();
    } else if (data?.say === "stopped" && !heard && Date.now() - opened < 5000) {
      heard = true;
      stopped(data.work);
    }
  });
  channel.postMessage({ say: "opened" });
  return () => {
    if (!stopping) channel.close();
  };
}

function readData() {
  const [data] = JSON.parse(document.getElementById("stc-package-data").textContent);
  if (!Array.isArray(data?.exercises) || typeof data.title !== "string" || !Array.isArray(data.pages)) throw new Error("package data");
  return data;
}

/** The LMS session's side of the launch page: what it recorded before, restored into the
    store, and `report()` to send what the work is now. */
function lmsSide(session, exercises, notify) {
  const restored = fromSuspendData(session.get("cmi.suspend_data"), exercises);
  const titles = new Map(exercises.map((exercise) => [exercise.id, exercise.title]));
  const before = { raw: session.get("cmi.core.score.raw"), status: session.get("cmi.core.lesson_status") };
  // Work the LMS recorded that cannot be counted now (unreadable, lost, or for exercises
  // the package no longer has): the score and status it gave are never lowered.
  // That includes a score or status higher than the restored work earns: some work behind
  // it was never saved (the LMS took the score and refused the suspend data, say).
  const atOpen = packageScore(exercises, restored.records);
  const rank = (status) => STATUS_RANK.indexOf(status);
  const keepBest =
    !restored.readable ||
    Object.keys(restored.carried).length > 0 ||
    Number(before.raw) > atOpen.raw ||
    rank(before.status) > rank(lessonStatus(atOpen, session.get("cmi.student_data.mastery_score")));
  const entries = [...restored.records].map(([id, record]) => [PREFIX + id, JSON.stringify(record)]);
  const name = learnerName(session.get("cmi.core.student_name"));
  if (name) entries.push([`${PREFIX}student`, name]);
  let pending = false;
  const store = new PackageStore(entries, () => {
    if (!pending) {
      pending = true;
      queueMicrotask(report);
    }
  });
  window.stcPackage = { store };

  // Interactions already reported (restored from suspend data, so that a new session does
  // not journal them again): exercise id → [index, what was reported]. An index the LMS
  // no longer counts (it keeps interactions for a session only) is reported afresh.
  const reported = new Map();
  const count = Number(session.get("cmi.interactions._count"));
  let nextInteraction = Number.isInteger(count) && count > 0 ? count : 0;
  for (const exercise of exercises) {
    const index = restored.interactions.get(exercise.id);
    if (index === undefined || index >= nextInteraction) continue;
    const mark = exerciseMark(exercise, restored.records.get(exercise.id));
    if (mark.done) reported.set(exercise.id, [index, JSON.stringify(interaction(exercise, mark))]);
  }
  if (before.status === "not attempted" || before.status === "") session.set("cmi.core.lesson_status", "incomplete");

  let interactionsKept = true;
  function report() {
    pending = false;
    const records = readAll();
    const score = packageScore(exercises, records);
    const warnings = [];
    let ok = session.set("cmi.core.score.min", "0") && session.set("cmi.core.score.max", "100");
    const raw = keepBest && Number(before.raw) > score.raw ? before.raw : String(score.raw);
    ok = session.set("cmi.core.score.raw", raw) && ok;
    const status = lessonStatus(score, session.get("cmi.student_data.mastery_score"));
    if (!keepBest || rank(status) >= rank(before.status)) ok = session.set("cmi.core.lesson_status", status) && ok;
    const indexes = new Map();
    exercises.forEach((exercise, i) => {
      const mark = score.marks[i];
      if (!mark.done) return;
      const fields = interaction(exercise, mark);
      const said = JSON.stringify(fields);
      const earlier = reported.get(exercise.id);
      const index = earlier ? earlier[0] : nextInteraction++;
      indexes.set(exercise.id, index);
      if (earlier?.[1] === said || !interactionsKept) return;
      for (const [field, value] of Object.entries(fields)) {
        if (session.set(`cmi.interactions.${index}.${field}`, value)) continue;
        // Interactions are optional in SCORM 1.2: an LMS without them is no failure.
        if (session.problemCode === NOT_IMPLEMENTED) interactionsKept = false;
        else ok = false;
        reported.set(exercise.id, [index, ""]); // its index kept, tried again with the next change
        return;
      }
      reported.set(exercise.id, [index, said]);
    });
    if (restored.readable) {
      const suspend = toSuspendData(exercises, records, indexes, restored.carried);
      ok = session.set("cmi.suspend_data", suspend.text) && ok;
      if (suspend.carriedLeftOut)
        warnings.push("Work saved for an earlier version of these exercises no longer fits in your course, so it was left out.");
      if (suspend.notesLeftOut.length)
        warnings.push(
          `Your course has no room for your notes on ${suspend.notesLeftOut.map((id) => `\u201c${titles.get(id)}\u201d`).join(", ")}: copy them somewhere before you close this page, or shorten them.`,
        );
      if (suspend.text.length > SUSPEND_LIMIT)
        warnings.push("Your saved work is longer than some courses keep; if it is missing next time, tell your teacher.");
    }
    ok = session.commit() && ok;
    if (!ok) warnings.unshift(`Your course did not save the last change (${session.problem || "it did not confirm the save"}).`);
    notify(score, warnings);
  }

  function close() {
    if (pending) report();
    const score = packageScore(exercises, readAll());
    session.set("cmi.core.exit", score.done < score.total ? "suspend" : "");
    session.set("cmi.core.session_time", timespan(Date.now() - started));
    session.commit();
    session.finish();
  }

  const started = Date.now();
  const saved = restored.readable
    ? "Your work is saved to your course as you go."
    : "Your course holds saved work these exercises cannot read. It is left as it was: your score is saved to your course as you go, but today's work will not be there next time.";
  return { name, saved, close };
}

export function mountPackage(root) {
  const data = readData();
  const exercises = data.exercises;
  const list = root.querySelector("[data-stc-package-list]");
  const status = root.querySelector("[data-stc-package-status]");
  const who = root.querySelector("[data-stc-package-who]");
  const frame = root.querySelector("[data-stc-package-frame]");
  const steps = [...root.querySelectorAll("[data-stc-package-step]")];
  const api = findApi(window);
  const session = api ? openSession(api) : null;
  let shown = 0; // the exercise Previous and Next step from
  let current = 0; // the exercise in the frame, or -1 for another page
  const versions = new Map(exercises.map((exercise) => [exercise.id, exercise.version]));
  let warnings = [];
  let notes = []; // said in the status line for the rest of the session

  /** This page takes no more work: it says why, and the list, steps and frame go. */
  function standDown(why) {
    who.textContent = why;
    for (const part of root.querySelectorAll(".stc-package__nav, .stc-package__steps, .stc-package__frame")) part.hidden = true;
  }

  if (api && !session) {
    // The LMS has a session for this page no longer (it was closed, or this is a reload
    // after it ended): work done now would reach neither the course nor the next session.
    standDown("Your course has closed this session. To go on, close this page and open the exercises again from your course.");
    document.documentElement.setAttribute("data-stc-ready", "1");
    return;
  }

  const lms = session
    ? lmsSide(session, exercises, (score, problems) => {
        warnings = problems;
        showProgress(score);
      })
    : null;
  // The pages the exercise pages in the frame may lead to (see package-scope.js).
  window.stcPackage = Object.assign(window.stcPackage ?? {}, {
    pages: data.pages,
    exercises: exercises.map((exercise) => exercise.id),
  });
  who.textContent = lms
    ? `${lms.name ? `Signed in as ${lms.name}. ` : ""}${lms.saved}`
    : writable()
      ? "Not opened from a course: your work is saved in this browser, as on the website."
      : "Not opened from a course, and this browser is not letting pages save: your work will be lost when you close this page.";

  // The list folds away where the exercise would otherwise start below the window's edge.
  const contents = root.querySelector(".stc-package__contents");
  const wide = window.matchMedia("(min-width: 60em)");
  contents.open = wide.matches;
  const summary = contents.querySelector("summary");

  const items = exercises.map((exercise, i) => {
    const link = el("a", { href: exercise.href }, exercise.title);
    // A middle click would open the exercise on its own, outside the course: it is not.
    link.addEventListener("auxclick", (event) => {
      if (event.button === 1) event.preventDefault();
    });
    link.addEventListener("click", (event) => {
      event.preventDefault();
      show(i);
      // The reader's place goes to the exercise they chose, in view.
      if (!wide.matches) contents.open = false;
      frame.scrollIntoView({ block: "start" });
      frame.focus();
    });
    const state = el("span", { class: "stc-package__state" });
    list.append(el("li", {}, link));
    list.lastChild.append(state);
    return { link, state };
  });

  /** What the list says of an exercise: how far the learner got, and in a course its marks. */
  function stateOf(exercise, record, mark) {
    if (mark.done && mark.work.answersSeen) return lms ? " · answers seen: 0 of 100" : " · answers seen";
    if (mark.done) return lms ? ` · checked: ${mark.percent} of 100` : " · checked";
    return progressOf(record, exercise.version) ? " · started" : "";
  }

  function showProgress(score = packageScore(exercises, readAll())) {
    const records = readAll();
    exercises.forEach((exercise, i) => {
      items[i].state.textContent = stateOf(exercise, records.get(exercise.id), score.marks[i]);
      if (i === current) items[i].link.setAttribute("aria-current", "page");
      else items[i].link.removeAttribute("aria-current");
    });
    // Where the learner is, also while the list is folded away (on a phone).
    summary.textContent =
      current >= 0 ? `Exercise ${current + 1} of ${exercises.length}: all exercises` : `Exercises in this package (${exercises.length})`;
    const all = score.done === score.total;
    const done = all ? `All ${plural(score.total, "exercise")} done` : `${score.done} of ${plural(score.total, "exercise")} done`;
    const course = all
      ? `score ${score.raw} of 100, saved to your course.`
      : `score so far ${score.raw} of 100 (exercises not yet done count as 0).`;
    status.textContent = lms ? `${done} · ${course}${[...notes, ...warnings].map((w) => ` ${w}`).join("")}` : `${done}.`;
    for (const step of steps) {
      const to = shown + Number(step.dataset.stcPackageStep);
      const disabled = to < 0 || to >= exercises.length;
      // A button that is disabled while it has focus would drop focus to the page.
      if (disabled && document.activeElement === step) steps.find((other) => other !== step)?.focus();
      step.disabled = disabled;
    }
  }

  function show(i) {
    shown = i;
    current = i;
    frame.src = exercises[i].href;
    frame.title = `Exercise ${i + 1} of ${exercises.length}: ${exercises[i].title}`;
    showProgress();
  }

  for (const step of steps) step.addEventListener("click", () => show(shown + Number(step.dataset.stcPackageStep)));
  // A page followed inside the frame (an exercise linked from another) becomes the one shown.
  frame.addEventListener("load", () => {
    let path = "";
    try {
      path = frame.contentWindow.location.pathname;
    } catch {
      return; // opened from disk: the frame cannot be read
    }
    const i = exercises.findIndex((exercise) => path.endsWith(`/${exercise.href}`));
    current = i;
    if (i >= 0) {
      shown = i;
      frame.title = `Exercise ${i + 1} of ${exercises.length}: ${exercises[i].title}`;
    } else {
      // Another page of the package (an article, say): no exercise is the one shown.
      frame.title = frame.contentDocument?.title || "A page of the package";
    }
    showProgress();
  });

  // Without an LMS the pages save to localStorage; opened from disk the frame cannot be
  // read, but its saves still reach this page as storage events.
  window.addEventListener("storage", () => showProgress());
  if (lms) {
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      leave();
      lms.close();
    };
    const heldVersions = [...versions.values()].map((version) => version.slice(0, 8)).join(",");
    // Copies are told apart by learner: an LMS that names none gets no such care.
    const learner = session.get("cmi.core.student_id");
    const leave = !learner
      ? () => {}
      : oneCopyAtWork(
          `stc-package ${learner} ${heldVersions}`,
          () => {
            close(); // what this copy holds is saved, and its session ends
            standDown(
              "You opened these exercises again in another tab or window: carry on there. This copy has saved your work and stopped.",
            );
            return [...readAll()].filter(([id]) => versions.has(id));
          },
          (work) => {
            // The course may have given this copy its work as it stood before the other
            // copy's last change: that work comes over, never replacing what is done here.
            if (takeOver(work) && current >= 0) show(current);
            notes = [
              "These exercises were open in another tab or window too: that copy has saved your work and stopped, so carry on here.",
            ];
            showProgress();
          },
        );
    window.addEventListener("pagehide", close);
    window.addEventListener("beforeunload", close);
    // Back from the browser's page cache, the session has ended: load afresh to say so.
    window.addEventListener("pageshow", (event) => {
      if (event.persisted && closed) location.reload();
    });
  }

  /** Work from another copy (id, record pairs), merged into this copy's store exercise by
      exercise as an import is (see records.js merge); whether anything changed. */
  function takeOver(work) {
    if (!Array.isArray(work)) return false;
    const mine = readAll();
    let changed = false;
    for (const pair of work.slice(0, exercises.length)) {
      const [id, record] = Array.isArray(pair) ? pair : [];
      if (!versions.has(id) || !isRecord(record) || record.version !== versions.get(id)) continue;
      const kept = merge(mine.get(id), record, versions.get(id));
      if (kept === record) {
        window.stcPackage.store.setItem(PREFIX + id, JSON.stringify(record));
        changed = true;
      }
    }
    return changed;
  }

  // Nothing is reported until the learner changes something: what the LMS recorded before
  // stays as it was when a learner only looks.
  const first = packageScore(exercises, readAll()).marks.findIndex((mark) => !mark.done);
  show(Math.max(0, first));
  document.documentElement.setAttribute("data-stc-ready", "1");
}

const root = document.querySelector("[data-stc-package]");
if (root) mountPackage(root);
