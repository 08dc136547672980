"""Tests of searching the seed index: ranking, hits, highlights, the query language, the index's life."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import HIT_KEYS, SEED
from conftest import SEED_ID as DOC_ID
from conftest import SEEDS as SEED_DIR

import searchkit
from searchkit import (
    Document,
    Hit,
    Index,
    IndexMissingError,
    IndexVersionError,
    ParseError,
    QueryError,
    SearchkitError,
    build_index,
    open_index,
    parse_document,
)
from searchkit.analysis import ANALYZER_VERSION, analyze
from searchkit.schema import SCHEMA_VERSION, passages

ALL = 100  # more than the seed's 19 passages


@pytest.fixture(scope="module")
def index(seed_index_dir: Path) -> Iterator[Index]:
    """The shared index of the seed (conftest), opened; tests that change an index build their own."""
    with open_index(seed_index_dir) as opened:
        yield opened


@pytest.fixture(scope="module")
def seed() -> Document:
    return parse_document(SEED)


def _keys(hits: list[Hit]) -> list[tuple[tuple[int, ...], int]]:
    return [(hit.question_numbers, hit.paragraph) for hit in hits]


def _passage_terms(seed: Document, hit: Hit) -> set[str]:
    """The terms of everything a hit's passage is searched by: text, question, footnotes."""
    question = next(q for q in seed.questions if q.numbers == hit.question_numbers)
    notes = [*question.footnotes, *question.answer_footnotes[hit.paragraph - 1]]
    words = " ".join([question.answer[hit.paragraph - 1], question.text, *(note.text for note in notes)])
    return set(analyze(words, "index"))


def _search(index: Index, query: str) -> list[Hit]:
    return index.search(query, limit=ALL)


def _without_markers(highlight: str, markers: tuple[str, str] = ("**", "**")) -> list[str]:
    """The fragments of a highlight with the markers and the elision marks taken out."""
    text = highlight
    for marker in markers:
        text = text.replace(marker, "")
    fragments = text.split(" … ")
    if fragments[0].startswith("… "):
        fragments[0] = fragments[0][2:]
    if fragments[-1].endswith(" …"):
        fragments[-1] = fragments[-1][:-2]
    return fragments


# --- ranking -----------------------------------------------------------------------


def test_aanbesteding_top_two(index: Index) -> None:
    hits = index.search("aanbesteding")
    assert len(hits) >= 2
    top = {(hit.question_numbers, hit.paragraph): hit for hit in hits[:2]}
    assert set(top) == {((5,), 1), ((6,), 5)}
    assert "aanbestedingsregels" in top[(5,), 1].text
    assert top[(6,), 5].text.startswith("d.")


def test_licentie_finds_licenties(index: Index) -> None:
    first = index.search("licentie")[0]
    assert (first.question_numbers, first.paragraph) == ((1,), 4)
    assert "Palantir (licenties)" in first.text


@pytest.mark.parametrize("query", ["geinformeerd", "geïnformeerd", "GEÏNFORMEERD"])
def test_diacritics_do_not_matter(index: Index, query: str) -> None:
    hits = _search(index, query)
    assert "geïnformeerd" in hits[0].text
    assert _keys(hits) == _keys(_search(index, "geinformeerd"))


def test_open_index_gives_same_hits(index: Index) -> None:
    with open_index(index.path) as reopened:
        for query in ["aanbesteding", "palantir", '"heimelijke verwerving"']:
            assert _keys(reopened.search(query, limit=ALL)) == _keys(_search(index, query))


def test_limit(index: Index) -> None:
    assert len(_search(index, "palantir")) > 3
    assert _keys(index.search("palantir", limit=3)) == _keys(_search(index, "palantir"))[:3]


