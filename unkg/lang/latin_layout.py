"""How UN documents in Latin-script languages lay out their text: ``12.`` paragraphs (the
number alone on its line when the PDF puts it in the margin), ``(a)`` items, ``I.``
sections and ``A.`` sub-sections, ``Annex`` headings. The words are the pack's
(``layout.json``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from unkg.lang.frames import Heading, Layout

if TYPE_CHECKING:
    from unkg.lang.base import LanguagePack

__all__ = ["build_layout", "roman"]

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_SECTION = re.compile(r"^(?P<n>[IVXL]{1,6})\.\s*(?=\S|$)")
_SUBSECTION = re.compile(r"^(?P<n>[A-Z])\.\s+(?=[A-Z0-9\"'(])")
_LETTERS = {chr(ord("a") + i): i + 1 for i in range(26)}


def roman(numeral: str) -> int:
    """The value of a Roman numeral.

    >>> roman("XIV"), roman("iv")
    (14, 4)
    """
    values = [_ROMAN[c] for c in numeral.lower()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def heading(text: str) -> Heading | None:
    """``II. ORGANIZATION OF WORK`` (a section) or ``B. Opening`` (a sub-section).

    >>> heading("II. ORGANIZATION OF WORK")
    Heading(level=1, number=2, title_at=4)
    >>> heading("B. Opening of the session")
    Heading(level=2, number=2, title_at=3)
    >>> heading("12. The Committee held its session") is None
    True
    """
    m = _SECTION.match(text)
    if m:
        return Heading(1, roman(m.group("n")), m.end())
    m = _SUBSECTION.match(text)
    if m:
        return Heading(2, ord(m.group("n")) - ord("A") + 1, m.end())
    return None


def _damage(raw: str) -> float:
    # signs that extraction broke a line: letters spaced out, a word cut by a hyphen
    return 20 * len(re.findall(r"\b\w \w \w \w\b|\w-$", raw))


def _words(pack: LanguagePack, words: list[str]) -> str:
    """An alternation of words in match form, spaces as any white space."""
    forms = sorted({pack.word_key(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)


def build_layout(pack: LanguagePack) -> Layout:
    words = pack.data("layout")
    annex_words = frozenset(pack.word_key(w) for w in words["annex"])
    annex = re.compile(rf"(?:{'|'.join(map(re.escape, sorted(annex_words)))})(?:\s+[ivxl0-9]+)?\.?")

    def is_annex(text: str) -> bool:
        return bool(annex.fullmatch(pack.word_key(text)))

    return Layout(
        paragraph=re.compile(r"^(?P<n>\d{1,3})\.(?:\s+(?P<rest>\S.*))?$"),
        item=re.compile(r"^\((?P<label>[a-z]{1,2}|[ivx]{1,5}|\d{1,2})\)\s*(?P<rest>.*)$"),
        list_letters=_LETTERS,
        heading=heading,
        annex=is_annex,
        boilerplate=frozenset(pack.word_key(w) for w in words["boilerplate"]),
        boilerplate_patterns=tuple(re.compile(p) for p in words["boilerplate_patterns"]),
        title_openers=tuple(pack.word_key(w) for w in words["doc_title_openers"]),
        ends_sentence=re.compile(r"[.:;!?]\s*[\"')]?$"),
        damage=_damage,
        resolution_heading=re.compile(
            rf"^(?:(?:{_words(pack, words['resolution'])})\s+)?"
            r"(?P<number>\d{1,4})\s*\((?P<year>(?:19|20)\d\d)\)(?:\.|\s|$)"
        ),
        security_council=re.compile(rf"(?<!\w)(?:{_words(pack, words['security_council'])})(?!\w)"),
    )
