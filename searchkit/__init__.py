"""searchkit: search Dutch parliamentary written questions and the government's answers."""

from typing import TYPE_CHECKING

__version__ = "0.1.0"

from searchkit.errors import (  # noqa: E402
    IndexCorruptError,
    IndexLockedError,
    IndexMissingError,
    IndexVersionError,
    ParseError,
    QueryError,
    SearchkitError,
)
from searchkit.highlight import HighlightFormat  # noqa: E402
from searchkit.index import Index, IndexInfo, open_index  # noqa: E402
from searchkit.model import Document, DocumentKind, Footnote, Hit, Member, Official, Question  # noqa: E402

if TYPE_CHECKING:
    from searchkit.build import ProgressCallback, build_index, update_index
    from searchkit.parsing import parse_document

# Building and parsing load the readers (PDF among them) and the lexicon: a query
# needs none of them, so they are imported on first use.
_LAZY = {
    "build_index": "searchkit.build",
    "update_index": "searchkit.build",
    "ProgressCallback": "searchkit.build",
    "parse_document": "searchkit.parsing",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'searchkit' has no attribute {name!r}")


__all__ = [
    "Document",
    "DocumentKind",
    "Footnote",
    "HighlightFormat",
    "Hit",
    "Index",
    "IndexCorruptError",
    "IndexInfo",
    "IndexLockedError",
    "IndexMissingError",
    "IndexVersionError",
    "Member",
    "Official",
    "ParseError",
    "ProgressCallback",
    "Question",
    "QueryError",
    "SearchkitError",
    "__version__",
    "build_index",
    "open_index",
    "parse_document",
    "update_index",
]
