#!/usr/bin/env python3
"""Score searchkit's ranking on judged queries, side by side with baseline engines.

Usage: python scripts/evaluate.py JUDGMENTS [PATHS...] [--baselines] [--part all|tune|test]
       [--json FILE] [--per-query]

Builds an index of PATHS (default: seeds/ and tests/data/) through the public
API, runs every judged query, and prints nDCG@10, recall@10 and success@1 (the
top hit answers the query: grade 2) per query kind and overall, computed with
pytrec_eval. With --baselines it also scores, on the same passages from our
parser: whoosh's stock LanguageAnalyzer("nl") with a plain MultifieldParser,
and SQLite FTS5 (unicode61 remove_diacritics 2, bm25), as existing
parliamentary search tools use them.

Judgments (JSON): {"queries": [{"id", "query", "kind", "relevant": [{"doc",
"question", "text", "grade"}]}]}; a judged passage is the answer paragraph of
that document and question whose text holds the snippet.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sqlite3
import statistics
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pytrec_eval

import searchkit

PROJECT = Path(__file__).resolve().parent.parent
DEFAULT_PATHS = [PROJECT / "seeds", PROJECT / "tests" / "data"]
METRICS = ("ndcg_cut_10", "recall_10", "success_1")
LABELS = {"ndcg_cut_10": "nDCG@10", "recall_10": "R@10", "success_1": "S@1"}
DEPTH = 10

#: A passage: (doc_id, question numbers joined by ",", paragraph position).
Key = tuple[str, str, int]


@dataclass(frozen=True)
class Passage:
    key: Key
    text: str
    question: str
    footnotes: str


def passage_id(key: Key) -> str:
    return "/".join(str(part) for part in key)


def collect_passages(paths: Iterable[Path]) -> list[Passage]:
    """Every answer paragraph of the documents, as our parser reads them."""
    passages = []
    for path in sorted(p for given in paths for p in _files(given)):
        try:
            document = searchkit.parse_document(path)
        except searchkit.ParseError:
            continue
        for question in document.questions:
            numbers = ",".join(str(n) for n in question.numbers)
            for position, paragraph in enumerate(question.answer, start=1):
                notes = [*question.footnotes, *question.answer_footnotes[position - 1]]
                passages.append(
                    Passage(
                        (document.doc_id, numbers, position),
                        paragraph,
                        question.text,
                        " ".join(note.text for note in notes),
                    )
                )
    return passages


def _files(path: Path) -> list[Path]:
    suffixes = {".txt", ".md", ".pdf"}
    if path.is_dir():
        return [p for p in path.rglob("*") if p.suffix.lower() in suffixes and not p.name.startswith(".")]
    return [path]


def _normal(text: str) -> str:
    """Letters and digits only, folded: a snippet matches whatever spaces, hyphens or glue the parse left."""
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if c.isalnum() and not unicodedata.combining(c))


def load_qrels(judgments: dict, passages: list[Passage]) -> tuple[dict[str, dict[str, int]], list[str]]:
    """The graded relevant passages per query id, and the judgments that match no passage."""
    by_question: dict[tuple[str, int], list[Passage]] = {}
    for passage in passages:
        doc_id, numbers, _ = passage.key
        for number in numbers.split(","):
            by_question.setdefault((doc_id, int(number)), []).append(passage)
    qrels: dict[str, dict[str, int]] = {}
    unmatched = []
    for query in judgments["queries"]:
        relevant = qrels.setdefault(query["id"], {})
        for judged in query["relevant"]:
            snippet = _normal(judged["text"])
            candidates = by_question.get((judged["doc"], judged["question"]), [])
            found = [p for p in candidates if snippet in _normal(p.text)]
            if not found:
                unmatched.append(
                    f"{query['id']}: {judged['doc']} vraag {judged['question']}: {judged['text']!r}"
                )
            for passage in found[:1]:
                pid = passage_id(passage.key)
                relevant[pid] = max(relevant.get(pid, 0), judged["grade"])
    return qrels, unmatched


Ranker = Callable[[str], list[Key]]


def searchkit_ranker(paths: list[Path], workdir: Path) -> Ranker:
    index = searchkit.build_index(paths, workdir / "searchkit")

    def rank(query: str) -> list[Key]:
        try:
            hits = index.search(query, limit=DEPTH)
        except searchkit.QueryError:
            return []
        return [(h.doc_id, ",".join(str(n) for n in h.question_numbers), h.paragraph) for h in hits]

    return rank


def whoosh_stock_ranker(passages: list[Passage], workdir: Path) -> Ranker:
    """whoosh as it comes: LanguageAnalyzer("nl"), a plain MultifieldParser (AND between words)."""
    from whoosh import index as whoosh_index
    from whoosh.analysis import LanguageAnalyzer
    from whoosh.fields import ID, TEXT, Schema
    from whoosh.qparser import MultifieldParser

    analyzer = LanguageAnalyzer("nl")
    schema = Schema(
        key=ID(stored=True),
        text=TEXT(analyzer=analyzer),
        question=TEXT(analyzer=analyzer),
        footnotes=TEXT(analyzer=analyzer),
    )
    folder = workdir / "whoosh-stock"
    folder.mkdir()
    ix = whoosh_index.create_in(str(folder), schema)
    with ix.writer() as writer:
        for p in passages:
            writer.add_document(
                key=passage_id(p.key), text=p.text, question=p.question, footnotes=p.footnotes
            )
    searcher = ix.searcher()
    parser = MultifieldParser(["text", "question", "footnotes"], schema)
    keys = {passage_id(p.key): p.key for p in passages}

    def rank(query: str) -> list[Key]:
        return [keys[hit["key"]] for hit in searcher.search(parser.parse(query), limit=DEPTH)]

    return rank


def fts5_ranker(passages: list[Passage]) -> Ranker:
    """SQLite FTS5, unicode61 with diacritics removed, bm25; the query's words ANDed, as typed."""
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE VIRTUAL TABLE passages USING fts5(key UNINDEXED, text, question, footnotes, "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )
    db.executemany(
        "INSERT INTO passages VALUES (?, ?, ?, ?)",
        [(passage_id(p.key), p.text, p.question, p.footnotes) for p in passages],
    )
    keys = {passage_id(p.key): p.key for p in passages}

    def rank(query: str) -> list[Key]:
        words = re.findall(r"\w+", query)
        if not words:
            return []
        match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
        rows = db.execute(
            "SELECT key FROM passages WHERE passages MATCH ? ORDER BY bm25(passages) LIMIT ?", (match, DEPTH)
        )
        return [keys[row[0]] for row in rows]

    return rank


def evaluate(
    ranker: Ranker, queries: list[dict], qrels: dict[str, dict[str, int]]
) -> dict[str, dict[str, float]]:
    """Per query id: nDCG@10 and recall@10 (grades 1 and 2 relevant), success@1 (grade 2)."""
    run = {}
    for query in queries:
        ranked = ranker(query["query"])
        run[query["id"]] = {passage_id(key): float(DEPTH - rank) for rank, key in enumerate(ranked)}
    judged = {qid: rels for qid, rels in qrels.items() if rels and qid in run}
    graded = pytrec_eval.RelevanceEvaluator(judged, {"ndcg_cut.10", "recall.10"}).evaluate(run)
    strict = pytrec_eval.RelevanceEvaluator(judged, {"success.1"}, relevance_level=2).evaluate(run)
    return {qid: {**graded[qid], **strict[qid]} for qid in graded}


def in_part(query_id: str, part: str) -> bool:
    """A fixed, content-independent split: about a third of the queries are held back ("test")."""
    held_back = int(hashlib.sha1(query_id.encode()).hexdigest(), 16) % 3 == 0
    return part == "all" or (part == "test") == held_back


def summarise(scores: dict[str, dict[str, float]], queries: list[dict]) -> dict[str, dict[str, float]]:
    """Mean metrics per query kind and overall."""
    groups: dict[str, list[str]] = {"all": [q["id"] for q in queries if q["id"] in scores]}
    for q in queries:
        if q["id"] in scores:
            groups.setdefault(q["kind"], []).append(q["id"])
    return {
        group: {m: statistics.fmean(scores[qid][m] for qid in ids) for m in METRICS} | {"queries": len(ids)}
        for group, ids in groups.items()
    }


def print_table(summaries: dict[str, dict[str, dict[str, float]]]) -> None:
    systems = list(summaries)
    groups = list(next(iter(summaries.values())))
    header = "| kind | queries | " + " | ".join(f"{s} {LABELS[m]}" for s in systems for m in METRICS) + " |"
    print(header)
    print("|" + "---|" * (2 + len(systems) * len(METRICS)))
    for group in sorted(groups, key=lambda g: (g != "all", g)):
        cells = [f"{summaries[s][group][m]:.3f}" for s in systems for m in METRICS]
        print(f"| {group} | {int(summaries[systems[0]][group]['queries'])} | " + " | ".join(cells) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("judgments", type=Path)
    parser.add_argument("paths", nargs="*", type=Path, default=DEFAULT_PATHS)
    parser.add_argument("--baselines", action="store_true", help="also score whoosh stock and SQLite FTS5")
    parser.add_argument(
        "--part", choices=["all", "tune", "test"], default="all", help="which queries to score"
    )
    parser.add_argument("--per-query", action="store_true", help="print each query's scores")
    parser.add_argument("--json", type=Path, help="write the summaries (and per-query scores) as JSON")
    args = parser.parse_args(argv)

    judgments = json.loads(args.judgments.read_text("utf-8"))
    passages = collect_passages(args.paths)
    qrels, unmatched = load_qrels(judgments, passages)
    for line in unmatched:
        print(f"unmatched judgment {line}", file=sys.stderr)
    queries = [q for q in judgments["queries"] if in_part(q["id"], args.part) and qrels.get(q["id"])]

    with tempfile.TemporaryDirectory(prefix="searchkit-eval-") as tmp:
        workdir = Path(tmp)
        rankers = {"searchkit": searchkit_ranker(args.paths, workdir)}
        if args.baselines:
            rankers["whoosh-nl"] = whoosh_stock_ranker(passages, workdir)
            rankers["fts5"] = fts5_ranker(passages)
        scores = {name: evaluate(ranker, queries, qrels) for name, ranker in rankers.items()}

    summaries = {name: summarise(s, queries) for name, s in scores.items()}
    counts = f"{len(queries)} queries ({args.part}), {len(passages)} passages"
    print(f"{counts}, {len(unmatched)} unmatched judgments")
    print_table(summaries)
    if args.per_query:
        for q in queries:
            cells = "  ".join(
                f"{name} " + " ".join(f"{s[q['id']][m]:.2f}" for m in METRICS) for name, s in scores.items()
            )
            print(f"{q['id']} [{q['kind']}] {q['query']!r}: {cells}")
    if args.json:
        args.json.write_text(
            json.dumps({"summaries": summaries, "scores": scores, "unmatched": unmatched}, indent=2), "utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
