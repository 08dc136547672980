"""Word repairs for text that went through a PDF, decided with the shipped Dutch lexicon.

Text extractors split words at line ends ("vredesonderhande-" / "lingen",
rejoined by :func:`join_lines` with URLs wrapped mid-way), leave
such hyphens mid-line once they glue the lines back ("achtergron-den"), and run
the last word of a line into the first of the next ("algemeengeldt",
"OpenbaarMinisterie", "in2025"). Each repair is made only when the lexicon
(:mod:`searchkit.lexicon`) makes it confident: Dutch writes compounds as one
word ("informatieproducten"), so an unknown word is only split where one of its
parts is a function word ("contact" + "mag") and the other a word of some currency.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection
from functools import lru_cache

from searchkit.lexicon import dutch_lexicon, zipf

_VOWELS = "aeiouyáéíóúëïöüè"
_WORD_PIECE = re.compile(r"[^\W\d_]+$")
_URLISH = re.compile(r"(?:https?://|www\.|\.[a-z]{2,4}/|/)\S*$", re.IGNORECASE)
#: How common a piece must be to count as a word of its own (Zipf scale).
KNOWN_WORD = 2.5
#: Words rarer than this that are two function words are typos for both ("inhet", "vande").
TYPO_WORD = 3.5
#: How common a word must be to be split off a glued word, or to split a case change.
COMMON_WORD = 3.0
#: How common the other part of a glued word must be besides a function word.
GLUED_PART = 2.0
#: How common a word after a particle must be: particles make words ("uitsplitsen").
MIN_AFTER_PARTICLE = 4.5
#: How common a word must be to have a suffix-like function word split off ("groep" + "te").
SUFFIX_SAFE = 4.5
#: Words of a closed class: articles, pronouns, prepositions, conjunctions, common adverbs
#: and auxiliary verbs. A glued word is split only next to one of them.
FUNCTION_WORDS = frozenset(
    """
    de het een
    ik je jij u hij zij ze we wij men zich mij me ons hun haar hem zijn mijn uw jullie
    dit dat deze die er hier daar waar wat wie welke iets niets alles
    van in op aan met voor naar bij uit om over tot door na onder tegen tussen zonder vanaf
    sinds per via binnen buiten rond rondom tijdens volgens namens ten ter te toe mee
    en of maar want dus omdat zodat doordat wanneer indien terwijl hoewel als dan zoals
    niet geen ook nog al wel zo nu meer zeer reeds slechts alleen echter even weer
    alle elke ieder iedere andere meeste veel vele weinig enkele sommige beide
    is zijn was waren wordt worden werd werden kan kunnen kunt kon mag mogen moet moeten
    zal zullen zult zou zouden heeft hebben hebt heb had hadden geldt gelden gaat ga gaan
    ben bent wil wilt willen
    daarbij daarmee daarom daarvan daarin daarnaast daarover daarop daaraan daardoor daarvoor daaruit
    hierbij hiermee hierin hiervan hierover hierop hieraan hierdoor hiervoor hieruit
    waarbij waarmee waarin waarvan waarover waarop waaraan waardoor waarvoor waaruit
    erop ervan eraan erin dergelijke zulke zulk
    """.split()
)
#: Function words that also begin many words as a particle or prefix ("uitwerken", "tussendoel").
PARTICLES = frozenset(
    "aan af bij door in mee na om onder op over toe uit voor tegen tussen achter binnen buiten".split()
)
#: Function words that make words with the function word after them ("tegengaan", "hiernaar").
_WORD_MAKERS = PARTICLES | {"te", "ten", "ter", "hier", "daar", "waar", "er"}
_ARTICLES = frozenset("de het dit dat deze die".split())
#: Function words that end many words as a suffix ("werkte", "kinderen").
_SUFFIX_LIKE = frozenset({"de", "te", "ten", "er", "in"})
_LETTERS = re.compile(r"[^\W\d_]+")
# The first word of a run after a case change: an acronym ("EBI") or a capitalised word ("Ministerie").
_CAMEL_HEAD = re.compile(r"[^\W\d_a-zà-ÿ]+(?![a-zà-ÿ])|[^\W\d_][a-zà-ÿ]*")
# A word before digits ("in2025") and digits before a word ("25.000inwoners").
_WORD_DIGITS = re.compile(r"(?<![^\W\d_])([^\W\d_]{2,})(?=\d)")
_DIGITS_WORD = re.compile(r"(?<=\d)([^\W\d_]{3,})(?![^\W\d_])")
_URL_CHUNK = re.compile(r"(?:https?:|www\.|@|\.(?:nl|com|org|eu|be|net|gov|int)\b|/)", re.IGNORECASE)
#: A hyphen between two lowercase letters inside a word: "achtergron-den".
_INNER_HYPHEN = re.compile(r"(?<![^\W\d_])([^\W\d_]+)-([^\W\d_]+)(?![^\W\d_-])")
#: Words before a hyphen that stay ("e-mail", "ex-partner", "oud-minister", "niet-openbare").
_HYPHEN_PREFIXES = frozenset({"e", "ex", "oud", "niet", "non", "anti", "pro", "post", "pre", "vice", "sub"})
_ORDINAL_ENDINGS = frozenset({"ste", "de", "e"})
_URLISH_END = re.compile(r"(?:https?://|www\.|\.[a-z]{2,4}/)[^\s,;)»]*$", re.IGNORECASE)
_URL_BREAKS = ("-", "/", "_", "=", "?", "&", ".", "%", "#")
_URL_PUNCTUATION = re.compile(r"[/%=_.-]")
#: Words after a line-end hyphen that make it a shortened compound: "grond- en drinkwater".
_CONJUNCTIONS = frozenset({"en", "of", "tot"})
_SENTENCE_END = re.compile(r"[.?!:][)»”’\"]*$")
_OPENING = "(«“‘\"'["


def join_hyphenated(head: str, tail: str) -> str:
    """``head`` (ending in "-") joined to ``tail``, the start of the next line.

    The hyphen goes when it only split a word over two lines
    ("vredesonderhande-" + "lingen" → "vredesonderhandelingen") and stays when
    it belongs to the word: after an abbreviation or number ("EU-landen",
    "COVID-19"), before a capital ("Noord-Holland"), in a URL, after a name
    ("Palantir-gerelateerde") and between two words that Dutch writes with a
    hyphen ("data-integratie").
    """
    stem = head[:-1]
    if _keeps_hyphen(stem, tail):
        return head + tail
    return stem + tail


def _keeps_hyphen(stem: str, tail: str) -> bool:
    if not stem or not tail or _URLISH.search(stem):
        return True
    last, first = stem[-1], tail[0]
    if last.isupper() or last.isdigit() or first.isupper() or first.isdigit() or not last.isalpha():
        return True
    left = _WORD_PIECE.search(stem)
    right = _LETTERS.match(tail)
    if not left or not right:
        return True
    left_word, right_word = left.group(0), right.group(0)
    if zipf(left_word + right_word) > 0:
        return False
    if zipf(right_word) < KNOWN_WORD:
        return False
    if left_word[0].isupper():  # a name before a word: "Palantir-gerelateerde"
        return True
    vowel_clash = last.lower() in _VOWELS and first.lower() in _VOWELS
    return zipf(left_word) >= KNOWN_WORD and (vowel_clash or len(left_word) > 3)


def join_lines(text: str, line: str) -> str:
    """``line`` appended to ``text``: after a space, or without one where a URL or a word was split."""
    if _URLISH_END.search(text) and _continues_url(text, line):
        return text + line
    if text.endswith("-") and line[:1].isalpha() and len(text) > 1 and text[-2].isalpha():
        if line.split(" ", 1)[0] in _CONJUNCTIONS:  # "grond- en drinkwater"
            return f"{text} {line}"
        return join_hyphenated(text, line)
    return f"{text} {line}"


def _continues_url(text: str, line: str) -> bool:
    """Whether ``line`` goes on with the URL that ``text`` ends in."""
    if not line[:1].isalnum():
        return False
    first = line.split(" ", 1)[0]
    return text.endswith(_URL_BREAKS) or bool(_URL_PUNCTUATION.search(first))


def join_inner_hyphens(text: str, written_whole: Collection[str] = ()) -> str:
    """``text`` with hyphens that only split a word over two lines taken out mid-line.

    An extractor that glues lines back leaves "achtergron-den" and "individu-eel"
    inside a line, where a real hyphen can stand too ("EBI-gedetineerden",
    "data-integratie"). The hyphen goes when the joined word is written whole
    elsewhere in the same document (``written_whole``, lowercase words), when the
    lexicon knows the joined word ("klimaat-neutraal", "achtergron-den"), and when
    one part is no word at all ("kortingsproposi-ties"). Words glued to either
    side are split off first ("debtw-verhoging" → "de btw-verhoging").
    """
    return " ".join(
        chunk
        if _URL_CHUNK.search(chunk)
        else _INNER_HYPHEN.sub(lambda m: _joined_or_kept(m, written_whole), chunk)
        for chunk in text.split(" ")
    )


def _joined_or_kept(match: re.Match[str], written_whole: Collection[str]) -> str:
    """The hyphenated word of ``match`` joined, or as it was; words glued to it split off."""
    left, right = match.group(1), match.group(2)
    if _keeps_case(left, right):
        return match.group(0)
    if (left + right).lower() in written_whole or zipf(left + right) > 0:
        return left + right
    *before, left = split_glued(left).split(" ")
    right, *after = split_glued(right).split(" ")
    if _keeps_case(left, right) or not _only_split(left, right):
        word = f"{left}-{right}"
    else:
        word = left + right
    return " ".join([*before, word, *after])


def _keeps_case(left: str, right: str) -> bool:
    """Whether the hyphen stays for the words' sake: "EBI-gedetineerden", "Noord-Holland", "e-mail"."""
    return left[-1].isupper() or right[0].isupper() or left.lower() in _HYPHEN_PREFIXES