# --- hits --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "aanbesteding",
        "palantir",
        "politie",
        "licentie",
        "vraag:5",
        "minister:weel",
        '"heimelijke verwerving"',
    ],
)
def test_hit_fields_match_the_parsed_document(index: Index, seed: Document, query: str) -> None:
    hits = _search(index, query)
    assert hits
    questions = {q.numbers: q for q in seed.questions}
    for hit in hits:
        assert isinstance(hit, Hit)
        assert hit.doc_id == DOC_ID
        question = questions[hit.question_numbers]
        assert hit.question == question.text
        assert 1 <= hit.paragraph <= len(question.answer)
        assert hit.text == question.answer[hit.paragraph - 1]
        assert hit.highlight
    scores = [hit.score for hit in hits]
    assert scores == sorted(scores, reverse=True)
    assert len(set(_keys(hits))) == len(hits)


# --- highlights ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "key", "marked"),
    [
        ("aanbesteding", ((6,), 5), "**aanbesteding**"),
        ("licentie", ((1,), 4), "**licenties**"),
        ("geinformeerd", ((1,), 3), "**geïnformeerd**"),
        ("veiligheidsregio", ((1,), 3), "**Veiligheidsregio’s**"),
        ("data-integratie", ((1,), 1), "**data-integratie**"),
        ("Palantir", ((1,), 5), "**Palantir**"),
    ],
)
def test_plain_highlight_marks_matched_word(
    index: Index, query: str, key: tuple[tuple[int, ...], int], marked: str
) -> None:
    hits = {(hit.question_numbers, hit.paragraph): hit for hit in _search(index, query)}
    assert marked in hits[key].highlight


@pytest.mark.parametrize(
    "query",
    [
        "aanbesteding",
        "palantir",
        "politie",
        "data",
        "informatie",
        "heimelijke verwerving",
        "welke organisaties gebruiken palantir software",
    ],
)
def test_plain_highlight_is_the_text_with_markers(index: Index, query: str) -> None:
    hits = _search(index, query)
    assert any("**" in hit.highlight for hit in hits)
    for hit in hits:
        for fragment in _without_markers(hit.highlight):
            assert fragment in hit.text


def test_ansi_highlight(index: Index) -> None:
    hit = index.search("aanbesteding", highlight="ansi")[0]
    assert "\x1b[" in hit.highlight
    assert "**" not in hit.highlight
    assert _without_markers(hit.highlight, ("\x1b[1;33m", "\x1b[0m"))[0] in hit.text


@pytest.fixture()
def html_index(tmp_path: Path) -> Iterator[Index]:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "made-up.txt").write_text(
        "Vraag 1\nIs er een test?\n\nAntwoord op vraag 1\n"
        "De tekst bevat <script>alert(1)</script> & aanbesteding in één alinea.\n",
        "utf-8",
    )
    built = build_index([docs], tmp_path / "index")
    yield built
    built.close()


@pytest.mark.parametrize("query", ["aanbesteding", "test"])  # a word of the text; a word of the question only
def test_html_highlight_escapes(html_index: Index, query: str) -> None:
    [hit] = html_index.search(query, highlight="html")
    assert "<script" not in hit.highlight
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in hit.highlight
    assert ("<mark" in hit.highlight) == (query == "aanbesteding")


def test_plain_highlight_is_not_escaped(html_index: Index) -> None:
    [hit] = html_index.search("aanbesteding")
    assert hit.highlight == "De tekst bevat <script>alert(1)</script> & **aanbesteding** in één alinea."


# --- the query language ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "key"),
    [
        ('"heimelijke verwerving"', ((5,), 1)),
        ('"heimelijk verwerven"', ((6,), 1)),
        ('"verwerving van de palantir software"', ((5,), 1)),  # across stop words
        ('"Informatie- en Expertisecentra"', ((3,), 1)),
    ],
)
def test_phrase_matches(index: Index, phrase: str, key: tuple[tuple[int, ...], int]) -> None:
    assert key in _keys(_search(index, phrase))


