"""Undoing line-end hyphenation and glued words without losing real hyphens or compounds."""

from __future__ import annotations

import pytest

from searchkit.parsing.words import join_hyphenated, join_inner_hyphens, join_lines, split_glued


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


@pytest.mark.parametrize(
    ("text", "split"),
    [
        ("In het algemeengeldt dat", "In het algemeen geldt dat"),
        ("een gedetineerde wordtgeplaatst", "een gedetineerde wordt geplaatst"),
        ("met die groep contactmag hebben", "met die groep contact mag hebben"),
        ("in een groepte plaatsen", "in een groep te plaatsen"),
        ("Bentu bereid", "Bent u bereid"),
        ("het OpenbaarMinisterie", "het Openbaar Ministerie"),
        ("bevoegdEBI-gedetineerden", "bevoegd EBI-gedetineerden"),
        ("meer AIinzetten", "meer AI inzetten"),
        ("die in2025 ingaat", "die in 2025 ingaat"),
        ("per 25.000inwoners", "per 25.000 inwoners"),
        ("zoals vande leden", "zoals van de leden"),
        ("onderwijs. Hetkabinet wil", "onderwijs. Het kabinet wil"),
        ("vrouwenen meisjes", "vrouwen en meisjes"),
    ],
)
def test_split_glued(text: str, split: str) -> None:
    assert split_glued(text) == split


@pytest.mark.parametrize(
    "text",
    [
        "informatieproducten",
        "aanbestedingsregels",
        "veiligheidsoverwegingen",
        "GroenLinks-PvdA",
        "de PvdA",
        "TikTok",
        "CO2-heffing",
        "COP28",
        "F16s",
        "2024Z15585",
        "1e Kamer",
        "bureau Schuberg Philis",  # a name, not "Phil is"
        "bron IND (Metis).",
        "niet langer meestijgen",  # particle words: "mee" + "stijgen"
        "de uitsplitsen",
        "de omvaarroute",
        "de tussendoelen",
        "het tegengaan",
        "zorgen uitte",
        "de gezagen",  # a plural, not "gezag en"
        "https://nos.nl/artikel/2510977-kritiekop",
    ],
)
def test_split_glued_leaves_words_whole(text: str) -> None:
    assert split_glued(text) == text


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("achtergron-den", "achtergronden"),
        ("individu-eel", "individueel"),
        ("dagpro-gramma", "dagprogramma"),
        ("uitdrukke-lijk", "uitdrukkelijk"),
        ("kortingsproposi-ties", "kortingsproposities"),
        ("klimaat-neutraal", "klimaatneutraal"),
        ("debtw-verhoging", "de btw-verhoging"),
        ("totniet-winstbeogende", "tot niet-winstbeogende"),
        ("EBI-gedetineerden", "EBI-gedetineerden"),
        ("VN-vluchtelingenorganisatie", "VN-vluchtelingenorganisatie"),
        ("e-mail", "e-mail"),
        ("oud-minister", "oud-minister"),
        ("data-analyses", "data-analyses"),
        ("mbo-instellingen", "mbo-instellingen"),
        ("informatie-uitwisseling", "informatie-uitwisseling"),
        ("april-september", "april-september"),
        ("https://nos.nl/klimaat-neutraal", "https://nos.nl/klimaat-neutraal"),
    ],
)
def test_join_inner_hyphens(text: str, joined: str) -> None:
    assert join_inner_hyphens(text) == joined


def test_join_inner_hyphens_as_the_document_writes_the_word() -> None:
    assert join_inner_hyphens("de advocaten-bezoeken") == "de advocaten-bezoeken"
    assert join_inner_hyphens("de advocaten-bezoeken", {"advocatenbezoeken"}) == "de advocatenbezoeken"


@pytest.mark.parametrize(
    ("text", "line", "joined"),
    [
        ("van de vredesonderhande-", "lingen en", "van de vredesonderhandelingen en"),
        ("voor grond-", "en drinkwater", "voor grond- en drinkwater"),
        (
            "zie https://nos.nl/artikel/2510977-",
            "kritiek-op-besluit",
            "zie https://nos.nl/artikel/2510977-kritiek-op-besluit",
        ),
        ("via https://", "www.tweedekamer.nl/detail", "via https://www.tweedekamer.nl/detail"),
        (
            "(https://transparency.meta.com/report",
            "[A/C Priv] Draft",
            "(https://transparency.meta.com/report [A/C Priv] Draft",
        ),
        (
            "De Algemene Onderwijsbond (www.aob.nl,",
            "d.d. 16 oktober 2024)",
            "De Algemene Onderwijsbond (www.aob.nl, d.d. 16 oktober 2024)",
        ),
        ("met de", "Kamer", "met de Kamer"),
    ],
)
def test_join_lines(text: str, line: str, joined: str) -> None:
    assert join_lines(text, line) == joined
