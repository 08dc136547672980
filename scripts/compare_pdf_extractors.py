#!/usr/bin/env python3
"""Compare PDF text extractors on answer PDFs: text quality, speed, install size, licence.

Usage: ``python scripts/compare_pdf_extractors.py [PDF_FOLDER]`` (default
``tests/data/pdf``). Install the candidates first (``pip install pdfminer.six
pypdf pdfplumber pymupdf pypdfium2``); a candidate that is not installed is
listed as such. Each extractor's plain text is measured the same way:

- known: share of word tokens the shipped Dutch lexicon knows (glued and split
  words lower it),
- diacritics: letters with a diacritic ("ë", "ï", "é", "ć"), as a share of the
  most any extractor found,
- stray accents: spacing accents ("´", "¨") left beside their letter instead of
  on it ("Kostic´" for "Kostić"),
- headings: "Vraag N" / "Antwoord N" headings found alone on a line, and the
  documents whose headings come in reading order,
- glued furniture: lines where page furniture runs into content,
- superscripts: runs of digits set smaller than the page's body text, read
  from each character's font size (footnote references and note numbers: the
  layout that plain text loses),
- time per document for the plain text and for the characters with their
  sizes, install size (with installed dependencies) and licence.

A last row measures what searchkit's own PDF reader (pypdfium2 and the page
layout) makes of the same documents.
"""

from __future__ import annotations

import math
import re
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from searchkit.lexicon import zipf
from searchkit.parsing.furniture import split_furniture

DEFAULT_FOLDER = Path(__file__).resolve().parent.parent / "tests" / "data" / "pdf"
_WORD = re.compile(r"[^\W\d_]+")
_HEADING = re.compile(r"(Vraag|Vragen|Antwoord)\s+(\d+)(?:(?:,\s*|\s+en\s+|\s+)\d+)*")
_SPACING_ACCENTS = set("´`¨ˆ˜ˇ˘˙˚˛˝¸")
_REQUIREMENT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


#: A page as its characters with their font sizes, in the order the PDF draws them.
Page = list[tuple[str, float]]


