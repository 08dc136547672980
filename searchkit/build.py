"""Building an index: answer documents in, a complete new generation switched to at the end."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index

from searchkit import __version__
from searchkit.analysis import ANALYZER_VERSION
from searchkit.errors import ParseError, SearchkitError
from searchkit.index import CURRENT_FILE, GENERATION_PREFIX, META_FILE, Index
from searchkit.model import Document
from searchkit.parsing import parse_document
from searchkit.schema import SCHEMA_VERSION, build_schema, passages
from searchkit.sources import Sources, find_sources
from searchkit.suggest import folded_words, write_vocabulary

#: Called after each file while an index is built: the file, how many files are
#: done (this one included) and how many there are in all.
ProgressCallback = Callable[[Path, int, int], None]


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
        generation = Path(tempfile.mkdtemp(prefix=GENERATION_PREFIX, dir=path))
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
    vocabulary: Counter[str] = Counter()
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
                    vocabulary.update(folded_words(fields["text"]))
                for question in document.questions:
                    vocabulary.update(folded_words(question.text))
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
    write_vocabulary(generation, vocabulary)
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
    for old in path.glob(f"{GENERATION_PREFIX}*"):
        if old != generation and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)
