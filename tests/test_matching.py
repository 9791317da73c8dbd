"""A misquote names the first word that differs, wherever the difference falls."""

from __future__ import annotations

import pytest

from build_tools.matching import closest_mismatch

TEXT = (
    "Idlib: Al Qaeda's Last Stand\n\nThe United States has raised tensions further amid "
    "Syria's ongoing conflict. It has issued a threat in the form of a warning."
)


@pytest.mark.parametrize(
    ("quote", "words"),
    [
        ("It has issued a menace in the form", "the article has 'threat', this file has 'menace'"),
        (
            "It has issued a threatening in the form",
            "the article has 'threat', this file has 'threatening'",
        ),
        ("It has issued a threat in teh form", "the article has 'the', this file has 'teh'"),
        ("Indeed The United States has raised", "this file adds 'Indeed' before 'The'"),
        ("A United States has raised tensions", "the article has 'The', this file has 'A'"),
        ("The US has raised tensions further", "the article has 'United', this file has 'US'"),
        ("issued a in the form of a warning", "the article has 'threat', this file has 'in'"),
    ],
)
def test_the_first_differing_word_is_named(quote: str, words: str) -> None:
    mismatch = closest_mismatch(quote, TEXT, "article")
    assert mismatch.words == words
    named_in_file = words.split("'")[3] if "this file has" in words else words.split("'")[1]
    assert quote[mismatch.offset :].startswith(named_in_file)  # the column points at it
