"""Author text and content files as an attacker would write them, without a browser.

The refusals with a position live in the golden corpus (tests/bad_input/); here are the
cases a golden file cannot hold (symbolic links, a 3 GB file) and the checks that hold
even if a refusal were missed: article bodies and page metadata are rendered so that no
text can become markup, and the last gate fails a build that would ship script.
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest
from conftest import ROOT, mkdocs_build, project_copy
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

from build_tools.catalogue import load_catalogue
from build_tools.diagnostics import format_all
from build_tools.html_gate import unsafe_markup
from build_tools.render import article_body_markdown, front_matter

ARTICLE = ROOT / "exercises" / "idlib-last-stand" / "article.md"
EXERCISE = ROOT / "exercises" / "idlib-last-stand" / "01-warning-or-threat.yaml"


def site_extensions() -> tuple[list[str], dict[str, dict[str, object]]]:
    """The Markdown extensions mkdocs.yml turns on, read by MkDocs' own config loader."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    return list(config.markdown_extensions), dict(config.mdx_configs)


BODY_ELEMENTS = {"p", "h2", "h3", "h4", "h5", "h6", "em", "strong", "blockquote", "a"}


def elements(rendered: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    found: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, attrs))

    Collector().feed(rendered)
    return found


HOSTILE_BODIES = [
    'A paragraph.\n{: onfocus="window.__pwned=\'attr\'" tabindex="0" autofocus }',
    "## A heading {: onclick=\"window.__pwned='heading'\" }",
    "A [link][r] and an ![image][r].\n\n[r]: javascript:window.__pwned='ref'",
    "An [inline link](javascript:window.__pwned='link') and <javascript:window.__pwned=1>.",
    "![x](data:text/html,<script>window.__pwned=1</script>)",
    "<img src=x onerror=\"window.__pwned='html'\"> and <script>window.__pwned=1</script>",
    "&lt;script&gt;window.__pwned=1&lt;/script&gt; and &#60;b onmouseover=x&#62;",
    '!!! note "<b onclick=x>"\n    admonition',
    "| a | b |\n|---|---|\n| <i onclick=x> | c |",
    "    indented code <b onclick=x>",
    "> A quote {: onfocus=x }\n> [r]: javascript:x",
    "Term\n:   <span onclick=x>definition</span>",
    "*Emphasis* and **strong** stay, {#id .class onclick=x} does not.",
]


@pytest.mark.parametrize("body", HOSTILE_BODIES)
def test_an_article_body_renders_inert_even_unchecked(body: str) -> None:
    names, options = site_extensions()
    article = SimpleNamespace(body=body)
    rendered = markdown.markdown(
        str(article_body_markdown(article)),  # type: ignore[arg-type]
        extensions=names,
        extension_configs=options,
    )
    assert unsafe_markup(rendered) == [], rendered
    for tag, attrs in elements(rendered):
        assert tag in BODY_ELEMENTS, rendered
        if tag == "a":  # the heading's own permalink, made by the toc extension
            assert dict(attrs)["class"] == "headerlink" and dict(attrs)["href"].startswith("#")
        else:
            assert [name for name, _ in attrs] in ([], ["id"]), rendered
    text = html.unescape(rendered)
    for word in ("javascript:", "onclick", "onfocus", "onerror"):
        if word in body:
            assert word in text, "the markup is shown as the author's text"


def test_emphasis_headings_and_quotes_still_render() -> None:
    names, options = site_extensions()
    body = "## A heading\n\nSome *emphasis*, some **strength** in it.\n\n> A quoted line."
    rendered = markdown.markdown(
        str(article_body_markdown(SimpleNamespace(body=body))),  # type: ignore[arg-type]
        extensions=names,
        extension_configs=options,
    )
    assert "<h3" in rendered and "A heading" in rendered
    assert "Some <em>emphasis</em>, some <strong>strength</strong> in it." in rendered
    assert "<blockquote>" in rendered


@given(st.text(max_size=200))
def test_any_title_makes_front_matter_with_one_key_that_reads_back(title: str) -> None:
    page = f"{front_matter(title)}\n\nThe page."
    content, meta = get_data(page)  # MkDocs' own front matter reader
    assert meta == {"title": html.escape(" ".join(title.split()), quote=False)}
    assert content.strip() == "The page."


