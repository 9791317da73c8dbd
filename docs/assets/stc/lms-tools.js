/* The teachers' page for LMSs: the Common Cartridge button. The cartridge's links are the
   addresses of the pages as this browser reaches them, so they point wherever the site is
   hosted; from the offline copy there is no address to point at. */
import { downloadCartridge } from "./cartridge.js";
import { button, el } from "./util.js";

// Addresses that lead to the computer the page is open on, not to a site others can reach.
const LOCAL = /^(localhost|127(\.\d+){3}|\[::1\]|0\.0\.0\.0)$|\.localhost$/u;

export function lmsTools(root, articles, links) {
  if (location.protocol === "file:") {
    root.append(el("p", {}, "A cartridge links to the website: make it on this page there, not from the offline copy."));
    return;
  }
  const make = button("Download the Common Cartridge", true);
  const status = el("p", { role: "status" });
  make.onclick = async () => {
    const linked = articles.map((article) => ({
      title: article.title,
      url: links.get(`article:${article.id}`),
      exercises: article.exercises.map((id) => ({ title: article.titles[id], url: links.get(`exercise:${id}`) })),
    }));
    await downloadCartridge("Spot the Claim", linked);
    status.textContent = LOCAL.test(location.hostname)
      ? `Cartridge downloaded, but its links start ${location.origin}, an address of this computer only: your students' computers cannot open them. Make the cartridge from the site as your students reach it.`
      : "Cartridge downloaded as spot-the-claim-common-cartridge.imscc: import it into your course.";
  };
  root.append(make, status);
}