@pytest.mark.parametrize("phrase", ['"verwerving heimelijke"', '"palantir politie"'])
def test_phrase_needs_the_words_in_order(index: Index, phrase: str) -> None:
    words = phrase.strip('"')
    assert _search(index, words)
    assert _search(index, phrase) == []


@pytest.mark.parametrize(
    ("english", "dutch"),
    [
        ("palantir AND politie", "palantir EN politie"),
        ("palantir OR politie", "palantir OF politie"),
        ("palantir NOT politie", "palantir NIET politie"),
        ("palantir AND NOT politie", "palantir EN NIET politie"),
        ("(palantir OR politie) AND NOT raffinaderij", "(palantir OF politie) EN NIET raffinaderij"),
        ("NOT politie", "NIET politie"),
    ],
)
def test_dutch_operators_equal_english(index: Index, english: str, dutch: str) -> None:
    expected = _search(index, english)
    assert expected
    got = _search(index, dutch)
    assert _keys(got) == _keys(expected)
    assert [hit.score for hit in got] == pytest.approx([hit.score for hit in expected])


@pytest.mark.parametrize("query", ["palantir AND politie", "palantir EN politie"])
def test_and_needs_both(index: Index, seed: Document, query: str) -> None:
    hits = _search(index, query)
    assert hits
    assert len(hits) < len(_search(index, "palantir politie"))
    for hit in hits:
        assert {"palantir", "politie"} <= _passage_terms(seed, hit)


def test_grouping(index: Index, seed: Document) -> None:
    hits = _search(index, "(raffinaderij OR palantir) AND politie")
    assert hits
    for hit in hits:
        terms = _passage_terms(seed, hit)
        assert "politie" in terms and terms & {"raffinaderij", "palantir"}
    either = set(_keys(_search(index, "raffinaderij AND politie"))) | set(
        _keys(_search(index, "palantir AND politie"))
    )
    assert set(_keys(hits)) == either


def test_not_stays_inside_its_parentheses(index: Index) -> None:
    hits = set(_keys(_search(index, "(palantir NOT politie) OR raffinaderij")))
    inner = set(_keys(_search(index, "palantir NOT politie")))
    raffinaderij = set(_keys(_search(index, "raffinaderij")))
    assert hits == inner | raffinaderij
    assert raffinaderij & set(_keys(_search(index, "politie")))  # so the OR adds passages with politie


def test_or_is_the_default(index: Index) -> None:
    assert _keys(_search(index, "palantir OR politie")) == _keys(_search(index, "palantir politie"))


@pytest.mark.parametrize(
    ("query", "plain"),
    [
        ("palantir of politie", "palantir politie"),
        ("palantir en politie", "palantir politie"),
        ("aanbesteding of raffinaderij", "aanbesteding raffinaderij"),
    ],
)
def test_lowercase_en_of_are_stop_words(index: Index, query: str, plain: str) -> None:
    assert _keys(_search(index, query)) == _keys(_search(index, plain))


def test_lowercase_niet_is_a_word_not_an_operator(index: Index, seed: Document) -> None:
    hits = _search(index, "palantir niet politie")
    assert any("politie" in _passage_terms(seed, hit) for hit in hits)
    assert any("niet" in _passage_terms(seed, hit) for hit in hits)


