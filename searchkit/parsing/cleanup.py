"""Text cleanup shared by all document formats: odd spaces, invisible and control characters, line ends."""

from __future__ import annotations

import re

# Characters that take no room and carry no text: zero-width space, non-joiner and
# joiner, word joiner, byte order mark (zero-width no-break space) and soft hyphen.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Control characters that are not whitespace (escape, bell, NUL, DEL, C1 controls): no
# document means them, and printed they could drive a terminal. Each becomes a space.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
# Any whitespace but a newline: tabs, non-breaking spaces (U+00A0, U+202F, U+2007),
# the typographic spaces U+2000-U+200A, form feeds and so on; runs become one space.
_SPACES = re.compile(r"[^\S\n]+")
_LINE_BREAK = re.compile(r"\r\n?")


def clean_line(line: str) -> str:
    """One line with invisible characters removed, control characters and every run of
    whitespace one space, trimmed."""
    return _SPACES.sub(" ", _CONTROL.sub(" ", _INVISIBLE.sub("", line))).strip()


def clean_text(text: str) -> str:
    """The text with ``\\n`` line ends (from CRLF or CR) and every line cleaned by :func:`clean_line`."""
    return "\n".join(clean_line(line) for line in _LINE_BREAK.sub("\n", text).split("\n"))
