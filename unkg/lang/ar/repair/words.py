"""Word-level repair: join the pieces of a word that PDF extraction cut apart.

A piece is rejoined with its neighbour when the joined form is a word the same document
uses elsewhere and one of the pieces is not (``بالأ سلحة`` -> ``بالأسلحة``,
``ا لاتجار`` -> ``الاتجار``). Two known words are never joined (``في ما`` stays).
The same holds across a line break, which is how a word wrapped over two lines is joined.
"""

from __future__ import annotations

import re

from unkg.lang.ar.repair.visual import Lexicon
from unkg.lang.ar.script import LETTERS, MARKS, word_key
from unkg.repair.offsets import Edit

__all__ = ["join_split_words"]

_LETTERS = LETTERS
_MARKS = MARKS
# a piece of a word, the single space or line break after it, and the next piece
_PAIR = re.compile(
    rf"(?<![{_LETTERS}{_MARKS}])([{_LETTERS}{_MARKS}]+)( |\n)(?=([{_LETTERS}{_MARKS}]+))"
)


def join_split_words(text: str, lexicon: Lexicon | None = None) -> list[Edit]:
    """Delete the space (or line break) inside a word cut in two (see the module docstring)."""
    if lexicon is None:
        lexicon = Lexicon.of(text)
    words = lexicon.words
    edits: list[Edit] = []
    for m in _PAIR.finditer(text):
        left, right = word_key(m.group(1)), word_key(m.group(3))
        if words.get(left + right, 0) >= 2 and (words.get(left, 0) < 2 or words.get(right, 0) < 2):
            # a known word never swallows a piece of one letter across a line break
            if m.group(2) == "\n" and min(len(left), len(right)) < 2:
                continue
            edits.append(Edit(m.start(2), m.end(2), ""))
    return edits
