"""Reading YAML safely, with a position for every key and value."""

from pathlib import Path

import pytest

from build_tools.diagnostics import Position, Problems
from build_tools.yaml_reader import read_yaml

PATH = Path("x.yaml")


def test_values_are_text_and_the_schema_decides_types() -> None:
    document = read_yaml(PATH, "level: 1\ntitle: No\nhint:\ndate: 2022-02-07\n")
    assert document.data == {"level": "1", "title": "No", "hint": None, "date": "2022-02-07"}


def test_positions_of_keys_and_values() -> None:
    document = read_yaml(PATH, "id: x\nanswers:\n  - quote: words\n    verdict: opinion\n")
    assert document.locator.value(("answers", 0, "verdict")) == Position(4, 14)
    assert document.locator.key(("answers", 0, "verdict")) == Position(4, 5)
    # a location that does not exist falls back to its nearest parent
    assert document.locator.value(("answers", 0, "why")) == Position(3, 5)


def test_positions_inside_a_block_scalar() -> None:
    text = "passage: |\n  First line of text\n  second   line.\n"
    locator = read_yaml(PATH, text).locator
    normalised = "First line of text second line."
    assert locator.scalar_position(("passage",), normalised.index("second"), normalised) == (
        Position(3, 3)
    )
    assert locator.scalar_position(("passage",), normalised.index("line."), normalised) == (
        Position(3, 12)
    )
    assert locator.scalar_position(("passage",), normalised.index(" second"), normalised) == (
        Position(2, 21)
    ), "a line break collapsed to a space stands where the break is"
    assert locator.scalar_position(("passage",), 0, "Other text") is None


def test_positions_inside_a_quoted_scalar_with_line_offset() -> None:
    title = "A warning, or a threat?"
    locator = read_yaml(PATH, f'title: "{title}"', line_offset=1).locator
    assert locator.scalar_position(("title",), title.index("or"), title) == Position(2, 20)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: 1\na: 2\n", "2:1: error: duplicate key 'a' (first given on line 1)"),
        ("a: &x 1\nb: *x\n", "1:4: error: YAML anchors (&x) are not allowed"),
        ("a: !!binary aGVsbG8=\n", "1:4: error: the YAML tag '!!binary' is not allowed"),
        ("? [a, b]\n: 1\n", "1:3: error: keys must be plain words"),
        ("a: 'open\nb: 1\n", "1:4: error: not valid YAML: this quotation mark is never closed"),
        ("", "1:1: error: the file is empty"),
        ("[" * 200, "error: "),
    ],
)
def test_refused_input(text: str, message: str) -> None:
    with pytest.raises(Problems) as caught:
        read_yaml(PATH, text)
    assert message in caught.value.diagnostics[0].format()
