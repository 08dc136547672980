"""Dutch compound splitting: ``aanbestedingsregels`` → ``aanbesteding`` + ``regels``.

Dutch writes compounds as one word, so a search for ``aanbesteding`` must find
``aanbestedingsregels``. A word is split only with confidence: every part is a
word of the shipped lexicon in its own right, common enough, and the whole is
rarer than its parts (``kinderen`` is not ``kind`` + ``eren``) and not itself
common (``bestuur`` is not ``best`` + ``uur``); a particle or
preposition is never a first part (``onderzoek``, ``voorwaarden``) and a
derivational ending never a last one (``mogelijkheden``). Parts may be joined
by the linking morphemes -s-, -en-, -e- and -n-.
"""

from __future__ import annotations

from functools import cache, lru_cache

from searchkit.analysis.stopwords import dutch_stopwords
from searchkit.lexicon import dutch_lexicon

#: The Zipf frequency a first part (modifier) and a last part (head) need to count as words.
MIN_MODIFIER_ZIPF = 3.0
MIN_HEAD_ZIPF = 2.5
MIN_MODIFIER_LENGTH = 4
MIN_HEAD_LENGTH = 4
#: A three-letter head must be this common (``wet``, ``dag``, ``weg``).
MIN_SHORT_HEAD_ZIPF = 5.0
#: How much rarer than its rarest part a known word must be to count as a compound.
MIN_RARITY = 1.0
#: Words at least this common are lexicalised units (``bestuur``, ``ziekenhuis``): kept whole.
MAX_WORD_ZIPF = 4.5
#: Compounds of more parts than this are not split further.
MAX_PARTS = 3
_LINKS = ("", "s", "en", "e", "n")
# Words that begin many words without making them compounds.
_NOT_MODIFIERS = frozenset(
    "aan achter binnen boven buiten door heen langs mede neer omhoog onder over rond samen tegen "
    "terug tussen voor voort waar daar hier zelf".split()
)
# Words that end many words as derivations, not as the head of a compound.
_NOT_HEADS = frozenset(
    "heid heden schap schappen baar bare lijk lijke loos loze zaam zame achtig achtige ling lingen "
    "dom nis nissen erij ster sters tje tjes eren ere ing ingen age ren end ers ten ter".split()
)


@cache
def _folded_lexicon() -> dict[str, float]:
    """The lexicon with diacritics folded, as the analyzer's tokens are."""
    from whoosh.support.charset import accent_map

    folded = dict(dutch_lexicon())
    for word, zipf in dutch_lexicon().items():
        if not word.isascii():
            key = word.translate(accent_map)
            folded[key] = max(zipf, folded.get(key, 0.0))
    return folded


@lru_cache(maxsize=200_000)
def split_compound(word: str) -> tuple[str, ...]:
    """The parts of ``word`` (lowercase, folded) if it is confidently a compound, else ``()``."""
    lexicon = _folded_lexicon()
    frequency = lexicon.get(word, 0.0)
    if frequency >= MAX_WORD_ZIPF:
        return ()
    parts = _best_split(word, lexicon, MAX_PARTS)
    if len(parts) < 2 or frequency > min(lexicon[p] for p in parts) - MIN_RARITY:
        return ()
    return parts


def _best_split(word: str, lexicon: dict[str, float], max_parts: int) -> tuple[str, ...]:
    """The best split of ``word`` into known words, ``()`` if none.

    Fewer parts win; then the split whose rarest part is the most common; then
    the longer first part (``hebben`` + ``ontvangen``, not ``hebbe`` + n + …).
    """
    best: tuple[str, ...] = ()
    best_key: tuple[int, float, int] = (-max_parts - 1, 0.0, 0)
    for end in range(MIN_MODIFIER_LENGTH, len(word) - 2):
        modifier = word[:end]
        if not _is_modifier(modifier, lexicon):
            continue
        for link in _LINKS:
            rest = word[end:]
            if not rest.startswith(link):
                continue
            head = rest[len(link) :]
            tail: tuple[str, ...] = (head,) if _is_head(head, lexicon) else ()
            if not tail and max_parts > 2:
                tail = _best_split(head, lexicon, max_parts - 1)
            if not tail:
                continue
            parts = (modifier, *tail)
            key = (-len(parts), min(lexicon[p] for p in parts), len(modifier))
            if key > best_key:
                best, best_key = parts, key
    return best


def _is_modifier(word: str, lexicon: dict[str, float]) -> bool:
    return (
        lexicon.get(word, 0.0) >= MIN_MODIFIER_ZIPF
        and word not in _NOT_MODIFIERS
        and word not in _NOT_HEADS
        and word not in dutch_stopwords()
    )


def _is_head(word: str, lexicon: dict[str, float]) -> bool:
    zipf = lexicon.get(word, 0.0)
    long_enough = len(word) >= MIN_HEAD_LENGTH or (len(word) == 3 and zipf >= MIN_SHORT_HEAD_ZIPF)
    return long_enough and zipf >= MIN_HEAD_ZIPF and word not in _NOT_HEADS and word not in dutch_stopwords()
