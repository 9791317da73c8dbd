/* Site-wide fixes that run on every page, including after instant navigation. */
document$.subscribe(function () {
  // Material's search dialog has role="dialog" but no accessible name.
  var dialog = document.querySelector('.md-search[role="dialog"]');
  if (dialog && !dialog.hasAttribute("aria-label")) {
    dialog.setAttribute("aria-label", "Search");
  }
});
