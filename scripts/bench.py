#!/usr/bin/env python3
"""Benchmark searchkit on a synthetic corpus, beside plain whoosh (and tantivy when installed).

Usage: python scripts/bench.py [--passages N] [--seed S] [--json FILE]

Generates N answer paragraphs (passages) in documents of the seed's text format
by recombining real sentences of the seed and of the development corpus, with
a fixed random seed; indexes them with ``searchkit.build_index`` in a child
process (build time, passages/s, peak RSS, size on disk); times 50 queries of
mixed kinds, warm (median of 3 passes after a first pass, reported apart); times cold
``searchkit query`` processes on the seed index beside ``python -c "import
whoosh.index"``; and measures, in the same run, plain whoosh with
``LanguageAnalyzer("nl")`` and a stock ``MultifieldParser`` on the same
passages, and tantivy if ``import tantivy`` works.

Prints a Markdown table describing the machine, or with --json writes the
figures as JSON. Sizes are in MB of 2**20 bytes, times in seconds (``_s``) or
milliseconds (``_ms``); ratios are searchkit divided by the other.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import os
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

from whoosh import index as whoosh_index
from whoosh.analysis import LanguageAnalyzer
from whoosh.fields import TEXT, Schema
from whoosh.qparser import MultifieldParser
from whoosh.qparser.common import QueryParserError

import searchkit

try:
    import tantivy
except ImportError:  # the tantivy baseline is optional
    tantivy = None  # type: ignore[assignment]

PROJECT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT / "seeds"
#: Real answer documents whose sentences the corpus recombines, besides the seed: the first that exists.
TEXT_FOLDERS = (PROJECT / "tests" / "data" / "text", Path("/work/shared/corpus/text"))

DEFAULT_PASSAGES = 100_000
DEFAULT_SEED = 20250820
DOCUMENTS_PER_FOLDER = 500
QUESTIONS_PER_DOCUMENT = (5, 15)
PARAGRAPHS_PER_ANSWER = (1, 5)
#: Chance that a word of six letters or more becomes a compound with another word of the vocabulary.
COMPOUND_RATE = 0.03
QUESTION_NOTE_RATE = 0.15
PARAGRAPH_NOTE_RATE = 0.08
FIRST_DAY, LAST_DAY = dt.date(2023, 9, 1), dt.date(2025, 8, 31)
MONTHS = "januari februari maart april mei juni juli augustus september oktober november december".split()

QUERY_PASSES = 3
COLD_RUNS = 5
COLD_WORD = "aanbesteding"
LIMIT = 10

#: The fixed set of 50 queries, by kind.
QUERY_KINDS: dict[str, tuple[str, ...]] = {
    "rare word": (
        "refoulement",
        "bluswaterputten",
        "staatsgreep",
        "gemeentefonds",
        "voedselzekerheid",
        "geheimhouding",
    ),
    "common word": ("minister", "Nederland", "kabinet", "onderzoek", "informatie", "mogelijk"),
    "several words": (
        "palantir software politie",
        "nutri-score producten consumenten",
        "overgewicht preventieakkoord doelen",
        "asiel opvang gemeenten",
        "vluchtelingen kenia turkije",
        "zwemlessen btw verhoging",
        "veiligheidsregio brandweer crisisbeheersing",
        "telefoongebruik scholen onderwijs",
    ),
    "question": (
        "Welke organisaties gebruiken de software van Palantir?",
        "Bent u bekend met de ontvoering van Turkse vluchtelingen in Kenia?",
        "Draagt de Nutri-Score bij aan het tegengaan van overgewicht?",
        "Hoeveel mensen wachten op een plek in de opvang?",
        "Waarom zijn de regels voor een openbare aanbesteding niet gevolgd?",
        "Wat zijn de gevolgen voor Nederland?",
        "Kunt u dit toelichten?",
        "Bent u bereid de Kamer hierover te informeren?",
    ),
    "phrase": (
        '"heimelijke verwerving"',
        '"zware en georganiseerde criminaliteit"',
        '"nationaal preventieakkoord"',
        '"openbaar ministerie"',
        '"uw Kamer"',
        '"Verenigde Naties"',
    ),
    "field": (
        "vraag:3",
        'minister:"van weel"',
        "ministerie:justitie",
        "vraag:3 politie",
        "alinea:2 onderzoek",
        "minister:karremans overgewicht",
        "vraag:12",
        'ministerie:"buitenlandse zaken" kenia',
    ),
    "date range": (
        "datum:[2024-01-01 TO 2024-06-30]",
        "datum:[2024-01-01 TO 2024-06-30] politie",
        "datum:[20250101 TO 20251231] asiel",
        "datum:20241114",
    ),
    "compound part": ("omgeving", "integratie", "regels", "hulp"),
}
QUERIES: tuple[tuple[str, str], ...] = tuple((kind, q) for kind, qs in QUERY_KINDS.items() for q in qs)

_SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-Z\"'‘“(«])")
_HEADING = re.compile(r"(?:vraag|vragen|antwoord(?:en)?)\b.{0,20}", re.IGNORECASE)
_LONG_WORD = re.compile(r"\b[a-zà-ÿ]{6,}\b")
_VOCABULARY_WORD = re.compile(r"[a-zà-ÿ]{4,10}")

T = TypeVar("T")


# --- the synthetic corpus -------------------------------------------------------------------------


@dataclass
class Pools:
    """What the generator draws from: real sentences, paragraph lengths, words, notes and ministers."""

    question_asks: list[str] = field(default_factory=list)
    question_context: list[str] = field(default_factory=list)
    answer_sentences: list[str] = field(default_factory=list)
    sentences_per_paragraph: list[int] = field(default_factory=list)
    vocabulary: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    officials: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Corpus:
    """A generated corpus: its folder of documents and a JSON-lines file of its passages."""

    folder: Path
    passages_file: Path
    documents: int
    passages: int
    seconds: float


def source_texts() -> list[Path]:
    """The seed files and the real texts of the first folder of TEXT_FOLDERS that exists."""
    texts = sorted(SEEDS.glob("*.txt"))
    for folder in TEXT_FOLDERS:
        if folder.is_dir():
            return texts + sorted(folder.glob("*.txt"))
    return texts


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` that can stand alone in a generated paragraph."""
    return [s for s in _SENTENCE_END.split(text.strip()) if _usable(s)]


