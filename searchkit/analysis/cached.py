"""Running an analysis chain word by word, with each word's terms remembered.

Every filter of the Dutch chain works on one word at a time (a stop word, a
compound, a stem do not depend on the words around them), and texts repeat
their words. So the chain is run once per distinct word, and a text's tokens
are assembled from the remembered results: the same terms, offsets and
positions as the chain gives, at a fraction of the cost.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from whoosh.analysis import Token
from whoosh.analysis.analyzers import Analyzer, CompositeAnalyzer

from searchkit.analysis.tokenizer import WORD_PATTERN

#: (term, start, end, stopped) of each token a word gives, offsets within the word.
WordTerms = tuple[tuple[str, int, int, bool], ...]
_CACHE_SIZE = 500_000


class WordCachedAnalyzer(Analyzer):
    """Gives what ``chain`` gives for a text, running it once per distinct word and mode."""

    def __init__(self, chain: CompositeAnalyzer) -> None:
        self.chain = chain
        self._init_cache()

    def _init_cache(self) -> None:
        self._word_terms = lru_cache(maxsize=_CACHE_SIZE)(self._analyze_word)

    def __getstate__(self) -> dict[str, Any]:
        return {"chain": self.chain}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.chain = state["chain"]
        self._init_cache()

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.chain == other.chain

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.chain!r})"

    def has_morph(self) -> bool:
        return self.chain.has_morph()

    def clean(self) -> None:
        self._word_terms.cache_clear()

    def _analyze_word(self, word: str, mode: str, removestops: bool) -> WordTerms:
        tokens = self.chain(word, chars=True, mode=mode, removestops=removestops)
        return tuple((t.text, t.startchar, t.endchar, t.stopped) for t in tokens)

    def terms(self, value: str, mode: str = "") -> list[str]:
        """The texts of the tokens the analyzer gives for ``value`` (stop words removed),
        without building tokens: for callers that need no positions or offsets."""
        found = self._word_terms
        return [text for word in WORD_PATTERN.findall(value) for text, _, _, _ in found(word, mode, True)]

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
        if not tokenize:
            yield from self.chain(
                value, positions=positions, chars=chars, tokenize=False, mode=mode, **kwargs
            )
            return
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        pos = start_pos - 1
        for match in WORD_PATTERN.finditer(value):
            terms = self._word_terms(match.group(0), mode, removestops)
            if any(not stopped for _, _, _, stopped in terms):
                pos += 1  # stop words leave no gap: a phrase matches across them
            offset = start_char + match.start()
            for text, start, end, stopped in terms:
                token.text = text
                token.stopped = stopped
                token.boost = 1.0
                if keeporiginal:
                    token.original = match.group(0)
                if positions:
                    token.pos = max(pos, start_pos)
                if chars:
                    token.startchar, token.endchar = offset + start, offset + end
                yield token
