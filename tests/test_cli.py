"""The CLI through click's CliRunner: output, exit codes and exact error texts."""

from __future__ import annotations

import json
import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import HIT_KEYS, SEED, SEED_ID

import searchkit
from searchkit import parse_document
from searchkit.cli import main
from searchkit.schema import SCHEMA_VERSION, passages


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str | Path) -> object:
    return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_query_prints_ranked_highlighted_passages(runner, seed_index_dir):
    result = run(runner, "query", "aanbesteding", "--index", seed_index_dir)
    assert result.exit_code == 0
    first, second = result.stdout.split("\n\n")[:2]
    assert {first.splitlines()[0].split(" · ")[1], second.splitlines()[0].split(" · ")[1]} == {
        "vraag 5",
        "vraag 6",
    }
    assert "**aanbesteding**" in result.stdout
    assert "Vraag: Wat waren de redenen voor het heimelijk verwerven" in result.stdout
    assert "\x1b[" not in result.stdout  # no colour when not on a terminal


def test_query_words_may_come_unquoted(runner, seed_index_dir):
    quoted = run(runner, "query", "heimelijke verwerving", "--index", seed_index_dir, "--json")
    unquoted = run(runner, "query", "heimelijke", "verwerving", "--index", seed_index_dir, "--json")
    assert json.loads(quoted.stdout) == json.loads(unquoted.stdout) != []


def test_query_json_has_the_contract_keys(runner, seed_index_dir):
    result = run(runner, "query", "licentie", "--json", "--limit", "1", "--index", seed_index_dir)
    assert result.exit_code == 0
    hits = json.loads(result.stdout)
    assert len(hits) == 1
    assert set(hits[0]) == HIT_KEYS
    assert hits[0]["doc_id"] == SEED_ID
    assert hits[0]["question_numbers"] == [1]
    assert "**licenties**" in hits[0]["highlight"]


def test_query_without_matches_is_not_an_error(runner, seed_index_dir):
    result = run(runner, "query", "zeewier", "--index", seed_index_dir)
    assert result.exit_code == 0
    assert result.stdout == "No passages match 'zeewier'.\n"


def test_query_suggests_known_words(runner, seed_index_dir):
    result = run(runner, "query", "aanbestding", "--index", seed_index_dir)
    assert result.exit_code == 0
    assert result.stderr == "Bedoelde u: aanbesteding?\n"
    # the misspelled word is also searched as the word it most likely means
    assert "**aanbesteding**" in result.stdout


def test_query_json_carries_the_suggestion(runner, seed_index_dir):
    result = run(runner, "query", "palantier", "--json", "--index", seed_index_dir)
    hits = json.loads(result.stdout)
    assert hits and all(hit["did_you_mean"] == "palantir" for hit in hits)
    assert result.stderr == "Bedoelde u: palantir?\n"
    spelled_right = json.loads(run(runner, "query", "palantir", "--json", "--index", seed_index_dir).stdout)
    assert all("did_you_mean" not in hit for hit in spelled_right)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            "foo:bar",
            "unknown field 'foo:'; fields are aan:, alinea:, datum:, doc:, indiener:, ingezonden:, "
            "minister:, ministerie:, nummer:, onderwerp:, partij:, soort:, tekst:, vergaderjaar:, "
            "voetnoot:, vraag:, vraagtekst:",
        ),
        (
            "de het",
            "nothing to search for in 'de het': stop words (de, het, een, …), "
            "operators and punctuation alone are not searched",
        ),
        ("vraag:", "the field 'vraag:' needs a value, as in vraag:5"),
    ],
)
def test_query_that_cannot_be_searched_is_a_usage_error(runner, seed_index_dir, query, message):
    result = run(runner, "query", query, "--index", seed_index_dir)
    assert result.exit_code == 2
    assert result.stderr.endswith(f"Error: Invalid value for QUERY: {message}\n")


def test_limit_must_be_positive(runner, seed_index_dir):
    result = run(runner, "query", "palantir", "--limit", "0", "--index", seed_index_dir)
    assert result.exit_code == 2
    assert "Invalid value for '-n' / '--limit': 0 is not in the range x>=1." in result.stderr


def test_first_query_builds_the_default_index(runner, project_copy, monkeypatch):
    monkeypatch.chdir(project_copy)
    monkeypatch.delenv("SEARCHKIT_INDEX", raising=False)
    monkeypatch.delenv("SEARCHKIT_SOURCES", raising=False)
    result = run(runner, "query", "aanbesteding")
    assert result.exit_code == 0
    assert result.stderr == "no index yet: building index from seeds …\n"
    assert (project_copy / "index" / "CURRENT").is_file()
    again = run(runner, "query", "aanbesteding")
    assert again.stderr == "" and again.stdout == result.stdout


