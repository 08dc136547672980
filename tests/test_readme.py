"""The README's commands and library example run as documented."""

from __future__ import annotations

import contextlib
import io
import re
import shlex
import subprocess
import sys

import pytest
from conftest import PROJECT

from searchkit.cli import main
from searchkit.schema import FIELD_ALIASES

README = (PROJECT / "README.md").read_text("utf-8")


def code_blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, re.DOTALL)


def commands() -> list[str]:
    return [line for block in code_blocks("sh") for line in block.splitlines() if line.strip()]


def test_readme_shows_install_query_and_test_commands():
    assert commands() == [
        "pip install -e .",
        'searchkit query "aanbesteding"',
        "pip install -e '.[test]'",
        "python -m pytest",
    ]


def test_ci_runs_the_readme_install_and_test_commands():
    ci = (PROJECT / ".ci" / "run").read_text("utf-8")
    assert "pip install --quiet -e '.[test]'" in ci
    assert ci.rstrip().endswith("python -m pytest")


def test_readme_query_command_works_on_a_fresh_clone(project_copy):
    """`pip install -e .` is what CI ran; the query runs in a copy without an index."""
    argv = shlex.split(commands()[1])
    assert argv[0] == "searchkit"
    result = subprocess.run(
        [sys.executable, "-m", "searchkit", *argv[1:]],
        cwd=project_copy,
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == "no index yet: building index from seeds …\n"
    assert "**aanbesteding**" in result.stdout
    (example,) = code_blocks("text")
    assert result.stdout == example


def test_readme_library_example_runs(project_copy, monkeypatch):
    monkeypatch.chdir(project_copy)
    (example,) = code_blocks("python")
    target = project_copy / "example-index"
    example = example.replace("/tmp/searchkit-example", str(target))
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(example, "README.md", "exec"), {})
    printed = output.getvalue()
    for expected in re.findall(r"# (?!matched)(.+)$", example, re.MULTILINE):
        assert expected.strip() in printed


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_is_documented(command):
    assert f"`searchkit {command} " in README


@pytest.mark.parametrize("field", sorted(FIELD_ALIASES))
def test_every_query_field_is_documented(field):
    query_language = README.split("## The query language")[1].split("\n## ")[0]
    assert f"`{field}:" in query_language


@pytest.mark.parametrize("option", ["--strict", "--quiet", "--limit", "--json"])
def test_every_option_is_documented(option):
    assert option in README.split("## Commands")[1].split("\n## ")[0]
