"""The reading text of a cleaned article: what passages and quotes are matched against.

Article bodies are Markdown limited to what the cleaned texts need: paragraphs,
`##`/`###` headings, `>` block quotes and `*`/`**` emphasis. The reading text is the
headline followed by each block with that markup removed, one paragraph per block.
"""

from __future__ import annotations

import re

from .text import PARAGRAPH_BREAK, paragraphs

_HEADING = re.compile(r"^#{1,6}\s+")
_QUOTE = re.compile(r"^>\s?", re.MULTILINE)
_EMPHASIS = re.compile(r"\*{1,2}")
_BLOCK_SPLIT = re.compile(r"\n[ \t]*\n")

# Markup the cleaned texts must not carry: links (the extraction's dead `[text](#)`
# links are reduced to their text) and raw HTML.
FORBIDDEN_MARKUP = {
    re.compile(r"\]\("): "a Markdown link; reduce it to its text",
    re.compile(r"<[A-Za-z/!]"): "raw HTML; write the text only",
}


def plain_block(block: str) -> str:
    """One Markdown block as the words a reader sees."""
    block = _HEADING.sub("", block.strip())
    block = _QUOTE.sub("", block)
    return _EMPHASIS.sub("", block)


def reading_paragraphs(title: str, body: str) -> list[str]:
    blocks = [plain_block(block) for block in _BLOCK_SPLIT.split(body)]
    return paragraphs(PARAGRAPH_BREAK.join([title, *blocks]))


def reading_text(title: str, body: str) -> str:
    return PARAGRAPH_BREAK.join(reading_paragraphs(title, body))
