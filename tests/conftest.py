"""Shared fixtures: the seed folder and an index built from it once per session."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

import searchkit

# Property tests: a short profile in CI, thousands of examples in a dedicated run
# (HYPOTHESIS_PROFILE=thorough python -m pytest -k properties).
settings.register_profile("ci", max_examples=150, deadline=None)
settings.register_profile("thorough", max_examples=5000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

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
