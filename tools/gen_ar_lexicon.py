"""Write the Arabic word list the repair steps check words against.

Arabic PDF text layers swap the two letters of ligatures (``الأمم`` comes out as ``األمم``);
which order is right is decided by which spelling is an Arabic word. The list is counted
from clean Arabic UN text (no PDF extraction): the Arabic side of the UN Parallel Corpus
development set (``UNv1.0.devset.ar``, Ziemski et al., LREC 2016). Words are compared
without diacritics and tatweel. ``lexicon.tsv``: one line per word, ``word<TAB>count``;
``pairs.tsv``: the pairs of words that follow each other twice or more in a line (what the
visual-order search takes as evidence that two runs belong together), ``first<TAB>second<TAB>
count``; both sorted.

    python tools/gen_ar_lexicon.py ../shared/corpus/unpc-dev/UNv1.0.devset.ar
"""

from __future__ import annotations

import itertools
import re
import sys
from collections import Counter
from pathlib import Path

from unkg.lang.ar.script import LETTERS, MARKS, TATWEEL, word_key

_WORD = re.compile(f"[{LETTERS}{MARKS}{TATWEEL}]+")


PACK = Path(__file__).resolve().parent.parent / "unkg" / "lang" / "ar"


def count(paths: list[str]) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    words: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            keys = [k for k in (word_key(w) for w in _WORD.findall(line)) if k]
            words.update(keys)
            pairs.update(itertools.pairwise(keys))
    return words, pairs


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    words, pairs = count(argv)
    head = "# {} of clean UN text and their counts; made by tools/gen_ar_lexicon.py\n"
    with (PACK / "lexicon.tsv").open("w", encoding="utf-8") as out:
        out.write(head.format("Arabic words"))
        for word in sorted(words):
            out.write(f"{word}\t{words[word]}\n")
    with (PACK / "pairs.tsv").open("w", encoding="utf-8") as out:
        out.write(head.format("pairs of Arabic words seen twice or more in a line"))
        for first, second in sorted(p for p, n in pairs.items() if n >= 2):
            out.write(f"{first}\t{second}\t{pairs[first, second]}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
