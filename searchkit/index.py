"""Building, opening and versioning the whoosh index.

An index folder holds generations (``gen-…`` folders) and a ``CURRENT`` file
naming the one in use: a rebuild writes a new generation and switches
``CURRENT`` only when it is complete, so readers never see half an index. Every
change (a rebuild or an update) replaces ``CURRENT``; an open :class:`Index`
sees that before its next use and switches to the new state.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from whoosh.filedb.filestore import FileStorage
from whoosh.index import FileIndex
from whoosh.query.qcore import QueryError as WhooshQueryError
from whoosh.searching import Searcher

from searchkit import __version__
from searchkit import synonyms as synonym_tables
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
from searchkit.suggest import VOCABULARY_FILE, Vocabulary, suggest_query
from searchkit.wildcards import expand_wildcards

if TYPE_CHECKING:
    from searchkit.vectorized import VectorSearcher

CURRENT_FILE = "CURRENT"
META_FILE = "searchkit.json"
GENERATION_PREFIX = "gen-"
_GENERATION_NAME = re.compile(rf"{GENERATION_PREFIX}\w+", re.ASCII)
#: From this many passages queries are scored with numpy (:mod:`searchkit.vectorized`);
#: below it whoosh's matchers score every match in less time than importing numpy takes.
VECTOR_MIN_PASSAGES = 5_000


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


class _Pointer(NamedTuple):
    """What ``CURRENT`` says, and which file said it: a writer replaces the file on every change."""

    name: str
    inode: int
    mtime_ns: int


def _read_pointer(path: Path) -> _Pointer:
    """The generation ``CURRENT`` names in the index folder ``path``: one small read."""
    try:
        with open(path / CURRENT_FILE, "rb") as pointer:
            status = os.fstat(pointer.fileno())
            name = pointer.read().decode("utf-8").strip()
    except (FileNotFoundError, NotADirectoryError):
        raise IndexMissingError(f"no index in {path}; build one with `searchkit index`") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise IndexCorruptError(
            f"the index in {path} cannot be read ({exc.__class__.__name__}: {exc}); "
            "rebuild it with `searchkit index`"
        ) from exc
    if not _GENERATION_NAME.fullmatch(name):  # a generation is a folder of the index, never a path
        raise IndexCorruptError(
            f"the index in {path} is damaged ({CURRENT_FILE} names no generation: {name[:80]!r}); "
            "rebuild it with `searchkit index`"
        )
    return _Pointer(name, status.st_ino, status.st_mtime_ns)


@contextmanager
def _reading(path: Path) -> Iterator[None]:
    """Turns whatever a damaged index file makes whoosh raise into :class:`IndexCorruptError`."""
    try:
        yield
    except SearchkitError:
        raise
    except WhooshQueryError as exc:  # a query whoosh cannot run is the query's fault, not damage
        raise QueryError(f"cannot search this query: {exc}") from exc
    except Exception as exc:  # whoosh raises many kinds (struct, zlib, EOF, OS errors) on damage
        raise IndexCorruptError(
            f"the index in {path} is damaged ({exc.__class__.__name__}: {exc}); "
            "rebuild it with `searchkit index`"
        ) from exc


class _Generation:
    """One generation, opened whole: its record, a whoosh searcher and the vocabulary file.

    Everything is opened here, so the generation stays readable after a writer
    removes its folder (open files outlive their names on POSIX).
    """

    def __init__(self, path: Path, pointer: _Pointer, ranking: Ranking) -> None:
        self.pointer = pointer
        self.folder = path / pointer.name
        self.meta = _read_meta(path, self.folder)
        self._vocabulary: Vocabulary | None = None
        self._vocabulary_file: IO[str] | None = None
        with _reading(path):
            self.size = _size(self.folder)
            self.searcher = open_whoosh(self.folder).searcher(weighting=ranking.weighting())
            try:
                #: numpy's evaluation of queries on the searcher, for a generation large enough.
                self.vectors = _vector_searcher(self.searcher)
                self._vocabulary_file = open(self.folder / VOCABULARY_FILE, encoding="utf-8")
            except FileNotFoundError:  # built before vocabularies were written
                pass
            except BaseException:
                self.searcher.close()
                raise

    def vocabulary(self) -> Vocabulary:
        """The words of the generation, read on first use (from the file opened with it)."""
        if self._vocabulary is None:
            text = self._vocabulary_file.read() if self._vocabulary_file is not None else ""
            self._vocabulary = Vocabulary.parse(text)
        return self._vocabulary

    def close(self) -> None:
        self.searcher.close()
        if self._vocabulary_file is not None:
            self._vocabulary_file.close()


def _size(folder: Path) -> int:
    """The bytes of the files in ``folder`` (a file a writer removes meanwhile counts nothing)."""
    size = 0
    for entry in os.scandir(folder):
        try:
            size += entry.stat().st_size if entry.is_file() else 0
        except FileNotFoundError:
            pass
    return size


def _read_meta(path: Path, folder: Path) -> dict[str, Any]:
    """The build's record of a generation, refused when another version of searchkit wrote it."""
    try:
        meta: dict[str, Any] = json.loads((folder / META_FILE).read_text("utf-8"))
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
    return meta


#: How often opening the current generation is tried when writers keep replacing it meanwhile.
_OPEN_ATTEMPTS = 3


def _open_current(path: Path, ranking: Ranking) -> _Generation:
    """The generation ``CURRENT`` names, opened. When that fails because a writer switched
    to a newer generation (and removed this one) meanwhile, the newer one is opened."""
    pointer = _read_pointer(path)
    for _ in range(_OPEN_ATTEMPTS - 1):
        try:
            return _Generation(path, pointer, ranking)
        except IndexCorruptError:
            newer = _read_pointer(path)
            if newer == pointer:
                raise
            pointer = newer
    return _Generation(path, pointer, ranking)


