"""A "skip" link first on every page, for keyboard and screen-reader users.

Material writes its own ("Skip to content") only on pages whose table of contents has an
entry, so the pages with no headings (exercises, the teachers' tools) had none. A built
page without one gets it here: "Skip to the exercise" on an exercise page, "Skip to content"
elsewhere, in the place and with the class Material gives its own, so it looks and behaves
the same and instant navigation swaps it with the page.
"""

from __future__ import annotations

import re

EXERCISE_ANCHOR = "the-exercise"
"""The id of an exercise page's exercise (set in `exercise.md.j2`)."""
CONTENT_ANCHOR = "stc-content"

_EMPTY_SKIP = re.compile(r'<div data-md-component="skip">\s*</div>')
_CONTENT = '<article class="md-content__inner md-typeset">'


def add_skip_link(html: str) -> str:
    """`html` (a built page) with a skip link if Material wrote none; else unchanged."""
    empty = _EMPTY_SKIP.search(html)
    if empty is None:
        return html
    if f'id="{EXERCISE_ANCHOR}"' in html:  # author text cannot hold a raw quote: it is escaped
        target, label = EXERCISE_ANCHOR, "Skip to the exercise"
    elif _CONTENT in html:
        target, label = CONTENT_ANCHOR, "Skip to content"
        html = html.replace(
            _CONTENT, f'<article class="md-content__inner md-typeset" id="{target}">', 1
        )
    else:
        return html
    link = f'<div data-md-component="skip"><a href="#{target}" class="md-skip">{label}</a></div>'
    return _EMPTY_SKIP.sub(link, html, count=1)
