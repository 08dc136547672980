"""The real text exports in tests/data/text: every one parses, with invariants and exact expectations.

The PDF texts (548–597) glue lines, put footers and notes mid-answer and mark notes
with bare digits; the Word texts (601–616) have one paragraph a line, "N)" marks
with the notes at the end, and some head their questions with a number only.
The expectations below were written by reading each document.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from searchkit.model import Document, Footnote
from searchkit.parsing import parse_document
from searchkit.parsing.cleanup import clean_text
from searchkit.parsing.flow import Flow
from searchkit.parsing.structure import is_heading
from searchkit.parsing.text_export import read_flow

DATA = Path(__file__).parent / "data" / "text"
SAMPLES = sorted(DATA.glob("*.txt"))
# Page furniture, whole or in fragments, that must never reach a question, answer or note.
FURNITURE = re.compile(
    r"ISSN|’s-Gravenhage 20|ah-tk-|Staten-Generaal|Vragen gesteld door de leden"
    r"|Kamer, vergaderjaar \d{4}–\d{4}, Aanhangsel(?! van de Handelingen,? (?:nr\. )?\d)"
)
# Notes may cite another Aanhangsel ("Aanhangsel van de Handelingen, nr. 2386"); no question or answer does.
ANSWER_FURNITURE = re.compile(r"Aanhangsel")
URL = re.compile(r"\S*(?:https?://|www\.)\S*")


@cache
def document(name: str) -> Document:
    return parse_document(DATA / f"ah-tk-20242025-{name}.txt")


@cache
def flow(name: str) -> Flow:
    return read_flow(clean_text((DATA / f"ah-tk-20242025-{name}.txt").read_text(encoding="utf-8")))


def texts(doc: Document) -> list[str]:
    return [text for q in doc.questions for text in (q.text, *q.answer)]


def first_words(text: str, count: int = 4) -> str:
    return " ".join(text.split()[:count])


def test_samples_are_there() -> None:
    assert len(SAMPLES) == 31


# --- invariants over every sample ----------------------------------------------


@pytest.mark.parametrize("path", SAMPLES, ids=lambda path: path.stem)
def test_sample_parses_into_numbered_answered_questions(path: Path) -> None:
    doc = parse_document(path)
    numbers = [number for question in doc.questions for number in question.numbers]
    assert sorted(numbers) == list(range(1, len(numbers) + 1))
    firsts = [question.numbers[0] for question in doc.questions]
    assert firsts == sorted(firsts)
    for question in doc.questions:
        assert question.text, question.numbers
        assert question.answer, question.numbers
        assert len(question.answer_footnotes) == len(question.answer)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda path: path.stem)
def test_sample_holds_no_furniture_or_marks(path: Path) -> None:
    doc = parse_document(path)
    notes = [note.text for question in doc.questions for note in question.all_footnotes]
    for text in texts(doc) + notes:
        assert not FURNITURE.search(text), text
        assert "\ue000" not in text and "  " not in text and text == text.strip(), text
    for text in texts(doc):
        assert not ANSWER_FURNITURE.search(text), text


@pytest.mark.parametrize("path", SAMPLES, ids=lambda path: path.stem)
def test_sample_footnotes_attached_with_text(path: Path) -> None:
    doc = parse_document(path)
    attached = [note for question in doc.questions for note in question.all_footnotes]
    assert all(note.text for note in attached)
    numbers = [note.number for note in attached]
    assert numbers == sorted(set(numbers))
    footnotes = flow(path.stem.rsplit("-", 1)[1]).footnotes
    assert sorted(numbers) == sorted(footnotes)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda path: path.stem)
def test_sample_keeps_no_line_end_hyphen_in_a_word_written_whole(path: Path) -> None:
    doc = parse_document(path)
    notes = [note.text for question in doc.questions for note in question.all_footnotes]
    words = URL.sub(" ", " ".join(texts(doc) + notes))
    whole = {word.lower() for word in re.findall(r"[^\W\d_]+", words)}
    for match in re.finditer(r"(?<![^\W\d_])([^\W\d_]+)-([^\W\d_]+)", words):
        assert (match.group(1) + match.group(2)).lower() not in whole, match.group(0)


def test_pdf_furniture_goes_to_flow_furniture() -> None:
    furniture = flow("573").furniture
    assert furniture[:6] == [
        "Tweede Kamer der Staten-Generaal2",
        "Vergaderjaar 2024–2025",
        "Aanhangsel van de Handelingen",
        "Vragen gesteld door de leden der Kamer, met de daarop door de",
        "regering gegeven antwoorden",
        "573",
    ]
    assert {"ah-tk-20242025-573", "ISSN 0921 - 7398", "’s-Gravenhage 2024"} <= set(furniture)
    assert "Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 2" in furniture


@pytest.mark.parametrize("name", ["602", "609", "614"])
def test_word_header_lines_stay_in_the_header(name: str) -> None:
    paragraphs = [paragraph.text for paragraph in flow(name).paragraphs]
    assert paragraphs[:2] == [
        f"AH {name}",
        {"602": "2024Z17165", "609": "2024Z14247", "614": "2024Z14815"}[name],
    ]
    assert flow(name).furniture == []


# --- exact expectations, PDF text ----------------------------------------------


def test_573_glued_lines() -> None:
    doc = document("573")
    assert [q.numbers for q in doc.questions] == [(n,) for n in range(1, 7)]
    q1, q2, q3, q4, q5, q6 = doc.questions
    assert q1.text == (
        "Klopt het dat Faissal Taghi in een groep is geplaatst en met die groep contact mag hebben "
        "in de Extra Beveiligde Inrichting?"
    )
    assert (
        q3.text == "Bent u op de hoogte gesteld van de beslissing om Faissal Taghi in een groep te plaatsen?"
    )
    assert q1.answer == ["Ik ga niet in op de situatie van individuele gedetineerden."]
    assert [first_words(p) for p in q2.answer] == ["Ik ga niet in", "Daarbij geldt dat er"]
    assert (
        "In het algemeen geldt dat de selectiefunctionarissen van de Dienst Justitiële Inrichtingen (DJI) namens mij"
        in q2.answer[0]
    )
    assert "de kenmerken en achtergronden van het delict" in q2.answer[0]
    assert "De directeur is bevoegd EBI-gedetineerden een cel aan te wijzen." in q2.answer[0]
    assert q3.answer == [
        "Ik heb zeer regelmatig contact met DJI, ook over individuele casuïstiek. Ik ga niet in op welke casuïstiek dat betreft."
    ]
    assert q4.text.endswith(
        "geen contact met anderen hebben zoals verzocht in de aangenomen motie Ellian (24 587, nr. 969)?"
    )
    assert [first_words(p) for p in q4.answer] == [
        "Het wettelijk uitgangspunt is",
        "Wanneer het vanuit veiligheidsoverwegingen",
        "Voor meer gedetailleerde informatie",
    ]
    assert q4.answer[0].startswith(
        "Het wettelijk uitgangspunt is dat een gedetineerde op de EBI in een individueel programma"
    )
    assert "een sober dagprogramma." in q4.answer[0]
    assert q4.answer[2].endswith(
        "die op 19 november plaatsvindt. Op de genoemde motie ga ik in het antwoord op vraag 5 nader in."
    )
    assert "waarmee uitdrukkelijk bedoeld is" in q5.text
    assert [first_words(p) for p in q5.answer] == ["Naar aanleiding van de", "Deze (her)beoordeling, die ook"]
    assert q6.answer == ["Ik heb de vragen afzonderlijk en zo spoedig mogelijk beantwoord."]
    assert all(not q.all_footnotes for q in doc.questions)


def test_586_notes_alone_on_a_line_and_before_a_full_stop() -> None:
    doc = document("586")
    assert [q.numbers for q in doc.questions] == [(n,) for n in range(1, 6)]
    q1, q2, q3, q4, q5 = doc.questions
    assert q1.text.endswith("getroffen worden door vervoersarmoede?")
    assert q1.footnotes == [
        Footnote(
            1,
            "NU.nl, 1 oktober 2024, «Vervoerskosten stijgen zo snel dat zelfs modale inkomens in problemen komen»."
            "(https://www.nu.nl/economie/6330098/vervoerskosten-stijgen-zo-snel-dat-zelfs-modale-inkomens-in-problemen-komen.html); "
            "Mobiliteitsalliantie, 1 oktober 2024. «Onderzoek: mobiliteit te duur voor modaal inkomen». "
            "(mobiliteitsalliantie.nl/onderzoek-mobiliteit-te-duur-voor-modaal-inkomen/)",
        )
    ]
    assert q1.answer == ["Ja."]
    assert [first_words(p) for p in q4.answer] == [
        "Specifiek voor openbaar vervoer",
        "Het bouwen van woningen",
        "Voor de strijd tegen",
    ]
    assert (
        "de tariefsverhoging van 2024" in q4.answer[0]
        and "(Kamerstukken 23 645, nr. 811 en 29 984, nr. 1207)" in q4.answer[0]
    )
    assert len(q5.answer) == 1
    assert "van 11 à 12 cent per liter. In 2023 is Europese wetgeving aangenomen" in q5.answer[0]
    assert q5.answer_footnotes == [[Footnote(2, "PBL, Klimaat- en Energieverkenning 2023")]]
    assert q3.answer[0].startswith(
        "Het is belangrijk dat iedereen in Nederland werk, voorzieningen, vrienden en familie goed kan bereiken."
    )


def test_584_paragraph_over_page_break_and_note_line() -> None:
    doc = document("584")
    assert [q.numbers for q in doc.questions] == [(1,), (2, 3), (4,), (5, 6), (7,)]
    q1, q23, q4, q56, q7 = doc.questions
    assert q1.footnotes == [Footnote(1, "Kamerstuk 36 410 VIII, nr. 112")]
    assert q23.text.startswith("Kunt u bevestigen dat dit amendement in werking is getreden")
    assert (
        "Kunt u aangeven hoe de voortgang verloopt voor de benodigde administratieve handelingen" in q23.text
    )
    assert [first_words(p) for p in q23.answer] == [
        "Het amendement is inderdaad",
        "Formeel juridisch is met",
        "Instellingen moeten hun fixus",
        "Aan de kant van",
        "Studielink werkt op dit",
    ]
    assert q23.answer_footnotes == [
        [Footnote(2, "Stb. 2024, 153, het inwerkingtredingsbesluit is gepubliceerd in Stb. 2024, 213.")],
        [],
        [],
        [],
        [],
    ]
    assert (
        "Op basis van een analyse van Studielink is gebleken dat implementatie voor studiejaar 2025–2026"
        in q23.answer[3]
    )
    assert (
        q23.answer[2]
        == "Instellingen moeten hun fixus uiterlijk 1 december registreren in de Registratie instellingen en opleidingen (RIO)."
    )
    assert len(q4.answer) == 4
    assert q56.answer[0].endswith(
        "Bovendien heb ik besloten de kosten te dekken voor implementatie van het amendement door Studielink."
    )
    assert q7.answer[-1] == (
        "Een actueel overzicht van opleidingen met een numerus fixus is te raadplegen via "
        "https://www.studiekeuze123.nl/selectie/welke-opleidingen-hebben-een-numerus-fixus."
    )


def test_548_references_glued_to_words_and_sentences() -> None:
    doc = document("548")
    assert [q.numbers for q in doc.questions] == [(1,), (2,), (3,), (4, 5), (6, 7), (8,), (9,)]
    q1, q2, q3, q45, q67, q8, q9 = doc.questions
    assert q1.text.endswith("in Nairobi, Kenia vorige week vrijdag 18 oktober?")
    assert [note.number for note in q1.footnotes] == [1]
    assert q1.footnotes[0].text.startswith(
        "BBC, 19 oktober 2024, «British national and several Turkish citizens abducted in Kenya» "
        "(https://www.bbc.com/news/articles/cz7jxn38lvyo?xtor=AL-72-%5Bpartner%5D"
    )
    assert q3.text.endswith(
        "slachtoffer kunnen worden van illegale refoulement en in Turkije politiek gestraft kunnen worden?"
    )
    assert [note.number for note in q3.footnotes] == [2]
    assert "Gülenbeweging in Tajikistan, Algerije, Irak gekidnapt zijn" in q45.text
    assert [note.number for note in q45.footnotes] == [3, 4, 5, 6]
    assert q45.footnotes[1].text.startswith("TRT World, januari 2024")
    assert [note.number for note in q67.footnotes] == [7]
    assert [first_words(p) for p in q3.answer] == [
        "Het Ministerie van Buitenlandse",
        "De Nederlandse ambassadeur in",
    ]
    assert "Ik onderschrijf de verklaring van VN-vluchtelingenorganisatie UNCHR" in q3.answer[0]
    assert q3.answer[1].endswith(
        "in strijd is met de internationale afspraken rondom bescherming van vluchtelingen."
    )
    assert q9.answer == ["De vragen zijn zo spoedig mogelijk beantwoord."]


def test_593_range_heading_and_note_starting_with_digits() -> None:
    doc = document("593")
    assert [q.numbers for q in doc.questions] == [(1,), (2, 3, 4, 5, 6)]
    q1, q2 = doc.questions
    assert q1.text == "Heeft u kennisgenomen van het artikel?"
    assert q1.footnotes == [
        Footnote(
            1,
            "RTV Noord, 9 oktober 2024, GGD-arts slaat alarm: «Asielkinderen opvang Assen zijn ondervoed en bang» "
            "(www.rtvnoord.nl/politiek/1221721/ggd-arts-slaat-alarm-asielkinderen-opvang-assen-zijn-ondervoed-en-bang).",
        )
    ]
    assert q1.answer == ["Ja"]
    assert q2.text.startswith("Kunt u de brandbrief van de GGD-arts met de Kamer delen")
    assert q2.text.endswith("Kunt u deze vragen één voor één en binnen een week beantwoorden?")
    assert q2.answer == [
        "Abusievelijk is er in de verwerking van de vragen van uw Kamer binnen mijn ministerie iets niet goed gegaan, "
        "waardoor de behandeling hiervan achter is gebleven. Ik bied hiervoor mijn excuses aan.",
        "Voor de beantwoording van de vragen verwijs ik u graag naar mijn brief van 4 november jl. waarin ik op verzoek "
        "van uw Kamer een reactie heb gegeven op de opvangsituatie in Assen.",
    ]
    assert q2.answer_footnotes == [
        [],
        [Footnote(2, "Kamerstukken II 2024/25, 19 637, nr. 3308"), Footnote(3, "2024Z15585/2024D37938")],
    ]


def test_597_repeated_heading_and_misnumbered_answer() -> None:
    doc = document("597")
    assert [q.numbers for q in doc.questions] == [(1,), (2,), (3,), (4,), (5,), (6,), (7, 8), (9,), (10,)]
    q78 = doc.questions[6]
    assert q78.text == (
        "Deelt u de mening dat er voldoende lokaal personeel en gekwalificeerdmenselijk toezicht nodig is om te "
        "voldoen aan artikel 16 van de DSA, met name in het geval van zeer grote onlineplatforms, en artikel 34 van "
        "de DSA? Zo nee, waarom niet?"
    )
    assert q78.answer[0].startswith(
        "Het oordeel of TikTok de DSA correct genoeg naleeft is aan de Europese Commissie."
    )
    assert [[note.number for note in notes] for notes in q78.answer_footnotes] == [[], [2], []]


def test_580_question_answered_with_a_later_one() -> None:
    doc = document("580")
    assert [q.numbers for q in doc.questions] == [(1, 4), (2,), (3,), (5,), (6,)]
    assert doc.questions[0].text.endswith(
        "Hoe vaak ontvangen internationale studenten een aanvullende beurs ten opzichte van Nederlandse studenten?"
    )
    assert [note.number for note in doc.questions[0].footnotes] == [1]
    assert [[note.number for note in notes] for notes in doc.questions[0].answer_footnotes] == [
        [],
        [2, 3],
        [],
    ]


# --- exact expectations, Word text -----------------------------------------------


def test_614_notes_at_the_end_and_toelichting() -> None:
    doc = document("614")
    assert [q.numbers for q in doc.questions] == [(n,) for n in range(1, 6)]
    q1, q2, q3, q4, q5 = doc.questions
    assert q1.text == (
        "Bent u bekend met het artikel ‘Nutri-score dreigt fiasco te worden: producenten stappen af van "
        "’onbegrijpelijk’ voedsel-stoplicht'?"
    )
    assert q1.footnotes == [
        Footnote(
            1,
            "Nutri-score dreigt fiasco te worden: producenten stappen af van ’onbegrijpelijk’ voedsel-stoplicht | "
            "Financieel | Telegraaf.nl",
        )
    ]
    assert q2.text.startswith("Deelt u de mening dat er geld verspild wordt")
    assert q2.text.endswith("Zo nee, waarom niet?")
    assert [first_words(p, 3) for p in q2.answer] == [
        "Overgewicht verhoogt het",
        "Een voedselkeuzelogo biedt",
        "Het ministerie van",
        "Ook de Gezondheidsraad",
        "In het voorjaar",
    ]
    assert len(q3.answer) == 2 and len(q4.answer) == 3
    assert q5.answer == [
        "De werkelijkheid is genuanceerder. Kaas krijgt meestal (87%) een Nutri-Score D, uitgaande van het "
        "energiegehalte, verzadigd vet, zoutgehalte en het ontbreken van vezel en groenten en fruit. Er zijn "
        "uitzonderingen met name de zachtere kazen en minder zoute kazen, zoals Emmentaler, die een C kunnen scoren. "
        "Het overgrote deel (71%) van de koekjes zoals verkocht in de Nederlandse supermarkten krijgt een Nutri-Score E. "
        "Koekjes met een betere samenstelling kunnen Nutri-Score D krijgen, uitgaande van het energie-, verzadigd vet, "
        "suiker-, en/of zoutgehalte. Dit is voor 23% van de producten uit het aanbod van 2020 het geval. In de meeste "
        "gevallen zal kaas dus een betere Nutri-Score hebben dan koekjes."
    ]
    assert not any("Toelichting" in text for text in texts(doc))


def test_613_marks_without_notes_are_taken_out() -> None:
    doc = document("613")
    assert len(doc.questions) == 13
    assert (
        doc.questions[0].text
        == "Kent u de aflevering van Kassa ‘De zin en onzin van de Nutri-Score’ (Kassa, 28 september 2024)?"
    )
    assert doc.questions[1].text.endswith("en het aantal mensen met overgewicht zelfs toeneemt?")
    assert all(not q.all_footnotes for q in doc.questions)
    assert doc.questions[11].answer[0].startswith("Ja, hier ben ik van op de hoogte.")


def test_601_antwoord_op_vraag_and_end_note() -> None:
    doc = document("601")
    assert [q.numbers for q in doc.questions] == [(1,), (2,), (3,)]
    q1, q2, q3 = doc.questions
    assert q1.text.endswith("in de memorie van toelichting bij de begroting voor uw ministerie?")
    assert q1.footnotes == [Footnote(1, "Kamerstuk 19637, nr. 3203")]
    assert [len(q.answer) for q in doc.questions] == [1, 1, 1]
    assert q3.answer == ["De beantwoording van deze vragen is zo spoedig mogelijk ter hand genomen."]


def test_605_one_answer_to_all_questions() -> None:
    doc = document("605")
    assert [q.numbers for q in doc.questions] == [(1, 2, 3, 4, 5)]
    assert [first_words(p, 3) for p in doc.questions[0].answer] == [
        "Het kabinet heeft",
        "Tijdens de Algemene",
        "In het voorjaar",
    ]


# --- exact expectations, questions headed by a bare number -----------------------


def test_602_bare_numbers_and_antwoord() -> None:
    doc = document("602")
    assert [q.numbers for q in doc.questions] == [(n,) for n in range(1, 10)]
    assert [first_words(q.text, 3) for q in doc.questions] == [
        "Heeft u kennisgenomen",
        "Klopt het dat",
        "Bent u het",
        "Klopt het dat",
        "Klopt het dat",
        "Vindt u dat",
        "Wanneer verwacht u",
        "Vindt u de",
        "Wat vindt u",
    ]
    assert [len(q.answer) for q in doc.questions] == [1, 1, 1, 1, 1, 1, 3, 1, 1]
    assert doc.questions[0].answer == ["Ja."]
    assert "verminderen van CO₂-uitstoot en luchtvervuiling" in doc.questions[3].answer[0]
    assert [first_words(p, 3) for p in doc.questions[6].answer] == [
        "De meerkosten van",
        "De dalende trend",
        "De verwachting is",
    ]


def test_609_numbered_questions_with_text_and_grouped_answers() -> None:
    doc = document("609")
    assert [q.numbers for q in doc.questions] == [
        (1,),
        (2,),
        (3,),
        (4, 5, 6, 7),
        (8,),
        (9, 10, 11, 12, 13, 14),
        (15,),
    ]
    assert doc.questions[0].text == (
        "Bent u bekend met het bericht ‘Paniek over veiligheid pensioenen APG: kritisch rapport legt problemen bloot’?"
    )
    assert doc.questions[0].answer == ["Ja, hier ben ik mee bekend."]
    q4 = doc.questions[3]
    assert q4.text.startswith("Hoe kijkt u naar de uitkomst van het onderzoek van Schuberg Philis")
    assert "Vindt u het in dat licht ook zorgelijk" in q4.text
    assert q4.text.endswith("waar dagelijks mee wordt gewerkt bij APG?")
    assert [first_words(p, 3) for p in q4.answer] == [
        "Gezien de onderlinge",
        "Met het toenemend",
        "Een belangrijk voorbeeld",
        "Pensioenuitvoeringsorganisaties, zoals APG,",
    ]
    assert doc.questions[5].text.endswith(
        "Hoe gaat u zich vanuit uw rol als bewindspersoon inzetten om dit risico zoveel mogelijk te minimaliseren?"
    )
    assert len(doc.questions[5].answer) == 5
    assert [first_words(p, 3) for p in doc.questions[6].answer] == [
        "De transitie naar",
        "In het implementatieplan",
        "In het bijzonder",
        "Er zijn naar",
    ]


def test_610_bare_number_lines() -> None:
    doc = document("610")
    assert [q.numbers for q in doc.questions] == [(n,) for n in range(1, 8)]
    assert [len(q.answer) for q in doc.questions] == [1, 2, 2, 2, 2, 2, 1]
    assert doc.questions[2].answer[1].startswith("De Afdeling advisering van de Raad van State")


@pytest.mark.parametrize("path", SAMPLES, ids=lambda path: path.stem)
def test_no_heading_left_in_the_text(path: Path) -> None:
    for text in texts(parse_document(path)):
        assert not is_heading(text), text
        assert not re.search(r"(?:^|\. )(?:Vraag|Antwoord) \d+$", text), text
