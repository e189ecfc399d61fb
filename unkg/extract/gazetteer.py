"""Find the names of the reference tables in a document's text.

Names and text are compared in the match form of the document's language
(:meth:`unkg.lang.base.LanguagePack.match_form`), with the particles its pack says may stand
before a name (Arabic و ف then ب ل ك, and ل + ال contracted to لل). All names go into one
regular expression compiled from a character trie, so a paragraph is scanned once whatever
the number of names (a plain alternation would try every name at every position).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from unkg import lang
from unkg.data import cells, load_table
from unkg.extract.facts import Entity, EntityKind
from unkg.lang.base import LanguagePack
from unkg.text.matching import trie_pattern

__all__ = ["Gazetteer", "Match", "default_gazetteer", "short_instrument_names"]


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # offsets in the searched text
    end: int
    entity: Entity
    form: str  # the table form that matched (match form)


class Gazetteer:
    """Names -> entities, searched in one pass."""

    def __init__(self, names: Iterable[tuple[str, Entity]], language: LanguagePack) -> None:
        self.language = language
        self._entities: dict[str, Entity] = {}
        for name, entity in names:
            form = language.match_form(name).text.strip()
            if len(form) < 2:
                continue
            self._entities.setdefault(form, entity)
            for variant in language.name_forms(form):
                self._entities.setdefault(variant, entity)
        body = trie_pattern(self._entities)
        self._pattern = re.compile(rf"(?<!\w){language.proclitics}(?P<name>{body})(?!\w)")

    def __len__(self) -> int:
        return len(self._entities)

    @property
    def pattern(self) -> re.Pattern[str]:
        """The compiled trie of every name (the benchmark's regex floor runs it)."""
        return self._pattern

    def find(self, text: str) -> list[Match]:
        """Matches in ``text`` (offsets in ``text``), longest names first, no overlaps."""
        form = self.language.match_form(text)
        found = []
        for match in self.find_in_form(form.text):
            start, end = form.source_span(match.start, match.end)
            found.append(Match(start, end, match.entity, match.form))
        return found

    def find_in_form(self, form_text: str) -> list[Match]:
        """Matches in text already in match form (offsets in that text)."""
        found = [
            Match(m.start("name"), m.end("name"), self._entities[m.group("name")], m.group("name"))
            for m in self._pattern.finditer(form_text)
        ]
        homographs = self.language.homographs
        if not homographs or not any(m.form in homographs for m in found):
            return found
        return [
            m
            for k, m in enumerate(found)
            if m.form not in homographs or _listed(form_text, found, k)
        ]


def _listed(text: str, found: list[Match], k: int) -> bool:
    """Whether ``found[k]`` stands in a list of names: another one just before or after it,
    with only a comma, a conjunction or brackets between."""
    here = found[k]
    before = found[k - 1] if k else None
    after = found[k + 1] if k + 1 < len(found) else None
    return (before is not None and len(text[before.end : here.start].strip(" ,،()")) <= 1) or (
        after is not None and len(text[here.end : after.start].strip(" ,،()")) <= 1
    )


def _names(row: dict[str, str], language: LanguagePack, *columns: str) -> list[str]:
    """The row's names in a language: single-valued columns, then the multi-valued last one."""
    *single, multi = columns
    found = [row.get(language.column(c), "") for c in single]
    found += cells(row.get(language.column(multi), ""))
    return [name for name in found if name]


def _table_names(language: LanguagePack) -> list[tuple[str, Entity]]:
    names: list[tuple[str, Entity]] = []
    for row in (*load_table("states"), *load_table("former_states")):
        entity = Entity(EntityKind.STATE, row["iso3"])
        names += [(n, entity) for n in _names(row, language, "name", "formal", "variants")]
    for row in load_table("organizations"):
        entity = Entity(EntityKind.ORGANIZATION, row["id"])
        names += [(n, entity) for n in _names(row, language, "name", "variants")]
    for row in load_table("instruments"):
        entity = Entity(EntityKind.INSTRUMENT, row["id"])
        names += [(n, entity) for n in _names(row, language, "name", "variants")]
    for row in load_table("places"):
        label = row.get(language.column("name"), "") or row["name_en"]
        entity = Entity(EntityKind.PLACE, row["id"], label, row["iso3"])
        names += [(n, entity) for n in _names(row, language, "name", "variants")]
    return names


@cache
def default_gazetteer(code: str) -> Gazetteer:
    """All States, organisations, instruments and places of the reference tables, by their
    names in one language."""
    language = lang.get(code)
    return Gazetteer(_table_names(language), language)


@cache
def short_instrument_names(code: str) -> Gazetteer:
    """Short forms of instruments (``Programme of Action``): only safe once the full name
    appeared."""
    language = lang.get(code)
    names: list[tuple[str, Entity]] = []
    for row in load_table("instruments"):
        entity = Entity(EntityKind.INSTRUMENT, row["id"])
        names.extend((name, entity) for name in cells(row.get(language.column("short"), "")))
    return Gazetteer(names, language)
