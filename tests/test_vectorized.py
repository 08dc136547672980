"""The numpy evaluation gives whoosh's hits: same passages, order, scores and matched terms.

whoosh's reference is its exhaustive search (every match scored): its top-N
pruning can drop boosted clauses that would rank (see ``run_search``).
"""

from __future__ import annotations

import json
import math
import pickle
import shutil
import zlib
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from conftest import SEEDS
from whoosh import query as wq

import searchkit
import searchkit.index
from searchkit import Index, QueryError, build_index, postings, update_index, vectorized
from searchkit.analysis import analyze
from searchkit.expansion import with_fallbacks
from searchkit.postings import SegmentPostings
from searchkit.vectorized import VectorSearcher
from searchkit.wildcards import expand_wildcards

DATA = Path(__file__).resolve().parent / "data"
JUDGED = [q["query"] for q in json.loads((DATA / "judgments.json").read_text("utf-8"))["queries"]]
#: Operators, phrases, fields, dates, ranges, typos and rare words, besides the judged queries.
QUERIES = [
    *JUDGED,
    "minister",
    "Welke organisaties gebruiken de software van Palantir?",
    "Kunt u dit toelichten?",
    '"uw Kamer"',
    '"heimelijke verwerving" palantir',
    "palantir AND politie",
    "palantir NOT politie",
    "(raffinaderij OR palantir) AND politie",
    "NIET politie",
    "politie EN NIET palantir",
    "vraag:3",
    "vraag:3 politie",
    "vraag:(2 OR 3) onderzoek",
    "alinea:2 onderzoek",
    "alinea:[2 TO 4] onderzoek",
    'minister:"van weel"',
    "ministerie:justitie asiel",
    "datum:[2024-01-01 TO 2024-12-31]",
    "datum:[2024-11-01 TO 2024-11-30] politie",
    "datum:[2024-11-19 TO] opvang",
    "datum:2024-11",
    "ingezonden:[2024-09-01 TO 2024-10-31] gemeenten",
    "nummer:[500 TO 600] kabinet",
    "soort:mededeling",
    "aanbestding",
    "mensensmokkel",
    "voedsellogo",
    "tekst:overgewicht vraagtekst:nutri-score",
    "voetnoot:kamerstukken",
    "Woo verzoek",
    "OM vervolging",
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Index]:
    """The seed and the development corpus (texts and PDFs) in one segment."""
    with build_index([SEEDS, DATA / "text", DATA / "pdf"], tmp_path_factory.mktemp("corpus")) as index:
        yield index


@pytest.fixture(scope="module")
def updated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Index]:
    """The corpus in several segments with deleted passages: built from part, then updated."""
    sources = tmp_path_factory.mktemp("sources")
    texts = sorted((DATA / "text").glob("*.txt"))
    for path in texts[:20]:
        shutil.copy(path, sources)
    index_dir = tmp_path_factory.mktemp("updated")
    build_index([sources], index_dir).close()
    for path in texts[20:]:
        shutil.copy(path, sources)
    changed = sources / texts[3].name
    changed.write_text(changed.read_text("utf-8") + "\nDe minister informeert de Kamer.\n", "utf-8")
    (sources / texts[5].name).unlink()
    with update_index([sources], index_dir) as index:
        yield index


def _parsed(index: Index, text: str) -> wq.Query | None:
    """The query ``Index.search`` runs for ``text``; None for one it refuses."""
    generation = index._in_use()
    reader = generation.searcher.reader()
    try:
        expanded = with_fallbacks(index._parser.parse(text), reader, set(analyze(text)))
        return expand_wildcards(expanded, reader, generation.vocabulary)
    except QueryError:
        return None


def _same_hits(index: Index, query: wq.Query, limit: int) -> None:
    searcher = index._in_use().searcher
    expected = searcher.search(query, limit=None, terms=True)[:limit]
    got = VectorSearcher(searcher).search(query, limit)
    assert len(got) == len(expected), query
    for rank, (mine, theirs) in enumerate(zip(got, expected, strict=True)):
        assert math.isclose(mine.score, theirs.score, rel_tol=1e-9), (query, rank)
        if mine.docnum != theirs.docnum:
            # Equal scores summed in another order may differ in the last bit and swap places.
            assert math.isclose(mine.score, got[-1].score, rel_tol=1e-9), (query, rank)
            continue
        # whoosh also names a word of an AND the passage holds without the other words,
        # when that word's matcher happens to stand on it: never the other way round.
        theirs_terms = set(theirs.matched_terms())
        assert mine.terms <= theirs_terms, (query, rank)
        assert all(_holds(index, theirs.docnum, term) for term in theirs_terms - mine.terms), (query, rank)
        assert mine.fields() == theirs.fields()


def _holds(index: Index, docnum: int, term: tuple[str, bytes]) -> bool:
    return docnum in index._in_use().searcher.docs_for_query(wq.Term(*term))


