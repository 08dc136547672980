"""Tests of what ranks passages beyond their own words: the document's subject, the
answer a paragraph belongs to, corrections drawn from every searched field."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SEEDS

from searchkit import Document, Index, QueryError, build_index, open_index, parse_document
from searchkit.analysis import analyze
from searchkit.expansion import closest_term
from searchkit.ranking import Ranking
from searchkit.schema import SEARCHED_FIELDS, TEXT_FIELDS

TEXTS = Path(__file__).parent / "data" / "text"


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("relevance-index")
    build_index([SEEDS, TEXTS], path).close()
    return path


@pytest.fixture(scope="module")
def corpus(corpus_dir: Path) -> Iterator[Index]:
    with open_index(corpus_dir) as index:
        yield index


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    return [parse_document(path) for path in sorted(TEXTS.glob("*.txt"))]


def _passage_terms(document: Document) -> set[str]:
    words = [
        " ".join(
            [
                *q.answer,
                q.text,
                *(n.text for n in q.footnotes),
                *(n.text for ns in q.answer_footnotes for n in ns),
            ]
        )
        for q in document.questions
    ]
    return set(analyze(" ".join(words), "index"))


def test_a_word_of_the_subject_only_finds_the_documents_paragraphs(
    corpus: Index, documents: list[Document]
) -> None:
    checked = 0
    for document in documents:
        own = _passage_terms(document)
        words = [w for w in (document.subject or "").split() if w.isalpha() and len(w) > 5]
        subject_only = [w for w in words if set(analyze(w)) and not set(analyze(w)) & own]
        for word in subject_only[:2]:
            hits = corpus.search(word, limit=1000)
            assert document.doc_id in {hit.doc_id for hit in hits}, (document.doc_id, word)
            checked += 1
    assert checked >= 5


def test_the_answer_lifts_its_paragraphs(corpus_dir: Path) -> None:
    """A paragraph scores its own score plus a share of the best score in its answer."""
    share = Ranking().answer
    assert share > 0
    with open_index(corpus_dir, ranking=Ranking(answer=0)) as plain, open_index(corpus_dir) as lifted:
        for query in ("aanbesteding", "klachten zorginstelling", "asiel Afghaanse vrouwen", "brandweer"):
            own = {
                (h.doc_id, h.question_numbers, h.paragraph): h.score for h in plain.search(query, limit=30)
            }
            best: dict[tuple[str, tuple[int, ...]], float] = {}
            for (doc_id, numbers, _), score in own.items():
                best[doc_id, numbers] = max(best.get((doc_id, numbers), 0.0), score)
            hits = lifted.search(query, limit=10)
            assert hits
            for hit in hits:
                expected = own[hit.doc_id, hit.question_numbers, hit.paragraph]
                expected += share * best[hit.doc_id, hit.question_numbers]
                assert hit.score == pytest.approx(expected), (query, hit.paragraph)
            assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_misspelled_words_are_corrected_from_the_questions_too(corpus: Index) -> None:
    reader = corpus._in_use().searcher.reader()

    def known(term: str) -> int:
        return sum(reader.doc_frequency(field, term) for field in SEARCHED_FIELDS)

    question_only = [
        term
        for term in reader.field_terms("question")
        if len(term) >= 7
        and term.isalpha()
        and not any(reader.doc_frequency(f, term) for f in TEXT_FIELDS if f != "question")
    ]
    assert len(question_only) >= 5
    corrected = 0
    for term in question_only[:40]:
        typo = term[:3] + term[4] + term[3] + term[5:]  # two letters swapped
        if typo != term and not known(typo):
            assert closest_term(typo, reader, known) is not None, term
            corrected += closest_term(typo, reader, known) == term
    assert corrected >= 5


def test_a_one_word_phrase_weighs_as_the_word(corpus: Index) -> None:
    """whoosh turns a one-word phrase into a term and drops its weight; we keep it, so
    `"licentie"` and a synonym's one-word form rank as the word typed plainly (words of
    no synonym group: quotes turn synonyms off)."""
    for word in ("licentie", "Palantir", "brandweer"):
        plain = [(h.doc_id, h.paragraph, round(h.score, 6)) for h in corpus.search(word)]
        quoted = [(h.doc_id, h.paragraph, round(h.score, 6)) for h in corpus.search(f'"{word}"')]
        assert plain and quoted == plain


def test_words_a_synonym_table_adds_are_not_corrected_as_typos(corpus: Index) -> None:
    """`aanbesteding` is also searched as the related *tender*; where no passage says
    tender, it must not be "corrected" to a word that is there (*minder*)."""
    marked = {
        word.lower()
        for hit in corpus.search("aanbesteding", limit=50)
        for word in re.findall(r"\*\*(.+?)\*\*", hit.highlight)
    }
    assert marked
    assert all("aanbested" in word or word.startswith("tender") for word in marked), marked


def test_a_phrase_of_stop_words_only_is_refused_clearly(corpus: Index) -> None:
    """Phrases are simplified before the check for anything to search: `"de het"` holds nothing."""
    with pytest.raises(QueryError, match="nothing to search for"):
        corpus.search('"de het"')
