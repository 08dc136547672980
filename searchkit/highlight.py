"""Highlighting: fragments of a passage around its matched words, in three formats."""

from __future__ import annotations

import html
from typing import Any, Literal

from whoosh.highlight import ContextFragmenter, Formatter, Highlighter, HtmlFormatter, get_text

HighlightFormat = Literal["plain", "ansi", "html"]
FORMATS: tuple[str, ...] = ("plain", "ansi", "html")

#: How plain-text highlights mark a matched word.
PLAIN_MARKERS = ("**", "**")
_ANSI_MARKERS = ("\x1b[1;33m", "\x1b[0m")
_BETWEEN = " … "


class MarkerFormatter(Formatter):
    """Surrounds each matched word by a start and an end marker."""

    between = _BETWEEN

    def __init__(self, start: str, end: str) -> None:
        self.start = start
        self.end = end

    def format_token(self, text: str, token: Any, replace: bool = False) -> str:
        return f"{self.start}{get_text(text, token, replace)}{self.end}"


def make_formatter(fmt: HighlightFormat) -> Formatter:
    """The formatter for ``plain`` markers, ``ansi`` colour or escaped ``html``."""
    if fmt == "plain":
        return MarkerFormatter(*PLAIN_MARKERS)
    if fmt == "ansi":
        return MarkerFormatter(*_ANSI_MARKERS)
    if fmt == "html":
        return HtmlFormatter(tagname="mark", classname="match", termclass="term", between=_BETWEEN)
    raise ValueError(f"unknown highlight format {fmt!r}; choose one of {', '.join(FORMATS)}")


def make_highlighter(fmt: HighlightFormat) -> Highlighter:
    """A highlighter that keeps fragments of up to ~300 characters around matches."""
    return Highlighter(
        fragmenter=ContextFragmenter(maxchars=300, surround=90),
        formatter=make_formatter(fmt),
    )


def lead(text: str, fmt: HighlightFormat, limit: int = 300) -> str:
    """The start of ``text`` when no word in it matched (it matched through its question)."""
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " …"
    return html.escape(text, quote=False) if fmt == "html" else text
