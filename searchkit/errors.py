"""The exceptions searchkit raises; every one derives from :class:`SearchkitError`."""

from __future__ import annotations


class SearchkitError(Exception):
    """Base class of all searchkit errors; its message is one line, fit for users."""


class ParseError(SearchkitError):
    """A document could not be read or holds no questions."""

    def __init__(self, path: object, reason: str, line: int | None = None) -> None:
        self.path = str(path)
        self.reason = reason
        self.line = line
        where = f"{self.path}:{line}" if line is not None else self.path
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
