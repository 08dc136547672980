"""Did you mean: words of a query replaced by the closest words of the index's own vocabulary.

The vocabulary (folded, unstemmed words of the answers and questions, with
their counts) is written beside the index when it is built and read the first
time a query holds a word the index does not know.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

from whoosh.searching import Searcher
from whoosh.spelling import ListCorrector
from whoosh.support.levenshtein import damerau_levenshtein

from searchkit.analysis import name_analyzer
from searchkit.analysis.tokenizer import WORD_PATTERN
from searchkit.schema import TEXT_FIELDS
from searchkit.search import FIELD_CLAUSE, OPERATORS
from searchkit.wildcards import WILDCARD_WORD

VOCABULARY_FILE = "vocabulary.tsv"


def folded_words(text: str) -> list[str]:
    """The words of ``text`` as the vocabulary holds them: lowercase, without diacritics."""
    return name_analyzer().terms(text, mode="query")


def write_vocabulary(folder: Path, counts: Counter[str]) -> None:
    """Writes the vocabulary beside an index, one "word<TAB>count" per line, atomically:
    readers see the old file or the new one."""
    lines = (f"{word}\t{count}\n" for word, count in sorted(counts.items()))
    temporary = folder / f"{VOCABULARY_FILE}.tmp-{os.getpid()}"
    temporary.write_text("".join(lines), "utf-8")
    os.replace(temporary, folder / VOCABULARY_FILE)


class Vocabulary:
    """The words of an index, for spelling suggestions and wildcards."""

    def __init__(self, counts: dict[str, int]) -> None:
        self.counts = counts
        #: The words, sorted.
        self.words = sorted(counts)
        self._corrector = ListCorrector(self.words)

    @classmethod
    def load(cls, folder: Path) -> Vocabulary:
        """The vocabulary written beside the index in ``folder`` (empty if there is none)."""
        try:
            text = (folder / VOCABULARY_FILE).read_text("utf-8")
        except FileNotFoundError:
            return cls({})
        return cls.parse(text)

    @classmethod
    def parse(cls, text: str) -> Vocabulary:
        """The vocabulary in ``text``, as :func:`write_vocabulary` writes it."""
        pairs = (line.split("\t") for line in text.splitlines() if "\t" in line)
        return cls({word: int(count) for word, count in pairs})

    def closest(self, word: str) -> str | None:
        """The known word closest to ``word``: fewest edits (at most 2), then the most frequent."""
        # whoosh ranks candidates by frequency alone: prefer the closest, then the most frequent.
        candidates = self._corrector.suggest(word, limit=50)
        if not candidates:
            return None
        return min(candidates, key=lambda w: (damerau_levenshtein(word, w), -self.counts.get(w, 0)))


def suggest_query(searcher: Searcher, vocabulary: Vocabulary, query: str) -> str | None:
    """``query`` with each word the index does not know replaced by the closest known word.

    Words in field clauses, wildcard words, operators and stop words are left alone; None when
    every word is known or nothing close is found.
    """
    schema = searcher.schema
    reader = searcher.reader()

    def blank(match: re.Match[str]) -> str:
        return " " * len(match.group(0))

    masked = WILDCARD_WORD.sub(blank, FIELD_CLAUSE.sub(blank, query))
    pieces: list[str] = []
    last = 0
    for match in WORD_PATTERN.finditer(masked):
        word = match.group(0)
        if word in OPERATORS:
            continue
        terms = list(schema["text"].process_text(word, mode="query"))
        if not terms or any(reader.doc_frequency(f, t) for f in TEXT_FIELDS for t in terms):
            continue
        folded = folded_words(word)
        best = vocabulary.closest(folded[0]) if folded else None
        if best:
            pieces.extend([query[last : match.start()], best])
            last = match.end()
    if not pieces:
        return None
    return "".join(pieces) + query[last:]