@pytest.mark.parametrize("operator", ["NOT", "NIET", "AND NOT", "EN NIET"])
@pytest.mark.parametrize(
    ("wanted", "unwanted"),
    [
        ("palantir", "politie"),  # in texts and questions
        ("palantir", "nieuwrechts"),  # only in the footnote of question 1
        ('"heimelijke verwerving"', "politie"),  # the example of `searchkit --help`
    ],
)
def test_not_excludes(index: Index, seed: Document, operator: str, wanted: str, unwanted: str) -> None:
    hits = _search(index, f"{wanted} {operator} {unwanted}")
    [unwanted_term] = analyze(unwanted)
    assert hits
    for hit in hits:
        assert unwanted_term not in _passage_terms(seed, hit), (hit.question_numbers, hit.paragraph)
    excluded = set(_keys(_search(index, unwanted)))
    assert set(_keys(hits)) == set(_keys(_search(index, wanted))) - excluded


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("vraag:5", {((5,), 1)}),
        ("Vraag:5", {((5,), 1)}),
        ("VRAAG:5", {((5,), 1)}),
        ("vraag:6", {((6,), n) for n in range(1, 6)}),
        ("alinea:5", {((1,), 5), ((6,), 5)}),
        ("tekst:aanbesteding", {((5,), 1), ((6,), 5)}),  # answer 5 says "aanbestedingsregels"
        ("vraagtekst:aanbesteding", {((5,), 1)}),
        ("voetnoot:kamerstukken", {((1,), 3)}),
        ('minister:"de jonge"', set()),
        ("Minister:jonge", set()),
        ("datum:20240820", set()),
        ("datum:[20240101 TO 20241231]", set()),
    ],
)
def test_field_filters(index: Index, query: str, expected: set[tuple[tuple[int, ...], int]]) -> None:
    assert set(_keys(_search(index, query))) == expected


@pytest.mark.parametrize(
    "query",
    [
        'minister:"van weel"',
        'Minister:"Van Weel"',
        "minister:weel",
        "ministerie:justitie",
        'MINISTERIE:"justitie en veiligheid"',
        f"doc:{DOC_ID}",
        f"Doc:{DOC_ID}",
        "datum:20250820",
        "datum:[20250101 TO 20251231]",
    ],
)
def test_field_filters_matching_the_whole_document(index: Index, seed: Document, query: str) -> None:
    every_passage = {(q.numbers, n) for q in seed.questions for n in range(1, len(q.answer) + 1)}
    assert len(every_passage) == 19
    assert set(_keys(_search(index, query))) == every_passage


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('minister:"van weel" vraag:5', {((5,), 1)}),  # the example of `searchkit --help`
        ("aanbesteding vraag:6", {((6,), 5)}),
    ],
)
def test_field_filter_restricts_words(
    index: Index, query: str, expected: set[tuple[tuple[int, ...], int]]
) -> None:
    assert set(_keys(_search(index, query))) == expected


def test_field_filter_with_and_restricts_words(index: Index) -> None:
    assert _keys(_search(index, "aanbesteding AND vraag:6")) == [((6,), 5)]
    assert _keys(_search(index, 'minister:"van weel" AND vraag:5')) == [((5,), 1)]


def test_url_is_not_a_field(index: Index, seed: Document) -> None:
    hits = _search(index, "https://nieuwrechts.nl")
    # the address is in the footnote of question 1, so in all its passages
    assert set(_keys(hits)) == {((1,), n) for n in range(1, 6)}
    with_scheme = _search(index, "zie https://nieuwrechts.nl/105250")
    assert set(_keys(with_scheme)) == set(_keys(_search(index, "zie nieuwrechts.nl/105250")))


def test_natural_language_query(index: Index) -> None:
    hits = index.search("welke organisaties gebruiken palantir software")
    assert hits
    assert hits[0].question_numbers == (1,)


# --- queries that cannot be searched -------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        '"aanbesteding',
        "(aanbesteding",
        "aanbesteding)",
        "AND",
        "NOT",
        "OR",
        "NIET",
        "OR aanbesteding",
        "aanbesteding AND",
        "aanbesteding NOT",
        "NOT NOT",
        "AND OR NOT",
        "vraag:",
        "vraag: aanbesteding",
        '"',
        '"""',
        "()",
        "((((",
        "))))",
        ":",
        "***",
        "a:b:c",
        "vraag:5:6",
        "vraag:abc",
        "alinea:x",
        "datum:gisteren",
        "vraag:[1 TO",
        "[a TO",
        "palantir^",
        "palantir~2",
        "\\",
        "😀",
        "😀 palantir",
        "x" * 10_000,
        "palantir " * 2_000,
        "palantir\x00\x01\x1b[31m politie\t\r\n",
        "\x00\x07\x7f",
        "\u200b",
        "\ufeffpalantir",
    ],
)
def test_malformed_queries_never_crash(index: Index, query: str) -> None:
    try:
        hits = index.search(query)
    except QueryError as error:
        assert str(error)
        assert "\n" not in str(error)
    else:
        assert isinstance(hits, list)
        assert all(isinstance(hit, Hit) for hit in hits)


