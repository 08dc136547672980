#!/usr/bin/env python3
"""Report how each answer document parses, with warnings about likely parsing problems.

Usage: python scripts/check_corpus.py PATHS...

For every file (folders are searched recursively): its id, askers, who answered,
dates, and the counts of questions, answer paragraphs, footnotes and
cross-references; then warnings:

- a question without an answer (in a document that is not a mededeling);
- question numbers missing or used twice;
- page furniture left in the text (ISSN, "’s-Gravenhage 2024", "…, Aanhangsel 2",
  "Vergaderjaar 2024–2025 Aanhangsel van de Handelingen", a document id);
- likely glued words: a word unknown to the lexicon that splits into two known
  words, the first a stop word ("destraat"), the second a stop word of three or
  more letters ("aangevenvan"; shorter ones are word endings: "formeren|de"), or the
  second starting with a capital ("inNederland");
- line-end hyphens left: a hyphenated word whose part after the hyphen is no word
  but which the lexicon knows written whole ("Herstelope-ratie");
- empty footnotes.

Totals follow. The exit code is 0: the report is for reading.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from searchkit import Document, ParseError, parse_document
from searchkit.analysis.stopwords import dutch_stopwords
from searchkit.lexicon import zipf
from searchkit.parsing.words import KNOWN_WORD
from searchkit.sources import find_sources

# The imprint, the footer "…, vergaderjaar 2024–2025, Aanhangsel 2", the page-1 header
# "Vergaderjaar 2024–2025 Aanhangsel van de Handelingen" and the id; not a citation of
# "…, vergaderjaar 2023–2024, Aanhangsel van de Handelingen, nr. 2386".
_FURNITURE = re.compile(
    r"ISSN\s*0921|[’']s-Gravenhage\s+\d{4}|,\s*Aanhangsel\b(?!\s+van\b)"
    r"|\d{4}\s+Aanhangsel\s+van\s+de\s+Handelingen|\bah-(?:tk|ek)-\d{8}-\d+",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+")
_HYPHENATED = re.compile(r"(?<![\w-])([^\W\d_]+)-([^\W\d_]+)(?![\w-])")
#: Shortest glued word considered: two short words glued ("ende") are too often real words.
_SHORTEST_GLUED = 6
#: Stop words this short after a word are more often its ending ("formeren|de") than glued to it.
_SHORTEST_TRAILING_STOPWORD = 3
#: A participle's prefix, also a (Flemish) stop word: "ge|zagen" is "gezag|en", not glued.
_PREFIXES = frozenset({"ge"})
#: At most this many examples of one kind of warning per file.
_EXAMPLES = 5


@dataclass
class Report:
    """What one file gave: its description lines and warnings by kind."""

    lines: list[str] = field(default_factory=list)
    warnings: dict[str, list[str]] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)


def check(document: Document) -> Report:
    """The report on one parsed document."""
    report = Report(lines=_describe(document))
    questions = document.questions
    report.counts.update(
        documents=1,
        questions=len(questions),
        paragraphs=sum(len(q.answer) for q in questions),
        footnotes=sum(len(q.all_footnotes) for q in questions),
        references=sum(len(q.see_also) for q in questions),
        **{document.kind: 1},
    )
    report.lines.append(
        f"  {len(questions)} questions · {report.counts['paragraphs']} answer paragraphs · "
        f"{report.counts['footnotes']} footnotes · {report.counts['references']} cross-references"
    )
    texts = list(_texts(document))
    warnings = {
        "question without answer": [
            _numbers(q.numbers) for q in questions if not q.answer and document.kind != "mededeling"
        ],
        "question numbers": _numbering(document),
        "furniture in text": sorted({m.group(0) for text in texts for m in _FURNITURE.finditer(text)}),
        "glued words": sorted({word for text in texts for word in _glued_words(text)}),
        "line-end hyphens": sorted({word for text in texts for word in _hyphens_left(text)}),
        "empty footnotes": sorted({str(n.number) for q in questions for n in q.all_footnotes if not n.text}),
    }
    report.warnings = {kind: found for kind, found in warnings.items() if found}
    return report


def _describe(document: Document) -> list[str]:
    where = [f"vergaderjaar {document.vergaderjaar}"] if document.vergaderjaar else []
    where += [f"nr. {document.nummer}"] if document.nummer is not None else []
    answered = " en ".join(str(o) for o in document.answered_by) or "?"
    if document.co_signers:
        answered += f", mede namens {document.co_signers}"
    dates = f"ingezonden {_iso(document.submitted)} · ontvangen {_iso(document.received)}"
    return [
        f"{document.doc_id} · {' '.join(where) or 'vergaderjaar ?'} · {document.kind} · {document.source}",
        f"  vragen van {', '.join(str(m) for m in document.askers) or '?'}"
        f" · aan {'; '.join(document.addressees) or '?'}",
        f"  {'mededeling' if document.kind == 'mededeling' else 'antwoord'} van {answered}",
        f"  {dates}" + (f" · zie ook {', '.join(document.related)}" if document.related else ""),
    ]


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else "?"


def _texts(document: Document) -> Iterator[str]:
    """Every text a document's questions hold: questions, answers and footnotes."""
    for question in document.questions:
        yield question.text
        yield from question.answer
        yield from (note.text for note in question.all_footnotes)


