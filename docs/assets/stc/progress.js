/* The progress page: each exercise's saved status and best result, and progress exported or
   imported as a file. An imported file is checked entry by entry with the same rules as
   saved progress and refused whole if anything is wrong; it never replaces a better result. */
import facts from "./facts.js";
import { parseProgressFile } from "./files.js";
import { describe, rank } from "./scoring.js";
import { keepAside, readAll, storage, writable, write } from "./storage.js";
import { button, download, el, plural } from "./util.js";

function status(record, version) {
  if (!record) return "Not started";
  if (record.version !== version) return "Changed since you worked on it: start again";
  let text = record.checked && record.result ? `Checked: ${describe(record.result)}` : "Started";
  if (record.best && (!record.checked || describe(record.best) !== describe(record.result))) {
    text += ` · best: ${describe(record.best)}`;
  }
  return text;
}

function fill() {
  const records = readAll();
  for (const cell of document.querySelectorAll("[data-stc-status]")) {
    cell.textContent = status(records.get(cell.getAttribute("data-stc-status")), cell.getAttribute("data-version"));
  }
}

/** What to keep when a file brings a record for an exercise already saved here, given
    the exercise's current version: never a stale record over a current one, the newer work
    of two current ones, and always the better best result, so that nothing is lost. */
export function merge(saved, incoming, current) {
  if (!saved) return incoming;
  if (incoming.version !== saved.version) return saved.version === current || incoming.version !== current ? saved : incoming;
  const newer = incoming.at > saved.at ? incoming : saved;
  const bests = [saved.best, incoming.best].filter(Boolean);
  const best = bests.length ? bests.reduce((a, b) => (rank(b) > rank(a) ? b : a)) : null;
  return { ...newer, best };
}

export function mountProgress(page) {
  if (page.hasAttribute("data-stc-mounted")) return;
  page.setAttribute("data-stc-mounted", "");
  const versions = new Map(
    [...document.querySelectorAll("[data-stc-status]")].map((cell) => [
      cell.getAttribute("data-stc-status"),
      cell.getAttribute("data-version"),
    ]),
  );
  const known = new Set(versions.keys());
  const message = el("p", { role: "status" });
  const exportButton = button("Export progress");
  const label = el("label", { class: "md-button" }, "Import progress");
  const input = el("input", { type: "file", accept: "application/json,.json", class: "stc-file" });
  label.append(input);
  page.textContent = "";
  page.append(exportButton, " ", label, message);
  if (!storage()) message.textContent = "This browser blocks storage, so no progress can be saved or imported here.";
  else if (!writable())
    message.textContent = "This browser's storage is full: your progress is shown, but nothing new can be saved or imported.";

  exportButton.addEventListener("click", () => {
    const body = {
      format: facts.formats.progress,
      version: facts.formats.version,
      exported: new Date().toISOString(),
      exercises: Object.fromEntries(readAll()),
    };
    download("spot-the-claim-progress.json", "application/json", JSON.stringify(body, null, 2));
    message.textContent = "Progress exported as spot-the-claim-progress.json.";
  });

  input.addEventListener("change", async () => {
    const file = input.files[0];
    input.value = "";
    if (!file) return;
    if (file.size > facts.limits.progressFileBytes) {
      message.textContent = "The file is too large to be a progress file.";
      return;
    }
    const parsed = parseProgressFile(await file.text(), known);
    if (parsed.problem) {
      message.textContent = parsed.problem;
      return;
    }
    const saved = readAll();
    const written = parsed.entries.filter(([id, record]) => {
      const old = saved.get(id);
      const kept = merge(old, record, versions.get(id));
      if (kept === old) return true;
      if (old && old.version !== kept.version && !keepAside(id, old)) return false; // never lose it
      return write(id, kept);
    }).length;
    message.textContent =
      written === parsed.entries.length
        ? `Imported progress for ${plural(written, "exercise")}.`
        : `Only ${written} of ${parsed.entries.length} entries could be saved: storage is blocked or full.`;
    fill();
  });
  fill();
}
