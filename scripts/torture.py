#!/usr/bin/env python3
"""Kill index builds at random moments while readers search, and check nothing breaks.

Usage: python scripts/torture.py [--attempts N] [--readers R] [--seed S] [--json FILE]

In a temporary folder: builds an index of the seed and the corpus texts, then
runs R reader processes that open the index and search it in a loop, while
the main process starts `searchkit index` (full rebuilds and `--update`s,
sometimes two at once) and kills each with SIGKILL after a random delay.
After every kill it checks that the index opens, answers, and holds all its
documents. Prints a table: attempts, kills, reads, failed reads, index usable
after each kill, documents lost. Everything is local and bounded in count and time.
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


def reader(index_dir: Path, stop: Any, counts: Any) -> None:
    """Opens the index and searches it until told to stop; counts reads and failures."""
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
    counts.put((reads, failures, errors[:5]))


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


def run(attempts: int, readers: int, seed: int) -> dict[str, Any]:
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
        processes = [context.Process(target=reader, args=(index_dir, stop, counts)) for _ in range(readers)]
        for process in processes:
            process.start()

        kills = usable_after = lost = 0
        for _ in range(attempts):
            # A second writer at once sometimes: it must wait for the lock or fail cleanly.
            writers = [
                subprocess.Popen(
                    writer_command(index_dir, folder, rng.random() < 0.3), stderr=subprocess.PIPE
                )
                for _ in range(2 if rng.random() < 0.2 else 1)
            ]
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
        reads = failures = 0
        errors: list[str] = []
        for process in processes:
            got_reads, got_failures, got_errors = counts.get()
            reads, failures, errors = reads + got_reads, failures + got_failures, errors + got_errors
            process.join()
    return {
        "attempts": attempts,
        "kills": kills,
        "reads": reads,
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
        ("reads (open + search)", result["reads"]),
        ("failed reads", result["failed_reads"]),
        ("index usable after the attempt", f"{result['usable_after_attempts']} of {result['attempts']}"),
        (f"documents lost (of {result['documents']})", result["documents_lost"]),
    ]
    lines = ["| | |", "|---|---:|", *(f"| {name} | {value} |" for name, value in rows)]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attempts", type=int, default=30)
    parser.add_argument("--readers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="write the figures as JSON")
    args = parser.parse_args(argv)
    result = run(args.attempts, args.readers, args.seed)
    print(table(result), end="")
    for error in result["errors"]:
        print(f"read failure: {error}", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), "utf-8")
    return 0 if result["failed_reads"] == 0 and result["documents_lost"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
