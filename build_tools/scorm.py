"""SCORM 1.2 packages of exercises, for a learning management system's gradebook.

A package is the offline copy's learner pages (see `offline.py`) with a launch page that
runs the exercises and reports to the LMS (`docs/assets/stc/package.js`), and the
`imsmanifest.xml` that tells the LMS what to launch. The build makes one package per
article and one of every exercise; the assignment page in the browser makes a package for
any assignment from the latter, changing only the launch page's data and the manifest's
names. Plain functions: the plugin calls them with the offline build's folder.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .catalogue import Catalogue
from .checks import CheckedExercise
from .downloads import packages
from .offline import ASSETS, folder_entries, zip_bytes
from .render import exercise_uri, teacher_data, template

LAUNCH_PAGE = "launch.html"
MANIFEST = "imsmanifest.xml"
PACKAGE_DATA_ID = "stc-package-data"
# Teachers' pages, answer keys and check-up forms stay out of what a learner is given.
_LEFT_OUT = re.compile(
    r"^(teachers/|check-ups/|downloads/|how-the-answers-were-made\.html$|articles/[^/]+/answer-key\.html$)"
)


def page_href(exercise: CheckedExercise, pages_dir: str) -> str:
    """An exercise page's place in a package (the offline build's layout)."""
    return exercise_uri(exercise, pages_dir).removesuffix(".md") + ".html"


def package_data(
    catalogue: Catalogue, identifier: str, title: str, ids: Iterable[str], pages_dir: str
) -> dict[str, Any]:
    """What the launch page needs: the package's name and its exercises, in order, each
    with its page and what the shared scoring needs to score it."""
    wanted = list(ids)
    exercises = {e.model.id: e for e in catalogue.exercises}
    data = {item["id"]: item for item in teacher_data(catalogue)}
    return {
        "identifier": identifier,
        "title": title,
        "exercises": [
            {**data[id_], "href": page_href(exercises[id_], pages_dir)} for id_ in wanted
        ],
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
    """The offline copy's files that a learner's package carries."""
    return [
        (name, data) for name, data in folder_entries(offline_site) if not _LEFT_OUT.match(name)
    ]


def package_entries(
    site_files: list[tuple[str, bytes]], data: Mapping[str, Any]
) -> list[tuple[str, bytes]]:
    """Every file of one package: the learner pages, the launch page and the manifest."""
    launch = launch_page(data).encode()
    names = [name for name, _ in site_files] + [LAUNCH_PAGE]
    xml = manifest(data["identifier"], data["title"], names).encode()
    return [*site_files, (LAUNCH_PAGE, launch), (MANIFEST, xml)]


def all_packages(catalogue: Catalogue, offline_site: Path, pages_dir: str) -> dict[str, bytes]:
    """Each package's zip, by its path in the site."""
    site_files = learner_files(offline_site)
    return {
        package.path: zip_bytes(
            package_entries(
                site_files,
                package_data(
                    catalogue,
                    f"spot-the-claim-{package.name}",
                    package.title,
                    package.ids,
                    pages_dir,
                ),
            )
        )
        for package in packages(catalogue)
    }
