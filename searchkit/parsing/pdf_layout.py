"""The text layer of a PDF as lines of characters with their positions and sizes (via pypdfium2).

Everything the PDF reader needs from the library is here: each page's
characters grouped into lines by where they sit (a superscript belongs to the
line it is raised above), the size each character is set in, and the page's
horizontal rules (the short rule above the footnotes). Coordinates are PDF
points with y going up, as the PDF has them.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pypdfium2  # type: ignore[import-untyped]
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

from searchkit.errors import ParseError

#: pdfium reports a hyphen it takes for a line-end hyphen as U+FFFE (older builds: U+0002).
_HYPHEN_MARKERS = {0xFFFE: "-", 0x02: "-"}
#: Spacing accents that some PDFs draw over the letter before them ("c" + "´" for "ć").
_COMBINING = {
    "´": "\u0301", "`": "\u0300", "¨": "\u0308", "ˆ": "\u0302", "˜": "\u0303", "ˇ": "\u030c",
    "¸": "\u0327", "˚": "\u030a", "˘": "\u0306", "˙": "\u0307", "˛": "\u0328", "˝": "\u030b",
}  # fmt: skip
#: Ligatures spelled out; hyphen variants and a drawn soft hyphen as the plain hyphen.
_SPELLED_OUT = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
    | dict.fromkeys("\u00ad\u2010\u2011", "-")
)
_PDFIUM_REASON = re.compile(r"\(PDFium: ([^)]*)\)")
#: Unicode categories that carry no text: controls, format characters, private use, unassigned.
_NO_TEXT = frozenset({"Cc", "Cf", "Co", "Cn", "Cs"})
#: How much of the lower of two boxes must overlap for them to be on one line.
_SAME_LINE = 0.5
#: A gap without a space character that still separates words (table cells), in ems.
_WORD_GAP = 0.3
#: A character set smaller than this share of its line's size is a superscript or subscript.
SMALL = 0.8
#: Thickest path still taken for a rule, in points.
_RULE_THICKNESS = 2.0


@dataclass
class Char:
    """One character on a page: its text, horizontal extent, vertical band, baseline and size."""

    text: str
    x0: float
    x1: float
    bottom: float
    top: float
    baseline: float
    size: float

    @property
    def height(self) -> float:
        return self.top - self.bottom


@dataclass(frozen=True)
class Line:
    """The visible characters that share a line, left to right in words.

    ``main`` is the line's tallest character, which sets its band and baseline;
    ``size`` is the size most of its characters are set in.
    """

    words: tuple[tuple[Char, ...], ...]
    main: Char
    size: float

    @property
    def baseline(self) -> float:
        return self.main.baseline

    @property
    def top(self) -> float:
        return self.main.top

    @property
    def x0(self) -> float:
        return self.words[0][0].x0

    @property
    def x1(self) -> float:
        return self.words[-1][-1].x1

    def is_small(self, char: Char) -> bool:
        """Whether ``char`` is set smaller than the line: a superscript, subscript or note number."""
        return char.size < SMALL * self.size

    def is_raised(self, char: Char) -> bool:
        """Whether ``char`` is small and sits above the line's baseline (a superscript)."""
        return self.is_small(char) and char.baseline > self.baseline + 0.2 * self.size

    @cached_property
    def runs(self) -> tuple[tuple[str, bool], ...]:
        """The line's text in pieces, each marked whether it is raised; words separated by one space."""
        runs: list[tuple[str, bool]] = []
        for word in self.words:
            if runs:
                runs.append((" ", False))
            runs.extend((char.text, self.is_raised(char)) for char in word)
        return tuple(runs)

    @cached_property
    def text(self) -> str:
        """The line's text, superscripts included."""
        return "".join(text for text, _ in self.runs)


@dataclass
class Page:
    """A page's lines from top to bottom and its horizontal rules as ``(x0, x1, y)``."""

    number: int
    height: float
    lines: list[Line] = field(default_factory=list)
    rules: list[tuple[float, float, float]] = field(default_factory=list)


def read_pages(path: Path) -> list[Page]:
    """The pages of the PDF at ``path``.

    Raises ParseError when the file cannot be read, is not a PDF, is damaged or
    encrypted, or has no text layer; no exception of the library escapes.
    """
    pdf = _open(path)
    try:
        pages = [_read_page(pdf, index) for index in range(len(pdf))]
    except Exception as error:  # pdfium failing on a page: the file is damaged
        raise ParseError(path, f"damaged PDF file ({error})") from error
    finally:
        pdf.close()
    if not any(page.lines for page in pages):
        raise ParseError(path, "PDF has no text layer (scanned pages?)")
    return pages


def _open(path: Path) -> pypdfium2.PdfDocument:
    """The PDF document at ``path``, opened without a password."""
    try:
        with path.open("rb") as file:
            head = file.read(1024)
    except OSError as error:
        raise ParseError(path, f"cannot read file: {error.strerror or error}") from error
    if not head:
        raise ParseError(path, "empty file")
    if b"%PDF-" not in head:
        raise ParseError(path, "not a PDF file")
    try:
        return pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError as error:
        raise ParseError(path, _open_failure(error)) from error
    except Exception as error:  # anything else the library raises
        raise ParseError(path, f"cannot open PDF ({error})") from error