@pytest.mark.parametrize(
    "query", ["(aanbesteding", "aanbesteding)", '"aanbesteding', "OR aanbesteding", "aanbesteding AND"]
)
def test_stray_syntax_still_searches(index: Index, query: str) -> None:
    assert _keys(index.search(query)) == _keys(index.search("aanbesteding"))


@pytest.mark.parametrize(
    ("query", "name"), [("foo:bar", "'foo:'"), ("aanbesteding Titel:x", "'Titel:'"), ("a:b:c", "'a:'")]
)
def test_unknown_field(index: Index, query: str, name: str) -> None:
    with pytest.raises(QueryError, match=name):
        index.search(query)


@pytest.mark.parametrize(
    "query", ["de het een", "De Het een", '"de het"', "", " ", "\t\n", "AND", "NIET", "?", "—"]
)
def test_nothing_to_search_for(index: Index, query: str) -> None:
    with pytest.raises(QueryError):
        index.search(query)


@pytest.mark.parametrize("limit", [0, -1])
def test_bad_limit(index: Index, limit: int) -> None:
    with pytest.raises(QueryError):
        index.search("aanbesteding", limit=limit)


def test_query_error_is_a_searchkit_error() -> None:
    assert issubclass(QueryError, SearchkitError)


# --- did you mean --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "suggestion"),
    [
        ("aanbestding", "aanbesteding"),
        ("palantier software", "palantir software"),
        ("Palantier", "palantir"),
        ("de palantier", "de palantir"),
        ("politei", "politie"),
        ("rafinaderij", "raffinaderij"),
        (
            "verwervng",
            "verwerving",
        ),  # the closest word (distance 1), not the more frequent "verwerven" (distance 2)
        ('"palantier software"', '"palantir software"'),
        # field clauses and operators are left alone
        ("vraag:5 palantier", "vraag:5 palantir"),
        ("minister:jongee palantier", "minister:jongee palantir"),
        ("doc:xyz palantier", "doc:xyz palantir"),
        ("palantier NIET politei", "palantir NIET politie"),
        ("palantier AND politei", "palantir AND politie"),
    ],
)
def test_did_you_mean(index: Index, query: str, suggestion: str) -> None:
    assert index.did_you_mean(query) == suggestion


@pytest.mark.parametrize(
    "query",
    [
        "aanbesteding",
        "palantir software",
        "geïnformeerd",
        "geinformeerd",
        "licenties",
        "veiligheidsregio’s",
        "data-integratie",
        "palantir NIET politie",
        "vraag:5",
        "minister:jongee",
        "de het een",
    ],
)
def test_did_you_mean_known_query(index: Index, query: str) -> None:
    assert index.did_you_mean(query) is None


# --- documents, info, versions ---------------------------------------------------------


def test_document_round_trip(index: Index, seed: Document) -> None:
    document = index.document(DOC_ID)
    assert len(document.questions) == 7
    for stored, parsed in zip(document.questions, seed.questions, strict=True):
        assert stored.numbers == parsed.numbers
        assert stored.text == parsed.text
        assert stored.answer == parsed.answer
        assert stored.footnotes == parsed.footnotes
        assert stored.answer_footnotes == parsed.answer_footnotes
    assert (document.minister, document.ministry, document.received, document.related) == (
        seed.minister,
        seed.ministry,
        seed.received,
        seed.related,
    )


