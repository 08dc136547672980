"""How passages are scored: BM25F over the answer text, its question and its footnotes.

The defaults were tuned on the judged queries (``scripts/tune_ranking.py``;
README, *Relevance*).
"""

from __future__ import annotations

from dataclasses import dataclass

from whoosh.scoring import BM25F


@dataclass(frozen=True)
class Ranking:
    """Field weights and BM25 parameters.

    ``coordination`` scales a passage's score by the share of the query's
    words it matches (1.0 ignores it; lower values favour passages matching
    more of the words).
    """

    text: float = 3.0
    question: float = 1.5
    footnotes: float = 0.5
    k1: float = 1.2
    b: float = 0.75
    coordination: float = 1.0

    @property
    def field_boosts(self) -> dict[str, float]:
        return {"text": self.text, "question": self.question, "footnotes": self.footnotes}

    def weighting(self) -> BM25F:
        return BM25F(B=self.b, K1=self.k1)
