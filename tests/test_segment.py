"""The sentence splitter on the hard cases these two articles contain."""

from pathlib import Path

import pytest

from build_tools.loader import load_article
from build_tools.segment import segment, units_touching
from build_tools.text import normalize

ROOT = Path(__file__).resolve().parent.parent


def texts(passage: str, split_at: tuple[int, ...] = ()) -> list[str]:
    return [unit.text for unit in segment(normalize(passage), split_at)]


@pytest.mark.parametrize(
    ("passage", "expected"),
    [
        (  # a quotation ending in ." then a new sentence
            'the operation "took a major terrorist leader off the battlefield." He added,',
            ['the operation "took a major terrorist leader off the battlefield."', "He added,"],
        ),
        (  # "U.S." inside a sentence and at the start of a quotation
            '"U.S. Special Operations forces conducted a mission," Kirby said. Then he left.',
            ['"U.S. Special Operations forces conducted a mission," Kirby said.', "Then he left."],
        ),
        (
            "donors such as the U.S. Agency for International Development (USAID) and others.",
            ["donors such as the U.S. Agency for International Development (USAID) and others."],
        ),
        (  # a leading ellipsis is not a sentence end; a mid-quote ellipsis before a capital is
            "...he appears to be as young as 10. Armed groups... They do not behave",
            ["...he appears to be as young as 10.", "Armed groups...", "They do not behave"],
        ),
        (  # a colon before a quoted block ends nothing by itself
            "The report then admits this (emphasis added): the text",
            ["The report then admits this (emphasis added): the text"],
        ),
        (  # curly quotes: ”. then “
            "it was “incomprehensible that any child should face the winter”. “Almost 11 years”",
            [
                "it was “incomprehensible that any child should face the winter”.",
                "“Almost 11 years”",
            ],
        ),
        (  # a sentence may begin with a number
            "Turkey has failed. 3 and one-half years later, it still has.",
            ["Turkey has failed.", "3 and one-half years later, it still has."],
        ),
        (  # question marks and a closing quote before the next sentence
            'Why is the world standing by? "Stability" at any price.',
            ["Why is the world standing by?", '"Stability" at any price.'],
        ),
    ],
)
def test_hard_cases(passage: str, expected: list[str]) -> None:
    assert texts(passage) == expected


def test_paragraph_break_always_ends_a_unit() -> None:
    units = segment(normalize("claiming:\n\n...he appears to be young\n\nand more"))
    assert [(u.paragraph, u.text) for u in units] == [
        (0, "claiming:"),
        (1, "...he appears to be young"),
        (2, "and more"),
    ]


def test_author_splits_divide_a_sentence_into_clauses() -> None:
    passage = normalize("No evidence has been provided - and it is clear that it was a threat.")
    at = passage.index("and it is clear")
    assert texts(passage, (at,)) == [
        "No evidence has been provided -",
        "and it is clear that it was a threat.",
    ]


def test_unit_offsets_index_the_passage() -> None:
    passage = normalize("One sentence here. Two sentences here.\n\nA third.")
    for unit in segment(passage):
        assert passage[unit.start : unit.end] == unit.text
    touched = units_touching(segment(passage), passage.index("here. Two"), passage.index("Two") + 3)
    assert [u.number for u in touched] == [1, 2]


@pytest.mark.parametrize("article", ["idlib-last-stand", "biden-strike-idlib"])
def test_every_unit_of_the_real_articles_ends_where_a_sentence_does(article: str) -> None:
    text = load_article(ROOT / "exercises" / article / "article.md").text
    for unit in segment(text):
        assert not unit.text.endswith(("U.S.", " Mr.")), unit.text
        assert not unit.text.startswith(("S.", "Agency for International")), unit.text
