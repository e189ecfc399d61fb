"""Write the Arabic word list the repair steps check words against.

Arabic PDF text layers swap the two letters of ligatures (``الأمم`` comes out as ``األمم``);
which order is right is decided by which spelling is an Arabic word. The list is counted
from clean Arabic UN text (no PDF extraction): the Arabic side of the UN Parallel Corpus
development set (``UNv1.0.devset.ar``, Ziemski et al., LREC 2016). Words are compared
without diacritics and tatweel. One line per word, ``word<TAB>count``, sorted by word.

    python tools/gen_ar_lexicon.py ../shared/corpus/unpc-dev/UNv1.0.devset.ar \\
        > unkg/lang/ar/lexicon.tsv
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from unkg.lang.ar.script import LETTERS, MARKS, TATWEEL, word_key

_WORD = re.compile(f"[{LETTERS}{MARKS}{TATWEEL}]+")


def count(paths: list[str]) -> Counter[str]:
    words: Counter[str] = Counter()
    for path in paths:
        text = Path(path).read_text(encoding="utf-8")
        words.update(word_key(w) for w in _WORD.findall(text))
    words.pop("", None)
    return words


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    words = count(argv)
    out = sys.stdout
    out.write("# Arabic words of clean UN text and their counts; made by tools/gen_ar_lexicon.py\n")
    for word in sorted(words):
        out.write(f"{word}\t{words[word]}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
