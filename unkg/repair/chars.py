"""Character-level repair steps: small pure functions ``str -> list[Edit]``.

Each step changes one kind of thing and nothing else, so a test can state exactly what it
does; :func:`unkg.repair.offsets.apply_edits` turns its edits into the new text and
its offset map. The tables are built on first use from :mod:`unicodedata` (no work at
import).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from unkg.repair.offsets import Edit

__all__ = [
    "fold_compatibility",
    "normalize_newlines",
    "normalize_whitespace",
    "strip_format_controls",
]


# Blocks whose characters are display variants of ordinary ones: Arabic Presentation Forms-A
# and -B, Latin ligatures, and the odd spaces PDF extractors emit.
_COMPAT_RANGES = (
    (0xFB00, 0xFB06),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFE),
    (0x00A0, 0x00A0),
    (0x2000, 0x200A),
    (0x202F, 0x202F),
    (0x205F, 0x205F),
    (0x3000, 0x3000),
)

# Invisible controls with no meaning in extracted text: zero-width characters, bidi
# embeddings/isolates/marks, soft hyphen, BOM inside the text.
_FORMAT_CONTROLS = re.compile("[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]+")

_NEWLINES = re.compile("\r\n|[\r\u2028\u2029\u000b\u000c\u0085]")

_SPACES = re.compile(r"[ \t]{2,}|\t| +$|^ +", re.MULTILINE)


@cache
def _compat_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for low, high in _COMPAT_RANGES:
        for code in range(low, high + 1):
            char = chr(code)
            folded = unicodedata.normalize("NFKC", char)
            if folded != char:
                table[char] = folded
    return table


@cache
def _compat_pattern() -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(_compat_table())) + "]")


def _delete(text: str, pattern: re.Pattern[str]) -> list[Edit]:
    return [Edit(m.start(), m.end(), "") for m in pattern.finditer(text)]


def normalize_newlines(text: str) -> list[Edit]:
    """CR LF, CR, form feed and Unicode line/paragraph separators become ``\\n``.

    >>> normalize_newlines("a\\r\\nb")
    [Edit(start=1, end=3, replacement='\\n', origins=None)]
    """
    return [Edit(m.start(), m.end(), "\n") for m in _NEWLINES.finditer(text)]


def strip_format_controls(text: str) -> list[Edit]:
    """Remove zero-width characters, bidi controls, soft hyphens and stray BOMs."""
    return _delete(text, _FORMAT_CONTROLS)


def fold_compatibility(text: str) -> list[Edit]:
    """Fold presentation forms and ligatures to ordinary letters (NFKC, character by character).

    Only the compatibility blocks are touched, so hamza and madda survive: the lam-alef
    ligature with hamza above becomes lam + alef with hamza above.

    >>> edits = fold_compatibility("\\ufef7\\ufe8e")
    >>> [e.replacement for e in edits] == ["\\u0644\\u0623", "\\u0627"]
    True
    """
    table = _compat_table()
    return [Edit(m.start(), m.end(), table[m.group()]) for m in _compat_pattern().finditer(text)]


def normalize_whitespace(text: str) -> list[Edit]:
    """Tabs and runs of spaces become one space; lines lose leading and trailing spaces."""
    edits = []
    for m in _SPACES.finditer(text):
        at_edge = (
            m.start() == 0
            or text[m.start() - 1] == "\n"
            or m.end() == len(text)
            or (text[m.end()] == "\n")
        )
        edits.append(Edit(m.start(), m.end(), "" if at_edge else " "))
    return edits