def _usable(sentence: str) -> bool:
    """Starts and ends like a sentence, is no heading and holds no footnote brackets."""
    return (
        sentence[-1:] in ".?!"
        and not sentence[0].islower()
        and len(sentence.split()) <= 80
        and "[" not in sentence
        and "]" not in sentence
        and not _HEADING.fullmatch(sentence)
    )


def load_pools(paths: list[Path]) -> Pools:
    """Sentences, words, notes and ministers of the documents in ``paths`` (unreadable ones skipped)."""
    pools = Pools()
    for path in paths:
        try:
            document = searchkit.parse_document(path)
        except searchkit.ParseError:
            continue
        if document.minister and document.ministry:
            pools.officials.append((document.minister, document.ministry))
        for question in document.questions:
            for sentence in split_sentences(question.text):
                (pools.question_asks if sentence.endswith("?") else pools.question_context).append(sentence)
            for paragraph in question.answer:
                sentences = split_sentences(paragraph)
                pools.answer_sentences.extend(sentences)
                pools.vocabulary.extend(_VOCABULARY_WORD.findall(paragraph))
                if sentences:
                    pools.sentences_per_paragraph.append(len(sentences))
            pools.notes.extend(n.text for n in question.all_footnotes if not {"[", "]"} & set(n.text))
    pools.officials = sorted(set(pools.officials))
    return pools


def answer_plan(passages: int, rng: random.Random) -> Iterator[list[int]]:
    """Paragraph counts per answer, one list per document, adding up to exactly ``passages``."""
    left = passages
    while left > 0:
        plan = []
        for _ in range(rng.randint(*QUESTIONS_PER_DOCUMENT)):
            count = min(rng.randint(*PARAGRAPHS_PER_ANSWER), left)
            plan.append(count)
            left -= count
            if not left:
                break
        yield plan


