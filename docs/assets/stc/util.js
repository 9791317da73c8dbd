/* Small DOM and text helpers shared by every page script. */

/** An element with attributes and optional content; text is always set as text. */
export function el(tag, attrs = {}, content) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (content !== undefined) node.append(content);
  return node;
}

/** The form of a name two files are compared by: "Ana Lee", " ana  lee " and "ANA LEE" are
    one student (a page shows runs of spaces as one). */
export const sameName = (name) => name.normalize("NFKC").trim().replace(/\s+/gu, " ").toLowerCase();

/** Text without the characters XML 1.0 cannot hold at all (most control characters, lone
    surrogates, U+FFFE and U+FFFF): what an LMS reads must be well-formed XML. */
export const xmlCharacters = (text) => String(text).replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "");

export function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function button(label, primary = false) {
  return el("button", { type: "button", class: `md-button${primary ? " md-button--primary" : ""}` }, label);
}

/** A question asked before a step that costs the reader something or replaces their work:
    a labelled group saying what would happen, the step's button and Cancel. Cancel is
    focused, so that Enter changes nothing. `place` puts the group on the page; each choice
    removes it, then calls `onYes` or `onCancel`. Returns the group. */
export function ask(place, { label, content, yes, onYes, onCancel, className = "stc-confirm" }) {
  const go = button(yes);
  const cancel = button("Cancel", true);
  const box = el("div", { class: className, role: "group", "aria-label": label });
  box.append(...content, go, " ", cancel);
  place(box);
  cancel.focus();
  go.addEventListener("click", () => {
    box.remove();
    onYes();
  });
  cancel.addEventListener("click", () => {
    box.remove();
    onCancel();
  });
  return box;
}

/** A labelled control in a paragraph; the label is tied to the control by id. */
export function field(label, control) {
  control.id ||= `stc-${label.toLowerCase().replace(/\W+/g, "-")}`;
  const wrap = el("p", { class: "stc-field" }, el("label", { for: control.id }, label));
  wrap.append(control);
  return wrap;
}

/** The data a generated page embeds for its script, as [ {...} ]. After instant
    navigation Material replaces the script with a copy that keeps only its text, so it
    is found by position, not by class. */
export function embeddedData(root) {
  return JSON.parse(root.querySelector(":scope > script").textContent)[0];
}

/** The site's check-up forms by letter, embedded after a tool's data ({} when none). */
export function embeddedCheckUps(root) {
  const script = root.querySelectorAll(":scope > script")[1];
  return script ? JSON.parse(script.textContent)[0] : {};
}

/** Links the build resolved for this page (MkDocs writes them for any URL layout). */
export function builtLinks() {
  const links = new Map();
  for (const a of document.querySelectorAll(".stc-links a[data-stc-link]")) {
    links.set(a.getAttribute("data-stc-link"), a.href);
  }
  return links;
}

/** The site's exercises the build linked this page to, in the site's order:
    id → { href, title, version }. */
export function builtExercises() {
  const exercises = new Map();
  for (const a of document.querySelectorAll('.stc-links a[data-stc-link^="exercise:"]')) {
    const id = a.getAttribute("data-stc-link").slice("exercise:".length);
    exercises.set(id, { href: a.href, title: a.textContent, version: a.getAttribute("data-stc-version") || "" });
  }
  return exercises;
}
