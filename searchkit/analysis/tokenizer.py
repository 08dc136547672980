"""Split text into words, keeping the character offsets that highlighting needs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from whoosh.analysis import Token, Tokenizer

# A number with separators ("2.23", "1.000.000", "3,5") is one token; otherwise a
# word is a run of letters and digits, joined by hyphens or apostrophes
# ("data-integratie", "F-35", "veiligheidsregio's", "’s-Gravenhage").
# A trailing hyphen ("Informatie- en Expertisecentra") is not part of the word.
WORD_PATTERN = re.compile(r"\d+(?:[.,]\d+)+(?!\w)|['’]?\w+(?:[-‐‑'’]\w+)*")


class WordTokenizer(Tokenizer):
    """Yields one token per word of :data:`WORD_PATTERN`, with positions and offsets."""

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other)

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        matches = WORD_PATTERN.finditer(value) if tokenize else _whole(value)
        for pos, match in enumerate(matches):
            token.text = match.group(0)
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = token.text
            if positions:
                token.pos = start_pos + pos
            if chars:
                token.startchar = start_char + match.start()
                token.endchar = start_char + match.end()
            yield token


def _whole(value: str) -> Iterator[re.Match[str]]:
    match = re.fullmatch(r"(?s).*", value)
    assert match is not None
    yield match