def _only_split(left: str, right: str) -> bool:
    """Whether a hyphen between ``left`` and ``right`` only split one word.

    It did when one side is no word ("achtergron" + "den", "rechtmatig" +
    "heidstoets") and the lexicon knows the joined word or the other side is no
    common word either; when both sides are words, only when the lexicon knows
    the joined word ("klimaat" + "neutraal"), and knows it well after a short
    part that may be an abbreviation ("btw", "mbo").
    """
    whole, first, second = zipf(left + right), zipf(left), zipf(right)
    if _vowel_clash(left, right):
        return False
    if first == 0 and len(left) >= 5:
        return True
    if first < KNOWN_WORD or second < KNOWN_WORD:
        return whole > 0 or second < 4.0
    short = len(left) <= 3 or not any(letter in _VOWELS for letter in left.lower())
    return whole >= COMMON_WORD if short else whole > 0


def _vowel_clash(left: str, right: str) -> bool:
    """Dutch writes a hyphen where a compound would join two vowels ("zee-egel")."""
    return left[-1].lower() in _VOWELS and right[0].lower() in _VOWELS and zipf(left + right) < KNOWN_WORD


def split_glued(text: str) -> str:
    """``text`` with words that a text extractor ran together split apart again.

    "In het algemeengeldt dat" → "In het algemeen geldt dat", "(DJI)namens" is
    left to the caller, "OpenbaarMinisterie" → "Openbaar Ministerie",
    "meer AIinzetten" → "meer AI inzetten", "in2025" → "in 2025",
    "25.000inwoners" → "25.000 inwoners". Words the lexicon knows, compounds
    ("informatieproducten"), names ("GroenLinks", "PvdA") and URLs stay whole.
    """
    chunks = text.split(" ")
    return " ".join(
        _split_chunk(chunk, sentence_start=index == 0 or bool(_SENTENCE_END.search(chunks[index - 1])))
        for index, chunk in enumerate(chunks)
    )


