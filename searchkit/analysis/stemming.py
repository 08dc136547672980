"""Dutch stemming: Snowball's Dutch algorithm (nltk), cached, with plural fixes."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_stemmer: Any = None


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Snowball Dutch stem of a lowercase ``word``.

    Nouns in -ie take -s in the plural (``licentie``/``licenties``,
    ``organisatie``/``organisaties``), which Snowball's original Dutch
    algorithm leaves apart; the -s is dropped first so both share one stem.
    """
    global _stemmer
    if _stemmer is None:
        from nltk.stem.snowball import DutchStemmer

        _stemmer = DutchStemmer()
    if len(word) > 5 and word.endswith("ies"):
        word = word[:-1]
    return _stemmer.stem(word)
