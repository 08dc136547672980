"""Query evaluation on arrays: whoosh's ranking, a posting list at a time.

whoosh scores a query by stepping a tree of matchers through the matching
passages one at a time in Python; a natural-language question, an OR of many
words over three fields, visits tens of thousands of passages that way. This
module evaluates the same query tree with numpy, one index segment at a time:
each term's postings (:mod:`searchkit.postings`) are scored with whoosh's
BM25F (the same idf, average field length, quantised field lengths and
boosts); OR sums, AND intersects and sums, AND NOT removes, a phrase keeps the
passages of its words' AND that hold them next to each other. The hits, their
order and scores (to rounding in the last bits) are those of whoosh scoring
every match, and their matched terms whoosh's (``tests/test_vectorized.py``
compares them). Nodes of other kinds (a NOT alone, spans) are run by whoosh's
own matchers and joined in.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from typing import Any, Generic, NamedTuple, TypeVar

import numpy as np
from whoosh import query as wq
from whoosh.query.qcore import _NullQuery
from whoosh.query.ranges import NumericRange
from whoosh.query.wrappers import ConstantScoreQuery
from whoosh.scoring import BM25F
from whoosh.searching import SearchContext, Searcher

from searchkit.postings import SegmentPostings, UnreadableSegment

#: A term as whoosh names it: (field, the term's bytes).
Term = tuple[str, bytes]
#: The phrases whose matches each segment keeps (a phrase's positions are read once).
PHRASES_KEPT = 256
V = TypeVar("V")


class Unsupported(Exception):
    """Raised for a searcher this module cannot evaluate queries on (whoosh does)."""


@dataclass(frozen=True)
class ScoredHit:
    """A hit: its document number, score, stored fields and the terms it matched."""

    docnum: int
    score: float
    stored: dict[str, Any]
    terms: frozenset[Term]

    def __getitem__(self, name: str) -> Any:
        return self.stored[name]

    def fields(self) -> dict[str, Any]:
        """The stored fields (as whoosh's hits give them)."""
        return self.stored

    def matched_terms(self) -> Iterator[Term]:
        """The (field, term bytes) pairs of the query this hit matched, as whoosh reports them."""
        return iter(self.terms)


class _Matches(NamedTuple):
    ids: np.ndarray  # segment document numbers, ascending (int64)
    scores: np.ndarray  # float64, one per id


_NO_MATCHES = _Matches(np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float64))


@dataclass
class _Evaluated:
    """A query node's matches in one segment, kept to find each hit's matched terms."""

    matches: _Matches
    #: The children whose matched terms count for the node's matches.
    children: list[_Evaluated] = field(default_factory=list)
    #: For a term: the term.
    term: Term | None = None
    #: For a node whoosh ran: the terms each matching document matched.
    doc_terms: dict[int, list[Term]] | None = None


class VectorSearcher:
    """Runs queries on an open whoosh searcher with numpy, giving the hits whoosh gives.

    Raises :class:`Unsupported` for a searcher it cannot read (another weighting
    than BM25F, segments in another format).
    """

    def __init__(self, searcher: Searcher) -> None:
        if type(searcher.weighting) is not BM25F:
            raise Unsupported(f"scoring by {searcher.weighting!r}")
        self._searcher = searcher
        self._segments: list[tuple[Searcher, int, SegmentPostings, _Recent[_Matches]]]
        try:
            self._segments = [
                (leaf, offset, SegmentPostings(leaf.reader()), _Recent(PHRASES_KEPT))
                for leaf, offset in searcher.leaf_searchers()
            ]
        except UnreadableSegment as exc:
            raise Unsupported(str(exc)) from exc

    def search(self, query: wq.Query, limit: int) -> list[ScoredHit]:
        """The best ``limit`` hits of ``query``, best first (ties: lower document number first)."""
        evaluated = []
        ids, scores = [], []
        for leaf, offset, postings, phrases in self._segments:
            segment = _Segment(self._searcher, leaf, postings, phrases)
            result = segment.evaluate(query)
            evaluated.append((result, offset))
            ids.append(result.matches.ids + offset)
            scores.append(result.matches.scores)
        all_ids, all_scores = np.concatenate(ids), np.concatenate(scores)
        best = _top(all_scores, all_ids, limit)
        hits = all_ids[best]
        terms: dict[int, set[Term]] = {int(docnum): set() for docnum in hits}
        for (result, offset), (_, _, postings, _) in zip(evaluated, self._segments, strict=True):
            local = np.sort(hits[(hits >= offset) & (hits < offset + postings.doc_count)]) - offset
            _matched_terms(result, local, offset, terms)
        return [
            ScoredHit(
                int(docnum),
                float(score),
                self._searcher.reader().stored_fields(int(docnum)),
                frozenset(terms[int(docnum)]),
            )
            for docnum, score in zip(hits, all_scores[best], strict=True)
        ]


