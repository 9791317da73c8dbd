/* What an assignment link names: its title, its exercises in order, and whether it starts
   and ends with a check-up. The link is the assignment (there is no server), so its query is
   read the same way wherever it appears: on the assignment page, on each exercise opened
   from it, and on its check-ups. */
import facts from "./facts.js";
import { clip, withoutHidden } from "./files.js";

/** The assignment in `search` (a URL's query), given the ids of the site's exercises:
    { title, ids, unknown, repeated, checkUps }, or null when it names no title or no known
    exercise. */
export function readAssignment(search, knownIds) {
  const params = new URLSearchParams(search);
  const named = (params.get("ex") || "")
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean);
  const listed = [...new Set(named)];
  const ids = listed.filter((id) => knownIds.has(id));
  const title = clip(withoutHidden(params.get("name") || ""), facts.limits.name).trim();
  if (!ids.length || !title) return null;
  const checkUps = params.get("check") === "1";
  return { title, ids, unknown: listed.length - ids.length, repeated: named.length - listed.length, checkUps };
}

/** The query that names an assignment, as the teacher's link writes it. */
export function assignmentQuery(title, ids, checkUps = false) {
  return `?${new URLSearchParams({ name: title, ex: ids.join(","), ...(checkUps ? { check: "1" } : {}) })}`;
}

/** `href` with the assignment's query, so that the page it opens knows the assignment
    (and, for a check-up, the `stage` it is taken at). */
export function withAssignment(href, assignment, stage = "") {
  const url = new URL(href);
  url.search = assignmentQuery(assignment.title, assignment.ids, assignment.checkUps);
  if (stage) url.searchParams.set("stage", stage);
  return url.href;
}

/** The stage a check-up page was opened for ("before", "after"), or "". */
export function stageOf(search) {
  const stage = new URLSearchParams(search).get("stage");
  return stage === "before" || stage === "after" ? stage : "";
}
