"""Numbers in right-to-left lines that a text layer wrote in display order.

A number is a left-to-right run inside a right-to-left line. Text layers that keep the
letters in reading order often leave the run's neighbours where they are drawn:

* the punctuation after a number stands before it: ``ديسمبر ،2017`` for ``ديسمبر 2017،``,
  ``.2015`` at a line start for ``2015.``, ``-58 وعملاً`` for the paragraph number
  ``58- وعملاً``, ``.1 السياق`` for the heading number ``1.``;
* the two ends of a range are swapped: ``21-20 كانون الأول`` for ``20-21``, ``2013-2012``,
  ``52-6`` for paragraphs 6 to 52. A range is only turned round when it descends, which a
  range never does as written; an ascending one is left as it is;
* the two numbers of a resolution's symbol are swapped: ``القرار 1/70`` for 70/1,
  ``255/64`` for 64/255, ``11/1997`` for the Council's 1997/11. UN numbers put the session
  (under 100) or the year first, so a pair after a resolution or decision word is turned
  round when it cannot be read that way: a year second, three digits before two, or a
  number under 31 (no session numbers its resolutions so) before a session;
* a sign that ends a line stands at its start, glued to the first word: ``.وأشرف ...`` for
  ``وأشرف ... .`` (no Arabic word starts with a full stop, colon or comma);
* a mark drawn on a letter before a punctuation sign follows the sign: ``أولا-ً`` for
  ``أولاً-``, ``منهن،ّ`` for ``منهنّ،``.
"""

from __future__ import annotations

import re

from unkg.lang.ar.script import LETTERS, MARKS
from unkg.repair.offsets import Edit

__all__ = [
    "move_leading_punctuation",
    "move_number_punctuation",
    "move_stray_marks",
    "reverse_number_pairs",
    "reverse_ranges",
]

_NUMBER = r"[0-9]+(?:[-\u2013/.][0-9]+)*"
# a sign glued before a number, after a space or the line's start, with a space or the
# line's end after the number; a dash only at a line start and before a word (``-58 وعملاً``),
# since ``-0.6`` in a table is a negative number
_LEADING_SIGN = re.compile(
    rf"(?:^|(?<=[ \t]))(?P<sign>[.\u060c\u061b:])(?P<number>{_NUMBER})(?=[ \t]|$)"
    rf"|^(?P<dash>-)(?P<paragraph>[0-9]{{1,3}})(?=[ \t]+[{LETTERS}])",
    re.MULTILINE,
)
# ``a-b``: two whole integers without leading zeros (not a job number ``18-00146``), and
# nothing numeric glued on either side (not a date ``2017-12-04``, not ``-0.6 -1.3``)
_RANGE = re.compile(
    r"(?<![0-9./,\-\u2013A-Za-z])(?P<a>[1-9][0-9]{0,3})(?P<dash>[-\u2013])(?P<b>[1-9][0-9]{0,3})"
    r"(?![0-9./,\-\u2013A-Za-z])"
)
_LATIN = re.compile("[A-Za-z]")
_ARABIC_LETTER = re.compile(f"[{LETTERS}]")
_STRAY_MARKS = re.compile(
    f"(?<=[{LETTERS}])(?P<sign>[-\u060c.,\u061b:!\u061f])(?P<marks>[{MARKS}]+)"
)


def move_number_punctuation(text: str) -> list[Edit]:
    """Put a sign that stands glued before a number after it (see the module docstring).

    >>> from unkg.repair import run_step
    >>> run_step(move_number_punctuation, "ديسمبر ،2017 وفي\\n.2015\\n-58 وعملاً")
    'ديسمبر 2017، وفي\\n2015.\\n58- وعملاً'
    """
    edits: list[Edit] = []
    for m in _LEADING_SIGN.finditer(text):
        sign, number = ("dash", "paragraph") if m.group("dash") else ("sign", "number")
        if not _arabic_line(text, m.start()):
            continue
        a, b = m.start(number), m.end(number)
        at = m.start(sign)
        edits.append(Edit(at, b, text[a:b] + text[at], [*range(a, b), at]))
    return edits


def reverse_ranges(text: str) -> list[Edit]:
    """Turn round a descending range of numbers in an Arabic line (see the module docstring).

    >>> from unkg.repair import run_step
    >>> run_step(reverse_ranges, "في الفترة 2013-2012 و21-20 كانون الأول و2017-2018 و18-00146")
    'في الفترة 2012-2013 و20-21 كانون الأول و2017-2018 و18-00146'
    """
    edits: list[Edit] = []
    for m in _RANGE.finditer(text):
        a, b = m.group("a"), m.group("b")
        if int(a) <= int(b):
            continue
        # a year with a shorter number is an abbreviation or a report number: ``2014-23``
        if (len(a) == 4) != (len(b) == 4):
            continue
        if not _arabic_line(text, m.start()) or _after_latin(text, m.start()):
            continue
        start, dash, end = m.start("a"), m.start("dash"), m.end("b")
        replacement = b + m.group("dash") + a
        origins = [*range(m.start("b"), end), dash, *range(start, dash)]
        edits.append(Edit(start, end, replacement, origins))
    return edits


