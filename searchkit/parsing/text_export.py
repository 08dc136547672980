"""A ministry's Word file exported as plain text, read into a :class:`Flow`.

The export has one paragraph a line. A footnote is a marker ``[footnoteRef:N]``
in the text with its note ``[N: …]`` inline later on the line;
``[bookmark: …]`` anchors are noise.
"""

from __future__ import annotations

import re

from searchkit.parsing.cleanup import clean_line
from searchkit.parsing.flow import Flow, Paragraph
from searchkit.parsing.furniture import split_furniture

_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]", re.IGNORECASE)
_FOOTNOTE_MARKER = re.compile(r"\[footnoteRef:\s*(\d+)\s*\]", re.IGNORECASE)
_NOTE_START = re.compile(r"\[(\d+):")


def read_flow(text: str) -> Flow:
    """The paragraphs and footnotes of a cleaned text export: one paragraph per non-empty line.

    Page furniture (a document id line, "ISSN …") goes to ``Flow.furniture``.
    """
    flow = Flow()
    for raw in text.splitlines():
        line, notes = _take_notes(_BOOKMARK.sub("", raw))
        flow.footnotes.update(notes)
        markers = [int(number) for number in _FOOTNOTE_MARKER.findall(line)]
        furniture, line = split_furniture(clean_line(_FOOTNOTE_MARKER.sub("", line)))
        flow.furniture.extend(furniture)
        if line:
            flow.paragraphs.append(Paragraph(line, markers))
    return flow


def _take_notes(text: str) -> tuple[str, dict[int, str]]:
    """The text without its ``[N: …]`` notes, and the notes by number.

    A note ends at the bracket that balances its opening one, so brackets inside
    the note are kept; an unclosed note runs to the end of the line.
    """
    notes: dict[int, str] = {}
    kept: list[str] = []
    position = 0
    while match := _NOTE_START.search(text, position):
        end = _closing_bracket(text, match.start())
        kept.append(text[position : match.start()])
        notes[int(match.group(1))] = clean_line(text[match.end() : end])
        position = end + 1
    kept.append(text[position:])
    return " ".join(kept), notes


def _closing_bracket(text: str, start: int) -> int:
    """The index of the "]" that closes the "[" at ``start``, or the text's length."""
    depth = 0
    for index in range(start, len(text)):
        if text[index] == "[":
            depth += 1
        elif text[index] == "]":
            depth -= 1
            if depth == 0:
                return index
    return len(text)
