/* Spot the Claim's front end: mounts each page's tools on every page Material shows,
   including after instant navigation. Progress and teacher tools load only where needed. */
import { mountExercise } from "./exercise.js";

const LAZY = [
  ["[data-stc-progress]", () => import("./progress.js"), "mountProgress"],
  ["[data-stc-teacher]", () => import("./teacher.js"), "mountTool"],
];

function labelSearch() {
  // Material's search dialog has role="dialog" but no accessible name.
  const dialog = document.querySelector('.md-search[role="dialog"]');
  if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");
}

let shown = 0;

async function ready() {
  const start = performance.now();
  labelSearch();
  for (const root of document.querySelectorAll("[data-exercise]")) mountExercise(root);
  for (const [selector, load, mount] of LAZY) {
    const roots = document.querySelectorAll(selector);
    if (!roots.length) continue;
    const module = await load();
    for (const root of roots) module[mount](root);
  }
  performance.measure("stc-ready", { start }); // read by make bench
  document.documentElement.setAttribute("data-stc-ready", String(++shown)); // tests wait for it
}

// document$ is Material's observable of each page it shows (a global, by design).
document$.subscribe(() => {
  ready();
});
