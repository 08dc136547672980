"""The publisher's PDF of an answer document read into a :class:`Flow`.

The text comes from the PDF's text layer with each character's position and
size (:mod:`searchkit.parsing.pdf_layout`); the layout then tells apart what
plain text mixes up:

- page furniture: the page-1 header block above the first line set in the body
  size, and the footer lines (id, ISSN, place and year, page line) at the page
  bottom; they go to ``Flow.furniture``;
- footnotes: the lines below the short rule at the page bottom (or, without
  one, from the first line that starts with a note number), each note starting
  with its number set small;
- references: digits raised and set smaller than their line that name a
  footnote at the bottom of that page (or the next); they leave the text and go
  to ``Paragraph.notes``. Other raised digits stay, as superscripts ("m³");
- paragraphs: the text is set ragged right, so a line ends its paragraph when
  the first word of the next line would have fitted on it; a wider line gap, a
  change of size or indent, a table row, a bullet and a heading also start one.
  A paragraph runs on across a page break.

Words hyphenated at a line end are joined as the document writes them
elsewhere, else by :func:`~searchkit.parsing.words.join_hyphenated`; URLs
wrapped over lines are joined without a space.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from searchkit.parsing.cleanup import clean_line
from searchkit.parsing.flow import Flow, Paragraph
from searchkit.parsing.furniture import split_furniture
from searchkit.parsing.pdf_layout import Char, Line, Page, read_pages
from searchkit.parsing.structure import is_heading
from searchkit.parsing.words import join_hyphenated

_BULLETS = frozenset("•●▪◦○■□‣⁃∙·")
#: A list label: "1.", "a.", "b)", "iv.".
_LIST_LABEL = re.compile(r"(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]")
#: An abbreviation set with a no-break space before a number: "nr. 12", "art. 5".
_ABBREVIATION = re.compile(r"[a-z]{1,4}\.")
#: Words after a line-end hyphen that make it a shortened compound: "milieu- en sociale".
_CONJUNCTIONS = frozenset({"en", "of", "tot", "t/m"})
_URL_AT_END = re.compile(r"(?:https?://|www\.)\S*$", re.IGNORECASE)
_URL_OPEN_END = ("/", ":", ".", "_", "=", "?", "&", "#", "%", "-")
_URL_PIECE = re.compile(r"\S*[/%#=_&?~]\S*|[\w-]+(?:\.[\w-]+)+/?\S*")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_LAST_LETTERS = re.compile(r"[^\W\d_]+$")
_FIRST_LETTERS = re.compile(r"[^\W\d_]+")
_SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
#: Where a footnote reference was taken out of the text, until spacing is settled.
_REFERENCE = "\x00"
_REFERENCE_BETWEEN_WORDS = re.compile(rf"(?<=[.,;:?!»)]){_REFERENCE}+(?=\w)")
#: A word space, in ems of the line's size.
_WORD_SPACE = 0.278
#: How much room, in ems, a word must have left to count as fitting on the line before.
_FIT_MARGIN = 0.12
#: A line gap wider than this many ems separates paragraphs.
_PARAGRAPH_GAP = 1.5
#: A gap between words wider than this many ems is a table's column gap.
_COLUMN_GAP = 1.5
#: A rule shorter than this share of the column is the footnote separator.
_NOTE_RULE = 0.3


@dataclass(frozen=True)
class _Layout:
    """What every page of a document shares: the body text size and the text column."""

    body_size: float
    left: float
    right: float

    def is_body(self, line: Line) -> bool:
        """Whether ``line`` is set in the body size (not a header, footnote or table line)."""
        return abs(line.size - self.body_size) <= 0.05 * self.body_size


@dataclass
class _PagePart:
    """A page taken apart: furniture pieces, footnote lines and the lines of running text."""

    number: int
    furniture: list[str] = field(default_factory=list)
    notes: list[Line] = field(default_factory=list)
    text: list[Line] = field(default_factory=list)


@dataclass(frozen=True)
class _Notes:
    """The document's footnotes by number, and the page each one is printed on."""

    texts: dict[int, str]
    pages: dict[int, int]

    def is_referenced_from(self, number: int, page: int) -> bool:
        """Whether a raised ``number`` on ``page`` refers to a note (printed on that page or the next)."""
        return self.pages.get(number) in (page, page + 1)


