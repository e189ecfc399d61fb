"""What the packs of languages written in Latin script share: a match form in lower case
without accents (``Côte d'Ivoire`` and ``COTE D'IVOIRE`` read alike), typographic
apostrophes and dashes folded, the ordinal indicators of Spanish as letters, and hyphenated
words joined across a line break."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

from unkg.lang.base import LanguagePack, Script
from unkg.repair.offsets import Edit
from unkg.text.matching import MatchForm, fold

__all__ = ["LATIN", "LatinPack", "join_hyphenated"]

LATIN = Script("Latn", "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f")

_TYPOGRAPHIC = {
    "\u2018": "'",
    "\u2019": "'",
    "\u02bc": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u00a0": " ",
    "\u00aa": "a",  # 92ª
    "\u00ba": "o",  # 1º
    "\u00b0": "o",  # 12° período: the degree sign typed for º
}


@cache
def _fold_table() -> dict[int, str]:
    table: dict[str, str] = dict(_TYPOGRAPHIC)
    for code in range(0x41, 0x250):
        char = chr(code)
        if char in table or not char.isalpha():
            continue
        base = unicodedata.normalize("NFD", char)[0].lower()
        if len(base) == 1 and base != char:
            table[char] = base
    return str.maketrans(table)


def latin_match_form(text: str) -> MatchForm:
    """Lower case, no accents, plain apostrophes and dashes; one character for one.

    >>> latin_match_form("Côte d’Ivoire – Türkiye").text
    "cote d'ivoire - turkiye"
    """
    return fold(text, _fold_table(), None)


# a word cut at a line end with a hyphen: "develop-\nment"; kept when the hyphen belongs to
# the word ("follow-\nup" is rare and reads as "followup", a loss accepted for the gain)
_HYPHENATED = re.compile(r"(?<=[a-z\u00df-\u00ff])-\n(?=[a-z\u00df-\u00ff])")


def join_hyphenated(text: str) -> list[Edit]:
    """Delete a hyphen and line break that cut a lower-case word in two."""
    return [Edit(m.start(), m.end(), "") for m in _HYPHENATED.finditer(text)]


class LatinPack(LanguagePack):
    """A pack of a language in Latin script; the language supplies its data files."""

    script = LATIN

    def match_form(self, text: str) -> MatchForm:
        return latin_match_form(text)

    def word_key(self, word: str) -> str:
        return latin_match_form(word).text

    def data(self, name: str) -> Any:
        return _load(self.package, name)

    def repair_steps(self) -> tuple[Any, ...]:
        from unkg.repair.chars import (
            fold_compatibility,
            normalize_newlines,
            normalize_whitespace,
            strip_format_controls,
        )

        return (
            normalize_newlines,
            strip_format_controls,
            fold_compatibility,
            normalize_whitespace,
            join_hyphenated,
        )


@cache
def _load(package: str, name: str) -> Any:
    import json
    from importlib import resources

    text = resources.files(package).joinpath(f"{name}.json").read_text(encoding="utf-8")
    return json.loads(text)
