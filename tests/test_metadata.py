"""Header metadata and cross-references: real documents read by hand, and tables of header forms."""

from __future__ import annotations

import datetime as dt
import json
import runpy
from pathlib import Path
from typing import Any

import pytest
from conftest import SEED

from searchkit import Document, Member, Official, parse_document
from searchkit.parsing import SUPPORTED_SUFFIXES
from searchkit.parsing.metadata import (
    find_answer_line,
    find_question_line,
    parse_addressees,
    parse_askers,
    read_metadata,
    vergaderjaar_of,
)
from searchkit.parsing.references import find_references

DATA = Path(__file__).resolve().parent / "data"
TEXT = DATA / "text"
PDF = DATA / "pdf"

MINISTER = "minister"
STAATSSECRETARIS = "staatssecretaris"

# --- real documents ------------------------------------------------------------------------

#: What each header says, read from the document by hand. Fields left out are not checked.
REAL_DOCUMENTS: dict[str, dict[str, Any]] = {
    # text from the PDF: two askers of one party, two ministers asked, a co-signer
    "text/ah-tk-20242025-548.txt": {
        "doc_id": "ah-tk-20242025-548",
        "vergaderjaar": "2024-2025",
        "nummer": 548,
        "kind": "antwoord",
        "askers": [Member("Paternotte", "D66"), Member("Podt", "D66")],
        "addressees": ["Minister van Buitenlandse Zaken", "Minister van Asiel en Migratie"],
        "subject": "het kidnappen van Turkse burgers in Kenia",
        "submitted": dt.date(2024, 10, 22),
        "answered_by": [Official(MINISTER, "Veldkamp", "Buitenlandse Zaken")],
        "minister": "Veldkamp",
        "ministry": "Buitenlandse Zaken",
        "role": MINISTER,
        "co_signers": "Minister van Asiel en Migratie",
        "received": dt.date(2024, 11, 14),
        "related": [],
        "notice": None,
    },
    # two who answered, "Zie ook" glued to the answer line
    "text/ah-tk-20242025-558.txt": {
        "doc_id": "ah-tk-20242025-558",
        "askers": [Member("Van Nispen", "SP")],
        "addressees": ["Minister van Justitie en Veiligheid"],
        "subject": "het voornemen om tien procent te bezuinigen op de crisisbeheersing en de brandweer",
        "submitted": dt.date(2024, 10, 18),
        "answered_by": [
            Official(MINISTER, "Van Weel", "Justitie en Veiligheid"),
            Official(STAATSSECRETARIS, "Coenradie", "Justitie en Veiligheid"),
        ],
        "minister": "Van Weel",
        "co_signers": None,
        "received": dt.date(2024, 11, 14),
        "related": ["ah-tk-20242025-505"],
    },
    # "Staatsecretaris" misspelt in the header, "Handelingen,vergaderjaar" glued
    "text/ah-tk-20242025-559.txt": {
        "askers": [Member("Mohandis", "GroenLinks-PvdA")],
        "addressees": ["Staatssecretaris van Volksgezondheid, Welzijn en Sport"],
        "answered_by": [Official(STAATSSECRETARIS, "Karremans", "Volksgezondheid, Welzijn en Sport")],
        "role": STAATSSECRETARIS,
        "received": dt.date(2024, 11, 14),
        "related": ["ah-tk-20242025-342"],
    },
    # the addressee wraps over two lines: "Justitie en\nVeiligheid"
    "text/ah-tk-20242025-573.txt": {
        "doc_id": "ah-tk-20242025-573",
        "askers": [Member("Ellian", "VVD")],
        "addressees": ["Staatssecretaris van Justitie en Veiligheid"],
        "subject": "het contact dat Faissal Taghi mag hebben in de Extra Beveiligde Inrichting",
        "submitted": dt.date(2024, 11, 4),
        "answered_by": [Official(STAATSSECRETARIS, "Coenradie", "Justitie en Veiligheid")],
        "received": dt.date(2024, 11, 18),
    },
    # "Ministers voor Klimaat en Energie en van Economische Zaken en Klimaat"
    "text/ah-tk-20242025-576.txt": {
        "addressees": ["Minister voor Klimaat en Energie", "Minister van Economische Zaken en Klimaat"],
        "submitted": dt.date(2024, 6, 21),
        "answered_by": [Official(MINISTER, "Hermans", "Klimaat en Groene Groei")],
        "related": ["ah-tk-20232024-2116"],
    },
    # two askers of two parties, two ministers asked
    "text/ah-tk-20242025-582.txt": {
        "askers": [Member("Ellian", "VVD"), Member("Paternotte", "D66")],
        "addressees": ["Minister van Buitenlandse Zaken", "Minister van Justitie en Veiligheid"],
        "subject": "de aanbesteding van rechtsbijstand aan Nederlandse ter doodveroordeelden",
        "submitted": dt.date(2024, 11, 6),
        "answered_by": [Official(MINISTER, "Veldkamp", "Buitenlandse Zaken")],
    },
    # "Vraag van het lid" (one question)
    "text/ah-tk-20242025-585.txt": {
        "askers": [Member("Van Houwelingen", "FVD")],
        "addressees": ["Minister van Justitie en Veiligheid"],
        "subject": "correspondentie tussen de NCTV en de NAVO",
        "submitted": dt.date(2024, 10, 1),
        "related": ["ah-tk-20242025-349"],
    },
    # three offices asked, "deStaatssecretaris" glued; a co-signer; "november2024"
    "text/ah-tk-20242025-586.txt": {
        "askers": [Member("Postma", "Nieuw Sociaal Contract")],
        "addressees": [
            "Minister van Klimaat en Groene Groei",
            "Minister van Sociale Zaken en Werkgelegenheid",
            "Staatssecretaris van Infrastructuur en Waterstaat",
        ],
        "subject": "het onderzoek van het Nibud, in opdracht van de Mobiliteitsalliantie",
        "answered_by": [Official(STAATSSECRETARIS, "Jansen", "Infrastructuur en Waterstaat")],
        "co_signers": "Minister van Klimaat en Groene Groei",
        "received": dt.date(2024, 11, 18),
        "related": ["ah-tk-20242025-393"],
    },
    # "aan de Ministers van Buitenlandse Zaken, van Justitie en Veiligheid en van Asiel en Migratie"
    "text/ah-tk-20242025-592.txt": {
        "askers": [Member("Koekkoek", "Volt")],
        "addressees": [
            "Minister van Buitenlandse Zaken",
            "Minister van Justitie en Veiligheid",
            "Minister van Asiel en Migratie",
        ],
        "answered_by": [Official(MINISTER, "Faber-Van de Klashorst", "Asiel en Migratie")],
        "co_signers": "Minister van Buitenlandse Zaken",
    },
    # the ministry's Word file: "AH 601", the vergaderjaar from the date received
    "text/ah-tk-20242025-601.txt": {
        "doc_id": "ah-tk-20242025-601",
        "vergaderjaar": "2024-2025",
        "nummer": 601,
        "askers": [],
        "addressees": [],
        "subject": None,
        "submitted": None,
        "answered_by": [Official(MINISTER, "Faber-Van de Klashorst", "Asiel en Migratie")],
        "received": dt.date(2024, 11, 20),
    },
    "text/ah-tk-20242025-605.txt": {
        "doc_id": "ah-tk-20242025-605",
        "nummer": 605,
        "answered_by": [Official(MINISTER, "Klever", "Buitenlandse Handel en Ontwikkelingshulp")],
        "co_signers": "minister van Financiën",
        "received": dt.date(2024, 11, 20),
    },
    # the ministry's closing parenthesis is missing
    "text/ah-tk-20242025-613.txt": {
        "doc_id": "ah-tk-20242025-613",
        "answered_by": [Official(STAATSSECRETARIS, "Karremans", "Volksgezondheid, Welzijn en Sport")],
        "received": dt.date(2024, 11, 20),
        "related": ["ah-tk-20242025-375"],
    },
}

