"""Tests of searchkit.analysis: the terms the Dutch chain makes, their offsets and positions."""

from __future__ import annotations

import re

import pytest
from conftest import SEED

from searchkit.analysis import analyze, dutch_analyzer, name_analyzer
from searchkit.analysis.compounds import split_compound
from searchkit.analysis.stemming import stem


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text("utf-8")


# --- the terms ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mode", "terms"),
    [
        # lowercasing and diacritic folding
        ("Palantir", "query", ["palantir"]),
        ("beëindigd", "index", ["beeindigd"]),
        ("beeindigd", "query", ["beeindigd"]),
        ("geïnformeerd", "index", ["geinformeerd"]),
        ("Financiën", "query", ["financien"]),
        ("casuïstiek", "index", ["casuistiek"]),
        # stop words go, the words around them stay
        ("de het een", "index", []),
        ("de het een", "query", []),
        ("de heimelijke verwerving van het project", "index", ["heimelijk", "verwerv", "project"]),
        # negation is not a stop word (Snowball stems "geen" to "gen")
        ("niet", "index", ["niet"]),
        ("geen gebruik", "query", ["gen", "gebruik"]),
        # numbers stay whole
        ("art. 2.23, lid 1", "index", ["art", "2.23", "lid", "1"]),
        ("1.000.000", "query", ["1.000.000"]),
        ("3,5 procent", "index", ["3,5", "procent"]),
        # apostrophes
        ("veiligheidsregio's", "query", ["veiligheidsregio"]),
        ("Veiligheidsregio’s", "query", ["veiligheidsregio"]),
        ("RIEC's", "index", ["riec"]),
        ("zo'n", "query", ["zon"]),
        ("’s-Gravenhage", "index", ["sgravenhag", "s", "gravenhag"]),
        ("’s-Gravenhage", "query", ["sgravenhag"]),
        ("'s-Gravenhage", "query", ["sgravenhag"]),
        # hyphens: joined word plus its parts at index time, only the joined word at query time
        ("data-integratie", "index", ["dataintegratie", "data", "integratie"]),
        ("data-integratie", "query", ["dataintegratie"]),
        ("data\u2010integratie", "query", ["dataintegratie"]),
        ("Palantir-gerelateerde", "index", ["palantirgerelateerd", "palantir", "gerelateerd"]),
        ("Palantir-gerelateerde", "query", ["palantirgerelateerd"]),
        ("F-35", "index", ["f35", "f", "35"]),
        ("F-35", "query", ["f35"]),
        ("COVID-19", "index", ["covid19", "covid", "19"]),
        ("COVID-19", "query", ["covid19"]),
        # a hyphen at the edge of a word is not part of it
        ("Informatie- en Expertisecentra", "index", ["informatie", "expertisecentra", "expertis", "centra"]),
        ("Informatie- en Expertisecentra", "query", ["informatie", "expertisecentra"]),
        ("databeheer en -analyse", "index", ["databeher", "data", "beher", "analys"]),
        # compounds: also their parts at index time, whole at query time
        ("aanbestedingsregels", "index", ["aanbestedingsregel", "aanbested", "regel"]),
        ("aanbestedingsregels", "query", ["aanbestedingsregel"]),
        ("veiligheidsregio's", "index", ["veiligheidsregio", "veilig", "regio"]),
        ("aanbesteding", "index", ["aanbested"]),
        # identifiers with digits are one term, not stemmed
        ("2024Z18294", "index", ["2024z18294"]),
        ("2024Z18294", "query", ["2024z18294"]),
        # plural -ies, stemming
        ("licenties", "index", ["licentie"]),
        ("organisaties", "query", ["organisatie"]),
        ("gebruiken", "index", ["gebruik"]),
        ("maatregelen", "query", ["maatregel"]),
        # quotes and slashes are not part of words
        ("‘Raffinaderij’", "index", ["raffinaderij"]),
        ("“Raffinaderij”", "query", ["raffinaderij"]),
        ("inzicht/overzicht", "index", ["inzicht", "overzicht"]),
        ("en/of", "query", []),
    ],
)
def test_terms(text: str, mode: str, terms: list[str]) -> None:
    assert analyze(text, mode) == terms


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("beëindigd", "beeindigd"),
        ("geïnformeerd", "geinformeerd"),
        ("GEÏNFORMEERD", "geinformeerd"),
        ("veiligheidsregio's", "veiligheidsregio"),
        ("veiligheidsregio’s", "veiligheidsregio"),
        ("Veiligheidsregio’s", "veiligheidsregio's"),
        ("’s-Gravenhage", "'s-Gravenhage"),
        ("licenties", "licentie"),
        ("organisaties", "organisatie"),
        ("maatregelen", "maatregel"),
        ("Data-Integratie", "data-integratie"),
        ("data‑integratie", "data-integratie"),
    ],
)
@pytest.mark.parametrize("mode", ["index", "query"])
def test_same_terms(one: str, other: str, mode: str) -> None:
    assert analyze(one, mode) == analyze(other, mode) != []


