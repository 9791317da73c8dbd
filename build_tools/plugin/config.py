"""Options of the `spot-the-claim` MkDocs plugin, as set under `plugins:` in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class SpotTheClaimConfig(Config):
    enabled = c.Type(bool, default=True)
    # Folder of articles and exercise files, relative to mkdocs.yml.
    exercises_dir = c.Type(str, default="exercises")
    # Folder inside the site where the generated article and exercise pages go.
    pages_dir = c.Type(str, default="articles")
    # Build the offline classroom copy (a zip of the site that works from disk) with the site.
    offline_copy = c.Type(bool, default=True)