#: The official PDFs, once the PDF reader is registered.
REAL_PDFS: dict[str, dict[str, Any]] = {
    "pdf/ah-tk-20232024-1314.pdf": {
        "doc_id": "ah-tk-20232024-1314",
        "vergaderjaar": "2023-2024",
        "nummer": 1314,
        "askers": [Member("Mutluer", "GroenLinks-PvdA"), Member("Kostić", "PvdD")],
        "addressees": ["Minister van Onderwijs, Cultuur en Wetenschap"],
        "submitted": dt.date(2024, 3, 6),
        "answered_by": [Official(MINISTER, "Dijkgraaf", "Onderwijs, Cultuur en Wetenschap")],
        "received": dt.date(2024, 3, 25),
    },
    "pdf/ah-tk-20232024-1481.pdf": {
        "askers": [Member("Koekkoek", "Volt")],
        "addressees": [
            "Staatssecretaris van Volksgezondheid, Welzijn en Sport",
            "Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties",
        ],
        "answered_by": [
            Official(STAATSSECRETARIS, "Van Huffelen", "Binnenlandse Zaken en Koninkrijksrelaties")
        ],
        "co_signers": "Staatssecretarissen van Volksgezondheid, Welzijn en Sport en van Justitie en Veiligheid",
        "received": dt.date(2024, 4, 11),
        "related": ["ah-tk-20232024-1137"],
    },
    # "het lid Van Eijk en Aartsen (beiden VVD)"
    "pdf/ah-tk-20232024-1984.pdf": {
        "askers": [Member("Van Eijk", "VVD"), Member("Aartsen", "VVD")],
        "addressees": ["Staatssecretaris van Financiën", "Minister van Sociale Zaken en Werkgelegenheid"],
        "answered_by": [Official(STAATSSECRETARIS, "Van Rij", "Financiën – Fiscaliteit en Belastingdienst")],
        "co_signers": "Minister van Sociale Zaken en Werkgelegenheid",
        "received": dt.date(2024, 6, 14),
    },
    # two ministers answered: "Minister Bruins Slot (BZ) van Minister Schreinemacher (…)"
    "pdf/ah-tk-20232024-2129.pdf": {
        "askers": [Member("Ceder", "ChristenUnie"), Member("Dobbe", "SP")],
        "answered_by": [
            Official(MINISTER, "Bruins Slot", "BZ"),
            Official(MINISTER, "Schreinemacher", "Buitenlandse Handel en Ontwikkelingssamenwerking"),
        ],
        "received": dt.date(2024, 6, 28),
    },
    # "aan de Staatssecretaris en de Minister van Volksgezondheid, Welzijn en Sport"
    "pdf/ah-tk-20232024-2271.pdf": {
        "addressees": [
            "Staatssecretaris van Volksgezondheid, Welzijn en Sport",
            "Minister van Volksgezondheid, Welzijn en Sport",
        ],
        "answered_by": [
            Official(
                STAATSSECRETARIS, "Karremans", "Volksgezondheid, Welzijn en Sport – Jeugd, Preventie en Sport"
            )
        ],
        "received": dt.date(2024, 8, 12),
        "related": ["ah-tk-20232024-2147"],
    },
}


