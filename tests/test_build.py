"""Building with a second process gives the same index as building with one."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEEDS

import searchkit
import searchkit.build

TEXTS = Path(__file__).parent / "data" / "text"
QUERIES = ["aanbesteding", "kinderen zwemles", '"Extra Beveiligde Inrichting"', "vraag:3 asiel", "Ebusco"]


def _results(index: searchkit.Index) -> list[list[tuple[str, tuple[int, ...], int]]]:
    return [[(h.doc_id, h.question_numbers, h.paragraph) for h in index.search(q, limit=20)] for q in QUERIES]


def test_two_processes_build_the_same_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one = searchkit.build_index([SEEDS, TEXTS], tmp_path / "one")
    monkeypatch.setattr(searchkit.build, "MIN_FILES_FOR_PROCESSES", 1)
    monkeypatch.setattr(searchkit.build.os, "cpu_count", lambda: 2)
    two = searchkit.build_index([SEEDS, TEXTS], tmp_path / "two")
    assert two.info().passages == one.info().passages
    assert two.info().documents == one.info().documents
    assert {tuple(map(tuple, r)) for r in _results(two)} == {tuple(map(tuple, r)) for r in _results(one)}
    assert two.did_you_mean("aanbestding") == "aanbesteding"
