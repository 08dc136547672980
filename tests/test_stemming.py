"""Dutch stemming: Snowball's original Dutch algorithm, plus plural and override fixes."""

from __future__ import annotations

import re

import pytest
import Stemmer
from conftest import PROJECT
from nltk.stem.snowball import DutchStemmer
from whoosh.support.charset import accent_map

from searchkit.analysis.stemming import stem, stem_overrides


def _corpus_words() -> set[str]:
    words: set[str] = set()
    for path in [*(PROJECT / "tests" / "data" / "text").glob("*.txt"), *(PROJECT / "seeds").glob("*.txt")]:
        text = path.read_text("utf-8", errors="replace")
        words.update(w.lower().translate(accent_map) for w in re.findall(r"[^\W\d_]+", text))
    return words


def test_pystemmer_runs_the_same_algorithm_as_nltk() -> None:
    """PyStemmer's dutch_porter is nltk's DutchStemmer, word for word, on the whole corpus."""
    words = _corpus_words()
    assert len(words) > 5000
    snowball, nltk = Stemmer.Stemmer("dutch_porter"), DutchStemmer()
    assert [w for w in words if snowball.stemWord(w) != nltk.stem(w)] == []


@pytest.mark.parametrize(
    "forms",
    [
        ("licentie", "licenties"),
        ("categorie", "categorieen"),
        ("idee", "ideeen"),
        ("procedure", "procedures"),
        ("analyse", "analyses"),
        ("zone", "zones"),
        ("kans", "kansen"),
        ("mens", "mensen"),
        ("plaats", "plaatsen"),
        ("huis", "huizen"),
        ("kind", "kinderen"),
        ("stad", "steden"),
        ("proces", "processen"),
        ("maatregel", "maatregelen"),
        ("gebruik", "gebruiken"),
        ("ministerie", "ministeries"),
        ("bus", "bussen"),
        ("tiental", "tientallen"),
        ("man", "mannen"),
        ("adres", "adressen"),
        ("virus", "virussen"),
    ],
)
def test_forms_of_a_word_share_a_stem(forms: tuple[str, ...]) -> None:
    assert len({stem(form) for form in forms}) == 1


@pytest.mark.parametrize(
    ("one", "other"),
    [("kans", "kan"), ("gegevens", "gegeven"), ("mens", "men"), ("kgg", "kg"), ("ovv", "ov")],
)
def test_different_words_keep_different_stems(one: str, other: str) -> None:
    assert stem(one) != stem(other)


def test_overrides_are_lowercase_folded_words() -> None:
    overrides = stem_overrides()
    assert len(overrides) > 30
    for form, target in overrides.items():
        assert form == form.lower().translate(accent_map) and form.isalpha(), form
        assert target and target == target.lower(), form