@pytest.mark.parametrize("doc_id", ["nope", "", DOC_ID.upper(), DOC_ID + "x"])
def test_unknown_document(index: Index, doc_id: str) -> None:
    with pytest.raises(SearchkitError):
        index.document(doc_id)


def test_info(index: Index) -> None:
    info = index.info()
    assert info.documents == 1
    assert info.passages == 19
    assert info.size_bytes > 0
    assert info.schema_version == SCHEMA_VERSION
    assert info.analyzer_version == ANALYZER_VERSION
    assert info.searchkit_version == searchkit.__version__
    assert info.sources == [str(SEED)]


def _meta_file(index_dir: Path) -> Path:
    generation = (index_dir / "CURRENT").read_text("utf-8").strip()
    return index_dir / generation / "searchkit.json"


@pytest.mark.parametrize("key", ["analyzer_version", "schema_version"])
def test_other_version_must_be_rebuilt(tmp_path: Path, key: str) -> None:
    build_index([SEED], tmp_path).close()
    meta_file = _meta_file(tmp_path)
    meta = json.loads(meta_file.read_text("utf-8"))
    meta[key] += 1
    meta_file.write_text(json.dumps(meta), "utf-8")
    with pytest.raises(IndexVersionError, match="rebuild it with `searchkit index`"):
        open_index(tmp_path)


def test_missing_index(tmp_path: Path) -> None:
    with pytest.raises(IndexMissingError):
        open_index(tmp_path)
    with pytest.raises(IndexMissingError):
        open_index(tmp_path / "not-there")


# --- rebuilding ----------------------------------------------------------------------


def test_failed_rebuild_keeps_previous_index(tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    build_index([SEED_DIR], index_dir).close()
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "nothing.txt").write_text("", "utf-8")
    with pytest.raises(SearchkitError):
        build_index([empty], index_dir)
    with open_index(index_dir) as reopened:
        assert {((5,), 1), ((6,), 5)} == set(_keys(reopened.search("aanbesteding")[:2]))
        assert reopened.info().passages == 19


def test_rebuild_skips_bad_file(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SEED, docs)
    bad = docs / "bad.txt"
    bad.write_text("Geen vragen in dit bestand.\n", "utf-8")
    with build_index([docs], tmp_path / "index") as built:
        assert built.info().documents == 1
        assert built.info().passages == 19
        assert [error.path for error in built.skipped] == [str(bad)]
        assert all(isinstance(error, ParseError) for error in built.skipped)
        assert "bad.txt" in str(built.skipped[0])
        assert {hit.doc_id for hit in built.search("aanbesteding")} == {DOC_ID}


def test_strict_rebuild_raises(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SEED, docs)
    (docs / "bad.txt").write_text("Geen vragen in dit bestand.\n", "utf-8")
    index_dir = tmp_path / "index"
    build_index([SEED], index_dir).close()
    with pytest.raises(ParseError, match="bad.txt"):
        build_index([docs], index_dir, strict=True)
    with open_index(index_dir) as reopened:
        assert reopened.info().sources == [str(SEED)]


# --- metadata filters over real documents ---------------------------------------------------

DATA = Path(__file__).resolve().parent / "data"
# A fixed set of documents, so that adding test data does not change the expectations.
CORPUS = [
    SEED,
    *[
        DATA / "text" / f"ah-tk-20242025-{n}.txt"
        for n in (548, 558, 559, 573, 576, 578, 582, 585, 586, 591, 592, 601, 605, 611, 613)
    ],
    DATA / "made-up" / "mededeling.txt",
]
MEDEDELING_ID = "ah-tk-20242025-9001"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Index]:
    built = build_index(CORPUS, tmp_path_factory.mktemp("corpus-index"))
    yield built
    built.close()


@pytest.fixture(scope="module")
def corpus_documents() -> dict[str, Document]:
    documents = (parse_document(path) for path in CORPUS)
    return {document.doc_id: document for document in documents}


