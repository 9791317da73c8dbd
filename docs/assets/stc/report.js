/* The class report: every file a teacher loads is untrusted, checked field by field,
   scored again from its picks, and shown only as text. */
import facts from "./facts.js";
import { readJson, resultsFileProblem, sameName } from "./files.js";
import { describe, LEVELS, rescore } from "./scoring.js";
import { button, download, el, field, plural } from "./util.js";

/** Read one chosen file: its parsed content, or why it cannot be used. Each file is read
    on its own, so one that cannot be read is reported and the others still load. */
async function readResultsFile(file) {
  if (file.size > facts.limits.resultsFileBytes) return { problem: "too large to be a results file" };
  let text;
  try {
    text = await file.text();
  } catch {
    return { problem: "it could not be read" };
  }
  const parsed = readJson(text);
  if (parsed.twice !== undefined) return { problem: `it gives \u201c${parsed.twice.slice(0, 60)}\u201d more than once in one place` };
  if (!("content" in parsed)) return { problem: "not a results file: its text is not JSON, the form results files are saved in" };
  return parsed;
}

export function report(root, data) {
  const byId = new Map(data.map((e) => [e.id, e]));
  const input = el("input", { type: "file", multiple: "", accept: "application/json,.json" });
  const drop = el("div", { class: "stc-drop" }, "Or drop the files here.");
  const out = el("div", { class: "stc-report" });
  root.append(field("Choose results files", input), drop, out);
  input.onchange = () => load(input.files);
  drop.ondragover = (event) => event.preventDefault();
  drop.ondrop = (event) => {
    event.preventDefault();
    load(event.dataTransfer.files);
  };

  async function load(fileList) {
    out.textContent = ""; // a report on screen always belongs to the files just chosen
    const files = [...fileList];
    const read = await Promise.all(files.map(readResultsFile));
    build(
      files,
      read.map((r) => r.content),
      read.map((r) => r.problem ?? judged(r.content)),
    );
  }

  function judged(content) {
    try {
      return resultsFileProblem(content, byId);
    } catch {
      return "it could not be checked";
    }
  }

  function build(files, parsed, reasons) {
    const names = new Map();
    parsed.forEach((p, i) => {
      if (!reasons[i]) names.set(p.assignment, (names.get(p.assignment) || 0) + 1);
    });
    const assignmentName = [...names].sort((a, b) => b[1] - a[1])[0]?.[0];
    const students = new Set();
    const accepted = [];
    parsed.forEach((p, i) => {
      if (reasons[i]) return;
      const who = sameName(p.student);
      if (p.assignment !== assignmentName) reasons[i] = `it is from another assignment, \u201c${p.assignment}\u201d`;
      else if (students.has(who)) reasons[i] = `another file for the same student, ${p.student}`;
      else {
        students.add(who);
        accepted.push(p);
      }
    });

    out.textContent = "";
    const fileList = el("ul", { class: "stc-files" });
    files.forEach((f, i) => {
      fileList.append(el("li", {}, `${f.name}: ${reasons[i] ? `refused, ${reasons[i]}` : `read (${parsed[i].student})`}`));
    });
    out.append(el("h2", {}, "Files"), fileList);
    if (!accepted.length) {
      out.append(el("p", {}, "No results to show yet."));
      return;
    }

    // Every score is worked out again here from the picks; a score a file states is ignored.
    const entries = accepted.map((p) => new Map(p.exercises.map((x) => [x.id, { ...x, result: rescore(byId.get(x.id), x) }])));
    const ids = data.map((e) => e.id).filter((id) => entries.some((m) => m.has(id)));

    // Per student and exercise: the same cells feed the table and the CSV.
    const header = ["Student", ...ids.map((id) => byId.get(id).title)];
    const rows = accepted.map((p, s) => [
      p.student,
      ...ids.map((id) => {
        const x = entries[s].get(id);
        return !x ? "not assigned" : x.result ? describe(x.result) : "not checked";
      }),
    ]);
    const table = el("table");
    const head = el("tr");
    for (const h of header) head.append(el("th", { scope: "col" }, h));
    table.append(el("thead", {}, head));
    const body = el("tbody");
    for (const row of rows) {
      const tr = el("tr");
      row.forEach((cell, i) => {
        tr.append(el(i ? "td" : "th", i ? {} : { scope: "row" }, cell));
      });
      body.append(tr);
    }
    table.append(body);
    const csv = button("Download CSV");
    csv.onclick = () => {
      const quote = (cell) =>
        `"${String(cell)
          .replace(/^[=+\-@\t\r]/, "'$&")
          .replace(/"/g, '""')}"`;
      download("class-report.csv", "text/csv", `${[header, ...rows].map((r) => r.map(quote).join(",")).join("\r\n")}\r\n`);
    };
    out.append(
      el("h2", {}, `Assignment: ${assignmentName} · ${plural(accepted.length, "student")}`),
      el("div", { class: "md-typeset__table" }, table),
      csv,
    );

    // Rubric levels across every checked exercise.
    const levels = new Map(LEVELS.map((level) => [level, 0]));
    for (const m of entries) for (const x of m.values()) if (x.result) levels.set(x.result.level, levels.get(x.result.level) + 1);
    const dist = el("ul", { class: "stc-levels" });
    for (const [level, n] of levels) dist.append(el("li", {}, `${level}: ${n}`));
    out.append(el("h2", {}, "Levels reached"), dist);

    // Each unsupported claim: how many of the students who checked the exercise found it.
    const claims = [];
    for (const id of ids) {
      for (const target of byId.get(id).targets) {
        let checked = 0;
        let found = 0;
        for (const m of entries) {
          const x = m.get(id);
          if (x?.result) {
            checked += 1;
            found += x.picks.includes(target.unit);
          }
        }
        if (checked) claims.push({ exercise: byId.get(id), target, missed: checked - found, checked });
      }
    }
    claims.sort((a, b) => b.missed / b.checked - a.missed / a.checked || b.missed - a.missed);
    const list = el("ol", { class: "stc-claims" });
    for (const c of claims) {
      const item = el("li", {}, el("p", {}, `Missed by ${c.missed} of ${c.checked} · ${c.exercise.title}, sentence ${c.target.unit}`));
      item.append(el("blockquote", {}, c.target.quote), el("p", {}, c.target.explanation));
      list.append(item);
    }
    out.append(el("h2", {}, "Claims, most missed first"), claims.length ? list : el("p", {}, "No spot exercise has been checked yet."));
  }
}
