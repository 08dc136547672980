"""Query-time synonyms: forms of a group find each other; words and phrases stay words."""

from __future__ import annotations

import json
import pickle
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from searchkit.synonyms import (
    SHIPPED_TABLE_FILE,
    SynonymTable,
    _is_capital_abbreviation,
    _stored_table,
    _words,
    read_table,
    save_shipped_table,
    table,
)

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
    shipped = table()
    seen: dict[str, tuple[str, ...]] = {}
    for group in shipped.groups:
        for form in group:
            key = (_folded(form), _is_capital_abbreviation(form))
            assert seen.setdefault(key, group) is group, (form, group, seen[key])


def test_more_groups_extend_a_copy_of_the_table() -> None:
    extended = TABLE.with_groups(read_table("Woo-verzoek\tinformatieverzoek\nOM\tOpenbaar Ministerie\n"))
    assert extended.expand("informatieverzoek") == '("informatieverzoek" OR "Woo-verzoek")'
    assert TABLE.expand("informatieverzoek") == "informatieverzoek"
    assert extended.expand("OM") == TABLE.expand("OM")  # a repeated group changes nothing


def test_a_synonym_before_a_related_word_of_the_same_length() -> None:
    both = SynonymTable(read_table("subsidie\tbijdrage\n"), read_table("subsidie\tsteun\n"))
    assert both.expand("subsidie") == '("subsidie" OR "bijdrage")'


QUERIES = ["Woo verzoeken", "OM vervolging", "bezuinigingen brandweer", "J&V", "mobiele telefoon", "IND"]


def test_a_build_stores_the_shipped_tables_analysed(seed_index_dir: Path) -> None:
    generation = next(seed_index_dir.glob("gen-*"))
    stored = pickle.loads((generation / SHIPPED_TABLE_FILE).read_bytes())[1]
    assert stored is not table() and stored.groups == table().groups
    assert [stored.expand(q) for q in QUERIES] == [table().expand(q) for q in QUERIES]


def test_the_stored_tables_are_read_back(tmp_path: Path) -> None:
    save_shipped_table(tmp_path)
    stored = _stored_table(tmp_path)
    assert stored is not None and stored is not table()
    assert [stored.expand(q) for q in QUERIES] == [table().expand(q) for q in QUERIES]


def test_stored_tables_of_the_same_version_are_used_as_stored(tmp_path: Path) -> None:
    save_shipped_table(tmp_path)
    version, _ = pickle.loads((tmp_path / SHIPPED_TABLE_FILE).read_bytes())
    (tmp_path / SHIPPED_TABLE_FILE).write_bytes(pickle.dumps((version, TABLE)))
    stored = _stored_table(tmp_path)
    assert stored is not None and stored.groups == TABLE.groups


@pytest.mark.parametrize(
    "stored",
    [pickle.dumps(("another version", TABLE)), b"not a pickle", pickle.dumps("no tuple"), None],
)
def test_stored_tables_of_another_analysis_or_damaged_are_not_used(
    tmp_path: Path, stored: bytes | None
) -> None:
    if stored is not None:
        (tmp_path / SHIPPED_TABLE_FILE).write_bytes(stored)
    assert _stored_table(tmp_path) is None


def test_a_users_file_extends_the_stored_tables(seed_index_dir: Path, tmp_path: Path) -> None:
    extra = tmp_path / "mijn.tsv"
    extra.write_text("aanbesteding\ttender\n", "utf-8")
    generation = next(seed_index_dir.glob("gen-*"))
    extended = table(generation, extra)
    assert extended.expand("tender") == '("tender" OR "aanbesteding")'
    assert extended.expand("Woo") == table().expand("Woo")


def _hits(index_dir: Path, query: str) -> list[dict[str, object]]:
    """The hits of a ``searchkit query`` process: the tables it uses are the process's own."""
    command = [sys.executable, "-m", "searchkit", "query", query, "--json", "--index", str(index_dir)]
    return json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)


def test_a_query_uses_the_tables_its_index_stored(seed_index_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "index"
    shutil.copytree(seed_index_dir, copy)
    stored = next(copy.glob("gen-*")) / SHIPPED_TABLE_FILE
    version, _ = pickle.loads(stored.read_bytes())
    stored.write_bytes(pickle.dumps((version, SynonymTable(read_table("aanbesteding\tzebra\n")))))
    assert not any("aanbested" in str(hit["text"]).lower() for hit in _hits(seed_index_dir, "zebra"))
    hits = _hits(copy, "zebra")
    assert hits and all("aanbested" in str(hit["text"]).lower() for hit in hits)