def _number(doc_id: str) -> str:
    """The number that ends an id ("ah-tk-20242025-548" → "548"); "seed" for the seed."""
    return doc_id.rsplit("-", 1)[1] if doc_id.startswith("ah-") else "seed"


def _documents_found(index: Index, query: str) -> set[str]:
    return {_number(hit.doc_id) for hit in index.search(query, limit=10_000)}


@pytest.mark.parametrize(
    ("query", "numbers"),
    [
        ("partij:VVD", {"573", "576", "582"}),
        ("partij:vvd", {"573", "576", "582"}),
        ("partij:d66", {"548", "582"}),
        ('partij:"nieuw sociaal contract"', {"586", "9001"}),
        ("partij:groenlinks-pvda", {"559", "578", "591"}),
        ("indiener:ellian", {"573", "582"}),
        ('indiener:"van houwelingen"', {"585"}),
        ("indiener:paternotte partij:vvd", {"582"}),
        ("minister:staatssecretaris", {"558", "559", "573", "578", "586", "613"}),
        ('minister:"van weel"', {"558", "585", "seed"}),
        ("minister:coenradie", {"558", "573"}),
        ("minister:faber-van", {"592", "601"}),
        ("ministerie:justitie", {"558", "573", "585", "seed"}),
        ('ministerie:"asiel en migratie"', {"592", "601"}),
        ("aan:staatssecretaris", {"559", "573", "578", "586"}),
        ('aan:"asiel en migratie"', {"548", "591", "592"}),
        ("onderwerp:brandweer", {"558"}),
        ("doc:ah-tk-20242025-548", {"548"}),
        ("nummer:548", {"548"}),
        ("nummer:[580 TO 590]", {"582", "585", "586"}),
        ("soort:mededeling", {"9001"}),
        ("soort:Mededeling", {"9001"}),
        ("datum:2024-11-14", {"548", "558", "559"}),
        ("datum:14-11-2024", {"548", "558", "559"}),
        ("datum:14.11.2024", {"548", "558", "559"}),
        ("datum:20241114", {"548", "558", "559"}),
        ("datum:2024-11-19", {"611"}),
        ("datum:[2024-11-19 TO]", {"601", "605", "611", "613", "seed"}),
        ("datum:[TO 2024-11-14]", {"548", "558", "559", "9001"}),
        ("datum:[2024-11-15 TO 2024-11-18]", {"573", "576", "578", "582", "585", "586", "591", "592"}),
        ("datum:[15-11-2024 TO 18-11-2024]", {"573", "576", "578", "582", "585", "586", "591", "592"}),
        ("datum:2024-10", {"9001"}),
        ("datum:10-2024", {"9001"}),
        ("datum:2025", {"seed"}),
        ("datum:[2025-01 TO 2025-12]", {"seed"}),
        ("ingezonden:2024-10", {"548", "558", "559", "585", "586", "9001"}),
        ("ingezonden:[2024-09-01 TO 2024-09-30]", {"578", "591", "592"}),
        ("ingezonden:[1-9-2024 tot 30-9-2024]", {"578", "591", "592"}),
        ("ingezonden:30-9-2024", {"578"}),
        ("ingezonden:2024/9/30", {"578"}),
    ],
)
def test_metadata_filters(corpus: Index, query: str, numbers: set[str]) -> None:
    assert _documents_found(corpus, query) == numbers


def test_every_received_in_november_2024(corpus: Index, corpus_documents: dict[str, Document]) -> None:
    november = {
        _number(doc_id)
        for doc_id, document in corpus_documents.items()
        if document.received and (document.received.year, document.received.month) == (2024, 11)
    }
    assert len(november) == len(corpus_documents) - 2  # all but the seed and the mededeling
    for query in ["datum:[2024-11-01 TO 2024-11-30]", "datum:2024-11", "datum:202411", "datum:11-2024"]:
        assert _documents_found(corpus, query) == november