def _open_failure(error: pypdfium2.PdfiumError) -> str:
    """A clear reason for a PDF that pdfium cannot open."""
    message = str(error)
    detail = _PDFIUM_REASON.search(message)
    if "password" in message.lower():
        return "encrypted PDF (needs a password)"
    if "security" in message.lower():
        return "encrypted PDF (unsupported security handler)"
    return f"damaged PDF file ({detail.group(1) if detail else message})"


def _read_page(pdf: pypdfium2.PdfDocument, index: int) -> Page:
    page = pdf[index]
    try:
        height = page.get_height()
        textpage = page.get_textpage()
        try:
            chars = list(_chars(textpage))
        finally:
            textpage.close()
        rules = [_rule(obj.get_bounds()) for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,))]
    finally:
        page.close()
    return Page(
        number=index + 1,
        height=height,
        lines=_lines(chars),
        rules=sorted((rule for rule in rules if rule), key=lambda rule: -rule[2]),
    )


def _rule(bounds: tuple[float, float, float, float]) -> tuple[float, float, float] | None:
    """A thin horizontal path as ``(x0, x1, y)``; None for any other shape."""
    left, bottom, right, top = bounds
    if top - bottom > _RULE_THICKNESS or right - left < 4 * (top - bottom) + 1:
        return None
    return left, right, (top + bottom) / 2


def _chars(textpage: pypdfium2.PdfTextPage) -> Iterator[Char]:
    """The characters the page draws, in drawing order; pdfium's inferred spaces and line ends left out."""
    raw = textpage.raw
    box = pdfium_c.FS_RECTF()
    matrix = pdfium_c.FS_MATRIX()
    x, y = pdfium_c.c_double(), pdfium_c.c_double()
    for index in range(pdfium_c.FPDFText_CountChars(raw)):
        if pdfium_c.FPDFText_IsGenerated(raw, index):
            continue
        code = pdfium_c.FPDFText_GetUnicode(raw, index)
        text = (_HYPHEN_MARKERS.get(code) or chr(code)).translate(_SPELLED_OUT)
        if len(text) == 1 and unicodedata.category(text) in _NO_TEXT:
            continue
        pdfium_c.FPDFText_GetLooseCharBox(raw, index, box)
        pdfium_c.FPDFText_GetCharOrigin(raw, index, x, y)
        pdfium_c.FPDFText_GetMatrix(raw, index, matrix)
        scale = (matrix.c**2 + matrix.d**2) ** 0.5 or 1.0
        size = pdfium_c.FPDFText_GetFontSize(raw, index) * scale
        yield Char(text, box.left, box.right, box.bottom, box.top, y.value, size)


@dataclass
class _Band:
    """The characters of a line being gathered, and the tallest of them so far."""

    chars: list[Char]
    main: Char


def _lines(chars: list[Char]) -> list[Line]:
    """Characters grouped into lines by vertical overlap, lines top to bottom."""
    bands: list[_Band] = []
    for char in chars:
        band = next((band for band in reversed(bands) if _on_line(char, band.main)), None)
        if band is None:
            bands.append(_Band([char], char))
            continue
        band.chars.append(char)
        if char.height > band.main.height and not char.text.isspace():
            band.main = char
    lines = [line for band in bands if (line := _line(band.chars, band.main))]
    return sorted(lines, key=lambda line: (-line.baseline, line.x0))


def _line(chars: list[Char], main: Char) -> Line | None:
    """The line of ``chars`` (in any order), or None when none of them is visible."""
    ordered = _with_accents(sorted(chars, key=lambda c: c.x0 + c.x1))
    words: list[list[Char]] = []
    spaced = True
    for char in ordered:
        if char.text.isspace():
            spaced = True
            continue
        if spaced or char.x0 - words[-1][-1].x1 > _WORD_GAP * char.size:
            words.append([])
        words[-1].append(char)
        spaced = False
    if not words:
        return None
    size = statistics.mode(round(char.size, 1) for word in words for char in word)
    return Line(tuple(tuple(word) for word in words), main, size)


def _on_line(char: Char, main: Char) -> bool:
    """Whether ``char`` overlaps the band of a line's tallest character enough to share the line."""
    overlap = min(char.top, main.top) - max(char.bottom, main.bottom)
    return overlap > _SAME_LINE * min(char.height, main.height)


def _with_accents(chars: list[Char]) -> list[Char]:
    """The characters with spacing accents drawn over a neighbouring letter put on that letter."""
    result: list[Char] = []
    for index, char in enumerate(chars):
        mark = _COMBINING.get(char.text)
        neighbours = [*result[-1:], *chars[index + 1 : index + 2]]
        base = next((other for other in neighbours if _is_under(char, other)), None) if mark else None
        if mark and base is not None:
            base.text = unicodedata.normalize("NFC", base.text + mark)
        else:
            result.append(char)
    return result


def _is_under(accent: Char, letter: Char) -> bool:
    """Whether ``letter`` is drawn under the middle of ``accent``."""
    return letter.text.isalpha() and letter.x0 <= (accent.x0 + accent.x1) / 2 <= letter.x1
