"""Footnotes in text extracted from a PDF: the notes at the page bottoms and their references.

A note starts a line at the bottom of a page with its number, glued to its text
or not ("1BBC, 19 oktober 2024, …", "2 Kamerstuk 36 410, nr. 5", "[3] …" in
Markdown), and may run over more lines (URLs wrapped mid-way). Notes are
numbered on through the document, so each page's notes start with the next
number. The reference is the same number in the running text: glued to a word
or sentence end ("…beleid»?1", "ambtsbericht1 als"), opening a line ("2 is
gekeken naar …") or alone on a line. A number is a reference only when a note
with that number exists, it is the next reference expected, and it is no
number of the text ("vrijdag18 oktober", "CO2", "nr.3").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from searchkit.parsing.marks import mark
from searchkit.parsing.structure import is_heading
from searchkit.parsing.words import join_lines

_MONTHS = "januari februari maart april mei juni juli augustus september oktober november december"
# Words that make a number before them part of the text: dates, amounts, units.
_NUMBER_WORDS = frozenset(
    (
        _MONTHS + " jan feb mrt apr jun jul aug sep sept okt nov dec procent euro miljoen miljard uur"
        " jaar jaren maanden weken dagen minuten keer"
    ).split()
)
_NUMBER_ABBREVIATIONS = frozenset("nr nrs art artikel lid blz p pag no".split())
_REFERENCE_AFTER = r"(?<=[^\W\d_]|[.?!»”’\"')\]])"
_GLUED_REFERENCE = re.compile(rf"{_REFERENCE_AFTER}(?P<number>\d{{1,3}})(?=[\s.,;:)?!]|$)")
_LINE_START = re.compile(r"(?P<number>\d{1,3})(?!\d)(?P<rest>.*)")
_NEXT_WORD = re.compile(r"[\s.,;:]*([^\W\d_]+)")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)([.]?)$")
# A note's start: its number, in Markdown maybe as "[1]", "[1 ]" or "[^1]".
_NOTE_START = re.compile(r"\[?\^?(?P<rest>\d.*)")
_NOTE_TEXT = re.compile(r"^\s*\]?\s?")
# A Kamer document code after a note's number: "32024Z15585/…" is note 3.
_CODE = re.compile(r"\d{4,}[A-Z]")
_ENDS_SENTENCE = re.compile(r"[.?!:;][)»”’\"]*$")


@dataclass
class Notes:
    """The notes found at the page bottoms: their text, and the page each stands on, by number."""

    text: dict[int, str]
    page: dict[int, int]

    def refers(self, number: int, expected: int, after: str, page: int) -> bool:
        """Whether ``number`` on ``page``, followed by ``after``, is a reference to a note.

        It is when the note exists on this page or a later one, the number is the
        reference expected next (or the one after, when one was missed), and no
        date, amount or unit follows ("1 april", "5 procent").
        """
        if number not in self.text or not expected <= number <= expected + 1 or page > self.page[number]:
            return False
        word = _NEXT_WORD.match(after)
        return word is None or word.group(1).lower() not in _NUMBER_WORDS


@dataclass
class BodyLine:
    """A line of running text: its page, and whether it continues the line before without a space."""

    text: str
    page: int
    glued: bool = False


def find_notes(pages: list[list[str]]) -> tuple[list[BodyLine], Notes]:
    """The running text of ``pages`` and the notes at their bottoms."""
    body: list[BodyLine] = []
    notes: dict[int, list[str]] = {}
    note_pages: dict[int, int] = {}
    for page_number, page in enumerate(pages):
        expected = max(notes, default=0) + 1
        start, page_notes = _page_notes(page, expected, [line.text for line in body])
        body.extend(BodyLine(line, page_number) for line in page[:start])
        notes.update(page_notes)
        note_pages.update(dict.fromkeys(page_notes, page_number))
    return body, Notes({number: _join_note(lines) for number, lines in notes.items()}, note_pages)


def _page_notes(page: list[str], expected: int, earlier: list[str]) -> tuple[int, dict[int, list[str]]]:
    """Where a page's notes start and the notes, or the page's length and none."""
    for start, line in enumerate(page):
        if _note_text(line, expected) is None:
            continue
        notes = _parse_notes(page[start:], expected)
        if notes and _is_referenced(expected, [*earlier, *page[:start]]):
            return start, notes
    return len(page), {}


def _parse_notes(lines: list[str], first: int) -> dict[int, list[str]] | None:
    """``lines`` read as notes numbered on from ``first``, or None when they are not all notes."""
    notes: dict[int, list[str]] = {}
    number = first
    for line in lines:
        if (text := _note_text(line, number)) is not None:
            notes[number] = [text]
            number += 1
        elif not notes or is_heading(line):
            return None
        else:
            notes[number - 1].append(line)
    return notes


def _note_text(line: str, number: int) -> str | None:
    """The text of note ``number`` when ``line`` starts it: "1BBC, …", "1 NOS, …", "[1] …"."""
    match = _NOTE_START.match(line)
    if match is None or not match["rest"].startswith(str(number)):
        return None
    text = _NOTE_TEXT.sub("", match["rest"][len(str(number)) :], count=1)
    if not text or text[0] in ".,;:)" or (text[0].isdigit() and not _CODE.match(text)):
        return None
    return text


def _is_referenced(number: int, lines: list[str]) -> bool:
    """Whether ``number`` stands in ``lines`` where a reference can stand."""
    for line in lines:
        if is_heading(line):
            continue
        start = _LINE_START.fullmatch(line)
        if (start and int(start["number"]) == number) or mark(number) in line:
            return True
        if any(int(match["number"]) == number for match in _GLUED_REFERENCE.finditer(line)):
            return True
    return False


def _join_note(lines: list[str]) -> str:
    """A note's lines as one text: URLs and hyphenated words rejoined without a space."""
    text = lines[0]
    for line in lines[1:]:
        text = join_lines(text, line)
    return text