_PAIR = re.compile(
    r"(?<![0-9./,\-\u2013A-Za-z])(?P<a>[1-9][0-9]{0,3})/(?P<b>[1-9][0-9]{0,3})"
    r"(?![0-9./,\-\u2013A-Za-z])"
)
# a resolution or decision word in the same clause before the pair
_RESOLUTION_WORD = re.compile(f"(?<![{LETTERS}])[وبل]?(?:ال)?(?:قرار|مقرر)[{LETTERS}]*")
_CLAUSE_END = re.compile(r"[.\u061b:]")
# a council whose resolutions are numbered session/number from session 1
_SESSION_FROM_ONE = re.compile("حقوق الإنسان|حقوق الانسان")


def _reversed_pair(a: str, b: str) -> bool:
    if len(b) == 4 and 1946 <= int(b) <= 2100:
        return len(a) < 4
    if len(a) >= 3:
        return len(b) <= 2
    return int(a) <= 30 < int(b) <= 99


def reverse_number_pairs(text: str) -> list[Edit]:
    """Turn round the two numbers of a resolution's symbol that a text layer swapped (see
    the module docstring).

    >>> from unkg.repair import run_step
    >>> run_step(reverse_number_pairs, "قرارها 1/70 و255/64 وقرار المجلس 11/1997 والقرار 63/72")
    'قرارها 70/1 و64/255 وقرار المجلس 1997/11 والقرار 63/72'
    """
    edits: list[Edit] = []
    for m in _PAIR.finditer(text):
        a, b = m.group("a"), m.group("b")
        if not _reversed_pair(a, b) or not _arabic_line(text, m.start()):
            continue
        window = text[max(0, m.start() - 100) : m.start()]
        words = list(_RESOLUTION_WORD.finditer(window))
        if not words or _CLAUSE_END.search(window, words[-1].end()):
            continue
        if _SESSION_FROM_ONE.search(window, words[-1].start()):
            continue
        start, slash, end = m.start("a"), m.end("a"), m.end("b")
        origins = [*range(m.start("b"), end), slash, *range(start, slash)]
        edits.append(Edit(start, end, b + "/" + a, origins))
    return edits


def move_stray_marks(text: str) -> list[Edit]:
    """Put diacritics that follow a punctuation sign back on the letter before it.

    >>> from unkg.repair import run_step
    >>> run_step(move_stray_marks, "أولا-\\u064b ورشة، منهن\\u060c\\u0651")
    'أولا\\u064b- ورشة، منهن\\u0651\\u060c'
    """
    edits: list[Edit] = []
    for m in _STRAY_MARKS.finditer(text):
        sign, marks = m.start("sign"), m.start("marks")
        edits.append(
            Edit(sign, m.end(), m.group("marks") + m.group("sign"), [*range(marks, m.end()), sign])
        )
    return edits


_LEADING = re.compile(
    f"^(?P<space>[ \t]*)(?P<sign>[.:\u060c\u061b])(?=[{LETTERS}])(?P<rest>.*?)[ \t]*$", re.M
)


def move_leading_punctuation(text: str) -> list[Edit]:
    """Put a sign glued before a line's first word at the line's end.

    >>> from unkg.repair import run_step
    >>> run_step(move_leading_punctuation, " .وأشرف الممثل على الانتخاب \\n:البلدان التالية")
    ' وأشرف الممثل على الانتخاب. \\nالبلدان التالية:'
    """
    edits: list[Edit] = []
    for m in _LEADING.finditer(text):
        sign, rest = m.start("sign"), m.end("rest")
        edits.append(
            Edit(sign, rest, m.group("rest") + m.group("sign"), [*range(sign + 1, rest), sign])
        )
    return edits


def _line(text: str, at: int) -> str:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return text[start : end if end >= 0 else len(text)]


def _arabic_line(text: str, at: int) -> bool:
    """The line of ``at`` holds an Arabic letter, or it holds none and the line before does
    (``.2015`` alone on a line ends the sentence above it)."""
    line = _line(text, at)
    if _ARABIC_LETTER.search(line) is not None:
        return True
    if _LATIN.search(line) is not None:
        return False
    start = text.rfind("\n", 0, at)
    return start > 0 and _ARABIC_LETTER.search(_line(text, start - 1)) is not None


def _after_latin(text: str, at: int) -> bool:
    """The nearest letter before ``at`` on its line is a Latin one (``No. 2014-23``)."""
    start = text.rfind("\n", 0, at) + 1
    for char in reversed(text[start:at]):
        if char.isalpha():
            return _LATIN.match(char) is not None
    return False
