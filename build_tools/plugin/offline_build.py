"""The plugin's part in the offline copy: a second build of the same configuration, made
for reading from disk, zipped into the first.

The first build calls `build_offline_site`; in the second, `building_offline()` is true, and
its plugin calls `prepare_config`, `add_files` and
`finish_site` to make its pages work from `file://` (see `build_tools.offline`).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import mkdocs
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from ..offline import (
    ASSETS,
    LOADER_SCRIPT,
    MODULES_SCRIPT,
    STATIC_ASSETS,
    WORKER_SHIM,
    modules_script,
    search_index_script,
    static_asset,
)

FRONT_END = "assets/stc/"
ENTRY = FRONT_END + "main.js"
# Set for the second build, which runs in a process of its own: MkDocs keeps one instance of
# a plugin per process, and this build must not share the first one's.
OFFLINE_BUILD = "SPOT_THE_CLAIM_OFFLINE_BUILD"


def building_offline() -> bool:
    return os.environ.get(OFFLINE_BUILD) == "1"


@contextmanager
def build_offline_site(config: MkDocsConfig) -> Iterator[Path]:
    """Build `config`'s project again, for reading from disk, with the same engine (MkDocs
    or ProperDocs), into a temporary folder that lives while the block runs."""
    engine = mkdocs.__name__  # ProperDocs answers MkDocs' imports with its own modules
    env = {**os.environ, OFFLINE_BUILD: "1", "SITE_URL": ""}
    with tempfile.TemporaryDirectory(prefix="stc-offline-") as folder:
        command = [sys.executable, "-m", engine, "build", "--no-directory-urls", "--quiet"]
        command += ["--config-file", str(config.config_file_path), "--site-dir", folder]
        if config.strict:
            command.append("--strict")
        done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        if done.returncode != 0:
            raise PluginError(
                f"spot-the-claim: the offline copy did not build:\n{done.stdout}{done.stderr}"
            )
        yield Path(folder)


def prepare_config(config: MkDocsConfig) -> None:
    """Classic scripts instead of the module entry, the Worker stand-in for search, and no
    instant navigation (on a page opened from disk Material ends its stream of pages
    instead of loading them: nothing would be shown)."""
    features = config.theme.get("features") or []
    config.theme["features"] = [f for f in features if f != "navigation.instant"]
    polyfills = list(config.extra.get("polyfills", []))
    config.extra["polyfills"] = [*polyfills, WORKER_SHIM]
    scripts: list[Any] = []
    for script in config.extra_javascript:
        if str(script) == ENTRY:
            scripts += [MODULES_SCRIPT, LOADER_SCRIPT]
        else:
            scripts.append(script)
    config.extra_javascript = scripts


def add_files(files: Files, config: MkDocsConfig) -> None:
    """The loader, the Worker stand-in, and every front-end module's text for the loader."""
    sources = {
        file.src_uri.removeprefix(FRONT_END): file.content_string
        for file in files
        if file.src_uri.startswith(FRONT_END) and file.src_uri.endswith(".js")
    }
    files.append(File.generated(config, MODULES_SCRIPT, content=modules_script(sources)))
    for name in STATIC_ASSETS:
        files.append(File.generated(config, f"{ASSETS}/{name}", content=static_asset(name)))


def finish_site(config: MkDocsConfig) -> None:
    """Material's search reads its index from a script on a page opened from disk. The
    "not found" page goes: only a web server shows it, and its links start at the server's
    root, which on a disk is the disk's."""
    site = Path(config.site_dir)
    index = site / "search" / "search_index.json"
    if index.is_file():
        script = search_index_script(index.read_text(encoding="utf-8"))
        index.with_suffix(".js").write_text(script, encoding="utf-8")
    (site / "404.html").unlink(missing_ok=True)