def mark_references(body: list[BodyLine], notes: Notes) -> list[BodyLine]:
    """``body`` with each reference to a note replaced by its mark; a line opening with one is glued."""
    expected = 1
    marked: list[BodyLine] = []
    for line in body:
        text, glued = line.text, line.glued
        start = _LINE_START.fullmatch(text)
        if is_heading(text):
            marked.append(line)
            continue
        if start and marked and _opens_with_reference(start, expected, marked[-1].text, line.page, notes):
            number = int(start["number"])
            text, glued, expected = mark(number) + start["rest"], True, number + 1
        text, expected = _mark_glued(text, expected, line.page, notes)
        marked.append(BodyLine(text, line.page, glued))
    return marked


def _opens_with_reference(start: re.Match[str], expected: int, before: str, page: int, notes: Notes) -> bool:
    """Whether a line opens with a reference: "2 is gekeken …", "2. In 2023 is", "1" alone.

    A number with a full stop after a line ending a sentence opens a list item instead.
    """
    rest = start["rest"]
    if rest.startswith(".") and _ENDS_SENTENCE.search(before):
        return False
    return notes.refers(int(start["number"]), expected, rest, page)


def _mark_glued(text: str, expected: int, page: int, notes: Notes) -> tuple[str, int]:
    """``text`` with its glued references marked, and the next reference expected after them."""
    pieces: list[str] = []
    position = 0
    for match in _GLUED_REFERENCE.finditer(text):
        number = int(match["number"])
        if not notes.refers(number, expected, text[match.end() :], page) or _is_text_number(
            text[: match.start()]
        ):
            continue
        pieces.extend([text[position : match.start()], mark(number)])
        position, expected = match.end(), number + 1
    pieces.append(text[position:])
    return "".join(pieces), expected


def _is_text_number(before: str) -> bool:
    """Whether digits after ``before`` belong to the text: "CO2", "A2", "nr.3", "artikel5"."""
    word = _WORD_BEFORE.search(before)
    if word is None:
        return False
    letters, stop = word.groups()
    if letters.lower() in _NUMBER_ABBREVIATIONS:
        return True
    return not stop and letters.isupper() and len(letters) <= 3
