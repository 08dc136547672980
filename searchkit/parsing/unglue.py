"""Running text that a PDF text extractor glued together, pulled apart again.

Extractors often join a paragraph's lines without a space: a sentence ending a
line runs into the next ("door.Wanneer"), so do list items (":– de afspraak"),
punctuation loses its space ("selectie,plaatsing", "(DJI)namens") and words run
together ("algemeengeldt"). A sentence glued to the next one at a line end
marks a paragraph break far more often than a line that happens to end with a
sentence, so it is taken as one.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from searchkit.parsing.marks import MARK_PATTERN
from searchkit.parsing.words import join_inner_hyphens, split_glued

# A sentence end glued to a capital: "door.Wanneer", "(OM).Daarbij", "bijstaan?Waarom", "»?<1>Hoe".
_GLUED_END = re.compile(rf"(?<=\S)(?P<stop>[.?!])[)»”’\"]*(?:{MARK_PATTERN})?(?=[A-ZÀ-Þ])")
# A list item glued to the line before: "waaronder:– de afspraak".
_GLUED_ITEM = re.compile(r"(?<=[:;])(?=[–•▪·]\s)")
_WORD_BEFORE = re.compile(r"([^\s(«“‘\"]+)$")
_URL_CHUNK = re.compile(r"https?:|www\.|/", re.IGNORECASE)
#: Abbreviations that end in a full stop inside a sentence.
_ABBREVIATIONS = frozenset(
    "nr nrs art blz p pag ca dhr mevr mr dr drs ir prof st vs bijv resp incl excl evt zgn vgl mln mld".split()
)
_COMMA_GLUED = re.compile(r"(?<=[^\W_)»”\"])([,;])(?=[^\W\d_])")
_PERCENT_GLUED = re.compile(r"(?<=%)(?=[^\W\d_])")
_QUOTE_GLUED = re.compile(r"(?<=[»”])(?=[^\W\d_])|(?<=[^\W\d_])(?=[«“])")
_COLON_GLUED = re.compile(r"(?<=[a-zà-ÿ]):(?=[a-zà-ÿ])")
_CLOSE_GLUED = re.compile(r"\)(?=[^\W\d_])")
_OPEN_GLUED = re.compile(r"(?<=[^\W\d_])\(")
# What may stand in brackets glued to a word: "(her)beoordeling", "(ervarings-)deskundigen", "partner(s)".
_WORD_PART = re.compile(r"[^\W\d_A-ZÀ-Þ]+-?")
_SUFFIX = re.compile(r"[^\W\d_A-ZÀ-Þ]{1,4}")
_SPACES = re.compile(r" {2,}")


def repair_paragraph(text: str, written_whole: Collection[str] = ()) -> list[str]:
    """The paragraphs of glued ``text``, each repaired by :func:`repair_text`."""
    return [
        repaired for piece in split_glued_paragraphs(text) if (repaired := repair_text(piece, written_whole))
    ]


def repair_text(text: str, written_whole: Collection[str] = ()) -> str:
    """``text`` with spaces put back after punctuation and between glued words, line-end hyphens out."""
    text = join_inner_hyphens(space_punctuation(text), written_whole)
    return _SPACES.sub(" ", split_glued(text)).strip()


def split_glued_paragraphs(text: str) -> list[str]:
    """``text`` split where a sentence or a list item was glued to the line before it."""
    cuts = [match.end() for match in _GLUED_ITEM.finditer(text)]
    cuts += [match.end() for match in _GLUED_END.finditer(text) if _ends_sentence(text, match)]
    pieces, start = [], 0
    for cut in sorted(set(cuts)):
        pieces.append(text[start:cut].strip())
        start = cut
    pieces.append(text[start:].strip())
    return [piece for piece in pieces if piece]


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    """Whether the stop of ``match`` ends a sentence, not an abbreviation, initial or URL."""
    word = _WORD_BEFORE.search(text, 0, match.start())
    if word is None or _URL_CHUNK.search(word.group(1)):
        return False
    if match["stop"] != ".":
        return True
    token = word.group(1).strip(')»”’"')
    if not token or "." in token or token.lower() in _ABBREVIATIONS:
        return False
    return not (len(token) == 1 and token.isalpha())


def space_punctuation(text: str) -> str:
    """``text`` with the space back after "," ";" "%" ")" "»" and ":" where it was lost.

    "selectie,plaatsing" → "selectie, plaatsing", "(DJI)namens" → "(DJI) namens",
    "gegevensbescherming(AVG)" → "gegevensbescherming (AVG)"; words with a part
    in brackets stay whole ("(her)beoordeling", "partner(s)"), and so do URLs.
    """
    return " ".join(chunk if _URL_CHUNK.search(chunk) else _space_chunk(chunk) for chunk in text.split(" "))


def _space_chunk(chunk: str) -> str:
    """One chunk of text between spaces, with the spaces its punctuation lost."""
    spaced = _COLON_GLUED.sub(
        ": ", _QUOTE_GLUED.sub(" ", _PERCENT_GLUED.sub(" ", _COMMA_GLUED.sub(r"\1 ", chunk)))
    )
    closed = _CLOSE_GLUED.sub(lambda match: _after_bracket(spaced, match.start()), spaced)
    return _OPEN_GLUED.sub(lambda match: _before_bracket(closed, match.start()), closed)


def _after_bracket(chunk: str, close: int) -> str:
    """ ")" glued to a word: a space, unless the brackets hold part of that word."""
    open_ = chunk.rfind("(", 0, close)
    if open_ >= 0 and _WORD_PART.fullmatch(chunk[open_ + 1 : close]):
        return ")"
    return ") "


def _before_bracket(chunk: str, open_: int) -> str:
    """A word glued to "(": a space, unless the brackets hold an ending ("partner(s)")."""
    close = chunk.find(")", open_)
    if close >= 0 and _SUFFIX.fullmatch(chunk[open_ + 1 : close]):
        return "("
    return " ("
