"""What the site offers teachers to download, and where each file sits in the built site:
the offline copy, and the LMS packages (one per article and one of every exercise)."""

from __future__ import annotations

from typing import NamedTuple

from .catalogue import Catalogue

OFFLINE_ZIP = "downloads/spot-the-claim-offline.zip"
LMS_FOLDER = "downloads/lms"
ALL_EXERCISES = "all-exercises"


class Package(NamedTuple):
    """One LMS package: its name (the zip's), its title in the LMS, its exercises in order."""

    name: str
    title: str
    ids: list[str]

    @property
    def path(self) -> str:
        return f"{LMS_FOLDER}/spot-the-claim-{self.name}.zip"


def packages(catalogue: Catalogue) -> list[Package]:
    """One package per article, in the site's order, then the one of every exercise (which
    the assignment page also makes any assignment's package from)."""
    found = []
    every: list[str] = []
    for article in catalogue.articles_in_order():
        ids = [e.model.id for e in catalogue.exercises_of(article.id)]
        every += ids
        found.append(Package(article.id, f"Spot the Claim: {article.meta.title}", ids))
    found.append(Package(ALL_EXERCISES, "Spot the Claim: every exercise", every))
    return found
