"""Checked content → the Markdown pages of the site, and the navigation that lists them.

Pure functions over a `Catalogue`: the MkDocs plugin serves their output as virtual
files, and the CLI can write the same pages to disk. Every text from a content file is
escaped for HTML (Jinja2 autoescape) and, where it lands in Markdown, for Markdown too.
"""

from __future__ import annotations

import hashlib
import html
import json
import posixpath
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from jinja2 import Environment, FileSystemLoader, Template, select_autoescape
from markupsafe import Markup

from .catalogue import Catalogue
from .checks import CheckedExercise
from .checkups import CheckedForm
from .downloads import OFFLINE_ZIP, packages
from .loader import Article
from .model import (
    LEVEL_NAMES,
    CompareExercise,
    SpotExercise,
)
from .segment import Unit
from .skip_link import EXERCISE_ANCHOR
from .standards import ALL as ALL_STANDARDS
from .standards import standards_for
from .text import paragraphs

DEFAULT_PREFIX = "articles"
PROGRESS_PAGE = "progress.md"
STANDARDS_PAGE = "teachers/standards.md"
PRINTING_PAGE = "teachers/printing.md"
CHECK_UP_FORMS_PAGE = "teachers/check-up-forms.md"
CHECK_UPS_PAGE = "teachers/check-ups.md"
"""The teachers' page (written, not generated) on running check-ups and reading their figures."""
LMS_PAGE = "teachers/lms.md"
"""The teachers' page on LMS packages, the cartridge and the offline copy (generated)."""
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")

_env = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
)


def _one_spaced(text: str) -> str:
    """Text on one line, every run of whitespace one space."""
    return " ".join(text.split())


def markdown_text(value: str) -> Markup:
    """Text that reads literally in Markdown on one line: Markdown punctuation (the table
    separator included) and HTML escaped, line breaks made spaces."""
    return Markup(html.escape(_MARKDOWN_SPECIAL.sub(r"\\\1", _one_spaced(value)), quote=False))


def json_for_script(value: Any) -> Markup:
    """JSON for <script type="application/json">: no '<' can close the element, and the value
    is wrapped in a one-element array. Material's instant navigation re-inserts inline
    scripts without their type and so runs them as JavaScript; an array literal runs
    harmlessly, where a bare object literal is a syntax error."""
    text = json.dumps([value], ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def front_matter(title: str, **meta: Any) -> Markup:
    """A page's YAML front matter, written by a YAML serializer so that no text can end it or
    add a key. The title is HTML-escaped because themes print page titles unescaped."""
    # a line break would end the value, or the block
    data = {"title": html.escape(_one_spaced(title), quote=False), **meta}
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1_000_000)
    return Markup(f"---\n{text}---")


_MONTHS = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)


