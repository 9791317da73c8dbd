"""The offline classroom copy: the site as a folder that works opened from disk (file://).

A page opened from disk has no origin, so Chromium loads no ES module and starts no Worker
from it, and Material's search reads its index from a script instead of fetching it. These
plain functions make the few files that differ from the served site; the plugin runs a
second build with `use_directory_urls` off, adds them, and zips the result (`zip_folder`).
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path, PurePosixPath

# Inside the zip, everything sits in one folder, so that unpacking makes no mess.
OFFLINE_FOLDER = "spot-the-claim"
ASSETS = "assets/stc-offline"
MODULES_SCRIPT = f"{ASSETS}/modules.js"
LOADER_SCRIPT = f"{ASSETS}/loader.js"
WORKER_SHIM = f"{ASSETS}/file-worker.js"
STATIC_ASSETS = ("loader.js", "file-worker.js", "package.css")
# Entries get one fixed time, so that the same site always makes the same zip.
_ZIP_TIME = (2020, 1, 1, 0, 0, 0)


def static_asset(name: str) -> str:
    """The text of one of the offline copy's own scripts (see `offline_assets/`)."""
    return (resources.files("build_tools") / "offline_assets" / name).read_text(encoding="utf-8")


def modules_script(sources: Mapping[str, str]) -> str:
    """A classic script holding the text of each ES module, by file name, for `loader.js`.

    Only modules that sit side by side are supported (`./name.js`); `<` is escaped so that
    the text can never close a script element it is placed in.
    """
    for name in sources:
        if "/" in name or not name.endswith(".js"):
            raise ValueError(f"{name}: the offline loader takes modules of one folder only")
    data = json.dumps(dict(sorted(sources.items())), ensure_ascii=False).replace("<", "\\u003c")
    return (
        "// Made by the build for the offline copy: the site's modules, for loader.js.\n"
        f"self.stcModules = {data};\n"
    )


def search_index_script(index_json: str) -> str:
    """Material reads the search index of a page opened from disk from `__index`."""
    return f"var __index = {index_json.replace('<', chr(92) + 'u003c')};\n"


def zip_bytes(entries: Iterable[tuple[str, bytes]]) -> bytes:
    """A zip of (name, content) pairs, in name order, each with the same fixed time."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name, content in sorted(entries):
            info = zipfile.ZipInfo(name, _ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content)
    return buffer.getvalue()


def folder_entries(folder: Path, under: str = "") -> list[tuple[str, bytes]]:
    """Every file below `folder` as (name in the zip, content), named under `under`."""
    return [
        (str(PurePosixPath(under) / path.relative_to(folder).as_posix()), path.read_bytes())
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    ]


def offline_zip(folder: Path) -> bytes:
    """The offline copy's zip: the built folder under one top-level folder."""
    return zip_bytes(folder_entries(folder, OFFLINE_FOLDER))
