"""The index schema: one index document per answer paragraph.

A mededeling has no answers: each of its questions is one index document whose
text is the notice, marked ``kind`` "mededeling".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from searchkit.analysis import dutch_analyzer, name_analyzer
from searchkit.model import Document, Footnote, Question

#: Bump whenever the fields change: an index built with another version must be rebuilt.
SCHEMA_VERSION = 4

#: A passage's own full-text fields: its paragraph, its question and their footnotes.
TEXT_FIELDS = ("text", "question", "footnotes")
#: Fields searched by words without a field (weighted by :mod:`searchkit.ranking`): the
#: passage's own and its document's subject.
SEARCHED_FIELDS = (*TEXT_FIELDS, "subject")

#: Field names users type (Dutch), mapped to schema fields.
FIELD_ALIASES = {
    "tekst": "text",
    "vraag": "question_numbers",
    "vraagtekst": "question",
    "voetnoot": "footnotes",
    "alinea": "paragraph",
    "doc": "doc_id",
    "vergaderjaar": "vergaderjaar",
    "nummer": "nummer",
    "soort": "kind",
    "minister": "minister",
    "ministerie": "ministry",
    "indiener": "askers",
    "partij": "parties",
    "aan": "addressees",
    "onderwerp": "subject",
    "datum": "received",
    "ingezonden": "submitted",
}

#: Schema fields holding dates, searched by day, month, year or range.
DATE_FIELDS = frozenset({"received", "submitted"})


class FullDate(DATETIME):
    """A date indexed at full precision only, like the numbers of :func:`build_schema`."""

    def __init__(self) -> None:
        super().__init__()
        self.shift_step = 0


def build_schema() -> Schema:
    """The schema of a searchkit index.

    Numbers and dates are indexed at full precision only (``shift_step=0``), not
    also at whoosh's coarser tiers: a range query reads the values it covers (a
    few hundred days at most), and each passage adds one term per field instead
    of eight, a third of a build's postings. Indexes built with tiers keep their
    own schema and answer the same.
    """
    dutch = dutch_analyzer()
    names = name_analyzer()
    return Schema(
        passage_id=ID(unique=True, stored=True),
        doc_id=ID(stored=True),
        kind=KEYWORD(stored=True, lowercase=True, scorable=False),
        text=TEXT(analyzer=dutch, stored=True),
        question=TEXT(analyzer=dutch, stored=True),
        question_numbers=KEYWORD(stored=True, scorable=False),
        footnotes=TEXT(analyzer=dutch),
        vergaderjaar=ID,
        nummer=NUMERIC(int, shift_step=0),
        # Everyone who answered, with their role: "minister Van Weel staatssecretaris Coenradie".
        minister=TEXT(analyzer=names),
        ministry=TEXT(analyzer=names),
        askers=TEXT(analyzer=names),
        parties=TEXT(analyzer=names),
        addressees=TEXT(analyzer=names),
        subject=TEXT(analyzer=dutch),
        received=FullDate(),
        submitted=FullDate(),
        paragraph=NUMERIC(stored=True, shift_step=0),
        question_notes=STORED(),
        paragraph_notes=STORED(),
        see_also=STORED(),
        # The document's metadata (Document.to_dict() without its questions).
        document=STORED(),
    )


def passages(document: Document) -> Iterator[dict[str, Any]]:
    """The index documents of ``document``: one per answer paragraph, or per question
    of a mededeling."""
    shared = _document_fields(document)
    for question in document.questions:
        numbers = " ".join(str(n) for n in question.numbers)
        for position, (text, notes) in enumerate(_paragraphs(document, question), start=1):
            yield {
                **shared,
                "passage_id": f"{document.doc_id}/{numbers.replace(' ', ',')}/{position}",
                "text": text,
                "question": question.text,
                "question_numbers": numbers,
                "footnotes": " ".join(note.text for note in [*question.footnotes, *notes]),
                "paragraph": position,
                "question_notes": _plain(question.footnotes),
                "paragraph_notes": _plain(notes),
                "see_also": list(question.see_also),
            }


def _paragraphs(document: Document, question: Question) -> list[tuple[str, list[Footnote]]]:
    """The paragraphs a question is found by: its answer's, or the notice of a mededeling."""
    if document.kind == "mededeling" and not question.answer:
        return [(document.notice or "", [])]
    notes = question.answer_footnotes or [[] for _ in question.answer]
    return list(zip(question.answer, notes, strict=True))


def _document_fields(document: Document) -> dict[str, Any]:
    """The fields every passage of ``document`` has: its metadata."""
    header = document.to_dict()
    del header["questions"]
    fields: dict[str, Any] = {
        "doc_id": document.doc_id,
        "kind": document.kind,
        "minister": " ".join(f"{o.role} {o.name}" for o in document.answered_by),
        "ministry": " ".join(o.ministry or "" for o in document.answered_by),
        "askers": " ".join(member.name for member in document.askers),
        "parties": " ".join(member.party or "" for member in document.askers),
        "addressees": " ".join(document.addressees),
        "subject": document.subject or "",
        "document": header,
    }
    if document.vergaderjaar:
        fields["vergaderjaar"] = document.vergaderjaar
    if document.nummer is not None:
        fields["nummer"] = document.nummer
    for name, day in (("received", document.received), ("submitted", document.submitted)):
        if day:
            fields[name] = dt.datetime.combine(day, dt.time())
    return fields


def _plain(notes: list[Footnote]) -> list[tuple[int, str]]:
    return [(note.number, note.text) for note in notes]
