"""Index terms within a few edits of a word, without reading the whole lexicon.

For an index of several segments, whoosh's ``reader.terms_within`` computes the
Damerau-Levenshtein distance to every term of the field in Python: a third of
a second per unknown word at 100,000 passages, more as the vocabulary grows.
This module walks an automaton of the word along the sorted terms instead (as
whoosh does within one segment, there without transpositions), so only the
terms near the word are looked at. It finds the same terms and ranks them as
whoosh's ``ReaderCorrector`` does.
"""

from __future__ import annotations

from heapq import heappush, heapreplace

from whoosh.automata.fsa import ANY, DFA, EPSILON, NFA, find_all_matches
from whoosh.reading import IndexReader
from whoosh.support.levenshtein import distance


def terms_within(reader: IndexReader, fieldname: str, word: str, maxdist: int) -> list[str]:
    """The terms of ``fieldname`` within ``maxdist`` edits of ``word``, a swap of two
    adjacent letters counting as one (as ``terms_within`` of a multi-segment reader),
    in ascending order."""

    def first_from(text: str) -> str | None:
        for field, term in reader.terms_from(fieldname, text.encode("utf-8")):
            return term.decode("utf-8") if field == fieldname else None
        return None

    found = find_all_matches(_automaton(word, maxdist), first_from)
    # The automaton may accept a term whoosh's distance (which stops early) puts just out of reach.
    return [term for term in found if distance(term, word, limit=maxdist) <= maxdist]


def suggestions(reader: IndexReader, fieldname: str, word: str, limit: int, maxdist: int) -> list[str]:
    """What ``reader.corrector(fieldname).suggest(word, limit, maxdist)`` gives: the
    ``limit`` most frequent terms within ``maxdist`` edits, other than ``word``."""
    if reader.is_atomic():  # whoosh walks its own automaton in a single segment
        return reader.corrector(fieldname).suggest(word, limit=limit, maxdist=maxdist)
    heap: list[tuple[float, str]] = []
    for term in terms_within(reader, fieldname, word, maxdist):
        if term == word:
            continue
        item = (0 - (maxdist + (1.0 / (reader.frequency(fieldname, term) or 1) * 0.5)), term)
        if len(heap) < limit:
            heappush(heap, item)
        elif item > heap[0]:
            heapreplace(heap, item)
    return [term for _, term in sorted(heap, key=lambda item: (0 - item[0], item[1]))]


def _automaton(word: str, maxdist: int) -> DFA:
    """Accepts the strings within ``maxdist`` insertions, deletions, substitutions and
    transpositions of adjacent letters of ``word``."""
    nfa = NFA((0, 0))
    for i, char in enumerate(word):
        for edits in range(maxdist + 1):
            nfa.add_transition((i, edits), char, (i + 1, edits))
            if edits == maxdist:
                continue
            nfa.add_transition((i, edits), ANY, (i, edits + 1))  # a letter inserted
            nfa.add_transition((i, edits), EPSILON, (i + 1, edits + 1))  # a letter left out
            nfa.add_transition((i, edits), ANY, (i + 1, edits + 1))  # a letter replaced
            if i + 1 < len(word) and word[i + 1] != char:  # two letters swapped
                nfa.add_transition((i, edits), word[i + 1], ("swapped", i, edits))
                nfa.add_transition(("swapped", i, edits), char, (i + 2, edits + 1))
    for edits in range(maxdist + 1):
        if edits < maxdist:
            nfa.add_transition((len(word), edits), ANY, (len(word), edits + 1))
        nfa.add_final_state((len(word), edits))
    return nfa.to_dfa()