def test_environment_chooses_index_and_sources(runner, project_copy, tmp_path_factory, monkeypatch):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    monkeypatch.setenv("SEARCHKIT_INDEX", str(elsewhere / "ix"))
    monkeypatch.setenv("SEARCHKIT_SOURCES", str(project_copy / "seeds"))
    result = run(runner, "query", "palantir")
    assert result.exit_code == 0
    assert (elsewhere / "ix" / "CURRENT").is_file()


def test_explicit_missing_index_is_an_error(runner, tmp_path):
    result = run(runner, "query", "palantir", "--index", tmp_path)
    assert result.exit_code == 1
    assert result.stderr == f"Error: no index in {tmp_path}; build one with `searchkit index`\n"


def _outdate(index_dir: Path) -> None:
    meta = index_dir / (index_dir / "CURRENT").read_text().strip() / "searchkit.json"
    data = json.loads(meta.read_text())
    data["analyzer_version"] = -1
    meta.write_text(json.dumps(data))


def test_outdated_default_index_is_rebuilt(runner, project_copy, monkeypatch):
    monkeypatch.chdir(project_copy)
    monkeypatch.delenv("SEARCHKIT_INDEX", raising=False)
    monkeypatch.delenv("SEARCHKIT_SOURCES", raising=False)
    assert run(runner, "index").exit_code == 0
    _outdate(project_copy / "index")
    result = run(runner, "query", "palantir")
    assert result.exit_code == 0
    assert result.stderr == "the index is outdated: building index from seeds …\n"


def test_outdated_explicit_index_is_an_error(runner, project_copy):
    index_dir = project_copy / "ix"
    assert run(runner, "index", project_copy / "seeds", "--index", index_dir).exit_code == 0
    _outdate(index_dir)
    result = run(runner, "query", "palantir", "--index", index_dir)
    assert result.exit_code == 1
    assert f"(schema {SCHEMA_VERSION}, analyzer -1)" in result.stderr
    assert result.stderr.endswith("rebuild it with `searchkit index`\n")


def test_index_reports_counts(runner, tmp_path):
    from conftest import SEEDS

    result = run(runner, "index", SEEDS, "--index", tmp_path / "ix")
    assert result.exit_code == 0
    assert re.fullmatch(
        rf"Indexed 1 document \(19 passages\) into {re.escape(str(tmp_path / 'ix'))} in \d+\.\d\d s\.\n",
        result.stdout,
    )
    assert result.stderr == ""  # no progress bar when stderr is not a terminal


def test_index_skips_bad_files_and_exits_1(runner, project_copy):
    (project_copy / "seeds" / "leeg.txt").write_text("")
    result = run(runner, "index", project_copy / "seeds", "--index", project_copy / "ix")
    assert result.exit_code == 1
    assert result.stdout.startswith("Indexed 1 document (19 passages)")
    assert result.stdout.endswith(" s; skipped 1 file.\n")
    assert result.stderr == f"skipped {project_copy / 'seeds' / 'leeg.txt'}: empty file\n"


def test_index_strict_stops_at_a_bad_file(runner, project_copy):
    bad = project_copy / "seeds" / "leeg.txt"
    bad.write_text("")
    result = run(runner, "index", project_copy / "seeds", "--strict", "--index", project_copy / "ix")
    assert result.exit_code == 1
    assert result.stderr == f"Error: {bad}: empty file\n"
    assert not (project_copy / "ix" / "CURRENT").exists()


def test_index_missing_path(runner, tmp_path):
    result = run(runner, "index", tmp_path / "nergens", "--index", tmp_path / "ix")
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'nergens'}: no such file or folder\n"


def test_show_question_with_answer_and_footnotes(runner, seed_index_dir):
    result = run(runner, "show", SEED_ID, "3", "--index", seed_index_dir)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[:5] == [
        f"{SEED_ID} (vergaderjaar 2024-2025)",
        "Antwoord van minister Van Weel (Justitie en Veiligheid)",
        "Ontvangen 2025-08-20",
        "Zie ook ah-tk-20242025-2790",
        "",
    ]
    assert "Vraag 3" in lines and "Vraag 1" not in lines
    assert "  [3] De Veiligheidsregio’s zijn overigens geen departementsonderdeel." in lines