class DocumentWriter:
    """Writes synthetic answer documents from the pools, drawing from one seeded random generator."""

    def __init__(self, pools: Pools, rng: random.Random) -> None:
        self.pools = pools
        self.rng = rng

    def document(self, number: int, plan: list[int]) -> tuple[str, list[dict[str, str]]]:
        """The file text of document ``number`` answering ``len(plan)`` questions, and its passages."""
        received = FIRST_DAY + dt.timedelta(days=self.rng.randint(0, (LAST_DAY - FIRST_DAY).days))
        start = received.year if received.month >= 9 else received.year - 1
        minister, ministry = self.rng.choice(self.pools.officials)
        lines = [
            f"Antwoord van minister {minister} ({ministry}) "
            f"(ontvangen {received.day} {MONTHS[received.month - 1]} {received.year})",
            "",
            f"ah-tk-{start}{start + 1}-{number}",
        ]
        notes = iter(range(1, 10_000))
        passages = []
        for question_number, paragraphs in enumerate(plan, start=1):
            question = self._question()
            lines += [f"Vraag {question_number}", self._noted(question, notes, QUESTION_NOTE_RATE), ""]
            lines.append(f"Antwoord op vraag {question_number}")
            for _ in range(paragraphs):
                paragraph = self._paragraph()
                lines += [self._noted(paragraph, notes, PARAGRAPH_NOTE_RATE), ""]
                passages.append({"text": paragraph, "question": question})
        return "\n".join(lines) + "\n", passages

    def _question(self) -> str:
        some = self.rng.choice((0, 0, 0, 1, 1, 2)) if self.pools.question_context else 0
        context = self.rng.choices(self.pools.question_context, k=some)
        return " ".join(self._recombined(s) for s in [*context, self.rng.choice(self.pools.question_asks)])

    def _paragraph(self) -> str:
        count = self.rng.choice(self.pools.sentences_per_paragraph)
        return " ".join(self._recombined(s) for s in self.rng.choices(self.pools.answer_sentences, k=count))

    def _recombined(self, sentence: str) -> str:
        """``sentence`` with a few long words made compounds with a word of the vocabulary.

        Dutch writes compounds as one word, so this grows the vocabulary's long
        tail as more text does, where repeating sentences alone would not.
        """

        def compound(match: re.Match[str]) -> str:
            if self.rng.random() < COMPOUND_RATE:
                return self.rng.choice(self.pools.vocabulary) + match.group(0)
            return match.group(0)

        return _LONG_WORD.sub(compound, sentence)

    def _noted(self, text: str, numbers: Iterator[int], rate: float) -> str:
        """``text`` as a line of the file, sometimes with a footnote marker and its note inline."""
        if self.rng.random() >= rate:
            return text
        number = next(numbers)
        return f"{text}[footnoteRef:{number}]  [{number}:  {self._note()}] "

    def _note(self) -> str:
        """A real note of the sources, or a reference to parliamentary papers like most notes are."""
        if self.pools.notes and self.rng.random() < 0.5:
            return self.rng.choice(self.pools.notes)
        year = self.rng.randint(2015, 2024)
        dossier, number = self.rng.randint(21501, 36600), self.rng.randint(1, 400)
        return f"Kamerstukken II, {year}-{year + 1}, {dossier}, nr. {number}"