@pytest.mark.parametrize("limit", [1, 10, 1000])
def test_same_hits_as_whoosh(corpus: Index, limit: int) -> None:
    queries = [q for q in (_parsed(corpus, text) for text in QUERIES) if q is not None]
    assert len(queries) > 200
    for query in queries:
        _same_hits(corpus, query, limit)


def test_same_hits_over_segments_with_deletions(updated: Index) -> None:
    reader = updated._in_use().searcher.reader()
    assert len(reader.leaf_readers()) > 1 and any(r.has_deletions() for r, _ in reader.leaf_readers())
    for text in QUERIES:
        if (query := _parsed(updated, text)) is not None:
            _same_hits(updated, query, 10)


def test_postings_as_whoosh_reads_them(updated: Index) -> None:
    for leaf, _ in updated._in_use().searcher.reader().leaf_readers():
        segment = SegmentPostings(leaf)
        for fieldname in ("text", "question", "footnotes", "question_numbers", "received"):
            for term in leaf.lexicon(fieldname):
                postings = segment.postings(fieldname, term)
                matcher = leaf.postings(fieldname, term)
                ids, weights = [], []
                while matcher.is_active():
                    ids.append(matcher.id())
                    weights.append(matcher.weight())
                    matcher.next()
                assert postings.ids.tolist() == ids
                assert postings.weights.tolist() == weights
        for fieldname in ("text", "question", "footnotes"):
            lengths = segment.lengths(fieldname)
            for docnum in range(leaf.doc_count_all()):
                assert lengths[docnum] == (leaf.doc_field_length(docnum, fieldname) or 0)


def test_large_indexes_search_with_numpy(corpus: Index, monkeypatch: pytest.MonkeyPatch) -> None:
    queries = ["Welke organisaties gebruiken de software van Palantir?", "datum:2024-11 asiel", '"uw Kamer"']
    with searchkit.open_index(corpus.path) as small:
        expected = [small.search(q, limit=5, highlight="html") for q in queries]
        assert small._in_use().vectors is None
    monkeypatch.setattr(searchkit.index, "VECTOR_MIN_PASSAGES", 1)
    with searchkit.open_index(corpus.path) as large:
        got = [large.search(q, limit=5, highlight="html") for q in queries]
        assert isinstance(large._in_use().vectors, VectorSearcher)
    for mine, theirs in zip(got, expected, strict=True):
        assert [_rounded(hit.to_dict()) for hit in mine] == [_rounded(hit.to_dict()) for hit in theirs]


def _rounded(hit: dict[str, object]) -> dict[str, object]:
    return {**hit, "score": round(float(hit["score"]), 9)}  # type: ignore[arg-type]


def test_no_matches(corpus: Index) -> None:
    searcher = corpus._in_use().searcher
    assert VectorSearcher(searcher).search(wq.Term("text", "zzzonbekend"), 10) == []
    assert VectorSearcher(searcher).search(wq.NullQuery, 10) == []
    assert VectorSearcher(searcher).search(wq.Or([]), 10) == []


def test_the_query_shapes_of_the_parser_need_no_whoosh_matchers(
    corpus: Index, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: object, node: wq.Query) -> None:
        raise AssertionError(f"run by whoosh: {node!r}")

    monkeypatch.setattr(vectorized._Segment, "_by_whoosh", refuse)
    searcher = VectorSearcher(corpus._in_use().searcher)
    for text in QUERIES:
        if "NIET" in text.split() or (query := _parsed(corpus, text)) is None:
            continue  # a NOT alone matches every other passage: whoosh's matcher runs it
        searcher.search(query, 10)


@pytest.mark.parametrize("first", [3, 300, 70_000])
@pytest.mark.parametrize("gaps", [[1, 2, 255, 7], [1, 256, 2, 3], [4, 5]])
@pytest.mark.parametrize("weights", [None, 2.0, "varied"])
@pytest.mark.parametrize("values", [None, "positions"])
def test_block_start_read_as_unpickled(first: int, gaps: list[int], weights: object, values: object) -> None:
    """Blocks as whoosh3 writes them: (delta-encoded ids, weights, values) pickled with protocol 2."""
    deltas = (first, *gaps * 8)
    count = len(deltas)
    stored = tuple(float(i % 3 + 1) for i in range(count)) if weights == "varied" else weights
    kept = tuple(b"\x00\x00\x00\x01" + pickle.dumps([i], 2) for i in range(count)) if values else None
    block = pickle.dumps((deltas, stored, kept), 2)
    read = postings._read_pickle_start(
        zlib.decompressobj().decompress(zlib.compress(block), 16 + 11 * count), count
    )
    if max(gaps) > 255:
        assert read is None
        return
    assert read is not None
    assert read[0].tolist() == np.cumsum(deltas).tolist()
    assert read[1].tolist() == postings._weights(stored, count).tolist()
