/* The assignment builder, the student's assignment page and the class report. Everything
   runs in this browser: an assignment is a link, results travel as files the student
   chooses to hand in, and every file a teacher loads is untrusted, checked field by field,
   scored again from its picks, and shown only as text. */
import facts from "./facts.js";
import { readJson, resultsFileProblem, sameName, withoutHidden } from "./files.js";
import { emptyRecord, isName } from "./records.js";
import { describe, LEVELS, scoreCompare, scoreSpot } from "./scoring.js";
import { readAll, readSetting, writeSetting } from "./storage.js";
import { builtLinks, button, download, el, embeddedData, field, plural } from "./util.js";

function select(label, options) {
  const control = el("select");
  for (const [value, text] of options) control.append(el("option", { value }, text));
  return field(label, control);
}

/** The score of one exercise in a results file, worked out again from its picks. */
export function rescore(exercise, entry) {
  if (!entry.checked) return null;
  if (exercise.kind === "compare") return entry.verdict ? scoreCompare(exercise.reference, entry.verdict) : null;
  return entry.picks.length ? scoreSpot(exercise.answers, entry.picks, entry.why) : null;
}

/* ---------- the teacher picks exercises and gets a link ---------- */

function assign(root, data, links) {
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
  const name = el("input", { type: "text", maxlength: String(facts.limits.name), autocomplete: "off" });
  const link = el("input", { type: "text", readonly: "" });
  const status = el("p", { role: "status" });
  const create = button("Create link", true);
  const copy = button("Copy link");
  copy.hidden = true;

  function applyFilters() {
    for (const b of boxes) {
      b.label.hidden = !filters.every(([key, wrap]) => {
        const wanted = wrap.querySelector("select").value;
        return !wanted || [].concat(b.exercise[key]).map(String).includes(wanted);
      });
    }
  }
  for (const [, wrap] of filters) wrap.querySelector("select").onchange = applyFilters;

  create.onclick = () => {
    const ids = boxes.filter((b) => b.box.checked).map((b) => b.exercise.id);
    if (!name.value.trim()) {
      status.textContent = "Give the assignment a name first.";
      return;
    }
    if (!ids.length) {
      status.textContent = "Tick at least one exercise first.";
      return;
    }
    const url = new URL(links.get("page:assignment"));
    url.search = new URLSearchParams({ name: name.value.trim(), ex: ids.join(",") });
    link.value = url.href;
    copy.hidden = false;
    status.textContent = `Link created for ${plural(ids.length, "exercise")}. Copy it and share it with your students.`;
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
  const bar = el("div", { class: "stc-filters" });
  for (const [, wrap] of filters) bar.append(wrap);
  root.append(bar, list, field("Assignment name", name), create, field("Link for your students", link), copy, status);
}

/* ---------- the student works through the set and downloads a results file ---------- */

function assignment(root, data, links) {
  const params = new URLSearchParams(location.search);
  const byId = new Map(data.map((e) => [e.id, e]));
  const named = (params.get("ex") || "")
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean);
  const listed = [...new Set(named)];
  const repeated = named.length - listed.length;
  const ids = listed.filter((id) => byId.has(id));
  const unknown = listed.length - ids.length;
  const title = withoutHidden(params.get("name") || "").slice(0, facts.limits.name);
  if (!ids.length || !title.trim()) {
    root.append(el("p", {}, "This link does not name an assignment with exercises on this site. Ask your teacher for the link again."));
    return;
  }
  const records = readAll();
  const current = (id) => {
    const record = records.get(id);
    return record && record.version === byId.get(id).version ? record : null;
  };
  const list = el("ol", { class: "stc-assignment" });
  for (const id of ids) {
    const record = current(id);
    const item = el("li", {}, el("a", { href: links.get(`exercise:${id}`) }, byId.get(id).title));
    item.append(` · ${record?.checked ? `checked: ${describe(record.result)}` : record ? "started" : "not started"}`);
    list.append(item);
  }
  const done = ids.filter((id) => current(id)?.checked).length;
  const student = el("input", { type: "text", maxlength: String(facts.limits.name), autocomplete: "name" });
  student.value = readSetting("student");
  student.oninput = () => writeSetting("student", student.value);
  const status = el("p", { role: "status" }, `You have checked ${done} of ${ids.length} exercises.`);
  const save = button("Download my results", true);
  save.onclick = () => {
    const who = withoutHidden(student.value).trim().slice(0, facts.limits.name);
    if (!isName(who)) {
      status.textContent = "Type your name first.";
      return;
    }
    const results = {
      format: facts.formats.results,
      version: facts.formats.version,
      assignment: title.trim(),
      student: who,
      created: new Date().toISOString(),
      exercises: ids.map((id) => {
        const exercise = byId.get(id);
        const r = current(id) || emptyRecord(exercise.version);
        return {
          id,
          version: exercise.version,
          kind: exercise.kind,
          picks: r.picks,
          why: r.why,
          verdict: r.verdict,
          note: r.note,
          checked: r.checked,
          result: r.result,
          updated: r.at,
        };
      }),
    };
    const fileName = `results-${`${title}-${who}`.replace(/[^\w-]+/g, "-").slice(0, 80)}.json`;
    download(fileName, "application/json", JSON.stringify(results, null, 2));
    status.textContent = `Results downloaded (${done} of ${ids.length} exercises checked). Hand the file in as your teacher asks.`;
  };
  root.append(el("h2", {}, `Assignment: ${title}`));
  if (unknown) {
    root.append(
      el(
        "p",
        { class: "stc-notice" },
        `${plural(unknown, "exercise")} in this link ${unknown === 1 ? "is" : "are"} not on this site and left out. Tell your teacher.`,
      ),
    );
  }
  if (repeated) {
    root.append(
      el("p", { class: "stc-notice" }, `This link names ${plural(repeated, "exercise")} more than once; each is listed once here.`),
    );
  }
  root.append(list, field("Your name", student), save, status);
}

/* ---------- the teacher loads the class's files ---------- */

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

function report(root, data) {
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

const TOOLS = { assign, assignment, report };

export function mountTool(root) {
  if (root.hasAttribute("data-stc-mounted")) return;
  root.setAttribute("data-stc-mounted", "");
  const data = embeddedData(root);
  root.querySelector(".stc-tool__nojs").remove();
  TOOLS[root.getAttribute("data-stc-teacher")](root, data, builtLinks());
}