def _split_chunk(chunk: str, sentence_start: bool) -> str:
    """One chunk of text between spaces, split where it is glued."""
    if _URL_CHUNK.search(chunk):
        return chunk

    def letters(match: re.Match[str]) -> str:
        starts = sentence_start and not chunk[: match.start()].strip(_OPENING)
        return _split_letters(match.group(0), starts)

    chunk = _LETTERS.sub(letters, chunk)
    chunk = _WORD_DIGITS.sub(lambda match: _word_before_digits(match.group(1)), chunk)
    return _DIGITS_WORD.sub(lambda match: _word_after_digits(match.group(1)), chunk)


def _word_before_digits(word: str) -> str:
    """ "in" + "2025" → "in 2025"; acronyms stay glued to their digits ("CO2", "COP28")."""
    if word.islower() and zipf(word) >= COMMON_WORD:
        return word + " "
    return word


def _word_after_digits(word: str) -> str:
    """ "25.000" + "inwoners" → "25.000 inwoners"; ordinals and units stay ("1e", "2de")."""
    if word.islower() and word not in _ORDINAL_ENDINGS and zipf(word) >= GLUED_PART:
        return " " + word
    return word


@lru_cache(maxsize=65536)
def _split_letters(run: str, sentence_start: bool = False) -> str:
    """One run of letters, split where words were glued; unchanged when not confident.

    A capitalised run splits off a function word only where a sentence starts
    ("Hetkabinet"); inside a sentence it is a name ("Metis", not "Met is").
    """
    if len(run) < 3:
        return run
    if zipf(run) > 0:
        return _split_typo(run) if zipf(run) < TYPO_WORD and (run.islower() or sentence_start) else run
    camel = _split_camel(run)
    if camel != run:
        return camel
    if run[1:].islower() and len(run) >= 4 and (run[0].islower() or sentence_start or _name_glued(run)):
        return _split_lowercase(run)
    return run


