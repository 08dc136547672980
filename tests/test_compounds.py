"""Dutch compound splitting with the shipped lexicon."""

from __future__ import annotations

import pytest

from searchkit.analysis.compounds import split_compound


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("aanbestedingsregels", ("aanbesteding", "regels")),
        ("analyseomgeving", ("analyse", "omgeving")),
        ("persoonsgegevens", ("persoon", "gegevens")),
        ("ontwikkelingshulp", ("ontwikkeling", "hulp")),
        ("pensioenuitvoerders", ("pensioen", "uitvoerders")),
        ("veiligheidsregio", ("veiligheid", "regio")),
        ("leveringsproblemen", ("levering", "problemen")),
        ("klachtenafhandelingssysteem", ("klachten", "afhandeling", "systeem")),
        ("vreemdelingenwet", ("vreemdeling", "wet")),
    ],
)
def test_compounds_split_into_their_parts(word: str, parts: tuple[str, ...]) -> None:
    assert split_compound(word) == parts


@pytest.mark.parametrize(
    "word",
    [
        "regering",  # not re + gering
        "verwerving",  # a prefix is not a part
        "aanbesteding",
        "bestuur",  # common words stay whole: not best + uur
        "kinderen",  # a plural is not kind + eren
        "onderzoek",  # onder- is a particle
        "voorwaarden",
        "mogelijkheden",  # -heden is a suffix
        "ministerie",
        "rapportage",
        "informatie",
        "x",
        "",
    ],
)
def test_words_that_stay_whole(word: str) -> None:
    assert split_compound(word) == ()
