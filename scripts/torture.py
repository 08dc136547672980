#!/usr/bin/env python3
"""Kill index builds at random moments while readers search, and check nothing breaks.

Usage: python scripts/torture.py [--attempts N] [--readers R] [--held-readers H] [--seed S] [--json FILE]

In a temporary folder: builds an index of the seed and the corpus texts, then
runs R reader processes that open the index and search it in a loop, and H
that open it once and keep searching that one open index (following every
rebuild and update), while the main process starts `searchkit index` (full
rebuilds and `--update`s, sometimes two at once) and kills each with SIGKILL
after a random delay. After every kill it checks that the index opens,
answers, and holds all its documents. Prints a table: attempts, kills, reads,
failed reads, index usable after each kill, documents lost. Everything is
local and bounded in count and time.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import searchkit

PROJECT = Path(__file__).resolve().parent.parent
SOURCES = [PROJECT / "seeds", PROJECT / "tests" / "data" / "text"]
QUERY = "aanbesteding"
#: The share of attempts whose writers are not killed but left to finish.
FINISHED_SHARE = 0.25


def reader(index_dir: Path, stop: Any, counts: Any) -> None:
    """Opens the index and searches it, again and again until told to stop; counts reads and failures."""
    reads = failures = 0
    errors: list[str] = []
    while not stop.is_set():
        try:
            with searchkit.open_index(index_dir) as index:
                if not index.search(QUERY):
                    raise RuntimeError("no hits")
            reads += 1
        except Exception as error:  # every failure counts, whatever it is
            failures += 1
            errors.append(f"{error.__class__.__name__}: {error}")
    counts.put(("reopening", reads, failures, 0, errors[:5]))


def held_reader(index_dir: Path, stop: Any, counts: Any) -> None:
    """Opens the index once and searches that open index until told to stop; counts reads,
    failures and the rebuilds and updates it switched to."""
    reads = failures = switches = 0
    errors: list[str] = []
    with searchkit.open_index(index_dir) as index:
        state = _state(index)
        while not stop.is_set():
            try:
                if not index.search(QUERY):
                    raise RuntimeError("no hits")
                reads += 1
                if _state(index) != state:
                    state, switches = _state(index), switches + 1
            except Exception as error:  # every failure counts, whatever it is
                failures += 1
                errors.append(f"{error.__class__.__name__}: {error}")
    counts.put(("holding", reads, failures, switches, errors[:5]))


def _state(index: searchkit.Index) -> tuple[str, str]:
    """Which build or update an open index answers from."""
    return index.generation.name, index.meta.get("updated", index.meta["built"])


def writer_command(index_dir: Path, folder: Path, update: bool) -> list[str]:
    command = [sys.executable, "-m", "searchkit", "index", str(folder), "--index", str(index_dir), "--quiet"]
    return [*command, "--update"] if update else command


def usable(index_dir: Path, documents: int) -> tuple[bool, int]:
    """Whether the index opens and answers, and how many documents it lost."""
    try:
        with searchkit.open_index(index_dir) as index:
            held = index.info().documents
            return bool(index.search(QUERY)), max(0, documents - held)
    except searchkit.SearchkitError:
        return False, documents


def run(attempts: int, readers: int, held_readers: int, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="searchkit-torture-") as tmp:
        work = Path(tmp)
        folder = work / "sources"
        folder.mkdir()
        for source in SOURCES:
            for path in source.glob("*.txt"):
                shutil.copy(path, folder)
        index_dir = work / "index"
        documents = searchkit.build_index([folder], index_dir).info().documents

        context = multiprocessing.get_context("spawn")
        stop, counts = context.Event(), context.Queue()
        processes = [
            context.Process(target=target, args=(index_dir, stop, counts))
            for target, count in ((reader, readers), (held_reader, held_readers))
            for _ in range(count)
        ]
        for process in processes:
            process.start()

        kills = finished = usable_after = lost = 0
        for _ in range(attempts):
            # A second writer at once sometimes: it must wait for the lock or fail cleanly.
            writers = [
                subprocess.Popen(
                    writer_command(index_dir, folder, rng.random() < 0.3), stderr=subprocess.DEVNULL
                )
                for _ in range(2 if rng.random() < 0.2 else 1)
            ]
            # Some writers run to the end, so that readers see new generations.
            if rng.random() < FINISHED_SHARE:
                finished += sum(writer.wait() == 0 for writer in writers)
            else:
                time.sleep(rng.uniform(0.05, 2.0))
            for writer in writers:
                if writer.poll() is None:
                    writer.send_signal(signal.SIGKILL)
                    kills += 1
                writer.wait()
            ok, missing = usable(index_dir, documents)
            usable_after += ok
            lost += missing

        stop.set()
        reads = {"reopening": 0, "holding": 0}
        failures = switches = 0
        errors: list[str] = []
        for process in processes:
            kind, got_reads, got_failures, got_switches, got_errors = counts.get()
            reads[kind] += got_reads
            failures, switches = failures + got_failures, switches + got_switches
            errors += got_errors
            process.join()
    return {
        "attempts": attempts,
        "kills": kills,
        "finished": finished,
        "reads": reads["reopening"] + reads["holding"],
        "reads_reopening": reads["reopening"],
        "reads_holding": reads["holding"],
        "switches_while_holding": switches,
        "failed_reads": failures,
        "usable_after_attempts": usable_after,
        "documents_lost": lost,
        "documents": documents,
        "errors": errors,
    }


def table(result: dict[str, Any]) -> str:
    rows = [
        ("attempts (builds and updates started)", result["attempts"]),
        ("kills (SIGKILL while running)", result["kills"]),
        ("writers left to finish (and that succeeded)", result["finished"]),
        ("reads (open + search)", result["reads_reopening"]),
        ("reads (search on an index held open)", result["reads_holding"]),
        ("rebuilds and updates followed by held indexes", result["switches_while_holding"]),
        ("failed reads", result["failed_reads"]),
        ("index usable after the attempt", f"{result['usable_after_attempts']} of {result['attempts']}"),
        (f"documents lost (of {result['documents']})", result["documents_lost"]),
    ]
    lines = ["| | |", "|---|---:|", *(f"| {name} | {value} |" for name, value in rows)]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attempts", type=int, default=30)
    parser.add_argument("--readers", type=int, default=2, help="readers opening the index for every read")
    parser.add_argument("--held-readers", type=int, default=1, help="readers holding one index open")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="write the figures as JSON")
    args = parser.parse_args(argv)
    result = run(args.attempts, args.readers, args.held_readers, args.seed)
    print(table(result), end="")
    for error in result["errors"]:
        print(f"read failure: {error}", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), "utf-8")
    return 0 if result["failed_reads"] == 0 and result["documents_lost"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
