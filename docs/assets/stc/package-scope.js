/* An exercise page inside an LMS package keeps the learner inside the package: links to the
   package's own pages work as ever, links to pages it leaves out (other exercises, the
   teachers' pages) become plain text, and links to other sites open in a new tab instead
   of replacing the course's frame. The launch page lists the package's pages. */

/** The launch page's list of the package's pages, as URLs, or null outside a package. */
function packagePages() {
  try {
    const pages = window.parent !== window ? window.parent.stcPackage?.pages : null;
    if (!Array.isArray(pages)) return null;
    const root = new URL(".", window.parent.location.href);
    return new Set(pages.map((page) => new URL(page, root).pathname));
  } catch {
    return null; // opened from disk, or not framed by a package: nothing to keep to
  }
}

/** "page" for a link within the package, "outside" for another site, "left out" for a page
    of the site the package does not hold. */
function placeOf(link, pages) {
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin) return "outside";
  return pages.has(url.pathname) ? "page" : "left out";
}

function keepToPackage(pages) {
  for (const link of document.querySelectorAll("a[href]")) {
    if (link.closest(".stc-links")) continue; // the build's hidden links, read by scripts
    const place = placeOf(link, pages);
    if (place === "outside") {
      link.target = "_blank";
      link.rel = "noopener noreferrer";
    } else if (place === "left out") {
      const text = document.createElement("span");
      text.className = "stc-left-out";
      text.append(...link.childNodes);
      link.replaceWith(text);
    }
  }
}

/** The ids of the package's exercises in its order, or null outside a package. */
export function packageExercises() {
  try {
    const ids = window.parent !== window ? window.parent.stcPackage?.exercises : null;
    return Array.isArray(ids) ? ids.filter((id) => typeof id === "string") : null;
  } catch {
    return null;
  }
}

let watching = false;

/** Keep this page's links to the package, when it is in one; a link made later is kept to
    it when followed. */
export function scopeToPackage() {
  const pages = packagePages();
  if (!pages) return;
  keepToPackage(pages);
  if (watching) return;
  watching = true;
  document.addEventListener(
    "click",
    (event) => {
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!link || link.closest(".stc-links")) return;
      const place = placeOf(link, pages);
      if (place === "left out") event.preventDefault();
      else if (place === "page" && (event.ctrlKey || event.metaKey || event.shiftKey)) {
        // A page of the package opened on its own would be outside the course: it opens here.
        event.preventDefault();
        location.href = link.href;
      } else if (place === "outside" && link.target !== "_blank") {
        event.preventDefault();
        window.open(link.href, "_blank", "noopener,noreferrer");
      }
    },
    true,
  );
  document.addEventListener(
    "auxclick",
    (event) => {
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (link && event.button === 1 && placeOf(link, pages) !== "outside") event.preventDefault();
    },
    true,
  );
}
