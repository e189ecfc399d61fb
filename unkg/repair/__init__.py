"""Repair text that PDF extraction broke, keeping every character's offset in the original.

:func:`repair` runs the steps of the document's language pack in order
(:meth:`unkg.lang.base.LanguagePack.repair_steps`); each is a small pure function
``str -> list[Edit]`` that can be used and tested alone, and its edits carry the offsets.
The pack's join step (cut and wrapped words) then repeats until nothing more joins. The
language-independent steps are in :mod:`unkg.repair.chars`; a language's own are in its pack.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from unkg.repair.offsets import Edit, Repaired, apply_edits

if TYPE_CHECKING:
    from unkg.lang.base import LanguagePack

__all__ = ["Repaired", "repair", "run_step"]

Step = Callable[[str], list[Edit]]
# Joining a word can make its neighbour joinable, so joining repeats until nothing changes;
# each pass removes a space, so it ends.
MAX_JOIN_PASSES = 8


def repair(original: str, language: LanguagePack) -> Repaired:
    """Run a language's repair steps over ``original``.

    >>> from unkg.lang import get
    >>> r = repair("\\u0661\\u0662 \\u0640\\u0640\\u0645\\u0627\\u064a\\u0648", get("ar"))
    >>> r.text
    '12 مايو'
    >>> r.span(0, 2)
    (0, 2)
    """
    repaired = Repaired.unchanged(original)
    for step in language.repair_steps():
        repaired = repaired.apply(step(repaired.text))
    join = language.join_step()
    if join is not None:
        for _ in range(MAX_JOIN_PASSES):
            edits = join(repaired.text)
            if not edits:
                break
            repaired = repaired.apply(edits)
    return repaired


def run_step(step: Step, text: str) -> str:
    """The text one step makes of ``text`` (for using a step on its own).

    >>> from unkg.repair.chars import normalize_whitespace
    >>> run_step(normalize_whitespace, "two  spaces ")
    'two spaces'
    """
    return apply_edits(text, step(text))[0]
