"""Header metadata of an answer document: its id, who asked whom about what, who answered, dates.

The functions work on a document's text in any format: line breaks count as spaces,
so a header wrapped over lines (as in PDF text) reads the same as one on a single line.
The header has up to three parts, each optional::

    Vragen van het lid Ellian (VVD) aan de Staatssecretaris van Justitie en Veiligheid
    over … (ingezonden 4 november 2024).
    Antwoord van Staatssecretaris Coenradie (Justitie en Veiligheid), mede namens de
    Minister van … (ontvangen 18 november 2024). Zie ook Aanhangsel Handelingen, …, nr. 505.

A mededeling has "Mededeling van …" instead of "Antwoord van …", followed by its notice.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from searchkit.model import Document, DocumentKind, Member, Official

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
_NOT_AFTER_LETTER = r"(?<![^\W\d_])"
# Minister-president, minister(s), staatssecretaris(sen), also misspelt "staatsecretaris".
_ROLE = r"minister-president|ministers?|staatss?ecretaris(?:sen)?"
_QUESTION_START = re.compile(
    rf"{_NOT_AFTER_LETTER}vra(?:ag|gen)\s+van\s+(?:het\s+lid|de\s+leden)\s+", re.IGNORECASE
)
_SUBMITTED = re.compile(r"\(\s*ingezonden\s+(?P<date>[^()]*?)\s*\)", re.IGNORECASE)
_OFFICIAL_START = re.compile(
    rf"{_NOT_AFTER_LETTER}(?P<kind>antwoord|mededeling)\s+van\s+(?:de\s+)?(?=(?:{_ROLE})\b)", re.IGNORECASE
)
_RECEIVED = re.compile(r"\(\s*ontvangen\s+(?P<date>[^()]*?)\s*\)\s*\.?", re.IGNORECASE)
# "aan de Ministers …" after the askers; the extractor may glue "de" to the role.
_TO = re.compile(rf",?\s+aan\s+(?:de\s*)?(?=(?:{_ROLE})\b)", re.IGNORECASE)
_ABOUT = re.compile(r"\s+over\s+", re.IGNORECASE)
# "Paternotte en Podt (beiden D66)": names, then their party in parentheses.
_PARTY_GROUP = re.compile(
    r"(?P<names>[^()]*?)\s*\(\s*(?:beiden|allen)?\s*(?P<party>[^()]*?)\s*\)", re.IGNORECASE
)
_CO_ASKERS = re.compile(r"\bmede\s+namens\s+(?:het\s+lid|de\s+leden)\b", re.IGNORECASE)
_NAME_SEPARATOR = re.compile(r"\s*,\s*|\s+en\s+", re.IGNORECASE)
# Between addressees: "…, de Minister van …", "… en de Staatssecretaris van …".
_NEXT_ADDRESSEE = re.compile(rf"(?:\s*,\s*(?:en\s+)?|\s+en\s+)(?:de\s*)?(?=(?:{_ROLE})\b)", re.IGNORECASE)
_ROLE_AT_START = re.compile(rf"(?P<role>{_ROLE})\b[\s,]*(?P<rest>.*)", re.IGNORECASE | re.DOTALL)
# Between the ministries of one role: "van Buitenlandse Zaken, van Justitie en Veiligheid en van …".
_NEXT_MINISTRY = re.compile(r"(?:\s*,\s*|\s+en\s+)(?=(?:van|voor)\s)", re.IGNORECASE)
_CO_SIGNERS = re.compile(r",?\s*\bmede\s+namens\s+(?:de\s+)?", re.IGNORECASE)
# "minister Van Weel (Justitie en Veiligheid": the ministry's ")" is sometimes missing.
_ANSWERER = re.compile(
    rf"(?P<role>{_ROLE})\s+(?P<name>[^(),]+?)\s*\((?P<ministry>[^()]+?)\s*(?:\)|$)", re.IGNORECASE
)
# "Zie ook Aanhangsel Handelingen, vergaderjaar 2024-2025, nr. 2790"; "II" or "I"
# after "Handelingen" names the chamber, which is otherwise the Tweede Kamer.
_RELATED = re.compile(
    r"\bzie\s+ook\s+aanhangsel\s+(?:van\s+de\s+)?handelingen(?:\s+(?P<chamber>II?)\b)?"
    r"\s*,?\s*vergaderjaar\s*(?P<first>\d{4})\s*[-–—/]\s*(?P<second>\d{4})"
    r"\s*,?\s*nr\.?\s*(?P<number>\d+)\.?",
    re.IGNORECASE,
)
_CHAMBERS = {"II": "tk", "I": "ek"}
_DOC_ID = re.compile(r"ah-(?P<chamber>[a-z]{2})-(?P<first>\d{4})(?P<second>\d{4})-(?P<number>\d+)")
_DOC_ID_LINE = re.compile(rf"^\s*({_DOC_ID.pattern})\s*$", re.MULTILINE)
# "AH 601": the number alone, as a ministry's Word file heads it.
_AH_LINE = re.compile(r"^\s*AH\s+(\d+)\s*$", re.MULTILINE | re.IGNORECASE)
_PRIME_MINISTER = "Minister-President"
#: How an addressee's office is written, by role.
_TITLES = {
    "minister": "Minister",
    "staatssecretaris": "Staatssecretaris",
    "minister-president": _PRIME_MINISTER,
}
_HYPHEN_IN_NAME = re.compile(r"\s*-\s*")
_WHITESPACE = re.compile(r"\s+")
_EDGE_PUNCTUATION = " .,:;"


@dataclass(frozen=True)
class QuestionLine:
    """What the question line of a header says: who asked whom, about what, and when."""

    askers: list[Member]
    addressees: list[str]
    subject: str | None
    submitted: dt.date | None
    end: int


@dataclass(frozen=True)
class AnswerLine:
    """What the answer line (or mededeling line) of a header says: who answered, and when."""

    kind: DocumentKind
    answered_by: list[Official]
    co_signers: str | None
    received: dt.date | None
    end: int

    @property
    def minister(self) -> str | None:
        """The name of the (first) member of government who answered."""
        return self.answered_by[0].name if self.answered_by else None

    @property
    def ministry(self) -> str | None:
        """The ministry of the (first) member of government who answered."""
        return self.answered_by[0].ministry if self.answered_by else None


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


def vergaderjaar_of(day: dt.date) -> str:
    """The parliamentary year ("2024-2025") of ``day``: a year starts on Prinsjesdag,
    the third Tuesday of September."""
    first = day.year if day >= _prinsjesdag(day.year) else day.year - 1
    return f"{first}-{first + 1}"


def _prinsjesdag(year: int) -> dt.date:
    september = dt.date(year, 9, 1)
    first_tuesday = september + dt.timedelta(days=(1 - september.weekday()) % 7)
    return first_tuesday + dt.timedelta(weeks=2)


def find_question_line(text: str) -> QuestionLine | None:
    """The question line ("Vragen van het lid X (Partij) aan de Minister van … over …
    (ingezonden …)") in the text; ``end`` is its end in the text with whitespace flattened."""
    flat = _flatten(text)
    start = _QUESTION_START.search(flat)
    if start is None:
        return None
    # The line ends at "(ingezonden …)", unless an answer line's "(ontvangen …)" comes first:
    # then it has no date and ends where the answer line starts.
    submitted = _SUBMITTED.search(flat, start.end())
    received = _RECEIVED.search(flat, start.end())
    if submitted and not (received and received.start() < submitted.start()):
        body, end = flat[start.end() : submitted.start()], submitted.end()
    else:
        official = _OFFICIAL_START.search(flat, start.end())
        end = official.start() if official else len(flat)
        body, submitted = flat[start.end() : end], None
    to = _TO.search(body)
    askers, rest = (body[: to.start()], body[to.end() :]) if to else (body, "")
    about = _ABOUT.search(rest)
    addressees, subject = (rest[: about.start()], rest[about.end() :]) if about else (rest, "")
    return QuestionLine(
        askers=parse_askers(askers),
        addressees=parse_addressees(addressees),
        subject=subject.strip(_EDGE_PUNCTUATION) or None,
        submitted=_date_or_none(submitted["date"]) if submitted else None,
        end=end,
    )


def parse_askers(text: str) -> list[Member]:
    """The askers of "Mutluer (GroenLinks-PvdA) en Kostić (PvdD)", "Paternotte en Podt
    (beiden D66)", "A (VVD), mede namens het lid B (CDA)"; a name without party has none."""
    text = _CO_ASKERS.sub(",", _flatten(text))
    members: list[Member] = []
    position = 0
    for group in _PARTY_GROUP.finditer(text):
        members += [Member(name, group["party"] or None) for name in _names(group["names"])]
        position = group.end()
    members += [Member(name) for name in _names(text[position:])]
    return members


def _names(text: str) -> list[str]:
    names = (_clean_name(name) for name in _NAME_SEPARATOR.split(text))
    return [name for name in names if name and name.lower() != "en"]


def parse_addressees(text: str) -> list[str]:
    """The offices a header's "aan de …" names, one per ministry: "Ministers van Buitenlandse
    Zaken en van Asiel en Migratie" → ["Minister van Buitenlandse Zaken", "Minister van Asiel
    en Migratie"]; a role without ministry takes the next one's ("de Staatssecretaris en de
    Minister van VWS")."""
    offices: list[str] = []
    ministries: list[str] = []
    for part in reversed(_NEXT_ADDRESSEE.split(_flatten(text).strip(_EDGE_PUNCTUATION))):
        match = _ROLE_AT_START.match(part.strip())
        if match is None:
            continue
        title = _TITLES[_role(match["role"])]
        if title == _PRIME_MINISTER:
            offices.insert(0, title)
            continue
        pieces = [p.strip(_EDGE_PUNCTUATION) for p in _NEXT_MINISTRY.split(match["rest"])]
        ministries = [piece for piece in pieces if piece] or ministries
        offices[:0] = [f"{title} {ministry}" for ministry in ministries] or [title]
    return offices


def find_answer_line(text: str, start: int = 0) -> AnswerLine | None:
    """The answer line ("Antwoord van minister X (Ministry), mede namens … (ontvangen …)") or
    mededeling line in the text, searched from ``start`` in the flattened text."""
    flat = _flatten(text)
    match = _OFFICIAL_START.search(flat, start)
    if match is None:
        return None
    received = _RECEIVED.search(flat, match.end())
    line = flat[match.end() : received.start() if received else len(flat)]
    co_signers = _CO_SIGNERS.search(line)
    answerers = line[: co_signers.start()] if co_signers else line
    answered_by = [
        Official(_role(m["role"]), _clean_name(m["name"]), m["ministry"].strip(_EDGE_PUNCTUATION))
        for m in _ANSWERER.finditer(answerers.strip())
    ]
    if not answered_by and received is None:
        return None
    return AnswerLine(
        kind="mededeling" if match["kind"].lower() == "mededeling" else "antwoord",
        answered_by=answered_by,
        co_signers=_co_signers(line, co_signers),
        received=_date_or_none(received["date"]) if received else None,
        end=received.end() if received else len(flat),
    )


def _co_signers(line: str, match: re.Match[str] | None) -> str | None:
    """Who the answer is "mede namens": the rest of the answer line after those words."""
    return (line[match.end() :].strip(_EDGE_PUNCTUATION) or None) if match else None


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


def read_metadata(header: list[str], furniture: list[str], default_id: str) -> Document:
    """A document with all the metadata its header paragraphs and the page furniture
    taken out of its pages give (no source, no questions yet); ``default_id``
    serves when neither names the document."""
    text = "\n".join(header)
    question = find_question_line(text)
    answer = find_answer_line(text, question.end if question else 0)
    submitted = question.submitted if question else None
    received = answer.received if answer else None
    doc_id = _own_id("\n".join([*furniture, *header]), received or submitted)
    parts = _DOC_ID.fullmatch(doc_id) if doc_id else None
    first = answer.answered_by[0] if answer and answer.answered_by else None
    kind = answer.kind if answer else "antwoord"
    return Document(
        doc_id=doc_id or default_id,
        source="",
        minister=first.name if first else None,
        ministry=first.ministry if first else None,
        received=received,
        related=find_related(text),
        kind=kind,
        vergaderjaar=f"{parts['first']}-{parts['second']}" if parts else _vergaderjaar_or_none(received),
        nummer=int(parts["number"]) if parts else None,
        askers=question.askers if question else [],
        addressees=question.addressees if question else [],
        subject=question.subject if question else None,
        submitted=submitted,
        role=first.role if first else None,
        answered_by=answer.answered_by if answer else [],
        co_signers=answer.co_signers if answer else None,
        notice=_notice(text, answer) if answer and kind == "mededeling" else None,
    )


def _own_id(text: str, dated: dt.date | None) -> str | None:
    """The id on an id line; else "AH 601" with the vergaderjaar of the date it was received."""
    if doc_id := find_doc_id(text):
        return doc_id
    number = _AH_LINE.search(text)
    if number is None or dated is None:
        return None
    return f"ah-tk-{vergaderjaar_of(dated).replace('-', '')}-{int(number.group(1))}"


def _notice(text: str, line: AnswerLine) -> str | None:
    """The text of a mededeling: what follows its line in the header, "Zie ook …" left out."""
    notice = _RELATED.sub(" ", _flatten(text)[line.end :])
    return _flatten(notice).strip() or None


def _role(word: str) -> str:
    word = word.lower()
    if word.startswith("minister-"):
        return "minister-president"
    return "minister" if word.startswith("minister") else "staatssecretaris"


def _clean_name(name: str) -> str:
    return _HYPHEN_IN_NAME.sub("-", name.strip(_EDGE_PUNCTUATION))


def _vergaderjaar_or_none(day: dt.date | None) -> str | None:
    return vergaderjaar_of(day) if day else None


def _flatten(text: str) -> str:
    return _WHITESPACE.sub(" ", text)


def _date_or_none(text: str) -> dt.date | None:
    try:
        return parse_dutch_date(text)
    except ValueError:
        return None