class _Recent(Generic[V]):
    """The ``size`` most recently used values, by key."""

    def __init__(self, size: int) -> None:
        self._values: OrderedDict[Hashable, V] = OrderedDict()
        self._size = size

    def get(self, key: Hashable) -> V | None:
        value = self._values.get(key)
        if value is not None:
            self._values.move_to_end(key)
        return value

    def put(self, key: Hashable, value: V) -> None:
        self._values[key] = value
        if len(self._values) > self._size:
            self._values.popitem(last=False)


def _top(scores: np.ndarray, ids: np.ndarray, limit: int) -> np.ndarray:
    """Positions of the ``limit`` highest scores, best first; equal scores by ascending id."""
    if len(scores) > limit:
        threshold = np.partition(scores, len(scores) - limit)[len(scores) - limit]
        candidates = np.flatnonzero(scores >= threshold)
    else:
        candidates = np.arange(len(scores))
    order = np.lexsort((ids[candidates], -scores[candidates]))
    return candidates[order[:limit]]


class _Segment:
    """Evaluates a query in one segment, as whoosh's matchers would score it there."""

    def __init__(
        self, top: Searcher, leaf: Searcher, postings: SegmentPostings, phrases: _Recent[_Matches]
    ) -> None:
        self._top = top
        self._leaf = leaf
        self._postings = postings
        self._phrases = phrases
        self._weighting: BM25F = top.weighting
        # What whoosh's TermsCollector asks of the matchers: a valid current match.
        self._context = SearchContext(needs_current=True, weighting=top.weighting)

    def evaluate(self, node: wq.Query) -> _Evaluated:
        # Exact types: subclasses (Ordered is an And) match otherwise.
        kind = type(node)
        if isinstance(node, wq.Term) and kind is wq.Term:
            return self._term(node)
        if isinstance(node, wq.Or | wq.And) and kind in (wq.Or, wq.And):
            return self._compound(node)
        if isinstance(node, wq.AndNot) and kind is wq.AndNot:
            required = self.evaluate(node.a)
            excluded = self.evaluate(node.b).matches.ids
            keep = ~_contains(excluded, required.matches.ids)
            matches = _Matches(required.matches.ids[keep], required.matches.scores[keep])
            return _Evaluated(matches, [required])
        if isinstance(node, wq.Phrase) and kind is wq.Phrase and node.slop == 1:
            return self._phrase(node)
        if isinstance(node, NumericRange):  # whoosh runs the terms the range covers
            return self.evaluate(node._compile_query(self._leaf.reader()))
        if isinstance(node, wq.MultiTerm) and kind.matcher is wq.MultiTerm.matcher:
            # whoosh ORs the segment's terms in the range (or matching the pattern), each boosted.
            fieldname, boost = node.field(), getattr(node, "boost", 1.0)
            words = [word for word in node._btexts(self._leaf.reader()) if word]
            if fieldname is None or not words:
                return _Evaluated(_NO_MATCHES)
            return self.evaluate(wq.Or([wq.Term(fieldname, word, boost=boost) for word in words]))
        if isinstance(node, ConstantScoreQuery) and kind is ConstantScoreQuery:
            return self.evaluate(node.child)  # a current match required: whoosh scores the child
        if isinstance(node, _NullQuery):
            return _Evaluated(_NO_MATCHES)
        return self._by_whoosh(node)

    def _term(self, node: wq.Term) -> _Evaluated:
        schema = self._top.schema
        if node.fieldname not in schema or node.minquality:
            return self._by_whoosh(node)
        fieldobj = schema[node.fieldname]
        try:
            btext = fieldobj.to_bytes(node.text)
        except ValueError:
            return _Evaluated(_NO_MATCHES)
        postings = self._postings.postings(node.fieldname, btext)
        weights = postings.weights.astype(np.float64)
        if fieldobj.scorable:
            scores = self._bm25(node.fieldname, btext, postings.ids, weights)
        else:  # whoosh scores a term of an unscored field by its weight
            scores = weights
        if node.boost != 1.0:
            scores = scores * node.boost
        return _Evaluated(_Matches(postings.ids.astype(np.int64), scores), term=(node.fieldname, btext))

    def _bm25(self, fieldname: str, btext: bytes, ids: np.ndarray, tf: np.ndarray) -> np.ndarray:
        """whoosh's BM25F score of each posting, operation for operation (``whoosh.scoring.bm25``)."""
        weighting = self._weighting
        b = weighting._field_B.get(fieldname, weighting.B)
        k1 = weighting.K1
        idf = self._top.idf(fieldname, btext)
        average = self._top.avg_field_length(fieldname) or 1
        length = self._postings.lengths(fieldname)[ids]
        return idf * ((tf * (k1 + 1)) / (tf + k1 * ((1 - b) + b * length / average)))

    def _phrase(self, node: wq.Phrase) -> _Evaluated:
        """Passages with the words next to each other in this order, scored as the AND of
        the words (as whoosh's ``SpanNear2`` does); the matches are kept for the searcher."""
        fieldobj = self._top.schema[node.fieldname] if node.fieldname in self._top.schema else None
        if fieldobj is None or not fieldobj.format or not fieldobj.format.supports("positions"):
            return self._by_whoosh(node)
        try:
            words = tuple(fieldobj.to_bytes(word) for word in node.words)
        except ValueError:
            return _Evaluated(_NO_MATCHES)
        terms = [self._term(wq.Term(node.fieldname, word)) for word in words]
        key = (node.fieldname, words)
        matches = self._phrases.get(key)
        if matches is None:
            matches = _intersection([term.matches for term in terms])
            if len(words) > 1 and len(matches.ids):
                together = self._adjacent(node.fieldname, words, matches.ids)
                matches = _Matches(matches.ids[together], matches.scores[together])
            self._phrases.put(key, matches)
        if node.boost != 1.0:
            matches = _Matches(matches.ids, matches.scores * node.boost)
        return _Evaluated(matches, terms)

    def _adjacent(self, fieldname: str, words: tuple[bytes, ...], docs: np.ndarray) -> np.ndarray:
        """Which of ``docs`` (each holding every word) hold the words one after another."""
        starts: np.ndarray | None = None
        for i, word in enumerate(words):
            positions = self._postings.positions(fieldname, word, docs)
            counts = [len(p) for p in positions]
            found = np.fromiter(chain.from_iterable(positions), dtype=np.int64, count=sum(counts))
            # Where the phrase would start, per document: (document index, position - i).
            here = np.unique(
                np.repeat(np.arange(len(docs), dtype=np.int64), counts) << 32 | found - i + len(words)
            )
            starts = here if starts is None else np.intersect1d(starts, here, assume_unique=True)
        together = np.zeros(len(docs), dtype=bool)
        if starts is not None:
            together[starts >> 32] = True
        return together

    def _compound(self, node: wq.CompoundQuery) -> _Evaluated:
        subqueries = node.subqueries
        if not subqueries:
            return _Evaluated(_NO_MATCHES)
        if len(subqueries) == 1:  # whoosh leaves out the compound, and its boost
            return self.evaluate(subqueries[0])
        if isinstance(node, wq.Or) and (node.scale or len(subqueries) >= wq.Or.TOO_MANY_CLAUSES):
            return self._by_whoosh(node)
        children = [self.evaluate(sub) for sub in subqueries]
        parts = [child.matches for child in children]
        matches = _union(parts, self._postings.doc_count) if isinstance(node, wq.Or) else _intersection(parts)
        if node.boost != 1.0:
            matches = _Matches(matches.ids, matches.scores * node.boost)
        return _Evaluated(matches, children)

    def _by_whoosh(self, node: wq.Query) -> _Evaluated:
        """``node`` run by whoosh's matcher, noting each document's matched terms as whoosh does."""
        matcher = node.matcher(self._leaf, self._context)
        term_matchers = list(matcher.term_matchers())
        ids: list[int] = []
        scores: list[float] = []
        doc_terms: dict[int, list[Term]] = {}
        while matcher.is_active():
            docnum = matcher.id()
            ids.append(docnum)
            scores.append(matcher.score())
            doc_terms[docnum] = [
                term for m in term_matchers if m.is_active() and m.id() == docnum and (term := m.term())
            ]
            matcher.next()
        matches = _Matches(np.array(ids, dtype=np.int64), np.array(scores, dtype=np.float64))
        return _Evaluated(matches, doc_terms=doc_terms)


