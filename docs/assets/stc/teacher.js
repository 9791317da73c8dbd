/* The teachers' tools and the student's assignment page. Everything runs in this browser:
   an assignment is a link, results travel as files the student chooses to hand in. */
import { assign } from "./assign.js";
import { assignment } from "./assignment.js";
import { lmsTools } from "./lms-tools.js";
import { report } from "./report.js";
import { builtLinks, embeddedCheckUps, embeddedData } from "./util.js";

const TOOLS = { assign, assignment, report, lms: lmsTools };

export function mountTool(root) {
  if (root.hasAttribute("data-stc-mounted")) return;
  root.setAttribute("data-stc-mounted", "");
  const data = embeddedData(root);
  root.querySelector(".stc-tool__nojs").remove();
  TOOLS[root.getAttribute("data-stc-teacher")](root, data, builtLinks(), embeddedCheckUps(root));
}
