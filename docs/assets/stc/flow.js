/* Where a learner goes from an exercise: the next one in the LMS package it is in, in the
   assignment they opened it from, or in the site's order; and, inside an assignment, a bar saying where they are.
   The assignment travels in the page's query, so the bar survives reloads and Material's
   instant navigation. */
import { withAssignment } from "./assignment-link.js";
import { el } from "./util.js";

/** The link to follow once an exercise is checked. `exercises` maps each id to its
    { href, title } in the site's order; `set` is the assignment or null; `inPackage` the
    ids of the LMS package's exercises in its order, or null. */
export function nextStep(id, exercises, set, links, inPackage = null) {
  const wrap = el("p", { class: "stc-next" });
  let href;
  let label;
  if (inPackage) {
    const after = inPackage[inPackage.indexOf(id) + 1];
    if (!after || !exercises.has(after)) {
      wrap.textContent = "That was the last exercise in this package: see your score above.";
      return wrap;
    }
    [href, label] = [exercises.get(after).href, `Next exercise: ${exercises.get(after).title}`];
  } else if (set) {
    const after = set.ids[set.ids.indexOf(id) + 1];
    [href, label] = after
      ? [withAssignment(exercises.get(after).href, set), `Next exercise: ${exercises.get(after).title}`]
      : [
          withAssignment(links.get("page:assignment"), set),
          set.checkUps ? "Back to the assignment for the check-up after" : "Back to the assignment to hand in your results",
        ];
  } else {
    const ids = [...exercises.keys()];
    const after = ids[ids.indexOf(id) + 1];
    [href, label] = after
      ? [exercises.get(after).href, `Next exercise: ${exercises.get(after).title}`]
      : [links.get("page:progress"), "See your progress"];
  }
  wrap.append(el("a", { class: "md-button md-button--primary", href }, label));
  return wrap;
}

/** The bar atop an exercise opened from an assignment: its name, k of n, back and next. */
export function assignmentBar(id, set, exercises, links) {
  const at = set.ids.indexOf(id);
  const bar = el("nav", { class: "stc-assignment-bar", "aria-label": "Assignment" });
  const name = el("p", {}, "Assignment: ");
  name.append(el("strong", {}, set.title), ` · exercise ${at + 1} of ${set.ids.length}`);
  const moves = el("p", { class: "stc-assignment-bar__moves" });
  moves.append(el("a", { href: withAssignment(links.get("page:assignment"), set) }, "Back to the assignment"));
  const after = set.ids[at + 1];
  if (after) {
    moves.append(" · ", el("a", { href: withAssignment(exercises.get(after).href, set) }, `Next: ${exercises.get(after).title}`));
  }
  bar.append(name, moves);
  return bar;
}