def read_flow(path: Path) -> Flow:
    """The paragraphs, footnotes and page furniture of the answer PDF at ``path``.

    Raises ParseError for a file that is not a readable PDF, is encrypted or has no text.
    """
    pages = read_pages(path)
    layout = _measure(pages)
    parts = [_split_page(page, layout) for page in pages]
    known = _written_words(line for part in parts for line in part.text + part.notes)
    notes = _footnotes(parts, known)
    flow = Flow(footnotes=notes.texts, furniture=[piece for part in parts for piece in part.furniture])
    for lines in _paragraph_lines(parts, layout):
        paragraph = _paragraph(lines, notes, known)
        if paragraph.text:
            flow.paragraphs.append(paragraph)
    return flow


def _measure(pages: list[Page]) -> _Layout:
    """The body size (that of the lines most characters are in) and the column those lines fill."""
    lines = [line for page in pages for line in page.lines]
    body_size = statistics.mode(round(line.size, 1) for line in lines for word in line.words for _ in word)
    body = [line for line in lines if abs(line.size - body_size) <= 0.05 * body_size]
    return _Layout(body_size, min(line.x0 for line in body), max(line.x1 for line in body))


def _split_page(page: Page, layout: _Layout) -> _PagePart:
    """Furniture, footnote lines and text lines of one page."""
    part = _PagePart(page.number)
    footer = _footer_top(page)
    note_rule = _note_rule(page, layout, footer)
    in_header = page.number == 1
    for line in page.lines:
        in_header = in_header and not layout.is_body(line)
        pieces, rest = split_furniture(line.text)
        if in_header or line.baseline <= footer or (pieces and not rest):
            part.furniture.extend([*pieces, rest] if rest else pieces)
        elif note_rule is not None and line.top < note_rule:
            part.notes.append(line)
        else:
            part.text.append(line)
    if note_rule is None:
        part.notes = _trailing_notes(part.text, layout)
        part.text = part.text[: len(part.text) - len(part.notes)]
    return part


def _footer_top(page: Page) -> float:
    """The baseline of the highest footer line (recognised furniture in the page's lower half)."""
    footer = [
        line.baseline
        for line in page.lines
        if line.baseline < page.height / 2 and (split := split_furniture(line.text))[0] and not split[1]
    ]
    return max(footer, default=float("-inf"))


def _note_rule(page: Page, layout: _Layout, footer: float) -> float | None:
    """The height of the short rule above the footnotes, if the page has one with only small lines below."""
    longest = _NOTE_RULE * (layout.right - layout.left)
    short = [y for x0, x1, y in page.rules if x1 - x0 < longest and y > footer]
    if not short:
        return None
    rule = min(short)
    below = [line for line in page.lines if footer < line.baseline and line.top < rule]
    return rule if below and not any(layout.is_body(line) for line in below) else None


def _trailing_notes(lines: list[Line], layout: _Layout) -> list[Line]:
    """The footnote lines at the end of a page without a rule: from a line starting with a note number on."""
    for index, line in enumerate(lines):
        rest = lines[index:]
        if _note_number(line) is not None and not any(layout.is_body(other) for other in rest):
            return rest
    return []


def _note_number(line: Line) -> int | None:
    """The number a footnote line starts with, set small; None for a line that continues a note."""
    first = line.words[0]
    if all(char.text.isdigit() and line.is_small(char) for char in first):
        return int(_word_text(first))
    return None


def _footnotes(parts: list[_PagePart], known: set[str]) -> _Notes:
    """The footnotes of all pages; a line without a number continues the note before it."""
    texts: dict[int, str] = {}
    pages: dict[int, int] = {}
    number: int | None = None
    for part in parts:
        for line in part.notes:
            words = [_word_text(word) for word in line.words]
            start = _note_number(line)
            if start is not None:
                number = start
                texts[number], pages[number] = " ".join(words[1:]), part.number
            elif number is not None:
                texts[number] = _join(texts[number], " ".join(words), known)
    return _Notes({number: clean_line(text) for number, text in texts.items()}, pages)


def _paragraph_lines(parts: list[_PagePart], layout: _Layout) -> Iterator[list[tuple[int, Line]]]:
    """The text lines, with their page numbers, grouped into paragraphs across page breaks."""
    paragraph: list[tuple[int, Line]] = []
    for part in parts:
        for index, line in enumerate(part.text):
            if paragraph and _starts_paragraph(paragraph[-1][1], line, index > 0, layout):
                yield paragraph
                paragraph = []
            paragraph.append((part.number, line))
    if paragraph:
        yield paragraph


