"""How passages are scored: BM25F over the answer text, its question, its footnotes and
the document's subject, with evidence from the rest of its answer.

The defaults were tuned on the judged queries (``scripts/tune_ranking.py``;
README, *Relevance*).
"""

from __future__ import annotations

from dataclasses import dataclass

from whoosh.scoring import BM25F

from searchkit.schema import SEARCHED_FIELDS


@dataclass(frozen=True)
class Ranking:
    """Field weights, BM25 parameters and the weight of answer-level evidence.

    ``coordination`` scales a passage's score by the share of the query's
    words it matches (1.0 ignores it; lower values favour passages matching
    more of the words). ``answer`` is the share of the best score among the
    paragraphs of the same answer that each of them gets on top of its own
    (:mod:`searchkit.answers`).
    """

    text: float = 3.0
    question: float = 1.5
    footnotes: float = 0.5
    subject: float = 1.0
    k1: float = 1.2
    b: float = 0.75
    coordination: float = 1.0
    answer: float = 0.3

    @property
    def field_boosts(self) -> dict[str, float]:
        return {field: getattr(self, field) for field in SEARCHED_FIELDS}

    def weighting(self) -> BM25F:
        return BM25F(B=self.b, K1=self.k1)
