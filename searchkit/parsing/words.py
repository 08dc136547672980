"""Word repairs for text that went through a PDF: line-end hyphenation undone.

Decisions lean on the shipped Dutch lexicon (:mod:`searchkit.lexicon`).
"""

from __future__ import annotations

import re

from searchkit.lexicon import zipf

_VOWELS = "aeiouyáéíóúëïöüè"
_WORD_PIECE = re.compile(r"[^\W\d_]+$")
_URLISH = re.compile(r"(?:https?://|www\.|\.[a-z]{2,4}/|/)\S*$", re.IGNORECASE)
#: How common a piece must be to count as a word of its own (Zipf scale).
KNOWN_WORD = 2.5


def join_hyphenated(head: str, tail: str) -> str:
    """``head`` (ending in "-") joined to ``tail``, the start of the next line.

    The hyphen goes when it only split a word over two lines
    ("vredesonderhande-" + "lingen" → "vredesonderhandelingen") and stays when
    it belongs to the word: after an abbreviation or number ("EU-landen",
    "COVID-19"), before a capital ("Noord-Holland"), in a URL, after a name
    ("Palantir-gerelateerde") and between two words that Dutch writes with a
    hyphen ("data-integratie").
    """
    stem = head[:-1]
    if _keeps_hyphen(stem, tail):
        return head + tail
    return stem + tail


def _keeps_hyphen(stem: str, tail: str) -> bool:
    if not stem or not tail or _URLISH.search(stem):
        return True
    last, first = stem[-1], tail[0]
    if last.isupper() or last.isdigit() or first.isupper() or first.isdigit() or not last.isalpha():
        return True
    left = _WORD_PIECE.search(stem)
    right = re.match(r"[^\W\d_]+", tail)
    if not left or not right:
        return True
    left_word, right_word = left.group(0), right.group(0)
    if zipf(left_word + right_word) > 0:
        return False
    if zipf(right_word) < KNOWN_WORD:
        return False
    if left_word[0].isupper():  # a name before a word: "Palantir-gerelateerde"
        return True
    vowel_clash = last.lower() in _VOWELS and first.lower() in _VOWELS
    return zipf(left_word) >= KNOWN_WORD and (vowel_clash or len(left_word) > 3)
