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

# Markup the cleaned texts must not carry. The site renders each body line as a heading, a
# quoted line or paragraph text with only emphasis active (see `render.py`), so none of it
# could take effect; it is refused so that an author sees it rather than a page that
# shows the markup as text.
FORBIDDEN_MARKUP = {
    re.compile(r"(?<!!)\[[^\]\n]*\]\("): "a Markdown link; reduce it to its text",
    re.compile(r"(?<!!)\[[^\]\n]*\]\[[^\]\n]*\]"): "a Markdown link; reduce it to its text",
    re.compile(r"^\s*\[[^\]]*\]:"): "a link definition; delete it, and the link it serves",
    re.compile(r"!\["): "an image; write the text only",
    re.compile(r"\{\s*[:#.]|\{[^}]*="): "an attribute list; delete it, the site adds its own",
    re.compile(r"<[A-Za-z/!?][^<>\n]{0,40}>?"): (
        "an HTML tag, {found}; write the text only: the site shows no HTML from an article"
    ),
    re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);"): (
        "an HTML character reference, {found}; type the character itself"
    ),
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


def quoted_paragraphs(body: str) -> frozenset[str]:
    """The reading text's paragraphs that the article sets off as block quotes (`>`): a
    passage shows them as quotations, as the article does."""
    found: set[str] = set()
    for block in _BLOCK_SPLIT.split(body):
        if block.lstrip().startswith(">"):
            found.update(paragraphs(plain_block(block)))
    return frozenset(found)
