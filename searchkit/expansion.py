"""What a query also searches for when its words are rare or missing in the index.

A word no passage holds is often misspelled (``aanbestding``); a word few
passages hold is often a shortened form (``mensensmokkel`` for
*mensensmokkelaars*) or a compound the documents write otherwise
(``voedsellogo`` for *voedselkeuzelogo*). Such a word is kept, and searched as
well, with a lower weight: a missing word as the closest word of the index, a
rare one as the words it begins and as the parts of its compound. Common words
are searched as typed: a query for a compound prefers the compound.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from itertools import islice
from weakref import WeakKeyDictionary

from whoosh import query as wq
from whoosh.query import Query
from whoosh.reading import IndexReader
from whoosh.support.levenshtein import damerau_levenshtein

from searchkit.analysis.stemming import stem
from searchkit.schema import SEARCHED_FIELDS
from searchkit.spelling import suggestions

#: Weights of the alternatives, relative to the word as typed.
CORRECTION_BOOST = 0.7
PREFIX_BOOST = 0.6
PARTS_BOOST = 0.8
#: A word is completed only from this length, and only when it begins few words.
MIN_PREFIX = 7
MAX_COMPLETIONS = 20
#: Words in more passages than this match enough as they are: they are not completed.
RARE = 10
MIN_PART = 4
_LINKS = ("", "s", "en", "e")

Alternative = Callable[[str, float], Query]
#: Each open reader's words and their alternatives: an open index does not change, so
#: a word's alternatives (a correction takes tens of milliseconds) are looked up once.
_FOUND: WeakKeyDictionary[IndexReader, dict[str, list[Alternative]]] = WeakKeyDictionary()
REMEMBERED_WORDS = 10_000


def with_fallbacks(query: Query, reader: IndexReader, typed: Collection[str]) -> Query:
    """``query`` with each rare or missing word of the ``typed`` terms ORed with its
    alternatives (not the words a synonym table added: those are no typos)."""
    known = _vocabulary(reader)
    words = {leaf.text for leaf in query.leaves() if _searched_term(leaf) and leaf.text in typed}
    remembered = _FOUND.setdefault(reader, {})
    if len(remembered) > REMEMBERED_WORDS:
        remembered.clear()
    for word in words - remembered.keys():
        remembered[word] = _alternatives(word, reader, known)
    alternatives = {word: remembered[word] for word in words if remembered[word]}
    if not alternatives:
        return query

    def extend(node: Query) -> Query:
        if _searched_term(node) and node.text in alternatives:
            return wq.Or([node, *(make(node.fieldname, node.boost) for make in alternatives[node.text])])
        return node if node.is_leaf() else node.apply(extend)

    return extend(query)


def _searched_term(node: Query) -> bool:
    return isinstance(node, wq.Term) and node.fieldname in SEARCHED_FIELDS


def _vocabulary(reader: IndexReader) -> Callable[[str], int]:
    """How many passages hold a term in any text field."""
    return lambda term: sum(reader.doc_frequency(field, term) for field in SEARCHED_FIELDS)


def _alternatives(word: str, reader: IndexReader, known: Callable[[str], int]) -> list[Alternative]:
    found: list[Alternative] = []
    passages = known(word)
    if passages > RARE:
        return found
    if not passages and (correction := closest_term(word, reader, known)):
        found.append(_terms([correction], CORRECTION_BOOST))
    if completions := _completions(word, reader):
        found.append(_terms(completions, PREFIX_BOOST))
    if parts := _compound_parts(word, known):
        found.append(
            lambda field, boost: wq.And([wq.Term(field, p) for p in parts], boost=boost * PARTS_BOOST)
        )
    return found


def _terms(words: list[str], weight: float) -> Alternative:
    def make(field: str, boost: float) -> Query:
        terms = [wq.Term(field, w, boost=boost * weight) for w in words]
        return terms[0] if len(terms) == 1 else wq.Or(terms)

    return make


def closest_term(word: str, reader: IndexReader, known: Callable[[str], int]) -> str | None:
    """The index term closest to ``word``: fewest edits (1 for short words, 2 from 6 letters),
    then the most frequent."""
    if len(word) < 4 or not word.isalpha():
        return None
    maxdist = 1 if len(word) < 6 else 2
    candidates = {
        term
        for field in SEARCHED_FIELDS
        for term in suggestions(reader, field, word, limit=50, maxdist=maxdist)
    }
    if not candidates:
        return None
    return min(candidates, key=lambda term: (damerau_levenshtein(word, term), -known(term)))


def _completions(word: str, reader: IndexReader) -> list[str]:
    """The index terms that ``word`` begins, if there are few enough to mean something."""
    if len(word) < MIN_PREFIX:
        return []
    terms = list(islice(reader.expand_prefix("text", word), MAX_COMPLETIONS + 1))
    if len(terms) > MAX_COMPLETIONS:
        return []
    return [t.decode("utf-8") if isinstance(t, bytes) else t for t in terms if t != word]


def _compound_parts(word: str, known: Callable[[str], int]) -> tuple[str, str] | None:
    """The two index terms that make up ``word``, maybe with a linking -s-, -en- or -e-
    between them; of several splits, the one whose rarer part is the most common."""
    best: tuple[str, str] | None = None
    best_score = 0
    for end in range(MIN_PART, len(word) - 3 + 1):
        # The word is stemmed, its first part not yet: "aanbesteding" is indexed as "aanbested".
        modifier = next((m for m in (word[:end], stem(word[:end])) if len(m) >= MIN_PART and known(m)), None)
        if modifier is None:
            continue
        modifier_count = known(modifier)
        for link in _LINKS:
            head = word[end + len(link) :]
            if word.startswith(link, end) and len(head) >= 3:
                score = min(modifier_count, known(head))
                if score > best_score:
                    best, best_score = (modifier, head), score
    return best
