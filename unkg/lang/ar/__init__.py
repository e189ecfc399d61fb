"""The Arabic pack: Arabic UN documents as unkg reads them.

Data files beside this module (read on first use): ``months.json`` (Levantine and Western
month names), ``numbers.json`` (ordinals, cardinals, section adverbs, letter names, list
letters), ``words.json`` (stop words of meeting names, honorifics), ``layout.json`` (annex
words, first-page boilerplate, title openers), ``translit.json`` (ASCII letters for IRI
slugs). The repair steps for PDF-broken Arabic are in ``repair/``.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from unkg.lang.ar.data import load, month_names
from unkg.lang.ar.script import LETTERS
from unkg.lang.base import LanguagePack, Script, Step
from unkg.lang.frames import DateWords, Layout, Patterns
from unkg.text.matching import MatchForm

__all__ = ["PACK", "ArabicPack", "load", "month_names"]


class ArabicPack(LanguagePack):
    code = "ar"
    code3 = "ara"
    name = "Arabic"
    package = __name__

    # the letters with their presentation forms: what a text shows before repair
    script = Script("Arab", LETTERS + "\ufb50-\ufdff\ufe70-\ufefc", "rtl")

    def data(self, name: str) -> Any:
        return load(name)

    def match_form(self, text: str) -> MatchForm:
        from unkg.lang.ar.script import match_form

        return match_form(text)

    def word_key(self, word: str) -> str:
        from unkg.lang.ar.script import word_key

        return word_key(word)

    proclitics = "(?:[وف])?(?:[بلك])?"

    def name_forms(self, form: str) -> list[str]:
        # ل + ال contracts to لل: "للولايات المتحدة"
        return ["ل" + form[1:]] if form.startswith("ال") else []

    def strip_clitics(self, token: str) -> str:
        from unkg.lang.ar.script import strip_clitics

        return strip_clitics(token)

    def repair_steps(self) -> tuple[Step, ...]:
        # visual-order repair runs before tatweel removal, digit conversion and whitespace
        # normalisation: tatweel at a cut, Arabic-Indic digits and wide gaps are its clues,
        # and it only touches lines that show them, so repaired text is never reordered again.
        # The display-order damage of text layers that keep letters in reading order comes
        # after: swapped lam-alef, mirrored brackets, symbols drawn right to left, numbers'
        # punctuation and ranges.
        from unkg.lang.ar.repair.brackets import mirror_brackets
        from unkg.lang.ar.repair.chars import digits_to_ascii, remove_tatweel
        from unkg.lang.ar.repair.ligatures import swap_lam_alef
        from unkg.lang.ar.repair.numbers import (
            move_leading_punctuation,
            move_number_punctuation,
            move_stray_marks,
            reverse_number_pairs,
            reverse_ranges,
        )
        from unkg.lang.ar.repair.symbols import restore_reversed_symbols
        from unkg.lang.ar.repair.visual import reorder_visual_lines
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
            reorder_visual_lines,
            digits_to_ascii,
            remove_tatweel,
            swap_lam_alef,
            move_stray_marks,
            mirror_brackets,
            restore_reversed_symbols,
            move_leading_punctuation,
            move_number_punctuation,
            reverse_ranges,
            reverse_number_pairs,
            normalize_whitespace,
        )

    def join_step(self) -> Step | None:
        from unkg.lang.ar.repair.words import join_split_words

        return join_split_words

    @cached_property
    def _patterns(self) -> Patterns:
        from unkg.lang.ar.patterns import build_patterns

        return build_patterns(self)

    @cached_property
    def _layout(self) -> Layout:
        from unkg.lang.ar.layout import build_layout

        return build_layout(self)

    @cached_property
    def _date_words(self) -> DateWords:
        return DateWords(
            months={form: number for form, (number, _) in month_names().items()},
            range_separator=r"-|–|إلى|حتى",
            pair_separator=r"\s+و\s*",
            day=r"[0-9]{1,2}",
            day_month=r"\s+",
            month_year=r"\s*،?\s*",
        )

    def transliteration(self) -> dict[str, str]:
        return dict(load("translit")["letters"])


PACK = ArabicPack()
