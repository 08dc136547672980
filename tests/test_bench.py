"""scripts/bench.py: its corpus generator, and a small run that writes every figure (no timing is asserted)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from conftest import PROJECT

import searchkit

BENCH = PROJECT / "scripts" / "bench.py"
PASSAGES = 300
REQUIRED = (
    "passages",
    "build_s",
    "build_baseline_s",
    "index_mb",
    "index_baseline_mb",
    "peak_rss_mb",
    "query_p50_ms",
    "query_p95_ms",
    "query_baseline_p50_ms",
    "query_baseline_p95_ms",
    "cli_cold_ms",
    "python_import_whoosh_ms",
    "update_one_s",
    "build_ratio",
    "query_p50_ratio",
    "cli_cold_ratio",
)
TANTIVY = ("build_tantivy_s", "index_tantivy_mb", "query_tantivy_p50_ms", "query_tantivy_p95_ms")


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench"] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("passages", [1, 7, 123])
def test_the_corpus_parses_back_to_exactly_the_passages_asked_for(
    bench: ModuleType, tmp_path: Path, passages: int
) -> None:
    corpus = bench.write_corpus(tmp_path, passages, seed=1)
    documents = [searchkit.parse_document(path) for path in sorted(corpus.folder.rglob("*.txt"))]
    parsed = [(q.text, p) for d in documents for q in d.questions for p in q.answer]
    written = [(p["question"], p["text"]) for p in bench.read_passages(corpus.passages_file)]
    assert corpus.passages == len(written) == passages
    assert parsed == written
    assert all(d.minister and d.ministry and d.received for d in documents)
    assert len({d.doc_id for d in documents}) == len(documents) == corpus.documents


def test_the_same_seed_writes_the_same_corpus(bench: ModuleType, tmp_path: Path) -> None:
    first = bench.write_corpus(tmp_path / "a", 60, seed=5)
    second = bench.write_corpus(tmp_path / "b", 60, seed=5)
    assert first.passages_file.read_bytes() == second.passages_file.read_bytes()
    files = [sorted(c.folder.rglob("*.txt")) for c in (first, second)]
    assert [p.read_bytes() for p in files[0]] == [p.read_bytes() for p in files[1]]


def test_a_small_run_writes_every_figure(tmp_path: Path) -> None:
    output = tmp_path / "bench.json"
    subprocess.run(
        [sys.executable, str(BENCH), "--passages", str(PASSAGES), "--json", str(output)],
        check=True,
        capture_output=True,
        timeout=60,
        cwd=tmp_path,
    )
    figures = json.loads(output.read_text(encoding="utf-8"))
    assert figures["passages"] == figures["passages_generated"] == PASSAGES
    measured = [key for key in REQUIRED if key != "passages"]
    measured += [key for key in TANTIVY if key in figures]
    for key in measured:
        assert isinstance(figures[key], int | float) and figures[key] > 0, key
    assert figures["query_p95_ms"] >= figures["query_p50_ms"]
    assert figures["query_baseline_p95_ms"] >= figures["query_baseline_p50_ms"]
