"""The Dutch stop list, shipped as package data (nothing is downloaded)."""

from __future__ import annotations

from functools import cache

from searchkit.shipped import read_text


@cache
def dutch_stopwords() -> frozenset[str]:
    """Lowercase Dutch stop words without diacritics, from ``data/stopwords_nl.txt``."""
    text = read_text("stopwords_nl.txt")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))
