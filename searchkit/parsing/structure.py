"""Questions and answers found in a :class:`~searchkit.parsing.flow.Flow` by their headings.

Questions are headed "Vraag 1" (or "Vraag 2 en 3", "Vragen 3, 4 en 5", "Vraag 2 t/m 6"),
answers "Antwoord op vraag 1", "Antwoord 1", "Antwoorden 5 en 6" or just
"Antwoord" (answering the question before it). Some documents head their
questions with a bare number ("1", "1." or "1. Vraagtekst…") and their answers
"Antwoord" or "Antwoord vraag 1:"; a number is a heading only in such a
document, and only when it is the next question's number. Paragraphs before
the first heading are the document's header; a "Toelichting" after the
questions (explaining them) belongs to no answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from searchkit.model import Footnote, Question
from searchkit.parsing.flow import Flow, Paragraph

_RANGE = r"(?:\s*[-–]\s*|\s+t/m\s+|\s+tot\s+en\s+met\s+)"
# "1", "2 en 3", "3, 4 en 5", "7, 8, 9 10 en 11" (comma missing), "1,2,3,4 en 5", "4-7", "2 t/m 6".
_NUMBER_LIST = rf"\d+(?:(?:\s*[,&]\s*|{_RANGE}|\s+en\s+|\s+)\d+)*"
_QUESTION_HEADING = re.compile(rf"(?:vraag|vragen)\s*(?P<numbers>{_NUMBER_LIST})\s*[:.]?", re.IGNORECASE)
_ANSWER_HEADING = re.compile(
    rf"antwoord(?:en)?(?:\s+op)?(?:\s+(?:vraag|vragen))?\s*(?P<numbers>{_NUMBER_LIST})?\s*[:.]?",
    re.IGNORECASE,
)
_NUMBER_OR_RANGE = re.compile(rf"(\d+)(?:{_RANGE}(\d+))?")
# A question headed by its number alone: "1", "1." or "1. Bent u bekend met …".
_NUMBERED = re.compile(r"(?P<number>\d{1,3})(?:\.?|\.\s+(?P<text>\S.*))")
# An item of a numbered list: "1. de eerste reden".
_LIST_ITEM = re.compile(r"(?P<number>\d{1,3})\.\s")
# Markdown around a heading line: "## Vraag 1", "**Antwoord 1**".
_MARKUP = re.compile(r"^[#\s]*[*_]*\s*|\s*[*_]*\s*$")
_TRAILER = re.compile(r"toelichting\s*(?::|$)", re.IGNORECASE)
#: The most questions a range in a heading ("4-7") can span.
_MAX_RANGE = 100
#: How far a bare number may run ahead of the next expected question (a number skipped).
_MAX_SKIP = 2


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
    """The header paragraphs of a document, its questions with their answers, and the trailer.

    ``trailer`` holds paragraphs after the questions that answer none of them
    (a "Toelichting" explaining the questions).
    """

    header: list[str]
    questions: list[Question]
    trailer: list[str] = field(default_factory=list)


@dataclass
class _Reader:
    """The state of reading a flow's paragraphs in order."""

    numbered: bool
    header: list[str] = field(default_factory=list)
    trailer: list[str] = field(default_factory=list)
    drafts: list[_Draft] = field(default_factory=list)
    current: _Draft | None = None
    in_answer: bool = False
    in_trailer: bool = False

    def read(self, paragraph: Paragraph) -> None:
        """Take one paragraph: a heading, a header or trailer line, or question or answer text."""
        text = _MARKUP.sub("", paragraph.text)
        if question := _QUESTION_HEADING.fullmatch(text):
            self._ask(parse_numbers(question["numbers"]))
        elif answer := _ANSWER_HEADING.fullmatch(text):
            self._answer(parse_numbers(answer["numbers"]) if answer["numbers"] else ())
        elif (numbered := self._numbered(text)) is not None:
            number, rest = numbered
            draft = self._ask((number,))
            if rest:
                _add(draft, Paragraph(rest, paragraph.notes), in_answer=False)
        elif self.current is None:
            self.header.append(paragraph.text)
        elif self.in_trailer or _TRAILER.match(text):
            self.in_trailer = True
            self.trailer.append(paragraph.text)
        else:
            _add(self.current, paragraph, self.in_answer)

    def _ask(self, numbers: tuple[int, ...]) -> _Draft:
        """A question heading: a new question, or more of the current one when it repeats its heading."""
        self.in_trailer = self.in_answer = False
        if self.current is None or self.current.numbers != numbers or self.current.answer:
            self.current = _Draft(numbers)
            self.drafts.append(self.current)
        return self.current

    def _answer(self, numbers: tuple[int, ...]) -> None:
        """An answer heading: the answer to the questions it names, or to the current question."""
        self.in_trailer = False
        if numbers:
            self.current = _draft_for_answer(self.drafts, numbers, self.current)
        self.in_answer = self.current is not None

    def _numbered(self, text: str) -> tuple[int, str] | None:
        """The number and text of a numbered question heading, in a document that uses them."""
        if not self.numbered or (match := _NUMBERED.fullmatch(text)) is None:
            return None
        number, rest = int(match["number"]), match["text"] or ""
        asked = max((max(draft.numbers) for draft in self.drafts), default=0)
        furthest = asked + 1 if rest else asked + 1 + _MAX_SKIP
        if not asked < number <= furthest or self._continues_list(number):
            return None
        return number, rest

    def _continues_list(self, number: int) -> bool:
        """Whether ``number`` continues a numbered list in the current answer ("1. …", "2. …")."""
        if self.current is None or not self.in_answer:
            return False
        listed = [match["number"] for line in self.current.answer if (match := _LIST_ITEM.match(line))]
        return bool(listed) and listed[-1] == str(number - 1)


