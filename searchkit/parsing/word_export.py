"""A ministry's Word file exported as plain text, read into a :class:`Flow`.

The export has one paragraph a line; a line that starts in lowercase right
after a line that ends mid-sentence continues it (a line break inside a Word
paragraph). Header lines such as "AH 602" and "2024Z17165" stay paragraphs of
the header. Footnotes come in two forms: a marker ``[footnoteRef:N]`` with the
note ``[N: …]`` inline later on the line (``[bookmark: …]`` anchors are
noise), or a mark "1)" after the text with the notes ("1) Kamerstuk …") at the
end of the document.
"""

from __future__ import annotations

import re

from searchkit.parsing.cleanup import clean_line
from searchkit.parsing.flow import Flow, Paragraph
from searchkit.parsing.furniture import split_furniture
from searchkit.parsing.structure import is_heading
from searchkit.parsing.words import join_lines

_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]", re.IGNORECASE)
_FOOTNOTE_MARKER = re.compile(r"\[footnoteRef:\s*(\d+)\s*\]", re.IGNORECASE)
_NOTE_START = re.compile(r"\[(\d+):")
# A note at the end: "1) Kamerstuk 19637, nr. 3203".
_END_NOTE = re.compile(r"(?P<number>\d{1,2})\)\s*(?P<text>\S.*)")
# A mark after the text: "…stoplicht'? 1)".
_PAREN_MARK = re.compile(r"(?<=\S)\s?(?P<number>\d{1,2})\)(?=\s|$)")
_SENTENCE_STOP = re.compile(r"[.?!»’'\"”]$")
_ENDS_SENTENCE = re.compile(r"[.?!:;][)»”’'\"]*$")
_LIST_ITEM = re.compile(r"(?:[a-z]|\d{1,2})[.)]\s|[–•▪·-]\s")


def read_flow(text: str) -> Flow:
    """The paragraphs and footnotes of a cleaned text export; furniture ("ISSN …") set apart."""
    end_notes, lines = _end_notes(text.split("\n"))
    flow = Flow(footnotes=dict(end_notes))
    after_blank = True
    for raw in lines:
        line, notes = _take_notes(_BOOKMARK.sub("", raw))
        flow.footnotes.update(notes)
        markers = [int(number) for number in _FOOTNOTE_MARKER.findall(line)]
        furniture, line = split_furniture(clean_line(_FOOTNOTE_MARKER.sub("", line)))
        flow.furniture.extend(furniture)
        line, marks = _take_marks(line, end_notes)
        if not line:
            after_blank = True
            continue
        if not after_blank and flow.paragraphs and _continues(flow.paragraphs[-1].text, line):
            last = flow.paragraphs[-1]
            last.text, last.notes = join_lines(last.text, line), [*last.notes, *markers, *marks]
        else:
            flow.paragraphs.append(Paragraph(line, markers + marks))
        after_blank = False
    return flow


def _continues(text: str, line: str) -> bool:
    """Whether ``line`` goes on with the paragraph ``text``: mid-sentence, then lowercase."""
    if is_heading(text) or is_heading(line) or _ENDS_SENTENCE.search(text) or _LIST_ITEM.match(line):
        return False
    return line[0].islower()


def _end_notes(lines: list[str]) -> tuple[dict[int, str], list[str]]:
    """The notes "1) …" after the last heading that the text before them marks, and the other lines."""
    last_heading = max((i for i, line in enumerate(lines) if is_heading(line.strip())), default=-1)
    notes: dict[int, str] = {}
    kept = list(lines)
    for index in range(last_heading + 1, len(lines)):
        match = _END_NOTE.fullmatch(lines[index].strip())
        if match is None or int(match["number"]) != len(notes) + 1:
            continue
        number = int(match["number"])
        if number not in _marked_numbers("\n".join(lines[:index])):
            continue
        notes[number] = clean_line(match["text"])
        kept[index] = ""
    return notes, kept


def _marked_numbers(text: str) -> set[int]:
    """The numbers marked "N)" in ``text`` as footnote references."""
    return {
        int(match["number"])
        for line in text.split("\n")
        for match in _PAREN_MARK.finditer(line)
        if _closes_no_bracket(line, match.start())
    }


def _take_marks(line: str, notes: dict[int, str]) -> tuple[str, list[int]]:
    """The line without its "N)" footnote marks, and the numbers of the notes they mark.

    A mark is taken out when its note exists, or when it stands at the end of the
    line after a sentence (its note missing from the file); "(zie bijlage 1)" is text.
    """
    numbers: list[int] = []
    for match in reversed(list(_PAREN_MARK.finditer(line))):
        number = int(match["number"])
        if not _closes_no_bracket(line, match.start()):
            continue
        at_end = match.end() == len(line) and _SENTENCE_STOP.search(line[: match.start()].rstrip())
        if number in notes or at_end:
            line = (line[: match.start()] + line[match.end() :]).rstrip()
            if number in notes:
                numbers.insert(0, number)
    return line, numbers


def _closes_no_bracket(line: str, position: int) -> bool:
    """Whether the ")" of a mark at ``position`` closes no bracket opened before it on the line."""
    before = line[:position]
    return before.count("(") <= before.count(")")


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
