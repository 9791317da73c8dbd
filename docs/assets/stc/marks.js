/* Done and started marks beside every link to an exercise, in the navigation and in
   exercise lists, from the progress saved in this browser. Lists made by the build tag
   their links with the exercise's id and version; a navigation link is matched to them by
   the address it points to. */
import { progressOf } from "./records.js";
import { readAll } from "./storage.js";
import { el } from "./util.js";

const MARKS = { done: ["✓", "done"], started: ["◐", "started"] };

/** Every exercise this page links to with its id and version, by absolute address. */
function exercisesLinked() {
  const known = new Map();
  for (const a of document.querySelectorAll('a[data-stc-exercise], .stc-links a[data-stc-link^="exercise:"]')) {
    const id = a.getAttribute("data-stc-exercise") ?? a.getAttribute("data-stc-link").slice("exercise:".length);
    known.set(a.href, { id, version: a.getAttribute("data-stc-version") || "" });
  }
  return known;
}

export function markExerciseLinks() {
  const known = exercisesLinked();
  if (!known.size) return;
  const records = readAll();
  // A section's label links to its first page: only the links of single pages are marked.
  const links = ".md-nav__item:not(.md-nav__item--nested) > a.md-nav__link[href], .md-content a[data-stc-exercise]";
  for (const a of document.querySelectorAll(links)) {
    a.querySelector(".stc-mark")?.remove();
    const exercise = known.get(a.href);
    const state = exercise && progressOf(records.get(exercise.id), exercise.version);
    if (!state) continue;
    const [sign, word] = MARKS[state];
    const mark = el("span", { class: `stc-mark stc-mark--${state}` }, el("span", { "aria-hidden": "true" }, `${sign} `));
    mark.append(word);
    a.append(" ", mark);
  }
}
