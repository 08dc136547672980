"""Files, folders and indexes searchkit may not read or write, and paths that lead nowhere:
one line naming the path, the rest indexed, the previous index untouched.

File permissions are real: the commands run in a process they apply to. Root
ignores them, so as root that process first gives up root's right to
(Linux's CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH) and runs searchkit anew.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import PROJECT, SEED

import searchkit
from searchkit.cli import main

KENIA = Path(__file__).parent / "data" / "text" / "ah-tk-20242025-548.txt"

# Run by `python -c`: drops root's right to ignore file permissions, then runs the rest of
# the command line in a fresh interpreter (dropped rights take effect at the next exec).
_AS_A_USER = """
import ctypes, os, sys
PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 24, 1, 2
libc = ctypes.CDLL(None, use_errno=True)
for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
    if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
        sys.exit(f"cannot drop capability {capability}: {os.strerror(ctypes.get_errno())}")
os.execv(sys.executable, [sys.executable, *sys.argv[1:]])
"""


def _can_give_up_root() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    probe = subprocess.run([sys.executable, "-c", _AS_A_USER, "-c", "pass"], capture_output=True, check=False)
    return probe.returncode == 0


needs_permissions = pytest.mark.skipif(
    os.geteuid() == 0 and not _can_give_up_root(),
    reason="runs as root and cannot give up root's right to ignore file permissions",
)


def _python(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python ARGS`` in a process that file permissions apply to."""
    command = [sys.executable, *(["-c", _AS_A_USER] if os.geteuid() == 0 else []), *map(str, args)]
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        check=False,
        cwd=PROJECT,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
    )