def write_corpus(workdir: Path, passages: int, seed: int) -> Corpus:
    """Writes ``passages`` passages as documents in folders of DOCUMENTS_PER_FOLDER, streaming.

    The passages also go, one JSON object a line, to ``passages.jsonl`` beside
    the folder, for the baselines.
    """
    started = time.perf_counter()
    rng = random.Random(seed)
    writer = DocumentWriter(load_pools(source_texts()), rng)
    folder = workdir / "corpus"
    passages_file = workdir / "passages.jsonl"
    workdir.mkdir(parents=True, exist_ok=True)
    documents = written = 0
    with passages_file.open("w", encoding="utf-8") as out:
        for documents, plan in enumerate(answer_plan(passages, rng), start=1):
            text, generated = writer.document(documents, plan)
            batch = folder / f"batch-{(documents - 1) // DOCUMENTS_PER_FOLDER:04d}"
            batch.mkdir(parents=True, exist_ok=True)
            (batch / f"doc-{documents:07d}.txt").write_text(text, encoding="utf-8")
            out.writelines(json.dumps(p, ensure_ascii=False) + "\n" for p in generated)
            written += len(generated)
    return Corpus(folder, passages_file, documents, written, time.perf_counter() - started)


def read_passages(passages_file: Path) -> Iterator[dict[str, str]]:
    """The passages written by :func:`write_corpus`, one at a time."""
    with passages_file.open(encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


# --- building, each in a fresh process ------------------------------------------------------------


@dataclass(frozen=True)
class Build:
    """What one index build took, measured inside the process that built it."""

    seconds: float
    passages: int
    peak_rss_mb: float
    skipped: int = 0


def in_fresh_process(function: Callable[..., T], *args: Any) -> T:
    """``function(*args)`` run in a new Python process (spawned, not forked), so its RSS is its own."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(function, *args).result()


def _peak_rss_mb() -> float:
    """The peak resident set size of this process plus that of the largest process it started
    (a build may index in a second process); Linux reports ru_maxrss in KiB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + children) / 1024


def build_searchkit(folder: Path, index_dir: Path) -> Build:
    """Indexes ``folder`` through the normal path, ``searchkit.build_index``."""
    started = time.perf_counter()
    with searchkit.build_index([folder], index_dir) as index:
        seconds = time.perf_counter() - started
        return Build(seconds, index.info().passages, _peak_rss_mb(), len(index.skipped))


def update_one(folder: Path, index_dir: Path) -> float:
    """Seconds ``searchkit.update_index`` takes to bring the index up to date (one file changed)."""
    started = time.perf_counter()
    with searchkit.update_index([folder], index_dir) as index:
        seconds = time.perf_counter() - started
        if index.changes.get("changed") != 1:
            raise RuntimeError(f"expected one changed file, the update reports {index.changes}")
    return seconds


