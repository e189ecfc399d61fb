"""The Arabic script as unkg reads it: the one set of letters and marks every Arabic step
uses, the match form, the word key, and the clitics of a word."""

from __future__ import annotations

import re
from functools import lru_cache

from unkg.text.matching import MatchForm, fold

__all__ = [
    "ARABIC",
    "DIGITS",
    "DUAL_JOINING",
    "INDIC_DIGITS",
    "LETTERS",
    "MARKS",
    "TATWEEL",
    "light_stem",
    "match_form",
    "strip_clitics",
    "word_key",
]

TATWEEL = "\u0640"
# letters of Arabic and of the languages written in it (Persian, Urdu), as character-class
# bodies; presentation forms are folded away by repair before these are used
LETTERS = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff"
MARKS = "\u064b-\u065f\u0670\u06d6-\u06ed"  # diacritics and Quranic marks
ARABIC = f"{LETTERS}{MARKS}{TATWEEL}"
INDIC_DIGITS = "\u0660-\u0669\u06f0-\u06f9"
DIGITS = f"0-9{INDIC_DIGITS}"
# letters that join on both sides: a word cut after one of them continues in the next run
DUAL_JOINING = frozenset("بتثجحخسشصضطظعغفقكلمنهيئىـ")
# the letters a table name or a trigger may carry before it: و ف (and), then ب ل ك
PROCLITICS = "(?:[وف])?(?:[بلك])?"

# Match form: no diacritics or tatweel, alef variants as bare alef, ta marbuta as ha, alef
# maqsura as ya.
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي"})
_MATCH_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]+")
_KEY_MARKS = re.compile(f"[{MARKS}{TATWEEL}]")


def match_form(text: str, table: dict[int, str] | None = None) -> MatchForm:
    """The match form of ``text``.

    >>> match_form("لسويسـرا").text
    'لسويسرا'
    """
    return fold(text, _FOLD if table is None else table, _MATCH_MARKS)


@lru_cache(maxsize=1 << 16)  # a document repeats its words; the corpus its vocabulary
def word_key(word: str) -> str:
    """A word without tatweel and diacritics: the form words are compared in."""
    return _KEY_MARKS.sub("", word)


def strip_clitics(token: str) -> str:
    """A match-form word without its conjunction, article and attached preposition.

    >>> [strip_clitics(w) for w in ("بتنفيذ", "والاتجار", "للدول", "برنامج")]
    ['تنفيذ', 'اتجار', 'دول', 'رنامج']
    """
    if len(token) > 3 and token[0] in "وف":
        token = token[1:]
    if token.startswith("لل"):
        return token[2:]
    if token.startswith(("بال", "كال", "فال")):
        return token[3:]
    if token.startswith("ال") and len(token) > 4:
        return token[2:]
    if token and token[0] in "بلك" and len(token) > 3:
        return token[1:]
    return token


# The light stemmer's affixes (after Larkey, Ballesteros and Connell's light10), longest first:
# conjunction, preposition and article before a word; pronoun and inflection endings after it.
_STEM_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
_STEM_SUFFIXES = (
    "هما", "كما", "تها", "هم", "هن", "كم", "ها", "نا", "ات", "ان", "ون", "ين", "ية", "يه",
    "ه", "ة", "ي", "ك", "ت", "ا",
)  # fmt: skip


def light_stem(word: str) -> str:
    """A word key without one prefix and one suffix, keeping at least three letters: the form
    two spellings of one word are compared in when a word list lacks the exact one.

    >>> [light_stem(w) for w in ("والاقتصادية", "بالأسلحة", "للخبراء", "إلى")]
    ['اقتصاد', 'أسلح', 'خبراء', 'إلى']
    """
    for prefix in _STEM_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            word = word[len(prefix) :]
            break
    for suffix in _STEM_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word
