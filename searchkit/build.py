"""Building an index: answer documents in, a complete new generation switched to at the end."""

from __future__ import annotations

import hashlib
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
from searchkit.index import CURRENT_FILE, GENERATION_PREFIX, META_FILE, Index, open_index, open_whoosh
from searchkit.lock import write_lock
from searchkit.model import Document
from searchkit.parsing import parse_document
from searchkit.schema import SCHEMA_VERSION, build_schema, passages
from searchkit.sources import Sources, find_sources
from searchkit.suggest import Vocabulary, folded_words, write_vocabulary
from searchkit.synonyms import save_shipped_table

#: Builds of at least this many files use a second process.
MIN_FILES_FOR_PROCESSES = 200

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
    except FileExistsError:
        raise SearchkitError(f"cannot write the index in {path}: it is a file, not a folder") from None
    except OSError as error:
        raise SearchkitError(f"cannot write the index in {path}: {error.strerror or error}") from error
    with write_lock(path):
        try:
            generation = Path(tempfile.mkdtemp(prefix=GENERATION_PREFIX, dir=path))
            meta, skipped = _write_generation(generation, sources, strict, progress)
            _switch_to(path, generation)
        except OSError as error:
            shutil.rmtree(generation, ignore_errors=True)
            raise SearchkitError(f"cannot write the index in {path}: {error.strerror or error}") from error
        except BaseException:
            shutil.rmtree(generation, ignore_errors=True)
            raise
    index = Index(path)
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
    ix = whoosh_index.create_in(str(generation), build_schema())
    procs = _processes(len(sources.files))
    # whoosh's multiprocessing writer only helps when each process writes its own segment.
    writer = ix.writer(limitmb=256, procs=procs, multisegment=True) if procs > 1 else ix.writer(limitmb=256)
    skipped: list[ParseError] = list(sources.unreadable)
    seen: dict[str, Path] = {}
    files: dict[str, dict[str, Any]] = {}
    passage_count = 0
    vocabulary: Counter[str] = Counter()
    try:
        for done, source in enumerate(sources.files, start=1):
            try:
                document = _parse(source)
                if document.doc_id in seen:
                    raise ParseError(source, f"document {document.doc_id} is also in {seen[document.doc_id]}")
                record = _file_record(source, document)
            except ParseError as error:
                if strict:
                    raise
                skipped.append(error)
            else:
                seen[document.doc_id] = source
                files[str(source)] = record
                passage_count += _add(writer, document, vocabulary)
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
        "files": files,
        "mededelingen": _listing(files),
    }
    write_vocabulary(generation, vocabulary)
    save_shipped_table(generation)
    _write_meta(generation, meta)
    return meta, skipped


def _processes(files: int) -> int:
    """How many processes analyse and index: two on two cores or more, for builds big enough
    to repay starting them (on 2 cores a 7,800-passage build takes 0.6x the time)."""
    return min(2, os.cpu_count() or 1) if files >= MIN_FILES_FOR_PROCESSES else 1


def _add(writer: Any, document: Document, vocabulary: Counter[str]) -> int:
    """Adds a document's passages to the index and its words to the vocabulary; how many passages."""
    count = 0
    for fields in passages(document):
        writer.add_document(**fields)
        vocabulary.update(folded_words(fields["text"]))
        count += 1
    for question in document.questions:
        vocabulary.update(folded_words(question.text))
    return count


def _file_record(source: Path, document: Document) -> dict[str, Any]:
    """What the index remembers of a source file: its document, and a hash to see changes."""
    return {
        "doc_id": document.doc_id,
        "sha1": _sha1(source),
        "kind": document.kind,
        "received": document.received.isoformat() if document.received else None,
    }


def _sha1(source: Path) -> str:
    try:
        return hashlib.sha1(source.read_bytes()).hexdigest()
    except OSError as error:
        raise ParseError(source, f"cannot read file: {error.strerror or error}") from error


def _listing(files: dict[str, dict[str, Any]]) -> list[dict[str, str | None]]:
    """Ids and received dates of the mededelingen, oldest first (undated last)."""
    records = sorted(
        (r for r in files.values() if r["kind"] == "mededeling"),
        key=lambda r: (r["received"] is None, r["received"] or "", r["doc_id"]),
    )
    return [{"doc_id": r["doc_id"], "received": r["received"]} for r in records]


def _write_meta(generation: Path, meta: dict[str, Any]) -> None:
    """Writes the generation's metadata atomically: readers see the old file or the new one."""
    temporary = generation / f"{META_FILE}.tmp-{os.getpid()}"
    temporary.write_text(json.dumps(meta, indent=2), "utf-8")
    os.replace(temporary, generation / META_FILE)