def change_one_document(folder: Path) -> None:
    """Adds a paragraph to the last answer of one document of ``folder``."""
    documents = sorted(folder.rglob("*.txt"))
    changed = documents[len(documents) // 2]
    changed.write_text(changed.read_text("utf-8") + "\nDe regering werkt dit verder uit.\n", "utf-8")


def whoosh_schema() -> Schema:
    """The baseline's schema, as a plain whoosh user would write it."""
    analyzer = LanguageAnalyzer("nl")
    return Schema(text=TEXT(analyzer=analyzer, stored=True), question=TEXT(analyzer=analyzer))


def build_whoosh(passages_file: Path, index_dir: Path) -> Build:
    """Indexes the passages with plain whoosh: one document per passage, ``ix.writer()`` defaults."""
    started = time.perf_counter()
    index_dir.mkdir(parents=True)
    ix = whoosh_index.create_in(str(index_dir), whoosh_schema())
    count = 0
    with ix.writer() as writer:
        for passage in read_passages(passages_file):
            writer.add_document(text=passage["text"], question=passage["question"])
            count += 1
    return Build(time.perf_counter() - started, count, _peak_rss_mb())


def _tantivy_index(index_dir: Path) -> Any:
    """A tantivy index in ``index_dir`` with a Dutch analyzer: lowercase, folded, stop words, stems."""
    analyzer = (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .filter(tantivy.Filter.stopword("dutch"))
        .filter(tantivy.Filter.stemmer("dutch"))
        .build()
    )
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("text", stored=True, tokenizer_name="nl")
    builder.add_text_field("question", tokenizer_name="nl")
    index = tantivy.Index(builder.build(), path=str(index_dir))
    index.register_tokenizer("nl", analyzer)
    return index


def build_tantivy(passages_file: Path, index_dir: Path) -> Build:
    """Indexes the passages with tantivy's default writer."""
    started = time.perf_counter()
    index_dir.mkdir(parents=True)
    index = _tantivy_index(index_dir)
    writer = index.writer()
    count = 0
    for passage in read_passages(passages_file):
        writer.add_document(tantivy.Document(text=passage["text"], question=passage["question"]))
        count += 1
    writer.commit()
    writer.wait_merging_threads()
    return Build(time.perf_counter() - started, count, _peak_rss_mb())


def size_mb(folder: Path) -> float:
    """The size of the files under ``folder``."""
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 2**20


# --- warm queries ---------------------------------------------------------------------------------

#: Runs one query and returns its top hits, highlighted; raises what the engine raises on a refused query.
Search = Callable[[str], list[str]]


@dataclass(frozen=True)
class Latency:
    """Warm query latencies of one engine over the query set, and those of its first pass
    (each query run for the first time in the process: nothing of it cached yet)."""

    p50_ms: float
    p95_ms: float
    by_kind_ms: dict[str, float]
    skipped: list[str]
    first_p50_ms: float
    first_p95_ms: float


def searchkit_search(index: searchkit.Index) -> Search:
    """A query on searchkit's public API: parse, search, highlight."""
    return lambda query: [hit.highlight for hit in index.search(query, limit=LIMIT)]


def whoosh_search(index_dir: Path) -> Search:
    """A query as a plain whoosh user runs it: stock parser, top 10, highlights of the text."""
    ix = whoosh_index.open_dir(str(index_dir))
    parser = MultifieldParser(["text", "question"], ix.schema)
    searcher = ix.searcher()

    def search(query: str) -> list[str]:
        return [hit.highlights("text") for hit in searcher.search(parser.parse(query), limit=LIMIT)]

    return search


def tantivy_search(index_dir: Path) -> Search:
    """A query with tantivy's query parser, top 10, with a snippet of the text."""
    index = _tantivy_index(index_dir)
    index.reload()
    searcher = index.searcher()

    def search(query: str) -> list[str]:
        parsed = index.parse_query(query, ["text", "question"])
        snippets = tantivy.SnippetGenerator.create(searcher, parsed, index.schema, "text")
        hits = searcher.search(parsed, LIMIT).hits
        return [snippets.snippet_from_doc(searcher.doc(address)).to_html() for _, address in hits]

    return search


def measure_queries(search: Search, refused: tuple[type[Exception], ...]) -> Latency:
    """Warm latencies: a first pass, then QUERY_PASSES timed ones.

    p50 and p95 are taken over the queries of each pass, then the median over
    passes is reported; the first pass is reported apart. A query the engine
    refuses is skipped and named.
    """
    runnable: list[tuple[str, str]] = []
    skipped: list[str] = []
    first: list[float] = []
    for kind, query in QUERIES:
        started = time.perf_counter()
        try:
            search(query)
        except refused as error:
            skipped.append(f"{kind} `{query}`: {error}")
        else:
            first.append((time.perf_counter() - started) * 1000)
            runnable.append((kind, query))
    passes = [[_time_ms(search, query) for _, query in runnable] for _ in range(QUERY_PASSES)]
    per_query = [statistics.median(times) for times in zip(*passes, strict=True)]
    by_kind: dict[str, list[float]] = {}
    for (kind, _), ms in zip(runnable, per_query, strict=True):
        by_kind.setdefault(kind, []).append(ms)
    return Latency(
        p50_ms=statistics.median(statistics.median(times) for times in passes),
        p95_ms=statistics.median(_p95(times) for times in passes),
        by_kind_ms={kind: statistics.median(times) for kind, times in by_kind.items()},
        skipped=skipped,
        first_p50_ms=statistics.median(first),
        first_p95_ms=_p95(first),
    )


def _time_ms(search: Search, query: str) -> float:
    started = time.perf_counter()
    search(query)
    return (time.perf_counter() - started) * 1000


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1] if len(values) > 1 else values[0]