def _check(document: Document, expected: dict[str, Any]) -> None:
    actual = {name: getattr(document, name) for name in expected}
    assert actual == expected


@pytest.mark.parametrize("name", sorted(REAL_DOCUMENTS))
def test_real_document_metadata(name: str) -> None:
    _check(parse_document(DATA / name), REAL_DOCUMENTS[name])


@pytest.mark.skipif(".pdf" not in SUPPORTED_SUFFIXES, reason="the PDF reader is not registered yet")
@pytest.mark.parametrize("name", sorted(REAL_PDFS))
def test_real_pdf_metadata(name: str) -> None:
    _check(parse_document(DATA / name), REAL_PDFS[name])


def test_seed_metadata() -> None:
    """The seed has no id and no question line: the file stem, the vergaderjaar from the date."""
    _check(
        parse_document(SEED),
        {
            "doc_id": SEED.stem,
            "vergaderjaar": "2024-2025",
            "nummer": None,
            "kind": "antwoord",
            "askers": [],
            "submitted": None,
            "answered_by": [Official(MINISTER, "Van Weel", "Justitie en Veiligheid")],
            "role": MINISTER,
            "received": dt.date(2025, 8, 20),
            "related": ["ah-tk-20242025-2790"],
        },
    )


# --- header forms ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "askers"),
    [
        ("Van Haga (Groep Van Haga)", [Member("Van Haga", "Groep Van Haga")]),
        (
            "Mutluer (GroenLinks-PvdA) en Kostić (PvdD)",
            [Member("Mutluer", "GroenLinks-PvdA"), Member("Kostić", "PvdD")],
        ),
        ("Paternotte en Podt (beiden D66)", [Member("Paternotte", "D66"), Member("Podt", "D66")]),
        (
            "Soepboer en Wingelaar (beiden Nieuw Sociaal\nContract)",
            [Member("Soepboer", "Nieuw Sociaal Contract"), Member("Wingelaar", "Nieuw Sociaal Contract")],
        ),
        (
            "Dassen (Volt), Omtzigt (Nieuw Sociaal Contract) en Van der Plas (BBB)",
            [
                Member("Dassen", "Volt"),
                Member("Omtzigt", "Nieuw Sociaal Contract"),
                Member("Van der Plas", "BBB"),
            ],
        ),
        (
            "Kops, Madlener en Graus (allen PVV)",
            [Member("Kops", "PVV"), Member("Madlener", "PVV"), Member("Graus", "PVV")],
        ),
        (
            "Bikker (ChristenUnie), mede namens het lid Ceder (ChristenUnie)",
            [Member("Bikker", "ChristenUnie"), Member("Ceder", "ChristenUnie")],
        ),
        (
            "Kröger (GroenLinks-PvdA), mede namens de leden Bromet (GroenLinks-PvdA) en Teunissen (PvdD)",
            [
                Member("Kröger", "GroenLinks-PvdA"),
                Member("Bromet", "GroenLinks-PvdA"),
                Member("Teunissen", "PvdD"),
            ],
        ),
        ("Faber-van de Klashorst(PVV)", [Member("Faber-van de Klashorst", "PVV")]),
        ("Omtzigt", [Member("Omtzigt")]),
    ],
)
def test_askers(text: str, askers: list[Member]) -> None:
    assert parse_askers(text) == askers


