"""What every language pack provides: the seam between the pipeline and one language.

A pack is a subclass of :class:`LanguagePack` in ``unkg/lang/<code>/``, registered in
:mod:`unkg.lang`. The stages never import a pack; they ask the document's pack for what is
language-specific: its repair steps, its match form and clitics, its sentence frames
(:class:`~unkg.lang.frames.Patterns`), its word lists, the layout words of its documents,
its date words, the column suffix of the reference tables and the RDF language tag.
Word lists live in the pack's JSON files, read on first use.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from typing import TYPE_CHECKING, Any

from unkg.text.matching import MatchForm, fold

if TYPE_CHECKING:
    from unkg.lang.frames import DateWords, Layout, Patterns
    from unkg.repair.offsets import Edit

__all__ = ["LanguagePack", "Step"]

Step = Callable[[str], "list[Edit]"]

# Typographic forms folded to plain ones in every match form (one character each), so a
# pattern written with ' or " or - matches what word processors print.
_TYPOGRAPHIC = {
    "\u2018": "'",
    "\u2019": "'",
    "\u02bc": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u00a0": " ",
}


@dataclass(frozen=True, slots=True)
class Script:
    """A writing system: its ISO 15924 code and a character class of its letters."""

    code: str
    letters: str  # a regular-expression character class body: "a-zA-Z..."
    direction: str = "ltr"


class LanguagePack:
    """One language's knowledge. Subclasses set the class attributes and override what
    their language does differently; everything is computed on first use and kept."""

    code: str  # ISO 639-1: the RDF language tag and the reference tables' column suffix
    code3: str  # ISO 639-3: the language expression of a document (/ara, /eng)
    name: str
    script: Script
    package: str  # the pack's module, where its data files are
    # words that tell this language from others of its script (lower case)
    function_words: frozenset[str] = frozenset()

    # -- data ------------------------------------------------------------------------------
    def data(self, name: str) -> Any:
        """The pack's ``name.json`` (read once)."""
        return self._data.setdefault(name, _read_json(self.package, name))

    @cached_property
    def _data(self) -> dict[str, Any]:
        return {}

    def column(self, name: str) -> str:
        """The reference-table column of this language: ``name_ar``, ``triggers_en``."""
        return f"{name}_{self.code}"

    # -- text ------------------------------------------------------------------------------
    @cached_property
    def _fold_table(self) -> dict[int, str]:
        return str.maketrans(_TYPOGRAPHIC)

    @cached_property
    def _drop(self) -> re.Pattern[str] | None:
        return None

    def match_form(self, text: str) -> MatchForm:
        """The form patterns and names are compared in (offsets kept)."""
        return fold(text, self._fold_table, self._drop)

    def word_key(self, word: str) -> str:
        """A word as layout words are compared (marks dropped, case kept)."""
        return self.match_form(word).text

    # names and triggers: what may stand before a name and still be the name ("and", "in")
    proclitics: str = ""

    def name_forms(self, form: str) -> list[str]:
        """Further match forms of a table name in running text (Arabic ل + ال -> لل)."""
        return []

    def strip_clitics(self, token: str) -> str:
        """A word of a meeting's subject without its article and attached particles."""
        return token

    @cached_property
    def homographs(self) -> frozenset[str]:
        """Names (match form) that are also common words: a name only among other names."""
        try:
            words = self.data("words")
        except FileNotFoundError:
            return frozenset()
        return frozenset(self.match_form(w).text for w in words.get("homographs", ()))

    # -- stages ------------------------------------------------------------------------------
    def repair_steps(self) -> tuple[Step, ...]:
        """The repair steps, in order, for text extracted from this language's documents."""
        from unkg.repair.chars import (
            fold_compatibility,
            normalize_newlines,
            normalize_whitespace,
            strip_format_controls,
        )

        return (normalize_newlines, strip_format_controls, fold_compatibility, normalize_whitespace)

    def join_step(self) -> Step | None:
        """A step repeated after the others until it changes nothing (joining cut words)."""
        return None

    def patterns(self) -> Patterns:
        """The named sentence frames (built once)."""
        return self._patterns

    @cached_property
    def _patterns(self) -> Patterns:
        raise NotImplementedError(f"the {self.name} pack has no sentence frames")

    def layout(self) -> Layout:
        """The layout words and markers of this language's documents (built once)."""
        return self._layout

    @cached_property
    def _layout(self) -> Layout:
        raise NotImplementedError(f"the {self.name} pack has no layout words")

    def date_words(self) -> DateWords:
        return self._date_words

    @cached_property
    def _date_words(self) -> DateWords:
        raise NotImplementedError(f"the {self.name} pack has no date words")

    def transliteration(self) -> dict[str, str]:
        """Letters of the script -> ASCII, for readable IRI slugs (not a romanisation)."""
        return {}

    def __repr__(self) -> str:
        return f"<language pack {self.code} ({self.name})>"


def _read_json(package: str, name: str) -> Any:
    text = resources.files(package).joinpath(f"{name}.json").read_text(encoding="utf-8")
    return json.loads(text)