# --- cold processes -------------------------------------------------------------------------------


def searchkit_command() -> list[str]:
    """The ``searchkit`` console script of this Python, or ``python -m searchkit`` without one."""
    script = shutil.which("searchkit", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "searchkit"]


def median_wall_ms(*commands: list[str], runs: int = COLD_RUNS) -> list[float]:
    """The median wall time of ``runs`` fresh processes of each command, run in turns (the
    machine's noise falls on all alike), after one untimed run of each.

    Processes may cache bytecode as on a user's machine (``PYTHONDONTWRITEBYTECODE``
    is dropped): the whoosh baseline's modules were compiled when pip installed them.
    """
    environment = {**os.environ, "NO_COLOR": "1"}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    times: list[list[float]] = [[] for _ in commands]
    for run in range(runs + 1):
        for command, timed in zip(commands, times, strict=True):
            started = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True, env=environment)
            if run:
                timed.append((time.perf_counter() - started) * 1000)
    return [statistics.median(timed) for timed in times]


# --- the report -----------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    """The CPU, memory, Python and library versions, and the date of this run."""
    models = re.findall(r"^model name\s*:\s*(.+)$", _read("/proc/cpuinfo"), re.MULTILINE)
    memory = re.search(r"^MemTotal:\s*(\d+) kB", _read("/proc/meminfo"), re.MULTILINE)
    return {
        "cpus": os.cpu_count(),
        "cpu_model": models[0] if models else platform.processor() or "unknown",
        "memory_gb": round(int(memory.group(1)) / 2**20, 1) if memory else None,
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "searchkit": searchkit.__version__,
        "whoosh3": metadata.version("whoosh3"),
        "tantivy": metadata.version("tantivy") if tantivy else None,
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
    }


def _read(path: str) -> str:
    """The text of a file, empty when it does not exist (not on Linux)."""
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def run(passages: int, seed: int, log: Callable[[str], None]) -> dict[str, Any]:
    """Generates the corpus, builds and queries every engine, and returns the figures."""
    with tempfile.TemporaryDirectory(prefix="searchkit-bench-") as tmp:
        work = Path(tmp)
        log(f"generating {passages} passages (seed {seed})")
        corpus = write_corpus(work, passages, seed)
        log(f"  {corpus.documents} documents in {corpus.seconds:.1f} s; building the searchkit index")
        ours = in_fresh_process(build_searchkit, corpus.folder, work / "searchkit")
        if ours.passages != corpus.passages or ours.skipped:
            log(f"  warning: {ours.passages} of {corpus.passages} indexed, {ours.skipped} files skipped")
        log(f"  {ours.seconds:.1f} s; building the whoosh baseline")
        plain = in_fresh_process(build_whoosh, corpus.passages_file, work / "whoosh")
        log(f"  {plain.seconds:.1f} s")
        tantivy_build = None
        if tantivy:
            log("building the tantivy baseline")
            tantivy_build = in_fresh_process(build_tantivy, corpus.passages_file, work / "tantivy")
            log(f"  {tantivy_build.seconds:.1f} s")
        log("timing warm queries")
        with searchkit.open_index(work / "searchkit") as index:
            latency = {"searchkit": measure_queries(searchkit_search(index), (searchkit.QueryError,))}
        latency["whoosh"] = measure_queries(whoosh_search(work / "whoosh"), (QueryParserError,))
        if tantivy:
            latency["tantivy"] = measure_queries(tantivy_search(work / "tantivy"), (ValueError,))
        sizes = {engine: size_mb(work / engine) for engine in latency}
        log("updating the index after one changed document")
        change_one_document(corpus.folder)
        update_s = in_fresh_process(update_one, corpus.folder, work / "searchkit")
        log(f"  {update_s:.2f} s")
        log("timing cold processes on the seed index")
        seed_index = work / "seed-index"
        searchkit.build_index([SEEDS], seed_index).close()
        cli_ms, import_ms = median_wall_ms(
            [*searchkit_command(), "query", COLD_WORD, "--index", str(seed_index)],
            [sys.executable, "-c", "import whoosh.index"],
        )
    return figures(corpus, seed, ours, plain, tantivy_build, latency, sizes, cli_ms, import_ms, update_s)


