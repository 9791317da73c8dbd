/* The class report's check-ups: each student's d′ and c before and after, the class's mean
   change with its spread, a chart of both drawn as SVG with a text alternative and a data
   table beside it, and the CSV's columns. A check-up whose sentences the student had
   practised first is shown, marked, and left out of the class's figures. */
import { classChange, otherForm, STAGES, scoreCheckUp } from "./check-up-rules.js";
import { el, plural } from "./util.js";

const SVG = "http://www.w3.org/2000/svg";

/** A student's check-ups from their results file: { before, after }, each null or
    { form, practised, hits, misses, falseAlarms, correctRejections, figures }. */
export function checkUpsOf(file, forms) {
  const taken = { before: null, after: null };
  for (const entry of file.checkUps ?? []) {
    taken[entry.stage] = {
      form: entry.form,
      practised: entry.practised.length > 0,
      blank: entry.picks.length === 0,
      ...scoreCheckUp(forms[entry.form], entry.picks),
    };
  }
  return taken;
}

/** The figures a stage counts with in the class's figures: none if practised first, or if
    handed in with nothing flagged (more likely not attempted than a judgement of all 16). */
const counted = (taken) => (taken && !taken.practised && !taken.blank ? taken.figures : null);

/** A figure to `places` decimals for the CSV ("" for none); -0.000 is written 0.000. */
export const fixed = (value, places = 2) =>
  value === null || value === undefined ? "" : (Math.round(value * 10 ** places) === 0 ? 0 : value).toFixed(places);
/** A figure as the page shows it, with a true minus sign. */
const shown = (value) => (value === null || value === undefined ? "" : fixed(value).replace(/^-/, "\u2212"));
/** A change as the page shows it: always with its sign. */
const signedFixed = (value) => `${fixed(value) === fixed(0) ? "" : value > 0 ? "+" : "\u2212"}${fixed(Math.abs(value))}`;

/** The class's change, over the students with both check-ups not practised first. */
export function classFigures(students) {
  return classChange(students.map((s) => ({ before: counted(s.checkUps.before), after: counted(s.checkUps.after) })));
}

/** How many of the students counted in the class's change started with each form (the
    stable rule splits a class about evenly). */
export function orderCounts(students) {
  const counts = {};
  for (const s of students.filter((t) => counted(t.checkUps.before) && counted(t.checkUps.after))) {
    const first = s.checkUps.before?.form ?? (s.checkUps.after && otherForm(s.checkUps.after.form));
    if (first) counts[first] = (counts[first] ?? 0) + 1;
  }
  return counts;
}

/* ---- CSV ---- */

const STAGE_COLUMNS = [
  ["form", (t) => t.form],
  ["d\u2032", (t) => fixed(t.figures?.dPrime, 3)],
  ["c", (t) => fixed(t.figures?.criterion, 3)],
  ["claims caught", (t) => t.hits],
  ["claims", (t) => t.hits + t.misses],
  ["fine sentences flagged", (t) => t.falseAlarms],
  ["fine sentences", (t) => t.falseAlarms + t.correctRejections],
  ["practised first", (t) => Number(t.practised)],
  ["nothing flagged", (t) => Number(t.blank)],
];

/** The CSV's check-up columns: names, and each student's cells (empty where not taken). */
export function checkUpColumns() {
  const names = [
    ...STAGES.flatMap((stage) => STAGE_COLUMNS.map(([name]) => `Check-up ${stage} \u00b7 ${name}`)),
    "Check-ups \u00b7 change in d\u2032",
    "Check-ups \u00b7 change in c",
  ];
  const cells = (student) => {
    const taken = student.checkUps;
    const both = counted(taken.before) && counted(taken.after);
    return [
      ...STAGES.flatMap((stage) => STAGE_COLUMNS.map(([, value]) => (taken[stage] ? value(taken[stage]) : ""))),
      both ? fixed(taken.after.figures.dPrime - taken.before.figures.dPrime, 3) : "",
      both ? fixed(taken.after.figures.criterion - taken.before.figures.criterion, 3) : "",
    ];
  };
  return { names, cells };
}

/* ---- the chart ---- */

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Pre against post d′ per student (a line each), the class means (a thick line), and the
    mean change with its spread (a point and a bar of one standard deviation either side). */
