#!/usr/bin/env python3
"""What compound splitting costs at index time: size and build time of an index with
and without compound parts, on the same documents (medians of --runs builds each).

Usage: python scripts/compound_cost.py [PATHS...] [--runs N]

Synonyms and related words are expanded at query time and cost nothing here.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
DEFAULT_PATHS = [PROJECT / "seeds", PROJECT / "tests" / "data"]

# One build in a fresh process, so that the analyzer is made with or without compounds.
_BUILD = """
import json, sys, time
from pathlib import Path
import searchkit.analysis.compounds as compounds
if sys.argv[1] == "without":  # an empty lexicon: no word splits
    compounds._folded_lexicon = dict
import searchkit
start = time.perf_counter()
searchkit.build_index([Path(p) for p in sys.argv[3:]], sys.argv[2]).close()
seconds = time.perf_counter() - start
size = sum(f.stat().st_size for f in Path(sys.argv[2]).rglob("*") if f.is_file())
print(json.dumps({"seconds": seconds, "bytes": size}))
"""


def build(variant: str, paths: list[Path]) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="searchkit-compounds-") as tmp:
        out = subprocess.run(
            [sys.executable, "-c", _BUILD, variant, str(Path(tmp) / "index"), *map(str, paths)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    return json.loads(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=DEFAULT_PATHS)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    results: dict[str, list[dict[str, float]]] = {"with": [], "without": []}
    for _ in range(args.runs):  # interleaved, so that a noisy moment hits both
        for variant in results:
            results[variant].append(build(variant, args.paths))
    median = {
        variant: {key: statistics.median(run[key] for run in runs) for key in ("seconds", "bytes")}
        for variant, runs in results.items()
    }
    print("| index | build s | size MB |\n|---|---|---|")
    for variant, figures in median.items():
        print(f"| {variant} compound parts | {figures['seconds']:.2f} | {figures['bytes'] / 1e6:.2f} |")
    time_ratio = median["with"]["seconds"] / median["without"]["seconds"]
    size_ratio = median["with"]["bytes"] / median["without"]["bytes"]
    print(f"\nwith / without: build time {time_ratio:.2f}x, size {size_ratio:.2f}x (medians of {args.runs})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
