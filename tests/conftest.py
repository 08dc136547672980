"""Shared fixtures: the seed folder and an index built from it once per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import searchkit

PROJECT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT / "seeds"
SEED = SEEDS / "000_5ad47325840f862b.txt"
SEED_ID = SEED.stem
#: The keys of a hit in `searchkit query --json`: the public contract.
HIT_KEYS = {"doc_id", "question_numbers", "paragraph", "score", "text", "question", "highlight"}


@pytest.fixture(scope="session")
def seed_index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding an index of the seed (do not modify it: tests share it)."""
    path = tmp_path_factory.mktemp("seed-index")
    searchkit.build_index([SEEDS], path).close()
    return path


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A folder laid out like a fresh clone: ``seeds/`` and no index yet."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    return tmp_path
