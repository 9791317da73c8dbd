/* What an assignment link names: its title and its exercises, in order. The link is the
   assignment (there is no server), so its query is read the same way wherever it appears:
   on the assignment page, and on each exercise opened from it. */
import facts from "./facts.js";
import { clip, withoutHidden } from "./files.js";

/** The assignment in `search` (a URL's query), given the ids of the site's exercises:
    { title, ids, unknown, repeated }, or null when it names no title or no known exercise. */
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
  return { title, ids, unknown: listed.length - ids.length, repeated: named.length - listed.length };
}

/** The query that names an assignment, as the teacher's link writes it. */
export function assignmentQuery(title, ids) {
  return `?${new URLSearchParams({ name: title, ex: ids.join(",") })}`;
}

/** `href` with the assignment's query, so that the page it opens knows the assignment. */
export function withAssignment(href, assignment) {
  const url = new URL(href);
  url.search = assignmentQuery(assignment.title, assignment.ids);
  return url.href;
}
