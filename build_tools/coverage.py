"""Which sentences of each article the exercises use: every substantive sentence should
appear, whole, in at least one exercise passage."""

from __future__ import annotations

from dataclasses import dataclass

from .catalogue import Catalogue
from .loader import Article
from .segment import Unit, segment


@dataclass(frozen=True)
class ArticleCoverage:
    article: Article
    units: list[Unit]
    used: frozenset[int]

    @property
    def unused(self) -> list[Unit]:
        return [unit for unit in self.units if unit.number not in self.used]

    @property
    def share(self) -> float:
        return len(self.used) / len(self.units) if self.units else 1.0


def article_coverage(catalogue: Catalogue, article: Article) -> ArticleCoverage:
    units = segment(article.text)
    used: set[int] = set()
    for exercise in catalogue.exercises_of(article.id):
        start = article.text.find(exercise.passage)
        end = start + len(exercise.passage)
        used.update(unit.number for unit in units if start <= unit.start and unit.end <= end)
    return ArticleCoverage(article, units, frozenset(used))


def coverage(catalogue: Catalogue) -> list[ArticleCoverage]:
    articles = catalogue.articles_in_order()
    return [article_coverage(catalogue, article) for article in articles]


def format_coverage(results: list[ArticleCoverage]) -> str:
    lines = []
    for result in results:
        lines.append(
            f"{result.article.id}: {len(result.used)} of {len(result.units)} sentences used "
            f"({result.share:.0%})"
        )
        lines.extend(f"  unused {unit.number:>3}: {unit.text}" for unit in result.unused)
    return "\n".join(lines)
