"""Highlighting: fragments of a passage around its matched words, in three formats."""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any, Literal

from whoosh.analysis import Token
from whoosh.highlight import (
    BasicFragmentScorer,
    ContextFragmenter,
    Formatter,
    Fragment,
    HtmlFormatter,
    WholeFragmenter,
    get_text,
    top_fragments,
)

from searchkit.analysis import dutch_analyzer

HighlightFormat = Literal["plain", "ansi", "html"]
FORMATS: tuple[str, ...] = ("plain", "ansi", "html")

#: How plain-text highlights mark a matched word.
PLAIN_MARKERS = ("**", "**")
_ANSI_MARKERS = ("\x1b[1;33m", "\x1b[0m")
_ELLIPSIS = "…"
#: Passages up to this length are shown whole; longer ones as fragments around matches.
WHOLE_PASSAGE_CHARS = 400


class _Elided:
    """Joins fragments with an ellipsis and marks text left out before and after."""

    between = f" {_ELLIPSIS} "

    def format(self, fragments: Iterable[Fragment], replace: bool = False) -> str:
        fragments = list(fragments)
        if not fragments:
            return ""
        body = self.between.join(self.format_fragment(f, replace=replace) for f in fragments)  # type: ignore[attr-defined]
        head = f"{_ELLIPSIS} " if fragments[0].startchar > 0 else ""
        tail = f" {_ELLIPSIS}" if fragments[-1].endchar < len(fragments[-1].text) else ""
        return head + body + tail


class MarkerFormatter(_Elided, Formatter):
    """Surrounds each matched word by a start and an end marker."""

    def __init__(self, start: str, end: str) -> None:
        self.start = start
        self.end = end

    def format_token(self, text: str, token: Any, replace: bool = False) -> str:
        return f"{self.start}{get_text(text, token, replace)}{self.end}"


class EscapingHtmlFormatter(_Elided, HtmlFormatter):
    """Matched words in ``<mark>``; all text HTML-escaped."""


def make_formatter(fmt: HighlightFormat) -> Formatter:
    """The formatter for ``plain`` markers, ``ansi`` colour or escaped ``html``."""
    if fmt == "plain":
        return MarkerFormatter(*PLAIN_MARKERS)
    if fmt == "ansi":
        return MarkerFormatter(*_ANSI_MARKERS)
    if fmt == "html":
        return EscapingHtmlFormatter(tagname="mark", classname="match", termclass="term")
    raise ValueError(f"unknown highlight format {fmt!r}; choose one of {', '.join(FORMATS)}")


class PassageHighlighter:
    """Highlights matched words in a hit's passage: whole when short, else fragments.

    The passage is analysed as a query is, so that no lexicon is needed, and a
    word counts as matched when its term is a matched term or holds one: the
    compound ``aanbestedingsregels`` is marked for a match on ``aanbesteding``.
    Terms in ``also`` are marked wherever they occur.
    """

    #: Matched terms shorter than this only mark words they equal.
    MIN_PART = 4

    def __init__(self, fmt: HighlightFormat, also: Iterable[str] = ()) -> None:
        self.fmt = fmt
        #: Terms marked wherever they occur: those a wildcard word stands for.
        self.also = frozenset(also)
        self._formatter = make_formatter(fmt)
        self._whole = WholeFragmenter()
        self._fragments = ContextFragmenter(maxchars=WHOLE_PASSAGE_CHARS, surround=120)
        self._analyzer = dutch_analyzer()
        self._scorer = BasicFragmentScorer()

    def __call__(self, hit: Any, fieldname: str) -> str:
        text = hit[fieldname]
        terms = {term.decode("utf-8") for field, term in hit.matched_terms() if field == fieldname}
        fragmenter = self._whole if len(text) <= WHOLE_PASSAGE_CHARS else self._fragments
        tokens = self._marked(self._analyzer(text, chars=True, mode="query", removestops=False), terms)
        fragments = top_fragments(
            fragmenter.fragment_tokens(text, tokens), 2, self._scorer, lambda f: f.startchar, 1
        )
        return self._formatter.format(fragments) or self.lead(text)

    def _marked(self, tokens: Iterable[Token], terms: set[str]) -> Iterable[Token]:
        parts = [term for term in terms if len(term) >= self.MIN_PART]
        for t in tokens:
            t.matched = not t.stopped and (
                t.text in terms or t.text in self.also or any(part in t.text for part in parts)
            )
            yield t

    def lead(self, text: str) -> str:
        """The start of ``text``, for a passage that matched through its question only."""
        if len(text) > WHOLE_PASSAGE_CHARS:
            text = text[:WHOLE_PASSAGE_CHARS].rsplit(" ", 1)[0] + f" {_ELLIPSIS}"
        return html.escape(text, quote=False) if self.fmt == "html" else text