def parse_structure(flow: Flow) -> Structure:
    """The header, the questions (with answers and footnotes) and the trailer of ``flow``."""
    reader = _Reader(numbered=_uses_numbered_questions(flow.paragraphs))
    for paragraph in flow.paragraphs:
        if paragraph.text:
            reader.read(paragraph)
    questions = [_finish(draft, flow.footnotes) for draft in reader.drafts]
    return Structure(reader.header, questions, reader.trailer)


def is_heading(text: str) -> bool:
    """Whether ``text`` is a question or answer heading: "Vraag 2 en 3", "Antwoord op vraag 1"."""
    text = _MARKUP.sub("", text)
    return bool(_QUESTION_HEADING.fullmatch(text) or _ANSWER_HEADING.fullmatch(text))


def parse_numbers(text: str) -> tuple[int, ...]:
    """The question numbers a heading names: "3, 4 en 5" → (3, 4, 5), "4-7" → (4, 5, 6, 7)."""
    numbers: set[int] = set()
    for match in _NUMBER_OR_RANGE.finditer(text):
        first = int(match.group(1))
        last = int(match.group(2)) if match.group(2) else first
        if last - first > _MAX_RANGE:  # a number, not a range of questions
            numbers.update((first, last))
        else:
            numbers.update(range(first, max(first, last) + 1))
    return tuple(sorted(numbers))


def _uses_numbered_questions(paragraphs: list[Paragraph]) -> bool:
    """Whether the document heads its questions by number: no "Vraag N", a "1" then an answer heading."""
    texts = [_MARKUP.sub("", paragraph.text) for paragraph in paragraphs]
    if any(_QUESTION_HEADING.fullmatch(text) for text in texts):
        return False
    first = next(
        (i for i, text in enumerate(texts) if (m := _NUMBERED.fullmatch(text)) and m["number"] == "1"), None
    )
    return first is not None and any(_ANSWER_HEADING.fullmatch(text) for text in texts[first:])


def _draft_for_answer(drafts: list[_Draft], numbers: tuple[int, ...], current: _Draft | None) -> _Draft:
    """The question an answer heading belongs to.

    An answer covering separately asked questions ("Antwoord 5 en 6") merges them
    into one. An answer to numbers never asked answers the current question when
    that is still unanswered (a misnumbered heading: "Vraag 7" … "Antwoord 8"),
    and otherwise gets a question of its own, with no text.
    """
    asked = [draft for draft in drafts if set(draft.numbers) & set(numbers)]
    if not asked:
        if current is not None and not current.answer and current is drafts[-1]:
            current.numbers = tuple(sorted(set(current.numbers) | set(numbers)))
            return current
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
    """Add a paragraph to the question text or to the answer; a repeated question line once."""
    if in_answer:
        draft.answer.append(paragraph.text)
        draft.answer_notes.append(list(paragraph.notes))
    elif paragraph.text not in draft.lines:
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
