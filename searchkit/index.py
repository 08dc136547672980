"""Building, opening and versioning the whoosh index.

An index folder holds generations (``gen-…`` folders) and a ``CURRENT`` file
naming the one in use: a rebuild writes a new generation and switches
``CURRENT`` only when it is complete, so readers never see half an index.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.query.qcore import QueryError as WhooshQueryError
from whoosh.searching import Searcher

from searchkit import __version__
from searchkit.analysis import ANALYZER_VERSION, analyze
from searchkit.errors import (
    IndexCorruptError,
    IndexMissingError,
    IndexVersionError,
    ParseError,
    QueryError,
    SearchkitError,
)
from searchkit.expansion import with_fallbacks
from searchkit.highlight import HighlightFormat
from searchkit.model import Document, Footnote, Hit, Question
from searchkit.ranking import Ranking
from searchkit.schema import SCHEMA_VERSION
from searchkit.search import QueryParser, run_search
from searchkit.suggest import Vocabulary, suggest_query
from searchkit.synonyms import default_table

CURRENT_FILE = "CURRENT"
META_FILE = "searchkit.json"
GENERATION_PREFIX = "gen-"


@dataclass(frozen=True)
class IndexInfo:
    """What an index holds and which versions built it."""

    path: str
    documents: int
    passages: int
    size_bytes: int
    schema_version: int
    analyzer_version: int
    searchkit_version: str
    built: str
    sources: list[str]
    #: The mededelingen in the index, oldest first: dicts with ``doc_id`` and
    #: ``received`` (an ISO date, or None).
    mededelingen: list[dict[str, str | None]]

    def to_dict(self) -> dict[str, Any]:
        """The information as plain JSON-ready data."""
        return asdict(self)


class Index:
    """An open searchkit index. Use :func:`open_index` or :func:`build_index` to get one."""

    def __init__(
        self,
        path: Path,
        generation: Path,
        meta: dict[str, Any],
        ranking: Ranking | None = None,
        synonyms: Path | None = None,
    ) -> None:
        self.path = path
        self._ranking = ranking or Ranking()
        self._generation = generation
        self._meta = meta
        with self._reading():
            self._whoosh = whoosh_index.open_dir(str(generation))
        self._searcher: Searcher | None = None
        self._vocabulary: Vocabulary | None = None
        self._parser = QueryParser(self._whoosh.schema, default_table(synonyms), self._ranking)
        #: Files skipped by the build that made this index, as :class:`ParseError`s.
        self.skipped: list[ParseError] = []
        #: What the update that gave this index did: files added, changed, removed, unchanged.
        self.changes: dict[str, int] = {}

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Releases the searcher and its open files."""
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None

    @property
    def generation(self) -> Path:
        """The folder of the index generation in use."""
        return self._generation

    @property
    def meta(self) -> dict[str, Any]:
        """What the build recorded: versions, counts, sources and their hashes."""
        return self._meta

    @contextmanager
    def _reading(self) -> Iterator[None]:
        """Turns whatever a damaged index file makes whoosh raise into :class:`IndexCorruptError`."""
        try:
            yield
        except SearchkitError:
            raise
        except WhooshQueryError as exc:  # a query whoosh cannot run is the query's fault, not damage
            raise QueryError(f"cannot search this query: {exc}") from exc
        except Exception as exc:  # whoosh raises many kinds (struct, zlib, EOF, OS errors) on damage
            raise IndexCorruptError(
                f"the index in {self.path} is damaged ({exc.__class__.__name__}: {exc}); "
                "rebuild it with `searchkit index`"
            ) from exc

    @property
    def _open_searcher(self) -> Searcher:
        """The searcher, opened once and reused by every query."""
        if self._searcher is None:
            with self._reading():
                self._searcher = self._whoosh.searcher(weighting=self._ranking.weighting())
        return self._searcher

    def search(self, query: str, limit: int = 10, *, highlight: HighlightFormat = "plain") -> list[Hit]:
        """The answer paragraphs that best match ``query``, best first.

        Raises :class:`QueryError` for a query that cannot be searched, and
        :class:`IndexCorruptError` when the index files are damaged.
        """
        parsed = self._parser.parse(query)
        with self._reading():
            searcher = self._open_searcher
            expanded = with_fallbacks(parsed, searcher.reader(), set(analyze(query)))
            return run_search(searcher, expanded, limit, highlight, self._ranking)

    def did_you_mean(self, query: str) -> str | None:
        """``query`` with its unknown words replaced by close words of the index, if any."""
        with self._reading():
            if self._vocabulary is None:
                self._vocabulary = Vocabulary.load(self._generation)
            return suggest_query(self._open_searcher, self._vocabulary, query)

    def check(self) -> list[str]:
        """Reads the whole index and lists what is wrong with it (nothing: an empty list)."""
        try:
            with self._whoosh.searcher() as searcher:
                reader = searcher.reader()
                stored = sum(1 for _ in reader.all_stored_fields())
                for field in reader.indexed_field_names():
                    for _ in reader.lexicon(field):
                        pass
            Vocabulary.load(self._generation)
        except Exception as exc:  # whatever damage makes whoosh raise is what --check reports
            return [f"the index in {self.path} cannot be read ({exc.__class__.__name__}: {exc})"]
        recorded = self._meta.get("passages")
        if stored != recorded:
            return [f"the index in {self.path} holds {stored} passages, its record says {recorded}"]
        return []

    def document(self, doc_id: str) -> Document:
        """The indexed document: its metadata, questions, answers and cross-references."""
        stored = sorted(
            self._open_searcher.documents(doc_id=doc_id),
            key=lambda f: ([int(n) for n in f["question_numbers"].split()], f["paragraph"]),
        )
        if not stored:
            raise SearchkitError(f"no document {doc_id!r} in the index in {self.path}")
        document = Document.from_dict({**stored[0]["document"], "questions": []})
        for fields in stored:
            numbers = tuple(int(n) for n in fields["question_numbers"].split())
            if not document.questions or document.questions[-1].numbers != numbers:
                document.questions.append(
                    Question(
                        numbers,
                        fields["question"],
                        footnotes=_notes(fields["question_notes"]),
                        see_also=tuple(fields["see_also"]),
                    )
                )
            if fields["kind"] == "antwoord":
                question = document.questions[-1]
                question.answer.append(fields["text"])
                question.answer_footnotes.append(_notes(fields["paragraph_notes"]))
        return document

    def info(self) -> IndexInfo:
        """Counts, size on disk and versions of this index."""
        size = sum(f.stat().st_size for f in self._generation.iterdir() if f.is_file())
        return IndexInfo(
            path=str(self.path),
            documents=self._meta["documents"],
            passages=self._meta["passages"],
            size_bytes=size,
            schema_version=self._meta["schema_version"],
            analyzer_version=self._meta["analyzer_version"],
            searchkit_version=self._meta["searchkit_version"],
            built=self._meta["built"],
            sources=self._meta["sources"],
            mededelingen=self._meta["mededelingen"],
        )


