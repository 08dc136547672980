#!/usr/bin/env python3
"""Tune searchkit's ranking (field weights, BM25 k1 and b, coordination, answer share) on judged queries.

Usage: python scripts/tune_ranking.py JUDGMENTS [PATHS...] [--rounds N]

Coordinate ascent on the "tune" part of the judgments (two thirds, fixed by
query id): each parameter in turn takes the value of its grid that gives the
best mean nDCG@10, for a few rounds. Then the held-back "test" part is scored
with the defaults and with the tuned values, so over-fitting shows.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import evaluate  # noqa: E402

import searchkit  # noqa: E402
from searchkit.ranking import Ranking  # noqa: E402

GRID: dict[str, list[float]] = {
    "text": [1.0, 2.0, 3.0, 4.0, 6.0],
    "question": [0.5, 1.0, 1.5, 2.5, 4.0],
    "footnotes": [0.1, 0.25, 0.5, 1.0],
    "subject": [0.25, 0.5, 1.0, 2.0, 3.0],
    "k1": [0.6, 0.9, 1.2, 1.6, 2.0],
    "b": [0.3, 0.5, 0.75, 0.9],
    "coordination": [0.3, 0.6, 0.9, 1.0],
    "answer": [0.0, 0.1, 0.2, 0.3, 0.5, 0.8],
}


def score(index_dir: Path, ranking: Ranking, queries: list[dict], qrels: dict) -> float:
    index = searchkit.open_index(index_dir, ranking=ranking)

    def rank(query: str) -> list[evaluate.Key]:
        try:
            hits = index.search(query, limit=evaluate.DEPTH)
        except searchkit.QueryError:
            return []
        return [(h.doc_id, ",".join(str(n) for n in h.question_numbers), h.paragraph) for h in hits]

    scores = evaluate.evaluate(rank, queries, qrels)
    index.close()
    return statistics.fmean(s["ndcg_cut_10"] for s in scores.values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("judgments", type=Path)
    parser.add_argument("paths", nargs="*", type=Path, default=evaluate.DEFAULT_PATHS)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)

    judgments = json.loads(args.judgments.read_text("utf-8"))
    qrels, _ = evaluate.load_qrels(judgments, evaluate.collect_passages(args.paths))
    parts = {
        part: [q for q in judgments["queries"] if evaluate.in_part(q["id"], part) and qrels.get(q["id"])]
        for part in ("tune", "test")
    }
    with tempfile.TemporaryDirectory(prefix="searchkit-tune-") as tmp:
        index_dir = Path(tmp) / "index"
        searchkit.build_index(args.paths, index_dir).close()
        best = Ranking()
        best_score = score(index_dir, best, parts["tune"], qrels)
        print(f"defaults {best}: tune nDCG@10 {best_score:.4f}")
        for _ in range(args.rounds):
            for name, values in GRID.items():
                for value in values:
                    candidate = dataclasses.replace(best, **{name: value})
                    candidate_score = score(index_dir, candidate, parts["tune"], qrels)
                    if candidate_score > best_score + 1e-4:
                        best, best_score = candidate, candidate_score
                        print(f"  {name}={value}: tune nDCG@10 {best_score:.4f}")
        default_test = score(index_dir, Ranking(), parts["test"], qrels)
        tuned_test = score(index_dir, best, parts["test"], qrels)
    print(f"tuned {best}")
    print(f"tune part ({len(parts['tune'])} queries): nDCG@10 {best_score:.4f}")
    print(f"test part ({len(parts['test'])} queries): defaults {default_test:.4f}, tuned {tuned_test:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
