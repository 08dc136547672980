"""Token filters of the Dutch analysis chain, one job each."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from whoosh.analysis import Filter, Token

_HYPHENS = re.compile(r"[-‐‑]")
_APOSTROPHES = "'’"


class ApostropheFilter(Filter):
    """Drops apostrophes the way Dutch users type words without them.

    ``veiligheidsregio's`` → ``veiligheidsregio`` (plural or genitive ``'s``),
    ``’s-gravenhage`` → ``s-gravenhage``, ``zo'n`` → ``zon``.
    """

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other)

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        for t in tokens:
            text = t.text
            if any(a in text for a in _APOSTROPHES):
                text = text.lstrip(_APOSTROPHES)
                if len(text) > 2 and text[-2] in _APOSTROPHES and text[-1] == "s":
                    text = text[:-2]
                t.text = text.replace("'", "").replace("’", "")
            yield t


class HyphenFilter(Filter):
    """Makes hyphenated words findable as typed, joined, or by any of their parts.

    At index time ``data-integratie`` yields ``dataintegratie``, ``data`` and
    ``integratie``, all at one position (so phrases around the word still
    match); at query time it yields only ``dataintegratie``, which the index
    holds whether the text wrote the word with a hyphen or without.
    """

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other)

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        for t in tokens:
            # Tokenizers reuse one token object: the mark is set on every word.
            t.has_parts = False
            if not _HYPHENS.search(t.text):
                yield t
                continue
            spans = _part_spans(t.text)
            pieces = [] if t.mode == "query" else [_piece(t, span) for span in spans]
            t.text = "".join(t.text[start:end] for start, end in spans)
            t.has_parts = bool(pieces)
            yield t
            # Later filters change tokens in place: the parts were copied before.
            yield from pieces


def _piece(token: Token, span: tuple[int, int]) -> Token:
    """A copy of ``token`` for the part of its text at ``span``."""
    piece = token.copy()
    piece.text = token.text[span[0] : span[1]]
    if token.chars:
        piece.startchar = token.startchar + span[0]
        piece.endchar = token.startchar + span[1]
    return piece


def _part_spans(word: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the parts of a hyphenated word."""
    spans = []
    start = 0
    for hyphen in _HYPHENS.finditer(word):
        spans.append((start, hyphen.start()))
        start = hyphen.end()
    spans.append((start, len(word)))
    return spans


class CapitalsFilter(Filter):
    """Marks words written in capitals (``OM``, ``IN``): abbreviations, which no stop list removes."""

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other)

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        for t in tokens:
            # Tokenizers reuse one token object: the mark is set on every word.
            t.capitals = len(t.text) > 1 and t.text.isupper()
            yield t


class StopWordFilter(Filter):
    """Removes (or, with ``removestops=False``, marks) stop words; not abbreviations in capitals
    (``OM`` is the Openbaar Ministerie, ``om`` a stop word).

    Positions are renumbered to close the gaps stop words leave, so a phrase
    query matches across them; tokens that share a position keep sharing it.
    """

    def __init__(self, stopwords: Iterable[str]) -> None:
        self.stops = frozenset(stopwords)

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.stops == other.stops

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        stops = self.stops
        new_pos = -1
        last_pos = None
        for t in tokens:
            if not t.text or (t.text in stops and not getattr(t, "capitals", False)):
                if t.removestops:
                    continue
                t.stopped = True
                yield t
                continue
            if t.positions:
                if t.pos != last_pos:
                    last_pos = t.pos
                    new_pos += 1
                t.pos = new_pos
            yield t


class StemFilter(Filter):
    """Replaces each word by its stem; numbers and words with digits stay as they are."""

    is_morph = True

    def __init__(self, stem: Callable[[str], str]) -> None:
        self.stem = stem

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.stem is other.stem

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        stem = self.stem
        for t in tokens:
            if not t.stopped and t.text.isalpha():
                t.text = stem(t.text)
            yield t


class CompoundFilter(Filter):
    """At index time, adds the parts of a compound word at the compound's position.

    ``aanbestedingsregels`` also yields ``aanbesteding`` and ``regels``, so a
    search for a part finds the compound; a query is not split, so a search
    for the compound prefers passages holding it. The parts keep the
    compound's character offsets: a highlight marks the whole word. A
    hyphenated word already given with its parts is not split again.
    """

    def __init__(self, split: Callable[[str], tuple[str, ...]]) -> None:
        self.split = split

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.split is other.split

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        split = self.split
        for t in tokens:
            splittable = t.mode != "query" and not t.stopped and not getattr(t, "has_parts", False)
            parts = split(t.text) if splittable and t.text.isalpha() else ()
            # Later filters change tokens in place: the parts are copied first.
            pieces = [_renamed(t, part) for part in parts]
            yield t
            yield from pieces


def _renamed(token: Token, text: str) -> Token:
    piece = token.copy()
    piece.text = text
    return piece
