"""Document symbols that a text layer wrote in display order inside an Arabic line.

A symbol is a left-to-right text made of runs (letters, numbers) and separators (``/``,
``.``); in a right-to-left line the bidirectional algorithm draws its runs from right to
left, and text layers that keep the drawing order give ``.3/9IG/2017/EDID/ESCWA/E`` for
``E/ESCWA/EDID/2017/IG.3/9`` and ``/71/213RES/A`` for ``A/RES/71/213``. Turning the runs
round gives the symbol back; it is kept only when the result is a symbol of a known series
and the text as found is not. A full stop drawn before a symbol that ends a sentence
(``في الوثيقة .E/ESCWA/EDID/2017/IG.1/L.2``) goes back after it.
"""

from __future__ import annotations

import re

from unkg.repair.offsets import Edit

__all__ = ["restore_reversed_symbols"]

# a candidate ends with the series root, after a slash: ".../ESCWA/E", ".../RES/A"
_CANDIDATE = re.compile(
    r"(?<![A-Za-z0-9/.])[./]?[A-Za-z0-9][A-Za-z0-9./,]*/[A-Z]{1,5}(?![A-Za-z0-9/.])"
)
# a full stop glued before a symbol, with a space or the line's end after the symbol
_DOT_BEFORE = re.compile(r"(?:^|(?<=[ \t]))\.(?=[A-Z])(?P<symbol>[^\s]+)(?=[ \t]|$)", re.M)
# runs of one direction: letters, or a number with the separators glued to it
_RUN = re.compile(r"[A-Za-z]+|[./]?[0-9]+(?:[./][0-9]+)*[./,]?|.")


def restore_reversed_symbols(text: str) -> list[Edit]:
    """Put back in reading order the runs of a symbol drawn right to left.

    >>> from unkg.repair import run_step
    >>> run_step(restore_reversed_symbols, "الوثيقة .3/9IG/2017/EDID/ESCWA/E والقرار /71/213RES/A")
    'الوثيقة E/ESCWA/EDID/2017/IG.3/9 والقرار A/RES/71/213'
    >>> run_step(restore_reversed_symbols, "في الوثيقة .E/ESCWA/EDID/2017/IG.1/L.2 ويعرض")
    'في الوثيقة E/ESCWA/EDID/2017/IG.1/L.2. ويعرض'
    """
    from unkg.text.symbols import find_symbols

    edits: list[Edit] = []
    for m in _CANDIDATE.finditer(text):
        found = m.group()
        if not any(c.isdigit() for c in found) or find_symbols(found):
            continue
        runs = [(r.start(), r.group()) for r in _RUN.finditer(found)]
        runs.reverse()
        restored = "".join(run for _, run in runs)
        trail = len(restored) - len(restored.rstrip(".,"))
        symbols = find_symbols(restored)
        if not symbols or symbols[0][0] != 0 or symbols[0][1] != len(restored) - trail:
            continue
        origins = [m.start() + at + k for at, run in runs for k in range(len(run))]
        edits.append(Edit(m.start(), m.end(), restored, origins))
    taken = [(e.start, e.end) for e in edits]
    for m in _DOT_BEFORE.finditer(text):
        symbol = m.group("symbol")
        hits = find_symbols(symbol)
        if not hits or hits[0][:2] != (0, len(symbol)):
            continue
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        a, b = m.start("symbol"), m.end("symbol")
        edits.append(Edit(m.start(), b, symbol + ".", [*range(a, b), m.start()]))
    return sorted(edits, key=lambda e: e.start)
