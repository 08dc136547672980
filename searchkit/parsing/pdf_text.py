"""Text extracted from a published PDF (plain, or Markdown from a PDF converter), read into a Flow.

Page furniture (the page-1 header block with the document's number, the
footers "ah-tk-…", "ISSN …", "Tweede Kamer, vergaderjaar …, Aanhangsel 2")
goes to ``Flow.furniture``, also where a footer runs into the next line's text;
Markdown page separators ("-----") end pages too. The notes at each page's
bottom become ``Flow.footnotes`` and their references marks on the paragraphs
(:mod:`searchkit.parsing.pdf_notes`). Lines wrapped inside a paragraph are
joined again (undoing line-end hyphenation), also across a page break; a
paragraph ends where a line ends a sentence and the next starts one, and at
every heading. Text the extractor glued is pulled apart by
:mod:`searchkit.parsing.unglue`.
"""

from __future__ import annotations

import re

from searchkit.parsing.flow import Flow, Paragraph
from searchkit.parsing.furniture import split_furniture
from searchkit.parsing.marks import MARK_PATTERN, mark, strip_marks, take_marks
from searchkit.parsing.pdf_notes import BodyLine, find_notes, mark_references
from searchkit.parsing.structure import is_heading
from searchkit.parsing.unglue import repair_paragraph, repair_text
from searchkit.parsing.words import join_lines

_PAGE_SEPARATOR = re.compile(r"-{3,}|\*{3,}|_{3,}")
_ID = re.compile(r"ah-(?:tk|ek)-\d{8}-\d+", re.IGNORECASE)
_DOCUMENT_NUMBER = re.compile(r"\d{1,5}")
_FOOTER_WITHOUT_NUMBER = re.compile(r"Aanhangsel$")
# A heading with the question's text glued to it: "Vraag 1Klopt het dat …".
_GLUED_HEADING = re.compile(
    r"(?:Vraag|Vragen|Antwoord|Antwoorden)(?: op vra(?:ag|gen))? \d+(?:(?:, ?| en | t/m |-)\d+)*:?(?=[A-Z])"
)
# A Markdown heading's marks: "## Vraag 1".
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
# A Markdown footnote reference: "beleid?[1 ]", "beleid[^1]".
_MARKDOWN_REFERENCE = re.compile(r"(?<=\S)\s?\[\^?(\d{1,3})\s*\]")
_ENDS_SENTENCE = re.compile(rf"[.?!:;][)»”’\"]*(?:{MARK_PATTERN})*$")
_STARTS_SENTENCE = re.compile(r"[A-ZÀ-Þ0-9«“‘(\[]|[–•▪·-]\s|[a-z][.)]\s")
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:nr|art|blz|ca|jl|p|pag|bijv|resp)|\.[^\W\d_]{1,3})\.$", re.IGNORECASE
)
# "CO" at a line end with its subscript "2" opening the next line ("2-heffing").
_SUBSCRIPT_BEFORE = re.compile(r"(?<!\S)[A-Z]{1,3}$")
_SUBSCRIPT = re.compile(r"\d(?=-|\s[a-z]|$)")
_WORDS = re.compile(r"[^\W\d_]{5,}")


def looks_like_pdf_text(lines: list[str]) -> bool:
    """Whether ``lines`` come from a PDF: they hold page furniture or Markdown page separators."""
    for line in lines:
        if _PAGE_SEPARATOR.fullmatch(line):
            return True
        pieces, _ = split_furniture(line)
        if any(not _ID.fullmatch(piece) for piece in pieces):
            return True
    return False


def read_flow(text: str) -> Flow:
    """The paragraphs, footnotes and furniture of cleaned text extracted from a PDF."""
    furniture, pages = _pages([_plain_markdown(line) for line in text.split("\n")])
    body, notes = find_notes(pages)
    written_whole = {word.lower() for word in _WORDS.findall(text)}
    flow = Flow(furniture=furniture)
    flow.footnotes = {number: repair_text(note, written_whole) for number, note in notes.text.items()}
    for paragraph in _paragraphs(mark_references(body, notes)):
        pieces = [paragraph] if is_heading(paragraph) else repair_paragraph(paragraph, written_whole)
        for piece in pieces:
            clean, numbers = take_marks(piece)
            if clean:
                flow.paragraphs.append(
                    Paragraph(clean, [number for number in numbers if number in notes.text])
                )
    return flow


def _plain_markdown(line: str) -> str:
    """A line without Markdown heading marks and emphasis, its references "[1 ]" as marks."""
    line = _MARKDOWN_HEADING.sub("", line).replace("**", "")
    return _MARKDOWN_REFERENCE.sub(lambda match: mark(int(match.group(1))), line).strip()


def _pages(lines: list[str]) -> tuple[list[str], list[list[str]]]:
    """The page furniture, and the other lines of each page (running text, then notes)."""
    furniture: list[str] = []
    pages: list[list[str]] = [[]]
    for line in lines:
        if _PAGE_SEPARATOR.fullmatch(line):
            pages.append([])
            continue
        pieces, line = split_furniture(line)
        if pieces:
            furniture.extend(pieces)
            pages.append([])
        elif _DOCUMENT_NUMBER.fullmatch(line) and furniture and _is_furniture_number(furniture[-1], pages):
            furniture.append(line)
            continue
        if line:
            pages[-1].extend(_unglue_heading(line))
    return furniture, [page for page in pages if page]


def _is_furniture_number(last_furniture: str, pages: list[list[str]]) -> bool:
    """Whether a line holding only a number is furniture: the document's number under the
    page-1 header, or a page number on its own line after a footer that lacks one."""
    return not any(pages) or (not pages[-1] and _FOOTER_WITHOUT_NUMBER.search(last_furniture) is not None)


def _unglue_heading(line: str) -> list[str]:
    """A line as one line, or as heading and text when the text was glued to its heading."""
    match = _GLUED_HEADING.match(line)
    if match is None:
        return [line]
    return [match.group(0), line[match.end() :]]


def _paragraphs(lines: list[BodyLine]) -> list[str]:
    """The paragraphs the running text's lines make: wrapped lines joined, headings apart."""
    paragraphs: list[str] = []
    current: str | None = None
    for line in lines:
        text = line.text
        if is_heading(text):
            paragraphs.extend([*([current] if current else []), text])
            current = None
        elif current is None:
            if line.glued and paragraphs and not is_heading(paragraphs[-1]):
                current = paragraphs.pop() + text
            else:
                current = text
        elif line.glued or _is_subscript(current, text):
            current += text
        elif _breaks(current, text):
            paragraphs.append(current)
            current = text
        else:
            current = join_lines(current, text)
    if current:
        paragraphs.append(current)
    return paragraphs


def _breaks(text: str, line: str) -> bool:
    """Whether ``line`` starts a new paragraph after ``text``: a sentence ends, another starts."""
    end = strip_marks(text)
    return bool(_ENDS_SENTENCE.search(end) and _STARTS_SENTENCE.match(line)) and not _ABBREVIATION_END.search(
        end
    )


def _is_subscript(text: str, line: str) -> bool:
    """Whether ``line`` opens with the subscript of a formula ending ``text`` ("CO" + "2-heffing")."""
    return bool(_SUBSCRIPT_BEFORE.search(text) and _SUBSCRIPT.match(line))
