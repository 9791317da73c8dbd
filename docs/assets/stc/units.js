/* The sentences a learner picks, on an exercise and on a check-up: each is a checkbox, picked
   by a click, Space or Enter, with the arrow keys moving between them. */

const MOVES = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/** Make `units` pickable: `picked(n)` says whether sentence n is picked, `toggle(unit)` picks
    or unpicks it (and says so on the unit). */
export function pickable(units, picked, toggle) {
  units.forEach((unit, i) => {
    unit.setAttribute("role", "checkbox");
    unit.setAttribute("tabindex", "0");
    unit.setAttribute("aria-checked", picked(Number(unit.getAttribute("data-unit"))));
    unit.onclick = () => toggle(unit);
    unit.onkeydown = (event) => {
      const next = units[i + (MOVES[event.key] ?? Number.NaN)];
      if (event.key === " " || event.key === "Enter") toggle(unit);
      else if (next) next.focus();
      else return;
      event.preventDefault();
    };
  });
}
