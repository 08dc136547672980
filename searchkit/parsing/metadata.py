"""Header metadata of an answer document: who answered, the ministry, dates and related documents.

The functions work on a document's text in any format: line breaks count as spaces,
so a header wrapped over lines (as in PDF text) reads the same as one on a single line.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

MONTHS: dict[str, int] = {
    "januari": 1,
    "februari": 2,
    "maart": 3,
    "april": 4,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "augustus": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
}
_MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "mrt": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "dec": 12,
}

_DATE = re.compile(r"(\d{1,2})\s*([^\W\d_]+)\.?\s*(\d{4})")
# "Antwoord van minister Van Weel (Justitie en Veiligheid)": the title is not part of
# the name; the ministry's closing parenthesis is sometimes missing before "(ontvangen".
_ANSWER_LINE = re.compile(
    r"\bantwoord\s+van\s+(?:de\s+)?"
    r"(?:minister-president|minister|staatssecretaris|staatsecretaris)\s+"
    r"(?P<name>[^(),]+?)\s*"
    r"\((?!\s*ontvangen\b)(?P<ministry>[^()]+?)\s*(?:\)|(?=\(\s*ontvangen\b))",
    re.IGNORECASE,
)
_RECEIVED = re.compile(r"\(\s*ontvangen\s+(?P<date>[^()]+?)\s*\)", re.IGNORECASE)
# "Zie ook Aanhangsel Handelingen, vergaderjaar 2024-2025, nr. 2790"; "II" or "I"
# after "Handelingen" names the chamber, which is otherwise the Tweede Kamer.
_RELATED = re.compile(
    r"\bzie\s+ook\s+aanhangsel\s+(?:van\s+de\s+)?handelingen(?:\s+(?P<chamber>II?)\b)?"
    r"\s*,?\s*vergaderjaar\s*(?P<first>\d{4})\s*[-–—/]\s*(?P<second>\d{4})"
    r"\s*,?\s*nr\.?\s*(?P<number>\d+)",
    re.IGNORECASE,
)
_CHAMBERS = {"II": "tk", "I": "ek"}
_DOC_ID_LINE = re.compile(r"^\s*(ah-[a-z]{2}-\d{8}-\d+)\s*$", re.MULTILINE)
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class AnswerLine:
    """What the answer line of a header says: who answered, for which ministry, and when."""

    minister: str
    ministry: str
    received: dt.date | None


@dataclass(frozen=True)
class Metadata:
    """The metadata of one document, as read from its text."""

    doc_id: str
    minister: str | None = None
    ministry: str | None = None
    received: dt.date | None = None
    related: list[str] = field(default_factory=list)


def parse_dutch_date(text: str) -> dt.date:
    """The date of a Dutch date such as "20 augustus 2025" (also "1 mrt. 2024").

    Raises ValueError for text that is not such a date or names no real day.
    """
    match = _DATE.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"not a Dutch date: {text!r}")
    day, month_name, year = match.groups()
    month_key = month_name.lower()
    month = MONTHS.get(month_key) or _MONTH_ABBREVIATIONS.get(month_key)
    if month is None:
        raise ValueError(f"unknown Dutch month {month_name!r} in {text!r}")
    return dt.date(int(year), month, int(day))


def find_answer_line(text: str) -> AnswerLine | None:
    """The first answer line ("Antwoord van minister X (Ministry) (ontvangen …)") in the text."""
    flat = _flatten(text)
    match = _ANSWER_LINE.search(flat)
    if match is None:
        return None
    received = _RECEIVED.search(flat, match.end())
    return AnswerLine(
        minister=match["name"],
        ministry=match["ministry"],
        received=_date_or_none(received["date"]) if received else None,
    )


def find_related(text: str) -> list[str]:
    """Ids ("ah-tk-20242025-2790") of the documents a "Zie ook Aanhangsel Handelingen …" names."""
    related: list[str] = []
    for match in _RELATED.finditer(_flatten(text)):
        chamber = _CHAMBERS[(match["chamber"] or "II").upper()]
        doc_id = f"ah-{chamber}-{match['first']}{match['second']}-{match['number']}"
        if doc_id not in related:
            related.append(doc_id)
    return related


def find_doc_id(text: str) -> str | None:
    """The document's own id, from a line holding only an id like "ah-tk-20232024-1076"."""
    match = _DOC_ID_LINE.search(text)
    return match.group(1) if match else None


def read_metadata(text: str, default_id: str) -> Metadata:
    """All header metadata of a document; ``default_id`` serves when the text holds no id."""
    answer = find_answer_line(text)
    return Metadata(
        doc_id=find_doc_id(text) or default_id,
        minister=answer.minister if answer else None,
        ministry=answer.ministry if answer else None,
        received=answer.received if answer else None,
        related=find_related(text),
    )


def _flatten(text: str) -> str:
    return _WHITESPACE.sub(" ", text)


def _date_or_none(text: str) -> dt.date | None:
    try:
        return parse_dutch_date(text)
    except ValueError:
        return None
