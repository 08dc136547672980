"""Wildcards: ``*`` and an inner ``?`` in query words, expanded boundedly against the index's words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEED, SEEDS

import searchkit
import searchkit.wildcards
from searchkit import Document, Index, QueryError, parse_document
from searchkit.cli import main
from searchkit.wildcards import MAX_EXPANSIONS, Expansion, matching_words

TEXTS = Path(__file__).parent / "data" / "text"
ALL = 100


@pytest.fixture(scope="module")
def index(seed_index_dir: Path) -> Iterator[Index]:
    with searchkit.open_index(seed_index_dir) as opened:
        yield opened


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Index]:
    with searchkit.build_index([SEEDS, TEXTS], tmp_path_factory.mktemp("corpus")) as built:
        yield built


@pytest.fixture(scope="module")
def seed() -> Document:
    return parse_document(SEED)


def _keys(hits: list[searchkit.Hit]) -> set[tuple[str, tuple[int, ...], int]]:
    return {(hit.doc_id, hit.question_numbers, hit.paragraph) for hit in hits}


def _passages_with(seed: Document, word: str) -> set[tuple[str, tuple[int, ...], int]]:
    """The seed's answer paragraphs whose text or question has a word matching the regex ``word``."""
    pattern = re.compile(rf"(?<!\w){word}(?!\w)", re.IGNORECASE)
    return {
        (seed.doc_id, question.numbers, position)
        for question in seed.questions
        for position, text in enumerate(question.answer, start=1)
        if pattern.search(text) or pattern.search(question.text)
    }


@pytest.mark.parametrize(
    ("query", "word"),
    [("aanbested*", r"aanbested\w*"), ("*regels", r"\w*regels"), ("aanbest?ding", r"aanbest\wding")],
)
def test_wildcards_find_the_words_they_stand_for(index: Index, seed: Document, query: str, word: str) -> None:
    expected = _passages_with(seed, word)
    assert expected
    assert _keys(index.search(query, limit=ALL)) >= expected


def test_a_wildcard_searches_the_words_it_matches(index: Index) -> None:
    # The seed's words ending in "regels": "regels" and "aanbestedingsregels".
    assert _keys(index.search("*regels", limit=ALL)) == _keys(
        index.search("regels OR aanbestedingsregels", limit=ALL)
    )


def test_highlight_marks_the_words_a_wildcard_matched(index: Index) -> None:
    hit = index.search("*regels")[0]
    assert "**aanbestedingsregels**" in hit.highlight
    html = index.search("aanbested*", highlight="html")[0].highlight
    assert re.search(r"<mark[^>]*>aanbesteding", html)


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("wanneer wordt de Kamer geïnformeerd?", "wanneer wordt de Kamer geïnformeerd"),
        ("heeft de aanbesteding plaatsgevonden?", "heeft de aanbesteding plaatsgevonden"),
        ("aanbesteding?? (palantir?)", "aanbesteding palantir"),
    ],
)
def test_a_question_mark_ending_a_word_is_punctuation(index: Index, question: str, plain: str) -> None:
    assert index.search(question, limit=ALL) == index.search(plain, limit=ALL) != []


def test_a_wildcard_matching_nothing_finds_nothing(index: Index) -> None:
    assert index.search("xyzzyq*") == []
    assert index.search("palantir AND xyzzyq*") == []
    assert index.search("palantir NOT xyzzyq*") == index.search("palantir")
    assert index.did_you_mean("aanbestdng*") is None  # a wildcard word is not corrected


@pytest.mark.parametrize("query", ["*", "**", "a*", "*a", "?*", "a?", "a?*", "palantir OR *", "tekst:*"])
def test_too_broad_wildcards_are_refused(index: Index, query: str) -> None:
    if query == "a?":  # a question mark ending a word is punctuation: "a" is a word
        assert isinstance(index.search(query), list)
        return
    with pytest.raises(
        QueryError, match=r"^the wildcard '.*' is too broad: give at least 2 letters or digits"
    ):
        index.search(query)


def test_a_long_too_broad_wildcard_is_named_briefly(index: Index) -> None:
    with pytest.raises(QueryError, match=r"^the wildcard '\*{40}…' is too broad"):
        index.search("*" * 10_000)


def test_expansion_is_bounded_to_the_most_frequent_words(corpus: Index) -> None:
    vocabulary = corpus._in_use().vocabulary()
    words = [word for word in vocabulary.words if word.endswith("ing")]
    assert len(words) > MAX_EXPANSIONS  # the corpus has more words in -ing than are searched
    chosen = matching_words("*ing", vocabulary.words, vocabulary.counts.__getitem__)
    assert len(chosen) == MAX_EXPANSIONS
    left_out = set(words) - set(chosen)
    assert min(vocabulary.counts[w] for w in chosen) >= max(vocabulary.counts[w] for w in left_out)
    assert corpus.search("*ing")


