"""Query-time synonyms: forms of a group find each other; words and phrases stay words."""

from __future__ import annotations

from importlib import resources

import pytest

from searchkit.synonyms import SynonymTable, _is_capital_abbreviation, _words, default_table, read_table

TABLE = SynonymTable(
    read_table(
        "# a comment\n"
        "Wet open overheid\tWoo\n"
        "Openbaar Ministerie\tOM\n"
        "Justitie en Veiligheid\tJ&V\tJenV\n"
        "Immigratie- en Naturalisatiedienst\tIND\n"
        "alleen\n"
    )
)


@pytest.mark.parametrize(
    ("query", "expanded"),
    [
        ("Woo verzoeken", '("Woo" OR "Wet open overheid") verzoeken'),
        ("wet open overheid", '("wet open overheid" OR "Woo")'),
        ("Wét Open Overheid", '("Wét Open Overheid" OR "Woo")'),
        ("OM vervolging", '("OM" OR "Openbaar Ministerie") vervolging'),
        ("om de hoek", "om de hoek"),  # the word om is not the abbreviation OM
        ("J&V budget", '("J&V" OR "Justitie en Veiligheid" OR "JenV") budget'),
        ("de immigratie- en naturalisatiedienst", 'de ("immigratie- en naturalisatiedienst" OR "IND")'),
        ('"Woo" doc:woo', '"Woo" doc:woo'),  # phrases and field clauses are left alone
        ('minister:"wet open" Woo', 'minister:"wet open" ("Woo" OR "Wet open overheid")'),
        ("wet", "wet"),  # part of a form is not the form
        ("", ""),
    ],
)
def test_expand(query: str, expanded: str) -> None:
    assert TABLE.expand(query) == expanded


def test_groups_of_one_form_are_ignored() -> None:
    assert ("alleen",) not in TABLE.groups


RELATED = SynonymTable(
    read_table("Wet open overheid\tWoo\n"),
    read_table("bezuiniging\tkorting\tbesparing\nmobiele telefoon\tsmartphone\n"),
)


@pytest.mark.parametrize(
    ("query", "expanded"),
    [
        ("bezuinigingen brandweer", '(bezuinigingen OR "korting"^0.7 OR "besparing"^0.7) brandweer'),
        ("smartphones in de klas", '(smartphones OR "mobiele telefoon"^0.7) in de klas'),
        ("mobiele telefoon in de klas", '(mobiele telefoon OR "smartphone"^0.7) in de klas'),
        (
            "Woo bezuiniging",
            '("Woo" OR "Wet open overheid") (bezuiniging OR "korting"^0.7 OR "besparing"^0.7)',
        ),
    ],
)
def test_related_forms_weigh_less(query: str, expanded: str) -> None:
    assert RELATED.expand(query) == expanded


def _folded(form: str) -> str:
    return " ".join(_words(form))


@pytest.mark.parametrize("name", ["synonyms_nl.tsv", "related_nl.tsv"])
def test_shipped_tables_are_well_formed(name: str) -> None:
    text = resources.files("searchkit").joinpath("data", name).read_text("utf-8")
    groups = read_table(text)
    assert len(groups) > 100
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            forms = line.split("\t")
            assert len(forms) >= 2 and all(f and f == f.strip() for f in forms), line


def test_a_form_belongs_to_one_group_of_the_shipped_tables() -> None:
    table = default_table()
    seen: dict[str, tuple[str, ...]] = {}
    for group in table.groups:
        for form in group:
            key = (_folded(form), _is_capital_abbreviation(form))
            assert seen.setdefault(key, group) is group, (form, group, seen[key])