@pytest.mark.parametrize(
    ("text", "addressees"),
    [
        ("Minister van Financiën", ["Minister van Financiën"]),
        (
            "Ministers van Buitenlandse Zaken en van Asiel en Migratie",
            ["Minister van Buitenlandse Zaken", "Minister van Asiel en Migratie"],
        ),
        (
            "Minister van Justitie en Veiligheid en de Staatssecretaris van Infrastructuur en Waterstaat",
            ["Minister van Justitie en Veiligheid", "Staatssecretaris van Infrastructuur en Waterstaat"],
        ),
        (
            "Staatssecretarissen van Volksgezondheid, Welzijn en Sport en van Financiën",
            ["Staatssecretaris van Volksgezondheid, Welzijn en Sport", "Staatssecretaris van Financiën"],
        ),
        ("Minister-President", ["Minister-President"]),
        (
            "Minister-President, Minister van Algemene Zaken, en de Minister van Financiën",
            ["Minister-President", "Minister van Algemene Zaken", "Minister van Financiën"],
        ),
        ("Staatsecretaris van Financiën", ["Staatssecretaris van Financiën"]),
        ("minister voor Klimaat en Energie", ["Minister voor Klimaat en Energie"]),
        ("", []),
    ],
)
def test_addressees(text: str, addressees: list[str]) -> None:
    assert parse_addressees(text) == addressees


