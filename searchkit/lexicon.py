"""Dutch word frequencies, shipped as package data (see ``data/LEXICON.md``).

Used while indexing (splitting words glued together by text extraction,
undoing line-end hyphenation); never loaded by a query.
"""

from __future__ import annotations

from functools import cache

from searchkit.shipped import read_bytes


@cache
def dutch_lexicon() -> dict[str, float]:
    """Lowercase Dutch words mapped to their Zipf frequency (log10 per billion words; 1 rare … 7 common)."""
    import gzip  # here, not at the top: a query imports this module but never needs gzip

    data = read_bytes("lexicon_nl.tsv.gz")
    lexicon: dict[str, float] = {}
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        word, zipf = line.split("\t")
        lexicon[word] = float(zipf)
    return lexicon


def zipf(word: str) -> float:
    """The Zipf frequency of ``word`` (case-insensitive), 0 for a word the lexicon does not know."""
    return dutch_lexicon().get(word.lower(), 0.0)
