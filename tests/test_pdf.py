"""Tests of the PDF reader: the publisher's sample PDFs, made-up PDFs for each rule, and broken files.

The samples in ``tests/data/pdf`` are answers of vergaderjaar 2023–2024 as the
publisher serves them. Made-up PDFs are written here by hand (Helvetica text,
a short rule above the footnotes), encrypted ones with the PDF standard
security handler (RC4, revision 2).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from searchkit.errors import ParseError
from searchkit.model import Document
from searchkit.parsing import parse_document, pdf, pdf_layout
from searchkit.parsing.flow import Flow

PDF_DIR = Path(__file__).resolve().parent / "data" / "pdf"
SAMPLES = sorted(PDF_DIR.glob("*.pdf"))
NAMES = [path.stem for path in SAMPLES]

# Page furniture as it would look if it leaked into a text; a note may cite other
# Kamerstukken ("Tweede Kamer, vergaderjaar 2022–2023, 26 485, nr. 424"), so only
# the publisher's own footer line counts.
_FURNITURE = re.compile(
    r"ah-tk-\d{8}-\d+|ISSN\s*0921|[’']s-Gravenhage\s+\d{4}|vergaderjaar\s+\d{4}–\d{4},\s*Aanhangsel"
    r"|Aanhangsel van de Handelingen|Vragen gesteld door de leden|Staten-Generaal\s*\d"
)
_HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
# A reference digit left in the text: after a sentence end or a closing quote, or as a superscript.
_STRAY_DIGIT = re.compile(r"[?!»”][0-9]|[^\W\d_]{2}[.,;:][0-9]{1,2}(?:\s|$)|[⁰¹²³⁴⁵⁶⁷⁸⁹]")


@pytest.fixture(scope="module")
def documents() -> dict[str, Document]:
    return {path.stem: parse_document(path) for path in SAMPLES}


@pytest.fixture(scope="module")
def flows() -> dict[str, Flow]:
    return {path.stem: pdf.read_flow(path) for path in SAMPLES}


def _texts(flow: Flow) -> list[str]:
    return [paragraph.text for paragraph in flow.paragraphs] + list(flow.footnotes.values())


# --- every sample ------------------------------------------------------------


def test_the_samples_are_all_here() -> None:
    assert len(SAMPLES) == 14


@pytest.mark.parametrize("path", SAMPLES, ids=NAMES)
def test_every_sample_parses(path: Path) -> None:
    document = parse_document(path)
    assert document.doc_id == path.stem
    assert document.questions
    assert document.minister and document.received


@pytest.mark.parametrize("name", NAMES)
def test_question_numbers_increase_without_gaps(documents: dict[str, Document], name: str) -> None:
    numbers = [number for question in documents[name].questions for number in question.numbers]
    assert numbers == list(range(1, len(numbers) + 1))


@pytest.mark.parametrize("name", NAMES)
def test_every_question_is_answered_unless_a_mededeling(
    documents: dict[str, Document], flows: dict[str, Flow], name: str
) -> None:
    mededeling = any(paragraph.text.startswith("Mededeling") for paragraph in flows[name].paragraphs[:3])
    assert mededeling or all(question.answer for question in documents[name].questions)


@pytest.mark.parametrize("name", NAMES)
def test_no_furniture_inside_the_text(documents: dict[str, Document], name: str) -> None:
    for question in documents[name].questions:
        for text in [question.text, *question.answer, *(note.text for note in question.all_footnotes)]:
            assert not _FURNITURE.search(text), text


@pytest.mark.parametrize("name", NAMES)
def test_furniture_names_the_document(flows: dict[str, Flow], name: str) -> None:
    furniture = flows[name].furniture
    assert name in furniture
    assert name.rsplit("-", 1)[1] in furniture  # the number printed on page 1
    assert "ISSN 0921 - 7398" in furniture


@pytest.mark.parametrize("name", NAMES)
def test_header_lines_are_clean_paragraphs(flows: dict[str, Flow], name: str) -> None:
    asked, answered = (paragraph.text for paragraph in flows[name].paragraphs[:2])
    assert asked.startswith("Vragen van ") and re.search(r"\(ingezonden \d+ \w+ 2024\)\.$", asked)
    assert answered.startswith("Antwoord van ") and "(ontvangen " in answered
    assert not _FURNITURE.search(asked + answered)


@pytest.mark.parametrize("name", NAMES)
def test_no_line_end_hyphen_left_in_a_word_written_whole(flows: dict[str, Flow], name: str) -> None:
    texts = _texts(flows[name])
    words = set(re.findall(r"[^\W\d_]+", " ".join(texts)))
    kept = {word for word in _HYPHENATED.findall(" ".join(texts)) if word.replace("-", "") in words}
    assert not kept


@pytest.mark.parametrize("name", NAMES)
def test_every_reference_names_a_footnote_with_text(flows: dict[str, Flow], name: str) -> None:
    flow = flows[name]
    referenced = {number for paragraph in flow.paragraphs for number in paragraph.notes}
    assert referenced == set(flow.footnotes)
    assert sorted(flow.footnotes) == list(range(1, len(flow.footnotes) + 1))
    assert all(text.strip() for text in flow.footnotes.values())


@pytest.mark.parametrize("name", NAMES)
def test_footnotes_attach_to_questions_and_answers(documents: dict[str, Document], name: str) -> None:
    for question in documents[name].questions:
        assert len(question.answer_footnotes) == len(question.answer)
        assert all(note.text for note in question.all_footnotes)


@pytest.mark.parametrize("name", NAMES)
def test_no_stray_reference_digits(flows: dict[str, Flow], name: str) -> None:
    for text in _texts(flows[name]):
        assert not _STRAY_DIGIT.search(text), text


# --- five samples read by eye -------------------------------------------------

# Per question: its numbers, the first words of the question and of the answer,
# the number of answer paragraphs, the notes of the question and those of the
# answer paragraphs (by 0-based paragraph index).
EXPECTED = {
    "ah-tk-20232024-1314": [
        ((1,), "Heeft u kennisgenomen van", "Ja.", 1, [1], {}),
        ((2,), "Zijn de voorwaarden waaraan", "De regenboogprovincies zijn een", 1, [], {}),
        ((3, 4, 5), "Deelt u de mening", "Het is van groot", 1, [2], {}),
        ((6,), "Kunt u inzichtelijk maken", "Bijgaande cijfers zijn aangeleverd", 9, [], {}),
    ],
    "ah-tk-20232024-1432": [
        ((1,), "U schijft in uw", "De spelregels voor de", 3, [1, 2], {}),
        ((2,), "Is bij u bekend", "Het is mij bekend", 1, [3], {}),
        ((3,), "Kunt u aangeven op", "Het culturele veld is", 3, [], {}),
        ((4,), "Hoe gaat u de", "De subsidieaanvragen worden beoordeeld", 10, [], {}),
        ((5,), "Naast de bis kent", "In het kader van", 1, [], {}),
        ((6,), "Kunt u meetbaar onderbouwen", "Deze onderbouwing is nu", 2, [], {}),
    ],
    "ah-tk-20232024-1481": [
        ((1,), "Kunt u naar aanleiding", "In het kader van", 3, [1], {}),
        ((2,), "Kunt u toelichten hoe", "Ik erken de uitdagingen", 2, [], {1: [2, 3]}),
        ((3,), "Kunnen de rapportages waarnaar", "De rapporten kunnen worden", 1, [], {}),
        ((4,), "Welke ruimte is er", "Het kabinet erkent dat", 1, [], {}),
        ((5, 6), "In hoeverre kan een", "Het kabinet beseft dat", 1, [], {}),
    ],
    "ah-tk-20232024-1771": [
        ((1,), "Bent u bekend met", "Ja, het bericht is", 3, [1], {2: [2]}),
        ((2,), "Kunt u voor het", "Momenteel wordt er gewerkt", 8, [3], {1: [4], 5: [5, 6]}),
        ((3,), "Hoe reageert u op", "De veiligheidsregio’s hebben zicht", 3, [], {1: [7, 8]}),
        ((4,), "Wat is nu de", "Het onderzoek van de", 3, [], {}),
        ((5,), "Wat vindt u ervan", "De zorgen die mensen", 6, [], {}),
        ((6,), "Bent u bereid om", "Zoals gezegd wordt gewerkt", 1, [], {}),
    ],
    "ah-tk-20232024-2367": [
        ((1,), "Bent u bekend met", "Ja, daar ben ik", 1, [1], {}),
        ((2,), "Deelt u de opvatting", "Bankgegevens bevatten veel persoonlijke", 1, [], {}),
        ((3, 4, 5, 6), "Herkent u het beeld", "Ik kan niet ingaan", 3, [], {2: [2]}),
        ((7, 8, 9, 10, 11), "Wat gaat u, samen", "DNB is wettelijk verplicht", 5, [], {3: [3]}),
        ((12,), "Zijn er andere banken", "Uit de openbaar te", 1, [], {0: [4]}),
    ],
}


def _summary(document: Document) -> list[tuple[object, ...]]:
    def first(text: str, like: str) -> str:
        return " ".join(text.split()[: len(like.split())])

    rows = []
    for question, (_, ask, answer, *_rest) in zip(
        document.questions, EXPECTED[document.doc_id], strict=False
    ):
        rows.append(
            (
                question.numbers,
                first(question.text, ask),
                first(question.answer[0], answer),
                len(question.answer),
                [note.number for note in question.footnotes],
                {
                    i: [note.number for note in notes]
                    for i, notes in enumerate(question.answer_footnotes)
                    if notes
                },
            )
        )
    return rows


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_questions_answers_and_notes_read_by_eye(documents: dict[str, Document], name: str) -> None:
    document = documents[name]
    assert len(document.questions) == len(EXPECTED[name])
    assert _summary(document) == EXPECTED[name]


def _question(documents: dict[str, Document], name: str, number: int) -> tuple[str, list[str]]:
    question = next(q for q in documents[name].questions if number in q.numbers)
    return question.text, question.answer


def test_references_leave_the_text_and_spacing_stays(documents: dict[str, Document]) -> None:
    text, _ = _question(documents, "ah-tk-20232024-1314", 1)
    assert text == (
        "Heeft u kennisgenomen van het artikel «Kritiek op besluit provincie Friesland tegen actief "
        "regenboogbeleid»?"
    )
    _, answer = _question(documents, "ah-tk-20232024-1481", 2)
    assert "beleidsonderwerpen. Zoals recentelijk" in answer[1]
    assert "van de Landen gesproken. Toekomstige samenwerking" in answer[1]  # "gesproken.3Toekomstige"
    text, _ = _question(documents, "ah-tk-20232024-2271", 8)
    assert "volgens de informatiekaart van de NZA van 11 weken in december 2022" in text


def test_line_end_hyphens_undone_and_real_ones_kept(documents: dict[str, Document]) -> None:
    text, _ = _question(documents, "ah-tk-20232024-1314", 2)
    assert text.startswith(
        "Zijn de voorwaarden waaraan een provincie moet voldoen om zich regenboogprovincie"
    )
    _, answer = _question(documents, "ah-tk-20232024-1786", 2)
    assert answer[0].startswith("Grootschalige infrastructuur- en baggerprojecten")
    assert "voorkomen, beperkt of gecompenseerd." in answer[0]
    assert "Uit de milieu- en sociale beoordelingen door ADSB blijkt dat de projecteigenaren" in answer[2]
    _, answer = _question(documents, "ah-tk-20232024-1432", 3)
    assert "de bis-periode 2025–2028. Onder andere door middel van de website cultuursubsidie.nl" in answer[0]


def test_diacritics_and_accents_drawn_apart(flows: dict[str, Flow]) -> None:
    header = flows["ah-tk-20232024-1314"].paragraphs[0].text
    assert "Mutluer (GroenLinks-PvdA) en Kostić (PvdD) aan de Minister" in header
    assert "Antwoord van Minister Yeşilgöz-Zegerius" in flows["ah-tk-20232024-1949"].paragraphs[1].text


def test_header_lines_joined_over_no_break_spaces(flows: dict[str, Flow]) -> None:
    assert flows["ah-tk-20232024-1481"].paragraphs[1].text == (
        "Antwoord van Staatssecretaris Van Huffelen (Binnenlandse Zaken en Koninkrijksrelaties), mede "
        "namens de Staatssecretarissen van Volksgezondheid, Welzijn en Sport en van Justitie en Veiligheid "
        "(ontvangen 11 april 2024). Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1137."
    )


def test_paragraph_runs_on_across_a_page_break(documents: dict[str, Document]) -> None:
    _, answer = _question(documents, "ah-tk-20232024-1432", 3)
    assert "waren er al aanvragen van instellingen ontvangen en was het sluiten van het loket" in answer[2]
    _, answer = _question(documents, "ah-tk-20232024-1432", 6)
    assert "waarmee ook in beeld is hoe de subsidies over het land zijn gespreid." in answer[0]


def test_bullets_and_numbered_items_are_paragraphs(documents: dict[str, Document]) -> None:
    _, answer = _question(documents, "ah-tk-20232024-1432", 4)
    assert answer[0].endswith("het beoordelingskader van de Raad voor Cultuur:")
    assert answer[1:6] == [
        "• Artistieke en/of inhoudelijke kwaliteit",
        "• Maatschappelijke betekenis",
        "• Toegankelijkheid",
        "• Bedrijfsmatige gezondheid",
        "• Geografische spreiding",
    ]
    _, answer = _question(documents, "ah-tk-20232024-1771", 2)
    assert [paragraph[:20] for paragraph in answer[3:6]] == [
        "1. Alle producten me",
        "2. Alle producten me",
        "3. Alle producten me",
    ]
    assert answer[5] == (
        "3. Alle producten met een burstpercentage van meer dan 12,5% niet meer in «rondom gaasverpakking» "
        "vervoeren en/of opslaan."
    )


def test_table_rows_are_paragraphs(documents: dict[str, Document]) -> None:
    _, answer = _question(documents, "ah-tk-20232024-1314", 6)
    assert answer[:5] == [
        "Bijgaande cijfers zijn aangeleverd door Discriminatie.nl/Fryslân/Tumba:",
        "Meldingen Tumba, kenniscentrum discriminatie en diversiteit",
        "Grond Meldingen in 2021 Meldingen in 2022 Meldingen in 2023",
        "Geslacht(Trans) 2 3 6",
        "Seksuele gerichtheid 10 14 34",
    ]


def test_footnotes_with_wrapped_urls_and_lines(flows: dict[str, Flow]) -> None:
    assert flows["ah-tk-20232024-1314"].footnotes[2] == (
        "Movisie, d.d. maart 2022, Inventarisatie Regenboogbeleid Regenboogprovincies, "
        "https://www.movisie.nl/sites/movisie.nl/files/2022-03/220315_%20Regenboogbeleid%20provincies%202022.pdf"
    )
    notes = flows["ah-tk-20232024-1771"].footnotes
    assert notes[1] == (
        "EenVandaag, 28 maart 2024, In ruim 400 woonwijken ligt tot 10.000 kilo vuurwerk opgeslagen: «Dat is "
        "400 keer heel gevaarlijk» (https://eenvandaag.avrotros.nl/item/in-ruim-400-woonwijken-ligt-tot-10000-"
        "kilo-vuurwerk-opgeslagen-dat-is-400-keer-heel-gevaarlijk/)."
    )
    assert notes[3] == (
        "Torenvlied, R. et al., 1 december 2023, Leren van twee vuurwerkrampen (https://www.utwente.nl/nieuws/"
        "2023/12/1262709/ut-rapport-lessen-van-twee-vuurwerkrampen-gepresenteerd#kamermotie)."
    )
    assert notes[4] == (
        "Signaalrapportage Ondeugdelijke gaasverpakking zorgt voor onjuist geclassificeerd consumentenvuurwerk "
        "| Rapport | Rijksoverheid.nl"
    )
    assert notes[8] == "Atlas Leefomgeving | Atlas Leefomgeving"
    assert flows["ah-tk-20232024-1786"].footnotes[9] == (
        "https://kalikasan.net/green-group-files-complaint-to-un-special-rapporteur-regarding-jhed-and-"
        "jonilas-abduction-case/articles/"
    )


# --- made-up PDFs ---------------------------------------------------------------

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
_FILE_ID = bytes(16)
_PERMISSIONS = -44


def _rc4(key: bytes, data: bytes) -> bytes:
    state = list(range(256))
    j = 0
    for i in range(256):
        j = (j + state[i] + key[i % len(key)]) % 256
        state[i], state[j] = state[j], state[i]
    i = j = 0
    out = bytearray()
    for byte in data:
        i = (i + 1) % 256
        j = (j + state[i]) % 256
        state[i], state[j] = state[j], state[i]
        out.append(byte ^ state[(state[i] + state[j]) % 256])
    return bytes(out)


def _make_pdf(pages: list[bytes], user_password: bytes | None = None) -> bytes:
    """A PDF of A4 pages drawing ``pages`` (content streams) in Helvetica.

    With ``user_password`` the file is encrypted (RC4, 40 bits): an empty one
    only restricts permissions, another must be given to open the file.
    """
    count = len(pages)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(count)), count),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    trailer = b""
    key = b""
    if user_password is not None:
        owner = _rc4(hashlib.md5(_PAD).digest()[:5], (user_password + _PAD)[:32])
        permissions = _PERMISSIONS.to_bytes(4, "little", signed=True)
        key = hashlib.md5((user_password + _PAD)[:32] + owner + permissions + _FILE_ID).digest()[:5]
        encrypt = 4 + 2 * count
        trailer = b"/Encrypt %d 0 R /ID [<%s> <%s>] " % (
            encrypt,
            _FILE_ID.hex().encode(),
            _FILE_ID.hex().encode(),
        )
    for index, content in enumerate(pages):
        number = 5 + 2 * index
        if key:
            content = _rc4(hashlib.md5(key + number.to_bytes(3, "little") + b"\0\0").digest()[:10], content)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>" % number
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    if key:
        user = _rc4(key, _PAD)
        objects.append(
            b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>"
            % (owner.hex().encode(), user.hex().encode(), _PERMISSIONS)
        )
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        trailer,
        xref,
    )
    return out


def _line(y: int, *runs: tuple[float, float, str]) -> bytes:
    """A line of text at height ``y``: runs of (size, rise, text)."""
    shown = b" ".join(
        b"/F1 %g Tf %g Ts (%s) Tj" % (size, rise, text.encode("cp1252")) for size, rise, text in runs
    )
    return b"BT 72 %d Td %s ET\n" % (y, shown)


NOTE_RULE = b"72 120 m 110 120 l S\n"
# Vraag 1 with a subscript ("CO2") and a reference; Antwoord 1 with a superscript that
# names no note ("m3"), a number that belongs to the text and a note with a wrapped URL.
DIGITS_PAGE = b"".join(
    [
        _line(700, (10, 0, "Vraag 1")),
        _line(680, (10, 0, "Hoeveel CO"), (6, -2, "2"), (10, 0, " stoot de sector uit?"), (6, 4, "1")),
        _line(660, (10, 0, "Antwoord 1")),
        _line(
            640,
            (10, 0, "Het gaat om 5 m"),
            (6, 4, "3"),
            (10, 0, " per jaar, zie artikel 5 van de wet die dit regelt."),
        ),
        NOTE_RULE,
        _line(110, (5, 3, "1"), (8, 0, " Bron, https://example.org/nieuws/")),
        b"BT 78 100 Td /F1 8 Tf 0 Ts (2024/bericht.html) Tj ET\n",
    ]
)


def _write(tmp_path: Path, data: bytes, name: str = "made-up.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_made_up_digits_that_belong_to_the_text_stay(tmp_path: Path) -> None:
    flow = pdf.read_flow(_write(tmp_path, _make_pdf([DIGITS_PAGE])))
    assert [(paragraph.text, paragraph.notes) for paragraph in flow.paragraphs] == [
        ("Vraag 1", []),
        ("Hoeveel CO2 stoot de sector uit?", [1]),
        ("Antwoord 1", []),
        ("Het gaat om 5 m³ per jaar, zie artikel 5 van de wet die dit regelt.", []),
    ]
    assert flow.footnotes == {1: "Bron, https://example.org/nieuws/2024/bericht.html"}


def test_made_up_paragraphs_follow_the_ragged_right_edge(tmp_path: Path) -> None:
    page = b"".join(
        [
            _line(700, (10, 0, "Het kabinet heeft de aanbevelingen uit het rapport over de regen-")),
            _line(688, (10, 0, "boogprovincies overgenomen en")),
            _line(676, (10, 0, "zal de Kamer informeren.")),
            _line(664, (10, 0, "Dat gebeurt voor de zomer.")),
        ]
    )
    second = _line(800, (10, 0, "Daarna volgt een tweede brief over de uitvoering van de aanbevelingen."))
    flow = pdf.read_flow(_write(tmp_path, _make_pdf([page, second])))
    assert [paragraph.text for paragraph in flow.paragraphs] == [
        "Het kabinet heeft de aanbevelingen uit het rapport over de regenboogprovincies overgenomen en",
        "zal de Kamer informeren.",
        "Dat gebeurt voor de zomer.",
        "Daarna volgt een tweede brief over de uitvoering van de aanbevelingen.",
    ]


def test_made_up_line_end_hyphens_follow_the_document(tmp_path: Path) -> None:
    page = b"".join(
        [
            _line(700, (10, 0, "Tijdens de bis-periode is de aanvraag voor een nieuwe bis-")),
            _line(688, (10, 0, "periode beoordeeld.")),
            _line(664, (10, 0, "De Wereldbankgroep en de andere banken, de hele Wereldbank-")),
            _line(652, (10, 0, "groep dus, steunen het plan.")),
        ]
    )
    flow = pdf.read_flow(_write(tmp_path, _make_pdf([page])))
    assert [paragraph.text for paragraph in flow.paragraphs] == [
        "Tijdens de bis-periode is de aanvraag voor een nieuwe bis-periode beoordeeld.",
        "De Wereldbankgroep en de andere banken, de hele Wereldbankgroep dus, steunen het plan.",
    ]


def test_made_up_shortened_compound_at_a_line_end(tmp_path: Path) -> None:
    page = b"".join(
        [
            _line(700, (10, 0, "Uit de beoordelingen van ADSB blijkt dat de gevolgen voor milieu-")),
            _line(688, (10, 0, "en sociale belangen klein zijn.")),
        ]
    )
    flow = pdf.read_flow(_write(tmp_path, _make_pdf([page])))
    assert [paragraph.text for paragraph in flow.paragraphs] == [
        "Uit de beoordelingen van ADSB blijkt dat de gevolgen voor milieu- en sociale belangen klein zijn."
    ]


def test_made_up_paragraph_runs_on_over_the_page_and_its_notes(tmp_path: Path) -> None:
    first = b"".join(
        [
            _line(
                700,
                (10, 0, "Het kabinet heeft de aanbevelingen uit het rapport over de provincies"),
                (6, 4, "1"),
            ),
            _line(688, (10, 0, "overgenomen en zal de Kamer daarover voor de zomer per brief")),
            NOTE_RULE,
            _line(110, (5, 3, "1"), (8, 0, " Kamerstuk 36 410, nr. 5.")),
        ]
    )
    second = _line(800, (10, 0, "informeren."))
    flow = pdf.read_flow(_write(tmp_path, _make_pdf([first, second])))
    assert [(paragraph.text, paragraph.notes) for paragraph in flow.paragraphs] == [
        (
            "Het kabinet heeft de aanbevelingen uit het rapport over de provincies overgenomen en zal de "
            "Kamer daarover voor de zomer per brief informeren.",
            [1],
        )
    ]
    assert flow.footnotes == {1: "Kamerstuk 36 410, nr. 5."}


def test_pdf_with_only_an_owner_password_is_read(tmp_path: Path) -> None:
    flow = pdf.read_flow(_write(tmp_path, _make_pdf([DIGITS_PAGE], user_password=b"")))
    assert flow.paragraphs[1].text == "Hoeveel CO2 stoot de sector uit?"


# --- files that cannot be read ---------------------------------------------------


def _parse_error(path: Path) -> str:
    with pytest.raises(ParseError) as caught:
        parse_document(path)
    assert caught.value.path == str(path)
    return str(caught.value)


def test_encrypted_pdf(tmp_path: Path) -> None:
    path = _write(tmp_path, _make_pdf([DIGITS_PAGE], user_password=b"geheim"))
    assert _parse_error(path) == f"{path}: encrypted PDF (needs a password)"


def test_truncated_pdf(tmp_path: Path) -> None:
    data = SAMPLES[0].read_bytes()
    path = _write(tmp_path, data[: len(data) // 2])
    assert _parse_error(path) == f"{path}: damaged PDF file (Data format error)"


def test_pdf_without_text(tmp_path: Path) -> None:
    path = _write(tmp_path, _make_pdf([b"72 700 m 300 700 l S\n", b"72 600 m 300 600 l S\n"]))
    assert _parse_error(path) == f"{path}: PDF has no text layer (scanned pages?)"


def test_not_a_pdf(tmp_path: Path) -> None:
    path = _write(tmp_path, b"Vraag 1\nHeeft u kennisgenomen van het bericht?\n")
    assert _parse_error(path) == f"{path}: not a PDF file"


def test_empty_pdf(tmp_path: Path) -> None:
    path = _write(tmp_path, b"")
    assert _parse_error(path) == f"{path}: empty file"


def test_missing_pdf(tmp_path: Path) -> None:
    assert _parse_error(tmp_path / "missing.pdf").endswith(
        "missing.pdf: cannot read file: No such file or directory"
    )


def test_other_library_failures_become_parse_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, _make_pdf([DIGITS_PAGE]))

    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("out of cheese")

    monkeypatch.setattr(pdf_layout.pypdfium2, "PdfDocument", fail)
    assert _parse_error(path) == f"{path}: cannot open PDF (out of cheese)"


def test_library_failure_on_a_page_becomes_a_parse_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path, _make_pdf([DIGITS_PAGE]))

    def fail(*args: object) -> None:
        raise ValueError("bad page tree")

    monkeypatch.setattr(pdf_layout, "_read_page", fail)
    assert _parse_error(path) == f"{path}: damaged PDF file (bad page tree)"
