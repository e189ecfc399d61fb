"""Find the concepts of ``data/concepts.tsv`` (roles, document types, relations, meeting kinds,
...) and topics of ``data/topics.tsv`` in match-form text, by their trigger phrases."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from unkg.data import cells, load_table
from unkg.extract.gazetteer import match_form, trie_pattern

__all__ = ["ConceptMatch", "ConceptMatcher", "concept_label", "concepts", "topics"]


@dataclass(frozen=True, slots=True)
class ConceptMatch:
    start: int
    end: int
    concept: str
    trigger: str


class ConceptMatcher:
    def __init__(self, triggers: dict[str, str], proclitics: bool = True) -> None:
        triggers = dict(triggers)
        if proclitics:
            for trigger, concept in list(triggers.items()):
                if trigger.startswith("ال") and len(trigger) > 3:
                    triggers.setdefault("ل" + trigger[1:], concept)  # ل + ال -> لل
        self._triggers = triggers
        prefix = r"(?:[وف])?(?:[بلك])?" if proclitics else ""
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


@cache
def concepts(scheme: str) -> ConceptMatcher:
    """The matcher of one scheme's triggers (label included)."""
    triggers: dict[str, str] = {}
    for row in load_table("concepts"):
        if row["scheme"] == scheme:
            for phrase in [row["label_ar"], *cells(row["triggers_ar"])]:
                triggers.setdefault(match_form(phrase).text, row["id"])
    return ConceptMatcher(triggers)


@cache
def topics() -> ConceptMatcher:
    triggers: dict[str, str] = {}
    for row in load_table("topics"):
        for phrase in [row["label_ar"], *cells(row["triggers_ar"])]:
            form = match_form(phrase).text
            if len(form) >= 3:
                triggers.setdefault(form, row["id"])
    return ConceptMatcher(triggers)


@cache
def _labels() -> dict[tuple[str, str], dict[str, str]]:
    return {(row["scheme"], row["id"]): row for row in load_table("concepts")}


def concept_label(scheme: str, concept: str, language: str = "en") -> str:
    return _labels()[scheme, concept][f"label_{language}"]