export function chart(students, summary, id) {
  const pairs = students.filter((s) => counted(s.checkUps.before) && counted(s.checkUps.after));
  const values = pairs.flatMap((s) => [s.checkUps.before.figures.dPrime, s.checkUps.after.figures.dPrime]);
  const { change, spread } = summary.dPrime;
  // One scale for both panels: d′ on the left, the change in d′ on the right.
  const reach = [change - (spread ?? 0), change + (spread ?? 0)];
  const low = Math.floor(Math.min(0, ...values, ...reach)) - 0.5;
  const high = Math.ceil(Math.max(1, ...values, ...reach)) + 0.5;
  const [top, bottom, left] = [20, 250, 56];
  const y = (v) => top + ((high - v) / (high - low)) * (bottom - top);
  const x = { before: left + 30, after: left + 210 };
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const root = svg("svg", { viewBox: "0 0 480 300", class: "stc-chart", role: "img", "aria-labelledby": `${titleId} ${descId}` });
  root.append(
    svg("title", { id: titleId }, "Discernment (d\u2032) before and after, per student, and the class's mean change"),
    svg(
      "desc",
      { id: descId },
      `Each thin line joins one student's d\u2032 on the check-up before to their d\u2032 on the check-up after; ${plural(pairs.length, "student")}. ` +
        `The thick line joins the class's means: ${shown(summary.dPrime.before)} before, ${shown(summary.dPrime.after)} after. ` +
        `On the right, on the same scale, the mean change, ${signedFixed(change)}` +
        (spread === null
          ? ", with no spread for a single student."
          : `, with a bar one standard deviation (${fixed(spread)}) either side.`) +
        " The table beside the chart gives every figure.",
    ),
  );
  // Axis, ticks and zero line.
  root.append(svg("line", { x1: left, y1: top, x2: left, y2: bottom, class: "stc-chart__axis" }));
  for (let v = Math.ceil(low); v <= high; v += 1) {
    root.append(
      svg("line", { x1: left - 4, y1: y(v), x2: left + 250, y2: y(v), class: v === 0 ? "stc-chart__zero" : "stc-chart__grid" }),
      svg("text", { x: left - 8, y: y(v) + 4, "text-anchor": "end", class: "stc-chart__label" }, String(v).replace("-", "\u2212")),
    );
  }
  root.append(
    svg(
      "text",
      {
        x: 14,
        y: (top + bottom) / 2,
        transform: `rotate(-90 14 ${(top + bottom) / 2})`,
        "text-anchor": "middle",
        class: "stc-chart__label",
      },
      "d\u2032",
    ),
    svg("text", { x: x.before, y: bottom + 22, "text-anchor": "middle", class: "stc-chart__label" }, "Before"),
    svg("text", { x: x.after, y: bottom + 22, "text-anchor": "middle", class: "stc-chart__label" }, "After"),
  );
  for (const s of pairs) {
    const [b, a] = [s.checkUps.before.figures.dPrime, s.checkUps.after.figures.dPrime];
    const group = svg("g", { class: "stc-chart__student" });
    group.append(
      svg("title", {}, `${s.name}: ${shown(b)} before, ${shown(a)} after`),
      svg("line", { x1: x.before, y1: y(b), x2: x.after, y2: y(a) }),
      svg("circle", { cx: x.before, cy: y(b), r: 4 }),
      svg("circle", { cx: x.after, cy: y(a), r: 4 }),
    );
    root.append(group);
  }
  root.append(
    svg("line", { x1: x.before, y1: y(summary.dPrime.before), x2: x.after, y2: y(summary.dPrime.after), class: "stc-chart__mean" }),
  );
  // The mean change, on the same scale, from zero.
  const cx = 400;
  root.append(
    svg("line", { x1: cx - 24, y1: y(0), x2: cx + 24, y2: y(0), class: "stc-chart__zero" }),
    svg("text", { x: cx, y: bottom + 22, "text-anchor": "middle", class: "stc-chart__label" }, "Mean change"),
  );
  if (spread !== null) {
    root.append(svg("line", { x1: cx, y1: y(change - spread), x2: cx, y2: y(change + spread), class: "stc-chart__spread" }));
  }
  root.append(
    svg("circle", { cx, cy: y(change), r: 6, class: "stc-chart__change" }),
    // Beyond the end of the zero line, so that a minus sign is never drawn on it.
    svg("text", { x: cx + 30, y: y(change) + 4, class: "stc-chart__label" }, signedFixed(change)),
  );
  return root;
}

/* ---- the part of the page ---- */

