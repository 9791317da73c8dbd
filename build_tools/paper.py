"""Paper: whether an exercise fits on one printed page, estimated from its rendered text.

A worksheet keeps each exercise that fits on one page whole, and lets a longer one break
where it must: kept whole, a longer one would be pushed to a new page, leave the page
before it half empty, and break all the same. A browser knows the printed height only
while it prints, so the build estimates it from the block's HTML with the measures of the
print style sheet (docs/assets/exercise.css: 15 mm page margins, Material's print type),
for A4 and for US Letter; the style sheet tells the two apart by the paper's height.
Measured in Chromium, the estimates fall within 8% of the printed heights.
"""

from __future__ import annotations

import math
from html.parser import HTMLParser

PX_PER_MM = 96 / 25.4
PAGE_MARGIN_MM = 15
A4_MM = (210.0, 297.0)
LETTER_MM = (215.9, 279.4)
SPARE = 0.92
"""The share of a page an estimate may fill and still count as fitting: the estimate errs
by up to 8%, and fonts differ from one computer to another."""

FONT = 13.6
"""Material's print type size in CSS pixels (0.68rem)."""
LINE = 1.6 * FONT
GAP = FONT
"""Between paragraphs: their 1em margins collapse into one."""
WRITE_LINE = LINE + 1.4 * FONT
"""A line to write on: its own height and one of its 1.4em margins."""
CHARS_PER_LINE = 94
"""Characters of body text across the narrower page, A4, inside the margins."""
CHARS_PER_COLUMN = 44
"""Characters across one of the two columns of a compare exercise."""
HEADING_LINE = 1.4 * 1.5625 * FONT
HEADING_CHARS = 58
HEADING_SPACE = 1.6 * 1.5625 * FONT
"""A heading's margins: 1.6em above, 0.64em below (Material's h2)."""
PASSAGE_PADDING = 0.4 * FONT
NUMBER_CHARS = 4
"""What each sentence's number badge takes in a line, in characters."""

WHOLE = "stc-sheet--whole"
"""The class of an exercise that fits on a page of either size: never broken."""
WHOLE_ON_A4 = "stc-sheet--whole-a4"
"""The class of an exercise that fits on A4 but not on Letter: not broken on A4."""


def page_height(paper_mm: tuple[float, float]) -> float:
    """The height inside the margins of a page, in CSS pixels."""
    return (paper_mm[1] - 2 * PAGE_MARGIN_MM) * PX_PER_MM


def _lines(text: str, per_line: int) -> int:
    return max(1, math.ceil(len(" ".join(text.split())) / per_line))


class _Estimate(HTMLParser):
    """Walks an exercise block's HTML and adds up the height of what prints."""

    def __init__(self) -> None:
        super().__init__()
        self.height = 0.0
        self.open: list[str] = []  # each open element: its tag and classes
        self.columns: list[float] = []  # compare: the height of each side so far
        self.text: list[str] = []
        self.numbers = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        self.open.append(" ".join([tag, *classes]))
        if "stc-compare__side" in classes:
            self.columns.append(0.0)
        elif "stc-unit__n" in classes:
            self.numbers += 1
        elif tag in ("p", "figcaption"):
            self.text, self.numbers = [], 0

    def handle_endtag(self, tag: str) -> None:
        element = (self.open.pop() if self.open else "").split()
        if tag in ("p", "figcaption"):
            self._paragraph("stc-write__line" in element)
        elif "stc-compare" in element:
            self.height += max(self.columns, default=0.0) + GAP
            self.columns = []
        elif "stc-passage" in element:
            self.height += PASSAGE_PADDING

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def _paragraph(self, to_write_on: bool) -> None:
        length = len(" ".join("".join(self.text).split())) + NUMBER_CHARS * self.numbers
        if self.columns:
            self.columns[-1] += math.ceil(max(length, 1) / CHARS_PER_COLUMN) * LINE + GAP
        elif to_write_on:
            self.height += WRITE_LINE
        else:
            self.height += math.ceil(max(length, 1) / CHARS_PER_LINE) * LINE + GAP


def printed_height(title: str, block: str) -> float:
    """The estimated height, in CSS pixels, of an exercise's heading and block on paper."""
    estimate = _Estimate()
    estimate.feed(block)
    estimate.close()
    heading = _lines(title, HEADING_CHARS) * HEADING_LINE + HEADING_SPACE
    return heading + estimate.height


def sheet_class(title: str, block: str) -> str:
    """The class that keeps an exercise whole on the paper it fits on ('' if none)."""
    height = printed_height(title, block)
    if height <= SPARE * page_height(LETTER_MM):
        return WHOLE
    if height <= SPARE * page_height(A4_MM):
        return WHOLE_ON_A4
    return ""