def test_a_word_beyond_the_bound_is_not_searched(corpus: Index, monkeypatch: pytest.MonkeyPatch) -> None:
    unbounded = _keys(corpus.search("*regels", limit=ALL))
    monkeypatch.setattr(searchkit.wildcards, "MAX_EXPANSIONS", 1)
    vocabulary = corpus._in_use().vocabulary()
    [most_frequent] = matching_words("*regels", vocabulary.words, vocabulary.counts.__getitem__)
    bounded = _keys(corpus.search("*regels", limit=ALL))
    assert bounded == _keys(corpus.search(most_frequent, limit=ALL))
    assert bounded < unbounded


def test_wildcards_in_name_and_id_fields(index: Index) -> None:
    everything = _keys(index.search("doc:000_5ad47325840f862b", limit=ALL))
    assert _keys(index.search("minister:wee*", limit=ALL)) == everything
    assert _keys(index.search("doc:000_5ad*", limit=ALL)) == everything
    assert index.search("minister:xyz*") == []


@pytest.mark.parametrize("query", ["nummer:13*", "alinea:1*", "alinea:?1"])
def test_numbers_take_no_wildcards(index: Index, query: str) -> None:
    with pytest.raises(QueryError, match="takes no wildcards; give a range"):
        index.search(query)


def test_synonyms_leave_wildcard_words_alone(index: Index) -> None:
    # "Woo" is also searched as "Wet open overheid"; "Woo*" stands for words beginning with "woo".
    hits = index.search("Woo*", limit=ALL)
    assert hits
    assert all(re.search(r"(?i)\bwoo", hit.text + hit.question) for hit in hits)


def test_too_many_wildcard_words_are_refused(index: Index) -> None:
    query = " ".join(f"{word}*" for word in "aa ab ac ad ae af ag ah ai".split())
    with pytest.raises(QueryError, match="^the query has 9 words with wildcards; at most 8$"):
        index.search(query)


def test_cli_wildcards(seed_index_dir: Path) -> None:
    runner = CliRunner()
    found = runner.invoke(main, ["query", "aanbested*", "--index", str(seed_index_dir)])
    assert found.exit_code == 0
    assert "**aanbesteding**" in found.stdout
    assert found.stderr == ""  # no "did you mean" for a wildcard word
    broad = runner.invoke(main, ["query", "*", "--index", str(seed_index_dir)])
    assert broad.exit_code == 2
    assert "the wildcard '*' is too broad" in broad.stderr
    assert "Traceback" not in broad.output


def test_the_readme_example_finds_what_it_says(corpus: Index) -> None:
    marked = " ".join(hit.highlight for hit in corpus.search("*regels", limit=ALL))
    assert "**aanbestedingsregels**" in marked
    assert "**leefregels**" in marked


def test_widespread_wildcards_score_a_constant(corpus: Index, monkeypatch: pytest.MonkeyPatch) -> None:
    scored = corpus.search("*regels", limit=ALL)
    monkeypatch.setattr(searchkit.wildcards, "SCORED_POSTINGS", 0)
    constant = corpus.search("*regels", limit=ALL)
    assert _keys(constant) == _keys(scored)
    assert "**leefregels**" in " ".join(hit.highlight for hit in constant)
    # Every passage holding one of the words scores the same: the field's weight.
    searcher = corpus._in_use().searcher
    terms = ["regel", "leefregel", "aanbestedingsregel"]
    found = searcher.search(Expansion("text", terms, boost=3.0), limit=None)
    holding = {
        d
        for t in terms
        if ("text", t) in searcher.reader()
        for d in searcher.reader().postings("text", t).all_ids()
    }
    assert {hit.docnum for hit in found} == holding
    assert {hit.score for hit in found} == {3.0}


@pytest.mark.parametrize("scored_postings", [0, 10_000])
def test_wildcards_skip_removed_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scored_postings: int
) -> None:
    monkeypatch.setattr(searchkit.wildcards, "SCORED_POSTINGS", scored_postings)
    kenia = TEXTS / "ah-tk-20242025-548.txt"
    searchkit.build_index([SEED, kenia], tmp_path).close()
    with searchkit.update_index([kenia], tmp_path) as updated:  # the seed's passages are deleted
        assert updated.changes["removed"] == 1
        assert updated.search("aanbested*") == []
        assert {hit.doc_id for hit in updated.search("keni*")} == {kenia.stem}