class Index:
    """An open searchkit index. Use :func:`open_index` or :func:`build_index` to get one.

    An index stays usable while other processes rebuild or update it: before
    each use it checks ``CURRENT`` (one small read) and, when a writer changed
    it, switches to the new generation, so it answers from the newest
    complete index.
    """

    def __init__(self, path: Path, ranking: Ranking | None = None, synonyms: Path | None = None) -> None:
        self.path = path
        self._ranking = ranking or Ranking()
        self._current: _Generation | None = _open_current(path, self._ranking)
        try:
            synonym_table = synonym_tables.table(self._current.folder, synonyms)
        except BaseException:
            self.close()
            raise
        self._parser = QueryParser(self._current.searcher.schema, synonym_table, self._ranking)
        #: Files skipped by the build that made this index, as :class:`ParseError`s.
        self.skipped: list[ParseError] = []
        #: What the update that gave this index did: files added, changed, removed, unchanged.
        self.changes: dict[str, int] = {}

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Releases the searcher and its open files (a later use opens them again)."""
        if self._current is not None:
            self._current.close()
            self._current = None

    def _in_use(self) -> _Generation:
        """The generation ``CURRENT`` names: the one open, unless a writer changed ``CURRENT``
        since, in which case the new one is opened and the old one closed."""
        pointer = _read_pointer(self.path)
        if self._current is None or self._current.pointer != pointer:
            fresh = _open_current(self.path, self._ranking)
            self.close()
            self._current = fresh
        return self._current

    @property
    def generation(self) -> Path:
        """The folder of the index generation in use."""
        return self._in_use().folder

    @property
    def meta(self) -> dict[str, Any]:
        """What the build recorded: versions, counts, sources and their hashes."""
        return self._in_use().meta

    def search(self, query: str, limit: int = 10, *, highlight: HighlightFormat = "plain") -> list[Hit]:
        """The answer paragraphs that best match ``query``, best first.

        Raises :class:`QueryError` for a query that cannot be searched, and
        :class:`IndexCorruptError` when the index files are damaged.
        """
        parsed = self._parser.parse(query)
        generation = self._in_use()
        with _reading(self.path):
            searcher = generation.searcher
            expanded = with_fallbacks(parsed, searcher.reader(), set(analyze(query)))
            expanded = expand_wildcards(expanded, searcher.reader(), generation.vocabulary)
            return run_search(searcher, expanded, limit, highlight, self._ranking, generation.vectors)

    def did_you_mean(self, query: str) -> str | None:
        """``query`` with its unknown words replaced by close words of the index, if any."""
        generation = self._in_use()
        with _reading(self.path):
            return suggest_query(generation.searcher, generation.vocabulary(), query)

    def check(self) -> list[str]:
        """Reads the whole index and lists what is wrong with it (nothing: an empty list)."""
        generation = self._in_use()
        try:
            reader = generation.searcher.reader()
            stored = sum(1 for _ in reader.all_stored_fields())
            for field in reader.indexed_field_names():
                for _ in reader.lexicon(field):
                    pass
            generation.vocabulary()
        except Exception as exc:  # whatever damage makes whoosh raise is what --check reports
            return [f"the index in {self.path} cannot be read ({exc.__class__.__name__}: {exc})"]
        recorded = generation.meta.get("passages")
        if stored != recorded:
            return [f"the index in {self.path} holds {stored} passages, its record says {recorded}"]
        return []

    def document(self, doc_id: str) -> Document:
        """The indexed document: its metadata, questions, answers and cross-references."""
        generation = self._in_use()
        with _reading(self.path):
            stored = sorted(
                generation.searcher.documents(doc_id=doc_id),
                key=lambda f: ([int(n) for n in f["question_numbers"].split()], f["paragraph"]),
            )
        if not stored:
            shown = doc_id if len(doc_id) <= 100 else f"{doc_id[:100]}…"
            raise SearchkitError(f"no document {shown!r} in the index in {self.path}")
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
        generation = self._in_use()
        meta = generation.meta
        return IndexInfo(
            path=str(self.path),
            documents=meta["documents"],
            passages=meta["passages"],
            size_bytes=generation.size,
            schema_version=meta["schema_version"],
            analyzer_version=meta["analyzer_version"],
            searchkit_version=meta["searchkit_version"],
            built=meta["built"],
            sources=meta["sources"],
            mededelingen=meta["mededelingen"],
        )


def open_whoosh(folder: Path) -> FileIndex:
    """The whoosh index in ``folder``, its files read as files: memory-mapped, whoosh3
    copies each segment whole into memory on opening it (twice the index's size in
    RAM, a second at a million passages)."""
    return FileStorage(str(folder), supports_mmap=False).open_index()


def _vector_searcher(searcher: Searcher) -> VectorSearcher | None:
    """numpy's evaluation for an index large enough to gain by it, else None (whoosh's matchers)."""
    if searcher.doc_count_all() < VECTOR_MIN_PASSAGES:
        return None
    from searchkit.vectorized import Unsupported, VectorSearcher

    try:
        return VectorSearcher(searcher)
    except Unsupported:
        return None


def _notes(pairs: list[tuple[int, str]]) -> list[Footnote]:
    return [Footnote(number, text) for number, text in pairs]


def _synonyms_file(synonyms: str | os.PathLike[str] | None) -> Path | None:
    if synonyms is None:
        return None
    path = Path(synonyms)
    if path.is_dir():
        raise SearchkitError(f"{path}: a folder, not a synonyms file")
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
    return Index(Path(index_dir), ranking, _synonyms_file(synonyms))