def _switch_to(path: Path, generation: Path) -> None:
    """Points ``CURRENT`` at ``generation`` atomically, then removes older generations.

    The generation in use until now stays, for readers about to open it (open
    indexes keep their files open and switch on their next use); older ones,
    and the leftovers of builds that were killed, go.
    """
    current = path / CURRENT_FILE
    previous = current.read_text("utf-8").strip() if current.exists() else None
    _point_to(path, generation)
    for old in path.glob(f"{GENERATION_PREFIX}*"):
        if old.name not in (generation.name, previous) and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)


def _point_to(path: Path, generation: Path) -> None:
    """Replaces ``CURRENT`` by a new file naming ``generation``: the change open indexes look for."""
    pointer = path / f"{CURRENT_FILE}.tmp-{os.getpid()}"
    pointer.write_text(generation.name, "utf-8")
    os.replace(pointer, path / CURRENT_FILE)


def update_index(
    paths: Iterable[str | os.PathLike[str]],
    index_dir: str | os.PathLike[str],
    *,
    strict: bool = False,
    progress: ProgressCallback | None = None,
) -> Index:
    """Brings the index in ``index_dir`` up to date with ``paths`` without a full rebuild.

    Files are recognised by path and content hash: new and changed files are
    (re)indexed, documents whose files are gone are removed, unchanged files are
    not read. The returned index's ``changes`` counts what happened; bad files
    are skipped as in :func:`build_index`. Without an index yet, builds one.
    """
    path = Path(index_dir)
    if not (path / CURRENT_FILE).exists():
        return build_index(paths, path, strict=strict, progress=progress)
    with write_lock(path):
        try:
            return _update(open_index(path), paths, strict, progress)
        except OSError as error:  # the index's files may not be written (the lock could)
            raise SearchkitError(f"cannot write the index in {path}: {error.strerror or error}") from error


def _update(
    current: Index, paths: Iterable[str | os.PathLike[str]], strict: bool, progress: ProgressCallback | None
) -> Index:
    path = current.path
    generation, meta = current.generation, dict(current.meta)
    current.close()
    if "files" not in meta:  # built before files were recorded: nothing to compare with
        raise SearchkitError(f"the index in {path} records no files to compare with: rebuild it once")
    sources = find_sources(paths)
    if strict and sources.unreadable:
        raise sources.unreadable[0]
    files: dict[str, dict[str, Any]] = dict(meta.get("files", {}))
    vocabulary = Counter(Vocabulary.load(generation).counts)
    skipped: list[ParseError] = list(sources.unreadable)
    changes = Counter({"added": 0, "changed": 0, "removed": 0, "unchanged": 0})
    ix = open_whoosh(generation)
    writer = ix.writer(limitmb=256)
    try:
        with ix.searcher() as searcher:
            listed = {str(source) for source in sources.files}
            for name in [name for name in files if name not in listed]:
                _remove(writer, searcher, files.pop(name)["doc_id"], vocabulary)
                changes["removed"] += 1
            for done, source in enumerate(sources.files, start=1):
                record = files.get(str(source))
                try:
                    unchanged = record is not None and record["sha1"] == _sha1(source)
                    if not unchanged:
                        document = _parse(source)
                        _check_unique(document, source, files)
                        new_record = _file_record(source, document)
                except ParseError as error:  # the file is skipped; what the index holds of it stays
                    if strict:
                        raise
                    skipped.append(error)
                else:
                    if unchanged:
                        changes["unchanged"] += 1
                    else:
                        if record is not None:
                            _remove(writer, searcher, record["doc_id"], vocabulary)
                        _add(writer, document, vocabulary)
                        files[str(source)] = new_record
                        changes["changed" if record is not None else "added"] += 1
                if progress is not None:
                    progress(source, done, len(sources.files))
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
    meta.update(
        updated=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        documents=len(files),
        passages=ix.doc_count(),
        sources=sorted(files),
        skipped=[str(e) for e in skipped],
        files=files,
        mededelingen=_listing(files),
    )
    write_vocabulary(generation, +vocabulary)
    save_shipped_table(generation)  # tables of a searchkit upgraded since the build
    _write_meta(generation, meta)
    _point_to(path, generation)
    index = Index(path)
    index.skipped = skipped
    index.changes = dict(changes)
    return index


def _remove(writer: Any, searcher: Any, doc_id: str, vocabulary: Counter[str]) -> None:
    """Deletes a document's passages and takes their words out of the vocabulary."""
    questions = set()
    for stored in searcher.documents(doc_id=doc_id):
        vocabulary.subtract(folded_words(stored["text"]))
        if stored["question_numbers"] not in questions:
            questions.add(stored["question_numbers"])
            vocabulary.subtract(folded_words(stored["question"]))
    writer.delete_by_term("doc_id", doc_id)


def _check_unique(document: Document, source: Path, files: dict[str, dict[str, Any]]) -> None:
    """Raises when another indexed file holds the same document."""
    for name, record in files.items():
        if record["doc_id"] == document.doc_id and name != str(source):
            raise ParseError(source, f"document {document.doc_id} is also in {name}")
