"""An open index keeps answering, from the newest complete index, while other processes
rebuild and update it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import PROJECT, SEED, SEED_ID

import searchkit
import searchkit.index

TEXTS = Path(__file__).parent / "data" / "text"
KENIA, EBUSCO, ZWEMLES = (TEXTS / f"ah-tk-20242025-{n}.txt" for n in (548, 602, 573))


def _ids(index: searchkit.Index, query: str) -> set[str]:
    return {hit.doc_id for hit in index.search(query, limit=100)}


def test_an_open_index_follows_rebuilds_and_updates(tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    searchkit.build_index([SEED], index_dir).close()
    with searchkit.open_index(index_dir) as reader:
        first = reader.generation
        assert _ids(reader, "aanbesteding") == {SEED_ID}

        searchkit.build_index([KENIA], index_dir).close()
        assert _ids(reader, "Kenia") == {KENIA.stem}
        assert _ids(reader, "aanbesteding") == set()

        searchkit.build_index([EBUSCO], index_dir).close()
        assert not first.exists()  # the second rebuild removed the generation the reader opened
        assert _ids(reader, "Ebusco") == {EBUSCO.stem}
        assert _ids(reader, "Kenia") == set()
        assert reader.did_you_mean("Ebussco") == "ebusco"  # the new generation's vocabulary
        assert reader.info().documents == 1

        with searchkit.update_index([EBUSCO, ZWEMLES], index_dir) as updated:
            assert updated.changes["added"] == 1
        assert reader.info().documents == 2
        assert reader.document(ZWEMLES.stem).doc_id == ZWEMLES.stem
        assert _ids(reader, "Ebusco") == {EBUSCO.stem}
        assert reader.check() == []


def test_an_open_index_answers_after_its_folder_is_removed(tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    searchkit.build_index([SEED], index_dir).close()
    with searchkit.open_index(index_dir) as reader:
        expected = reader.search("aanbesteding")
        # As when two rebuilds finish while a search runs: every file was opened with the index.
        shutil.rmtree(reader.generation)
        assert reader.search("aanbesteding") == expected
        assert reader.did_you_mean("aanbestding") == "aanbesteding"
        assert reader.document(SEED_ID).questions
        assert reader.info().documents == 1


# Holds one index open and searches it until told to stop; prints each state it
# switches to ("generation documents") and, at the end, its counts as JSON.
_READER = """
import json, sys, time
from pathlib import Path
import searchkit

index_dir, stop = Path(sys.argv[1]), Path(sys.argv[2])
reads = failures = 0
errors, seen = [], None
deadline = time.monotonic() + 120  # a reader that never sees the writer's changes ends anyway
with searchkit.open_index(index_dir) as index:
    while not stop.exists() and time.monotonic() < deadline:
        try:
            if not index.search("aanbesteding"):
                raise RuntimeError("no hits")
            state = f"{index.generation.name} {index.info().documents}"
            reads += 1
        except Exception as error:
            failures += 1
            errors.append(f"{error.__class__.__name__}: {error}")
            continue
        if state != seen:
            seen = state
            print(state, flush=True)
print(json.dumps({"reads": reads, "failures": failures, "errors": errors[:5]}), flush=True)
"""


def test_a_reader_holding_an_index_never_fails_while_it_is_rebuilt(tmp_path: Path) -> None:
    index_dir, stop = tmp_path / "index", tmp_path / "stop"
    sets = [[SEED], [SEED, KENIA], [SEED, EBUSCO, ZWEMLES], [SEED, ZWEMLES]]
    searchkit.build_index(sets[0], index_dir).close()
    reader = subprocess.Popen(
        [sys.executable, "-c", _READER, str(index_dir), str(stop)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=PROJECT,
    )
    assert reader.stdout is not None
    states = [reader.stdout.readline()]

    def wait_for(index: searchkit.Index) -> None:
        """Reads what the reader reports until it has switched to ``index``'s state."""
        expected = f"{index.generation.name} {index.info().documents}\n"
        index.close()
        while states[-1] not in (expected, ""):
            states.append(reader.stdout.readline())
        assert states[-1] == expected, reader.stderr.read() if reader.stderr else ""

    # Rebuilds in twos, so the reader sometimes sees two switches at once, and updates.
    for first, second in zip(sets[1:], sets[2:] + sets[:1], strict=True):
        searchkit.build_index(first, index_dir).close()
        wait_for(searchkit.build_index(second, index_dir))
    wait_for(searchkit.update_index([SEED, KENIA], index_dir))
    wait_for(searchkit.update_index([SEED, KENIA, EBUSCO], index_dir))
    stop.touch()
    out, err = reader.communicate()
    result = json.loads(out.splitlines()[-1])
    assert reader.returncode == 0, err
    assert result["reads"] > 0
    assert result["failures"] == 0, result["errors"]


def test_opening_follows_a_switch_made_meanwhile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index_dir = tmp_path / "index"
    searchkit.build_index([SEED], index_dir).close()
    current = index_dir / "CURRENT"
    built = current.read_text("utf-8")
    current.write_text("gen-removed", "utf-8")  # a generation that two rebuilds removed already
    opening = searchkit.index._Generation.__init__

    def open_while_a_writer_switches(generation: object, path: Path, pointer: Any, ranking: Any) -> None:
        if pointer.name == "gen-removed":
            current.write_text(built, "utf-8")
        opening(generation, path, pointer, ranking)

    monkeypatch.setattr(searchkit.index._Generation, "__init__", open_while_a_writer_switches)
    with searchkit.open_index(index_dir) as index:
        assert index.generation.name == built
        assert index.search("aanbesteding")
