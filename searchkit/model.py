"""The data that flows through searchkit: documents, questions, passages and hits."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

#: What a document is: the government's answers, or a notice ("Mededeling") that
#: the questions are answered later or elsewhere.
DocumentKind = Literal["antwoord", "mededeling"]


@dataclass(frozen=True)
class Footnote:
    """A footnote as the document numbers it, with its text."""

    number: int
    text: str


@dataclass(frozen=True)
class Member:
    """A member of parliament who asked the questions, with the party as the header names it."""

    name: str
    party: str | None = None

    def __str__(self) -> str:
        return f"{self.name} ({self.party})" if self.party else self.name


@dataclass(frozen=True)
class Official:
    """A member of government who answered: "minister Van Weel (Justitie en Veiligheid)".

    ``role`` is lowercase: ``minister``, ``staatssecretaris`` or ``minister-president``.
    """

    role: str
    name: str
    ministry: str | None = None

    def __str__(self) -> str:
        return f"{self.role} {self.name}" + (f" ({self.ministry})" if self.ministry else "")


@dataclass
class Question:
    """One question (or a group of questions answered together) with its answer.

    ``answer`` holds the answer's paragraphs as clean text, in order.
    ``footnotes`` are the notes referenced from the question text;
    ``answer_footnotes[i]`` the notes referenced from paragraph ``i``.
    ``see_also`` numbers the other questions whose answers this answer refers to
    ("zie het antwoord op vraag 7").
    """

    numbers: tuple[int, ...]
    text: str
    answer: list[str] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    answer_footnotes: list[list[Footnote]] = field(default_factory=list)
    see_also: tuple[int, ...] = ()

    @property
    def all_footnotes(self) -> list[Footnote]:
        """The question's footnotes followed by those of its answer, in order."""
        notes = list(self.footnotes)
        for paragraph_notes in self.answer_footnotes:
            notes.extend(paragraph_notes)
        return notes

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Question:
        """The question that :meth:`Document.to_dict` wrote as ``data``."""
        return cls(
            numbers=tuple(data["numbers"]),
            text=data["text"],
            answer=list(data["answer"]),
            footnotes=[Footnote(**note) for note in data["footnotes"]],
            answer_footnotes=[[Footnote(**note) for note in notes] for notes in data["answer_footnotes"]],
            see_also=tuple(data["see_also"]),
        )


@dataclass
class Document:
    """One answer document (an *Aanhangsel van de Handelingen* item).

    ``minister``, ``ministry`` and ``role`` describe who answered (the first, when
    several did; all of them are in ``answered_by``); ``co_signers`` is the text
    after "mede namens". ``received`` is the date the answer (or the notice of a
    mededeling) was received, ``submitted`` the date the questions were.
    """

    doc_id: str
    source: str
    minister: str | None = None
    ministry: str | None = None
    received: dt.date | None = None
    related: list[str] = field(default_factory=list)
    kind: DocumentKind = "antwoord"
    vergaderjaar: str | None = None
    nummer: int | None = None
    askers: list[Member] = field(default_factory=list)
    addressees: list[str] = field(default_factory=list)
    subject: str | None = None
    submitted: dt.date | None = None
    role: str | None = None
    answered_by: list[Official] = field(default_factory=list)
    co_signers: str | None = None
    notice: str | None = None
    questions: list[Question] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The document as plain JSON-ready data (dates as ISO strings)."""
        return asdict(self, dict_factory=_json_ready)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """The document that :meth:`to_dict` wrote as ``data``."""
        values = dict(data)
        values["received"] = _date(data["received"])
        values["submitted"] = _date(data["submitted"])
        values["askers"] = [Member(**member) for member in data["askers"]]
        values["answered_by"] = [Official(**official) for official in data["answered_by"]]
        values["questions"] = [Question.from_dict(question) for question in data["questions"]]
        return cls(**values)


def _json_ready(items: list[tuple[str, Any]]) -> dict[str, Any]:
    return {key: value.isoformat() if isinstance(value, dt.date) else value for key, value in items}


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@dataclass(frozen=True)
class Hit:
    """One answer paragraph found by a search, best first in a result list.

    ``kind`` is ``"mededeling"`` when the paragraph is the notice of a mededeling
    standing in for the answer to a question not answered yet.
    """

    doc_id: str
    question_numbers: tuple[int, ...]
    paragraph: int
    text: str
    question: str
    score: float
    highlight: str
    kind: DocumentKind = "antwoord"

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
