"""Properties that hold for any input: the analyzer, highlighting and the query layer never break."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import searchkit
from searchkit import Index, QueryError
from searchkit.analysis import dutch_analyzer
from searchkit.highlight import PassageHighlighter

# Any text, with the characters Dutch documents and users bring: diacritics as
# combining marks, apostrophes, hyphens, digits, punctuation, emoji, controls.
TEXT = st.text(
    alphabet=st.one_of(
        st.characters(),
        st.sampled_from(list("aeëéïoöu ’'‘-‑–—.,:;?!()[]\"*/&0123456789\u0308\u0301\u00a0\u200b")),
    ),
    max_size=400,
)


@given(TEXT, st.sampled_from(["index", "query"]))
def test_analyzer_offsets_always_point_into_the_text(text: str, mode: str) -> None:
    for token in dutch_analyzer()(text, chars=True, positions=True, mode=mode, removestops=False):
        assert 0 <= token.startchar < token.endchar <= len(text)
        assert token.text


def test_analyzer_survives_a_megabyte_line() -> None:
    line = "aanbestedingsregels ‘de Raffinaderij’ geïnformeerd, data-integratie " * 15_000
    tokens = list(dutch_analyzer()(line, chars=True, mode="index"))
    assert len(tokens) > 60_000
    assert tokens[-1].endchar <= len(line)


class _Hit:
    """Enough of a whoosh hit for the highlighter: the stored text and the matched terms."""

    def __init__(self, text: str, terms: set[str]) -> None:
        self._text, self._terms = text, terms

    def __getitem__(self, field: str) -> str:
        return self._text

    def matched_terms(self) -> Iterator[tuple[str, bytes]]:
        return iter(("text", term.encode("utf-8")) for term in self._terms)


@given(TEXT, st.data())
def test_highlight_without_markers_is_the_source(text: str, data: st.DataObject) -> None:
    """A short passage comes back whole: taking out the markers gives the text itself."""
    terms = sorted({t.text for t in dutch_analyzer()(text, mode="query")})
    chosen = set(data.draw(st.lists(st.sampled_from(terms), max_size=3))) if terms else set()
    highlight = PassageHighlighter("plain")(_Hit(text, chosen), "text")
    if "**" in text or "…" in text:
        return  # the markers would be ambiguous
    assert highlight.replace("**", "") == text
    escaped = PassageHighlighter("html")(_Hit(text, chosen), "text")
    assert "<" not in escaped.replace("<mark", "").replace("</mark>", "").replace('class="match term">', "")


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Index]:
    with searchkit.build_index([SEEDS], tmp_path_factory.mktemp("seed")) as built:
        yield built


QUERY = st.one_of(
    TEXT,
    st.lists(
        st.sampled_from(
            [
                '"',
                "(",
                ")",
                "AND",
                "OR",
                "NOT",
                "EN",
                "OF",
                "NIET",
                "vraag:",
                "datum:",
                "minister:",
                "foo:",
                "[",
                "]",
                "TO",
                "*",
                "aanbested*",
                "*regels",
                "aanbest?ding",
                "?",
                "aanbesteding",
                "palantir",
                "de",
                "2.23",
                "F-35",
                "’s-Gravenhage",
                "🙂",
                "\x00",
                "datum:[2024-01-01 TO",
                "vraag:(5 OR",
                "a:b:c",
                "—",
                "::",
            ]
        ),
        max_size=12,
    ).map(" ".join),
)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(QUERY)
def test_any_query_is_searched_or_refused_clearly(index: Index, query: str) -> None:
    try:
        hits = index.search(query)
    except QueryError as error:
        assert str(error) and "\n" not in str(error)
        return
    assert all(isinstance(hit, searchkit.Hit) for hit in hits)
    suggestion = index.did_you_mean(query)
    assert suggestion is None or isinstance(suggestion, str)


def test_very_long_query_is_refused_clearly(index: Index) -> None:
    query = "aanbesteding palantir " * 2_500  # 55,000 characters
    with pytest.raises(QueryError, match="^the query has 5000 words; at most 64 are searched: shorten it$"):
        index.search(query)
    assert index.search(" ".join(["palantir"] * 64))
