"""Find the names of the reference tables in Arabic text.

Names and text are compared in a *match form*: no diacritics or tatweel, alef variants as
bare alef, ta marbuta as ha, alef maqsura as ya. Each table name may carry the proclitics
و ف (and) then ب ل ك (in, for, like), and ل + ال contracts to لل. All names go into one
regular expression compiled from a character trie, so a paragraph is scanned once whatever
the number of names (a plain alternation would try every name at every position).
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from unkg.data import cells, load_table
from unkg.extract.facts import Entity, EntityKind

__all__ = ["Gazetteer", "MatchForm", "default_gazetteer", "match_form", "trie_pattern"]

_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]+")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي"})
_PROCLITICS = "(?:[وف])?(?:[بلك])?"


@dataclass(frozen=True, slots=True)
class MatchForm:
    """Text in match form, with each character's offset in the text it was made from."""

    text: str
    index: array[int] | None  # None: same offsets as the source text

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        if self.index is None:
            return start, end
        return self.index[start], self.index[end - 1] + 1 if end > start else self.index[start]


def match_form(text: str) -> MatchForm:
    """The match form of ``text`` (see the module docstring).

    >>> match_form("لسويسـرا").text
    'لسويسرا'
    """
    folded = text.translate(_FOLD)
    if not _MARKS.search(folded):
        return MatchForm(folded, None)
    pieces: list[str] = []
    index: array[int] = array("q")
    position = 0
    for m in _MARKS.finditer(folded):
        pieces.append(folded[position : m.start()])
        index.extend(range(position, m.start()))
        position = m.end()
    pieces.append(folded[position:])
    index.extend(range(position, len(folded) + 1))
    return MatchForm("".join(pieces), index)


def trie_pattern(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, longest first, built as a trie.

    >>> trie_pattern(["بالي", "بانكوك", "باريس"])
    'با(?:ريس|لي|نكوك)'
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


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # offsets in the searched text
    end: int
    entity: Entity
    form: str  # the table form that matched (match form)


class Gazetteer:
    """Names -> entities, searched in one pass."""

    def __init__(self, names: Iterable[tuple[str, Entity]]) -> None:
        self._entities: dict[str, Entity] = {}
        for name, entity in names:
            form = match_form(name).text.strip()
            if len(form) < 2:
                continue
            self._entities.setdefault(form, entity)
            if form.startswith("ال"):
                # ل + ال -> لل : "للولايات المتحدة"
                self._entities.setdefault("ل" + form[1:], entity)
        body = trie_pattern(self._entities)
        self._pattern = re.compile(rf"(?<!\w){_PROCLITICS}(?P<name>{body})(?!\w)")

    def __len__(self) -> int:
        return len(self._entities)

    @property
    def pattern(self) -> re.Pattern[str]:
        """The compiled trie of every name (the benchmark's regex floor runs it)."""
        return self._pattern

    def find(self, text: str) -> list[Match]:
        """Matches in ``text`` (offsets in ``text``), longest names first, no overlaps."""
        form = match_form(text)
        found = []
        for match in self.find_in_form(form.text):
            start, end = form.source_span(match.start, match.end)
            found.append(Match(start, end, match.entity, match.form))
        return found

    def find_in_form(self, form_text: str) -> list[Match]:
        """Matches in text already in match form (offsets in that text)."""
        return [
            Match(m.start("name"), m.end("name"), self._entities[m.group("name")], m.group("name"))
            for m in self._pattern.finditer(form_text)
        ]


def _table_names() -> list[tuple[str, Entity]]:
    names: list[tuple[str, Entity]] = []
    for row in load_table("states"):
        entity = Entity(EntityKind.STATE, row["iso3"])
        for name in [row["name_ar"], row["formal_ar"], *cells(row["variants_ar"])]:
            if name:
                names.append((name, entity))
    for row in load_table("organizations"):
        kind = EntityKind.ORGANIZATION
        entity = Entity(kind, row["id"])
        for name in [row["name_ar"], *cells(row["variants_ar"])]:
            if name:
                names.append((name, entity))
    for row in load_table("instruments"):
        entity = Entity(EntityKind.INSTRUMENT, row["id"])
        for name in [row["name_ar"], *cells(row["variants_ar"])]:
            if name:
                names.append((name, entity))
    for row in load_table("places"):
        entity = Entity(EntityKind.PLACE, row["id"], row["name_ar"], row["iso3"])
        for name in [row["name_ar"], *cells(row["variants_ar"])]:
            if name:
                names.append((name, entity))
    return names


@cache
def default_gazetteer() -> Gazetteer:
    """All States, organisations, instruments and places of the reference tables."""
    return Gazetteer(_table_names())


@cache
def short_instrument_names() -> Gazetteer:
    """Short forms of instruments (``برنامج العمل``): only safe once the full name appeared."""
    names: list[tuple[str, Entity]] = []
    for row in load_table("instruments"):
        entity = Entity(EntityKind.INSTRUMENT, row["id"])
        names.extend((name, entity) for name in cells(row["short_ar"]))
    return Gazetteer(names)
