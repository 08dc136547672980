"""Page furniture of the published documents: header and footer lines that are not content.

The publisher prints on every page the document's id ("ah-tk-20232024-1314"),
"ISSN 0921 - 7398", "’s-Gravenhage 2024" and "Tweede Kamer, vergaderjaar
2023–2024, Aanhangsel" with the page number, and on page 1 a header block.
Text extractors often glue these pieces together or onto the next line
("ISSN 0921 - 7398’s-Gravenhage 2024Tweede Kamer, …"), so furniture is
recognised piece by piece at the start of a line.
"""

from __future__ import annotations

import re

_YEARS = r"\d{4}\s*[–—-]\s*\d{4}"
_PIECES = [
    r"ah-(?:tk|ek)-\d{8}-\d+",
    r"ISSN\s*0921\s*-\s*7398",
    r"[’'‘`´]?s-Gravenhage\s*\d{4}",
    rf"(?:Tweede|Eerste)\s+Kamer,\s*vergaderjaar\s*{_YEARS},\s*Aanhangsel(?:\s*\d{{1,4}}(?!\d))?",
    r"(?:Tweede|Eerste)\s+Kamer\s+der\s+Staten-Generaal\d?",
    rf"Vergaderjaar\s*{_YEARS}",
    r"Aanhangsel\s+van\s+de\s+Handelingen",
    r"Vragen\s+gesteld\s+door\s+de\s+leden\s+der\s+Kamer,\s*met\s+de\s+daarop\s+door\s+de"
    r"(?:\s+regering\s+gegeven\s+antwoorden)?",
    r"regering\s+gegeven\s+antwoorden",
]
_PIECE = re.compile(rf"\s*(?:{'|'.join(_PIECES)})\s*", re.IGNORECASE)


def split_furniture(line: str) -> tuple[list[str], str]:
    """The furniture pieces at the start of ``line`` and the content after them.

    ``"ISSN 0921 - 7398’s-Gravenhage 2024Vraag 4"`` → ``(["ISSN 0921 - 7398",
    "’s-Gravenhage 2024"], "Vraag 4")``; a line without furniture comes back whole.
    """
    pieces: list[str] = []
    position = 0
    while match := _PIECE.match(line, position):
        if match.end() == position:
            break
        pieces.append(match.group(0).strip())
        position = match.end()
    return pieces, line[position:].strip()
