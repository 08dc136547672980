#!/usr/bin/env python3
"""Rebuild the searchkit index from answer documents and report what it took.

Usage: python scripts/build_index.py [PATHS...] [--index DIR] [--strict]
PATHS default to SEARCHKIT_SOURCES or ./seeds; DIR to SEARCHKIT_INDEX or ./index.
Exit code 1 when a file was skipped (or, with --strict, could not be read).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import searchkit


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[os.environ.get("SEARCHKIT_SOURCES", "seeds")])
    parser.add_argument("--index", default=os.environ.get("SEARCHKIT_INDEX", "index"))
    parser.add_argument("--strict", action="store_true", help="stop at the first unreadable file")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    try:
        index = searchkit.build_index(args.paths, args.index, strict=args.strict)
    except searchkit.SearchkitError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - started
    info = index.info()
    index.close()
    for error in index.skipped:
        print(f"skipped {error}", file=sys.stderr)
    print(
        f"documents {info.documents}  passages {info.passages}  skipped {len(index.skipped)}  "
        f"time {seconds:.2f} s  ({info.passages / seconds:.0f} passages/s)  "
        f"size {info.size_bytes / 1024:.0f} KiB  index {info.path}"
    )
    return 1 if index.skipped else 0


if __name__ == "__main__":
    sys.exit(main())
