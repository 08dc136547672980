"""Tests of searchkit.parsing: the seed document, and made-up snippets for each rule."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import SEED
from hypothesis import given
from hypothesis import strategies as st

from searchkit.errors import ParseError
from searchkit.model import Document, Footnote
from searchkit.parsing import SUPPORTED_SUFFIXES, parse_document
from searchkit.parsing.cleanup import clean_line, clean_text
from searchkit.parsing.flow import Flow, Paragraph
from searchkit.parsing.metadata import (
    find_answer_line,
    find_doc_id,
    find_related,
    parse_dutch_date,
)
from searchkit.parsing.structure import is_heading, parse_numbers, parse_structure
from searchkit.parsing.text_export import read_flow


@pytest.fixture(scope="module")
def seed() -> Document:
    return parse_document(SEED)


def _write(directory: Path, name: str, content: str | bytes) -> Path:
    path = directory / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _all_texts(document: Document) -> list[str]:
    texts = []
    for question in document.questions:
        texts.append(question.text)
        texts.extend(question.answer)
        texts.extend(note.text for note in question.all_footnotes)
    return texts


# --- the seed document -------------------------------------------------------


def test_seed_questions_and_numbers(seed: Document) -> None:
    assert len(seed.questions) == 7
    assert [q.numbers for q in seed.questions] == [(n,) for n in range(1, 8)]


def test_seed_answer_paragraph_counts(seed: Document) -> None:
    assert [len(q.answer) for q in seed.questions] == [5, 1, 3, 3, 1, 5, 1]
    assert [len(q.answer_footnotes) for q in seed.questions] == [5, 1, 3, 3, 1, 5, 1]


def test_seed_footnotes_attached_where_referenced(seed: Document) -> None:
    q1, q3 = seed.questions[0], seed.questions[2]
    assert q1.footnotes == [
        Footnote(
            1,
            "Nieuw Rechts, 10 juli 2025, Hoe de Nederlandse overheid stilletjes een politiestaat "
            "optuigt met Palantir (https://nieuwrechts.nl/105250-hoe-de-nederlandse-overheid-"
            "stilletjes-een-politiestaat-optuigt-met-palantir).",
        )
    ]
    assert q1.answer_footnotes == [[], [], [Footnote(2, "Kamerstukken II, 2020-2021, nr. 3011")], [], []]
    assert q3.footnotes == []
    assert q3.answer_footnotes == [
        [Footnote(3, "De Veiligheidsregio’s zijn overigens geen departementsonderdeel.")],
        [],
        [],
    ]
    all_notes = [note for q in seed.questions for note in q.all_footnotes]
    assert [note.number for note in all_notes] == [1, 2, 3]


def test_seed_markers_removed_cleanly(seed: Document) -> None:
    q1, q3 = seed.questions[0], seed.questions[2]
    assert q1.text.endswith("toegang tot de Palantir software?")
    assert "geïnformeerd. Dit gebruik is reeds in 2021 beëindigd" in q1.answer[2]
    assert q1.answer[2].endswith("Palantir had geen toegang tot data van de veiligheidsregio’s.")
    assert q3.answer[0].startswith("Behoudens de politie en de zes veiligheidsregio’s in het verleden")
    assert q3.answer[0].endswith("geen gebruik van Palantir software.")


def test_seed_texts_are_clean(seed: Document) -> None:
    for text in _all_texts(seed):
        for residue in ("[footnoteRef", "[bookmark", "[1:", "[2:", "[3:", "\u00a0", "  "):
            assert residue not in text, (residue, text)
        assert text == text.strip()
        assert text


def test_seed_bookmark_before_heading(seed: Document) -> None:
    q3 = seed.questions[2]
    assert q3.numbers == (3,)
    assert q3.text.startswith("Welke organisatieonderdelen (waaronder ook samenwerkingsverbanden")


def test_seed_header_metadata(seed: Document) -> None:
    assert seed.minister == "Van Weel"
    assert seed.ministry == "Justitie en Veiligheid"
    assert seed.received == dt.date(2025, 8, 20)
    assert seed.related == ["ah-tk-20242025-2790"]
    assert seed.doc_id == "000_5ad47325840f862b"
    assert seed.source == str(SEED)


def test_seed_header_lines_are_not_content(seed: Document) -> None:
    for text in _all_texts(seed):
        assert not text.startswith(("Antwoord van", "Zie ook Aanhangsel"))


def test_seed_lettered_list(seed: Document) -> None:
    starts = [paragraph.split()[0] for paragraph in seed.questions[5].answer]
    assert starts == ["De", "a.", "b.", "c.", "d."]
    assert seed.questions[5].answer[0].startswith("De redenen")


def test_seed_question_texts(seed: Document) -> None:
    assert "openbare aanbesteding" in seed.questions[4].text
    assert seed.questions[6].text == "Kunnen de vragen afzonderlijk en binnen drie weken worden beantwoord?"
    assert seed.questions[6].answer == ["De vragen zijn zo snel mogelijk beantwoord."]


# --- structure rules on snippets ----------------------------------------------

HEADER = "Antwoord van minister Jansen (Financiën) (ontvangen 3 maart 2024)\n\n"


@pytest.mark.parametrize(
    ("question_heading", "answer_heading", "numbers"),
    [
        ("Vraag 2 en 3", "Antwoord op vraag 2 en 3", (2, 3)),
        ("Vragen 2 en 3:", "Antwoord 2 en 3:", (2, 3)),
        ("Vraag 3, 4 en 5", "Antwoord op vragen 3, 4 en 5", (3, 4, 5)),
        ("VRAAG 7, 8, 9 10 en 11", "antwoord 7, 8, 9 10 en 11", (7, 8, 9, 10, 11)),
        ("Vraag 4-7", "Antwoord vraag 4-7:", (4, 5, 6, 7)),
        ("[bookmark: _Hlk1]Vraag 12", "Antwoorden 12", (12,)),
    ],
)
def test_grouped_headings(
    tmp_path: Path, question_heading: str, answer_heading: str, numbers: tuple[int, ...]
) -> None:
    text = f"{HEADER}{question_heading}\nFirst line?\nSecond line?\n\n{answer_heading}\nThe answer.\n"
    document = parse_document(_write(tmp_path, "doc.txt", text))
    assert len(document.questions) == 1
    question = document.questions[0]
    assert question.numbers == numbers
    assert question.text == "First line? Second line?"
    assert question.answer == ["The answer."]


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("1", (1,)),
        ("2 en 3", (2, 3)),
        ("1,2,3,4 en 5", (1, 2, 3, 4, 5)),
        ("9–11", (9, 10, 11)),
        ("5 en 4", (4, 5)),
    ],
)
def test_parse_numbers(text: str, numbers: tuple[int, ...]) -> None:
    assert parse_numbers(text) == numbers


def test_antwoord_n_headings(tmp_path: Path) -> None:
    text = (
        HEADER
        + "Vraag 1\nIs dat zo?\nAntwoord 1\nJa.\nMaar niet altijd.\n\nVraag 2\nEn dit?\n\nAntwoord 2\nNee.\n"
    )
    document = parse_document(_write(tmp_path, "doc.txt", text))
    assert [(q.numbers, q.text, q.answer) for q in document.questions] == [
        ((1,), "Is dat zo?", ["Ja.", "Maar niet altijd."]),
        ((2,), "En dit?", ["Nee."]),
    ]


def test_bare_antwoord_answers_previous_question(tmp_path: Path) -> None:
    text = HEADER + "Vraag 1\nIs dat zo?\n\nAntwoord:\nJa.\n\nVraag 2\nEn dit?\nAntwoord\nNee.\n"
    document = parse_document(_write(tmp_path, "doc.txt", text))
    assert [(q.numbers, q.answer) for q in document.questions] == [((1,), ["Ja."]), ((2,), ["Nee."])]


def test_answer_covering_separate_questions_merges_them(tmp_path: Path) -> None:
    text = (
        HEADER
        + "Vraag 1\nEerst?\nVraag 2\nDan?\nAntwoord 1 en 2\nBeide ja.\nVraag 3\nTot slot?\nAntwoord 3\nNee.\n"
    )
    document = parse_document(_write(tmp_path, "doc.txt", text))
    assert [(q.numbers, q.text, q.answer) for q in document.questions] == [
        ((1, 2), "Eerst? Dan?", ["Beide ja."]),
        ((3,), "Tot slot?", ["Nee."]),
    ]


def test_answer_to_unasked_question_creates_empty_question(tmp_path: Path) -> None:
    text = HEADER + "Vraag 1\nEen vraag?\nAntwoord op vraag 1\nJa.\nAntwoord op vraag 2\nOok ja.\n"
    document = parse_document(_write(tmp_path, "doc.txt", text))
    assert [(q.numbers, q.text, q.answer) for q in document.questions] == [
        ((1,), "Een vraag?", ["Ja."]),
        ((2,), "", ["Ook ja."]),
    ]


def test_footnotes_in_question_and_answer(tmp_path: Path) -> None:
    text = (
        HEADER + "Vraag 1\n"
        "Kent u het bericht?[footnoteRef:4] En de brief?[footnoteRef:5] Meer tekst. "
        "[4: NOS, [video] (1 mei 2024), https://nos.nl/a?b=[c]]  [5:\u00a0Kamerstuk 36 200, nr. 1]\n"
        "Antwoord op vraag 1\n"
        "Ja.\n"
        "Zie de brief[footnoteRef:6] van gisteren.  [6: Kamerbrief (12 juni 2024).] \n"
    )
    question = parse_document(_write(tmp_path, "doc.txt", text)).questions[0]
    assert question.text == "Kent u het bericht? En de brief? Meer tekst."
    assert question.footnotes == [
        Footnote(4, "NOS, [video] (1 mei 2024), https://nos.nl/a?b=[c]"),
        Footnote(5, "Kamerstuk 36 200, nr. 1"),
    ]
    assert question.answer == ["Ja.", "Zie de brief van gisteren."]
    assert question.answer_footnotes == [[], [Footnote(6, "Kamerbrief (12 juni 2024).")]]


# --- header metadata -----------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "minister", "ministry", "received"),
    [
        (
            "Antwoord van minister Van Weel (Justitie en Veiligheid) (ontvangen 20 augustus 2025)",
            "Van Weel",
            "Justitie en Veiligheid",
            dt.date(2025, 8, 20),
        ),
        (
            "Antwoord van Minister De Jonge (Binnenlandse Zaken en Koninkrijksrelaties) (ontvangen 20 februari 2024).",
            "De Jonge",
            "Binnenlandse Zaken en Koninkrijksrelaties",
            dt.date(2024, 2, 20),
        ),
        (
            "Antwoord van staatssecretaris Achahbar (Financiën), mede namens de minister van\n"
            "Sociale Zaken en Werkgelegenheid (ontvangen\n15 november 2024).",
            "Achahbar",
            "Financiën",
            dt.date(2024, 11, 15),
        ),
        (
            "Antwoord van staatssecretaris Karremans (Volksgezondheid, Welzijn en Sport (ontvangen 20 november 2024)",
            "Karremans",
            "Volksgezondheid, Welzijn en Sport",
            dt.date(2024, 11, 20),
        ),
        (
            "Antwoord van Minister Faber-Van de Klashorst (Asiel en Migratie) (ontvangen 18 november2024).",
            "Faber-Van de Klashorst",
            "Asiel en Migratie",
            dt.date(2024, 11, 18),
        ),
    ],
)
def test_answer_line(header: str, minister: str, ministry: str, received: dt.date) -> None:
    answer = find_answer_line(f"Vragen van het lid X (Partij) aan de minister.\n{header}\nVraag 1\n")
    assert answer is not None
    assert (answer.minister, answer.ministry, answer.received) == (minister, ministry, received)


def test_no_answer_line() -> None:
    assert find_answer_line("Vraag 1\nHet antwoord van de minister volgt.\n") is None


def test_de_jonge_header_in_document(tmp_path: Path) -> None:
    text = (
        "Antwoord van Minister De Jonge (Binnenlandse Zaken en Koninkrijksrelaties) (ontvangen 20 februari 2024).\n"
        "Vraag 1\nWat?\nAntwoord 1\nDit.\n"
    )
    document = parse_document(_write(tmp_path, "ah-x.md", text))
    assert (document.minister, document.ministry, document.received) == (
        "De Jonge",
        "Binnenlandse Zaken en Koninkrijksrelaties",
        dt.date(2024, 2, 20),
    )
    assert document.doc_id == "ah-x"
    assert document.related == []


@pytest.mark.parametrize(
    ("text", "related"),
    [
        ("Zie ook Aanhangsel Handelingen, vergaderjaar 2024-2025, nr. 2790", ["ah-tk-20242025-2790"]),
        ("Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 594.", ["ah-tk-20232024-594"]),
        ("Zie ook Aanhangsel Handelingen,vergaderjaar 2024–2025,\nnr. 318.", ["ah-tk-20242025-318"]),
        ("Zie ook Aanhangsel Handelingen I, vergaderjaar 2022-2023, nr. 7", ["ah-ek-20222023-7"]),
        ("Zie ook mijn antwoord op vraag 7.", []),
    ],
)
def test_related(text: str, related: list[str]) -> None:
    assert find_related(text) == related


def test_doc_id_from_id_line(tmp_path: Path) -> None:
    assert (
        find_doc_id("tekst over ah-tk-20232024-1 in een zin\nah-tk-20232024-1076\n") == "ah-tk-20232024-1076"
    )
    assert find_doc_id("tekst over ah-tk-20232024-1 in een zin\n") is None
    text = HEADER + "Vraag 1\nWat?\nAntwoord 1\nDit.\n ah-tk-20232024-1076 \n"
    assert parse_document(_write(tmp_path, "file-name.txt", text)).doc_id == "ah-tk-20232024-1076"


@pytest.mark.parametrize(
    ("month", "number"),
    [
        ("januari", 1),
        ("februari", 2),
        ("maart", 3),
        ("april", 4),
        ("mei", 5),
        ("juni", 6),
        ("juli", 7),
        ("augustus", 8),
        ("september", 9),
        ("oktober", 10),
        ("november", 11),
        ("december", 12),
    ],
)
def test_dutch_months(month: str, number: int) -> None:
    assert parse_dutch_date(f"7 {month} 2023") == dt.date(2023, number, 7)
    assert parse_dutch_date(f" 28 {month.capitalize()} 1999 ") == dt.date(1999, number, 28)


@pytest.mark.parametrize(
    ("text", "date"),
    [("1 mrt. 2024", dt.date(2024, 3, 1)), ("18 november2024", dt.date(2024, 11, 18))],
)
def test_dutch_date_variants(text: str, date: dt.date) -> None:
    assert parse_dutch_date(text) == date


@pytest.mark.parametrize("text", ["20 august 2025", "31 februari 2024", "gisteren", "2024-02-20"])
def test_bad_dutch_dates(text: str) -> None:
    with pytest.raises(ValueError):
        parse_dutch_date(text)


# --- cleanup ---------------------------------------------------------------------


def test_clean_line() -> None:
    assert clean_line("\u00a0a\u202fb\u2007 c\u200b\u200dd\t\te\ufeff  ") == "a b cd e"


def test_clean_text_line_ends() -> None:
    assert clean_text(" één \r\ntwee\u00a0\rdrie\n") == "één\ntwee\ndrie\n"


# --- reading files ---------------------------------------------------------------

SNIPPET = (
    "Antwoord van minister Bakker (Financiën) (ontvangen 1 mei 2024)\n"
    "Vraag 1\nKlopt het ‘bericht’?\nAntwoord 1\nJa.\n"
)


def test_crlf_and_bom(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + SNIPPET.replace("\n", "\r\n").encode("utf-8")
    document = parse_document(_write(tmp_path, "bom.txt", data))
    assert document.minister == "Bakker"
    assert document.ministry == "Financiën"
    assert document.questions[0].text == "Klopt het ‘bericht’?"
    assert document.questions[0].answer == ["Ja."]


def test_cp1252(tmp_path: Path) -> None:
    document = parse_document(_write(tmp_path, "old.txt", SNIPPET.encode("cp1252")))
    assert document.ministry == "Financiën"
    assert document.received == dt.date(2024, 5, 1)
    assert document.questions[0].text == "Klopt het ‘bericht’?"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"\xef\xbb\xbf \r\n\t\r\n", "empty file"),
        ("binary.txt", b"Vraag 1\x00\x01\x02", "binary file (contains NUL bytes), not text"),
        ("undecodable.txt", b"Vraag 1\n\x81\x8d\n", "cannot decode text as UTF-8 or cp1252"),
        (
            "header-only.txt",
            "Antwoord van minister Bakker (Financiën)\nGeen vragen.\n".encode(),
            "no questions found",
        ),
        ("notes.xyz", SNIPPET.encode(), "unsupported file type '.xyz'"),
        ("README", SNIPPET.encode(), "unsupported file type (no suffix)"),
    ],
)
def test_parse_errors(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = _write(tmp_path, name, content)
    with pytest.raises(ParseError) as caught:
        parse_document(path)
    assert caught.value.reason == reason
    assert caught.value.path == str(path)
    assert name in str(caught.value)


def test_unreadable_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    with pytest.raises(ParseError, match=r"missing\.txt: cannot read file: No such file or directory"):
        parse_document(missing)
    directory = tmp_path / "folder.md"
    directory.mkdir()
    with pytest.raises(ParseError, match=r"folder\.md: cannot read file"):
        parse_document(directory)


def test_supported_suffixes(tmp_path: Path) -> None:
    assert {".txt", ".md"} <= set(SUPPORTED_SUFFIXES)
    document = parse_document(_write(tmp_path, "UPPER.TXT", SNIPPET))
    assert document.doc_id == "UPPER"
    assert len(document.questions) == 1


# --- structure: headings and their forms ---------------------------------------


def _structure(
    *texts: str, notes: dict[int, str] | None = None
) -> list[tuple[tuple[int, ...], str, list[str]]]:
    flow = Flow(paragraphs=[Paragraph(text) for text in texts], footnotes=notes or {})
    return [(q.numbers, q.text, q.answer) for q in parse_structure(flow).questions]


@pytest.mark.parametrize(
    ("heading", "numbers"),
    [
        ("Vraag 2 t/m 6", (2, 3, 4, 5, 6)),
        ("Vragen 2 tot en met 4", (2, 3, 4)),
        ("Vraag 7, 8, 9 10 en 11", (7, 8, 9, 10, 11)),
        ("## Vraag 3", (3,)),
        ("**Vraag 3**", (3,)),
        ("Vraag 3.", (3,)),
    ],
)
def test_question_heading_forms(heading: str, numbers: tuple[int, ...]) -> None:
    answer = f"Antwoord {numbers[0]}"
    assert _structure("Antwoord van minister X (Y)", heading, "Wat?", answer, "Dit.") == [
        (numbers, "Wat?", ["Dit."])
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Antwoord van minister Jansen (Financiën) (ontvangen 3 maart 2024)",
        "Mededeling van minister Jansen (Financiën) (ontvangen 3 maart 2024)",
        "Vragen van het lid Bakker (VVD) aan de minister van Financiën",
        "Vraag 1 gaat over de begroting.",
        "Antwoordnummer 12",
    ],
)
def test_header_and_text_lines_are_no_headings(text: str) -> None:
    assert not is_heading(text)


@pytest.mark.parametrize(
    "text", ["Vraag 1", "Antwoord", "Antwoord:", "Antwoord op vraag 4", "antwoord vraag 4-7:"]
)
def test_headings(text: str) -> None:
    assert is_heading(text)


def test_parse_numbers_does_not_expand_huge_ranges() -> None:
    assert parse_numbers("1-99999999") == (1, 99999999)


def test_bare_number_questions_with_antwoord() -> None:
    assert _structure(
        "AH 602", "2024Z17165", "1", "Eerste vraag?", "Antwoord", "Ja.", "2.", "Tweede?", "Antwoord:", "Nee."
    ) == [
        ((1,), "Eerste vraag?", ["Ja."]),
        ((2,), "Tweede?", ["Nee."]),
    ]


def test_numbered_questions_with_their_text() -> None:
    texts = [
        "1. Eerste vraag?",
        "Antwoord vraag 1:",
        "Ja.",
        "2. Tweede?",
        "3. Derde?",
        "Antwoord vraag 2-3:",
        "Beide.",
    ]
    assert _structure(*texts) == [((1,), "Eerste vraag?", ["Ja."]), ((2, 3), "Tweede? Derde?", ["Beide."])]


def test_numbered_list_in_an_answer_is_no_question() -> None:
    texts = [
        "1",
        "Vraag?",
        "Antwoord",
        "Twee redenen:",
        "1. de eerste;",
        "2. de tweede.",
        "2",
        "Nog een?",
        "Antwoord",
        "Nee.",
    ]
    assert _structure(*texts) == [
        ((1,), "Vraag?", ["Twee redenen:", "1. de eerste;", "2. de tweede."]),
        ((2,), "Nog een?", ["Nee."]),
    ]


def test_bare_numbers_are_text_where_questions_are_headed_vraag() -> None:
    assert _structure("Vraag 1", "Kent u het bericht?", "2", "Antwoord 1", "Ja.", "3") == [
        ((1,), "Kent u het bericht? 2", ["Ja.", "3"])
    ]


def test_same_heading_twice_and_misnumbered_answer() -> None:
    texts = [
        "Vraag 1",
        "Eerst?",
        "Antwoord 1",
        "Ja.",
        "Vraag 2",
        "Dan?",
        "Vraag 2",
        "Dan?",
        "Antwoord 3",
        "Nee.",
    ]
    assert _structure(*texts) == [((1,), "Eerst?", ["Ja."]), ((2, 3), "Dan?", ["Nee."])]


def test_gap_in_numbering_loses_no_text() -> None:
    texts = [
        "Vraag 1",
        "Eerst?",
        "Antwoord 1",
        "Ja.",
        "Vraag 3",
        "Dan?",
        "Antwoord 3",
        "Nee.",
        "Antwoord 1",
        "Toch.",
    ]
    assert _structure(*texts) == [((1,), "Eerst?", ["Ja.", "Toch."]), ((3,), "Dan?", ["Nee."])]


def test_toelichting_after_the_questions_answers_none() -> None:
    flow = Flow(
        paragraphs=[
            Paragraph(t) for t in ["Vraag 1", "Wat?", "Antwoord 1", "Dit.", "Toelichting:", "Deze vragen…"]
        ]
    )
    structure = parse_structure(flow)
    assert [(q.numbers, q.answer) for q in structure.questions] == [((1,), ["Dit."])]
    assert structure.trailer == ["Toelichting:", "Deze vragen…"]


# --- the Word export: "N)" marks, notes at the end, broken lines ---------------------------


def test_word_export_marks_and_end_notes(tmp_path: Path) -> None:
    text = (
        "AH 700\n2024Z00001\n"
        + HEADER
        + "Vraag 1\nKent u het bericht? 1)\n\nAntwoord 1\nJa, zie de brief (zie bijlage 2) van\n"
        "gisteren. 2)\n\nVraag 2\nEn dit?\nAntwoord 2\nNee.\n\n\n1) NOS, 1 mei 2024\n2) Kamerstuk 36 200, nr. 1\n"
    )
    document = parse_document(_write(tmp_path, "doc.txt", text))
    q1, q2 = document.questions
    assert q1.text == "Kent u het bericht?"
    assert q1.footnotes == [Footnote(1, "NOS, 1 mei 2024")]
    assert q1.answer == ["Ja, zie de brief (zie bijlage 2) van gisteren."]
    assert q1.answer_footnotes == [[Footnote(2, "Kamerstuk 36 200, nr. 1")]]
    assert q2.answer == ["Nee."]


def test_word_export_lists_and_sentences_stay_apart(tmp_path: Path) -> None:
    text = HEADER + "Vraag 1\nWat?\nAntwoord 1\nDe redenen zijn\na. de eerste\nb. de tweede\nklaar.\nNieuw.\n"
    answer = parse_document(_write(tmp_path, "doc.txt", text)).questions[0].answer
    assert answer == ["De redenen zijn", "a. de eerste", "b. de tweede klaar.", "Nieuw."]


# --- PDF text: furniture, notes, glued and wrapped lines ---------------------------------------

PDF_HEAD = (
    "Tweede Kamer der Staten-Generaal2\n"
    "Vergaderjaar 2024–2025 Aanhangsel van de Handelingen\n"
    "Vragen gesteld door de leden der Kamer, met de daarop door de\n"
    "regering gegeven antwoorden\n"
    "1234\n"
    "Vragen van het lid Jansen (VVD) aan de Minister van Financiën over het\n"
    "bericht «Voorbeeld» (ingezonden 1 oktober 2024).\n"
    "Antwoord van Minister Bakker (Financiën) (ontvangen\n"
    "4 november 2024).\n"
)
PAGE_1_FOOTER = "   \nah-tk-20242025-1234\nISSN 0921 - 7398’s-Gravenhage 2024Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 1"
FOOTER = "Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel {}"


def _pdf(tmp_path: Path, body: str, name: str = "pdf.txt") -> Document:
    return parse_document(_write(tmp_path, name, PDF_HEAD + body))


def test_pdf_text_furniture_and_header(tmp_path: Path) -> None:
    body = (
        "Vraag 1\nKlopt het?\nAntwoord 1\nJa.\n"
        + PAGE_1_FOOTER
        + "Vraag 2\nEn dit?\nAntwoord 2\nNee.\n"
        + FOOTER.format(2)
    )
    flow = read_flow(clean_text(PDF_HEAD + body))
    assert flow.furniture == [
        "Tweede Kamer der Staten-Generaal2",
        "Vergaderjaar 2024–2025",
        "Aanhangsel van de Handelingen",
        "Vragen gesteld door de leden der Kamer, met de daarop door de",
        "regering gegeven antwoorden",
        "1234",
        "ah-tk-20242025-1234",
        "ISSN 0921 - 7398",
        "’s-Gravenhage 2024",
        "Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 1",
        "Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 2",
    ]
    assert [p.text for p in flow.paragraphs[:2]] == [
        "Vragen van het lid Jansen (VVD) aan de Minister van Financiën over het bericht «Voorbeeld» (ingezonden 1 oktober 2024).",
        "Antwoord van Minister Bakker (Financiën) (ontvangen 4 november 2024).",
    ]
    document = _pdf(tmp_path, body)
    assert [(q.numbers, q.text, q.answer) for q in document.questions] == [
        ((1,), "Klopt het?", ["Ja."]),
        ((2,), "En dit?", ["Nee."]),
    ]
    assert document.doc_id == "ah-tk-20242025-1234"
    assert (document.minister, document.received) == ("Bakker", dt.date(2024, 11, 4))


def test_pdf_text_answer_over_a_page_break_with_its_note(tmp_path: Path) -> None:
    body = (
        "Vraag 1\n"
        "Kent u het bericht «Voorbeeld»?1\n"
        "Antwoord 1\n"
        "De vredesonderhande-\n"
        "lingen met de EU-landen zijn in het algemeengeldt dat het kabinet de\n"
        "1NOS, 1 oktober 2024, «Voorbeeld» (https://nos.nl/artikel/2510977-kritiek-op-\n"
        "besluit.html)\n" + PAGE_1_FOOTER + "\n"
        "zaak volgt.Daarom is het zo.\n"
        "Vraag 2\nEn dit?\nAntwoord 2\nNee.\n" + FOOTER.format(2)
    )
    q1, q2 = _pdf(tmp_path, body).questions
    assert q1.text == "Kent u het bericht «Voorbeeld»?"
    assert q1.footnotes == [
        Footnote(
            1, "NOS, 1 oktober 2024, «Voorbeeld» (https://nos.nl/artikel/2510977-kritiek-op-besluit.html)"
        )
    ]
    assert q1.answer == [
        "De vredesonderhandelingen met de EU-landen zijn in het algemeen geldt dat het kabinet de zaak volgt.",
        "Daarom is het zo.",
    ]
    assert q2.answer == ["Nee."]


@pytest.mark.parametrize(
    ("lines", "answer", "notes"),
    [
        ("Dat staat in de brief.\n1\nMeer tekst.", ["Dat staat in de brief.", "Meer tekst."], [[1], []]),
        ("Dat staat in de\nbrief\n1. Meer tekst.", ["Dat staat in de brief. Meer tekst."], [[1]]),
        ("Dat staat in de brief1 van gisteren.", ["Dat staat in de brief van gisteren."], [[1]]),
        (
            "Dat staat in de brief van\n1 april 2024 en niet in de wet.",
            ["Dat staat in de brief van 1 april 2024 en niet in de wet."],
            [[]],
        ),
        ("Dat staat in de\nbrief\n1 van gisteren.", ["Dat staat in de brief van gisteren."], [[1]]),
        (
            "Zie de uitstoot van CO1 en artikel 1 van de wet.?1",
            ["Zie de uitstoot van CO1 en artikel 1 van de wet.?"],
            [[1]],
        ),
    ],
)
def test_pdf_text_reference_forms(
    tmp_path: Path, lines: str, answer: list[str], notes: list[list[int]]
) -> None:
    body = f"Vraag 1\nWat?\nAntwoord 1\n{lines}\n1Kamerstuk 36 200, nr. 1\n" + FOOTER.format(1)
    question = _pdf(tmp_path, body).questions[0]
    assert question.answer == answer
    assert [[note.number for note in paragraph] for paragraph in question.answer_footnotes] == notes


def test_pdf_text_date_digits_are_no_reference(tmp_path: Path) -> None:
    body = "Vraag 1\nWat gebeurde vrijdag18 oktober?\nAntwoord 1\nNiets.\n" + FOOTER.format(1)
    question = _pdf(tmp_path, body).questions[0]
    assert question.text == "Wat gebeurde vrijdag 18 oktober?"
    assert question.footnotes == []


def test_pdf_text_footer_glued_to_heading(tmp_path: Path) -> None:
    body = "Vraag 1\nWat?\n" + PAGE_1_FOOTER + "Antwoord 1\nDit.\n" + FOOTER.format(2)
    assert [(q.numbers, q.answer) for q in _pdf(tmp_path, body).questions] == [((1,), ["Dit."])]


def test_pdf_text_heading_glued_to_text(tmp_path: Path) -> None:
    body = "Vraag 1Wat is er?\nAntwoord 1Dit.\n" + FOOTER.format(1)
    assert [(q.text, q.answer) for q in _pdf(tmp_path, body).questions] == [("Wat is er?", ["Dit."])]


# --- Markdown from a PDF converter ----------------------------------------------------------------


def test_markdown_pages_headings_and_marks(tmp_path: Path) -> None:
    text = (
        "Antwoord van minister Bakker (Financiën) (ontvangen 1 mei 2024).\n\n"
        "## Vraag 1\n\nKent u het bericht?[1 ]\n\n**Antwoord 1**\n\nJa, en de brief[^2] van\n\n"
        "[1 ] NOS, 1 mei 2024\n\n[2] Kamerstuk 36 200, nr. 1\n\n-----\n\n"
        "gisteren.\n\n## Vraag 2\n\nEn dit?\n\n## Antwoord 2\n\nNee.\n"
    )
    document = parse_document(_write(tmp_path, "doc.md", text))
    q1, q2 = document.questions
    assert q1.text == "Kent u het bericht?"
    assert q1.footnotes == [Footnote(1, "NOS, 1 mei 2024")]
    assert q1.answer == ["Ja, en de brief van gisteren."]
    assert q1.answer_footnotes == [[Footnote(2, "Kamerstuk 36 200, nr. 1")]]
    assert (q2.numbers, q2.answer) == ((2,), ["Nee."])


# --- any text ------------------------------------------------------------------------------------

_LINES = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "Vraag 1",
            "Vraag 2 en 3",
            "Vragen 2 t/m 4",
            "Antwoord",
            "Antwoord:",
            "Antwoord 1",
            "Antwoord op vraag 2",
            "1",
            "2.",
            "3. Vraag?",
            "1) NOS",
            "[1 ]",
            "[1: noot]",
            "[footnoteRef:1]",
            "-----",
            "ISSN 0921 - 7398",
            "ah-tk-20242025-1",
            "Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 1",
            "Toelichting:",
            "woord-",
            "1NOS",
            "Antwoord van minister X (Y) (ontvangen 1 mei 2024)",
            "Mededeling van minister X (Y)",
            "a. item",
            "– item",
        ]
    ),
    st.from_regex(r"(Vraag|Antwoord) [0-9]{1,4}([-,] ?[0-9]{1,9})?", fullmatch=True),
    st.from_regex(r"[a-zA-Z]{0,8}[?.]?[0-9]{1,3}[.,]?( [a-z]+)?", fullmatch=True),
)


@given(st.lists(_LINES, max_size=25), st.sampled_from(["doc.txt", "doc.md"]))
def test_any_text_gives_a_document_or_a_parse_error(
    tmp_path_factory: pytest.TempPathFactory, lines: list[str], name: str
) -> None:
    path = tmp_path_factory.mktemp("any") / name
    path.write_text("\n".join(lines), encoding="utf-8")
    try:
        document = parse_document(path)
    except ParseError:
        return
    assert isinstance(document, Document)
    assert document.questions


def test_pdf_text_lists_formulas_and_shortened_compounds(tmp_path: Path) -> None:
    body = (
        "Vraag 1\nWat doet u aan de CO\n2-uitstoot?\nAntwoord 1\n"
        "Dit zijn de maatregelen voor grond-\nen drinkwater, waaronder:– de eerste;\n– de tweede.\n"
        "Tot slot de hernieuw-\nbare energie.\n" + FOOTER.format(1)
    )
    question = _pdf(tmp_path, body).questions[0]
    assert question.text == "Wat doet u aan de CO2-uitstoot?"
    assert question.answer == [
        "Dit zijn de maatregelen voor grond- en drinkwater, waaronder:",
        "– de eerste;",
        "– de tweede.",
        "Tot slot de hernieuwbare energie.",
    ]


def test_pdf_text_page_number_after_a_footer_without_one(tmp_path: Path) -> None:
    body = (
        "Vraag 1\nWat?\nAntwoord 1\nHet antwoord loopt\n\nTweede Kamer, vergaderjaar 2024–2025, Aanhangsel\n\n1\n\n"
        "door op de volgende pagina.\n"
    )
    flow = read_flow(clean_text(PDF_HEAD + body))
    assert flow.furniture[-2:] == ["Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel", "1"]
    assert _pdf(tmp_path, body).questions[0].answer == ["Het antwoord loopt door op de volgende pagina."]


def test_huge_file_is_not_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as out:
        out.truncate(60_000_000)  # sparse: 60 MB without writing them
    with pytest.raises(ParseError) as raised:
        parse_document(huge)
    assert (
        str(raised.value)
        == f"{huge}: file too large (60 MB; answer documents are at most a few MB): not read"
    )
