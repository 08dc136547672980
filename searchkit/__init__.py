"""searchkit: search Dutch parliamentary written questions and the government's answers."""

__version__ = "0.1.0"

from searchkit.errors import (  # noqa: E402
    IndexCorruptError,
    IndexMissingError,
    IndexVersionError,
    ParseError,
    QueryError,
    SearchkitError,
)
from searchkit.highlight import HighlightFormat  # noqa: E402
from searchkit.index import Index, IndexInfo, ProgressCallback, build_index, open_index  # noqa: E402
from searchkit.model import Document, DocumentKind, Footnote, Hit, Member, Official, Question  # noqa: E402
from searchkit.parsing import parse_document  # noqa: E402

__all__ = [
    "Document",
    "DocumentKind",
    "Footnote",
    "HighlightFormat",
    "Hit",
    "Index",
    "IndexCorruptError",
    "IndexInfo",
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
]
