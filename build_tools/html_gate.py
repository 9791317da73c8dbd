"""The last gate before a page is written: markup in built HTML that could run script.

Author text reaches pages only escaped, so this should never find anything; it is here so
that a mistake in a template, a filter or a Markdown extension fails the build instead of
shipping. It reads the HTML as a browser's tokenizer would (entities decoded, case folded)
and reports event-handler attributes, script URLs in any attribute, and inline scripts
other than the JSON data blocks the pages carry.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SCRIPT_URL = re.compile(r"^(?:javascript|vbscript|data):", re.IGNORECASE)
# Browsers ignore these characters inside a URL's scheme: "java\tscript:" still runs.
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f-\x9f]")
_DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}


class _Gate(HTMLParser):
    def __init__(self, inline_scripts: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.inline_scripts = inline_scripts
        self.found: list[str] = []
        self.script_type: str | None = None  # inside an inline <script>: its type

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, _ = self.getpos()
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"line {line}: <{tag}> has an event handler, {name}")
            elif value is not None and _SCRIPT_URL.match(_IGNORED_IN_URL.sub("", value)):
                self.found.append(f"line {line}: <{tag}> has a script URL in {name}")
        if tag == "script" and self.inline_scripts and not dict(attrs).get("src"):
            self.script_type = (dict(attrs).get("type") or "").strip().lower()

    def handle_data(self, data: str) -> None:
        data_block = self.script_type in _DATA_SCRIPT_TYPES
        if self.script_type is not None and not data_block and data.strip():
            line, _ = self.getpos()
            self.found.append(f"line {line}: an inline <script> that is not JSON data")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.script_type = None


def unsafe_markup(html: str, *, inline_scripts: bool = True) -> list[str]:
    """Each place in `html` where markup could run script, as 'line N: what'. A whole page
    carries the theme's own inline scripts: check it with `inline_scripts=False`."""
    gate = _Gate(inline_scripts)
    gate.feed(html)
    gate.close()
    return gate.found
