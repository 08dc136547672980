"""The common form every input format is read into before its questions are found.

A :class:`Flow` is a document's running text in reading order, one paragraph
per item (headings and header lines are paragraphs too), with page furniture
taken out and footnotes set apart: each paragraph lists the numbers of the
notes it references, and the notes themselves are in ``Flow.footnotes``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Paragraph:
    """One paragraph of running text, its footnote references taken out of the text."""

    text: str
    notes: list[int] = field(default_factory=list)


@dataclass
class Flow:
    """A document read into paragraphs, footnotes and the page furniture left out."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    footnotes: dict[int, str] = field(default_factory=dict)
    #: Header and footer lines removed from the pages ("ah-tk-20232024-1314", "ISSN …"):
    #: not content, but they can name the document.
    furniture: list[str] = field(default_factory=list)
