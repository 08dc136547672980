"""Relevance on the judged queries stays above a floor, and well above the baselines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import PROJECT

#: Below the measured nDCG@10 (README, *Relevance*), so that only a real regression fails.
NDCG_FLOOR = 0.88
MARGIN_OVER_BASELINES = 0.15


def test_ranking_beats_floor_and_baselines(tmp_path: Path) -> None:
    out = tmp_path / "evaluation.json"
    subprocess.run(
        [
            sys.executable,
            str(PROJECT / "scripts" / "evaluate.py"),
            str(PROJECT / "tests" / "data" / "judgments.json"),
            "--baselines",
            "--json",
            str(out),
        ],
        check=True,
        capture_output=True,
        cwd=PROJECT,
    )
    report = json.loads(out.read_text("utf-8"))
    assert report["unmatched"] == []
    overall = {system: summary["all"] for system, summary in report["summaries"].items()}
    assert overall["searchkit"]["queries"] >= 80
    ndcg = {system: scores["ndcg_cut_10"] for system, scores in overall.items()}
    assert ndcg["searchkit"] >= NDCG_FLOOR, ndcg
    assert ndcg["searchkit"] >= max(ndcg["whoosh-nl"], ndcg["fts5"]) + MARGIN_OVER_BASELINES, ndcg


def test_compound_cost_compares_builds_with_and_without_parts() -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(PROJECT / "scripts" / "compound_cost.py"),
            str(PROJECT / "seeds"),
            "--runs",
            "1",
        ],
        check=True,
        capture_output=True,
        text=True,
        cwd=PROJECT,
    )
    rows = [line for line in result.stdout.splitlines() if line.startswith("| with")]
    assert len(rows) == 2
    size = {row.split("|")[1].strip(): float(row.split("|")[3]) for row in rows}
    # the parts are extra terms: the index with them is larger
    assert size["with compound parts"] > size["without compound parts"] > 0
