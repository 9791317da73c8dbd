"""SCORM 1.2 packages of exercises, for a learning management system's gradebook.

A package is the offline copy's learner pages (see `offline.py`) with a launch page that
runs the exercises and reports to the LMS (`docs/assets/stc/package.js`), and the
`imsmanifest.xml` that tells the LMS what to launch. The build makes one package per
article and one of every exercise; the assignment page in the browser makes a package for
any assignment from the latter, changing only the launch page's data and the manifest's
names. Plain functions: the plugin calls them with the offline build's folder.
"""

from __future__ import annotations

import json
import re
from collections.abc import Container, Iterable, Mapping
from pathlib import Path
from typing import Any

from .catalogue import Catalogue
from .checks import CheckedExercise
from .downloads import packages
from .offline import ASSETS, folder_entries, search_index_script, zip_bytes
from .render import exercise_uri, teacher_data, template

LAUNCH_PAGE = "launch.html"
MANIFEST = "imsmanifest.xml"
PACKAGE_DATA_ID = "stc-package-data"
SCHEMA_DIR = Path(__file__).parent / "scorm_schemas"
SEARCH_INDEX = "search/search_index.json"
SEARCH_SCRIPT = "search/search_index.js"
# Teachers' pages, answer keys and check-up forms stay out of what a learner is given.
_LEFT_OUT = re.compile(
    r"^(teachers/|check-ups/|downloads/"
    r"|(how-the-answers-were-made|articles/[^/]+/(answer-key|worksheet))\.html($|#))"
)
# Pages a package holds but does not lead to: its launch page lists the exercises and keeps
# the work, so an assignment or a progress file has no place in it.
_NOT_LINKED = re.compile(r"^(assignment|progress)\.html$")


def page_href(exercise: CheckedExercise, pages_dir: str) -> str:
    """An exercise page's place in a package (the offline build's layout)."""
    return exercise_uri(exercise, pages_dir).removesuffix(".md") + ".html"


# What the launch page needs of each exercise: its name, page and what the shared scoring
# needs to score it again. Nothing more: a learner can read the launch page's source.
_EXERCISE_FIELDS = ("id", "title", "kind", "version", "answers", "reference")


def package_data(
    catalogue: Catalogue,
    identifier: str,
    title: str,
    ids: Iterable[str],
    pages_dir: str,
    site_pages: Iterable[str] = (),
) -> dict[str, Any]:
    """What the launch page needs: the package's name, its exercises in order, and the
    pages of `site_pages` (the learner pages the package holds) that an exercise in it may
    lead to: all but other exercises' pages and those `_NOT_LINKED`."""
    wanted = list(ids)
    exercises = {e.model.id: e for e in catalogue.exercises}
    data = {item["id"]: item for item in teacher_data(catalogue)}
    own = {page_href(exercises[id_], pages_dir) for id_ in wanted}
    others = {page_href(e, pages_dir) for e in catalogue.exercises} - own
    return {
        "identifier": identifier,
        "title": title,
        "exercises": [
            {
                **{key: data[id_][key] for key in _EXERCISE_FIELDS if key in data[id_]},
                "href": page_href(exercises[id_], pages_dir),
            }
            for id_ in wanted
        ],
        "pages": sorted(
            page for page in site_pages if page not in others and not _NOT_LINKED.match(page)
        ),
    }


def launch_page(data: Mapping[str, Any]) -> str:
    return template("scorm-launch.html.j2").render(data=data, title=data["title"], assets=ASSETS)


def manifest(identifier: str, title: str, files: Iterable[str]) -> str:
    """`imsmanifest.xml` for a package of one SCO, launched from `LAUNCH_PAGE`, listing
    every file of the package (IMS Content Packaging 1.1.2 with the ADL SCORM 1.2
    extensions)."""
    return template("imsmanifest.xml.j2").render(
        identifier=identifier, title=title, launch=LAUNCH_PAGE, files=sorted(files)
    )


def learner_files(offline_site: Path) -> list[tuple[str, bytes]]:
    """The offline copy's files that a learner's package carries, its search index holding
    only those pages."""
    files = []
    for name, data in folder_entries(offline_site):
        if _LEFT_OUT.match(name):
            continue
        if name == SEARCH_INDEX:
            data = learner_search_index(data.decode("utf-8")).encode()
        elif name == SEARCH_SCRIPT:
            data = search_index_script(
                learner_search_index(_script_json(data.decode("utf-8")))
            ).encode()
        files.append((name, data))
    return files


def learner_search_index(index_json: str, pages: Container[str] | None = None) -> str:
    """A search index without the pages a package leaves out and, given the `pages` a
    package holds, without any other page: a result must lead somewhere in the package."""
    index = json.loads(index_json)
    index["docs"] = [
        doc
        for doc in index["docs"]
        if not _LEFT_OUT.match(doc["location"])
        and (pages is None or (doc["location"].split("#")[0] or "index.html") in pages)
    ]
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def _searching_only(files: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """`files` with their search index cut to the pages among them."""
    pages = {name for name, _ in files if name.endswith(".html")}
    kept = []
    for name, data in files:
        if name == SEARCH_INDEX:
            data = learner_search_index(data.decode("utf-8"), pages).encode()
        elif name == SEARCH_SCRIPT:
            index = learner_search_index(_script_json(data.decode("utf-8")), pages)
            data = search_index_script(index).encode()
        kept.append((name, data))
    return kept


def _script_json(script: str) -> str:
    return script.removeprefix("var __index = ").rstrip().removesuffix(";")


def package_entries(
    site_files: list[tuple[str, bytes]], data: Mapping[str, Any]
) -> list[tuple[str, bytes]]:
    """Every file of one package: the learner pages, the launch page and the manifest."""
    launch = launch_page(data).encode()
    names = [name for name, _ in site_files] + [LAUNCH_PAGE]
    xml = manifest(data["identifier"], data["title"], names).encode()
    return [*site_files, (LAUNCH_PAGE, launch), (MANIFEST, xml), *control_files()]


def control_files() -> list[tuple[str, bytes]]:
    """The XML Schemas the manifest names, which SCORM 1.2 puts beside it."""
    return [(path.name, path.read_bytes()) for path in sorted(SCHEMA_DIR.glob("*.xsd"))]


def all_packages(catalogue: Catalogue, offline_site: Path, pages_dir: str) -> dict[str, bytes]:
    """Each package's zip, by its path in the site. A package holds its own exercises'
    pages and none of the others'."""
    site_files = learner_files(offline_site)
    exercise_pages = {page_href(e, pages_dir): e.model.id for e in catalogue.exercises}
    zips = {}
    for package in packages(catalogue):
        files = _searching_only(
            [
                (name, content)
                for name, content in site_files
                if name not in exercise_pages or exercise_pages[name] in package.ids
            ]
        )
        data = package_data(
            catalogue,
            f"spot-the-claim-{package.name}",
            package.title,
            package.ids,
            pages_dir,
            [name for name, _ in files if name.endswith(".html")],
        )
        zips[package.path] = zip_bytes(package_entries(files, data))
    return zips
