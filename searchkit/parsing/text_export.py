"""Questions and answers of a ministry's Word file exported as plain text.

The export has one paragraph a line. Questions are headed "Vraag 1" (or "Vraag 2 en 3",
"Vragen 3, 4 en 5"), answers "Antwoord op vraag 1", "Antwoord 1", "Antwoorden 5 en 6"
or just "Antwoord" (answering the question before it).
Lines before the first heading are the header. A footnote is a marker
``[footnoteRef:N]`` in the text with its note ``[N: …]`` inline later on the line;
``[bookmark: …]`` anchors are noise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from searchkit.model import Footnote, Question
from searchkit.parsing.cleanup import clean_line

# "1", "2 en 3", "3, 4 en 5", "7, 8, 9 10 en 11" (comma missing), "1,2,3,4 en 5", "4-7".
_NUMBER_LIST = r"\d+(?:(?:\s*[,&]\s*|\s*[-–]\s*|\s+en\s+|\s+)\d+)*"
_QUESTION_HEADING = re.compile(rf"(?:vraag|vragen)\s*(?P<numbers>{_NUMBER_LIST})\s*:?", re.IGNORECASE)
_ANSWER_HEADING = re.compile(
    rf"antwoord(?:en)?(?:\s+op)?(?:\s+(?:vraag|vragen))?\s*(?P<numbers>{_NUMBER_LIST})?\s*:?",
    re.IGNORECASE,
)
_NUMBER_OR_RANGE = re.compile(r"(\d+)(?:\s*[-–]\s*(\d+))?")
_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]", re.IGNORECASE)
_FOOTNOTE_MARKER = re.compile(r"\[footnoteRef:\s*(\d+)\s*\]", re.IGNORECASE)
_NOTE_START = re.compile(r"\[(\d+):")


@dataclass
class _Draft:
    """A question being read: its lines, its answer's paragraphs and their footnote numbers."""

    numbers: tuple[int, ...]
    lines: list[str] = field(default_factory=list)
    notes: list[int] = field(default_factory=list)
    answer: list[str] = field(default_factory=list)
    answer_notes: list[list[int]] = field(default_factory=list)


@dataclass(frozen=True)
class _Line:
    """One line with its footnote markers and notes taken out."""

    text: str
    markers: list[int]
    notes: dict[int, str]


def parse_questions(text: str) -> list[Question]:
    """The questions, with their answers and footnotes, of a cleaned text export."""
    drafts: list[_Draft] = []
    notes: dict[int, str] = {}
    current: _Draft | None = None
    in_answer = False
    for raw in text.splitlines():
        line = _read_line(raw)
        notes.update(line.notes)
        if question := _QUESTION_HEADING.fullmatch(line.text):
            current, in_answer = _Draft(parse_numbers(question["numbers"])), False
            drafts.append(current)
        elif answer := _ANSWER_HEADING.fullmatch(line.text):
            if answer["numbers"]:
                current = _draft_for_answer(drafts, parse_numbers(answer["numbers"]))
            in_answer = current is not None
        elif line.text and current is not None:
            _add_line(current, line, in_answer)
    return [_finish(draft, notes) for draft in drafts]


def parse_numbers(text: str) -> tuple[int, ...]:
    """The question numbers a heading names: "3, 4 en 5" → (3, 4, 5), "4-7" → (4, 5, 6, 7)."""
    numbers: set[int] = set()
    for match in _NUMBER_OR_RANGE.finditer(text):
        first = int(match.group(1))
        last = int(match.group(2)) if match.group(2) else first
        numbers.update(range(first, max(first, last) + 1))
    return tuple(sorted(numbers))


def _read_line(raw: str) -> _Line:
    """The line without bookmarks, footnote markers and notes, cleaned."""
    text, notes = _take_notes(_BOOKMARK.sub("", raw))
    markers = [int(number) for number in _FOOTNOTE_MARKER.findall(text)]
    return _Line(clean_line(_FOOTNOTE_MARKER.sub("", text)), markers, notes)


def _take_notes(text: str) -> tuple[str, dict[int, str]]:
    """The text without its ``[N: …]`` notes, and the notes by number.

    A note ends at the bracket that balances its opening one, so brackets inside
    the note are kept; an unclosed note runs to the end of the line.
    """
    notes: dict[int, str] = {}
    kept: list[str] = []
    position = 0
    while match := _NOTE_START.search(text, position):
        end = _closing_bracket(text, match.start())
        kept.append(text[position : match.start()])
        notes[int(match.group(1))] = clean_line(text[match.end() : end])
        position = end + 1
    kept.append(text[position:])
    return " ".join(kept), notes


def _closing_bracket(text: str, start: int) -> int:
    """The index of the "]" that closes the "[" at ``start``, or the text's length."""
    depth = 0
    for index in range(start, len(text)):
        if text[index] == "[":
            depth += 1
        elif text[index] == "]":
            depth -= 1
            if depth == 0:
                return index
    return len(text)


def _draft_for_answer(drafts: list[_Draft], numbers: tuple[int, ...]) -> _Draft:
    """The question an answer heading belongs to.

    An answer to numbers never asked gets a question of its own, with no text; an
    answer covering separately asked questions ("Antwoord 5 en 6") merges them into one.
    """
    asked = [draft for draft in drafts if set(draft.numbers) & set(numbers)]
    if not asked:
        draft = _Draft(numbers)
        drafts.append(draft)
        return draft
    if len(asked) == 1 and set(numbers) <= set(asked[0].numbers):
        return asked[0]
    merged = _merge(asked, numbers)
    drafts[drafts.index(asked[0])] = merged
    for draft in asked[1:]:
        drafts.remove(draft)
    return merged


def _merge(drafts: list[_Draft], numbers: tuple[int, ...]) -> _Draft:
    """One question made of several, covering their numbers and ``numbers``."""
    merged = _Draft(tuple(sorted(set(numbers).union(*(draft.numbers for draft in drafts)))))
    for draft in drafts:
        merged.lines.extend(draft.lines)
        merged.notes.extend(draft.notes)
        merged.answer.extend(draft.answer)
        merged.answer_notes.extend(draft.answer_notes)
    return merged


def _add_line(draft: _Draft, line: _Line, in_answer: bool) -> None:
    """Add a content line to the question text or, as a paragraph, to the answer."""
    if in_answer:
        draft.answer.append(line.text)
        draft.answer_notes.append(line.markers)
    else:
        draft.lines.append(line.text)
        draft.notes.extend(line.markers)


def _finish(draft: _Draft, notes: dict[int, str]) -> Question:
    """The question a draft describes, its footnote numbers resolved to notes."""

    def footnotes(numbers: list[int]) -> list[Footnote]:
        return [Footnote(number, notes.get(number, "")) for number in numbers]

    return Question(
        numbers=draft.numbers,
        text=" ".join(draft.lines),
        answer=list(draft.answer),
        footnotes=footnotes(draft.notes),
        answer_footnotes=[footnotes(numbers) for numbers in draft.answer_notes],
    )
