"""The Dutch stop list, shipped as package data (nothing is downloaded)."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def dutch_stopwords() -> frozenset[str]:
    """Lowercase Dutch stop words without diacritics, from ``data/stopwords_nl.txt``."""
    text = resources.files("searchkit").joinpath("data/stopwords_nl.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))
