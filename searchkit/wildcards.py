"""Wildcards in query words: ``aanbested*``, ``*regels``, ``aanbest?ding``, expanded boundedly.

``*`` stands for any letters (also none), ``?`` for one letter. A ``?`` ending a
word ends a question ("wanneer wordt de Kamer geïnformeerd?"): only a ``?``
inside a word is a wildcard. A wildcard word is expanded against the words the
index holds, as written (the vocabulary, folded to lowercase without
diacritics), into at most :data:`MAX_EXPANSIONS` of them, the most frequent
first; each is analysed as a query word is, so the search matches the index's
stems. Names and ids (``minister:co*``, ``doc:ah-tk-20242025-5*``) are expanded
against the terms of their field. A wildcard that matches nothing finds
nothing; one with fewer than :data:`MIN_LETTERS` letters or digits is refused as
too broad.
"""

from __future__ import annotations

import fnmatch
import heapq
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from itertools import islice
from typing import TYPE_CHECKING, Any

from whoosh import matching
from whoosh import query as wq
from whoosh.qparser import TaggingPlugin, syntax
from whoosh.query import Query
from whoosh.reading import IndexReader

from searchkit.errors import QueryError
from searchkit.schema import FIELD_ALIASES

if TYPE_CHECKING:  # suggest imports search, which imports this module
    from searchkit.suggest import Vocabulary

#: A wildcard word expands to at most this many words, the most frequent of those it matches.
MAX_EXPANSIONS = 200
#: A wildcard word needs at least this many letters or digits besides ``*`` and ``?``.
MIN_LETTERS = 2
#: An expansion whose terms are in at most this many passages (of a segment) is scored
#: term by term; one in more is matched at a constant score (see :class:`Expansion`).
SCORED_POSTINGS = 10_000
#: At most this many wildcard words per query: each may cost a pass over the vocabulary.
MAX_WILDCARD_WORDS = 8

#: The field names users type, by schema field.
_USER_NAMES = {field: name for name, field in FIELD_ALIASES.items()}
_WORD_CHAR = r"[\w'’‐‑*-]"
# A word (starting after a space, parenthesis or field name) holding a "*", or a "?"
# followed by more of the word. Trailing question marks are left out: they end a question.
WILDCARD_WORD = re.compile(
    rf"(?<![^\s(:])(?=[\w'’‐‑-]*+(?:\*|\?++{_WORD_CHAR}))(?:{_WORD_CHAR}|\?++(?={_WORD_CHAR}))+"
)


class Wildcard(wq.Wildcard):
    """A word with wildcards, as its field's analyzer folds it; :func:`expand_wildcards`
    replaces it by the index terms it matches before searching."""

    def normalize(self) -> Query:
        # whoosh would make "ab*" a prefix query and "*" every passage: they are expanded instead.
        return self


class WildcardPlugin(TaggingPlugin):
    """Reads words with ``*`` or an inner ``?`` as :class:`Wildcard` queries."""

    expr = f"(?P<text>{WILDCARD_WORD.pattern})"

    class WildcardNode(syntax.TextNode):
        qclass: Any = Wildcard

        def query(self, parser: Any) -> Query:
            field = self.fieldname or parser.fieldname
            if parser.schema[field].self_parsing():  # numbers and dates
                name = _USER_NAMES.get(field, field)
                raise QueryError(f"{name}: takes no wildcards; give a range, as {name}:[1 TO 3]")
            return super().query(parser)

    nodetype = WildcardNode


def expand_wildcards(query: Query, reader: IndexReader, vocabulary: Callable[[], Vocabulary]) -> Query:
    """``query`` with each wildcard word replaced by the index terms of the words it matches
    (``vocabulary`` is called only when the query has a wildcard word)."""
    patterns = {leaf.text for leaf in query.leaves() if isinstance(leaf, Wildcard)}
    if not patterns:
        return query
    if len(patterns) > MAX_WILDCARD_WORDS:
        raise QueryError(f"the query has {len(patterns)} words with wildcards; at most {MAX_WILDCARD_WORDS}")
    for pattern in patterns:
        if sum(c not in "*?" for c in pattern) < MIN_LETTERS:
            shown = pattern if len(pattern) <= 40 else f"{pattern[:40]}…"
            raise QueryError(
                f"the wildcard {shown!r} is too broad: give at least {MIN_LETTERS} letters or digits "
                "besides * and ?"
            )
    words = vocabulary()
    expansions: dict[tuple[str, str], list[str]] = {}

    def expand(node: Query) -> Query:
        if isinstance(node, Wildcard):
            key = (node.fieldname, node.text)
            if key not in expansions:
                expansions[key] = _terms(node.fieldname, node.text, reader, words)
            terms = expansions[key]
            return Expansion(node.fieldname, terms, boost=node.boost) if terms else wq.NullQuery
        return node if node.is_leaf() else node.apply(expand)

    return expand(query)


