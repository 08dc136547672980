"""Finding the answer documents to index among files and folders."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from searchkit.errors import ParseError
from searchkit.parsing import SUPPORTED_SUFFIXES


def find_sources(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The supported files among ``paths``, folders searched recursively, in a stable order.

    Hidden files and folders are left out. A path that does not exist raises
    :class:`ParseError` naming it.
    """
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.suffix.lower() in SUPPORTED_SUFFIXES
                    and p.is_file()
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            )
        elif path.is_file():
            found.append(path)
        else:
            raise ParseError(path, "no such file or folder")
    return found
