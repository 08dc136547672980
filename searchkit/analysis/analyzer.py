"""The analysis chains: the same chain runs at index and at query time."""

from __future__ import annotations

from functools import cache

from whoosh.analysis import CharsetFilter, LowercaseFilter
from whoosh.analysis.analyzers import CompositeAnalyzer
from whoosh.support.charset import accent_map

from searchkit.analysis.cached import WordCachedAnalyzer
from searchkit.analysis.compounds import split_compound
from searchkit.analysis.filters import (
    ApostropheFilter,
    CapitalsFilter,
    CompoundFilter,
    HyphenFilter,
    StemFilter,
    StopWordFilter,
)
from searchkit.analysis.stemming import stem
from searchkit.analysis.stopwords import dutch_stopwords
from searchkit.analysis.tokenizer import WordTokenizer

#: Bump whenever a change to the chains changes the terms they produce:
#: an index built with another version must be rebuilt.
ANALYZER_VERSION = 5


def name_chain() -> CompositeAnalyzer:
    """Words folded to lowercase without diacritics: the filters of :func:`name_analyzer`."""
    return (
        WordTokenizer()
        | HyphenFilter()
        | ApostropheFilter()
        | CapitalsFilter()
        | LowercaseFilter()
        | CharsetFilter(accent_map)
    )


def dutch_chain() -> CompositeAnalyzer:
    """The filters of :func:`dutch_analyzer`, one job each."""
    return (
        name_chain() | StopWordFilter(dutch_stopwords()) | CompoundFilter(split_compound) | StemFilter(stem)
    )


@cache
def name_analyzer() -> WordCachedAnalyzer:
    """Words folded to lowercase without diacritics: for names and short labels."""
    return WordCachedAnalyzer(name_chain())


@cache
def dutch_analyzer() -> WordCachedAnalyzer:
    """Dutch full text: folded words without stop words, compounds also by their parts, stemmed.

    The chain runs once per distinct word (:mod:`searchkit.analysis.cached`).
    """
    return WordCachedAnalyzer(dutch_chain())


def analyze(text: str, mode: str = "query") -> list[str]:
    """The terms ``text`` gives under the Dutch analyzer (for tests and debugging)."""
    return [t.text for t in dutch_analyzer()(text, mode=mode)]