class Expansion(wq.MultiTerm):
    """The index terms a wildcard word stands for in one field, matched in one pass over
    their postings (a union of hundreds of terms stepped through in step costs time in
    proportion to passages times terms).

    When the terms are in few passages (at most :data:`SCORED_POSTINGS` in all) a
    passage scores what the terms it holds score; in more, any passage holding
    one scores a constant: the field's weight, about what a common word scores.
    """

    def __init__(self, fieldname: str, terms: list[str], boost: float = 1.0) -> None:
        self.fieldname = fieldname
        #: The terms (whoosh queries have a ``terms()`` method).
        self.texts = terms
        self.boost = boost

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.fieldname!r}, {self.texts!r}, boost={self.boost})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Expansion) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def _key(self) -> tuple[str, tuple[str, ...], float]:
        return self.fieldname, tuple(self.texts), self.boost

    def _btexts(self, ixreader: IndexReader) -> Iterable[bytes]:
        field = ixreader.schema[self.fieldname]
        return [b for b in (field.to_bytes(text) for text in self.texts) if (self.fieldname, b) in ixreader]

    def matcher(self, searcher: Any, context: Any = None) -> matching.Matcher:
        reader = searcher.reader()
        present = list(self._btexts(reader))
        scores: dict[int, float] = {}
        if sum(reader.doc_frequency(self.fieldname, b) for b in present) > SCORED_POSTINGS:
            for btext in present:
                scores.update(dict.fromkeys(reader.postings(self.fieldname, btext).all_ids(), self.boost))
        else:
            for btext in present:
                term = wq.Term(self.fieldname, btext.decode("utf-8"), boost=self.boost)
                found = term.matcher(searcher, context)
                while found.is_active():
                    scores[found.id()] = scores.get(found.id(), 0.0) + found.score()
                    found.next()
        if not scores:
            return matching.NullMatcher()
        ids = sorted(scores)
        return _Scored(ids, [scores[i] for i in ids])


class _Scored(matching.ListMatcher):
    """Passages and their scores, read beforehand; its best score is known at once."""

    def __init__(self, ids: list[int], weights: list[float], *args: Any, **kwargs: Any) -> None:
        super().__init__(ids, weights, *args, **kwargs)
        self._best = max(weights)

    def block_max_weight(self) -> float:
        return self._best


def expansion_terms(query: Query, field: str) -> set[str]:
    """The terms the wildcard words of ``query`` stand for in ``field`` (to mark them)."""
    return {
        term
        for leaf in query.leaves()
        if isinstance(leaf, Expansion) and leaf.fieldname == field
        for term in leaf.texts
    }


def _terms(field: str, pattern: str, reader: IndexReader, vocabulary: Vocabulary) -> list[str]:
    """The terms of ``field`` that ``pattern`` stands for, at most :data:`MAX_EXPANSIONS`."""
    fieldtype = reader.schema[field]
    analyzer = getattr(fieldtype, "analyzer", None)
    if analyzer is not None and analyzer.has_morph():
        # A stemmed field: match the words as written, then analyse them into the index's stems.
        words = matching_words(pattern, vocabulary.words, vocabulary.counts.__getitem__)
        terms = (term for word in words for term in fieldtype.process_text(word, mode="query"))
        return list(dict.fromkeys(terms))
    # Names and ids: the field's own terms are the words as written (folded).
    candidates = (term.decode("utf-8") for term in reader.expand_prefix(field, _prefix(pattern)))
    return matching_words(pattern, candidates, lambda term: reader.doc_frequency(field, term))


def matching_words(pattern: str, words: Iterable[str], count: Callable[[str], int]) -> list[str]:
    """The most frequent of ``words`` that ``pattern`` matches, at most :data:`MAX_EXPANSIONS`.

    A sorted list of words is only searched where the pattern's fixed start can be.
    """
    prefix = _prefix(pattern)
    if isinstance(words, list) and prefix:
        start = bisect_left(words, prefix)
        words = islice(words, start, bisect_left(words, prefix + "\U0010ffff", lo=start))
    regex = _regex(pattern)
    found = (word for word in words if regex.fullmatch(word))
    return heapq.nsmallest(MAX_EXPANSIONS, found, key=lambda word: (-count(word), word))


def _prefix(pattern: str) -> str:
    """The letters of ``pattern`` before its first wildcard."""
    return re.split(r"[*?]", pattern, maxsplit=1)[0]


def _regex(pattern: str) -> re.Pattern[str]:
    # fnmatch's translation never backtracks without bound, however many "*" a pattern has.
    return re.compile(fnmatch.translate(pattern))