def _starts_paragraph(previous: Line, line: Line, same_page: bool, layout: _Layout) -> bool:
    """Whether ``line`` starts a new paragraph after ``previous``."""
    size = max(previous.size, line.size)
    if same_page and previous.baseline - line.baseline > _PARAGRAPH_GAP * size:
        return True
    if abs(previous.size - line.size) > 0.05 * size or _is_table_row(previous) or _is_table_row(line):
        return True
    text, previous_text = line.text, previous.text
    if text[0] in _BULLETS or is_heading(text) or is_heading(previous_text):
        return True
    if line.x0 < previous.x0 - 1:  # back out of an indented block or list item
        return True
    if line.x0 > previous.x0 + 1 and not _LIST_LABEL.fullmatch(previous_text.split(" ", 1)[0]):
        return True  # an indent that does not continue a list item starts a block
    return previous.x1 + (_WORD_SPACE + _FIT_MARGIN) * line.size + _first_word_width(line) <= layout.right


def _first_word_width(line: Line) -> float:
    """The width of what starts ``line`` and could have ended the line before.

    A number and the word after it ("11 april", but not a list label "1."), a
    sign and the number after it ("< 10.000") and an abbreviation and the number
    after it ("nr. 1137") are set with a no-break space, which the PDF does not
    tell apart: they count as one.
    """
    words = line.words
    end = 0
    while end + 1 < len(words) and _binds(_word_text(words[end]), _word_text(words[end + 1])):
        end += 1
    return words[end][-1].x1 - line.x0


def _binds(word: str, following: str) -> bool:
    """Whether ``word`` is set with a no-break space before ``following``."""
    if not any(char.isalpha() for char in word):
        return not word.endswith((".", ")")) and following[0].isalnum()
    return bool(_ABBREVIATION.fullmatch(word)) and following[0].isdigit()


def _is_table_row(line: Line) -> bool:
    """Whether the line has a column gap between words (a row of a table)."""
    words = line.words
    return any(
        right[0].x0 - left[-1].x1 > _COLUMN_GAP * line.size
        for left, right in zip(words, words[1:], strict=False)
    )


def _paragraph(lines: list[tuple[int, Line]], notes: _Notes, known: set[str]) -> Paragraph:
    """One paragraph's text, its footnote references taken out and listed in order."""
    text = ""
    references: list[int] = []
    for page, line in lines:
        line_text, line_references = _line_text(line, page, notes)
        text = _join(text, line_text, known) if text else line_text
        references.extend(line_references)
    text = _REFERENCE_BETWEEN_WORDS.sub(" ", text).replace(_REFERENCE, "")
    return Paragraph(clean_line(text), references)


def _line_text(line: Line, page: int, notes: _Notes) -> tuple[str, list[int]]:
    """A line's text with its references to footnotes replaced by a marker, and their numbers.

    A raised number that names no footnote of the page ("m3" set as a
    superscript) stays, as superscript digits.
    """
    pieces: list[str] = []
    references: list[int] = []
    raised = ""
    for text, is_raised in [*line.runs, ("", False)]:
        if is_raised and text.isdigit():
            raised += text
            continue
        if raised and notes.is_referenced_from(int(raised), page):
            references.append(int(raised))
            pieces.append(_REFERENCE)
        elif raised:
            pieces.append(raised.translate(_SUPERSCRIPT_DIGITS))
        raised = ""
        pieces.append(text)
    return "".join(pieces), references


def _join(head: str, tail: str, known: set[str]) -> str:
    """Two lines of one paragraph or note joined: hyphenation undone, wrapped URLs closed up."""
    first = tail.split(" ", 1)[0]
    if head.endswith("-") and not head.endswith(" -"):
        if first.lower() in _CONJUNCTIONS:
            return f"{head} {tail}"
        return _join_hyphenated(head, tail, known)
    if _URL_AT_END.search(head) and (head.endswith(_URL_OPEN_END) or _URL_PIECE.fullmatch(first)):
        return head + tail
    return f"{head} {tail}"


def _join_hyphenated(head: str, tail: str, known: set[str]) -> str:
    """A line-end hyphen kept or dropped as the document writes the word elsewhere, else by the lexicon."""
    left = _LAST_LETTERS.search(head[:-1])
    right = _FIRST_LETTERS.match(tail)
    if left and right:
        whole = (left.group(0) + right.group(0)).lower()
        hyphenated = f"{left.group(0)}-{right.group(0)}".lower()
        if hyphenated in known and whole not in known:
            return head + tail
        if whole in known and hyphenated not in known:
            return head[:-1] + tail
    return join_hyphenated(head, tail)


def _written_words(lines: Iterable[Line]) -> set[str]:
    """The words (lowercase, hyphenated ones whole) that the document writes inside its lines."""
    words: set[str] = set()
    for line in lines:
        text = line.text
        inner = text[: text.rfind(" ") + 1] if text.endswith("-") else text
        words.update(word.lower() for word in _WORD.findall(inner))
    return words


def _word_text(word: tuple[Char, ...]) -> str:
    return "".join(char.text for char in word)
