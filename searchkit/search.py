"""Queries: the query language users type, ranking, and "did you mean"."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING

from whoosh import qparser
from whoosh import query as wq
from whoosh.fields import Schema
from whoosh.qparser import syntax
from whoosh.query import NullQuery, Query
from whoosh.searching import Searcher

from searchkit import answers
from searchkit.analysis.tokenizer import WORD_PATTERN
from searchkit.errors import QueryError
from searchkit.highlight import HighlightFormat, PassageHighlighter
from searchkit.model import Hit
from searchkit.ranking import Ranking
from searchkit.schema import DATE_FIELDS, FIELD_ALIASES, SEARCHED_FIELDS, TEXT_FIELDS
from searchkit.synonyms import SynonymTable
from searchkit.wildcards import WildcardPlugin, expansion_terms

if TYPE_CHECKING:
    from searchkit.vectorized import VectorSearcher

#: Operators in English and Dutch; only the uppercase forms are operators.
_AND, _OR, _NOT = ("AND", "EN"), ("OR", "OF"), ("NOT", "NIET")
OPERATORS = frozenset(_AND + _OR + _NOT)


_PHRASE = re.compile(r'"[^"]*"?')
# "name:value" where name is a word, but not "https://" and not inside another word or
# number; the value is a "phrase", a [range] or a word up to a space or parenthesis.
#: A field clause as users type it (also what "did you mean" leaves alone).
FIELD_CLAUSE = re.compile(r'(?<![\w.:/])(?P<name>[^\W\d]\w*):(?!//)(?P<value>"[^"]*"?|\[[^\]]*\]?|[^\s()]*)')
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
#: Longer queries are refused: every word costs time, and a query of a whole text finds everything.
MAX_QUERY_WORDS = 64
_OPERATOR_WORDS = "|".join(sorted(OPERATORS))
#: The word between the ends of a range, as whoosh reads it; users may also type
#: "to" or the Dutch "tot".
_RANGE_WORD = "TO"
_RANGE_WORDS = frozenset({_RANGE_WORD, "TOT"})
# The dates users type: 2024-03-25, 2024/3/25, 20240325, 2024-03, 202403, 2024 and
# the Dutch order 25-03-2024, 25.3.2024, 03-2024.
_DATE_FORMS = [
    re.compile(r"(?P<year>\d{4})(?:[-/.](?P<month>\d{1,2})(?:[-/.](?P<day>\d{1,2}))?)?"),
    re.compile(r"(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})?"),
    re.compile(r"(?:(?P<day>\d{1,2})[-/.])?(?P<month>\d{1,2})[-/.](?P<year>\d{4})"),
]
_DATE_HELP = (
    "write a day as 2024-03-25 or 25-03-2024, a month as 2024-03, a year as 2024, "
    "or a range as [2024-01-01 TO 2024-06-30]"
)
_VERGADERJAAR = re.compile(r"(?P<first>\d{4})\s*[-–—/]?\s*(?P<second>\d{4})")
# An operator with nothing to apply to, at the start or end of the query: ignored.
_DANGLING = re.compile(
    rf"^(?:(?:{'|'.join(_AND + _OR)})\s+)+|(?:\s+(?:{_OPERATOR_WORDS}))+$|^(?:{_OPERATOR_WORDS})$"
)


#: Fields that field clauses (vraag:5, minister:…) filter on.
FILTER_FIELDS = frozenset(FIELD_ALIASES.values()) - set(TEXT_FIELDS)


class _WordsGroup(syntax.GroupNode):
    """What users type without operators: words OR-ed, passages matching more of them
    ranked higher; but a NOT clause excludes and a field clause restricts.

    Not a subclass of whoosh's OrGroup, which an explicit OR would merge into.
    """

    qclass = wq.Or

    coordination = Ranking().coordination

    def __init__(self, nodes: object = None, **kwargs: object) -> None:
        kwargs.pop("scale", None)
        # No scale at 1.0: whoosh then skips low-scoring blocks of common words.
        super().__init__(nodes=nodes, scale=self.coordination if self.coordination < 1 else None, **kwargs)

    def query(self, parser: qparser.QueryParser) -> Query:
        return _filtered(super().query(parser))


def _filtered(either: wq.Or) -> Query:
    """``either`` with its field clauses required and its NOT clauses excluded."""
    words: list[Query] = []
    filters: list[Query] = []
    excluded: list[Query] = []
    for clause in either.subqueries:
        if isinstance(clause, wq.Not):
            excluded.append(clause.query)
        elif _is_filter(clause):
            filters.append(clause)
        else:
            words.append(clause)
    if not (filters or excluded):
        return either
    required: list[Query] = [wq.Or(words, boost=either.boost, scale=either.scale)] if words else []
    required += filters
    if not excluded:
        return _all(required)
    unwanted = excluded[0] if len(excluded) == 1 else wq.Or(excluded)
    return wq.AndNot(_all(required), unwanted) if required else wq.Not(unwanted)


def _all(queries: list[Query]) -> Query:
    return queries[0] if len(queries) == 1 else wq.And(queries)


def _is_filter(clause: Query) -> bool:
    fields = {leaf.field() for leaf in clause.leaves()} - {None}
    return bool(fields) and fields <= FILTER_FIELDS


def _infix(words: tuple[str, ...]) -> str:
    return rf"(?<=\s)({'|'.join(words)})(?=\s)"


class QueryParser:
    """Turns what users type into whoosh queries over the passage fields."""

    def __init__(
        self, schema: Schema, synonyms: SynonymTable | None = None, ranking: Ranking | None = None
    ) -> None:
        self._synonyms = synonyms
        self._schema = schema
        ranking = ranking or Ranking()
        group = type("_WordsGroup", (_WordsGroup,), {"coordination": ranking.coordination})
        aliases: dict[str, list[str]] = defaultdict(list)
        for alias, field in FIELD_ALIASES.items():
            if alias != field:
                aliases[field].append(alias)
        self.fields = sorted(FIELD_ALIASES)
        self._known = set(FIELD_ALIASES)
        parser = qparser.MultifieldParser(
            list(SEARCHED_FIELDS),
            schema,
            fieldboosts=ranking.field_boosts,
            group=group,
        )
        # A "?" ending a word ends a question: wildcards are read by our own plugin. "'" starts
        # "'s-Gravenhage": not syntax here.
        parser.remove_plugin_class(qparser.WildcardPlugin)
        parser.add_plugin(WildcardPlugin())
        parser.remove_plugin_class(qparser.SingleQuotePlugin)
        parser.replace_plugin(
            qparser.OperatorsPlugin(
                And=_infix(_AND),
                Or=_infix(_OR),
                Not=rf"(^|(?<=(\s|[()])))({'|'.join(_NOT)})(?=\s)",
                AndNot=None,
                AndMaybe=None,
                Require=None,
            )
        )
        parser.add_plugin(qparser.FieldAliasPlugin(dict(aliases)))
        self._parser = parser

    def parse(self, query: str) -> Query:
        """The whoosh query for ``query``; :class:`QueryError` if nothing can be searched."""
        text = " ".join(_CONTROL.sub(" ", query).split())
        if not text:
            raise QueryError("empty query: type one or more words to search for")
        words = sum(1 for _ in WORD_PATTERN.finditer(text))
        if words > MAX_QUERY_WORDS:
            raise QueryError(
                f"the query has {words} words; at most {MAX_QUERY_WORDS} are searched: shorten it"
            )
        text = _DANGLING.sub("", text)
        if self._synonyms is not None:
            text = self._synonyms.expand(text)
        text = self._normalize_fields(text)
        try:
            parsed = self._parser.parse(text, normalize=False) if text else NullQuery
        except Exception as exc:  # whoosh's parser raises assorted errors on odd input
            raise QueryError(f"cannot read the query {query!r}: {exc}") from exc
        parsed = self._phrases_searchable(parsed).normalize()
        if parsed is NullQuery or not parsed.leaves():
            raise QueryError(
                f"nothing to search for in {query!r}: stop words (de, het, een, …), "
                "operators and punctuation alone are not searched"
            )
        return parsed

    def _phrases_searchable(self, query: Query) -> Query:
        """``query`` with one-word phrases as terms of the same weight (whoosh would drop
        the weight), and phrases on fields that keep no word positions (``vraag:"5 6"``)
        turned into all of their words."""
        if isinstance(query, wq.Phrase):
            if len(query.words) == 1:
                return wq.Term(query.fieldname, query.words[0], boost=query.boost)
            if self._schema[query.fieldname].supports("positions"):
                return query
            return wq.And([wq.Term(query.fieldname, word) for word in query.words], boost=query.boost)
        return query if query.is_leaf() else query.apply(self._phrases_searchable)

    def _normalize_fields(self, text: str) -> str:
        """``text`` with field names in lowercase and dates and years in the index's form;
        unknown fields, missing values and unreadable dates raise :class:`QueryError`."""
        phrases = [m.span() for m in _PHRASE.finditer(text)]

        def normalize(match: re.Match[str]) -> str:
            if any(start < match.start() < end for start, end in phrases):
                return match.group(0)
            name, value = match["name"].lower(), match["value"]
            if name not in self._known:
                raise QueryError(
                    f"unknown field '{match['name']}:'; fields are {', '.join(f + ':' for f in self.fields)}"
                )
            if not value:  # a value is required, but may be a group: vraag:(5 OR 6)
                if not text.startswith("(", match.end()):
                    raise QueryError(f"the field '{match['name']}:' needs a value, as in vraag:5")
                return f"{name}:"
            rewrite = _VALUE_REWRITES.get(FIELD_ALIASES[name])
            return f"{name}:{rewrite(value, name) if rewrite else value}"

        return FIELD_CLAUSE.sub(normalize, text)


def _date_value(value: str, name: str) -> str:
    """A date or [range] of dates as whoosh reads them: "25-03-2024" → "20240325"."""
    if not value.startswith("["):
        return _compact_date(value.strip('"'), name)
    words = value.strip("[]").split()
    dates = [_RANGE_WORD if word.upper() in _RANGE_WORDS else _compact_date(word, name) for word in words]
    return f"[{' '.join(dates)}]"


def _compact_date(text: str, name: str) -> str:
    """The date ``text`` as whoosh reads it: "2024-3-25" and "25-03-2024" → "20240325",
    "2024-03" → "202403", "2024" → "2024"."""
    for form in _DATE_FORMS:
        if match := form.fullmatch(text):
            year, month, day = int(match["year"]), int(match["month"] or 0), int(match["day"] or 0)
            try:
                dt.date(year, month or 1, day or 1)
            except ValueError:
                break
            return f"{year:04d}" + (f"{month:02d}" if month else "") + (f"{day:02d}" if day else "")
    raise QueryError(f"cannot read the date '{text}' in {name}:{text}; {_DATE_HELP}")


def _vergaderjaar_value(value: str, name: str) -> str:
    """A parliamentary year as the index holds it: "20232024", "2023–2024" → "2023-2024"."""
    match = _VERGADERJAAR.fullmatch(value.strip('"'))
    if match is None:
        raise QueryError(f"cannot read the year '{value}' in {name}:{value}; write it as 2023-2024")
    return f"{match['first']}-{match['second']}"


#: How the values of some fields are rewritten before whoosh reads them, by schema field.
_VALUE_REWRITES: dict[str, Callable[[str, str], str]] = {
    **{field: _date_value for field in DATE_FIELDS},
    "vergaderjaar": _vergaderjaar_value,
}


def run_search(
    searcher: Searcher,
    query: Query,
    limit: int,
    fmt: HighlightFormat,
    ranking: Ranking,
    vectors: VectorSearcher | None = None,
) -> list[Hit]:
    """Runs ``query`` and returns the best ``limit`` hits, scored (by ``vectors`` if given)
    with the evidence of their answers (:mod:`searchkit.answers`) and highlighted in ``fmt``."""
    if limit < 1:
        raise QueryError(f"the number of results must be at least 1, not {limit}")
    highlight = PassageHighlighter(fmt, also=expansion_terms(query, "text"))
    hits = []
    for paragraph in answers.rank(searcher, query, limit, ranking.answer, vectors):
        fields = paragraph.fields
        hits.append(
            Hit(
                doc_id=fields["doc_id"],
                question_numbers=tuple(int(n) for n in fields["question_numbers"].split()),
                paragraph=fields["paragraph"],
                text=fields["text"],
                question=fields["question"],
                score=paragraph.score,
                highlight=highlight(paragraph.hit, "text"),
                kind=fields["kind"],
            )
        )
    return hits