@pytest.mark.parametrize(
    "query", ["partij:VVD", "vergaderjaar:2024-2025", "datum:2024-11-14", "minister:coenradie"]
)
def test_filters_return_every_passage_of_a_document(
    corpus: Index, corpus_documents: dict[str, Document], query: str
) -> None:
    hits = corpus.search(query, limit=10_000)
    expected = sum(len(list(passages(corpus_documents[doc_id]))) for doc_id in {hit.doc_id for hit in hits})
    assert len(hits) == expected


@pytest.mark.parametrize(
    "query", ["vergaderjaar:2024-2025", "vergaderjaar:20242025", "vergaderjaar:2024–2025"]
)
def test_vergaderjaar(corpus: Index, corpus_documents: dict[str, Document], query: str) -> None:
    assert _documents_found(corpus, query) == {_number(doc_id) for doc_id in corpus_documents}


def test_filters_restrict_words(corpus: Index) -> None:
    hits = corpus.search("brandweer minister:staatssecretaris", limit=100)
    assert {hit.doc_id for hit in hits} == {"ah-tk-20242025-558"}
    subject = corpus.document("ah-tk-20242025-558").subject or ""
    assert all("brandweer" in f"{hit.text} {hit.question} {subject}".lower() for hit in hits)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            "datum:2024-13",
            "cannot read the date '2024-13' in datum:2024-13; write a day as 2024-03-25 or 25-03-2024, "
            "a month as 2024-03, a year as 2024, or a range as [2024-01-01 TO 2024-06-30]",
        ),
        ("datum:gisteren", "cannot read the date 'gisteren' in datum:gisteren; write a day as"),
        ("datum:[2024-01-01 TO morgen]", "cannot read the date 'morgen' in datum:morgen; write a day as"),
        ("ingezonden:31-02-2024", "cannot read the date '31-02-2024' in ingezonden:31-02-2024;"),
        ("vergaderjaar:2024", "cannot read the year '2024' in vergaderjaar:2024; write it as 2023-2024"),
    ],
)
def test_unreadable_dates_and_years(corpus: Index, query: str, message: str) -> None:
    with pytest.raises(QueryError) as error:
        corpus.search(query)
    assert str(error.value).startswith(message)


def test_mededeling_passages(corpus: Index, corpus_documents: dict[str, Document]) -> None:
    notice = corpus_documents[MEDEDELING_ID].notice
    hits = corpus.search("termijn", limit=100)
    mededeling = [hit for hit in hits if hit.doc_id == MEDEDELING_ID]
    assert sorted(hit.question_numbers for hit in mededeling) == [(1,), (2,)]
    assert all(hit.kind == "mededeling" and hit.text == notice and hit.paragraph == 1 for hit in mededeling)
    assert all(hit.kind == "antwoord" for hit in hits if hit.doc_id != MEDEDELING_ID)
    assert set(mededeling[0].to_dict()) == HIT_KEYS


@pytest.mark.parametrize("doc_id", ["ah-tk-20242025-578", "ah-tk-20242025-558", MEDEDELING_ID, DOC_ID])
def test_indexed_document_equals_parsed_document(
    corpus: Index, corpus_documents: dict[str, Document], doc_id: str
) -> None:
    assert corpus.document(doc_id) == corpus_documents[doc_id]


def test_info_lists_mededelingen(corpus: Index) -> None:
    assert corpus.info().mededelingen == [{"doc_id": MEDEDELING_ID, "received": "2024-10-23"}]


def test_build_reports_progress(tmp_path: Path) -> None:
    calls: list[tuple[str, int, int]] = []
    paths = [SEED, DATA / "text" / "ah-tk-20242025-548.txt"]
    with build_index(
        paths, tmp_path, progress=lambda path, done, total: calls.append((path.name, done, total))
    ):
        pass
    assert calls == [(SEED.name, 1, 2), ("ah-tk-20242025-548.txt", 2, 2)]
