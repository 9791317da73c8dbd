"""The last gate before a page is written: markup in built HTML that could run script.

Author text reaches pages only escaped, so this should never find anything; it is here so
that a mistake in a template, a filter or a Markdown extension fails the build instead of
shipping. It reads the HTML as a browser's tokenizer would (entities decoded, case folded)
and reports event-handler attributes, script URLs in any attribute, inline scripts other
than the JSON data blocks the pages carry, scripts from other sites, and elements that a
browser parses differently (noscript, xmp, …) or that frame or load other documents.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

_SCRIPT_URL = re.compile(r"^(?:javascript|vbscript|data):", re.IGNORECASE)
# Browsers ignore these characters inside a URL's scheme: "java\tscript:" still runs.
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f-\x9f]")
_DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}
# Elements whose content a browser parses differently from this parser (noscript, xmp, …)
# or that load or frame other documents: none belongs in a page of this site.
_REFUSED_ELEMENTS = {
    *("noscript", "noembed", "noframes", "xmp", "plaintext", "template"),
    *("iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"),
}
_ANIMATIONS = {"animate", "set", "animatetransform", "animatemotion"}
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)|\s(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


class _Gate(HTMLParser):
    def __init__(self, inline_scripts: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.inline_scripts = inline_scripts
        self.found: list[str] = []
        self.script_type: str | None = None  # inside an inline <script>: its type
        self.script_text = ""
        self.foreign = 0  # depth inside <svg> or <math>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, _ = self.getpos()
        values = dict(attrs)
        if len(values) != len(attrs):  # a browser keeps the first, this parser the last
            self.found.append(f"line {line}: <{tag}> gives an attribute twice")
        if tag in ("svg", "math"):
            self.foreign += 1
        elif self.foreign and tag in ("style", "script"):  # markup, not text, in SVG
            self.found.append(f"line {line}: a <{tag}> inside SVG or MathML")
        if tag in _REFUSED_ELEMENTS:
            self.found.append(f"line {line}: a <{tag}> element")
        if tag == "meta" and (values.get("http-equiv") or "").strip().lower() == "refresh":
            self.found.append(f"line {line}: a <meta> refresh")
        for name, value in attrs:
            plain = _IGNORED_IN_URL.sub("", value or "")
            if name.startswith("on"):
                self.found.append(f"line {line}: <{tag}> has an event handler, {name}")
            elif name == "srcdoc":
                self.found.append(f"line {line}: <{tag}> has a document in srcdoc")
            elif _SCRIPT_URL.match(plain):
                self.found.append(f"line {line}: <{tag}> has a script URL in {name}")
            elif tag in _ANIMATIONS and re.search(r"(?:java|vb)script:|data:", plain, re.I):
                self.found.append(f"line {line}: <{tag}> animates to a script URL")
        if tag in _ANIMATIONS and (values.get("attributename") or "").lower().endswith("href"):
            self.found.append(f"line {line}: <{tag}> animates a link")
        source = " ".join(values.get(name) or "" for name in ("src", "href", "xlink:href"))
        if tag == "script" and _EXTERNAL.match(_IGNORED_IN_URL.sub("", source).replace("\\", "/")):
            self.found.append(f"line {line}: a <script> from another site")
        if tag == "script" and self.inline_scripts and not values.get("src"):
            self.script_type = (values.get("type") or "").strip().lower()
            self.script_text = ""

    def handle_data(self, data: str) -> None:
        if self.script_type is not None:
            self.script_text += data

    def handle_comment(self, data: str) -> None:
        # "<!-->", "<!--->" and "--!>" end a comment early in a browser, not in this parser.
        if data.startswith((">", "->")) or "--!>" in data or "<!--" in data:
            line, _ = self.getpos()
            self.found.append(f"line {line}: a comment a browser would end early")

    def unknown_decl(self, data: str) -> None:
        line, _ = self.getpos()
        self.found.append(f"line {line}: a <![{data[:10]}…]> section, which HTML reads otherwise")

    def handle_pi(self, data: str) -> None:
        line, _ = self.getpos()
        self.found.append(f"line {line}: a <?…> processing instruction")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("svg", "math") and self.foreign:
            self.foreign -= 1
        if tag == "script" and self.script_type is not None:
            if self.script_text.strip() and not self._is_json_data():
                line, _ = self.getpos()
                self.found.append(f"line {line}: an inline <script> that is not JSON data")
            self.script_type = None

    def _is_json_data(self) -> bool:
        """Data blocks must hold JSON: a theme's instant navigation may run them as script."""
        if self.script_type not in _DATA_SCRIPT_TYPES:
            return False
        try:
            json.loads(self.script_text)
        except ValueError:
            return False
        return True


def unsafe_markup(html: str, *, inline_scripts: bool = True) -> list[str]:
    """Each place in `html` where markup could run script, as 'line N: what'. A whole page
    carries the theme's own inline scripts: check it with `inline_scripts=False`."""
    gate = _Gate(inline_scripts)
    gate.feed(html)
    gate.close()
    return gate.found
