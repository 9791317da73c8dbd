/* Spot the Claim's front end: mounts each page's tools on every page Material shows,
   including after instant navigation. Progress and teacher tools load only where needed. */
import { mountExercise } from "./exercise.js";
import { markExerciseLinks } from "./marks.js";
import { scopeToPackage } from "./package-scope.js";

const LAZY = [
  ["[data-stc-progress]", () => import("./progress.js"), "mountProgress"],
  ["[data-check-up]", () => import("./check-up.js"), "mountCheckUp"],
  ["[data-stc-teacher]", () => import("./teacher.js"), "mountTool"],
];

function labelSearch() {
  // Material's search dialog has role="dialog" but no accessible name.
  const dialog = document.querySelector('.md-search[role="dialog"]');
  if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");
}

/** Material wraps wide tables in a box that scrolls sideways; a keyboard can scroll it only
    if it can be focused, and a screen reader should hear what it is. */
function focusableTables() {
  const wraps = document.querySelectorAll(".md-typeset__scrollwrap");
  wraps.forEach((wrap, i) => {
    wrap.setAttribute("tabindex", "0");
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", `Table ${i + 1} of ${wraps.length}`);
  });
}

/** After instant navigation the browser would carry on tabbing from the link that was
    followed, deep in the menu; as on a page loaded afresh, the first Tab should reach the
    skip link. Focus goes to an empty mark at the top of the page, unseen and unannounced. */
function focusFromTheTop() {
  if (document.activeElement && document.activeElement !== document.body) return;
  let top = document.getElementById("stc-top");
  if (!top) {
    top = document.createElement("span");
    top.id = "stc-top";
    top.tabIndex = -1;
    document.body.prepend(top);
  }
  top.focus({ preventScroll: true });
}

let shown = 0;

async function ready() {
  const start = performance.now();
  labelSearch();
  focusableTables();
  for (const root of document.querySelectorAll("[data-exercise]")) mountExercise(root);
  markExerciseLinks();
  scopeToPackage();
  for (const [selector, load, mount] of LAZY) {
    const roots = document.querySelectorAll(selector);
    if (!roots.length) continue;
    const module = await load();
    for (const root of roots) module[mount](root);
  }
  if (shown) focusFromTheTop(); // a page shown by instant navigation
  performance.measure("stc-ready", { start }); // read by make bench
  document.documentElement.setAttribute("data-stc-ready", String(++shown)); // tests wait for it
}

// An offline page in a frame is an exercise in an LMS package's launch page, which has
// the list of exercises: the site's header, menus and footer would only lead out of it.
if (window.stcOffline && window.top !== window.self) document.documentElement.classList.add("stc-in-package");

// document$ is Material's observable of each page it shows (a global, by design).
document$.subscribe(() => {
  ready();
});
