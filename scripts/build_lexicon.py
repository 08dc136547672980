#!/usr/bin/env python3
"""Regenerate searchkit/data/lexicon_nl.tsv.gz: Dutch words with their frequency.

The lexicon comes from wordfreq's "large" Dutch list (Robyn Speer et al.; data
under CC BY-SA 4.0, see searchkit/data/LEXICON.md). It is shipped so that
nothing is downloaded at run time and wordfreq (58 MB, all languages) is only
needed by whoever regenerates it: `pip install wordfreq && python scripts/build_lexicon.py`.
Rows are "word<TAB>zipf" (log10 of frequency per billion words), most frequent first.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from wordfreq import get_frequency_dict, zipf_frequency

TARGET = Path(__file__).resolve().parent.parent / "searchkit" / "data" / "lexicon_nl.tsv.gz"


def main() -> None:
    frequencies = get_frequency_dict("nl", wordlist="large")
    words = sorted((w for w in frequencies if w.isalpha()), key=lambda w: -frequencies[w])
    rows = "".join(f"{word}\t{zipf_frequency(word, 'nl', wordlist='large'):.2f}\n" for word in words)
    with gzip.open(TARGET, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write(rows)
    print(f"{len(words)} words → {TARGET} ({TARGET.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