def figures(
    corpus: Corpus,
    seed: int,
    ours: Build,
    plain: Build,
    tantivy_build: Build | None,
    latency: dict[str, Latency],
    sizes: dict[str, float],
    cli_ms: float,
    import_ms: float,
    update_s: float,
) -> dict[str, Any]:
    """The measurements as the flat JSON record (see the module docstring for units)."""
    result: dict[str, Any] = {
        "passages": ours.passages,
        "passages_generated": corpus.passages,
        "documents": corpus.documents,
        "seed": seed,
        "generate_s": round(corpus.seconds, 2),
        "build_s": round(ours.seconds, 2),
        "build_passages_per_s": round(ours.passages / ours.seconds),
        "build_baseline_s": round(plain.seconds, 2),
        "index_mb": round(sizes["searchkit"], 2),
        "index_baseline_mb": round(sizes["whoosh"], 2),
        "peak_rss_mb": round(ours.peak_rss_mb, 1),
        "peak_rss_baseline_mb": round(plain.peak_rss_mb, 1),
        "query_p50_ms": round(latency["searchkit"].p50_ms, 2),
        "query_p95_ms": round(latency["searchkit"].p95_ms, 2),
        "query_baseline_p50_ms": round(latency["whoosh"].p50_ms, 2),
        "query_baseline_p95_ms": round(latency["whoosh"].p95_ms, 2),
        "query_first_p50_ms": round(latency["searchkit"].first_p50_ms, 2),
        "query_first_p95_ms": round(latency["searchkit"].first_p95_ms, 2),
        "query_first_baseline_p50_ms": round(latency["whoosh"].first_p50_ms, 2),
        "query_first_baseline_p95_ms": round(latency["whoosh"].first_p95_ms, 2),
        "cli_cold_ms": round(cli_ms, 1),
        "update_one_s": round(update_s, 2),
        "python_import_whoosh_ms": round(import_ms, 1),
        "build_ratio": round(ours.seconds / plain.seconds, 2),
        "index_ratio": round(sizes["searchkit"] / sizes["whoosh"], 2),
        "query_p50_ratio": round(latency["searchkit"].p50_ms / latency["whoosh"].p50_ms, 2),
        "query_p95_ratio": round(latency["searchkit"].p95_ms / latency["whoosh"].p95_ms, 2),
        "query_first_p50_ratio": round(latency["searchkit"].first_p50_ms / latency["whoosh"].first_p50_ms, 2),
        "cli_cold_ratio": round(cli_ms / import_ms, 2),
        "query_kinds_ms": {
            engine: {kind: round(ms, 2) for kind, ms in measured.by_kind_ms.items()}
            for engine, measured in latency.items()
        },
        "skipped_queries": {engine: measured.skipped for engine, measured in latency.items()},
        "machine": machine(),
    }
    if tantivy_build:
        result |= {
            "build_tantivy_s": round(tantivy_build.seconds, 2),
            "index_tantivy_mb": round(sizes["tantivy"], 2),
            "peak_rss_tantivy_mb": round(tantivy_build.peak_rss_mb, 1),
            "query_tantivy_p50_ms": round(latency["tantivy"].p50_ms, 2),
            "query_tantivy_p95_ms": round(latency["tantivy"].p95_ms, 2),
            "query_first_tantivy_p50_ms": round(latency["tantivy"].first_p50_ms, 2),
            "query_first_tantivy_p95_ms": round(latency["tantivy"].first_p95_ms, 2),
            "build_tantivy_ratio": round(ours.seconds / tantivy_build.seconds, 2),
            "query_tantivy_p50_ratio": round(latency["searchkit"].p50_ms / latency["tantivy"].p50_ms, 2),
        }
    return result


