"""Finding the answer documents to index among files and folders."""

from __future__ import annotations

import errno
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
    once. A folder that cannot be read, a symbolic link loop and a link to a
    missing document are listed in ``unreadable``; a path that does not exist
    raises :class:`ParseError` naming it.
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
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root, name)
            if path.suffix.lower() in SUPPORTED_SUFFIXES and path.is_file():
                found.append(path)
            elif path.is_symlink() and (reason := _broken_link(path)):
                unreadable.append(ParseError(path, reason))
    return sorted(found)


def _broken_link(link: Path) -> str | None:
    """Why the symbolic link ``link`` leads to no file, when it matters: a loop always,
    a missing target for a file of a supported type."""
    try:
        link.stat()
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symbolic link loop"
        if link.suffix.lower() in SUPPORTED_SUFFIXES:
            return f"symbolic link to a missing file ({os.readlink(link)})"
    return None
