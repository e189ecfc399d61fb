"""Repair text that PDF extraction broke, keeping every character's offset in the original.

:func:`repair` runs the steps below in order; each is a small pure function
``str -> (str, index map)`` that can be used and tested alone:

1. :func:`~unkg.repair.chars.normalize_newlines`
2. :func:`~unkg.repair.chars.strip_format_controls`
3. :func:`~unkg.repair.chars.fold_compatibility` (presentation forms, ligatures)
4. :func:`~unkg.repair.visual.reorder_visual_lines` (visual order, split lam-alef)
5. :func:`~unkg.repair.chars.digits_to_ascii`
6. :func:`~unkg.repair.chars.remove_tatweel`
7. :func:`~unkg.repair.chars.normalize_whitespace`
8. :func:`~unkg.repair.words.join_split_words` (cut and wrapped words), repeated
   until nothing more joins

Visual-order repair runs before tatweel removal, digit conversion and whitespace
normalisation because tatweel at a cut, Arabic-Indic digits and wide gaps are its clues; it
only touches lines that show them, so repaired text is never reordered again.
"""

from __future__ import annotations

from collections.abc import Callable

from unkg.repair.chars import (
    digits_to_ascii,
    fold_compatibility,
    normalize_newlines,
    normalize_whitespace,
    remove_tatweel,
    strip_format_controls,
)
from unkg.repair.offsets import Edit, Repaired, apply_edits
from unkg.repair.visual import reorder_visual_lines
from unkg.repair.words import join_split_words

__all__ = ["STEPS", "Repaired", "repair", "run_step"]

Step = Callable[[str], list[Edit]]

STEPS: tuple[Step, ...] = (
    normalize_newlines,
    strip_format_controls,
    fold_compatibility,
    reorder_visual_lines,
    digits_to_ascii,
    remove_tatweel,
    normalize_whitespace,
)
# Joining a word can make its neighbour joinable, so joining repeats until nothing changes;
# each pass removes a space, so it ends.
MAX_JOIN_PASSES = 8


def repair(original: str) -> Repaired:
    """Run the repair steps over ``original``.

    >>> r = repair("\\u0661\\u0662 \\u0640\\u0640\\u0645\\u0627\\u064a\\u0648")
    >>> r.text
    '12 مايو'
    >>> r.span(0, 2)
    (0, 2)
    """
    repaired = Repaired.unchanged(original)
    for step in STEPS:
        repaired = repaired.apply(step(repaired.text))
    for _ in range(MAX_JOIN_PASSES):
        edits = join_split_words(repaired.text)
        if not edits:
            break
        repaired = repaired.apply(edits)
    return repaired


def run_step(step: Step, text: str) -> str:
    """The text one step makes of ``text`` (for using a step on its own).

    >>> from unkg.repair.chars import remove_tatweel
    >>> run_step(remove_tatweel, "اجتمـــاع")
    'اجتماع'
    """
    return apply_edits(text, step(text))[0]
