"""Dates as UN documents write them, day before month: ``9 May 2011``, ``9-13 May 2011``,
``20 and 21 December 2017``, ``28 June-2 July 2011``, ``December 1999`` and the same in
each language (``9 أيار/مايو 2011``, ``20 et 21 décembre 2017``, ``9 de mayo de 2011``).

The month names and the words that join days, months and years come from the language's
pack (:meth:`unkg.lang.base.LanguagePack.date_words`); a month may be written as two names
joined by a slash (Arabic ``أيار/مايو``). A date without a year takes the year of the
nearest dated mention, then ``default_year``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from unkg.lang.base import LanguagePack
    from unkg.lang.frames import DateWords

__all__ = ["DateMention", "find_dates"]


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    first: dt.date
    last: dt.date  # equal to first for a single day
    days: tuple[dt.date, ...]  # every day named (a pair "21 و 22" names two)
    has_year: bool
    month_only: bool = False

    @property
    def is_range(self) -> bool:
        return self.first != self.last


@cache
def _month_pattern(words: DateWords) -> str:
    forms = sorted(words.months, key=len, reverse=True)
    names = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
    # "أيار/مايو", "أيار / مايو", "تموز/ يوليه", or either name alone
    return rf"(?P<lev{{n}}>{names})(?:\s*/\s*(?P<west{{n}}>{names}))?"


@cache
def _date_regex(words: DateWords) -> re.Pattern[str]:
    month = _month_pattern(words)
    day = rf"(?:{words.day})"
    year = r"(?P<year>[12][0-9]{3})"
    sep = rf"\s*(?:{words.range_separator})\s*"
    dm = words.day_month
    my = words.month_year
    return re.compile(
        r"(?<![0-9])(?:"
        # cross-month range: 28 حزيران/يونيه - 2 تموز/يوليه 2011
        rf"(?P<xd1>{day}){dm}{month.format(n=1)}{sep}(?P<xd2>{day}){dm}{month.format(n=2)}"
        rf"(?:{my}{year})?"
        # range or pair in one month: 9 - 13 أيار/مايو 2011 ; 21 و 22 حزيران/يونيه
        rf"|(?P<d1>{day})(?P<sep>{sep}|(?P<pair>{words.pair_separator}))(?P<d2>{day})"
        rf"{dm}{month.format(n=3)}(?:{my}(?P<year2>[12][0-9]{{3}}))?"
        rf"|(?P<d>{day}){dm}{month.format(n=4)}(?:{my}(?P<year3>[12][0-9]{{3}}))?"
        rf"|{month.format(n=5)}{my}(?P<year4>[12][0-9]{{3}})"
        r")(?![0-9])",
        re.IGNORECASE,
    )


def _month_number(match: re.Match[str], n: int, words: DateWords) -> int | None:
    for group in (f"lev{n}", f"west{n}"):
        name = match.group(group)
        if name:
            return words.months.get(re.sub(r"\s+", " ", name)) or words.months.get(
                re.sub(r"\s+", " ", name).lower()
            )
    return None


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(
    text: str, language: LanguagePack, default_year: int | None = None
) -> list[DateMention]:
    """Every date mention in ``text``; mentions without a year take the nearest stated year.

    >>> from unkg.lang import get
    >>> found = find_dates("من 9 إلى 13 أيار/مايو 2011", get("ar"))
    >>> [m.first.isoformat() + ".." + m.last.isoformat() for m in found]
    ['2011-05-09..2011-05-13']
    """
    words = language.date_words()
    raw = []
    for m in _date_regex(words).finditer(text):
        year_text = m.group("year") or m.group("year2") or m.group("year3") or m.group("year4")
        raw.append((m, int(year_text) if year_text else None))
    mentions: list[DateMention] = []
    for i, (m, year) in enumerate(raw):
        stated = year is not None
        if year is None:
            later = next((y for _, y in raw[i + 1 :] if y is not None), None)
            earlier = next((y for _, y in reversed(raw[:i]) if y is not None), None)
            year = later or earlier or default_year
        if year is None:
            continue
        mention = _mention(m, year, stated, words)
        if mention is not None:
            mentions.append(mention)
    return mentions


_DIGITS = re.compile(r"[0-9]+")


def _day(text: str) -> int:
    """The day of a day as written ("21", "1er")."""
    found = _DIGITS.match(text)
    return int(found.group()) if found else 0


def _mention(m: re.Match[str], year: int, stated: bool, words: DateWords) -> DateMention | None:
    text = m.group()
    if m.group("xd1"):
        first_month, last_month = _month_number(m, 1, words), _month_number(m, 2, words)
        if first_month is None or last_month is None:
            return None
        first = _make(
            year if first_month <= last_month else year - 1, first_month, _day(m.group("xd1"))
        )
        last = _make(year, last_month, _day(m.group("xd2")))
        if first is None or last is None or last < first:
            return None
        return DateMention(m.start(), m.end(), text, first, last, (first, last), stated)
    if m.group("d1"):
        month = _month_number(m, 3, words)
        if month is None:
            return None
        a, b = _make(year, month, _day(m.group("d1"))), _make(year, month, _day(m.group("d2")))
        if a is None or b is None:
            return None
        first, last = min(a, b), max(a, b)
        if m.group("pair"):
            return DateMention(m.start(), m.end(), text, first, last, (a, b), stated)
        return DateMention(m.start(), m.end(), text, first, last, (first, last), stated)
    if m.group("d"):
        month = _month_number(m, 4, words)
        day = _make(year, month, _day(m.group("d"))) if month else None
        if day is None:
            return None
        return DateMention(m.start(), m.end(), text, day, day, (day,), stated)
    month = _month_number(m, 5, words)
    if month is None:
        return None
    first = dt.date(year, month, 1)
    last = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    return DateMention(m.start(), m.end(), text, first, last, (), stated, month_only=True)