def _contains(sorted_ids: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """For each of ``ids``, whether ``sorted_ids`` holds it."""
    if not len(sorted_ids):
        return np.zeros(len(ids), dtype=bool)
    at = np.minimum(np.searchsorted(sorted_ids, ids), len(sorted_ids) - 1)
    return sorted_ids[at] == ids


def _union(parts: list[_Matches], doc_count: int) -> _Matches:
    """The documents of any part, each scored by the sum of its scores in the parts."""
    total = sum(len(part.ids) for part in parts)
    if total * 8 >= doc_count:  # many: add up in arrays over the whole segment
        sums = np.zeros(doc_count, dtype=np.float64)
        seen = np.zeros(doc_count, dtype=bool)
        for part in parts:
            sums[part.ids] += part.scores
            seen[part.ids] = True
        ids = np.flatnonzero(seen)
        return _Matches(ids, sums[ids])
    ids = np.concatenate([part.ids for part in parts])
    scores = np.concatenate([part.scores for part in parts])
    unique, inverse = np.unique(ids, return_inverse=True)
    return _Matches(unique, np.bincount(inverse, weights=scores, minlength=len(unique)))


def _intersection(parts: list[_Matches]) -> _Matches:
    """The documents of every part, each scored by the sum of its scores in the parts."""
    ids, scores = parts[0]
    for other in parts[1:]:
        ids, mine, theirs = np.intersect1d(ids, other.ids, assume_unique=True, return_indices=True)
        scores = scores[mine] + other.scores[theirs]
    return _Matches(ids, scores)


def _matched_terms(node: _Evaluated, docs: np.ndarray, offset: int, out: dict[int, set[Term]]) -> None:
    """Adds to ``out`` the terms ``node`` matched in each of ``docs`` (segment numbers, ascending)."""
    docs = docs[_contains(node.matches.ids, docs)]
    if not len(docs):
        return
    if node.term is not None:
        for docnum in docs:
            out[int(docnum) + offset].add(node.term)
    elif node.doc_terms is not None:
        for docnum in docs:
            out[int(docnum) + offset].update(node.doc_terms.get(int(docnum), ()))
    for child in node.children:
        _matched_terms(child, docs, offset, out)
