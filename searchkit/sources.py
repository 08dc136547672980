"""Finding the answer documents to index among files and folders."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from searchkit.errors import ParseError
from searchkit.parsing import SUPPORTED_SUFFIXES


@dataclass
class Sources:
    """The files to index, and the folders that could not be read (as ParseErrors)."""

    files: list[Path] = field(default_factory=list)
    unreadable: list[ParseError] = field(default_factory=list)


def find_sources(paths: Iterable[str | os.PathLike[str]]) -> Sources:
    """The supported files among ``paths``, folders searched recursively, in a stable order.

    Hidden files and folders are left out, symbolic links are followed once (a
    link back up the tree is not walked again) and a file reached twice is listed
    once. A folder that cannot be read is listed in ``unreadable``; a path that does
    not exist raises :class:`ParseError` naming it.
    """
    sources = Sources()
    seen: set[str] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = _walk(path, sources.unreadable)
        elif path.is_file():
            found = [path]
        else:
            raise ParseError(path, "no such file or folder")
        for file in found:
            real = os.path.realpath(file)
            if real not in seen:
                seen.add(real)
                sources.files.append(file)
    return sources


def _walk(folder: Path, unreadable: list[ParseError]) -> list[Path]:
    """The supported, visible files under ``folder``, sorted."""

    def report(error: OSError) -> None:
        unreadable.append(ParseError(error.filename, f"cannot read folder: {error.strerror or error}"))

    found: list[Path] = []
    visited: set[tuple[int, int]] = set()
    for root, folders, files in os.walk(folder, onerror=report, followlinks=True):
        status = os.stat(root)
        if (status.st_dev, status.st_ino) in visited:
            folders.clear()
            continue
        visited.add((status.st_dev, status.st_ino))
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        found.extend(
            Path(root, name)
            for name in files
            if not name.startswith(".")
            and Path(name).suffix.lower() in SUPPORTED_SUFFIXES
            and Path(root, name).is_file()
        )
    return sorted(found)
