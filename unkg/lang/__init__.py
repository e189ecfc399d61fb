"""Language packs, registered in one place, and the detection of a text's language.

The stages of the pipeline ask the document's pack (:class:`~unkg.lang.base.LanguagePack`)
for whatever depends on its language; none imports a pack. Adding a language is a new
folder ``unkg/lang/<code>/`` with a ``PACK``, a line in :data:`REGISTRY`, and the
reference tables' columns of that language.
"""

from __future__ import annotations

import importlib
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from unkg.lang.base import LanguagePack

__all__ = ["REGISTRY", "Detected", "LanguagePack", "detect", "get", "packs"]

# ISO 639-1 code -> the module holding the pack (imported when first asked for)
REGISTRY: dict[str, str] = {
    "ar": "unkg.lang.ar",
    "en": "unkg.lang.en",
    "es": "unkg.lang.es",
    "fr": "unkg.lang.fr",
}

# Scripts unkg tells apart, and the language of the UN's six each stands for when it has
# no pack: a text in Cyrillic is Russian, in Han characters Chinese.
_SCRIPTS = (
    ("Arab", re.compile("[\u0621-\u064a\u0671-\u06d3\ufb50-\ufdff\ufe70-\ufefc]")),
    ("Latn", re.compile("[A-Za-z\u00c0-\u024f]")),
    ("Cyrl", re.compile("[\u0400-\u04ff]")),
    ("Hani", re.compile("[\u4e00-\u9fff]")),
)
_UNPACKED = {"Cyrl": ("ru", "Russian"), "Hani": ("zh", "Chinese")}
_WORD = re.compile(r"[a-zà-ÿ]+")
SAMPLE = 200_000  # characters looked at: enough for any document, bounded for huge files


@cache
def get(code: str) -> LanguagePack:
    """The pack of a language by its ISO 639-1 code.

    >>> get("ar").code3
    'ara'
    """
    if code not in REGISTRY:
        raise KeyError(f"no language pack for {code!r}; packs: {', '.join(sorted(REGISTRY))}")
    pack = importlib.import_module(REGISTRY[code]).PACK
    assert isinstance(pack, LanguagePack)
    return pack


def packs() -> tuple[LanguagePack, ...]:
    """Every registered pack, in code order."""
    return tuple(get(code) for code in sorted(REGISTRY))


@dataclass(frozen=True, slots=True)
class Detected:
    """A text's language: its code and name, and its pack when unkg has one."""

    code: str
    name: str
    pack: LanguagePack | None


def detect(text: str) -> Detected | None:
    """The language of a text from its script and, for Latin script, its function words;
    ``None`` when it holds no letters of a script unkg knows.

    Arabic documents carry Latin symbols and footers, so Arabic wins from a third of the
    letters on.

    >>> detect("إن الجمعية العامة، إذ تشير إلى قرارها 63/72 (A/RES/63/72)").code
    'ar'
    >>> detect("The General Assembly, recalling its resolution 63/72 of 2 December").code
    'en'
    >>> detect("Генеральная Ассамблея, ссылаясь на свою резолюцию 63/72").name
    'Russian'
    """
    sample = text[:SAMPLE]
    counts = {script: len(pattern.findall(sample)) for script, pattern in _SCRIPTS}
    letters = sum(counts.values())
    if not letters:
        return None
    if counts["Arab"] >= letters / 3:
        return _detected("ar")
    script = max(counts, key=lambda s: counts[s])
    if script in _UNPACKED:
        code, name = _UNPACKED[script]
        return Detected(code, name, None)
    words = Counter(_WORD.findall(sample.lower()))
    latin = [get(code) for code in sorted(REGISTRY) if get(code).script.code == "Latn"]
    if not latin:
        return Detected("und", "a language in Latin script", None)
    scores = {p.code: sum(words[w] for w in p.function_words) for p in latin}
    best = max(scores, key=lambda c: (scores[c], c == "en"))
    return _detected(best)


def _detected(code: str) -> Detected:
    pack = get(code)
    return Detected(code, pack.name, pack)
