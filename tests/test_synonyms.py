"""Query-time synonyms: forms of a group find each other; words and phrases stay words."""

from __future__ import annotations

import pytest

from searchkit.synonyms import SynonymTable, read_table

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
