"""The CLI through click's CliRunner: output, exit codes and exact error texts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEED_ID

from searchkit.cli import main


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
    assert set(hits[0]) == {
        "doc_id",
        "question_numbers",
        "paragraph",
        "score",
        "text",
        "question",
        "highlight",
    }
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
    assert "Did you mean: aanbesteding" in result.stderr


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            "foo:bar",
            "unknown field 'foo:'; fields are alinea:, datum:, doc:, minister:, ministerie:, "
            "tekst:, voetnoot:, vraag:, vraagtekst:",
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
    assert "(schema 1, analyzer -1)" in result.stderr
    assert result.stderr.endswith("rebuild it with `searchkit index`\n")


def test_index_reports_counts(runner, tmp_path):
    from conftest import SEEDS

    result = run(runner, "index", SEEDS, "--index", tmp_path / "ix")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Indexed 1 documents (19 passages) into {tmp_path / 'ix'} in ")


def test_index_skips_bad_files_and_exits_1(runner, project_copy):
    (project_copy / "seeds" / "leeg.txt").write_text("")
    result = run(runner, "index", project_copy / "seeds", "--index", project_copy / "ix")
    assert result.exit_code == 1
    assert "Indexed 1 documents (19 passages)" in result.stdout
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
    assert lines[:4] == [
        SEED_ID,
        "Antwoord van Van Weel, Justitie en Veiligheid",
        "Ontvangen 2025-08-20",
        "Zie ook ah-tk-20242025-2790",
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
    human = run(runner, "info", "--index", seed_index_dir).stdout
    assert "passages   19" in human


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
