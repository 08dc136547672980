"""A damaged index gives a clear error suggesting a rebuild; the default index is rebuilt."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEEDS

import searchkit
from searchkit.cli import main


def _damage(index_dir: Path) -> None:
    """Truncates the biggest file of the index's current generation to half."""
    generation = index_dir / (index_dir / "CURRENT").read_text().strip()
    biggest = max((f for f in generation.iterdir() if f.suffix == ".seg"), key=lambda f: f.stat().st_size)
    data = biggest.read_bytes()
    biggest.write_bytes(data[: len(data) // 2])


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    index_dir = tmp_path / "index"
    searchkit.build_index([SEEDS], index_dir).close()
    _damage(index_dir)
    return index_dir


def test_check_reports_damage(damaged: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["info", "--check", "--index", str(damaged)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: the index in {damaged} ")
    assert result.stderr.endswith("; rebuild it with `searchkit index`\n")
    assert "Traceback" not in result.output


def test_check_passes_on_a_sound_index(tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    searchkit.build_index([SEEDS], index_dir).close()
    result = CliRunner().invoke(main, ["info", "--check", "--index", str(index_dir)])
    assert result.exit_code == 0
    assert "passages     19" in result.stdout


def test_queries_on_a_damaged_index_fail_clearly(damaged: Path) -> None:
    result = CliRunner().invoke(main, ["query", "aanbesteding", "--index", str(damaged)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: the index in {damaged} ")
    assert result.stderr.endswith("rebuild it with `searchkit index`\n")


def test_damaged_default_index_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SEARCHKIT_INDEX", raising=False)
    monkeypatch.delenv("SEARCHKIT_SOURCES", raising=False)
    runner = CliRunner()
    assert runner.invoke(main, ["index"]).exit_code == 0
    (tmp_path / "index" / (tmp_path / "index" / "CURRENT").read_text().strip() / "searchkit.json").write_text(
        "{"
    )
    result = runner.invoke(main, ["query", "aanbesteding"])
    assert result.exit_code == 0
    assert result.stderr == "the index is damaged: building index from seeds …\n"
    assert "**aanbesteding**" in result.stdout
