"""Questions and answers found in a :class:`~searchkit.parsing.flow.Flow` by their headings.

Questions are headed "Vraag 1" (or "Vraag 2 en 3", "Vragen 3, 4 en 5"), answers
"Antwoord op vraag 1", "Antwoord 1", "Antwoorden 5 en 6" or just "Antwoord"
(answering the question before it). Paragraphs before the first heading are
the document's header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from searchkit.model import Footnote, Question
from searchkit.parsing.flow import Flow, Paragraph

# "1", "2 en 3", "3, 4 en 5", "7, 8, 9 10 en 11" (comma missing), "1,2,3,4 en 5", "4-7".
_NUMBER_LIST = r"\d+(?:(?:\s*[,&]\s*|\s*[-–]\s*|\s+en\s+|\s+)\d+)*"
_QUESTION_HEADING = re.compile(rf"(?:vraag|vragen)\s*(?P<numbers>{_NUMBER_LIST})\s*:?", re.IGNORECASE)
_ANSWER_HEADING = re.compile(
    rf"antwoord(?:en)?(?:\s+op)?(?:\s+(?:vraag|vragen))?\s*(?P<numbers>{_NUMBER_LIST})?\s*:?",
    re.IGNORECASE,
)
_NUMBER_OR_RANGE = re.compile(r"(\d+)(?:\s*[-–]\s*(\d+))?")


@dataclass
class _Draft:
    """A question being read: its lines, its answer's paragraphs and their footnote numbers."""

    numbers: tuple[int, ...]
    lines: list[str] = field(default_factory=list)
    notes: list[int] = field(default_factory=list)
    answer: list[str] = field(default_factory=list)
    answer_notes: list[list[int]] = field(default_factory=list)


@dataclass
class Structure:
    """The header paragraphs of a document and its questions with their answers."""

    header: list[str]
    questions: list[Question]


def parse_structure(flow: Flow) -> Structure:
    """The header and the questions, with answers and footnotes, of ``flow``."""
    header: list[str] = []
    drafts: list[_Draft] = []
    current: _Draft | None = None
    in_answer = False
    for paragraph in flow.paragraphs:
        if question := _QUESTION_HEADING.fullmatch(paragraph.text):
            current, in_answer = _Draft(parse_numbers(question["numbers"])), False
            drafts.append(current)
        elif answer := _ANSWER_HEADING.fullmatch(paragraph.text):
            if answer["numbers"]:
                current = _draft_for_answer(drafts, parse_numbers(answer["numbers"]))
            in_answer = current is not None
        elif current is None:
            header.append(paragraph.text)
        elif paragraph.text:
            _add(current, paragraph, in_answer)
    return Structure(header, [_finish(draft, flow.footnotes) for draft in drafts])


def parse_numbers(text: str) -> tuple[int, ...]:
    """The question numbers a heading names: "3, 4 en 5" → (3, 4, 5), "4-7" → (4, 5, 6, 7)."""
    numbers: set[int] = set()
    for match in _NUMBER_OR_RANGE.finditer(text):
        first = int(match.group(1))
        last = int(match.group(2)) if match.group(2) else first
        numbers.update(range(first, max(first, last) + 1))
    return tuple(sorted(numbers))


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


def _add(draft: _Draft, paragraph: Paragraph, in_answer: bool) -> None:
    """Add a paragraph to the question text or to the answer."""
    if in_answer:
        draft.answer.append(paragraph.text)
        draft.answer_notes.append(list(paragraph.notes))
    else:
        draft.lines.append(paragraph.text)
        draft.notes.extend(paragraph.notes)


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
