"""Cross-references between answers: "zie het antwoord op vraag 7", "zie antwoord 2".

An answer that refers to the answer to another question of the same document gets
that question's number in :attr:`~searchkit.model.Question.see_also`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from searchkit.model import Question

# "2", "2 en 3", "3, 8 en 9".
_NUMBERS = r"\d+(?:(?:\s*,\s*|\s+en\s+)\d+)*(?!\d)"
_REFERENCE = re.compile(
    # "(mijn/het) antwoord op (de) vraag 7", "de antwoorden op de vragen 2, 6 en 8",
    # "antwoord vraag 10", "bij het antwoord op vraag 14"
    rf"\bantwoord(?:en)?\s+(?:(?:op|bij)\s+(?:de\s+)?)?vra(?:ag|gen)\s+(?P<asked>{_NUMBERS})"
    # "zie antwoord 6", "zie ook mijn antwoord 2", "zie vraag 3"
    rf"|\bzie\s+(?:ook\s+)?(?:(?:mijn|het|de)\s+)?(?:antwoord(?:en)?|vra(?:ag|gen))\s+(?P<bare>{_NUMBERS})",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\d+")


def find_references(text: str) -> list[int]:
    """The question numbers whose answers ``text`` refers to, in order of first mention."""
    numbers: list[int] = []
    for match in _REFERENCE.finditer(text):
        for number in _NUMBER.findall(match["asked"] or match["bare"]):
            if int(number) not in numbers:
                numbers.append(int(number))
    return numbers


def link_references(questions: list[Question]) -> list[Question]:
    """The questions with ``see_also`` set to the other questions their answers refer to.

    Numbers the document does not ask, and the question's own numbers, are left out.
    """
    asked = {number for question in questions for number in question.numbers}
    linked = []
    for question in questions:
        mentioned = find_references(" ".join(question.answer))
        see_also = tuple(n for n in mentioned if n in asked and n not in question.numbers)
        linked.append(replace(question, see_also=see_also))
    return linked
