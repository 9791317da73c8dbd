/* An LMS package (SCORM 1.2) for one assignment, made in the browser from the site's
   package of every exercise: the same pages, with the launch page's exercise list and the
   manifest's names made the assignment's. Nothing but those two files changes. */
import { xmlCharacters } from "./util.js";
import { makeZip, readZip } from "./zip.js";

const LAUNCH = "launch.html";
const MANIFEST = "imsmanifest.xml";

/** FNV-1a of a text, as 8 hex digits: a package's identifier from its contents. */
function fnv(text) {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

const SEARCH = { "search/search_index.json": "json", "search/search_index.js": "script" };
const SCRIPT_START = "var __index = ";

/** Rewrites a search index file (`search/search_index.json`, or the script that gives it to
    pages opened from disk) to list only the `pages` a package holds: a result must lead
    somewhere in it. */
function searchOnly(pages, decoder) {
  return (file, bytes) => {
    const text = decoder.decode(bytes);
    const script = SEARCH[file] === "script";
    const index = JSON.parse(script ? text.trim().slice(SCRIPT_START.length).replace(/;$/u, "") : text);
    index.docs = index.docs.filter((doc) => pages.has(doc.location.split("#")[0] || "index.html"));
    const json = JSON.stringify(index);
    return script ? `${SCRIPT_START}${json.replace(/</g, "\\u003c")};\n` : json;
  };
}

/** The zip of the assignment `{ title, ids }`'s package, from the bytes of the package of
    every exercise. Exercises the package does not hold are left out; throws when none is
    left or the package is not one of the site's. */
export async function assignmentPackage(allExercises, { title, ids }) {
  const entries = await readZip(allExercises);
  const files = new Map(entries);
  if (!files.has(LAUNCH) || !files.has(MANIFEST)) throw new Error("not one of the site's LMS packages");
  const decoder = new TextDecoder();
  const page = new DOMParser().parseFromString(decoder.decode(files.get(LAUNCH)), "text/html");
  const script = page.getElementById("stc-package-data");
  const [data] = JSON.parse(script.textContent);
  const byId = new Map(data.exercises.map((exercise) => [exercise.id, exercise]));
  const exercises = ids.filter((id) => byId.has(id)).map((id) => byId.get(id));
  if (!exercises.length) throw new Error("none of the assignment's exercises is in the package");
  // The assignment's pages: the kit's, less the exercises the assignment leaves out.
  const leftOut = new Set(data.exercises.filter((exercise) => !exercises.includes(exercise)).map((exercise) => exercise.href));
  const pages = (Array.isArray(data.pages) ? data.pages : []).filter((page) => !leftOut.has(page));
  // The manifest's title is at most 200 characters of XML text (IMS CP 1.1.2).
  // Cut by characters, not UTF-16 units, so that no character is cut in two.
  const name = [...xmlCharacters(`Spot the Claim: ${title}`)].slice(0, 200).join("");
  const identifier = `spot-the-claim-assignment-${fnv(`${title}\n${ids.join(",")}`)}`;
  // Text set as text: the title cannot become markup; "<" in the data cannot end its script.
  script.textContent = JSON.stringify([{ ...data, identifier, title: name, exercises, pages }]).replace(/</g, "\\u003c");
  page.title = name;
  page.querySelector(".stc-package__title").textContent = name;
  const launch = `<!doctype html>\n${page.documentElement.outerHTML}\n`;
  const xml = new DOMParser().parseFromString(decoder.decode(files.get(MANIFEST)), "application/xml");
  xml.documentElement.setAttribute("identifier", identifier);
  for (const node of xml.getElementsByTagName("title")) node.textContent = name;
  // The pages of the exercises left out go, and the manifest no longer lists them.
  const kept = entries.filter(([file]) => !leftOut.has(file));
  for (const node of [...xml.getElementsByTagName("file")]) {
    if (!leftOut.has(node.getAttribute("href"))) continue;
    // The line the file stood on goes with it.
    if (node.previousSibling?.nodeType === Node.TEXT_NODE) node.previousSibling.remove();
    node.remove();
  }
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(xml.documentElement)}\n`;
  const search = searchOnly(new Set(kept.map(([file]) => file)), decoder);
  return makeZip(
    kept.map(([file, bytes]) => [
      file,
      file === LAUNCH ? launch : file === MANIFEST ? manifest : Object.hasOwn(SEARCH, file) ? search(file, bytes) : bytes,
    ]),
  );
}