def test_show_json_whole_document(runner, seed_index_dir):
    result = run(runner, "show", SEED_ID, "--json", "--index", seed_index_dir)
    document = json.loads(result.stdout)
    assert [len(q["answer"]) for q in document["questions"]] == [5, 1, 3, 3, 1, 5, 1]
    assert document["received"] == "2025-08-20"


def test_show_unknown_question_and_document(runner, seed_index_dir):
    result = run(runner, "show", SEED_ID, "9", "--index", seed_index_dir)
    assert result.exit_code == 1
    assert (
        result.stderr == f"Error: document {SEED_ID} has no question 9 (its questions: 1, 2, 3, 4, 5, 6, 7)\n"
    )
    result = run(runner, "show", "ah-tk-19991999-1", "--index", seed_index_dir)
    assert result.exit_code == 1
    assert result.stderr == f"Error: no document 'ah-tk-19991999-1' in the index in {seed_index_dir}\n"


def test_info(runner, seed_index_dir):
    result = run(runner, "info", "--json", "--index", seed_index_dir)
    details = json.loads(result.stdout)
    assert (details["documents"], details["passages"]) == (1, 19)
    assert details["size_bytes"] > 0
    assert details["mededelingen"] == []
    human = run(runner, "info", "--index", seed_index_dir).stdout
    assert "passages     19\n" in human
    assert human.endswith("mededelingen 0\n")


@pytest.mark.parametrize("command", [[], ["query"], ["index"], ["show"], ["info"]])
def test_every_command_has_help(runner, command):
    result = run(runner, *command, "--help")
    assert result.exit_code == 0
    assert "Usage: " in result.stdout


def test_missing_argument_is_a_usage_error(runner):
    result = run(runner, "query")
    assert result.exit_code == 2
    assert "Error: Missing argument 'QUERY...'." in result.stderr