def _name_glued(run: str) -> bool:
    """Whether a capitalised run inside a sentence may be a name with a function word glued on."""
    return not any(run[:index].lower() in FUNCTION_WORDS for index in range(2, len(run)))


def _split_typo(run: str) -> str:
    """Split a rare "word" that is two function words run together ("inhet", "ookniet", "vande").

    After a particle or "te", "hier", "er" only an article or pronoun splits off:
    "tegengaan", "uitte", "hiernaar" and "temeer" are words.
    """
    lower = run.lower()
    for index in range(2, len(run) - 1):
        left, right = lower[:index], lower[index:]
        if left not in FUNCTION_WORDS or right not in FUNCTION_WORDS:
            continue
        if left in _WORD_MAKERS and right not in _ARTICLES:
            continue
        return f"{run[:index]} {run[index:]}"
    return run


def _split_camel(run: str) -> str:
    """Split at a case change: "OpenbaarMinisterie", "deExtra", "bevoegdEBI", "AIinzetten"."""
    for index in range(1, len(run) - 1):
        before, at = run[index - 1], run[index]
        left, right = run[:index], run[index:]
        if before.islower() and at.isupper() and _camel_parts(left, right):
            return f"{left} {_split_letters(right)}"
        if (
            before.isupper()
            and at.islower()
            and index >= 2
            and left.isupper()
            and right.islower()
            and len(right) >= 2
            and zipf(right) >= COMMON_WORD
        ):
            return f"{left} {right}"
    return run


def _camel_parts(left: str, right: str) -> bool:
    """Whether "left" (ending lowercase) and "right" (starting uppercase) were two words."""
    left_word = left.lower()
    if left_word in FUNCTION_WORDS:
        return True
    if len(left) < 3 or zipf(left_word) < COMMON_WORD:
        return False
    head = _CAMEL_HEAD.match(right)
    word = head.group(0) if head else right
    return (word.isupper() and len(word) >= 2) or zipf(word) >= COMMON_WORD


def _split_lowercase(run: str) -> str:
    """Split an unknown word into two words, one of them a function word; the likeliest split wins."""
    best: tuple[float, int] | None = None
    lower = run.lower()
    for index in range(1, len(run)):
        left, right = lower[:index], lower[index:]
        if _glued_pair(left, right, capitalised=run[0].isupper()):
            score = zipf(left) + zipf(right)
            if best is None or score > best[0]:
                best = (score, index)
    if best is None:
        return run
    return f"{run[: best[1]]} {run[best[1] :]}"


def _glued_pair(left: str, right: str, capitalised: bool) -> bool:
    """Whether ``left`` + ``right`` (lowercase) are two words run together, with confidence."""
    if not (_word(left) and _word(right)) or (left not in FUNCTION_WORDS and right not in FUNCTION_WORDS):
        return False
    if left in FUNCTION_WORDS:
        if left in PARTICLES:  # "uitsplitsen", "meestijgen", "omvaarroute" are words
            return zipf(right) >= MIN_AFTER_PARTICLE and not _begins_known_word(left + right)
        return True
    if zipf(left) < KNOWN_WORD or (capitalised and (len(right) < 3 or zipf(left) < SUFFIX_SAFE)):
        return False  # "gron" + "door" (of "grondoor-zaken"), names: "Philis"
    if right == "en":  # a plural "gezagen"; but "vrouwenen", "economieen" cannot be
        return left.endswith(("en", "ie"))
    return right not in _SUFFIX_LIKE or zipf(left) >= SUFFIX_SAFE


def _word(word: str) -> bool:
    """Whether ``word`` can be one side of a glued pair: a word of some currency ("u" the one letter)."""
    return (len(word) >= 2 or word == "u") and zipf(word) >= GLUED_PART


@lru_cache(maxsize=1)
def _sorted_lexicon() -> list[str]:
    return sorted(dutch_lexicon())


def _begins_known_word(text: str) -> bool:
    """Whether a word the lexicon knows begins with ``text`` ("uitwerk" → "uitwerken")."""
    words = _sorted_lexicon()
    index = bisect.bisect_left(words, text)
    return index < len(words) and words[index].startswith(text)