def markdown(result: dict[str, Any]) -> str:
    """The figures as Markdown: the machine, the main table, latency per query kind, skipped queries."""
    m = result["machine"]
    has_tantivy = "build_tantivy_s" in result
    rows = [
        ("build (s)", "build_s", "build_baseline_s", "build_ratio", "build_tantivy_s"),
        ("passages/s", "build_passages_per_s", None, None, None),
        ("update after one changed document (s)", "update_one_s", None, None, None),
        ("index size (MB)", "index_mb", "index_baseline_mb", "index_ratio", "index_tantivy_mb"),
        ("peak RSS of the build (MB)", "peak_rss_mb", "peak_rss_baseline_mb", None, "peak_rss_tantivy_mb"),
        (
            "warm query p50 (ms)",
            "query_p50_ms",
            "query_baseline_p50_ms",
            "query_p50_ratio",
            "query_tantivy_p50_ms",
        ),
        (
            "warm query p95 (ms)",
            "query_p95_ms",
            "query_baseline_p95_ms",
            "query_p95_ratio",
            "query_tantivy_p95_ms",
        ),
        (
            "first pass p50 (ms)",
            "query_first_p50_ms",
            "query_first_baseline_p50_ms",
            "query_first_p50_ratio",
            "query_first_tantivy_p50_ms",
        ),
        (
            "first pass p95 (ms)",
            "query_first_p95_ms",
            "query_first_baseline_p95_ms",
            None,
            "query_first_tantivy_p95_ms",
        ),
    ]
    header = "| | searchkit | plain whoosh | searchkit ÷ whoosh |" + (" tantivy |" if has_tantivy else "")
    lines = [
        f"{result['passages']:,} passages in {result['documents']:,} synthetic documents "
        f"(random seed {result['seed']}).",
        "",
        f"Machine: {m['cpus']} CPUs ({m['cpu_model']}), {m['memory_gb']} GB RAM, {m['system']}; "
        f"Python {m['python']}, searchkit {m['searchkit']}, whoosh3 {m['whoosh3']}"
        + (f", tantivy {m['tantivy']}" if m["tantivy"] else "")
        + f"; {m['date']}.",
        "",
        header,
        "|---|---:|---:|---:|" + ("---:|" if has_tantivy else ""),
    ]
    for label, *keys in rows:
        cells = [_cell(result, key) for key in keys[: 4 if has_tantivy else 3]]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines.append(
        f"| cold `searchkit query` (ms) | {_cell(result, 'cli_cold_ms')} | "
        f'{_cell(result, "python_import_whoosh_ms")} (`python -c "import whoosh.index"`) | '
        f"{_cell(result, 'cli_cold_ratio')} |" + (" – |" if has_tantivy else "")
    )
    engines = result["query_kinds_ms"]
    lines += ["", "Warm query p50 by kind (ms):", "", "| kind | " + " | ".join(engines) + " |"]
    lines.append("|---|" + "---:|" * len(engines))
    for kind in QUERY_KINDS:
        cells = [_cell(kinds, kind) for kinds in engines.values()]
        lines.append(f"| {kind} | " + " | ".join(cells) + " |")
    skipped = [f"- {engine}: {q}" for engine, queries in result["skipped_queries"].items() for q in queries]
    if skipped:
        lines += ["", "Skipped queries (refused by the engine):", "", *skipped]
    return "\n".join(lines) + "\n"


def _cell(values: dict[str, Any], key: str | None) -> str:
    value = values.get(key) if key else None
    if value is None:
        return "–"
    return f"{value:,}" if isinstance(value, int) else f"{value:,.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--passages", type=int, default=DEFAULT_PASSAGES, help="passages (default %(default)s)"
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (default %(default)s)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the figures as JSON to FILE")
    args = parser.parse_args(argv)
    if args.passages < 1:
        parser.error("--passages must be at least 1")
    result = run(args.passages, args.seed, lambda message: print(message, file=sys.stderr, flush=True))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    else:
        print(markdown(result), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
