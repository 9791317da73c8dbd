/* What a checked sentence turned out to be, in a word and a sign, as exercises and
   check-ups show it. */
import { el } from "./util.js";

/** Each outcome's sign and word; the sign is decoration, the word says it. */
export const OUTCOMES = {
  found: { sign: "✓", word: "Found" },
  missed: { sign: "!", word: "Missed" },
  wrong: { sign: "✗", word: "Wrong pick" },
  fine: { sign: "✓", word: "Fine to leave" },
  unscored: { sign: "○", word: "Not scored" },
  key: { sign: "▸", word: "" },
};

/** Text with a decorative sign before it that screen readers skip. */
export function signed(sign, text) {
  const span = el("span", {}, el("span", { class: "stc-sign", "aria-hidden": "true" }, `${sign} `));
  span.append(text);
  return span;
}
