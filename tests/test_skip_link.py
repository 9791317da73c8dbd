"""The skip link added to built pages that Material gives none (see `skip_link.py`)."""

from __future__ import annotations

from build_tools.skip_link import add_skip_link

EMPTY = '<body>\n<div data-md-component="skip">\n  \n</div>\n'
ARTICLE = '<article class="md-content__inner md-typeset">'


def test_an_exercise_page_skips_to_the_exercise() -> None:
    page = add_skip_link(f'{EMPTY}{ARTICLE}<div class="stc-exercise" id="the-exercise">')
    assert '<a href="#the-exercise" class="md-skip">Skip to the exercise</a>' in page
    assert 'id="stc-content"' not in page


def test_another_page_without_headings_skips_to_its_content() -> None:
    page = add_skip_link(f"{EMPTY}{ARTICLE}<p>Text</p>")
    assert '<a href="#stc-content" class="md-skip">Skip to content</a>' in page
    assert '<article class="md-content__inner md-typeset" id="stc-content">' in page


def test_materials_own_skip_link_is_kept() -> None:
    page = (
        '<div data-md-component="skip"><a href="#intro" class="md-skip">Skip to content</a>'
        f"</div>{ARTICLE}"
    )
    assert add_skip_link(page) == page


def test_escaped_author_text_cannot_pose_as_the_exercise() -> None:
    page = add_skip_link(f"{EMPTY}{ARTICLE}<p>id=&#34;the-exercise&#34;</p>")
    assert "Skip to content" in page
