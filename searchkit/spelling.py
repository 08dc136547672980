"""Index terms within a few edits of a word, found along the field's sorted terms.

whoosh's corrector, for an index of several segments, computes the
Damerau-Levenshtein distance to every term of the field in Python (a third of
a second per unknown word and field at 100,000 passages, more as the
vocabulary grows); in one segment it walks a Levenshtein automaton along the
index's term table, reading the table at each step. This module walks the same
automaton (with swaps of adjacent letters for several segments, without for
one, as whoosh counts) along the field's terms, read once per open index and
kept: the same terms, ranked as whoosh's ``ReaderCorrector`` ranks them.
"""

from __future__ import annotations

from bisect import bisect_left
from heapq import heappush, heapreplace
from weakref import WeakKeyDictionary

from whoosh.automata.fsa import ANY, DFA, EPSILON, NFA, find_all_matches
from whoosh.reading import IndexReader
from whoosh.support.levenshtein import distance

#: The sorted terms of each open reader's fields, read on the first correction in a field.
_TERMS: WeakKeyDictionary[IndexReader, dict[str, list[str]]] = WeakKeyDictionary()


def terms_within(reader: IndexReader, fieldname: str, word: str, maxdist: int) -> list[str]:
    """The terms of ``fieldname`` within ``maxdist`` edits of ``word``, in ascending order,
    as ``reader.terms_within`` finds them: a swap of two adjacent letters is one edit in an
    index of several segments, two in one."""
    terms = _sorted_terms(reader, fieldname)

    def first_from(text: str) -> str | None:
        at = bisect_left(terms, text)
        return terms[at] if at < len(terms) else None

    swaps = not reader.is_atomic()
    found = find_all_matches(_automaton(word, maxdist, swaps), first_from)
    if not swaps:
        return list(found)
    # The automaton may accept a term whoosh's distance (which stops early) puts just out of reach.
    return [term for term in found if distance(term, word, limit=maxdist) <= maxdist]


def suggestions(reader: IndexReader, fieldname: str, word: str, limit: int, maxdist: int) -> list[str]:
    """What ``reader.corrector(fieldname).suggest(word, limit, maxdist)`` gives: the
    ``limit`` most frequent terms within ``maxdist`` edits, other than ``word``."""
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


def _sorted_terms(reader: IndexReader, fieldname: str) -> list[str]:
    fields = _TERMS.setdefault(reader, {})
    if fieldname not in fields:
        fields[fieldname] = [term.decode("utf-8") for term in reader.lexicon(fieldname)]
    return fields[fieldname]


def _automaton(word: str, maxdist: int, swaps: bool) -> DFA:
    """Accepts the strings within ``maxdist`` insertions, deletions and substitutions of
    letters of ``word`` (and with ``swaps``, transpositions of adjacent letters)."""
    nfa = NFA((0, 0))
    for i, char in enumerate(word):
        for edits in range(maxdist + 1):
            nfa.add_transition((i, edits), char, (i + 1, edits))
            if edits == maxdist:
                continue
            nfa.add_transition((i, edits), ANY, (i, edits + 1))  # a letter inserted
            nfa.add_transition((i, edits), EPSILON, (i + 1, edits + 1))  # a letter left out
            nfa.add_transition((i, edits), ANY, (i + 1, edits + 1))  # a letter replaced
            if swaps and i + 1 < len(word) and word[i + 1] != char:  # two letters swapped
                nfa.add_transition((i, edits), word[i + 1], ("swapped", i, edits))
                nfa.add_transition(("swapped", i, edits), char, (i + 2, edits + 1))
    for edits in range(maxdist + 1):
        if edits < maxdist:
            nfa.add_transition((len(word), edits), ANY, (len(word), edits + 1))
        nfa.add_final_state((len(word), edits))
    return nfa.to_dfa()
