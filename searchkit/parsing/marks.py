"""Footnote reference marks, kept inside running text until its paragraphs are final.

A PDF text reader finds a reference ("…beleid»?1") while lines are still being
joined and split; it replaces the digits by a mark that no repair touches, and
the finished paragraph gives its marks up as :attr:`Paragraph.notes`.
"""

from __future__ import annotations

import re

#: A mark in a regular expression: the note's number in the first group.
MARK_PATTERN = "\ue000(\\d+)\ue001"
_MARK = re.compile(MARK_PATTERN)
_SPACES = re.compile(r"\s{2,}")


def mark(number: int) -> str:
    """The mark standing for a reference to note ``number``."""
    return f"\ue000{number}\ue001"


def strip_marks(text: str) -> str:
    """``text`` without its marks (to read the words around them)."""
    return _MARK.sub("", text)


def take_marks(text: str) -> tuple[str, list[int]]:
    """``text`` without its marks, and the note numbers they stood for, in order."""
    numbers = [int(number) for number in _MARK.findall(text)]
    if not numbers:
        return text, numbers
    bare = _MARK.sub("", text)
    return _SPACES.sub(" ", bare).strip(), numbers
