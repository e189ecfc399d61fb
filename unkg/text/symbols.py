"""UN document symbols: find them, parse their grammar, turn them into IRI slugs.

A symbol is a series prefix (``A``, ``S``, ``A/CONF``, ``A/C.1`` ... from
``data/symbol_series.tsv``) followed by components separated by ``/``. Some components say
what the document is: ``L.n`` limited-distribution (draft), ``CRP.n`` conference room paper,
``INF/n`` information document, ``WP.n`` working paper, ``RES`` resolution; the last ones may
say it modifies another document: ``Rev.n`` (revision), ``Corr.n`` (corrigendum),
``Add.n`` (addendum). Nothing here knows any particular symbol.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from unkg.data import load_table

__all__ = ["Symbol", "find_symbols", "meeting_series", "parse_symbol", "slug", "symbol_pattern"]

# One component: a word with optional .number parts (CONF.192, L.1, Rev.1) or a number (2011),
# which may name one part of a document issued in parts: 4(Part I), 4 (Part II)
_COMPONENT = (
    r"(?:[A-Z][A-Za-z]{0,9}(?:\.\d+[A-Za-z]?)*|\d+(?:\.\d+)?[A-Za-z]?(?:\s?\(Part\s?[IVX]{1,4}\))?)"
)
_MODIFIER = re.compile(r"^(Rev|Corr|Add|Amend)\.(\d+)$")
_KIND_COMPONENT = (
    (re.compile(r"^L\.\d+"), "limited"),
    (re.compile(r"^CRP\.\d+"), "conference-room-paper"),
    (re.compile(r"^WP\.\d+"), "working-paper"),
    (re.compile(r"^INF$"), "information"),
    (re.compile(r"^RES$"), "resolution"),
    (re.compile(r"^DEC$"), "decision"),
    (re.compile(r"^PRST$"), "presidential-statement"),
    (re.compile(r"^PV\.\d+"), "verbatim-record"),
    (re.compile(r"^SR\.\d+"), "summary-record"),
)


@dataclass(frozen=True, slots=True)
class Symbol:
    """A parsed UN symbol.

    >>> s = parse_symbol("A/CONF.192/BMS/2014/L.1/Rev.1")
    >>> s.base, s.modifier, s.series, s.kind
    ('A/CONF.192/BMS/2014/L.1', ('Rev', 1), 'A/CONF', 'limited')
    """

    text: str
    series: str
    organ: str | None
    components: tuple[str, ...]
    kind: str | None
    modifier: tuple[str, int] | None  # ("Rev", 1), ("Corr", 2), ("Add", 1)

    @property
    def base(self) -> str | None:
        """The symbol this one revises, corrects or adds to."""
        if self.modifier is None:
            return None
        return self.text.rsplit("/", 1)[0]

    @property
    def series_root(self) -> str:
        """The symbol without its last component: a conference's documents share it
        (``A/CONF.192/BMS/2014``)."""
        text = self.base or self.text
        return text.rsplit("/", 1)[0]


@cache
def _series() -> tuple[tuple[str, str], ...]:
    rows = load_table("symbol_series")
    return tuple(sorted(((r["prefix"], r["organ"]) for r in rows), key=lambda p: -len(p[0])))


@cache
def symbol_pattern() -> re.Pattern[str]:
    """A compiled pattern matching any symbol of a known series (longest series first)."""
    roots = sorted({prefix.split("/")[0] for prefix, _ in _series()}, key=len, reverse=True)
    root = "|".join(re.escape(r) for r in roots)
    return re.compile(rf"(?<![A-Za-z0-9/.])(?:{root})(?:/{_COMPONENT})+(?:\s\(\d{{4}}\))?")


def parse_symbol(text: str) -> Symbol:
    text = text.strip()
    components = tuple(text.split("/"))
    series, organ = "", ""
    for prefix, prefix_organ in _series():
        if text == prefix or text.startswith(prefix + "/") or text.startswith(prefix + "."):
            series, organ = prefix, prefix_organ
            break
    kind = None
    for component in components[1:]:
        for pattern, name in _KIND_COMPONENT:
            if pattern.match(component):
                kind = name
    modifier = None
    last = _MODIFIER.match(components[-1])
    if last:
        modifier = (last.group(1), int(last.group(2)))
    return Symbol(text, series or components[0], organ or None, components, kind, modifier)


def find_symbols(text: str) -> list[tuple[int, int, Symbol]]:
    """Every symbol in ``text`` with its start and end offsets.

    >>> [s.text for _, _, s in find_symbols("the note (E/ESCWA/C.1/19/4(Part I)/Add.5).")]
    ['E/ESCWA/C.1/19/4(Part I)/Add.5']
    """
    return [(m.start(), m.end(), parse_symbol(m.group())) for m in symbol_pattern().finditer(text)]


def slug(symbol: str) -> str:
    """The AKN4UN form of a symbol for IRIs: ``/`` becomes ``-``, spaces ``_``.

    >>> slug("S/RES/1540 (2004)")
    'S-RES-1540_(2004)'
    """
    return symbol.strip().replace("/", "-").replace(" ", "_")


# a component naming a meeting or a body that meets: a conference (CONF.192), an
# intergovernmental meeting (IG.1), a working group or expert group (WG.5, EGM.2), a committee
# (C.1, AC.290)
_MEETING_COMPONENT = re.compile(r"^(?:CONF|IG|WG|EGM|C|AC)\.\d+$")
# what may follow a meeting document's number: its revision, corrigendum, addendum, part, or
# a word saying what it is ("Report", "SUMMARY")
_TRAILER = re.compile(
    r"^(?:(?:Rev|Corr|Add|Amend)\.\d+|[A-Za-z]+|PART\s*[IVX]+|\(PART\s*[IVX]+\))$", re.I
)
_DOCUMENT = re.compile(r"^(?:\d+[A-Za-z]?(?:\s*\(PART\s*[IVX]+\))?|(?:L|INF|CRP|WP)\.\d+)$", re.I)


def meeting_series(symbol: str) -> str | None:
    """The symbol series of the meeting a document belongs to, when its symbol names one:
    the symbol without its document number and what follows it.

    >>> meeting_series("E/ESCWA/EDID/2017/IG.1/9/Report")
    'E/ESCWA/EDID/2017/IG.1'
    >>> meeting_series("A/CONF.192/BMS/2014/L.1/Rev.1")
    'A/CONF.192/BMS/2014'
    >>> meeting_series("E/ESCWA/ECW/2015/WG.4/REPORT")
    'E/ESCWA/ECW/2015/WG.4'
    >>> meeting_series("A/RES/68/48") is None
    True
    """
    components = symbol.strip().split("/")
    while (
        len(components) > 2
        and _TRAILER.match(components[-1])
        and not _DOCUMENT.match(components[-1])
    ):
        components.pop()
    if len(components) > 2 and _DOCUMENT.match(components[-1]):
        components.pop()
    elif not _MEETING_COMPONENT.match(components[-1]):
        return None  # "E/ESCWA/ECW/2015/WG.4/REPORT": the meeting's own report
    if not any(_MEETING_COMPONENT.match(c) for c in components[1:]):
        return None
    return "/".join(components)
