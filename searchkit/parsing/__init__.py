"""Read answer documents into :class:`~searchkit.model.Document` objects, whatever their format."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from searchkit.errors import ParseError
from searchkit.model import Document
from searchkit.parsing import text_export
from searchkit.parsing.cleanup import clean_line, clean_text
from searchkit.parsing.flow import Flow
from searchkit.parsing.metadata import read_metadata
from searchkit.parsing.references import link_references
from searchkit.parsing.structure import parse_structure

__all__ = ["SUPPORTED_SUFFIXES", "parse_document"]


def _read_text_export(path: Path) -> Flow:
    return text_export.read_flow(clean_text(_read_text(path)))


def _read_pdf(path: Path) -> Flow:
    from searchkit.parsing import pdf  # loads pypdfium2: only when a PDF comes

    return pdf.read_flow(path)


#: How each kind of file is read into a Flow, by suffix.
_READERS: dict[str, Callable[[Path], Flow]] = {
    ".txt": _read_text_export,
    ".md": _read_text_export,
    ".pdf": _read_pdf,
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(_READERS)
#: Answer documents are at most a few MB; a bigger file is not one, and is not read.
MAX_FILE_BYTES = 50_000_000
_ENCODINGS = ("utf-8-sig", "cp1252")


def parse_document(path: str | os.PathLike[str]) -> Document:
    """The document in the file at ``path``; raises ParseError when it cannot be read."""
    path = Path(path)
    reader = _reader(path)
    _check_size(path)
    flow = reader(path)
    structure = parse_structure(flow)
    if not structure.questions:
        raise ParseError(path, "no questions found")
    document = read_metadata(structure.header, flow.furniture, default_id=clean_line(path.stem))
    return replace(document, source=str(path), questions=link_references(structure.questions))


def _reader(path: Path) -> Callable[[Path], Flow]:
    """The reader for the file's suffix (case-insensitive)."""
    suffix = path.suffix.lower()
    if suffix not in _READERS:
        reason = f"unsupported file type '{suffix}'" if suffix else "unsupported file type (no suffix)"
        raise ParseError(path, reason)
    return _READERS[suffix]


def _check_size(path: Path) -> None:
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ParseError(path, f"cannot read file: {error.strerror or error}") from error
    if size > MAX_FILE_BYTES:
        raise ParseError(
            path, f"file too large ({size / 1e6:.0f} MB; answer documents are at most a few MB): not read"
        )


def _read_text(path: Path) -> str:
    """The file's text: UTF-8 with or without BOM, else cp1252; never empty or binary."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ParseError(path, f"cannot read file: {error.strerror or error}") from error
    if b"\x00" in data:
        raise ParseError(path, "binary file (contains NUL bytes), not text")
    text = _decode(path, data)
    if not text.strip():
        raise ParseError(path, "empty file")
    return text


def _decode(path: Path, data: bytes) -> str:
    """The bytes decoded with the first of the supported encodings that fits."""
    for encoding in _ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ParseError(path, "cannot decode text as UTF-8 or cp1252")
