"""One writer at a time; a dead writer's lock and leftovers do not block the next build."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEEDS

import searchkit
import searchkit.lock
from searchkit.cli import main
from searchkit.lock import LOCK_FILE


def _hold(index_dir: Path, pid: int) -> Path:
    index_dir.mkdir(parents=True, exist_ok=True)
    lock = index_dir / LOCK_FILE
    lock.write_text(json.dumps({"pid": pid, "host": socket.gethostname(), "since": 0}), "utf-8")
    return lock


def _dead_pid() -> int:
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    return int(child.stdout)


def test_second_writer_fails_naming_the_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(searchkit.lock, "WAIT_SECONDS", 0.3)
    index_dir = tmp_path / "index"
    searchkit.build_index([SEEDS], index_dir).close()
    lock = _hold(index_dir, os.getppid())  # a live process that is not this one
    with pytest.raises(searchkit.IndexLockedError) as raised:
        searchkit.build_index([SEEDS], index_dir)
    assert str(raised.value) == (
        f"the index in {index_dir} is being written by process {os.getppid()} on {socket.gethostname()} "
        f"(lock {lock}); try again when it is done"
    )
    assert lock.exists()
    assert searchkit.open_index(index_dir).search("aanbesteding")  # the index is untouched


def test_cli_reports_the_lock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(searchkit.lock, "WAIT_SECONDS", 0.3)
    index_dir = tmp_path / "index"
    _hold(index_dir, os.getppid())
    result = CliRunner().invoke(main, ["index", str(SEEDS), "--index", str(index_dir)])
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"Error: the index in {index_dir} is being written by process {os.getppid()}"
    )


def test_lock_of_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    lock = _hold(index_dir, _dead_pid())
    searchkit.build_index([SEEDS], index_dir).close()
    assert not lock.exists()
    assert searchkit.open_index(index_dir).info().passages == 19


def test_leftovers_of_a_killed_build_are_removed(tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    searchkit.build_index([SEEDS], index_dir).close()
    leftover = index_dir / "gen-killed"
    leftover.mkdir()
    (leftover / "_MAIN_1.toc").write_bytes(b"half")
    searchkit.build_index([SEEDS], index_dir).close()
    assert not leftover.exists()
    assert len(list(index_dir.glob("gen-*"))) <= 2  # the new generation and the one before
