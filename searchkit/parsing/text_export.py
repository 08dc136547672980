"""Plain text and Markdown documents, read into a :class:`Flow` by the reader for their kind.

Two kinds reach us as text: a ministry's Word file exported as text (one
paragraph a line: :mod:`searchkit.parsing.word_export`) and the text a PDF
extractor or converter gives of the published PDF (page furniture, wrapped and
glued lines, notes at the page bottoms: :mod:`searchkit.parsing.pdf_text`).
A text with the publisher's page furniture or Markdown page separators is PDF text.
"""

from __future__ import annotations

from searchkit.parsing import pdf_text, word_export
from searchkit.parsing.flow import Flow


def read_flow(text: str) -> Flow:
    """The paragraphs, footnotes and furniture of a cleaned text document, whatever its kind."""
    if pdf_text.looks_like_pdf_text(text.split("\n")):
        return pdf_text.read_flow(text)
    return word_export.read_flow(text)
