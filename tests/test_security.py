"""Input that tries to escape the index, inject markup or drive a terminal (README, *Security*)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEED, SEED_ID

import searchkit
from searchkit import Index, IndexCorruptError, SearchkitError
from searchkit.cli import main

# Control characters other than the line end, as a terminal would obey them.
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


@pytest.mark.parametrize(
    "doc_id",
    [
        "../../etc/passwd",
        "/etc/passwd",
        f"{SEED_ID}/../../../etc/passwd",
        "..",
        "\\..\\..\\windows\\win.ini",
        "x" * 100_000,
        f"{SEED_ID}\x00",
        "\x1b]0;pwned\x07",
    ],
)
def test_show_looks_ids_up_never_paths(seed_index_dir: Path, doc_id: str) -> None:
    with searchkit.open_index(seed_index_dir) as index:
        with pytest.raises(SearchkitError, match="^no document ") as raised:
            index.document(doc_id)
    message = str(raised.value)
    assert len(message) < 300  # a very long id is cut short
    assert not _CONTROL.search(message)
    if "\x00" not in doc_id:  # arguments cannot hold NUL bytes
        result = CliRunner().invoke(main, ["show", doc_id, "--index", str(seed_index_dir)])
        assert result.exit_code == 1
        assert result.stdout == ""
        assert result.stderr.startswith("Error: no document ")
        assert result.stderr.count("\n") == 1
        assert "root:" not in result.output


def test_show_finds_the_real_id(seed_index_dir: Path) -> None:
    result = CliRunner().invoke(main, ["show", SEED_ID, "--index", str(seed_index_dir)])
    assert result.exit_code == 0
    assert result.stdout.startswith(SEED_ID)


@pytest.mark.parametrize("pointer", ["../elders/{gen}", "/{outside}/elders/{gen}", "{gen}/..", "", "gen-a b"])
def test_current_cannot_point_outside_the_index(tmp_path: Path, pointer: str) -> None:
    index_dir = tmp_path / "index"
    searchkit.build_index([SEED], index_dir).close()
    generation = (index_dir / "CURRENT").read_text("utf-8")
    # A complete generation elsewhere, which a pointer with a path would reach.
    shutil.copytree(index_dir / generation, tmp_path / "elders" / generation)
    outside = str(tmp_path).strip("/")
    (index_dir / "CURRENT").write_text(pointer.format(gen=generation, outside=outside), "utf-8")
    with pytest.raises(IndexCorruptError, match="CURRENT names no generation"):
        searchkit.open_index(index_dir)


@pytest.fixture
def hostile(tmp_path: Path) -> Iterator[Index]:
    """An index of a document with markup, terminal escapes and control characters in its
    text, its question and its file name."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "kwaad\x1b[2J.txt").write_text(
        "Vraag 1\n"
        "Wordt <b>de Kamer</b> geïnformeerd?\x1b]52;c;cHduZWQ=\x07 \x9b31m\n\n"
        "Antwoord op vraag 1\n"
        'De tekst bevat <script>alert(1)</script> & "><img src=x onerror=alert(2)> '
        "en aanbesteding \x1b[31min\x1b[0m één\x01 alinea.\n",
        "utf-8",
    )
    with searchkit.build_index([docs], tmp_path / "index") as built:
        yield built


@pytest.mark.parametrize(
    "query",
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(2)>',
        "aanbesteding <b>",
        "script OR img OR onerror",
        "<mark>aanbesteding</mark>",
    ],
)
def test_html_highlights_escape_document_and_query(hostile: Index, query: str) -> None:
    hits = hostile.search(query, highlight="html")
    assert hits
    for hit in hits:
        markup = re.findall(r"<[^>]*>", hit.highlight)
        assert set(markup) <= {"</mark>"} | {f'<mark class="match term{n}">' for n in range(10)}
        text = re.sub(r"</?mark[^>]*>", "", hit.highlight)
        assert '&lt;script&gt;alert(1)&lt;/script&gt; &amp; "&gt;&lt;img src=x onerror=alert(2)&gt;' in text


def test_documents_cannot_drive_a_terminal(hostile: Index, tmp_path: Path) -> None:
    [hit] = hostile.search("aanbesteding")
    for text in (hit.doc_id, hit.text, hit.question, hit.highlight):
        assert not _CONTROL.search(text), text
    runner = CliRunner()
    index = ["--index", str(tmp_path / "index")]
    for args in (["query", "aanbesteding", *index], ["show", hit.doc_id, *index], ["info", *index]):
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output
        assert not _CONTROL.search(result.output), (args, result.output)


def test_file_names_in_messages_show_control_characters_as_escapes(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SEED, docs)
    (docs / "leeg\x1b]0;pwned\x07.txt").write_text("", "utf-8")
    result = CliRunner().invoke(main, ["index", str(docs), "--index", str(tmp_path / "ix")])
    assert result.exit_code == 1
    assert result.stderr == f"skipped {docs}/leeg\\x1b]0;pwned\\x07.txt: empty file\n"


def test_rebuilds_remove_nothing_outside_the_index(tmp_path: Path) -> None:
    index_dir, precious = tmp_path / "index", tmp_path / "kostbaar"
    precious.mkdir()
    (precious / "brief.txt").write_text("bewaren\n", "utf-8")
    searchkit.build_index([SEED], index_dir).close()
    (index_dir / "gen-link").symlink_to(precious, target_is_directory=True)
    for _ in range(3):  # each rebuild removes the generations before the previous one
        searchkit.build_index([SEED], index_dir).close()
    assert (precious / "brief.txt").read_text("utf-8") == "bewaren\n"