def test_python_dash_m(seed_index_dir):
    result = subprocess.run(
        [sys.executable, "-m", "searchkit", "query", "licentie", "--json", "--index", str(seed_index_dir)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["question_numbers"] == [1]


# --- indexing files and folders ------------------------------------------------------------

DATA = Path(__file__).resolve().parent / "data"
MEDEDELING = DATA / "made-up" / "mededeling.txt"


def _passage_count(*paths: Path) -> int:
    return sum(len(list(passages(parse_document(path)))) for path in paths)


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """Nested folders of .txt, .md and .pdf documents, a hidden file, a Word file and a bad text."""
    docs = tmp_path / "docs"
    (docs / "sub" / "deeper").mkdir(parents=True)
    shutil.copy(SEED, docs / SEED.name)
    shutil.copy(DATA / "text" / "ah-tk-20242025-573.txt", docs / "sub" / "ah-tk-20242025-573.md")
    shutil.copy(DATA / "pdf" / "ah-tk-20232024-1314.pdf", docs / "sub" / "ah-tk-20232024-1314.pdf")
    shutil.copy(MEDEDELING, docs / "sub" / "deeper" / "mededeling.txt")
    (docs / ".verborgen.txt").write_text("Geen vragen hier.\n")
    (docs / "notities.docx").write_bytes(b"PK\x03\x04")
    (docs / "sub" / "kapot.txt").write_text("Geen vragen hier.\n")
    return docs


def test_index_mixed_folder_with_a_bad_file(runner, mixed, tmp_path):
    result = run(runner, "index", mixed, "--index", tmp_path / "ix")
    assert result.exit_code == 1
    assert result.stderr == f"skipped {mixed / 'sub' / 'kapot.txt'}: no questions found\n"
    good = [
        mixed / SEED.name,
        mixed / "sub" / "ah-tk-20242025-573.md",
        mixed / "sub" / "ah-tk-20232024-1314.pdf",
        mixed / "sub" / "deeper" / "mededeling.txt",
    ]
    count = _passage_count(*good)
    assert re.fullmatch(
        rf"Indexed 4 documents \({count} passages\) into {re.escape(str(tmp_path / 'ix'))} "
        rf"in \d+\.\d\d s; skipped 1 file\.\n",
        result.stdout,
    )
    info = json.loads(run(runner, "info", "--json", "--index", tmp_path / "ix").stdout)
    assert sorted(info["sources"]) == sorted(str(path) for path in [*good, mixed / "sub" / "kapot.txt"])


def test_index_strict_stops_at_the_first_bad_file_of_a_folder(runner, mixed, tmp_path):
    result = run(runner, "index", mixed, "--strict", "--index", tmp_path / "ix")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"Error: {mixed / 'sub' / 'kapot.txt'}: no questions found\n"
    assert not (tmp_path / "ix" / "CURRENT").exists()


def test_index_quiet(runner, mixed, tmp_path):
    result = run(runner, "index", mixed, "--quiet", "--index", tmp_path / "ix")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"skipped {mixed / 'sub' / 'kapot.txt'}: no questions found\n"


def test_index_damaged_pdf_is_skipped(runner, project_copy):
    damaged = project_copy / "seeds" / "kapot.pdf"
    damaged.write_bytes(b"%PDF-1.7\nnot really a PDF\n")
    result = run(runner, "index", project_copy / "seeds", "--index", project_copy / "ix")
    assert result.exit_code == 1
    assert result.stdout.startswith("Indexed 1 document (19 passages)")
    assert result.stderr.startswith(f"skipped {damaged}: ")
    assert result.stderr.count("\n") == 1


def test_index_survives_symlink_loops_hidden_folders_and_duplicates(runner, tmp_path):
    docs = tmp_path / "docs"
    (docs / ".git").mkdir(parents=True)
    shutil.copy(SEED, docs / SEED.name)
    (docs / ".git" / "kapot.txt").write_text("Geen vragen hier.\n")
    (docs / "lus").symlink_to(docs, target_is_directory=True)
    (docs / "kopie.txt").symlink_to(docs / SEED.name)
    result = run(runner, "index", docs, docs / SEED.name, "--index", tmp_path / "ix")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Indexed 1 document (19 passages)")
    assert result.stderr == ""


def test_index_reports_an_unreadable_folder(runner, project_copy, monkeypatch):
    locked = project_copy / "seeds" / "geheim"
    locked.mkdir()
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:
        if Path(str(path)) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = run(runner, "index", project_copy / "seeds", "--index", project_copy / "ix")
    assert result.exit_code == 1
    assert result.stdout.startswith("Indexed 1 document (19 passages)")
    assert result.stderr == f"skipped {locked}: cannot read folder: Permission denied\n"


def test_index_reader_failure_is_a_skip_not_a_traceback(runner, project_copy, monkeypatch):
    import searchkit.build

    odd = project_copy / "seeds" / "vreemd.txt"
    shutil.copy(SEED, odd)
    real_parse = searchkit.build.parse_document

    def parse(path: Path) -> object:
        if Path(path) == odd:
            raise RuntimeError("onverwacht")
        return real_parse(path)

    monkeypatch.setattr(searchkit.build, "parse_document", parse)
    result = run(runner, "index", project_copy / "seeds", "--index", project_copy / "ix")
    assert result.exit_code == 1
    assert result.stderr == f"skipped {odd}: cannot be read (RuntimeError: onverwacht)\n"


def test_index_into_a_file_is_an_error(runner, tmp_path):
    occupied = tmp_path / "bestand"
    occupied.write_text("")
    result = run(runner, "index", SEED, "--index", occupied / "ix")
    assert result.exit_code == 1
    assert result.stderr == f"Error: cannot write the index in {occupied / 'ix'}: Not a directory\n"


def _terminal_output(fd: int) -> str:
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the terminal is closed once everything is read
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.parametrize("quiet", [False, True])
def test_index_progress_bar_only_on_a_terminal(tmp_path, quiet):
    controller, terminal = pty.openpty()
    command = [sys.executable, "-m", "searchkit", "index", str(SEED), "--index", str(tmp_path / "ix")]
    result = subprocess.run(
        command + (["--quiet"] if quiet else []),
        stderr=terminal,
        stdout=subprocess.PIPE,
        text=True,
        check=False,
    )
    os.close(terminal)
    drawn = _terminal_output(controller)
    os.close(controller)
    assert result.returncode == 0
    assert ("Indexing" in drawn and "100%" in drawn) != quiet
    assert (result.stdout == "") == quiet


# --- mededelingen and cross-references -------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of the seed, the sample texts and a made-up mededeling (shared: do not modify)."""
    path = tmp_path_factory.mktemp("corpus-index")
    searchkit.build_index([SEED, DATA / "text", MEDEDELING], path).close()
    return path


def test_info_lists_mededelingen(runner, corpus_index_dir):
    human = run(runner, "info", "--index", corpus_index_dir).stdout
    assert human.endswith("mededelingen 1\n  ah-tk-20242025-9001  ontvangen 2024-10-23\n")
    details = json.loads(run(runner, "info", "--json", "--index", corpus_index_dir).stdout)
    assert details["mededelingen"] == [{"doc_id": "ah-tk-20242025-9001", "received": "2024-10-23"}]


def test_show_mededeling(runner, corpus_index_dir):
    result = run(runner, "show", "ah-tk-20242025-9001", "--index", corpus_index_dir)
    assert result.exit_code == 0
    assert result.stdout == (
        "ah-tk-20242025-9001 (vergaderjaar 2024-2025, nr. 9001)\n"
        "Vragen van Dassen (Volt), Omtzigt (Nieuw Sociaal Contract)\n"
        "Aan Minister van Financiën\n"
        "Over het bericht «Voorbeeld»\n"
        "Ingezonden 2024-10-02\n"
        "Mededeling van minister Heinen (Financiën)\n"
        "Ontvangen 2024-10-23\n"
        "Zie ook ah-tk-20242025-100\n"
        "\n"
        "De vragen van de leden Dassen en Omtzigt kunnen niet binnen de gebruikelijke termijn worden beantwoord.\n"
        "\n"
        "Vraag 1\n"
        "Bent u bekend met het bericht?\n"
        "\n"
        "Vraag 2\n"
        "Wat gaat u doen?\n"
    )


def test_show_full_metadata(runner, corpus_index_dir):
    result = run(runner, "show", "ah-tk-20242025-548", "1", "--index", corpus_index_dir)
    assert result.stdout.splitlines()[:8] == [
        "ah-tk-20242025-548 (vergaderjaar 2024-2025, nr. 548)",
        "Vragen van Paternotte (D66), Podt (D66)",
        "Aan Minister van Buitenlandse Zaken; Minister van Asiel en Migratie",
        "Over het kidnappen van Turkse burgers in Kenia",
        "Ingezonden 2024-10-22",
        "Antwoord van minister Veldkamp (Buitenlandse Zaken), mede namens Minister van Asiel en Migratie",
        "Ontvangen 2024-11-14",
        "",
    ]


def test_show_two_who_answered(runner, corpus_index_dir):
    lines = run(runner, "show", "ah-tk-20242025-558", "--index", corpus_index_dir).stdout.splitlines()
    assert (
        "Antwoord van minister Van Weel (Justitie en Veiligheid) en staatssecretaris Coenradie "
        "(Justitie en Veiligheid)"
    ) in lines


def test_show_prints_cross_references(runner, corpus_index_dir):
    result = run(runner, "show", "ah-tk-20242025-578", "13", "--index", corpus_index_dir)
    lines = result.stdout.splitlines()
    see_also = [line for line in lines if line.startswith("Zie ook het antwoord op vraag")]
    assert [line.split(":")[0] for line in see_also] == [
        "Zie ook het antwoord op vraag 3",
        "Zie ook het antwoord op vraag 8",
        "Zie ook het antwoord op vraag 9",
    ]
    assert see_also[0].startswith("Zie ook het antwoord op vraag 3: Ik vind het belangrijk dat Fokus")
    assert lines.index(see_also[0]) > lines.index("Antwoord")
    json_document = json.loads(
        run(runner, "show", "ah-tk-20242025-578", "13", "--json", "--index", corpus_index_dir).stdout
    )
    assert [q["see_also"] for q in json_document["questions"]] == [[3, 8, 9]]


def test_query_marks_mededelingen(runner, corpus_index_dir):
    result = run(runner, "query", "termijn soort:mededeling", "--index", corpus_index_dir)
    heads = [block.splitlines()[0] for block in result.stdout.split("\n\n") if block]
    assert heads and all(" · mededeling · score " in head for head in heads)
    assert {head.split(" · ")[1] for head in heads} == {"vraag 1", "vraag 2"}


def test_users_extend_the_synonyms(runner, seed_index_dir, tmp_path):
    mine = tmp_path / "mijn-synoniemen.tsv"
    mine.write_text("# my own\nRaffinaderij\tanalyseplatform\n", "utf-8")
    plain = run(runner, "query", "analyseplatform", "--json", "--index", seed_index_dir)
    assert json.loads(plain.stdout) == []
    extended = run(
        runner, "query", "analyseplatform", "--json", "--synonyms", mine, "--index", seed_index_dir
    )
    hits = json.loads(extended.stdout)
    assert hits and all("Raffinaderij" in hit["text"] + hit["question"] for hit in hits)


def test_missing_synonyms_file(runner, seed_index_dir, tmp_path):
    result = run(runner, "query", "palantir", "--synonyms", tmp_path / "nee.tsv", "--index", seed_index_dir)
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'nee.tsv'}: no such synonyms file\n"