def _pdfminer(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(path)


def _pdfminer_chars(path: Path) -> list[Page]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTContainer

    def chars(item: object) -> Page:
        if isinstance(item, LTChar):
            return [(item.get_text(), item.size)]
        if isinstance(item, LTContainer):
            return [char for child in item for char in chars(child)]
        return []

    return [chars(page) for page in extract_pages(path)]


def _pypdf(path: Path) -> str:
    import pypdf

    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def _pypdf_chars(path: Path) -> list[Page]:
    import pypdf

    pages: list[Page] = []
    for page in pypdf.PdfReader(path).pages:
        chars: Page = []

        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
            scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
            chars.extend((char, size * scale) for char in text)  # noqa: B023 (called at once)

        page.extract_text(visitor_text=visit)
        pages.append(chars)
    return pages


def _pdfplumber(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() for page in pdf.pages)


def _pdfplumber_chars(path: Path) -> list[Page]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [[(char["text"], char["size"]) for char in page.chars] for page in pdf.pages]


def _pymupdf(path: Path) -> str:
    import pymupdf

    with pymupdf.open(path) as pdf:
        return "\n".join(page.get_text() for page in pdf)


def _pymupdf_chars(path: Path) -> list[Page]:
    import pymupdf

    with pymupdf.open(path) as pdf:
        return [
            [
                (char["c"], span["size"])
                for block in page.get_text("rawdict")["blocks"]
                for line in block.get("lines", [])
                for span in line["spans"]
                for char in span["chars"]
            ]
            for page in pdf
        ]


def _pypdfium2(path: Path) -> str:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(path)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def _pypdfium2_chars(path: Path) -> list[Page]:
    import pypdfium2
    import pypdfium2.raw as pdfium_c

    pdf = pypdfium2.PdfDocument(path)
    matrix = pdfium_c.FS_MATRIX()
    pages: list[Page] = []
    try:
        for page in pdf:
            textpage = page.get_textpage()
            text = textpage.raw
            chars: Page = []
            for index in range(pdfium_c.FPDFText_CountChars(text)):
                if pdfium_c.FPDFText_IsGenerated(text, index):
                    continue
                pdfium_c.FPDFText_GetMatrix(text, index, matrix)
                size = pdfium_c.FPDFText_GetFontSize(text, index) * math.hypot(matrix.c, matrix.d)
                chars.append((chr(pdfium_c.FPDFText_GetUnicode(text, index)), size))
            pages.append(chars)
    finally:
        pdf.close()
    return pages


@dataclass(frozen=True)
class Candidate:
    """An extractor: its distribution, its plain text and its characters with their sizes."""

    distribution: str
    extract: Callable[[Path], str]
    chars: Callable[[Path], list[Page]]


CANDIDATES = [
    Candidate("pdfminer.six", _pdfminer, _pdfminer_chars),
    Candidate("pypdf", _pypdf, _pypdf_chars),
    Candidate("pdfplumber", _pdfplumber, _pdfplumber_chars),
    Candidate("pymupdf", _pymupdf, _pymupdf_chars),
    Candidate("pypdfium2", _pypdfium2, _pypdfium2_chars),
]


@dataclass
class Measure:
    """What one extractor gave on all documents."""

    words: int = 0
    known: int = 0
    diacritics: int = 0
    stray_accents: int = 0
    headings: int = 0
    in_order: int = 0
    glued: int = 0
    superscripts: int = 0
    seconds: list[float] = field(default_factory=list)
    char_seconds: list[float] = field(default_factory=list)


def measure(candidate: Candidate, paths: list[Path]) -> Measure:
    """Extract every document with ``candidate`` and measure the text."""
    result = Measure()
    candidate.extract(paths[0])  # warm up: imports, font caches
    candidate.chars(paths[0])
    for path in paths:
        start = time.perf_counter()
        text = candidate.extract(path)
        result.seconds.append(time.perf_counter() - start)
        _measure_text(result, text)
        start = time.perf_counter()
        pages = candidate.chars(path)
        result.char_seconds.append(time.perf_counter() - start)
        result.superscripts += sum(_small_digit_runs(page) for page in pages)
    return result


def measure_reader(paths: list[Path]) -> Measure:
    """The same measures on what searchkit's PDF reader makes of the documents.

    Its text is the paragraphs and the footnotes; its "superscripts" are the
    references it took out of the text plus the notes they name.
    """
    from searchkit.parsing.pdf import read_flow

    result = Measure()
    read_flow(paths[0])
    for path in paths:
        start = time.perf_counter()
        flow = read_flow(path)
        result.seconds.append(time.perf_counter() - start)
        _measure_text(result, "\n".join([p.text for p in flow.paragraphs] + list(flow.footnotes.values())))
        result.superscripts += sum(len(p.notes) for p in flow.paragraphs) + len(flow.footnotes)
    return result


def _measure_text(result: Measure, text: str) -> None:
    """Add one document's text to the measures."""
    text = unicodedata.normalize("NFC", text)
    words = _WORD.findall(text)
    result.words += len(words)
    result.known += sum(1 for word in words if zipf(word) > 0)
    result.diacritics += sum(1 for char in text if char.isalpha() and ord(char) > 127)
    result.stray_accents += sum(1 for char in text if char in _SPACING_ACCENTS)
    result.stray_accents += sum(1 for char in text if unicodedata.combining(char))
    lines = [line.strip() for line in text.splitlines()]
    headings = [(int(m[2]), m[1] == "Antwoord") for line in lines if (m := _HEADING.fullmatch(line))]
    result.headings += len(headings)
    result.in_order += _in_reading_order(headings)
    result.glued += sum(1 for line in lines if all(split_furniture(line)))


def _in_reading_order(headings: list[tuple[int, bool]]) -> bool:
    """Whether questions and answers each come in number order, every answer after its question."""
    questions = [number for number, is_answer in headings if not is_answer]
    answers = [number for number, is_answer in headings if is_answer]
    asked: set[int] = set()
    for number, is_answer in headings:
        if is_answer and number in questions and number not in asked:
            return False
        asked.add(number)
    return questions == sorted(questions) and answers == sorted(answers)


def _small_digit_runs(page: Page) -> int:
    """Runs of digits set smaller than the text beside them: superscript references and note numbers."""
    visible = [(char, size) for char, size in page if not char.isspace()]
    runs = 0
    start = 0
    while start < len(visible):
        end = start
        while end < len(visible) and visible[end][0].isdigit():
            end += 1
        if end > start:
            size = max(size for _, size in visible[start:end])
            before = visible[start - 1][1] if start else 0.0
            after = visible[end][1] if end < len(visible) else 0.0
            runs += size < 0.8 * max(before, after)
        start = end + 1
    return runs


def install_size(distribution: str, seen: set[str] | None = None) -> int:
    """Bytes installed by ``distribution`` and the dependencies installed with it."""
    seen = set() if seen is None else seen
    key = distribution.lower().replace("_", "-")
    if key in seen:
        return 0
    seen.add(key)
    try:
        dist = metadata.distribution(distribution)
    except metadata.PackageNotFoundError:
        return 0
    total = sum(file.size or 0 for file in dist.files or [])
    for requirement in dist.requires or []:
        if "extra ==" not in requirement and (name := _REQUIREMENT_NAME.match(requirement)):
            total += install_size(name.group(0), seen)
    return total


def licence(distribution: str) -> str:
    """The licence the distribution declares (expression, classifier or field)."""
    meta = metadata.metadata(distribution)
    if expression := meta.get("License-Expression"):
        return expression
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if "License ::" in c]
    return ", ".join(classifiers) or (meta.get("License") or "?").splitlines()[0][:40]


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_FOLDER
    paths = sorted(folder.glob("*.pdf"))
    if not paths:
        sys.exit(f"no PDFs in {folder}")
    installed = [c for c in CANDIDATES if _installed(c)]
    results = {c.distribution: measure(c, paths) for c in installed}
    reader = measure_reader(paths)
    most_diacritics = max((r.diacritics for r in [*results.values(), reader]), default=1) or 1
    print(f"{len(paths)} documents in {folder}\n")
    print(
        "| library | version | known words | diacritics | stray accents | headings | in order "
        "| glued furniture | superscripts | s/doc text | s/doc chars | install MB | licence |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for candidate in CANDIDATES:
        if candidate.distribution not in results:
            print(f"| {candidate.distribution} | not installed |" + " |" * 11)
            continue
        r = results[candidate.distribution]
        print(
            f"| {candidate.distribution} | {metadata.version(candidate.distribution)} "
            f"| {r.known / r.words:.2%} | {r.diacritics / most_diacritics:.0%} ({r.diacritics}) "
            f"| {r.stray_accents} | {r.headings} | {r.in_order}/{len(paths)} | {r.glued} "
            f"| {r.superscripts} | {statistics.mean(r.seconds):.3f} | {statistics.mean(r.char_seconds):.3f} "
            f"| {install_size(candidate.distribution) / 1e6:.1f} | {licence(candidate.distribution)} |"
        )
    r = reader
    print(
        f"| searchkit reader (pypdfium2 + layout) | {metadata.version('searchkit')} "
        f"| {r.known / r.words:.2%} | {r.diacritics / most_diacritics:.0%} ({r.diacritics}) "
        f"| {r.stray_accents} | {r.headings} | {r.in_order}/{len(paths)} | {r.glued} "
        f"| {r.superscripts} | {statistics.mean(r.seconds):.3f} | — | — | BSD-2-Clause |"
    )


def _installed(candidate: Candidate) -> bool:
    try:
        metadata.distribution(candidate.distribution)
    except metadata.PackageNotFoundError:
        return False
    return True


if __name__ == "__main__":
    main()
