"""Terms within a few edits: the automaton finds what whoosh's scan of the lexicon finds."""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SEEDS

from searchkit import Index, build_index, expansion, update_index
from searchkit.spelling import suggestions, terms_within

TEXTS = Path(__file__).resolve().parent / "data" / "text"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Index]:
    """The corpus in two segments (where whoosh scans the whole lexicon)."""
    sources = tmp_path_factory.mktemp("sources")
    texts = sorted(TEXTS.glob("*.txt"))
    for path in [*SEEDS.glob("*.txt"), *texts[:15]]:
        shutil.copy(path, sources)
    index_dir = tmp_path_factory.mktemp("corpus")
    build_index([sources], index_dir).close()
    for path in texts[15:]:
        shutil.copy(path, sources)
    with update_index([sources], index_dir) as index:
        assert not index._in_use().searcher.reader().is_atomic()
        yield index


def _misspelled(words: list[str], rng: random.Random) -> str:
    """A word of ``words`` with one to three letters inserted, left out, replaced or swapped."""
    letters = list(rng.choice(words))
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(letters))
        edit = rng.choice(("insert", "delete", "replace", "swap"))
        if edit == "insert":
            letters.insert(i, rng.choice("aeinorst"))
        elif edit == "delete" and len(letters) > 3:
            del letters[i]
        elif edit == "replace":
            letters[i] = rng.choice("aeinorst")
        elif i + 1 < len(letters):
            letters[i], letters[i + 1] = letters[i + 1], letters[i]
    return "".join(letters)


@pytest.fixture(scope="module")
def one_segment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Index]:
    """The corpus in one segment (where whoosh walks a Levenshtein automaton)."""
    with build_index([SEEDS, TEXTS], tmp_path_factory.mktemp("one")) as index:
        assert index._in_use().searcher.reader().is_atomic()
        yield index


@pytest.mark.parametrize("segments", ["corpus", "one_segment"])
def test_same_terms_and_suggestions_as_whoosh(segments: str, request: pytest.FixtureRequest) -> None:
    reader = request.getfixturevalue(segments)._in_use().searcher.reader()
    known = [t.decode("utf-8") for t in reader.lexicon("text")]
    rng = random.Random(5)
    words = [_misspelled([w for w in known if len(w) >= 4], rng) for _ in range(15)]
    words += ["aanbestding", "palantier", "licnetie", "polite", "ab", "ééé", "x" * 30]
    for word in words:
        for maxdist in (1,) if len(word) < 6 else (2,):  # as searchkit.expansion asks
            assert terms_within(reader, "text", word, maxdist) == sorted(
                reader.terms_within("text", word, maxdist)
            ), word
            expected = reader.corrector("text").suggest(word, limit=5, maxdist=maxdist)
            assert suggestions(reader, "text", word, limit=5, maxdist=maxdist) == expected, word


def test_an_open_index_looks_up_a_words_alternatives_once(
    corpus: Index, monkeypatch: pytest.MonkeyPatch
) -> None:
    looked_up: list[str] = []
    find = expansion._alternatives
    monkeypatch.setattr(
        expansion, "_alternatives", lambda word, *args: looked_up.append(word) or find(word, *args)
    )
    first = corpus.search("aanbestding licentie")
    assert sorted(looked_up) == ["aanbestd", "licentie"]
    assert corpus.search("aanbestding licentie") == first
    assert sorted(looked_up) == ["aanbestd", "licentie"]
