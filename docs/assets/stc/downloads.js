/* Files this site hands out: a student's results, a class report's CSV, exported progress.
   Handing over a file is the only way data leaves the site. */
import { el } from "./util.js";

/** A download's file name from its parts, in characters every system accepts: letters
    lose their accents, each run of characters other than A-Z, a-z, 0-9 and _ becomes one
    hyphen, each part keeps at most 60 characters, and a part left empty is dropped:
    ["results", "Week 1: élèves", "Zoë"], "json" → "results-Week-1-eleves-Zoe.json". */
export function fileName(parts, extension) {
  const safe = (part) =>
    part
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .replace(/[^A-Za-z0-9_]+/g, "-")
      .slice(0, 60)
      .replace(/^-+|-+$/g, "");
  return `${parts.map(safe).filter(Boolean).join("-")}.${extension}`;
}

/** Today's date in this browser's time zone, as YYYY-MM-DD. */
export function today(now = new Date()) {
  const two = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/** Hand over a file, as the browser's download. */
export function download(name, type, body) {
  const link = el("a", { href: URL.createObjectURL(new Blob([body], { type })), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
