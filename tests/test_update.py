"""Incremental indexing: new, changed and removed files without a full rebuild."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEED

import searchkit
from searchkit.cli import main
from searchkit.synonyms import SHIPPED_TABLE_FILE, _stored_table

TEXTS = Path(__file__).parent / "data" / "text"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A sources folder with the seed and two corpus texts."""
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SEED, folder)
    for name in ("ah-tk-20242025-573.txt", "ah-tk-20242025-602.txt"):
        shutil.copy(TEXTS / name, folder)
    return folder


def _ids(index: searchkit.Index, query: str) -> set[str]:
    return {hit.doc_id for hit in index.search(query, limit=100)}


def test_update_adds_changes_and_removes(folder: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    built = searchkit.build_index([folder], index_dir)
    passages_before = built.info().passages
    built.close()

    shutil.copy(TEXTS / "ah-tk-20242025-548.txt", folder)  # added
    (folder / "ah-tk-20242025-602.txt").unlink()  # removed
    seed = folder / SEED.name  # changed: a word replaced everywhere
    seed.write_text(re.sub("(?i)palantir", "Zwaardvis", seed.read_text("utf-8")), "utf-8")

    updated = searchkit.update_index([folder], index_dir)
    assert updated.changes == {"added": 1, "changed": 1, "removed": 1, "unchanged": 1}
    assert "ah-tk-20242025-548" in _ids(updated, "Kenia")
    assert _ids(updated, "Ebusco") == set()  # 602's bus maker is gone
    assert _ids(updated, "zwaardvis") == {SEED.stem}
    assert _ids(updated, "palantir") == set()
    assert updated.did_you_mean("zwaardvisch") == "zwaardvis"  # the vocabulary follows
    info = updated.info()
    assert info.documents == 3
    assert info.passages != passages_before

    # the same result as a full rebuild of the folder
    rebuilt = searchkit.build_index([folder], tmp_path / "fresh")
    assert rebuilt.info().passages == info.passages
    assert _ids(rebuilt, "Kenia") == _ids(updated, "Kenia")


def test_update_without_changes_reads_nothing(folder: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    searchkit.build_index([folder], index_dir).close()
    updated = searchkit.update_index([folder], index_dir)
    assert updated.changes == {"added": 0, "changed": 0, "removed": 0, "unchanged": 3}


def test_update_stores_the_synonym_tables_of_this_searchkit(folder: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    searchkit.build_index([folder], index_dir).close()
    stored = next(index_dir.glob("gen-*")) / SHIPPED_TABLE_FILE
    stored.write_bytes(b"tables of an older searchkit")
    searchkit.update_index([folder], index_dir).close()
    assert _stored_table(stored.parent) is not None


def test_update_without_index_builds_one(folder: Path, tmp_path: Path) -> None:
    index = searchkit.update_index([folder], tmp_path / "new")
    assert index.info().documents == 3


def test_cli_update(folder: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    index_dir = tmp_path / "index"
    assert runner.invoke(main, ["index", str(folder), "--index", str(index_dir)]).exit_code == 0
    (folder / "leeg.txt").write_text("")
    shutil.copy(TEXTS / "ah-tk-20242025-573.txt", folder / "kopie.txt")  # the same document twice
    result = runner.invoke(main, ["index", "--update", str(folder), "--index", str(index_dir)])
    assert result.exit_code == 1
    assert result.stdout.startswith(
        f"Updated {index_dir}: 0 added, 0 changed, 0 removed, 3 unchanged; now 3 documents ("
    )
    assert f"skipped {folder / 'leeg.txt'}: empty file" in result.stderr
    assert f"skipped {folder / 'kopie.txt'}: document ah-tk-20242025-573 is also in" in result.stderr
    info = json.loads(runner.invoke(main, ["info", "--json", "--index", str(index_dir)]).stdout)
    assert info["documents"] == 3
