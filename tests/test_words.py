"""Undoing line-end hyphenation without losing real hyphens."""

from __future__ import annotations

import pytest

from searchkit.parsing.words import join_hyphenated


@pytest.mark.parametrize(
    ("head", "tail", "joined"),
    [
        ("vredesonderhande-", "lingen", "vredesonderhandelingen"),
        ("regen-", "boogprovincie", "regenboogprovincie"),
        ("individu-", "eel", "individueel"),
        ("achtergron-", "den", "achtergronden"),
        ("ministe-", "rie", "ministerie"),
        ("Vredesonderhande-", "lingen", "Vredesonderhandelingen"),
        ("zorg-", "verzekeraars", "zorgverzekeraars"),
        ("EU-", "landen", "EU-landen"),
        ("Noord-", "Holland", "Noord-Holland"),
        ("COVID-", "19", "COVID-19"),
        ("data-", "integratie", "data-integratie"),
        ("politie-", "inzet", "politie-inzet"),
        ("Palantir-", "gerelateerde", "Palantir-gerelateerde"),
        ("niet-", "openbare", "niet-openbare"),
        ("https://nos.nl/artikel/2510977-", "kritiek", "https://nos.nl/artikel/2510977-kritiek"),
        ("-", "x", "-x"),
    ],
)
def test_join_hyphenated(head: str, tail: str, joined: str) -> None:
    assert join_hyphenated(head, tail) == joined
