"""How Arabic UN documents lay out their text: ``12 - ...`` paragraphs, ``(أ)`` items,
``أولا -`` sections and ``ألف -`` sub-sections, ``المرفق`` annexes."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from unkg.lang.ar.data import load
from unkg.lang.ar.script import word_key
from unkg.lang.frames import Heading, Layout

if TYPE_CHECKING:
    from unkg.lang.base import LanguagePack

__all__ = ["build_layout"]

_DASH = r"\s*[-\u2013\u2014]\s*"
_HEAD = re.compile(rf"^\S+(?:\s+عشر)?(?:{_DASH})?")  # "ثاني عشر -": a compound adverb
_ANNEX = re.compile(r"(?:ال)?مرفق\s+\S+")
_DAMAGE = re.compile(r"(?:^|\s)\u0640|\S {3,}\S|(?:^|\s)ا(?:\s|$)")


@cache
def _heading_words() -> tuple[tuple[int, str, tuple[str, str], int], ...]:
    """(level, word, what the word followed by a space or a dash starts with, number) of the
    section adverbs and then the sub-section letter names, in table order."""
    numbers = load("numbers")
    return tuple(
        (level, word, (word + " ", word + "-"), number)
        for level, table in ((1, numbers["section_adverbs"]), (2, numbers["letter_names"]))
        for word, number in table.items()
    )


def heading(text: str) -> Heading | None:
    """A section (``ثانيا - ...``) or sub-section (``باء - ...``) heading.

    >>> heading("ثانيا - تنظيم الأعمال")
    Heading(level=1, number=2, title_at=8)
    >>> heading("باء") is None  # a bare sub-section word is no heading
    True
    """
    key = word_key(text)
    for level, word, followed, number in _heading_words():
        if key == word or key.startswith(followed):
            rest = _HEAD.match(text)
            title_at = rest.end() if rest else len(text)
            has_dash = bool(re.search(r"[-\u2013\u2014]", text[:title_at]))
            # a bare sub-section word ("باء") is only a heading with a dash and a title;
            # a bare section adverb ("أولا") on its own line is one
            if level == 2 and not has_dash:
                return None
            if key != word and not has_dash:
                return None
            return Heading(level, number, title_at)
    return None


def _annex(text: str) -> bool:
    key = word_key(text)
    return key in _annex_words() or bool(_ANNEX.fullmatch(key))


@cache
def _annex_words() -> frozenset[str]:
    return frozenset(load("layout")["annex"])


def _damage(raw: str) -> float:
    return raw.count("\u0640") + 20 * len(_DAMAGE.findall(raw))


def build_layout(pack: LanguagePack) -> Layout:
    words = load("layout")
    return Layout(
        paragraph=re.compile(rf"^(?P<n>\d{{1,3}}){_DASH}(?P<rest>\S.*)?$"),
        item=re.compile(r"^\((?P<label>[^\s()]{1,3})\)\s*(?P<rest>.*)$"),
        list_letters=dict(load("numbers")["list_letters"]),
        heading=heading,
        annex=_annex,
        boilerplate=frozenset(words["boilerplate"]),
        boilerplate_patterns=tuple(re.compile(p) for p in words["boilerplate_patterns"]),
        title_openers=tuple(word_key(w) for w in words["doc_title_openers"]),
        ends_sentence=re.compile(r"[.:\u061b!\u061f]\s*[\"”“»)]?$"),
        damage=_damage,
        resolution_heading=re.compile(
            r"^(?:ال)?قرار\s+(?P<number>\d{1,4})\s*\((?P<year>(?:19|20)\d\d)\)(?!\S)"
        ),
        security_council=re.compile(r"(?<!\w)(?:[وفبل]|لل)?مجلس\s+الامن(?!\w)"),
    )