def test_symbolic_links_in_the_content_folder_are_refused(tmp_path: Path) -> None:
    content = tmp_path / "exercises"
    shutil.copytree(ROOT / "exercises" / "idlib-last-stand", content / "idlib-last-stand")
    (content / "linked-article").mkdir()
    (content / "linked-article" / "article.md").symlink_to(ARTICLE)
    (content / "idlib-last-stand" / "99-linked.yaml").symlink_to(EXERCISE)
    (content / "linked-folder").symlink_to(ROOT / "exercises" / "biden-strike-idlib")
    report = format_all(load_catalogue(content).diagnostics, relative_to=tmp_path)
    assert report.count("symbolic link") == 3, report
    for name in ("linked-article/article.md", "99-linked.yaml", "linked-folder"):
        assert f"{name}:1:1: error: the content folder holds a symbolic link" in report


def run_validate(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "build_tools", "validate", *map(str, paths)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_3_gb_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as file:
        os.truncate(file.fileno(), 3 * 1024**3)  # sparse: takes no disk
    result = run_validate(huge)
    assert result.returncode == 1, result.stderr
    assert "huge.yaml:1:1: error: the file is 3,221,225,472 bytes" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_every_hostile_case_exits_cleanly_on_its_own() -> None:
    """One process per case: a crash (a signal, a negative return code) cannot hide behind
    another case's report."""
    cases = sorted(p for p in (ROOT / "tests" / "bad_input").iterdir() if p.suffix != ".expected")
    with ThreadPoolExecutor(max_workers=4) as pool:  # the processes, not the threads, work
        results = list(pool.map(run_validate, cases))
    for case, result in zip(cases, results, strict=True):
        assert result.returncode == 1, (case, result.returncode, result.stderr)
        assert "Traceback" not in result.stdout + result.stderr, case
        assert result.stderr.startswith(f"{case.relative_to(ROOT)}"), case


HOSTILE_PAGES = {
    "event handler": '<p onmouseover="window.__pwned=1">x</p>',
    "script URL": '<a href=" java\tscript:window.__pwned=1">x</a>',
    "inline script": "<script>window.__pwned=1</script>",
    "data URL": '<img src="data:text/html,x">',
    "JSON block that is not JSON": '<script type="application/json">alert(1)</script>',
    "noscript": '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "svg animation": '<svg><animate attributeName="href" values="0;javascript:alert(1)"/></svg>',
    "srcdoc": '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    "external script": '<script src="https://example.org/x.js"></script>',
    "external script, backslashed": '<script src="\\\\evil/x.js"></script>',
    "external script, spaced": '<script src=" //evil/x.js"></script>',
    "external script, tabbed": '<script src="/\t/evil/x.js"></script>',
    "SVG script by href": '<svg><script href="//evil/x.js"></script></svg>',
    "SVG script by xlink:href": '<svg><script xlink:href="http://evil/x.js"></script></svg>',
    "style in SVG": "<svg><style><img src=x onerror=alert(1)></style></svg>",
    "attribute twice": '<script src="//evil/x.js" src="/ok.js"></script>',
    "comment ended early": "<!--><img src=x onerror=alert(1)>-->",
    "comment ended early, dash": "<!---><img src=x onerror=alert(1)>-->",
    "comment ended by --!>": "<!-- --!><img src=x onerror=alert(1)> -->",
    "CDATA": "<![CDATA[><img src=x onerror=alert(1)>]]>",
}


@pytest.mark.parametrize("what", HOSTILE_PAGES)
def test_unsafe_markup_is_found(what: str) -> None:
    assert unsafe_markup(HOSTILE_PAGES[what]) != []


def test_json_data_blocks_pass_the_gate() -> None:
    assert unsafe_markup('<script type="application/json">[{"a": 1}]</script>') == []


def test_the_build_fails_on_a_page_that_would_run_script(tmp_path: Path) -> None:
    project = project_copy(tmp_path)
    (project / "docs" / "about.md").write_text(
        '# About\n\n<a href="javascript:window.__pwned=1">x</a>\n', encoding="utf-8"
    )
    built = mkdocs_build(project / "mkdocs.yml", tmp_path / "site", "http://127.0.0.1:8000/")
    assert built.returncode == 1
    assert "about.md carries markup that could run script" in built.stderr
    assert "<a> has a script URL in href" in built.stderr
    assert "Traceback" not in built.stderr


HOSTILE_CASES = [
    "alias-bomb.yaml",
    "article-markup",
    "control-character-in-title",
    "custom-tag.yaml",
    "deep-nesting.yaml",
    "html-in-article",
    "invisible-characters.yaml",
    "not-utf8.yaml",
    "storage-key-id.yaml",
]


def test_the_build_refuses_the_hostile_cases_as_validate_does(tmp_path: Path) -> None:
    """All the hostile cases in one site: the build stops with each case's first problem at
    its place, and never with a traceback or a signal."""
    project = project_copy(tmp_path)
    corpus = ROOT / "tests" / "bad_input"
    expected = []
    for case in HOSTILE_CASES:
        first = (corpus / f"{case.removesuffix('.yaml')}.expected").read_text().splitlines()[0]
        where, message = first.split(": error: ", 1)
        if (corpus / case).is_dir():
            for article in (corpus / case).iterdir():
                shutil.copytree(article, project / "exercises" / article.name)
            inside = where.removeprefix(f"tests/bad_input/{case}/")
            expected.append(f"exercises/{inside}: error: {message}")
        else:
            shutil.copy(corpus / case, project / "exercises" / "idlib-last-stand" / case)
            inside = where.removeprefix("tests/bad_input/")
            expected.append(f"exercises/idlib-last-stand/{inside}: error: {message}")
    built = mkdocs_build(project / "mkdocs.yml", tmp_path / "site", "http://127.0.0.1:8000/")
    assert built.returncode == 1, built.stderr
    assert "Traceback" not in built.stderr
    for line in expected:
        assert line in built.stderr, line


def test_a_named_pipe_in_the_content_folder_is_refused_not_waited_on(tmp_path: Path) -> None:
    content = tmp_path / "exercises"
    shutil.copytree(ROOT / "tests" / "fixtures" / "guide" / "town-budget", content / "town-budget")
    os.mkfifo(content / "town-budget" / "01-pipe.yaml")
    report = format_all(load_catalogue(content).diagnostics, relative_to=tmp_path)
    assert "01-pipe.yaml:1:1: error: this is not a regular file" in report


def test_a_flood_of_problems_is_shown_fifty_to_a_file(tmp_path: Path) -> None:
    """Six thousand sentences with no answer: every one is found, fifty are printed."""
    content = tmp_path / "exercises"
    article = content / "many"
    article.mkdir(parents=True)
    text = " ".join(f"Sentence {i} is here." for i in range(6000))
    front = '---\ntitle: Many\nauthor: A\noutlet: B\ndate: "2026"\ncontext: C.\ncleaning:\n  - D.\n'
    (article / "article.md").write_text(f"{front}---\n\n{text}\n", encoding="utf-8")
    (article / "01-many.yaml").write_text(
        "id: many\narticle: many\ntitle: Many\nkind: spot\nlevel: 1\nminutes: 5\n"
        f"skills: [no-source]\npassage: |\n  {text}\nanswers:\n"
        "  - quote: Sentence 0 is here.\n    verdict: supported\n    explanation: Yes.\n",
        encoding="utf-8",
    )
    catalogue = load_catalogue(content)
    assert len(catalogue.diagnostics) > 5000
    report = format_all(catalogue.diagnostics, relative_to=tmp_path).splitlines()
    assert len([line for line in report if ": error: " in line]) == 50
    assert report[-1].endswith("more problem(s) in this file, not shown")


@pytest.mark.parametrize("arguments", [[""], ["--root", ""], ["--root", " "]])
def test_an_empty_path_is_refused_not_read_as_the_current_folder(arguments: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "build_tools", "validate", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "an empty path: give a file or a folder" in result.stderr
    assert "Traceback" not in result.stderr
