/* The assignment builder: the teacher picks exercises and gets a link. The link carries
   only the assignment's name and the exercises' ids. */
import { withAssignment } from "./assignment-link.js";
import { download, fileName } from "./downloads.js";
import facts from "./facts.js";
import { button, el, field, plural } from "./util.js";

function select(label, options) {
  const control = el("select");
  for (const [value, text] of options) control.append(el("option", { value }, text));
  return field(label, control);
}

export function assign(root, data, links, forms = {}) {
  const unique = (key, label) => {
    const seen = new Map();
    for (const e of data) for (const value of [].concat(e[key])) seen.set(String(value), label ? e[label] : String(value));
    return [...seen];
  };
  const filters = [
    ["article", select("Article", [["", "All articles"], ...unique("article", "articleTitle")])],
    [
      "level",
      select("Level", [
        ["", "All levels"],
        ["1", "1 guided"],
        ["2", "2 practice"],
        ["3", "3 challenge"],
      ]),
    ],
    ["skills", select("Skill", [["", "All skills"], ...unique("skills").map(([value]) => [value, facts.whyLabels[value]])])],
  ];
  const list = el("fieldset", { class: "stc-pick" }, el("legend", {}, "Exercises"));
  const boxes = data.map((exercise) => {
    const box = el("input", { type: "checkbox", id: `stc-pick-${exercise.id}`, value: exercise.id });
    const label = el("label", { for: box.id }, box);
    label.append(
      ` ${exercise.title} · ${exercise.articleTitle} · level ${exercise.level}${exercise.kind === "compare" ? ", compare a source" : ""}`,
    );
    list.append(label);
    return { box, label, exercise };
  });
  // With check-ups, the exercises whose passages the forms hold are left out (see assignment.js).
  const hasCheckUps = facts.checkUps.forms.every((form) => Object.hasOwn(forms, form));
  const checkUps = el("input", { type: "checkbox", id: "stc-check-ups" });
  const checkUpsLabel = el("label", { for: checkUps.id }, checkUps);
  checkUpsLabel.append(" Start and end with a check-up (a student takes one form before the exercises and the other after)");
  const checkUpsNote = el("p", { class: "stc-hint" }, "");
  checkUps.onchange = () => {
    const held = boxes.filter((b) => b.exercise.heldBy);
    const unticked = held.filter((b) => b.box.checked && checkUps.checked);
    for (const b of held) {
      b.box.disabled = checkUps.checked;
      if (checkUps.checked) b.box.checked = false;
      b.label.classList.toggle("stc-held", checkUps.checked);
    }
    const titles = (list) => list.map((b) => `\u201c${b.exercise.title}\u201d`).join(", ");
    checkUpsNote.textContent = checkUps.checked
      ? `${plural(held.length, "exercise")} share${held.length === 1 ? "s" : ""} sentences with the check-ups and cannot be set with them: ${titles(held)}.` +
        (unticked.length ? ` Unticked: ${titles(unticked)}.` : "")
      : "";
  };
  const name = el("input", { type: "text", maxlength: String(facts.limits.name), autocomplete: "off" });
  const link = el("input", { type: "text", readonly: "" });
  const status = el("p", { role: "status" });
  const create = button("Create link", true);
  const copy = button("Copy link");
  copy.hidden = true;
  const lms = button("Download as an LMS package (SCORM 1.2)");
  lms.hidden = true;
  // Packages are made from the site's package of every exercise, which a page opened from
  // disk cannot read.
  const canPackage = !!links.get("download:lms-all") && location.protocol !== "file:";
  let made = null; // the assignment the link and the package are for

  function applyFilters() {
    for (const b of boxes) {
      b.label.hidden = !filters.every(([key, wrap]) => {
        const wanted = wrap.querySelector("select").value;
        return !wanted || [].concat(b.exercise[key]).map(String).includes(wanted);
      });
    }
  }
  for (const [, wrap] of filters) wrap.querySelector("select").onchange = applyFilters;
  // A package is of the assignment the link was made for: once the form changes, the link
  // must be made again before a package can be.
  const stale = () => {
    if (!made) return;
    made = null;
    link.value = "";
    copy.hidden = true;
    lms.hidden = true;
    status.textContent = "The form has changed: press Create link again for a link to what it says now.";
  };
  name.addEventListener("input", stale);
  list.addEventListener("change", stale);
  checkUps.addEventListener("change", stale);

  // What is missing is where the focus goes, so the next key pressed supplies it.
  create.onclick = () => {
    const ids = boxes.filter((b) => b.box.checked).map((b) => b.exercise.id);
    if (!name.value.trim()) {
      status.textContent = "Give the assignment a name first.";
      name.focus();
      return;
    }
    if (!ids.length) {
      const shown = boxes.find((b) => !b.label.hidden);
      status.textContent = shown ? "Tick at least one exercise first." : "Tick at least one exercise first: the filters show none.";
      (shown ? shown.box : filters[0][1].querySelector("select")).focus();
      return;
    }
    made = { title: name.value.trim(), ids, checkUps: hasCheckUps && checkUps.checked };
    link.value = withAssignment(links.get("page:assignment"), made);
    copy.hidden = false;
    lms.hidden = !canPackage || made.checkUps;
    const withCheckUps = made.checkUps ? ", with a check-up before and after" : "";
    const share = !canPackage
      ? "Copy it and share it with your students."
      : made.checkUps
        ? "Copy it and share it with your students. (An LMS package cannot hold check-ups: for one, untick the check-ups and create the link again.)"
        : "Copy it and share it with your students, or download it as a package for your LMS.";
    status.textContent = `Link created for ${plural(ids.length, "exercise")}${withCheckUps}. ${share}`;
    link.focus();
    link.select();
  };
  copy.onclick = () => {
    link.select();
    (navigator.clipboard ? navigator.clipboard.writeText(link.value) : Promise.reject()).then(
      () => {
        status.textContent = "Link copied.";
      },
      () => {
        status.textContent = "Select the link and copy it (Ctrl+C or Cmd+C).";
      },
    );
  };
  lms.onclick = async () => {
    const kit = links.get("download:lms-all");
    if (!canPackage || !made) return;
    const { title, ids } = made;
    status.textContent = "Making the package…";
    try {
      const response = await fetch(kit);
      if (!response.ok) throw new Error(`the site answered ${response.status}`);
      const { assignmentPackage } = await import("./lms-package.js");
      const zip = await assignmentPackage(new Uint8Array(await response.arrayBuffer()), { title, ids });
      const file = fileName(["spot-the-claim", title, "scorm12"], "zip");
      download(file, "application/zip", zip);
      status.textContent = `Package downloaded as ${file}: upload it to your LMS as a SCORM 1.2 package.`;
    } catch (error) {
      status.textContent = `The package could not be made (${error.message}). Reload the page and try again.`;
    }
  };
  const bar = el("div", { class: "stc-filters" });
  for (const [, wrap] of filters) bar.append(wrap);
  if (hasCheckUps) {
    const about = el("p", {}, "");
    about.append(
      "Check-ups measure whether students get better at telling unsupported claims from supported ones, not only at flagging more. ",
      el("a", { href: links.get("page:check-ups") }, "How check-ups work"),
      ".",
    );
    const group = el("fieldset", { class: "stc-check-ups" }, el("legend", {}, "Check-ups"));
    group.append(about, checkUpsLabel, checkUpsNote);
    root.append(group);
  }
  root.append(bar, list);
  root.append(field("Assignment name", name), create, field("Link for your students", link), copy, " ", lms, status);
}
