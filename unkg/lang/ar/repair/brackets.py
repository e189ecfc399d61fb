"""Brackets and quotation marks a text layer wrote as drawn in a right-to-left line.

In a right-to-left line an opening bracket is drawn with the glyph of a closing one; text
layers that map glyphs back to characters give ``)الإسكوا(`` for ``(الإسكوا)`` and ``)أ(``
for ``(أ)``. Quotation marks come out the same way: ``”الأشخاص ذوي الإعاقة“``.

A line is only touched when its brackets do not pair as they stand (a closing one before any
opening one, or one left open): then each ``)...(`` holding Arabic or a number, with no
bracket inside, is turned round, and a lone bracket glued to an Arabic word on the wrong
side (``)بالنسبة`` at a line's end) too, if that leaves fewer brackets unpaired. A bracket
round Latin text only (``(Part I)``) is never turned.
"""

from __future__ import annotations

import re

from unkg.lang.ar.script import LETTERS
from unkg.repair.offsets import Edit

__all__ = ["mirror_brackets"]

_PAIRS = (("(", ")"), ("[", "]"), ("\u201c", "\u201d"))
_FLIP = {"(": ")", ")": "(", "[": "]", "]": "[", "\u201c": "\u201d", "\u201d": "\u201c"}
_ANY = re.compile("[()\\[\\]\u201c\u201d]")
_LATIN = re.compile("[A-Za-z]")
_CONTENT = re.compile(f"[{LETTERS}0-9%]")


def _unpaired(line: str, opening: str, closing: str) -> int:
    depth = missing = 0
    for char in line:
        if char == opening:
            depth += 1
        elif char == closing:
            if depth:
                depth -= 1
            else:
                missing += 1
    return depth + missing


def _flips(line: str, opening: str, closing: str) -> list[int]:
    """Indexes of the brackets of one kind to turn round in a line that does not pair."""
    # the mirrored pairs: a closing glyph, content without brackets, an opening glyph
    mirrored = re.compile(f"{re.escape(closing)}([^()\\[\\]\u201c\u201d]*){re.escape(opening)}")
    flips: list[int] = []
    for m in mirrored.finditer(line):
        inside = m.group(1)
        if _CONTENT.search(inside) is None:
            continue
        if _LATIN.search(inside) is not None and re.search(f"[{LETTERS}]", inside) is None:
            continue  # Latin text only: drawn left to right, as it stands
        flips.extend((m.start(), m.end() - 1))
    taken = set(flips)
    arabic = f"[{LETTERS}0-9]"
    for k, char in enumerate(line):
        if k in taken or char not in (opening, closing):
            continue
        before = line[k - 1] if k else " "
        after = line[k + 1] if k + 1 < len(line) else " "
        # an opening drawn as closing: glued to the word after it, free before
        inner, outer = (after, before) if char == closing else (before, after)
        if re.match(arabic, inner) and not re.match(arabic, outer):
            flips.append(k)
    return sorted(flips)


def mirror_brackets(text: str) -> list[Edit]:
    """Turn round the brackets and quotation marks of lines whose brackets do not pair.

    >>> from unkg.repair import run_step
    >>> run_step(mirror_brackets, "اللجنة )الإسكوا( و)أ( (Part I)")
    'اللجنة (الإسكوا) و(أ) (Part I)'
    >>> run_step(mirror_brackets, "(أ) الأطر الوطنية (ب) الإقليمية")
    '(أ) الأطر الوطنية (ب) الإقليمية'
    """
    edits: list[Edit] = []
    offset = 0
    for line in text.split("\n"):
        if _ANY.search(line) is not None:
            for opening, closing in _PAIRS:
                before = _unpaired(line, opening, closing)
                if not before:
                    continue
                flips = _flips(line, opening, closing)
                if not flips:
                    continue
                chars = list(line)
                for k in flips:
                    chars[k] = _FLIP[chars[k]]
                if _unpaired("".join(chars), opening, closing) < before:
                    edits.extend(Edit(offset + k, offset + k + 1, _FLIP[line[k]]) for k in flips)
        offset += len(line) + 1
    edits.sort(key=lambda e: e.start)
    return edits