function stageCells(taken) {
  if (!taken) return [el("td", {}, "not taken"), el("td", {}, ""), el("td", {}, ""), el("td", {}, "")];
  const note = taken.practised ? " (practised first)" : taken.blank ? " (nothing flagged)" : "";
  return [
    el("td", {}, `${taken.form}${note}`),
    el("td", {}, shown(taken.figures?.dPrime)),
    el("td", {}, shown(taken.figures?.criterion)),
    el("td", {}, `${taken.hits} of ${taken.hits + taken.misses}; ${taken.falseAlarms} of ${taken.falseAlarms + taken.correctRejections}`),
  ];
}

function dataTable(students) {
  const head = el("tr", {}, el("th", { scope: "col" }, "Student"));
  for (const stage of STAGES) {
    for (const name of ["form", "d\u2032", "c", "claims caught; fine sentences flagged"])
      head.append(el("th", { scope: "col" }, `${stage[0].toUpperCase()}${stage.slice(1)}: ${name}`));
  }
  head.append(el("th", { scope: "col" }, "Change in d\u2032"), el("th", { scope: "col" }, "Change in c"));
  const body = el("tbody");
  for (const s of students) {
    const row = el("tr", {}, el("th", { scope: "row" }, s.name));
    for (const stage of STAGES) row.append(...stageCells(s.checkUps[stage]));
    const [b, a] = [counted(s.checkUps.before), counted(s.checkUps.after)];
    row.append(
      el("td", {}, b && a ? signedFixed(a.dPrime - b.dPrime) : ""),
      el("td", {}, b && a ? signedFixed(a.criterion - b.criterion) : ""),
    );
    body.append(row);
  }
  const table = el("table", {}, el("thead", {}, head));
  table.append(body);
  return el("div", { class: "stc-scroll", role: "region", "aria-label": "Check-ups by student", tabindex: "0" }, table);
}

/** The report's check-up section, or [] when no file holds a check-up. */
export function checkUpsPart(students) {
  const taking = students.filter((s) => s.checkUps.before || s.checkUps.after);
  if (!taking.length) return [];
  const summary = classFigures(taking);
  const orders = orderCounts(taking);
  const practised = taking.filter((s) => s.checkUps.before?.practised || s.checkUps.after?.practised).length;
  const blank = taking.filter((s) => s.checkUps.before?.blank || s.checkUps.after?.blank).length;
  const words = [];
  if (summary.students) {
    const { dPrime, criterion } = summary;
    const spread = (s) => (s === null ? "" : ` (standard deviation ${fixed(s)})`);
    words.push(
      `${plural(summary.students, "student")} took both check-ups (neither practised first nor handed in blank). ` +
        `Mean d\u2032: ${shown(dPrime.before)} before, ${shown(dPrime.after)} after, a change of ${signedFixed(dPrime.change)}${spread(dPrime.spread)}. ` +
        `Mean c: ${shown(criterion.before)} before, ${shown(criterion.after)} after, a change of ${signedFixed(criterion.change)}${spread(criterion.spread)}.`,
    );
  } else words.push("No student has both check-ups yet (neither practised first nor handed in blank), so there is no change to show.");
  words.push(
    `Started with form A: ${orders.A ?? 0}; with form B: ${orders.B ?? 0}. ` +
      "d\u2032 is how well flags tell unsupported claims from supported sentences (0: no better than chance); c is how readily a student flags (below 0: flags more, above 0: flags less).",
  );
  if (practised)
    words.push(
      `${plural(practised, "student")} had practised a form's sentences before taking it: shown, marked, and left out of the class's figures.`,
    );
  if (blank) {
    words.push(
      `${plural(blank, "student")} handed a check-up in with nothing flagged: shown, marked, and left out of the class's figures.`,
    );
  }
  const [a, b] = [orders.A ?? 0, orders.B ?? 0];
  if (summary.students > 1 && Math.max(a, b) > 2 * Math.min(a, b)) {
    words.push(
      "Most of the class started with the same form. If one form is harder than the other, the mean change leans its way: compare the students who started with each form before reading much into it.",
    );
  }
  const part = [el("h2", {}, "Check-ups: before and after"), ...words.map((text) => el("p", {}, text))];
  const figure = el("div", { class: "stc-chart-pair" });
  if (summary.students) {
    const drawn = el("figure", { class: "stc-chart-figure" }, chart(taking, summary, "stc-check-up-chart"));
    drawn.append(
      el(
        "figcaption",
        {},
        `d\u2032 before and after for each student (thin lines) and the class's mean (thick line); right, on the same scale: the mean change, ${summary.dPrime.spread === null ? "(one student: no spread)" : "with one standard deviation either side"}.`,
      ),
    );
    figure.append(drawn);
  }
  figure.append(el("h3", {}, "Each student's check-ups"), dataTable(taking));
  part.push(figure);
  return part;
}
