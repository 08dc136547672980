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
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from whoosh.support.charset import accent_map

from searchkit.analysis.stemming import stem
from searchkit.analysis.tokenizer import WORD_PATTERN
from searchkit.errors import SearchkitError
from searchkit.shipped import read_text
from searchkit.wildcards import WILDCARD_WORD

# Quoted phrases, field clauses and wildcard words are not expanded.
_PROTECTED = re.compile(rf'"[^"]*"?|[^\W\d]\w*:(?:"[^"]*"?|\[[^\]]*\]?|\S*)|{WILDCARD_WORD.pattern}')
_MAX_CAPITAL_ABBREVIATION = 5


@dataclass(frozen=True)
class _Form:
    text: str
    words: tuple[str, ...]
    capitals: bool


@lru_cache(maxsize=50_000)  # the tables repeat their words; a query process builds them once
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
        weighted = [(group, 1.0) for group in groups] + [(group, RELATED_WEIGHT) for group in related]
        weighted = [(group, weight) for group, weight in weighted if len(group) > 1]
        self.groups = [group for group, _ in weighted]
        self._weights = [weight for _, weight in weighted]
        self._by_first: dict[str, list[tuple[_Form, int]]] = {}
        for number, group in enumerate(self.groups):
            for text in group:
                form = _Form(text, _words(text), _is_capital_abbreviation(text))
                if form.words:
                    self._by_first.setdefault(form.words[0], []).append((form, number))
        for candidates in self._by_first.values():
            candidates.sort(key=lambda item: -len(item[0].words))

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
            form, number = match
            start, end = words[i].start(), words[i + len(form.words) - 1].end()
            weight = self._weights[number]
            others = [
                f'"{other}"' + (f"^{weight}" if weight != 1 else "")
                for other in self.groups[number]
                if _words(other) != form.words
            ]
            # A name is a phrase; related words typed stay words, as without the table.
            typed = text[start:end] if weight != 1 else f'"{text[start:end]}"'
            forms = [typed, *others]
            out += [text[last:start], "(", " OR ".join(forms), ")"]
            last = end
            i += len(form.words)
        out.append(text[last:])
        return "".join(out)

    def _match(self, words: list[re.Match[str]], normal: list[str], i: int) -> tuple[_Form, int] | None:
        for form, number in self._by_first.get(normal[i], []):
            n = len(form.words)
            typed = words[i : i + n]
            if tuple(normal[i : i + n]) != form.words:
                continue
            if form.capitals and not all(_is_capital_abbreviation(m.group(0)) for m in typed):
                continue
            return form, number
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


@cache
def default_table(extra: Path | None = None) -> SynonymTable:
    """The shipped tables, plus the groups of a user's ``extra`` file."""
    groups = read_table(read_text("synonyms_nl.tsv"))
    related = read_table(read_text("related_nl.tsv"))
    if extra is not None:
        try:
            groups += read_table(extra.read_text("utf-8"))
        except OSError as error:
            raise SearchkitError(
                f"{extra}: cannot read the synonyms file: {error.strerror or error}"
            ) from error
        except UnicodeDecodeError as error:
            raise SearchkitError(f"{extra}: cannot read the synonyms file: it is not UTF-8 text") from error
    return SynonymTable(groups, related)
