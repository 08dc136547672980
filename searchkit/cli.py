"""The ``searchkit`` command: thin click commands over the public library API."""

from __future__ import annotations

import gc
import json
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
from click.core import ParameterSource

import searchkit
from searchkit import (
    Document,
    HighlightFormat,
    Hit,
    Index,
    IndexCorruptError,
    IndexMissingError,
    IndexVersionError,
    QueryError,
    Question,
    SearchkitError,
)

_index_option = click.option(
    "--index",
    "index_dir",
    # Not checked here: the library's errors say what is wrong (a file, a folder it may not write).
    type=click.Path(path_type=Path),
    default="index",
    envvar="SEARCHKIT_INDEX",
    show_default=True,
    help="Index folder (environment: SEARCHKIT_INDEX).",
)
_sources_option = click.option(
    "--sources",
    "sources_dir",
    type=click.Path(path_type=Path),
    default="seeds",
    envvar="SEARCHKIT_SOURCES",
    show_default=True,
    help="Documents to build the default index from when it is missing, outdated or damaged "
    "(environment: SEARCHKIT_SOURCES).",
)
_json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(searchkit.__version__, prog_name="searchkit")
def main() -> None:
    """Search Dutch parliamentary written questions and the government's answers.

    \b
    Examples:
      searchkit query aanbesteding
      searchkit query '"heimelijke verwerving" NIET politie' --limit 5
      searchkit query 'minister:"van weel" vraag:5' --json
      searchkit query 'brandweer partij:SP datum:[2024-01-01 TO 2024-12-31]'
      searchkit index ~/kamervragen/
    """


@contextmanager
def _errors_as_click() -> Iterator[None]:
    """Turns library errors into click errors: a query error is a bad argument (exit 2)."""
    try:
        yield
    except QueryError as error:
        raise click.BadParameter(str(error), param_hint="QUERY") from error
    except SearchkitError as error:
        raise click.ClickException(str(error)) from error


def _open(index_dir: Path, sources_dir: Path, synonyms: Path | None = None) -> Index:
    """Opens the index; builds the default one from the sources when it is missing or outdated."""
    ctx = click.get_current_context()
    is_default = ctx.get_parameter_source("index_dir") in (
        ParameterSource.DEFAULT,
        ParameterSource.ENVIRONMENT,
    )
    try:
        return searchkit.open_index(index_dir, synonyms=synonyms)
    except (IndexMissingError, IndexVersionError, IndexCorruptError) as error:
        if not is_default:
            raise
        reasons = {IndexMissingError: "no index yet", IndexVersionError: "the index is outdated"}
        reason = reasons.get(type(error), "the index is damaged")
        click.echo(f"{reason}: building {index_dir} from {sources_dir} …", err=True)
        built = searchkit.build_index([sources_dir], index_dir)
        _report_skipped(built)
        built.close()
        return searchkit.open_index(index_dir, synonyms=synonyms)


