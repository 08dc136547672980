"""Answer-level evidence: a paragraph is read as part of the answer it belongs to.

An answer that matches a query well speaks for each of its paragraphs that
matches too: of two paragraphs with the same words, the one in the answer that
is about the query ranks first. So each candidate paragraph gets, on top of
its own score, a share of the best score among the candidates of its answer.
Every result still matches the query itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from whoosh.query import Query
from whoosh.searching import Hit as WhooshHit
from whoosh.searching import Searcher

if TYPE_CHECKING:
    from searchkit.vectorized import ScoredHit, VectorSearcher

#: How many paragraphs are ranked at least, so that answers can lift their paragraphs.
CANDIDATES = 30


@dataclass(frozen=True)
class Ranked:
    """A paragraph in the ranking: its stored fields, its score and the search's hit."""

    fields: Mapping[str, Any]
    score: float
    hit: WhooshHit | ScoredHit


def rank(
    searcher: Searcher, query: Query, limit: int, share: float, vectors: VectorSearcher | None = None
) -> list[Ranked]:
    """The best ``limit`` paragraphs for ``query``, each scored with ``share`` of the best
    score in its answer on top of its own; the paragraphs scored by ``vectors`` if given."""
    wanted = max(limit, CANDIDATES) if share else limit
    if vectors is not None:
        results: Sequence[Any] = vectors.search(query, wanted)
    else:  # every match scored: whoosh's top-N pruning can drop boosted clauses that would rank
        results = searcher.search(query, limit=None, terms=True)[:wanted]
    ranked = [Ranked(hit.fields(), hit.score, hit) for hit in results]
    best: dict[str, float] = {}
    for paragraph in ranked:  # best first
        best.setdefault(_answer(paragraph.fields), paragraph.score)
    ranked = [Ranked(p.fields, p.score + share * best[_answer(p.fields)], p.hit) for p in ranked]
    ranked.sort(key=lambda p: -p.score)
    return ranked[:limit]


def _answer(fields: Mapping[str, Any]) -> str:
    """The answer a paragraph belongs to: its passage id without the paragraph number."""
    return fields["passage_id"].rsplit("/", 1)[0]
