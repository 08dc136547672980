"""Query-time synonyms: an abbreviation and its full form find each other.

The table (``data/synonyms_nl.tsv``, see ``data/SYNONYMS.md``) holds one group
of equivalent forms per line, separated by tabs. A query that contains a form
(``Woo``) is searched as if it said ``("Woo" OR "Wet open overheid")``. A second
table (``data/related_nl.tsv``) holds near-synonyms of policy language
(``bezuiniging``, *korting*, *besparing*): they are searched with a lower
weight, ``(bezuiniging OR "korting"^0.7 OR "besparing"^0.7)``. Forms
are matched word by word, folded and stemmed as the index is, and searched as
phrases; an abbreviation
in capitals (``OM``) only matches when typed in capitals, so the word ``om``
stays a word.

Analysing the shipped tables' forms takes ~10 ms, a tenth of a cold
``searchkit query``: a build stores them analysed in the index
(:func:`save_shipped_table`), and opening the index loads them from there
when they were analysed from the same tables by the same analysis.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path

from whoosh.support.charset import accent_map

from searchkit.analysis import ANALYZER_VERSION
from searchkit.analysis.stemming import stem
from searchkit.analysis.tokenizer import WORD_PATTERN
from searchkit.errors import SearchkitError
from searchkit.shipped import read_bytes, read_text
from searchkit.wildcards import WILDCARD_WORD

# Quoted phrases, field clauses and wildcard words are not expanded.
_PROTECTED = re.compile(rf'"[^"]*"?|[^\W\d]\w*:(?:"[^"]*"?|\[[^\]]*\]?|\S*)|{WILDCARD_WORD.pattern}')
_MAX_CAPITAL_ABBREVIATION = 5


# A form of a group as the table looks it up: its analysed words, whether it is an
# abbreviation in capitals, and the number of its group. Plain tuples: they load fast.
_Form = tuple[tuple[str, ...], bool, int]


@lru_cache(maxsize=50_000)  # the tables repeat their words, and queries the words of the tables
def _normal(word: str) -> str:
    folded = word.lower().translate(accent_map).replace("'", "").replace("’", "")
    return stem(folded) if folded.isalpha() else folded


def _words(text: str) -> tuple[str, ...]:
    return tuple(_normal(match.group(0)) for match in WORD_PATTERN.finditer(text))


def _is_capital_abbreviation(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return 0 < len(letters) <= _MAX_CAPITAL_ABBREVIATION and all(c.isupper() for c in letters)


#: The weight of a near-synonym relative to the form typed.
RELATED_WEIGHT = 0.7


class SynonymTable:
    """Groups of equivalent forms, and groups of related ones, looked up by their first word."""

    def __init__(self, groups: Iterable[tuple[str, ...]], related: Iterable[tuple[str, ...]] = ()) -> None:
        self.groups: list[tuple[str, ...]] = []
        self._weights: list[float] = []
        self._by_first: dict[str, list[_Form]] = {}
        self._add(groups, 1.0)
        self._add(related, RELATED_WEIGHT)

    def with_groups(self, groups: Iterable[tuple[str, ...]]) -> SynonymTable:
        """A copy of this table with more groups of equivalent forms (a user's own)."""
        table = SynonymTable(())
        table.groups, table._weights = list(self.groups), list(self._weights)
        table._by_first = {first: list(candidates) for first, candidates in self._by_first.items()}
        table._add(groups, 1.0)
        return table

    def _add(self, groups: Iterable[tuple[str, ...]], weight: float) -> None:
        firsts = set()
        for group in groups:
            if len(group) < 2:
                continue
            number = len(self.groups)
            self.groups.append(group)
            self._weights.append(weight)
            for text in group:
                words = _words(text)
                if words:
                    self._by_first.setdefault(words[0], []).append(
                        (words, _is_capital_abbreviation(text), number)
                    )
                    firsts.add(words[0])
        # The longest form wins; of forms as long, a synonym before a related word.
        for first in firsts:
            self._by_first[first].sort(key=lambda form: (-len(form[0]), -self._weights[form[2]]))

    def expand(self, query: str) -> str:
        """``query`` with each form of a group replaced by ``("form" OR "other" OR …)``.

        Quoted phrases, field clauses and wildcard words are left as they are.
        """
        out: list[str] = []
        last = 0
        for start, end in _free_spans(query):
            out.append(query[last:start])
            out.append(self._expand_span(query[start:end]))
            last = end
        out.append(query[last:])
        return "".join(out)

    def _expand_span(self, text: str) -> str:
        words = list(WORD_PATTERN.finditer(text))
        normal = [_normal(m.group(0)) for m in words]
        out: list[str] = []
        last = 0
        i = 0
        while i < len(words):
            match = self._match(words, normal, i)
            if match is None:
                i += 1
                continue
            form_words, number = match
            start, end = words[i].start(), words[i + len(form_words) - 1].end()
            weight = self._weights[number]
            others = [
                f'"{other}"' + (f"^{weight}" if weight != 1 else "")
                for other in self.groups[number]
                if _words(other) != form_words
            ]
            # A name is a phrase; related words typed stay words, as without the table.
            typed = text[start:end] if weight != 1 else f'"{text[start:end]}"'
            forms = [typed, *others]
            out += [text[last:start], "(", " OR ".join(forms), ")"]
            last = end
            i += len(form_words)
        out.append(text[last:])
        return "".join(out)

    def _match(
        self, words: list[re.Match[str]], normal: list[str], i: int
    ) -> tuple[tuple[str, ...], int] | None:
        """The analysed words and group number of the longest form starting at word ``i``."""
        for form_words, capitals, number in self._by_first.get(normal[i], []):
            n = len(form_words)
            if tuple(normal[i : i + n]) != form_words:
                continue
            if capitals and not all(_is_capital_abbreviation(m.group(0)) for m in words[i : i + n]):
                continue
            return form_words, number
        return None


def _free_spans(query: str) -> list[tuple[int, int]]:
    """The stretches of ``query`` outside quoted phrases and field clauses."""
    spans = []
    start = 0
    for protected in _PROTECTED.finditer(query):
        spans.append((start, protected.start()))
        start = protected.end()
    spans.append((start, len(query)))
    return [(a, b) for a, b in spans if b > a]


def read_table(text: str) -> list[tuple[str, ...]]:
    """The groups of a synonyms file: tab-separated forms per line, ``#`` comments."""
    groups = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            groups.append(tuple(form.strip() for form in line.split("\t") if form.strip()))
    return groups


#: The file in an index generation that holds the shipped tables analysed.
SHIPPED_TABLE_FILE = "synonyms.pickle"
_SHIPPED_FILES = ("synonyms_nl.tsv", "related_nl.tsv", "stem_overrides_nl.tsv")
#: Bump when :class:`SynonymTable` keeps its forms otherwise: stored tables are then analysed afresh.
_STORED_FORMAT = 1


def table(generation: Path | None = None, extra: Path | None = None) -> SynonymTable:
    """The shipped tables (analysed as ``generation`` stored them, when it did), plus the
    groups of a user's ``extra`` file."""
    shipped = _shipped_table(generation)
    if extra is None:
        return shipped
    try:
        return shipped.with_groups(read_table(extra.read_text("utf-8")))
    except OSError as error:
        raise SearchkitError(f"{extra}: cannot read the synonyms file: {error.strerror or error}") from error
    except UnicodeDecodeError as error:
        raise SearchkitError(f"{extra}: cannot read the synonyms file: it is not UTF-8 text") from error


# The shipped tables analysed, once obtained: tables of one version are the same whichever
# index stored them, so the first serves every index the process opens.
_shipped: SynonymTable | None = None


def _shipped_table(generation: Path | None) -> SynonymTable:
    global _shipped
    if _shipped is None:
        stored = _stored_table(generation) if generation is not None else None
        _shipped = stored if stored is not None else _analysed_shipped_table()
    return _shipped


def _stored_table(generation: Path) -> SynonymTable | None:
    """The tables ``generation`` stored, if the same tables and analysis made them."""
    try:
        version, stored = pickle.loads((generation / SHIPPED_TABLE_FILE).read_bytes())
    except Exception:  # missing, unreadable, damaged or from another Python: analysed afresh
        return None
    return stored if version == _shipped_version() and isinstance(stored, SynonymTable) else None


@cache
def _analysed_shipped_table() -> SynonymTable:
    return SynonymTable(read_table(read_text("synonyms_nl.tsv")), read_table(read_text("related_nl.tsv")))


@cache
def _shipped_version() -> str:
    """What the analysed tables depend on: the analysis, how they are kept, the shipped files."""
    digest = hashlib.sha1(f"{ANALYZER_VERSION} {_STORED_FORMAT}".encode())
    for name in _SHIPPED_FILES:
        digest.update(read_bytes(name))
    return digest.hexdigest()


def save_shipped_table(generation: Path) -> None:
    """Stores the shipped tables, analysed, in the index ``generation`` being written."""
    temporary = generation / f"{SHIPPED_TABLE_FILE}.tmp-{os.getpid()}"
    temporary.write_bytes(
        pickle.dumps((_shipped_version(), _analysed_shipped_table()), pickle.HIGHEST_PROTOCOL)
    )
    os.replace(temporary, generation / SHIPPED_TABLE_FILE)
