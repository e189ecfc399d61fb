"""Repair text that PDF extraction broke, keeping every character's offset in the original.

:func:`repair` runs the steps below in order; each is a small pure function
``str -> (str, index map)`` that can be used and tested alone:

1. :func:`~unkg.extract.repair.chars.normalize_newlines`
2. :func:`~unkg.extract.repair.chars.strip_format_controls`
3. :func:`~unkg.extract.repair.chars.fold_compatibility` (presentation forms, ligatures)
4. :func:`~unkg.extract.repair.chars.digits_to_ascii`
5. :func:`~unkg.extract.repair.visual.reorder_visual_lines` (visual order, split lam-alef)
6. :func:`~unkg.extract.repair.chars.remove_tatweel`
7. :func:`~unkg.extract.repair.chars.normalize_whitespace`
8. :func:`~unkg.extract.repair.words.join_split_words` (cut and wrapped words)

Visual-order repair runs before tatweel removal because tatweel at a cut is its best clue.
"""

from __future__ import annotations

from collections.abc import Callable
from array import array

from unkg.extract.repair.chars import (
    digits_to_ascii,
    fold_compatibility,
    normalize_newlines,
    normalize_whitespace,
    remove_tatweel,
    strip_format_controls,
)
from unkg.extract.repair.offsets import Repaired
from unkg.extract.repair.visual import reorder_visual_lines
from unkg.extract.repair.words import join_split_words

__all__ = ["STEPS", "Repaired", "repair"]

Step = Callable[[str], tuple[str, "array[int]"]]

STEPS: tuple[Step, ...] = (
    normalize_newlines,
    strip_format_controls,
    fold_compatibility,
    digits_to_ascii,
    reorder_visual_lines,
    remove_tatweel,
    normalize_whitespace,
    join_split_words,
)


def repair(original: str, steps: tuple[Step, ...] = STEPS) -> Repaired:
    """Run the repair steps over ``original``.

    >>> r = repair("\\u0661\\u0662 \\u0640\\u0640\\u0645\\u0627\\u064a\\u0648")
    >>> r.text
    '12 مايو'
    >>> r.span(0, 2)
    (0, 2)
    """
    repaired = Repaired.unchanged(original)
    for step in steps:
        text, index = step(repaired.text)
        if text != repaired.text:
            repaired = repaired.then(text, index)
    return repaired