def _searchkit(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return _python("-m", "searchkit", *args, env=env)


@contextmanager
def _mode(path: Path, mode: int) -> Iterator[None]:
    """``path`` with permission bits ``mode`` for the ``with`` block."""
    before = path.stat().st_mode & 0o7777
    path.chmod(mode)
    try:
        yield
    finally:
        path.chmod(before)


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A folder with the seed and the Kenia document."""
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SEED, folder)
    shutil.copy(KENIA, folder)
    return folder


@needs_permissions
def test_an_unreadable_file_is_skipped(docs: Path, tmp_path: Path) -> None:
    locked = docs / KENIA.name
    with _mode(locked, 0o000):
        result = _searchkit("index", docs, "--index", tmp_path / "ix")
    assert result.returncode == 1
    assert result.stdout.startswith("Indexed 1 document (19 passages)")
    assert result.stderr == f"skipped {locked}: cannot read file: Permission denied\n"


@needs_permissions
def test_an_update_skips_an_unreadable_file_and_keeps_its_document(docs: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "ix"
    searchkit.build_index([docs], index_dir).close()
    locked = docs / KENIA.name
    with _mode(locked, 0o000):
        result = _searchkit("index", docs, "--index", index_dir, "--update")
    assert result.returncode == 1
    assert result.stdout.startswith("Updated ")
    assert "0 added, 0 changed, 0 removed, 1 unchanged; now 2 documents" in result.stdout
    assert result.stderr == f"skipped {locked}: cannot read file: Permission denied\n"
    with searchkit.open_index(index_dir) as index:
        assert {hit.doc_id for hit in index.search("Kenia")} == {KENIA.stem}


@needs_permissions
def test_an_unreadable_folder_is_skipped(docs: Path, tmp_path: Path) -> None:
    locked = docs / "geheim"
    locked.mkdir()
    shutil.move(docs / KENIA.name, locked)
    with _mode(locked, 0o000):
        result = _searchkit("index", docs, "--index", tmp_path / "ix")
    assert result.returncode == 1
    assert result.stdout.startswith("Indexed 1 document (19 passages)")
    assert result.stderr == f"skipped {locked}: cannot read folder: Permission denied\n"


@needs_permissions
def test_an_unreadable_synonyms_file(seed_index_dir: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mijn-synoniemen.tsv"
    mine.write_text("Raffinaderij\tanalyseplatform\n", "utf-8")
    expected = f"{mine}: cannot read the synonyms file: Permission denied"
    with _mode(mine, 0o000):
        given = _searchkit("query", "palantir", "--synonyms", mine, "--index", seed_index_dir)
        from_env = _searchkit(
            "query", "palantir", "--index", seed_index_dir, env={"SEARCHKIT_SYNONYMS": str(mine)}
        )
        library = _python(
            "-c",
            "import sys, searchkit\n"
            "try:\n"
            "    searchkit.open_index(sys.argv[1], synonyms=sys.argv[2])\n"
            "except searchkit.SearchkitError as error:\n"
            "    print(error)",
            seed_index_dir,
            mine,
        )
    for result in (given, from_env):
        assert result.returncode == 1
        assert result.stderr == f"Error: {expected}\n"
        assert result.stdout == ""
    assert library.stdout == f"{expected}\n", library.stderr


@needs_permissions
def test_an_index_folder_that_may_not_be_written(docs: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "ix"
    searchkit.build_index([SEED], index_dir).close()
    current = (index_dir / "CURRENT").read_text("utf-8")
    with _mode(index_dir, 0o555):
        rebuilt = _searchkit("index", docs, "--index", index_dir)
        updated = _searchkit("index", docs, "--index", index_dir, "--update")
        searched = _searchkit("query", "aanbesteding", "--index", index_dir, "--json")
    for result in (rebuilt, updated):
        assert result.returncode == 1
        assert result.stderr == f"Error: cannot write the index in {index_dir}: Permission denied\n"
    assert searched.returncode == 0  # readers need not write
    assert '"doc_id": "000_5ad47325840f862b"' in searched.stdout
    assert (index_dir / "CURRENT").read_text("utf-8") == current
    with searchkit.open_index(index_dir) as index:
        assert index.info().documents == 1


def test_an_index_path_that_is_a_file(tmp_path: Path) -> None:
    occupied = tmp_path / "bestand"
    occupied.write_text("niet van searchkit\n")
    runner = CliRunner()
    built = runner.invoke(main, ["index", str(SEED), "--index", str(occupied)])
    assert built.exit_code == 1
    assert built.stderr == f"Error: cannot write the index in {occupied}: it is a file, not a folder\n"
    searched = runner.invoke(main, ["query", "aanbesteding", "--index", str(occupied)])
    assert searched.exit_code == 1
    assert searched.stderr == f"Error: no index in {occupied}; build one with `searchkit index`\n"
    assert occupied.read_text() == "niet van searchkit\n"


def test_symbolic_link_loops_and_links_to_missing_files_are_skipped(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SEED, docs)
    (docs / "lus.txt").symlink_to("lus.txt")  # a link to itself
    (docs / "heen").symlink_to("terug")  # two links to each other
    (docs / "terug").symlink_to("heen")
    (docs / "weg.txt").symlink_to("verdwenen.txt")
    (docs / "notities").symlink_to("nergens")  # not a document: left alone
    result = CliRunner().invoke(main, ["index", str(docs), "--index", str(tmp_path / "ix")])
    assert result.exit_code == 1
    assert result.stdout.startswith("Indexed 1 document (19 passages)")
    assert result.stderr.splitlines() == [
        f"skipped {docs / 'heen'}: symbolic link loop",
        f"skipped {docs / 'lus.txt'}: symbolic link loop",
        f"skipped {docs / 'terug'}: symbolic link loop",
        f"skipped {docs / 'weg.txt'}: symbolic link to a missing file (verdwenen.txt)",
    ]


@pytest.mark.parametrize(
    ("content", "reason"),
    [(None, "a folder, not a synonyms file"), ("Raffinaderij\tanalyseplatform\n".encode("utf-16"), None)],
)
def test_a_synonyms_path_that_is_no_text_file(
    seed_index_dir: Path, tmp_path: Path, content: bytes | None, reason: str | None
) -> None:
    mine = tmp_path / "synoniemen"
    if content is None:
        mine.mkdir()
    else:
        mine.write_bytes(content)
    reason = reason or "cannot read the synonyms file: it is not UTF-8 text"
    result = CliRunner().invoke(
        main, ["query", "palantir", "--synonyms", str(mine), "--index", str(seed_index_dir)]
    )
    assert result.exit_code == 1
    assert result.stderr == f"Error: {mine}: {reason}\n"