@pytest.mark.parametrize(
    ("header", "askers", "addressees", "subject", "submitted"),
    [
        (
            "Vragen van het lid Van Haga (Groep Van Haga) aan de Minister-President over de\n"
            "formatie (ingezonden 6 maart 2024).",
            [Member("Van Haga", "Groep Van Haga")],
            ["Minister-President"],
            "de formatie",
            dt.date(2024, 3, 6),
        ),
        (
            "Vragen van de leden Mutluer (GroenLinks-PvdA) en Kostić (PvdD) aan de\nMinister van Onderwijs, "
            "Cultuur en Wetenschap over het bericht «Kritiek (en lof)» (ingezonden 6 maart\n2024).",
            [Member("Mutluer", "GroenLinks-PvdA"), Member("Kostić", "PvdD")],
            ["Minister van Onderwijs, Cultuur en Wetenschap"],
            "het bericht «Kritiek (en lof)»",
            dt.date(2024, 3, 6),
        ),
        (
            "Vragen van het lid Kathmann (GroenLinks-PvdA) aan deStaatssecretaris van Binnenlandse Zaken "
            "over het ontslag: (ingezonden 16 oktober 2024).",
            [Member("Kathmann", "GroenLinks-PvdA")],
            ["Staatssecretaris van Binnenlandse Zaken"],
            "het ontslag",
            dt.date(2024, 10, 16),
        ),
        (
            # no date: the line ends where the answer line starts
            "Vragen van het lid Omtzigt (NSC) aan de Minister van Financiën over box 3.\n"
            "Antwoord van Minister Heinen (Financiën) (ontvangen 1 mei 2024).",
            [Member("Omtzigt", "NSC")],
            ["Minister van Financiën"],
            "box 3",
            None,
        ),
    ],
)
def test_question_line(
    header: str, askers: list[Member], addressees: list[str], subject: str, submitted: dt.date | None
) -> None:
    line = find_question_line(header)
    assert line is not None
    assert (line.askers, line.addressees, line.subject, line.submitted) == (
        askers,
        addressees,
        subject,
        submitted,
    )


def test_no_question_line() -> None:
    assert find_question_line("AH 601\nAntwoord van minister X (Y) (ontvangen 1 mei 2024)") is None


@pytest.mark.parametrize(
    ("header", "answered_by", "co_signers", "received"),
    [
        (
            "Antwoord van Minister Veldkamp (Buitenlandse Zaken), mede namens de\n"
            "Minister van Asiel en Migratie (ontvangen 14 november 2024).",
            [Official(MINISTER, "Veldkamp", "Buitenlandse Zaken")],
            "Minister van Asiel en Migratie",
            dt.date(2024, 11, 14),
        ),
        (
            "Antwoord van Minister Van Weel (Justitie en Veiligheid) en antwoord van\n"
            "Staatssecretaris Coenradie (Justitie en Veiligheid) (ontvangen 14 november\n2024).",
            [
                Official(MINISTER, "Van Weel", "Justitie en Veiligheid"),
                Official(STAATSSECRETARIS, "Coenradie", "Justitie en Veiligheid"),
            ],
            None,
            dt.date(2024, 11, 14),
        ),
        (
            "Antwoord van Minister-President Schoof (Algemene Zaken) (ontvangen 3 juni 2025)",
            [Official("minister-president", "Schoof", "Algemene Zaken")],
            None,
            dt.date(2025, 6, 3),
        ),
        (
            "Antwoord van minister Faber - Van de Klashorst (Asiel en Migratie) (ontvangen 20 november 2024)",
            [Official(MINISTER, "Faber-Van de Klashorst", "Asiel en Migratie")],
            None,
            dt.date(2024, 11, 20),
        ),
        (
            "Antwoord van de Staatssecretaris van Financiën (ontvangen 1 mei 2024)",
            [],
            None,
            dt.date(2024, 5, 1),
        ),
    ],
)
def test_answer_line(
    header: str, answered_by: list[Official], co_signers: str | None, received: dt.date
) -> None:
    line = find_answer_line(header)
    assert line is not None
    assert (line.kind, line.answered_by, line.co_signers, line.received) == (
        "antwoord",
        answered_by,
        co_signers,
        received,
    )


def test_answer_line_after_a_subject_naming_an_answer() -> None:
    """The words "het antwoord van de minister" in the subject are not the answer line."""
    header = (
        "Vragen van het lid X (SP) aan de Minister van Financiën over het antwoord van de Minister van "
        "Financiën op eerdere vragen (ingezonden 1 april 2024).\n"
        "Antwoord van Minister Heinen (Financiën) (ontvangen 1 mei 2024)."
    )
    metadata = read_metadata(header.splitlines(), [], default_id="x")
    assert metadata.subject == "het antwoord van de Minister van Financiën op eerdere vragen"
    assert metadata.answered_by == [Official(MINISTER, "Heinen", "Financiën")]


