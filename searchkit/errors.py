"""The exceptions searchkit raises; every one derives from :class:`SearchkitError`."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class SearchkitError(Exception):
    """Base class of all searchkit errors; its message is one line, fit for users."""


class ParseError(SearchkitError):
    """A document could not be read or holds no questions."""

    def __init__(self, path: object, reason: str, line: int | None = None) -> None:
        self.path = str(path)
        self.reason = reason
        self.line = line
        # A file's name is anyone's to choose: its control characters are shown as escapes.
        shown = _CONTROL.sub(lambda c: c.group(0).encode("unicode_escape").decode("ascii"), self.path)
        where = f"{shown}:{line}" if line is not None else shown
        super().__init__(f"{where}: {reason}")


class QueryError(SearchkitError):
    """A query cannot be searched (for example: an unknown field, nothing to search for)."""


class IndexMissingError(SearchkitError):
    """There is no index at the given place."""


class IndexVersionError(SearchkitError):
    """The index was built by another version of the schema or the analyzer."""


class IndexCorruptError(SearchkitError):
    """The index exists but cannot be read."""


class IndexLockedError(SearchkitError):
    """Another process is writing the index."""