def _notes(pairs: list[tuple[int, str]]) -> list[Footnote]:
    return [Footnote(number, text) for number, text in pairs]


def _synonyms_file(synonyms: str | os.PathLike[str] | None) -> Path | None:
    if synonyms is None:
        return None
    path = Path(synonyms)
    if not path.is_file():
        raise SearchkitError(f"{path}: no such synonyms file")
    return path


def open_index(
    index_dir: str | os.PathLike[str],
    *,
    ranking: Ranking | None = None,
    synonyms: str | os.PathLike[str] | None = None,
) -> Index:
    """Opens the index in ``index_dir``, scoring with ``ranking`` (the tuned defaults if None)
    and reading the user's ``synonyms`` file besides the shipped table.

    Raises :class:`IndexMissingError` when there is none, and
    :class:`IndexVersionError` when another version of searchkit built it.
    """
    path = Path(index_dir)
    try:
        generation = path / (path / CURRENT_FILE).read_text("utf-8").strip()
    except FileNotFoundError:
        raise IndexMissingError(f"no index in {path}; build one with `searchkit index`") from None
    try:
        meta = json.loads((generation / META_FILE).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexCorruptError(
            f"the index in {path} is damaged ({exc.__class__.__name__}); rebuild it with `searchkit index`"
        ) from exc
    built_with = (meta.get("schema_version"), meta.get("analyzer_version"))
    if built_with != (SCHEMA_VERSION, ANALYZER_VERSION):
        raise IndexVersionError(
            f"the index in {path} was built by searchkit {meta.get('searchkit_version', '?')} "
            f"(schema {built_with[0]}, analyzer {built_with[1]}); this searchkit {__version__} "
            f"needs schema {SCHEMA_VERSION}, analyzer {ANALYZER_VERSION}: rebuild it with `searchkit index`"
        )
    return Index(path, generation, meta, ranking, _synonyms_file(synonyms))
