"""Text in *match form* (the form patterns and table names are compared in) with the offset
of each of its characters in the text it was made from, and tries of words compiled into
one regular expression. What a language folds is its pack's business
(:meth:`unkg.lang.base.LanguagePack.match_form`); the mechanics are here."""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["MatchForm", "fold", "trie_pattern"]


@dataclass(frozen=True, slots=True)
class MatchForm:
    """Text in match form, with each character's offset in the text it was made from."""

    text: str
    index: array[int] | None  # None: same offsets as the source text

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        if self.index is None:
            return start, end
        return self.index[start], self.index[end - 1] + 1 if end > start else self.index[start]

    def form_offset(self, source_offset: int) -> int:
        """The match-form offset of a source offset (the first form character at or after
        it)."""
        index = self.index
        if index is None:
            return source_offset
        low, high = 0, len(index) - 1
        while low < high:
            middle = (low + high) // 2
            if index[middle] < source_offset:
                low = middle + 1
            else:
                high = middle
        return low


def fold(text: str, table: dict[int, str], drop: re.Pattern[str] | None) -> MatchForm:
    """``text`` with characters mapped one for one by ``table`` (``str.maketrans``) and the
    stretches ``drop`` matches removed, keeping the offsets.

    >>> form = fold("a-b--c", str.maketrans({"a": "A"}), re.compile("-+"))
    >>> form.text, form.source_span(1, 3)
    ('Abc', (2, 6))
    """
    folded = text.translate(table)
    if len(folded) != len(text):
        raise ValueError("a match-form table must map each character to one character")
    if drop is None or not drop.search(folded):
        return MatchForm(folded, None)
    pieces: list[str] = []
    index: array[int] = array("q")
    position = 0
    for m in drop.finditer(folded):
        pieces.append(folded[position : m.start()])
        index.extend(range(position, m.start()))
        position = m.end()
    pieces.append(folded[position:])
    index.extend(range(position, len(folded) + 1))
    return MatchForm("".join(pieces), index)


def trie_pattern(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, longest first, built as a trie.

    >>> trie_pattern(["bali", "bangkok", "paris"])
    '(?:ba(?:li|ngkok)|paris)'
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        ends = "" in node
        branches = [re.escape(c) + build(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
        return body

    return build(trie)
