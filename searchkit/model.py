"""The data that flows through searchkit: documents, questions, passages and hits."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Footnote:
    """A footnote as the document numbers it, with its text."""

    number: int
    text: str


@dataclass
class Question:
    """One question (or a group of questions answered together) with its answer.

    ``answer`` holds the answer's paragraphs as clean text, in order.
    ``footnotes`` are the notes referenced from the question text;
    ``answer_footnotes[i]`` the notes referenced from paragraph ``i``.
    """

    numbers: tuple[int, ...]
    text: str
    answer: list[str] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    answer_footnotes: list[list[Footnote]] = field(default_factory=list)

    @property
    def all_footnotes(self) -> list[Footnote]:
        """The question's footnotes followed by those of its answer, in order."""
        notes = list(self.footnotes)
        for paragraph_notes in self.answer_footnotes:
            notes.extend(paragraph_notes)
        return notes


@dataclass
class Document:
    """One answer document (an *Aanhangsel van de Handelingen* item)."""

    doc_id: str
    source: str
    minister: str | None = None
    ministry: str | None = None
    received: dt.date | None = None
    related: list[str] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        """The document as plain JSON-ready data (dates as ISO strings)."""
        data = asdict(self)
        data["received"] = self.received.isoformat() if self.received else None
        return data


@dataclass(frozen=True)
class Hit:
    """One answer paragraph found by a search, best first in a result list."""

    doc_id: str
    question_numbers: tuple[int, ...]
    paragraph: int
    text: str
    question: str
    score: float
    highlight: str

    def to_dict(self) -> dict[str, object]:
        """The hit as the JSON object that ``searchkit query --json`` prints."""
        return {
            "doc_id": self.doc_id,
            "question_numbers": list(self.question_numbers),
            "paragraph": self.paragraph,
            "score": round(self.score, 4),
            "text": self.text,
            "question": self.question,
            "highlight": self.highlight,
        }