def long_date(value: str) -> str:
    """'2018-09-04' → '4 September 2018'; '2018-09' → 'September 2018'; '2018' stays."""
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = _MONTHS[parts[1] - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{parts[2]} {month} {parts[0]}"


def target_units(exercise: CheckedExercise) -> list[int]:
    """The sentences a learner should flag in a spot exercise, in passage order; none in a
    compare exercise. The answer key's summary lists them and the worksheet gives each a
    line to write on."""
    return [unit for unit, answer in exercise.answers_by_unit if answer.verdict.is_target]


_env.filters["long_date"] = long_date
_env.filters["md"] = markdown_text
_env.filters["script_json"] = json_for_script
_env.globals["front_matter"] = front_matter
_env.filters["paragraphs"] = paragraphs
_env.globals["target_units"] = target_units


def template(name: str) -> Template:
    """One of `templates/`, with the escaping and filters every generated file shares."""
    return _env.get_template(name)


def content_hash(exercise: CheckedExercise) -> str:
    """The version saved progress and results files are keyed on.

    It fingerprints exactly what the front end is given (units and their numbers
    included), so any change that could make a saved pick point at another sentence, in the
    file or in how the passage is split, gives a new version.
    """
    canonical = json.dumps(_front_end_content(exercise), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


_env.globals["version"] = content_hash


def article_uri(article_id: str, prefix: str = DEFAULT_PREFIX) -> str:
    return f"{prefix}/{article_id}/index.md"


def exercise_uri(exercise: CheckedExercise, prefix: str = DEFAULT_PREFIX) -> str:
    return f"{prefix}/{exercise.article.id}/{exercise.model.id}.md"


def article_body_markdown(article: Article) -> Markup:
    """The cleaned text as Markdown that can only be what article bodies allow (see
    `article_text.py`): each line is a heading, moved one level down, a quoted line or a
    line of a paragraph, and within it every character but emphasis reads literally, so no
    link, attribute list, HTML or other Markdown an author writes can take effect."""
    lines = []
    for line in article.body.strip().split("\n"):
        heading = _BODY_HEADING.match(line)
        if heading:
            level = min(len(heading.group(1)) + 1, 6)
            lines.append(f"{'#' * level} {_body_inline(heading.group(2))}")
        elif line.lstrip().startswith(">"):
            lines.append(f"> {_body_inline(line.lstrip()[1:])}")
        else:
            lines.append(_body_inline(line))
    return Markup("\n".join(lines))


_BODY_HEADING = re.compile(r"^\s*(#{1,6})\s+(.*)$")
_EMPHASIS_RUN = re.compile(r"(\*+)")
# Line starts Markdown or an extension would read as structure (a definition, a setext
# underline) and that a backslash cannot escape: written as character references.
_LINE_START_REFERENCES = {":": "&#58;", "=": "&#61;"}


def _body_inline(text: str) -> str:
    """One line of body text: `*` runs that open or close emphasis stay active, every other
    character reads literally."""
    parts = _EMPHASIS_RUN.split(text.strip())
    out = []
    for index, part in enumerate(parts):
        if not part.startswith("*"):
            out.append(html.escape(_MARKDOWN_SPECIAL.sub(r"\\\1", part), quote=False))
            continue
        before = parts[index - 1][-1:] if index else ""
        after = parts[index + 1][:1] if index + 1 < len(parts) else ""
        touches_a_word = (after and not after.isspace()) or (before and not before.isspace())
        out.append(part if touches_a_word else "\\*" * len(part))
    line = "".join(out)
    return _LINE_START_REFERENCES.get(line[:1], line[:1]) + line[1:]


def exercise_data(exercise: CheckedExercise) -> dict[str, Any]:
    """What the front end needs, embedded as JSON in the exercise page, with its version."""
    return {"version": content_hash(exercise), **_front_end_content(exercise)}


def _front_end_content(exercise: CheckedExercise) -> dict[str, Any]:
    model = exercise.model
    data: dict[str, Any] = {
        "id": model.id,
        "kind": model.kind,
        "title": model.title,
        "units": [{"n": u.number, "text": u.text} for u in exercise.units],
    }
    if isinstance(model, SpotExercise):
        data["answers"] = [
            {
                "unit": unit,
                "quote": answer.quote,
                "verdict": answer.verdict.value,
                "why": [w.value for w in answer.why],
                "explanation": answer.explanation,
                "evidence": answer.evidence_needed,
            }
            for unit, answer in zip(exercise.answer_units, model.answers, strict=True)
        ]
        data["skills"] = [skill.value for skill in model.skills]
    elif isinstance(model, CompareExercise):
        # Whitespace collapsed, as the checks compare it, so that every difference is marked.
        claim, source = _one_spaced(model.claim), _one_spaced(model.source)
        data.update(
            claim=claim,
            source=source,
            sourceName=model.source_name,
            verdict=model.verdict.value,
            explanation=model.explanation,
            evidence=model.evidence_needed,
            marks=[
                _marks(claim, [_one_spaced(d.claim) for d in model.differences]),
                _marks(source, [_one_spaced(d.source) for d in model.differences]),
            ],
        )
    return data


def _marks(text: str, phrases: list[str]) -> list[tuple[int, int]]:
    """Where each phrase first occurs in `text`, in order and without overlaps."""
    found = sorted(
        (at, at + len(phrase)) for phrase in phrases if phrase and (at := text.find(phrase)) >= 0
    )
    kept: list[tuple[int, int]] = []
    for start, end in found:
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


def unit_pieces(exercise: CheckedExercise, unit: Unit) -> list[tuple[str, str]]:
    """A unit's text in runs, each with what it is in a compare exercise: "quoted" (words
    the article quotes from its source), "claim" (the article's account of the source) or
    "" (the rest). A spot exercise's unit is one plain run."""
    spans = [(span, "quoted") for span in exercise.quoted]
    if exercise.claim:
        spans.append((exercise.claim, "claim"))
    if not spans:
        return [(unit.text, "")]

    def kind(at: int) -> str:
        return next((name for (start, end), name in spans if start <= at < end), "")

    runs: list[tuple[str, str]] = []
    for offset in range(unit.start, unit.end):
        char, name = exercise.passage[offset], kind(offset)
        if runs and runs[-1][1] == name:
            runs[-1] = (runs[-1][0] + char, name)
        else:
            runs.append((char, name))
    return runs


_env.globals["unit_pieces"] = unit_pieces
_env.globals["skip_anchor"] = EXERCISE_ANCHOR


def render_exercise(
    exercise: CheckedExercise, links: dict[str, BuiltLink] | None = None, prefix: str = ""
) -> str:
    """An exercise page; `links` are the site's exercises (see `exercise_links`) and the
    pages its script links to, from `prefix` (the folder of the generated pages)."""
    model = exercise.model
    page = exercise_uri(exercise, prefix or DEFAULT_PREFIX)
    return _env.get_template("exercise.md.j2").render(
        exercise=exercise,
        model=model,
        level_name=LEVEL_NAMES[model.level],
        data=exercise_data(exercise),
        links=built_links(page, links or {}),
    )


def check_up_uri(form: CheckedForm) -> str:
    return f"check-ups/form-{form.name.lower()}.md"


def _check_up_content(form: CheckedForm) -> dict[str, Any]:
    return {
        "form": form.name,
        "title": form.source.model.title,
        "units": [{"n": u.number, "text": u.text} for part in form.parts for u in part.units],
        "answers": [
            {"unit": unit, "verdict": answer.verdict.value, "level": part.level}
            for part in form.parts
            for unit, answer in part.answers
        ],
        "held": form.held,
    }


def check_up_data(form: CheckedForm) -> dict[str, Any]:
    """What the check-up page and the class report need to score a form, with its version:
    a fingerprint of its sentences, their numbers and verdicts."""
    content = _check_up_content(form)
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False)
    return {"version": hashlib.sha256(canonical.encode()).hexdigest()[:16], **content}


def check_ups_data(catalogue: Catalogue) -> dict[str, Any]:
    """Every form's data by its letter ({} when the site has no check-up)."""
    return {form.name: check_up_data(form) for form in catalogue.check_ups}


def render_check_up(form: CheckedForm, links: Mapping[str, str | BuiltLink]) -> str:
    page = check_up_uri(form)
    return _env.get_template("check-up.md.j2").render(
        form=form,
        model=form.source.model,
        data=check_up_data(form),
        anchor=f"form-{form.name.lower()}",
        links=built_links(page, links),
    )


def render_check_up_forms(catalogue: Catalogue, prefix: str = DEFAULT_PREFIX) -> str:
    """The teachers' page of both forms: their balance, the exercises they hold, every answer."""
    folder = posixpath.dirname(CHECK_UP_FORMS_PAGE)
    exercises = {e.model.id: e for e in catalogue.exercises}
    held = [id_ for form in catalogue.check_ups for id_ in form.held]
    return _env.get_template("check-up-forms.md.j2").render(
        forms=catalogue.check_ups,
        level_names=LEVEL_NAMES,
        titles={id_: exercises[id_].model.title for id_ in held},
        exercise_paths={
            id_: posixpath.relpath(exercise_uri(exercises[id_], prefix), folder) for id_ in held
        },
    )


def render_article(article: Article, exercises: list[CheckedExercise]) -> str:
    return _env.get_template("article.md.j2").render(
        article=article,
        exercises=exercises,
        level_names=LEVEL_NAMES,
        body=article_body_markdown(article),
    )


def render_index(catalogue: Catalogue) -> str:
    return _env.get_template("index.md.j2").render(
        articles=catalogue.articles_in_order(),
        exercises_of=catalogue.exercises_of,
        level_names=LEVEL_NAMES,
    )


def render_progress(catalogue: Catalogue, prefix: str = DEFAULT_PREFIX) -> str:
    return _env.get_template("progress.md.j2").render(
        articles=catalogue.articles_in_order(),
        exercises_of=catalogue.exercises_of,
        prefix=prefix,
        targets=_target_count,
        sentences=lambda e: "" if isinstance(e.model, CompareExercise) else str(len(e.units)),
        key=_verdicts_key,
        forms=json.dumps(
            {
                f.name: {"version": d["version"], "units": len(d["units"])}
                for f, d in _forms(catalogue)
            },
            separators=(",", ":"),
        ),
    )


def _forms(catalogue: Catalogue) -> list[tuple[CheckedForm, dict[str, Any]]]:
    return [(form, check_up_data(form)) for form in catalogue.check_ups]


def _verdicts_key(exercise: CheckedExercise) -> str:
    """A spot exercise's verdict per sentence, "2:unsupported 3:attributed …" ('' for
    compare): what the progress page tallies hits and false alarms with."""
    return " ".join(f"{unit}:{answer.verdict.value}" for unit, answer in exercise.answers_by_unit)


def _target_count(exercise: CheckedExercise) -> str:
    """Claims to find in a spot exercise ('' for compare): what a saved result is out of."""
    if isinstance(exercise.model, CompareExercise):
        return ""
    return str(len(target_units(exercise)))


def render_standards(catalogue: Catalogue, prefix: str = DEFAULT_PREFIX) -> str:
    return _env.get_template("standards.md.j2").render(
        articles=catalogue.articles_in_order(),
        exercises_of=catalogue.exercises_of,
        prefix=prefix,
        all_standards=ALL_STANDARDS,
        standards_for=standards_for,
    )


def render_printing(catalogue: Catalogue, prefix: str = DEFAULT_PREFIX) -> str:
    """The teachers' page that links every article's worksheet and answer key."""
    return _env.get_template("printing.md.j2").render(
        articles=catalogue.articles_in_order(),
        exercises_of=catalogue.exercises_of,
        prefix=prefix,
    )


def render_for_print(template: str, article: Article, exercises: list[CheckedExercise]) -> str:
    """An article's worksheet or answer key: all its exercises on one printable page."""
    return _env.get_template(template).render(article=article, exercises=exercises)


def _scoring_data(exercise: CheckedExercise) -> dict[str, Any]:
    """What the shared scoring function needs to score this exercise again from picks."""
    model = exercise.model
    if isinstance(model, CompareExercise):
        return {"reference": model.verdict.value}
    return {
        "sentences": len(exercise.units),
        "answers": [
            {"unit": unit, "verdict": a.verdict.value, "why": [w.value for w in a.why]}
            for unit, a in exercise.answers_by_unit
        ],
    }


def _wrong_pick_answers(exercise: CheckedExercise) -> dict[str, Any]:
    """The reference answers of a spot exercise's sentences that are wrong picks, so that the
    class report can show what the most common wrong picks say and why they are not claims."""
    if isinstance(exercise.model, CompareExercise):
        return {}
    return {
        "nonTargets": [
            {
                "unit": unit,
                "quote": answer.quote,
                "verdict": answer.verdict.value,
                "explanation": answer.explanation,
            }
            for unit, answer in exercise.answers_by_unit
            if answer.verdict.is_scored and not answer.verdict.is_target
        ]
    }


def teacher_data(catalogue: Catalogue, *, report: bool = False) -> list[dict[str, Any]]:
    """What the assignment, student and class report pages need about every exercise; with
    `report`, also what only the class report shows (see `_wrong_pick_answers`). `heldBy`
    names the check-up form that excerpts an exercise ('' for none)."""
    held = {id_: form.name for form in catalogue.check_ups for id_ in form.held}
    return [
        {
            "id": e.model.id,
            "title": e.model.title,
            "article": e.article.id,
            "articleTitle": e.article.meta.title,
            "level": e.model.level,
            "kind": e.model.kind,
            "skills": [skill.value for skill in e.model.skills],
            "version": content_hash(e),
            "heldBy": held.get(e.model.id, ""),
            **_scoring_data(e),
            "targets": [
                {"unit": unit, "quote": answer.quote, "explanation": answer.explanation}
                for unit, answer in e.answers_by_unit
                if answer.verdict.is_target
            ],
            **(_wrong_pick_answers(e) if report else {}),
        }
        for article in catalogue.articles_in_order()
        for e in catalogue.exercises_of(article.id)
    ]


TOOLS = {
    "teachers/assign.md": ("assign", "Assign exercises"),
    "assignment.md": ("assignment", "Your assignment"),
    "teachers/class-report.md": ("report", "Class report"),
}


def built_links(page: str, targets: Mapping[str, str | BuiltLink]) -> Markup:
    """A hidden paragraph of Markdown links from `page` to each target page, keyed.

    MkDocs turns each into the right URL for the site's layout (`use_directory_urls`,
    `pages_dir`, a sub-path), and strict builds fail on a broken one, so the page's script
    reads its links from here instead of guessing them. Keys, paths and versions are slugs,
    paths and hashes the build made; a link's text (an exercise's title) is escaped.
    """
    folder = posixpath.dirname(page) or "."
    links = []
    for key, target in targets.items():
        link = target if isinstance(target, BuiltLink) else BuiltLink(target)
        text = markdown_text(link.text) if link.text else key
        version = f' data-stc-version="{link.version}"' if link.version else ""
        path = posixpath.relpath(link.path, folder)
        links.append(f'[{text}]({path}){{ data-stc-link="{key}"{version} }}')
    return Markup(
        f'{" ".join(links)}\n{{: .stc-links hidden="hidden" data-search-exclude }}' if links else ""
    )


class BuiltLink(NamedTuple):
    """A page the build links to: its path, and for an exercise its title and version."""

    path: str
    text: str = ""
    version: str = ""


def exercise_links(catalogue: Catalogue, prefix: str = DEFAULT_PREFIX) -> dict[str, BuiltLink]:
    """Every exercise, in the site's order (articles in order, each article's exercises in
    order): what an exercise page needs for "Next exercise", an assignment's bar and the
    done and started marks."""
    return {
        f"exercise:{e.model.id}": BuiltLink(exercise_uri(e, prefix), e.model.title, content_hash(e))
        for article in catalogue.articles_in_order()
        for e in catalogue.exercises_of(article.id)
    }


def check_up_links(catalogue: Catalogue) -> dict[str, BuiltLink]:
    return {f"check-up:{form.name}": BuiltLink(check_up_uri(form)) for form in catalogue.check_ups}


def render_tools(
    catalogue: Catalogue, prefix: str = DEFAULT_PREFIX, packages_built: bool = False
) -> dict[str, str]:
    shared, report = teacher_data(catalogue), teacher_data(catalogue, report=True)
    template = _env.get_template("tool.md.j2")
    needs: dict[str, Mapping[str, str | BuiltLink]] = {
        "assign": {
            "page:assignment": "assignment.md",
            "page:check-ups": CHECK_UPS_PAGE,
            **({"download:lms-all": packages(catalogue)[-1].path} if packages_built else {}),
        },
        "assignment": {**exercise_links(catalogue, prefix), **check_up_links(catalogue)},
        "report": {},
    }
    check_ups = check_ups_data(catalogue)
    return {
        path: template.render(
            tool=tool,
            title=title,
            data=report if tool == "report" else shared,
            check_ups=check_ups,
            links=built_links(path, needs[tool]),
        )
        for path, (tool, title) in TOOLS.items()
    }


_SLOT = '<div class="stc-slot" data-stc-slot="{}"></div>'
_BLOCK_START = re.compile(r'^<div class="stc-[a-z-]+"')


def lift_html(markdown: str) -> tuple[str, list[str]]:
    """Move each top-level generated HTML block out of a page's Markdown.

    Markdown passes raw HTML through unchanged but parses all of it to find where it ends,
    which is most of a build's Markdown time for these pages. The plugin hands Markdown a
    placeholder per block and puts the block back into the HTML (`restore_html`). Text in
    the blocks is escaped, so counting tags finds each block's end.
    """
    lines = markdown.split("\n")
    blocks: list[str] = []
    kept: list[str] = []
    index = 0
    while index < len(lines):
        if not _BLOCK_START.match(lines[index]):
            kept.append(lines[index])
            index += 1
            continue
        depth, start = 0, index
        while index < len(lines):
            depth += lines[index].count("<div") - lines[index].count("</div>")
            index += 1
            if depth <= 0:
                break
        kept.append(_SLOT.format(len(blocks)))
        blocks.append("\n".join(lines[start:index]))
    return "\n".join(kept), blocks


def restore_html(html: str, blocks: list[str]) -> str:
    for number, block in enumerate(blocks):
        html = html.replace(_SLOT.format(number), block, 1)
    return html


def render_lms(
    catalogue: Catalogue,
    prefix: str = DEFAULT_PREFIX,
    downloads: str = "none",
    offline_size: int = 0,
) -> str:
    """The teachers' page for LMSs. `downloads` says what the build made: "built" (the
    packages and the offline copy sit beside the page), "offline" (this is the offline
    copy) or "none" (an engine without the plugin made nothing)."""
    folder = posixpath.dirname(LMS_PAGE)
    articles = catalogue.articles_in_order()
    targets: dict[str, BuiltLink] = {}
    data = []
    for article in articles:
        exercises = catalogue.exercises_of(article.id)
        targets[f"article:{article.id}"] = BuiltLink(article_uri(article.id, prefix))
        data.append(
            {
                "id": article.id,
                "title": article.meta.title,
                "exercises": [e.model.id for e in exercises],
                "titles": {e.model.id: e.model.title for e in exercises},
            }
        )
    targets.update(exercise_links(catalogue, prefix))
    return _env.get_template("lms.md.j2").render(
        downloads=downloads,
        packages=[
            {**p._asdict(), "href": posixpath.relpath(p.path, folder)} for p in packages(catalogue)
        ],
        offline=posixpath.relpath(OFFLINE_ZIP, folder),
        offline_size=f"{offline_size / 1_000_000:.1f} MB",
        links=built_links(LMS_PAGE, targets),
        data=data,
    )


def render_pages(
    catalogue: Catalogue,
    prefix: str = DEFAULT_PREFIX,
    downloads: str = "none",
    offline_size: int = 0,
) -> dict[str, str]:
    """Every generated page, keyed by its path in the docs folder. `downloads`: see
    `render_lms`."""
    pages = {
        f"{prefix}/index.md": render_index(catalogue),
        PROGRESS_PAGE: render_progress(catalogue, prefix),
        STANDARDS_PAGE: render_standards(catalogue, prefix),
        PRINTING_PAGE: render_printing(catalogue, prefix),
        CHECK_UP_FORMS_PAGE: render_check_up_forms(catalogue, prefix),
        LMS_PAGE: render_lms(catalogue, prefix, downloads, offline_size),
        **render_tools(catalogue, prefix, downloads == "built"),
    }
    links: dict[str, BuiltLink] = {
        **exercise_links(catalogue, prefix),
        "page:assignment": BuiltLink("assignment.md"),
        "page:progress": BuiltLink(PROGRESS_PAGE),
    }
    for article in catalogue.articles.values():
        exercises = catalogue.exercises_of(article.id)
        folder = f"{prefix}/{article.id}"
        pages[article_uri(article.id, prefix)] = render_article(article, exercises)
        pages[f"{folder}/worksheet.md"] = render_for_print("worksheet.md.j2", article, exercises)
        pages[f"{folder}/answer-key.md"] = render_for_print("answer-key.md.j2", article, exercises)
        for exercise in exercises:
            pages[exercise_uri(exercise, prefix)] = render_exercise(exercise, links, prefix)
    for form in catalogue.check_ups:
        form_links = {
            **exercise_links(catalogue, prefix),
            **check_up_links(catalogue),
            "page:assignment": BuiltLink("assignment.md"),
        }
        pages[check_up_uri(form)] = render_check_up(form, form_links)
    return pages


def navigation(catalogue: Catalogue, prefix: str = DEFAULT_PREFIX) -> list[Any]:
    """The 'Exercises' section in mkdocs.yml's nav format: index, then each article with
    its exercises grouped by level (with navigation.prune, a page carries one branch)."""
    # Pages are listed without nav titles: a nav title would replace the page's own title.
    sections: list[Any] = [f"{prefix}/index.md"]
    for article in catalogue.articles_in_order():
        children: list[Any] = [article_uri(article.id, prefix)]
        exercises = catalogue.exercises_of(article.id)
        for level, name in LEVEL_NAMES.items():
            pages = [exercise_uri(e, prefix) for e in exercises if e.model.level == level]
            if pages:
                children.append({f"Level {level} · {name}": pages})
        sections.append({html.escape(article.meta.title, quote=False): children})
    return sections


def problems_page(report: str, count: int) -> str:
    """What `mkdocs serve` shows on every page while an exercise file is invalid: each
    problem as the checker prints it, as text. The next good save brings the site back."""
    lines = "\n".join(f"<li><code>{html.escape(line)}</code></li>" for line in report.splitlines())
    return (
        '<div class="stc-problems admonition failure" role="alert">\n'
        f'<p class="admonition-title">The site can\'t be shown: {count} problem(s) in the '
        "exercise files</p>\n"
        "<p>Fix these and save: this page updates by itself. Nothing is built for "
        "publishing until every file is valid (<code>make build</code> stops with the same "
        "messages).</p>\n"
        f'<ul class="stc-problems__list">\n{lines}\n</ul>\n</div>\n'
    )


def placeholder_pages(prefix: str = DEFAULT_PREFIX, also: Iterable[str] = ()) -> dict[str, str]:
    """Stand-ins, while the content is invalid, for the generated pages the navigation names
    and for any others (`also`) that a reader may have open."""
    paths = {
        f"{prefix}/index.md",
        PROGRESS_PAGE,
        STANDARDS_PAGE,
        PRINTING_PAGE,
        CHECK_UP_FORMS_PAGE,
        *TOOLS,
        *also,
    }
    return dict.fromkeys(sorted(paths), "# Exercise files need fixing\n")