def _numbering(document: Document) -> list[str]:
    """Question numbers asked twice, and numbers missing from 1 to the highest."""
    used = Counter(number for question in document.questions for number in question.numbers)
    repeated = [f"{n} twice" for n, times in sorted(used.items()) if times > 1]
    missing = [f"{n} missing" for n in range(1, max(used, default=0) + 1) if n not in used]
    return repeated + missing


def _glued_words(text: str) -> Iterator[str]:
    for match in _WORD.finditer(text):
        word = match.group(0)
        if len(word) >= _SHORTEST_GLUED and zipf(word) == 0 and _splits_into_known_words(word):
            yield word


def _splits_into_known_words(word: str) -> bool:
    stopwords = dutch_stopwords() - _PREFIXES
    for cut in range(2, len(word) - 1):
        left, right = word[:cut], word[cut:]
        glue = (
            left.lower() in stopwords
            or (right.lower() in stopwords and len(right) >= _SHORTEST_TRAILING_STOPWORD)
            or (left.islower() and right[0].isupper())
        )
        if glue and zipf(left) >= KNOWN_WORD and zipf(right) >= KNOWN_WORD:
            return True
    return False


def _hyphens_left(text: str) -> Iterator[str]:
    for match in _HYPHENATED.finditer(text):
        left, right = match.groups()
        if zipf(left + right) > 0 and zipf(right) < KNOWN_WORD:
            yield match.group(0)


def _numbers(numbers: tuple[int, ...]) -> str:
    return ", ".join(str(n) for n in numbers)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help="files and folders of answer documents")
    args = parser.parse_args(argv)
    try:
        sources = find_sources(args.paths)
    except ParseError as error:
        print(f"error: {error}", file=sys.stderr)
        return 0
    totals: Counter[str] = Counter()
    warned: Counter[str] = Counter()
    failures = [str(error) for error in sources.unreadable]
    for path in sources.files:
        try:
            report = check(parse_document(path))
        except ParseError as error:
            failures.append(str(error))
            print(f"{path}\n  NOT READ: {error.reason}\n")
            continue
        totals.update(report.counts)
        warned.update({kind: 1 for kind in report.warnings})
        print("\n".join(report.lines))
        for kind, found in report.warnings.items():
            more = f" (+{len(found) - _EXAMPLES} more)" if len(found) > _EXAMPLES else ""
            print(f"  warning: {kind}: {', '.join(found[:_EXAMPLES])}{more}")
        print()
    print(
        f"Totals: {len(sources.files)} files, {totals['documents']} read "
        f"({totals['antwoord']} antwoord, {totals['mededeling']} mededeling), {len(failures)} not read; "
        f"{totals['questions']} questions, {totals['paragraphs']} answer paragraphs, "
        f"{totals['footnotes']} footnotes, {totals['references']} cross-references"
    )
    for kind, files in sorted(warned.items()):
        print(f"  {kind}: {files} files")
    for failure in failures:
        print(f"  not read: {failure}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
