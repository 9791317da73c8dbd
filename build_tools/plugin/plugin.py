"""A thin adapter from MkDocs to the plain functions that load, check and render content.

on_config loads and checks every file: an invalid one stops the build with the same
messages as `python -m build_tools validate`, and under `mkdocs serve` turns every page
into the list of problems instead, so that the preview never freezes. on_files adds the
rendered pages as virtual files and expands their place in the nav; on_page_content puts
back the HTML blocks lifted out of their Markdown (see `lift_html`); on_page_content and
on_post_page fail the build if a page could run script (see `html_gate`), and on_post_page
gives every page a skip link (see `skip_link`); on_serve watches
the content folder.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..catalogue import Catalogue, load_catalogue
from ..diagnostics import format_all
from ..downloads import OFFLINE_ZIP
from ..html_gate import unsafe_markup
from ..offline import offline_zip
from ..render import (
    lift_html,
    navigation,
    placeholder_pages,
    problems_page,
    render_pages,
    restore_html,
)
from ..scorm import all_packages
from ..skip_link import add_skip_link
from .config import SpotTheClaimConfig
from .offline_build import (
    add_files,
    build_offline_site,
    building_offline,
    finish_site,
    prepare_config,
)

log = logging.getLogger("mkdocs.plugins.spot-the-claim")


class SpotTheClaimPlugin(BasePlugin[SpotTheClaimConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self.problems: str | None = None  # while serving invalid content: the page to show
        self.last_good: set[str] = set()  # pages of the last valid build, kept while serving
        self.catalogue: Catalogue | None = None
        self.pages: dict[str, str] = {}
        self.blocks: dict[str, list[str]] = {}
        self.offline = False  # this instance builds the offline copy
        self.downloads: dict[str, bytes] = {}  # made by the last offline build, by site path

    def _content_root(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).parent / self.config.exercises_dir

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.problems, self.catalogue = None, None
        if not self.config.enabled:
            return config
        self.offline = building_offline()
        if self.offline:
            prepare_config(config)
        root = self._content_root(config)
        if not root.is_dir():
            raise PluginError(f"spot-the-claim: no content folder at {root}")
        catalogue = load_catalogue(root)
        if not catalogue.ok:
            count = len(catalogue.diagnostics)
            report = format_all(catalogue.diagnostics, relative_to=root.parent)
            if not self.serving:
                raise PluginError(
                    f"{report}\n{count} problem(s) in the exercise files; nothing built."
                )
            # Logged below warning level and with link checks quietened: a warning would
            # abort this strict build, and the preview would freeze on the last good site.
            log.info(
                "%s\n%d problem(s) in the exercise files; the preview shows them.", report, count
            )
            self.problems = problems_page(report, count)
            self.pages = placeholder_pages(self.config.pages_dir, also=self.last_good)
            for checks in (config.validation.links, config.validation.nav):
                for name in checks:
                    checks[name] = logging.INFO
            return config
        self.catalogue = catalogue
        downloads = "offline" if self.offline else "none"
        if not self.offline and self.config.offline_copy:
            self._make_downloads(config, catalogue)
            downloads = "built"
        size = len(self.downloads.get(OFFLINE_ZIP, b""))
        self.pages = render_pages(catalogue, self.config.pages_dir, downloads, size)
        self.last_good = set(self.pages)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or not self.pages:
            return files
        if self.offline:
            add_files(files, config)
        elif self.config.offline_copy:
            for path, archive in self.downloads.items():
                files.append(File.generated(config, path, content=archive))
        for src_uri, content in self.pages.items():
            if files.get_file_from_path(src_uri) is not None:
                raise PluginError(
                    f"spot-the-claim: docs/{src_uri} exists, but that page is generated; "
                    f"rename it or set 'pages_dir' to another folder"
                )
            markdown, self.blocks[src_uri] = lift_html(content)
            files.append(File.generated(config, src_uri, content=markdown))
        if config.nav and self.catalogue is not None:
            index = f"{self.config.pages_dir}/index.md"
            config.nav = _expand(
                config.nav, index, navigation(self.catalogue, self.config.pages_dir)
            )
        return files

    def _make_downloads(self, config: MkDocsConfig, catalogue: Catalogue) -> None:
        """The offline copy and the LMS packages, made from a second build for reading from
        disk. Made once per `mkdocs serve` (a preview's rebuild should not wait for a second
        site; restart it for fresh downloads) and on every `mkdocs build`."""
        if self.serving and self.downloads:
            return
        with build_offline_site(config) as folder:
            self.downloads = {
                OFFLINE_ZIP: offline_zip(folder),
                **all_packages(catalogue, folder, self.config.pages_dir),
            }

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.config.enabled and self.offline:
            finish_site(config)

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return html
        if self.problems is not None:
            return self.problems
        content = restore_html(html, self.blocks.get(page.file.src_uri, []))
        _refuse_unsafe(page, unsafe_markup(content))
        return content

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.config.enabled:
            output = add_skip_link(output)
            _refuse_unsafe(page, unsafe_markup(output, inline_scripts=False))
        return output

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        """Pages built from a template alone (404.html) get their skip link too."""
        if self.config.enabled and template_name.endswith(".html"):
            return add_skip_link(output_content)
        return output_content

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer | None:
        if self.config.enabled:
            server.watch(str(self._content_root(config)))
            server.error_handler = self._problems_instead_of_missing_page
        return server

    def _problems_instead_of_missing_page(self, code: int) -> bytes | None:
        """While the content is invalid, a page that could not be made shows the problems."""
        if code != 404 or self.problems is None:
            return None
        return (
            '<!doctype html><html lang="en"><meta charset="utf-8">'
            "<title>Exercise files need fixing</title><body>"
            f"{self.problems}<p>Reload this page after you save the fix.</p></body></html>"
        ).encode()


def _refuse_unsafe(page: Page, found: list[str]) -> None:
    if found:
        places = "\n".join(f"  {place}" for place in found[:10])
        raise PluginError(
            f"spot-the-claim: the built page {page.file.src_uri} carries markup that could "
            f"run script:\n{places}\nNothing built: find the text or template that made it."
        )


def _expand(nav: Any, index: str, section: list[Any]) -> Any:
    """Replace the nav entry that points at the generated index with the whole section."""
    if isinstance(nav, list):
        return [_expand(item, index, section) for item in nav]
    if isinstance(nav, dict):
        return {
            title: section if value == index else _expand(value, index, section)
            for title, value in nav.items()
        }
    return nav
