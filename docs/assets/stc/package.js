/* The launch page of an LMS package (SCORM 1.2). It finds the LMS's API, keeps the learner's
   work for the session in a store the exercise pages in its frame use instead of
   localStorage (so nothing stays on a shared computer), and after every change reports the
   score, status, suspend data and interactions (see lms.js). Without an LMS it is a plain
   list of the exercises, and the pages keep progress in the browser as the site does. */
import facts from "./facts.js";
import {
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
} from "./lms.js";
import { progressOf } from "./records.js";
import { readAll } from "./storage.js";
import { el, plural } from "./util.js";

const PREFIX = facts.storagePrefix;

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
  entries() {
    return [...this.items.entries()];
  }
}

function readData() {
  const [data] = JSON.parse(document.getElementById("stc-package-data").textContent);
  if (!Array.isArray(data?.exercises) || typeof data.title !== "string") throw new Error("package data");
  return data;
}

export function mountPackage(root) {
  const data = readData();
  const exercises = data.exercises;
  const list = root.querySelector("[data-stc-package-list]");
  const status = root.querySelector("[data-stc-package-status]");
  const who = root.querySelector("[data-stc-package-who]");
  const frame = root.querySelector("[data-stc-package-frame]");
  const started = Date.now();
  const api = findApi(window);
  const session = api ? openSession(api) : null;
  const reported = new Map(); // exercise id → [interaction index, what was reported]
  let nextInteraction = 0;
  let pending = false;
  let shown = 0;

  if (session) {
    const store = new PackageStore(fromSuspendData(session.get("cmi.suspend_data")), () => {
      if (!pending) {
        pending = true;
        queueMicrotask(report);
      }
    });
    const name = learnerName(session.get("cmi.core.student_name"));
    if (name) store.items.set(`${PREFIX}student`, name);
    window.stcPackage = { store };
    const count = Number(session.get("cmi.interactions._count"));
    nextInteraction = Number.isInteger(count) && count > 0 ? count : 0;
    if (session.get("cmi.core.lesson_status") === "not attempted") session.set("cmi.core.lesson_status", "incomplete");
    who.textContent = name
      ? `Signed in as ${name}. Your work is saved to your course as you go.`
      : "Your work is saved to your course as you go.";
  } else {
    who.textContent = api
      ? "Your course did not start a session, so your work is saved in this browser only."
      : "Not opened from a course: your work is saved in this browser, as on the website.";
  }

  function report() {
    pending = false;
    const score = packageScore(exercises, readAll());
    let ok = session.set("cmi.core.score.min", "0") && session.set("cmi.core.score.max", "100");
    ok = session.set("cmi.core.score.raw", String(score.raw)) && ok;
    ok = session.set("cmi.core.lesson_status", lessonStatus(score, session.get("cmi.student_data.mastery_score"))) && ok;
    const suspend = toSuspendData(window.stcPackage.store.entries());
    ok = session.set("cmi.suspend_data", suspend) && ok;
    exercises.forEach((exercise, i) => {
      const mark = score.marks[i];
      if (!mark.done) return;
      const fields = interaction(exercise, mark);
      const said = JSON.stringify(fields);
      const before = reported.get(exercise.id);
      if (before?.[1] === said) return;
      const index = before ? before[0] : nextInteraction++;
      for (const [name, value] of Object.entries(fields)) ok = session.set(`cmi.interactions.${index}.${name}`, value) && ok;
      reported.set(exercise.id, [index, said]);
    });
    ok = session.commit() && ok;
    showProgress(score, ok ? "" : session.problem || "the course did not confirm the save");
    if (suspend.length > SUSPEND_LIMIT && ok)
      status.append(" Your saved work is longer than some courses keep; if it is missing next time, tell your teacher.");
  }

  function showProgress(score = packageScore(exercises, readAll()), problem = "") {
    const records = readAll();
    list.textContent = "";
    exercises.forEach((exercise, i) => {
      const state = progressOf(records.get(exercise.id), exercise.version);
      const link = el("a", { href: exercise.href }, exercise.title);
      if (i === shown) link.setAttribute("aria-current", "page");
      link.addEventListener("click", (event) => {
        event.preventDefault();
        show(i);
      });
      const item = el("li", {}, link);
      item.append(el("span", { class: "stc-package__state" }, state === "done" ? " · checked" : state === "started" ? " · started" : ""));
      list.append(item);
    });
    const done = plural(score.done, "exercise");
    status.textContent = session
      ? `${done} of ${score.total} checked · score ${score.raw} of 100 (exercises not yet checked count as 0).${problem ? ` Your course did not save the last change (${problem}).` : ""}`
      : `${done} of ${score.total} checked.`;
    for (const step of root.querySelectorAll("[data-stc-package-step]")) {
      const to = shown + Number(step.dataset.stcPackageStep);
      step.disabled = to < 0 || to >= exercises.length;
    }
  }

  function show(i) {
    shown = i;
    frame.src = exercises[i].href;
    frame.title = `Exercise ${i + 1} of ${exercises.length}: ${exercises[i].title}`;
    showProgress();
  }

  for (const step of root.querySelectorAll("[data-stc-package-step]")) {
    step.addEventListener("click", () => show(shown + Number(step.dataset.stcPackageStep)));
  }
  // A page followed inside the frame (an exercise's own "Next exercise") becomes the one shown.
  frame.addEventListener("load", () => {
    let path = "";
    try {
      path = frame.contentWindow.location.pathname;
    } catch {
      return; // opened from disk: the frame cannot be read
    }
    const i = exercises.findIndex((exercise) => path.endsWith(`/${exercise.href}`));
    if (i >= 0 && i !== shown) {
      shown = i;
      frame.title = `Exercise ${i + 1} of ${exercises.length}: ${exercises[i].title}`;
    }
    showProgress();
  });

  let closed = false;
  function close() {
    if (!session || closed) return;
    closed = true;
    if (pending) report();
    const score = packageScore(exercises, readAll());
    session.set("cmi.core.exit", score.done < score.total ? "suspend" : "");
    session.set("cmi.core.session_time", timespan(Date.now() - started));
    session.commit();
    session.finish();
  }
  // Without an LMS the pages save to localStorage; opened from disk the frame cannot be
  // read, but its saves still reach this page as storage events.
  window.addEventListener("storage", () => showProgress());
  window.addEventListener("pagehide", close);
  window.addEventListener("beforeunload", close);

  // Nothing is reported until the learner changes something: what the LMS recorded before
  // stays as it was when a learner only looks, or when its suspend data could not be read.
  const records = readAll();
  const first = exercises.findIndex((exercise) => progressOf(records.get(exercise.id), exercise.version) !== "done");
  show(Math.max(0, first));
  document.documentElement.setAttribute("data-stc-ready", "1");
}

const root = document.querySelector("[data-stc-package]");
if (root) mountPackage(root);
