"""Put back the two letters of a lam-alef ligature that PDF extraction swapped.

A PDF draws lam + alef (``لا``, ``لأ``, ``لإ``, ``لآ``) as one glyph; many text layers map that
glyph back to its letters in the wrong order, alef first: ``الأمم`` comes out as ``األمم``,
``الإسكوا`` as ``اإلسكوا``, ``الاقتصادية`` as ``االقتصادية``, ``للإحصاءات`` as ``لإلحصاءات``,
``لا`` as ``ال``. Whether an alef + lam in a word is such a pair or the letters as written
(the article ``ال``, ``إلى``, ``مسألة``) is decided from the word:

* two alefs never stand side by side in an Arabic word (``اأ``, ``اا``): the alef + lam
  after them is swapped;
* otherwise the spelling the word list (:mod:`unkg.lang.ar.repair.lexicon`) knows best wins.

A document whose text layer swaps lam-alef swaps every one, so the step first looks at the
whole text: with many words of two alefs and few articles followed by an alef (``الأ``), any
alef + lam may be swapped and the likelier spelling is taken; in a document without that
damage only a spelling the word list does not know is changed, and only into one it knows.
"""

from __future__ import annotations

import re
from functools import lru_cache

from unkg.lang.ar.repair.lexicon import WordList, word_list
from unkg.lang.ar.script import LETTERS, MARKS, word_key
from unkg.repair.offsets import Edit

__all__ = ["swap_lam_alef"]

_ALEFS = "اأإآ"
# a word holding an alef (with its marks) followed by a lam
_CANDIDATE = re.compile(f"[{LETTERS}{MARKS}]*[{_ALEFS}][{MARKS}]*ل[{LETTERS}{MARKS}]*")
_SITE = re.compile(f"([{_ALEFS}][{MARKS}]*)(ل)")
_DOUBLE_ALEF = re.compile(f"[{_ALEFS}][{_ALEFS}]")
# signs of the damage and of its absence, at the start of a word after its conjunction and
# preposition: "األ" / "اال" (swapped) against "الأ" / "الا" (as written)
_SWAPPED_SIGN = re.compile(f"(?<![{LETTERS}])[وفبك]?ا[{_ALEFS}]ل")
_CLEAN_SIGN = re.compile(f"(?<![{LETTERS}])[وفبك]?ال[{_ALEFS}]")
_MAX_SITES = 4  # 16 spellings at most per word
MIN_SIGNS = 3


def document_swaps(text: str) -> bool:
    """Does the text layer swap lam-alef throughout (see the module docstring)?

    >>> document_swaps("األمم المتحدة واالقتصادية اإلسكوا")
    True
    >>> document_swaps("الأمم المتحدة والاقتصادية الإسكوا")
    False
    """
    swapped = len(_SWAPPED_SIGN.findall(text))
    return swapped >= MIN_SIGNS and swapped > 2 * len(_CLEAN_SIGN.findall(text))


def _spellings(word: str) -> list[tuple[str, list[int]]]:
    """Every spelling of ``word`` with some of its alef + lam pairs swapped, with the index map
    of each (the word itself first)."""
    sites = [(m.start(1), m.end(1), m.end(2)) for m in _SITE.finditer(word)][:_MAX_SITES]
    out = []
    for mask in range(1 << len(sites)):
        chars: list[int] = []
        position = 0
        for k, (alef, lam, end) in enumerate(sites):
            if mask >> k & 1:
                chars.extend(range(position, alef))
                chars.append(lam)
                chars.extend(range(alef, lam))
                position = end
        chars.extend(range(position, len(word)))
        out.append(("".join(word[i] for i in chars), chars))
    return out


@lru_cache(maxsize=1 << 15)
def _best(word: str, swaps: bool) -> tuple[str, tuple[int, ...]] | None:
    """The spelling to write for ``word`` and its index map, or None to keep it."""
    words: WordList = word_list()
    spellings = _spellings(word)
    valid = [(s, m) for s, m in spellings if not _DOUBLE_ALEF.search(word_key(s))]
    if not valid:
        return None
    original_valid = valid[0][0] == word
    scored = [(words.score(word_key(s)), -k, s, m) for k, (s, m) in enumerate(valid)]
    score, _, best, index = max(scored)
    if original_valid:
        if best == word:
            return None
        own = scored[0][0]
        # without the damage throughout, only an unknown word becomes a listed one
        if not swaps and (own > 0 or score < 3 or len(word_key(word)) < 4):
            return None
        if score <= own:
            return None
    elif score == 0:
        # no spelling is known: undo the swap that made the two alefs, and only that
        best, index = valid[-1] if len(valid) == 1 else _fewest_swaps(word, valid)
    return best, tuple(index)


def _fewest_swaps(word: str, valid: list[tuple[str, list[int]]]) -> tuple[str, list[int]]:
    def changed(item: tuple[str, list[int]]) -> int:
        return sum(1 for a, b in zip(item[0], word, strict=True) if a != b)

    return min(valid, key=changed)


def swap_lam_alef(text: str) -> list[Edit]:
    """Reorder the letters of lam-alef ligatures a text layer swapped (see the module docstring).

    >>> from unkg.repair import run_step
    >>> run_step(swap_lam_alef, "األمم المتحدة واللجنة االقتصادية اإلسكوا ال تزال لإلحصاءات")
    'الأمم المتحدة واللجنة الاقتصادية الإسكوا لا تزال للإحصاءات'
    """
    swaps = document_swaps(text)
    edits: list[Edit] = []
    for m in _CANDIDATE.finditer(text):
        word = m.group()
        best = _best(word, swaps)
        if best is None:
            continue
        spelling, index = best
        start = m.start()
        # only the stretch that changed is replaced
        low = next(k for k in range(len(word)) if spelling[k] != word[k])
        high = max(k for k in range(len(word)) if spelling[k] != word[k]) + 1
        origins = [start + i for i in index[low:high]]
        edits.append(Edit(start + low, start + high, spelling[low:high], origins))
    return edits