# --- ids and vergaderjaren ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "vergaderjaar"),
    [
        (dt.date(2024, 9, 16), "2023-2024"),  # the day before Prinsjesdag 2024
        (dt.date(2024, 9, 17), "2024-2025"),  # Prinsjesdag 2024: the third Tuesday of September
        (dt.date(2024, 12, 31), "2024-2025"),
        (dt.date(2025, 1, 1), "2024-2025"),
        (dt.date(2025, 9, 15), "2024-2025"),
        (dt.date(2025, 9, 16), "2025-2026"),  # Prinsjesdag 2025
        (dt.date(2020, 9, 15), "2020-2021"),  # Prinsjesdag 2020 (September 1 was a Tuesday)
        (dt.date(2020, 9, 14), "2019-2020"),
    ],
)
def test_vergaderjaar_starts_on_prinsjesdag(day: dt.date, vergaderjaar: str) -> None:
    assert vergaderjaar_of(day) == vergaderjaar


@pytest.mark.parametrize(
    ("header", "furniture", "doc_id", "vergaderjaar", "nummer"),
    [
        (
            ["Antwoord van minister X (Y) (ontvangen 1 mei 2024)"],
            ["ah-tk-20232024-1076"],
            "ah-tk-20232024-1076",
            "2023-2024",
            1076,
        ),
        (
            ["AH 12", "Antwoord van minister X (Y) (ontvangen 1 oktober 2024)"],
            [],
            "ah-tk-20242025-12",
            "2024-2025",
            12,
        ),
        # no date received: the date the questions were submitted
        (
            ["AH 7", "Vragen van het lid A (B) aan de Minister van C (ingezonden 2 september 2024)."],
            [],
            "ah-tk-20232024-7",
            "2023-2024",
            7,
        ),
        # no date at all: the file's name
        (["AH 7"], [], "file-name", None, None),
        (
            ["Antwoord van minister X (Y) (ontvangen 1 mei 2024)"],
            ["ah-ek-20232024-3"],
            "ah-ek-20232024-3",
            "2023-2024",
            3,
        ),
    ],
)
def test_doc_id(
    header: list[str], furniture: list[str], doc_id: str, vergaderjaar: str | None, nummer: int | None
) -> None:
    metadata = read_metadata(header, furniture, default_id="file-name")
    assert (metadata.doc_id, metadata.vergaderjaar, metadata.nummer) == (doc_id, vergaderjaar, nummer)


# --- mededelingen ----------------------------------------------------------------------------

MEDEDELING = DATA / "made-up" / "mededeling.txt"


def test_mededeling() -> None:
    document = parse_document(MEDEDELING)
    _check(
        document,
        {
            "doc_id": "ah-tk-20242025-9001",
            "kind": "mededeling",
            "askers": [Member("Dassen", "Volt"), Member("Omtzigt", "Nieuw Sociaal Contract")],
            "answered_by": [Official(MINISTER, "Heinen", "Financiën")],
            "submitted": dt.date(2024, 10, 2),
            "received": dt.date(2024, 10, 23),
            "related": ["ah-tk-20242025-100"],
            "notice": "De vragen van de leden Dassen en Omtzigt kunnen niet binnen de gebruikelijke "
            "termijn worden beantwoord.",
        },
    )
    assert [(q.numbers, q.answer) for q in document.questions] == [((1,), []), ((2,), [])]


def test_answer_document_has_no_notice() -> None:
    assert parse_document(TEXT / "ah-tk-20242025-548.txt").notice is None


# --- cross-references --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Zie het antwoord op vraag 7.", [7]),
        ("Zie mijn antwoord op de vragen 3 en 4.", [3, 4]),
        ("Nee, zie antwoord 2.", [2]),
        ("Hiervoor verwijs ik naar het antwoord op vraag 5.", [5]),
        ("Ja, zie antwoord vraag 3.", [3]),
        ("Zie mijn antwoord op vraag 3, 8 en 9.", [3, 8, 9]),
        ("Zie de antwoorden op de vragen 2, 6 en 8.", [2, 6, 8]),
        ("Zoals aangegeven in het antwoord op vraag 1, zijn er 12 landen.", [1]),
        ("Zie vraag 4. Zie ook het antwoord op vraag 4 en 6.", [4, 6]),
        ("In het antwoord van 12 maart staat het; zie de brief van 4 juni.", []),
        ("Het antwoord op 12 vragen volgt.", []),
    ],
)
def test_find_references(text: str, numbers: list[int]) -> None:
    assert find_references(text) == numbers