@pytest.mark.parametrize(
    ("hyphenated", "joined"),
    [
        ("data-integratie", "dataintegratie"),
        ("Palantir-gerelateerde", "Palantirgerelateerde"),
        ("COVID-19", "COVID19"),
    ],
)
def test_hyphenated_query_finds_both_spellings(hyphenated: str, joined: str) -> None:
    [query_term] = analyze(hyphenated, "query")
    assert analyze(joined, "query") == [query_term]
    assert query_term in analyze(hyphenated, "index")
    assert query_term in analyze(joined, "index")


@pytest.mark.parametrize(
    ("hyphenated", "part"),
    [
        ("data-integratie", "integratie"),
        ("Palantir-gerelateerde", "Palantir"),
        ("Woo-documenten", "documenten"),
    ],
)
def test_part_of_hyphenated_word_is_found(hyphenated: str, part: str) -> None:
    [query_term] = analyze(part, "query")
    assert query_term in analyze(hyphenated, "index")


@pytest.mark.parametrize(
    "word",
    [
        "Palantir",
        "aanbesteding",
        "aanbestedingsregels",
        "heimelijke",
        "verwerving",
        "geïnformeerd",
        "beëindigd",
        "veiligheidsregio’s",
        "licenties",
        "organisatieonderdelen",
        "gebruiken",
        "maatregelen",
        "2.23",
        "2024Z18294",
        "niet",
        "geen",
        "de",
    ],
)
def test_query_terms_are_indexed(word: str) -> None:
    """The same chain runs at both times; indexing only adds the parts of a compound."""
    index, query = analyze(word, "index"), analyze(word, "query")
    assert index[: len(query)] == query
    (folded,) = [t.text for t in name_analyzer()(word)]
    assert index[len(query) :] == [stem(part) for part in split_compound(folded)]


def test_every_seed_word_is_indexed_as_queried(seed_text: str) -> None:
    words = set(re.findall(r"\w+", seed_text))
    assert len(words) > 300
    differ = [w for w in words if analyze(w, "index")[: len(analyze(w, "query"))] != analyze(w, "query")]
    assert differ == []


@pytest.mark.parametrize("text", ["", " ", "\n\t", "...", "?!", "—", "( ) / & –", "“ ” ‘ ’", "- -- ---"])
@pytest.mark.parametrize("mode", ["index", "query"])
def test_no_terms_without_words(text: str, mode: str) -> None:
    assert analyze(text, mode) == []
    assert list(dutch_analyzer()(text, mode=mode, removestops=False)) == []


# --- character offsets -----------------------------------------------------------


def _spans(text: str) -> list[tuple[str, int, int, bool]]:
    tokens = dutch_analyzer()(text, chars=True, positions=True, mode="index", removestops=False)
    return [(t.text, t.startchar, t.endchar, t.stopped) for t in tokens]


def _check_offsets(text: str) -> int:
    """Checks each token's offsets point at the word (or hyphen part) it came from."""
    spans = _spans(text)
    for term, start, end, stopped in spans:
        source = text[start:end]
        assert source, (term, start, end)
        assert not any(c.isspace() for c in source), (term, source)
        # the source word alone gives this token: as a whole, or as a part of a compound
        again = [(t.text, t.stopped) for t in dutch_analyzer()(source, mode="index", removestops=False)]
        assert (term, stopped) in again, (source, term)
        # it is a whole word or a whole part of a hyphenated word
        assert start == 0 or not text[start - 1].isalnum(), (source, text[start - 5 : end])
        assert end == len(text) or not text[end].isalnum(), (source, text[start : end + 5])
    # every letter and digit of the text is in some token
    covered = set()
    for _term, start, end, _stopped in spans:
        covered.update(range(start, end))
    missing = [
        m.group(0) for m in re.finditer(r"[^\W_]+", text) if not set(range(m.start(), m.end())) <= covered
    ]
    assert missing == []
    return len(spans)


