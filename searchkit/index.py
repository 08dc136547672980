"""Building, opening and versioning the whoosh index.

An index folder holds generations (``gen-…`` folders) and a ``CURRENT`` file
naming the one in use: a rebuild writes a new generation and switches
``CURRENT`` only when it is complete, so readers never see half an index.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.searching import Searcher

from searchkit import __version__
from searchkit.analysis import ANALYZER_VERSION
from searchkit.errors import (
    IndexCorruptError,
    IndexMissingError,
    IndexVersionError,
    ParseError,
    SearchkitError,
)
from searchkit.expansion import with_fallbacks
from searchkit.highlight import HighlightFormat
from searchkit.model import Document, Footnote, Hit, Question
from searchkit.parsing import parse_document
from searchkit.ranking import Ranking
from searchkit.schema import SCHEMA_VERSION, build_schema, passages
from searchkit.search import QueryParser, run_search, suggest_query
from searchkit.sources import Sources, find_sources
from searchkit.synonyms import default_table

#: Called after each file while an index is built: the file, how many files are
#: done (this one included) and how many there are in all.
ProgressCallback = Callable[[Path, int, int], None]

CURRENT_FILE = "CURRENT"
META_FILE = "searchkit.json"
_GENERATION_PREFIX = "gen-"


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
        self, path: Path, generation: Path, meta: dict[str, Any], ranking: Ranking | None = None
    ) -> None:
        self.path = path
        self._ranking = ranking or Ranking()
        self._generation = generation
        self._meta = meta
        try:
            self._whoosh = whoosh_index.open_dir(str(generation))
        except Exception as exc:  # whoosh raises many kinds on damaged files
            raise IndexCorruptError(
                f"the index in {path} cannot be read ({exc}); rebuild it with `searchkit index`"
            ) from exc
        self._searcher: Searcher | None = None
        self._parser = QueryParser(self._whoosh.schema, default_table(), self._ranking)
        #: Files skipped by the build that made this index, as :class:`ParseError`s.
        self.skipped: list[ParseError] = []

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
    def _open_searcher(self) -> Searcher:
        """The searcher, opened once and reused by every query."""
        if self._searcher is None:
            self._searcher = self._whoosh.searcher(weighting=self._ranking.weighting())
        return self._searcher

    def search(self, query: str, limit: int = 10, *, highlight: HighlightFormat = "plain") -> list[Hit]:
        """The answer paragraphs that best match ``query``, best first.

        Raises :class:`QueryError` for a query that cannot be searched.
        """
        searcher = self._open_searcher
        parsed = with_fallbacks(self._parser.parse(query), searcher.reader())
        return run_search(searcher, parsed, limit, highlight)

    def did_you_mean(self, query: str) -> str | None:
        """``query`` with its unknown words replaced by close words of the index, if any."""
        return suggest_query(self._open_searcher, query)

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


def open_index(index_dir: str | os.PathLike[str], *, ranking: Ranking | None = None) -> Index:
    """Opens the index in ``index_dir``, scoring with ``ranking`` (the tuned defaults if None).

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
    return Index(path, generation, meta, ranking)


def build_index(
    paths: Iterable[str | os.PathLike[str]],
    index_dir: str | os.PathLike[str],
    *,
    strict: bool = False,
    progress: ProgressCallback | None = None,
) -> Index:
    """Rebuilds the index in ``index_dir`` from answer documents (files or folders).

    A file that cannot be parsed (or a folder that cannot be read) is skipped and
    listed in the returned index's ``skipped``; with ``strict=True`` its
    :class:`ParseError` is raised. ``progress`` is called after each file. The
    previous index stays in use until the new one is complete.
    """
    sources = find_sources(paths)
    if strict and sources.unreadable:
        raise sources.unreadable[0]
    path = Path(index_dir)
    try:
        path.mkdir(parents=True, exist_ok=True)
        generation = Path(tempfile.mkdtemp(prefix=_GENERATION_PREFIX, dir=path))
    except OSError as error:
        raise SearchkitError(f"cannot write the index in {path}: {error.strerror or error}") from error
    try:
        meta, skipped = _write_generation(generation, sources, strict, progress)
        _switch_to(path, generation)
    except OSError as error:
        shutil.rmtree(generation, ignore_errors=True)
        raise SearchkitError(f"cannot write the index in {path}: {error.strerror or error}") from error
    except BaseException:
        shutil.rmtree(generation, ignore_errors=True)
        raise
    index = Index(path, generation, meta)
    index.skipped = skipped
    return index


def _parse(source: Path) -> Document:
    """The document in ``source``; any failure of a reader becomes a :class:`ParseError`."""
    try:
        return parse_document(source)
    except ParseError:
        raise
    except Exception as error:  # a reader's bug or a library's odd exception must not stop a build
        raise ParseError(source, f"cannot be read ({error.__class__.__name__}: {error})") from error


def _write_generation(
    generation: Path, sources: Sources, strict: bool, progress: ProgressCallback | None
) -> tuple[dict[str, Any], list[ParseError]]:
    started = time.perf_counter()
    writer = whoosh_index.create_in(str(generation), build_schema()).writer(limitmb=256)
    skipped: list[ParseError] = list(sources.unreadable)
    seen: dict[str, Path] = {}
    mededelingen: list[Document] = []
    passage_count = 0
    try:
        for done, source in enumerate(sources.files, start=1):
            try:
                document = _parse(source)
                if document.doc_id in seen:
                    raise ParseError(source, f"document {document.doc_id} is also in {seen[document.doc_id]}")
            except ParseError as error:
                if strict:
                    raise
                skipped.append(error)
            else:
                seen[document.doc_id] = source
                if document.kind == "mededeling":
                    mededelingen.append(document)
                for fields in passages(document):
                    writer.add_document(**fields)
                    passage_count += 1
            if progress is not None:
                progress(source, done, len(sources.files))
        if not seen:
            raise SearchkitError("no answer documents to index" + (f": {skipped[0]}" if skipped else ""))
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
    meta = {
        "schema_version": SCHEMA_VERSION,
        "analyzer_version": ANALYZER_VERSION,
        "searchkit_version": __version__,
        "built": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "build_seconds": round(time.perf_counter() - started, 3),
        "documents": len(seen),
        "passages": passage_count,
        "sources": [str(p) for p in sources.files],
        "skipped": [str(e) for e in skipped],
        "mededelingen": _listing(mededelingen),
    }
    (generation / META_FILE).write_text(json.dumps(meta, indent=2), "utf-8")
    return meta, skipped


def _listing(mededelingen: list[Document]) -> list[dict[str, str | None]]:
    """Ids and received dates of the mededelingen, oldest first (undated last)."""
    ordered = sorted(mededelingen, key=lambda d: (d.received is None, d.received or dt.date.min, d.doc_id))
    return [{"doc_id": d.doc_id, "received": d.received.isoformat() if d.received else None} for d in ordered]


def _switch_to(path: Path, generation: Path) -> None:
    """Points ``CURRENT`` at ``generation`` atomically, then removes older generations."""
    pointer = path / f"{CURRENT_FILE}.tmp-{os.getpid()}"
    pointer.write_text(generation.name, "utf-8")
    os.replace(pointer, path / CURRENT_FILE)
    for old in path.glob(f"{_GENERATION_PREFIX}*"):
        if old != generation and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)