@pytest.mark.parametrize(
    ("name", "see_also"),
    [
        ("ah-tk-20242025-578.txt", {(8,): (7,), (13,): (3, 8, 9)}),
        ("ah-tk-20242025-611.txt", {(4,): (3,), (6,): (5,), (9,): (3,)}),
    ],
)
def test_real_cross_references(name: str, see_also: dict[tuple[int, ...], tuple[int, ...]]) -> None:
    document = parse_document(TEXT / name)
    assert {q.numbers: q.see_also for q in document.questions if q.see_also} == see_also


def test_references_to_unasked_or_own_questions_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "refs.txt"
    path.write_text(
        "Vraag 1\nWat?\nAntwoord 1\nZie het antwoord op vraag 1 en 2 en vraag 9.\n"
        "Vraag 2\nEn?\nAntwoord 2\nZie antwoord 1.\n",
        "utf-8",
    )
    assert [q.see_also for q in parse_document(path).questions] == [(2,), (1,)]


# --- the model ------------------------------------------------------------------------------


def test_to_dict_is_json_ready_and_round_trips() -> None:
    document = parse_document(TEXT / "ah-tk-20242025-578.txt")
    data = json.loads(json.dumps(document.to_dict()))
    assert data["submitted"] == "2024-09-30"
    assert data["askers"] == [{"name": "Westerveld", "party": "GroenLinks-PvdA"}]
    assert data["answered_by"] == [
        {"role": STAATSSECRETARIS, "name": "Maeijer", "ministry": "Volksgezondheid, Welzijn en Sport"}
    ]
    assert Document.from_dict(data) == document


def test_labels() -> None:
    assert str(Member("Ellian", "VVD")) == "Ellian (VVD)"
    assert str(Member("Omtzigt")) == "Omtzigt"
    assert (
        str(Official(MINISTER, "Van Weel", "Justitie en Veiligheid"))
        == "minister Van Weel (Justitie en Veiligheid)"
    )


# --- the corpus report ----------------------------------------------------------------------


def test_check_corpus_reports_and_warns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    check_corpus = runpy.run_path(str(Path(__file__).resolve().parent.parent / "scripts" / "check_corpus.py"))
    (tmp_path / "ah-x.txt").write_text(
        "Antwoord van minister Van Weel (Justitie en Veiligheid) (ontvangen 20 augustus 2025)\n"
        "Vraag 1\nWat?[footnoteRef:9]\nAntwoord 1\nZie ah-tk-20242025-1 en destraat, zie antwoord 3.\n"
        "Vraag 3\nEn?\n",
        "utf-8",
    )
    (tmp_path / "leeg.txt").write_text("", "utf-8")
    assert check_corpus["main"]([str(tmp_path), str(MEDEDELING)]) == 0
    report = capsys.readouterr().out
    assert "ah-x · vergaderjaar 2024-2025 · antwoord · " in report
    assert "  antwoord van minister Van Weel (Justitie en Veiligheid)\n" in report
    assert "  2 questions · 1 answer paragraphs · 1 footnotes · 1 cross-references\n" in report
    for warning in [
        "question without answer: 3",
        "question numbers: 2 missing",
        "furniture in text: ah-tk-20242025-1",
        "glued words: destraat",
        "empty footnotes: 9",
    ]:
        assert f"  warning: {warning}\n" in report
    assert "ah-tk-20242025-9001 · vergaderjaar 2024-2025 nr. 9001 · mededeling" in report
    assert "Totals: 3 files, 2 read (1 antwoord, 1 mededeling), 1 not read;" in report
    assert f"  not read: {tmp_path / 'leeg.txt'}: empty file\n" in report
