"""Character-level repair steps of Arabic text: Arabic-Indic digits and tatweel."""

from __future__ import annotations

import re

from unkg.lang.ar.script import INDIC_DIGITS, TATWEEL
from unkg.repair.offsets import Edit

__all__ = ["digits_to_ascii", "remove_tatweel"]

# Arabic-Indic (U+0660..) and Extended Arabic-Indic (U+06F0..) digits and the Arabic decimal
# and thousands separators and percent sign.
_DIGITS = str.maketrans(
    {
        **{chr(0x0660 + d): str(d) for d in range(10)},
        **{chr(0x06F0 + d): str(d) for d in range(10)},
        "\u066b": ".",
        "\u066c": ",",
        "\u066a": "%",
    }
)

_TATWEELS = re.compile(TATWEEL + "+")
_INDIC = re.compile(f"[{INDIC_DIGITS}\u066a-\u066c]+")


def digits_to_ascii(text: str) -> list[Edit]:
    """Arabic-Indic and Extended Arabic-Indic digits become ASCII digits (one for one).

    >>> [e.replacement for e in digits_to_ascii("\\u0666\\u0663/\\u0667\\u0662")]
    ['63', '72']
    """
    return [Edit(m.start(), m.end(), m.group().translate(_DIGITS)) for m in _INDIC.finditer(text)]


def remove_tatweel(text: str) -> list[Edit]:
    """Delete tatweel (kashida), the stretching character justified PDFs are full of."""
    if TATWEEL not in text:
        return []
    return [Edit(m.start(), m.end(), "") for m in _TATWEELS.finditer(text)]