def test_offsets_of_seed_full_text(seed_text: str) -> None:
    assert _check_offsets(seed_text) > 900


def test_offsets_of_seed_lines(seed_text: str) -> None:
    lines = [line for line in seed_text.splitlines() if line.strip()]
    assert len(lines) > 30
    for line in lines:
        _check_offsets(line)


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        (
            "Deze data-integratie",
            [("deze", 0, 4), ("dataintegratie", 5, 20), ("data", 5, 9), ("integratie", 10, 20)],
        ),
        (
            "De Veiligheidsregio’s.",
            [("de", 0, 2), ("veiligheidsregio", 3, 21), ("veilig", 3, 21), ("regio", 3, 21)],
        ),
        ("(’s-Gravenhage)", [("sgravenhag", 1, 14), ("s", 1, 3), ("gravenhag", 4, 14)]),
        ("lid 1 (2.23)", [("lid", 0, 3), ("1", 4, 5), ("2.23", 7, 11)]),
        ("Informatie- en", [("informatie", 0, 10), ("en", 12, 14)]),
    ],
)
def test_offsets_examples(text: str, spans: list[tuple[str, int, int]]) -> None:
    assert [(term, start, end) for term, start, end, _ in _spans(text)] == spans


# --- positions ---------------------------------------------------------------------


def _positions(text: str) -> list[tuple[str, int]]:
    return [(t.text, t.pos) for t in dutch_analyzer()(text, positions=True, mode="index")]


@pytest.mark.parametrize(
    ("text", "positions"),
    [
        ("verwerving van de software", [("verwerv", 0), ("softwar", 1)]),
        (
            "de heimelijke verwerving van de Palantir software",
            [("heimelijk", 0), ("verwerv", 1), ("palantir", 2), ("softwar", 3)],
        ),
        (
            "Deze data-integratie leidt",
            [("dataintegratie", 0), ("data", 0), ("integratie", 0), ("leidt", 1)],
        ),
        (
            "van de Palantir-gerelateerde initiatieven",
            [("palantirgerelateerd", 0), ("palantir", 0), ("gerelateerd", 0), ("initiatiev", 1)],
        ),
        ("F-35 en COVID-19", [("f35", 0), ("f", 0), ("35", 0), ("covid19", 1), ("covid", 1), ("19", 1)]),
    ],
)
def test_positions_close_stop_word_gaps(text: str, positions: list[tuple[str, int]]) -> None:
    assert _positions(text) == positions


def test_seed_positions_consecutive_and_shared_by_parts(seed_text: str) -> None:
    groups: dict[int, list[tuple[int, int]]] = {}
    for t in dutch_analyzer()(seed_text, positions=True, chars=True, mode="index"):
        groups.setdefault(t.pos, []).append((t.startchar, t.endchar))
    assert sorted(groups) == list(range(len(groups)))
    previous_end = 0
    for pos in sorted(groups):
        (start, end), *parts = groups[pos]
        word = seed_text[start:end]
        # one position is one source word: the word first, then its hyphen or compound parts
        assert start >= previous_end, word
        assert all(start <= s and e <= end for s, e in parts), word
        hyphenated = bool(re.search(r"\w[-‐‑]\w", word))
        folded = [t.text for t in name_analyzer()(word)][0]
        assert bool(parts) == (hyphenated or bool(split_compound(folded))), word
        previous_end = end


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("het OM en de politie", ["om", "politie"]),  # the Openbaar Ministerie
        ("om de hoek", ["hoek"]),  # the word om
        ("Om tien uur", ["tien", "uur"]),
    ],
)
def test_abbreviations_in_capitals_are_not_stop_words(text: str, terms: list[str]) -> None:
    assert analyze(text, "index") == terms
    assert analyze(text, "query") == terms


@pytest.mark.parametrize("mode", ["index", "query"])
def test_terms_without_tokens_are_the_tokens_texts(mode: str) -> None:
    text = SEED.read_text("utf-8") + " het OM, 's-Gravenhage, F-35 en 2.23; veiligheidsregio's"
    for analyzer in (dutch_analyzer(), name_analyzer()):
        assert analyzer.terms(text, mode=mode) == [t.text for t in analyzer(text, mode=mode)]