@main.command()
@click.argument("query", nargs=-1, required=True)
@click.option(
    "-n", "--limit", default=10, show_default=True, type=click.IntRange(min=1), help="Number of passages."
)
@_json_option
@_index_option
@_sources_option
@click.option(
    "--synonyms",
    # Not checked here: the library's errors say what is wrong with the file (exit code 1).
    type=click.Path(path_type=Path, readable=False),
    envvar="SEARCHKIT_SYNONYMS",
    help="Your own synonyms file, read besides the shipped table (environment: SEARCHKIT_SYNONYMS).",
)
def query(
    query: tuple[str, ...],
    limit: int,
    as_json: bool,
    index_dir: Path,
    sources_dir: Path,
    synonyms: Path | None,
) -> None:
    """Find the answer passages that best match QUERY.

    \b
    QUERY is words (natural language works), "phrases", wildcards
    (aanbested*  *regels  aanbest?ding; a ? ending a word ends a question),
    operators AND/OR/NOT (also EN/OF/NIET, uppercase) with (parentheses), and
    field filters: vraag:5  minister:"van weel"  ministerie:justitie  indiener:ellian
    partij:VVD  aan:staatssecretaris  onderwerp:brandweer  doc:ID
    vergaderjaar:2024-2025  nummer:548  soort:mededeling  datum:2024-11-14
    datum:[2024-11-01 TO 2024-11-30]  ingezonden:2024-10  tekst:  vraagtekst:
    voetnoot:  alinea:
    """
    text = " ".join(query)
    highlight: HighlightFormat = "plain" if as_json or not _colour() else "ansi"
    with _errors_as_click(), _open(index_dir, sources_dir, synonyms) as index:
        hits = index.search(text, limit=limit, highlight=highlight)
        suggestion = index.did_you_mean(text)
    if suggestion:
        click.echo(f"Bedoelde u: {suggestion}?", err=True)
    if as_json:
        extra = {"did_you_mean": suggestion} if suggestion else {}
        click.echo(json.dumps([hit.to_dict() | extra for hit in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        click.echo(f"No passages match {text!r}.")
    for rank, hit in enumerate(hits, start=1):
        click.echo(_format_hit(rank, hit))


def _colour() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _format_hit(rank: int, hit: Hit) -> str:
    where = "mededeling" if hit.kind == "mededeling" else f"alinea {hit.paragraph}"
    head = f"{rank}. {hit.doc_id} · vraag {_numbers(hit.question_numbers)} · {where} · score {hit.score:.2f}"
    return "\n".join(
        [
            click.style(head, bold=True) if _colour() else head,
            f"   {hit.highlight}",
            f"   Vraag: {_shorten(hit.question, 160)}",
            "",
        ]
    )


def _numbers(numbers: tuple[int, ...]) -> str:
    return ", ".join(str(n) for n in numbers)


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width].rsplit(" ", 1)[0] + " …"


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Stop at the first file that cannot be read.")
@click.option(
    "-q", "--quiet", is_flag=True, help="No progress bar and no summary; skipped files are still listed."
)
@click.option(
    "--update",
    is_flag=True,
    help="Only add new and changed files and remove documents whose files are gone.",
)
@_index_option
@_sources_option
def index(
    paths: tuple[Path, ...], strict: bool, quiet: bool, update: bool, index_dir: Path, sources_dir: Path
) -> None:
    """Rebuild the index from PATHS: files and folders (searched recursively) of
    .pdf, .txt and .md documents; default: the sources folder.

    With --update, files are compared with what the index holds (by path and
    content hash): only new and changed ones are read, and documents whose
    files are no longer among PATHS are removed.

    Each file that cannot be read is reported as "skipped FILE: reason" and the
    others are indexed; the exit code is then 1. With --strict the first such
    file stops the build. The previous index stays in use until the new one is
    complete. A progress bar shows on a terminal.
    """
    started = time.perf_counter()
    make = searchkit.update_index if update else searchkit.build_index
    with _errors_as_click(), _ProgressBar(enabled=not quiet and sys.stderr.isatty()) as bar:
        built = make(paths or [sources_dir], index_dir, strict=strict, progress=bar)
    info = built.info()
    built.close()
    _report_skipped(built)
    if not quiet:
        skipped = f"; skipped {_count(len(built.skipped), 'file')}" if built.skipped else ""
        changes = built.changes
        done = (
            f"Updated {index_dir}: {changes['added']} added, {changes['changed']} changed, "
            f"{changes['removed']} removed, {changes['unchanged']} unchanged; now "
            if changes
            else "Indexed "
        )
        into = "" if changes else f" into {index_dir}"
        click.echo(
            f"{done}{_count(info.documents, 'document')} ({_count(info.passages, 'passage')})"
            f"{into} in {time.perf_counter() - started:.2f} s{skipped}."
        )
    if built.skipped:
        raise click.exceptions.Exit(1)


class _ProgressBar:
    """A progress callback for build_index drawing a click progress bar on stderr, if enabled."""

    def __init__(self, enabled: bool) -> None:
        self._enabled = enabled
        self._bar: Any = None

    def __enter__(self) -> _ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.render_finish()

    def __call__(self, path: Path, done: int, total: int) -> None:
        if not self._enabled:
            return
        if self._bar is None:
            self._bar = click.progressbar(length=total, label="Indexing", file=sys.stderr)
        self._bar.update(1, path.name)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _report_skipped(index: Index) -> None:
    for error in index.skipped:
        click.echo(f"skipped {error}", err=True)


@main.command()
@click.argument("doc_id")
@click.argument("vraag", type=int, required=False)
@_json_option
@_index_option
@_sources_option
def show(doc_id: str, vraag: int | None, as_json: bool, index_dir: Path, sources_dir: Path) -> None:
    """Show a document: who asked whom about what, who answered and when, and
    its questions with their whole answers, footnotes and cross-references
    ("Zie ook het antwoord op vraag 7").

    With VRAAG, only the question with that number.
    """
    with _errors_as_click(), _open(index_dir, sources_dir) as index:
        document = index.document(doc_id)
    questions = [q for q in document.questions if vraag is None or vraag in q.numbers]
    if not questions:
        asked = ", ".join(_numbers(q.numbers) for q in document.questions)
        raise click.ClickException(f"document {doc_id} has no question {vraag} (its questions: {asked})")
    if as_json:
        document.questions = questions
        click.echo(json.dumps(document.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(_format_document(document, questions))


def _format_document(document: Document, questions: list[Question]) -> str:
    """The document's metadata, then ``questions`` with their answers and cross-references."""
    lines = [_heading(document), *_metadata_lines(document)]
    if document.notice:
        lines += ["", document.notice]
    for question in questions:
        lines += ["", f"Vraag {_numbers(question.numbers)}", question.text]
        lines += [f"  [{n.number}] {n.text}" for n in question.footnotes]
        if not question.answer:
            continue
        lines += ["", "Antwoord"]
        for paragraph, notes in zip(question.answer, question.answer_footnotes, strict=True):
            lines.append(paragraph)
            lines += [f"  [{n.number}] {n.text}" for n in notes]
        lines += [_see_also(document, number) for number in question.see_also]
    return "\n".join(lines)


def _heading(document: Document) -> str:
    known = [f"vergaderjaar {document.vergaderjaar}"] if document.vergaderjaar else []
    known += [f"nr. {document.nummer}"] if document.nummer is not None else []
    return f"{document.doc_id} ({', '.join(known)})" if known else document.doc_id


def _metadata_lines(document: Document) -> list[str]:
    """Who asked whom about what, who answered and when, as labelled lines (known ones only)."""
    answered = " en ".join(str(official) for official in document.answered_by)
    if answered and document.co_signers:
        answered += f", mede namens {document.co_signers}"
    labelled = [
        ("Vragen van", ", ".join(str(member) for member in document.askers)),
        ("Aan", "; ".join(document.addressees)),
        ("Over", document.subject),
        ("Ingezonden", document.submitted.isoformat() if document.submitted else None),
        ("Mededeling van" if document.kind == "mededeling" else "Antwoord van", answered),
        ("Ontvangen", document.received.isoformat() if document.received else None),
        ("Zie ook", ", ".join(document.related)),
    ]
    return [f"{label} {value}" for label, value in labelled if value]


def _see_also(document: Document, number: int) -> str:
    """The line pointing to the answer to question ``number``, with the start of that answer."""
    referred = next((q for q in document.questions if number in q.numbers), None)
    if referred is None or not referred.answer:
        return f"Zie ook het antwoord op vraag {number} (searchkit show {document.doc_id} {number})."
    return f"Zie ook het antwoord op vraag {number}: {_shorten(referred.answer[0], 200)}"


@main.command()
@_json_option
@click.option("--check", is_flag=True, help="Read the whole index and report damage (exit code 1).")
@_index_option
@_sources_option
def info(as_json: bool, check: bool, index_dir: Path, sources_dir: Path) -> None:
    """Show what the index holds: documents, passages, size and versions, and
    the mededelingen (questions not answered yet) with the date each was received.

    With --check, read every part of the index first: damage is reported with
    a hint to rebuild (`searchkit index`), and the exit code is 1.
    """
    with _errors_as_click(), _open(index_dir, sources_dir) as index:
        details = index.info()
        problems = index.check() if check else []
    if problems:
        hint = "; rebuild it with `searchkit index`"
        raise click.ClickException(
            "; ".join(problems) + ("" if problems[0].endswith("`searchkit index`") else hint)
        )
    if as_json:
        click.echo(json.dumps(details.to_dict(), ensure_ascii=False, indent=2))
        return
    rows: list[tuple[str, Any]] = [
        ("index", details.path),
        ("documents", details.documents),
        ("passages", details.passages),
        ("size", f"{details.size_bytes / 1024:.0f} KiB"),
        ("built", details.built),
        ("searchkit", details.searchkit_version),
        ("schema", details.schema_version),
        ("analyzer", details.analyzer_version),
        ("sources", len(details.sources)),
        ("mededelingen", len(details.mededelingen)),
    ]
    for name, value in rows:
        click.echo(f"{name:<12} {value}")
    for mededeling in details.mededelingen:
        click.echo(f"  {mededeling['doc_id']}  ontvangen {mededeling['received'] or 'onbekend'}")


# This is the command's module: what importing it made (modules, classes, commands) lives
# until the process ends, so the garbage collector need not scan it again. A cold query
# spends ~15 ms less in collections and at exit.
gc.freeze()
