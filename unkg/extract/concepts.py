"""Find the concepts of ``data/concepts.tsv`` (roles, document types, relations, meeting kinds,
...) and topics of ``data/topics.tsv`` in match-form text, by their trigger phrases in the
document's language (the ``label_XX`` and ``triggers_XX`` columns)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from unkg import lang
from unkg.data import cells, load_table
from unkg.lang.base import LanguagePack
from unkg.text.matching import trie_pattern

__all__ = ["ConceptMatch", "ConceptMatcher", "concept_label", "concepts", "topics"]


@dataclass(frozen=True, slots=True)
class ConceptMatch:
    start: int
    end: int
    concept: str
    trigger: str


class ConceptMatcher:
    def __init__(
        self, triggers: dict[str, str], language: LanguagePack, proclitics: bool = True
    ) -> None:
        triggers = dict(triggers)
        if proclitics:
            for trigger, concept in list(triggers.items()):
                if len(trigger) > 3:
                    for variant in language.name_forms(trigger):
                        triggers.setdefault(variant, concept)
        self._triggers = triggers
        prefix = language.proclitics if proclitics else ""
        body = trie_pattern(triggers) if triggers else r"(?!)"
        self._pattern = re.compile(rf"(?<!\w){prefix}(?P<t>{body})(?!\w)")

    @property
    def pattern(self) -> re.Pattern[str]:
        return self._pattern

    def find(self, text: str) -> list[ConceptMatch]:
        return [
            ConceptMatch(m.start("t"), m.end("t"), self._triggers[m.group("t")], m.group("t"))
            for m in self._pattern.finditer(text)
        ]

    def first(self, text: str) -> ConceptMatch | None:
        found = self.find(text)
        return found[0] if found else None

    def at_start(self, text: str) -> ConceptMatch | None:
        m = self._pattern.match(text)
        if m is None:
            return None
        return ConceptMatch(m.start("t"), m.end("t"), self._triggers[m.group("t")], m.group("t"))


def _phrases(row: dict[str, str], language: LanguagePack) -> list[str]:
    label = row.get(language.column("label"), "")
    return [p for p in [label, *cells(row.get(language.column("triggers"), ""))] if p]


@cache
def concepts(scheme: str, code: str) -> ConceptMatcher:
    """The matcher of one scheme's triggers (label included) in one language."""
    language = lang.get(code)
    triggers: dict[str, str] = {}
    for row in load_table("concepts"):
        if row["scheme"] == scheme:
            for phrase in _phrases(row, language):
                triggers.setdefault(language.match_form(phrase).text, row["id"])
    return ConceptMatcher(triggers, language)


@cache
def topics(code: str) -> ConceptMatcher:
    language = lang.get(code)
    triggers: dict[str, str] = {}
    for row in load_table("topics"):
        for phrase in _phrases(row, language):
            form = language.match_form(phrase).text
            if len(form) >= 3:
                triggers.setdefault(form, row["id"])
    return ConceptMatcher(triggers, language)


@cache
def _labels() -> dict[tuple[str, str], dict[str, str]]:
    return {(row["scheme"], row["id"]): row for row in load_table("concepts")}


def concept_label(scheme: str, concept: str, language: str = "en") -> str:
    return _labels()[scheme, concept][f"label_{language}"]
