"""The index schema: one index document per answer paragraph."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from searchkit.analysis import dutch_analyzer, name_analyzer
from searchkit.model import Document, Footnote

#: Bump whenever the fields change: an index built with another version must be rebuilt.
SCHEMA_VERSION = 1

#: Full-text fields searched by words without a field, with their BM25F weights.
TEXT_FIELDS = {"text": 3.0, "question": 1.5, "footnotes": 0.5}

#: Field names users type (Dutch), mapped to schema fields.
FIELD_ALIASES = {
    "tekst": "text",
    "vraag": "question_numbers",
    "vraagtekst": "question",
    "voetnoot": "footnotes",
    "doc": "doc_id",
    "minister": "minister",
    "ministerie": "ministry",
    "datum": "received",
    "alinea": "paragraph",
}


def build_schema() -> Schema:
    """The schema of a searchkit index."""
    dutch = dutch_analyzer()
    names = name_analyzer()
    return Schema(
        passage_id=ID(unique=True, stored=True),
        doc_id=ID(stored=True),
        text=TEXT(analyzer=dutch, stored=True),
        question=TEXT(analyzer=dutch, stored=True),
        question_numbers=KEYWORD(stored=True, scorable=False),
        footnotes=TEXT(analyzer=dutch),
        # Unstemmed words of text and question: the vocabulary of "did you mean".
        words=TEXT(analyzer=names, phrase=False),
        minister=TEXT(analyzer=names, stored=True),
        ministry=TEXT(analyzer=names, stored=True),
        received=DATETIME(stored=True),
        paragraph=NUMERIC(stored=True),
        question_notes=STORED(),
        paragraph_notes=STORED(),
        related=STORED(),
        source=STORED(),
    )


def passages(document: Document) -> Iterator[dict[str, Any]]:
    """The index documents of ``document``: one per answer paragraph."""
    for question in document.questions:
        numbers = " ".join(str(n) for n in question.numbers)
        for position, paragraph in enumerate(question.answer, start=1):
            notes = question.answer_footnotes[position - 1] if question.answer_footnotes else []
            fields = {
                "passage_id": f"{document.doc_id}/{numbers.replace(' ', ',')}/{position}",
                "doc_id": document.doc_id,
                "text": paragraph,
                "question": question.text,
                "question_numbers": numbers,
                "footnotes": " ".join(note.text for note in [*question.footnotes, *notes]),
                "words": f"{paragraph} {question.text}",
                "minister": document.minister or "",
                "ministry": document.ministry or "",
                "paragraph": position,
                "question_notes": _plain(question.footnotes),
                "paragraph_notes": _plain(notes),
                "related": list(document.related),
                "source": document.source,
            }
            if document.received:
                fields["received"] = dt.datetime.combine(document.received, dt.time())
            yield fields


def _plain(notes: list[Footnote]) -> list[tuple[int, str]]:
    return [(note.number, note.text) for note in notes]
