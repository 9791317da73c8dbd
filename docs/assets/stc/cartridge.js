/* A Common Cartridge 1.3 of web links, for importing the site into Canvas, Schoology or
   Moodle: one module per article, holding a link to the article and one to each of its
   exercises, in the site's order. Made in the browser from the addresses the teacher is
   reading the site at, so that it points wherever the site is hosted. The files are made by
   pure functions (for Node's tests); `downloadCartridge` zips and downloads them. */
import { download } from "./downloads.js";
import { xmlCharacters } from "./util.js";
import { makeZip } from "./zip.js";

const CP = "http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1";
const LOM = "http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest";
const WEB_LINK = "http://www.imsglobal.org/xsd/imsccv1p3/imswl_v1p3";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";
const PROFILE = "http://www.imsglobal.org/profile/cc/ccv1p3";
export const WEB_LINK_TYPE = "imswl_xmlv1p3";

/** Text or an attribute value for XML: the five special characters escaped, and characters
    XML 1.0 cannot hold at all dropped. */
export function xmlText(text) {
  return xmlCharacters(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export function webLink(title, url) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<webLink xmlns="${WEB_LINK}" xmlns:xsi="${XSI}" xsi:schemaLocation="${WEB_LINK} ${PROFILE}/ccv1p3_imswl_v1p3.xsd">
  <title>${xmlText(title)}</title>
  <url href="${xmlText(url)}" target="_blank"/>
</webLink>
`;
}

/** Every file of the cartridge as [name, text]: `imsmanifest.xml` and one web link file per
    link. `articles` is [{ title, url, exercises: [{ title, url }] }] in the site's order. */
export function cartridgeFiles(siteTitle, articles) {
  const files = [];
  const resources = [];
  let n = 0;
  const link = (title, url) => {
    n += 1;
    const id = `R${String(n).padStart(4, "0")}`;
    files.push([`${id}/weblink.xml`, webLink(title, url)]);
    resources.push(`    <resource identifier="${id}" type="${WEB_LINK_TYPE}">\n      <file href="${id}/weblink.xml"/>\n    </resource>`);
    return `        <item identifier="I${id}" identifierref="${id}">\n          <title>${xmlText(title)}</title>\n        </item>`;
  };
  const modules = articles.map((article, i) => {
    const items = [link(`Read the article: ${article.title}`, article.url), ...article.exercises.map((e) => link(e.title, e.url))];
    return `      <item identifier="M${String(i + 1).padStart(4, "0")}">\n        <title>${xmlText(article.title)}</title>\n${items.join("\n")}\n      </item>`;
  });
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="spot-the-claim-cartridge" xmlns="${CP}" xmlns:lomimscc="${LOM}" xmlns:xsi="${XSI}" xsi:schemaLocation="${CP} ${PROFILE}/ccv1p3_imscp_v1p2_v1p0.xsd ${LOM} ${PROFILE}/LOM/ccv1p3_lommanifest_v1p0.xsd">
  <metadata>
    <schema>IMS Common Cartridge</schema>
    <schemaversion>1.3.0</schemaversion>
    <lomimscc:lom>
      <lomimscc:general>
        <lomimscc:title>
          <lomimscc:string language="en">${xmlText(siteTitle)}</lomimscc:string>
        </lomimscc:title>
      </lomimscc:general>
    </lomimscc:lom>
  </metadata>
  <organizations>
    <organization identifier="ORG" structure="rooted-hierarchy">
      <item identifier="ROOT">
${modules.join("\n")}
      </item>
    </organization>
  </organizations>
  <resources>
${resources.join("\n")}
  </resources>
</manifest>
`;
  return [["imsmanifest.xml", manifest], ...files];
}

/** The cartridge of the site's articles and exercises, from the page's built links, as a
    download. The links are made absolute against this page's own address. */
export async function downloadCartridge(siteTitle, articles) {
  const zip = await makeZip(cartridgeFiles(siteTitle, articles));
  download("spot-the-claim-common-cartridge.imscc", "application/zip", zip);
}
