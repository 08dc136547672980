"""The schema: what a passage indexes besides its words."""

from __future__ import annotations

from pathlib import Path

from conftest import SEEDS

from searchkit import build_index

TEXTS = Path(__file__).resolve().parent / "data" / "text"


def test_numbers_and_dates_are_indexed_at_full_precision_only(tmp_path: Path) -> None:
    with build_index([SEEDS, TEXTS], tmp_path) as index:
        reader = index._in_use().searcher.reader()
        for field in ("received", "submitted", "nummer", "paragraph"):
            # A term starts with the bits its tier shifts away: none, at full precision.
            assert {term[0] for term in reader.lexicon(field)} == {0}, field
        assert len(index.search("datum:[2024-11-01 TO 2024-11-30]", limit=1000)) == len(
            index.search("datum:2024-11", limit=1000)
        )
