"""Dates as Arabic UN documents write them: ``9 أيار/مايو 2011``, ``9 - 13 أيار/مايو 2011``,
``من 9 إلى 13 ...``, ``يومي 21 و 22 حزيران/يونيه 2001``, ``كانون الأول/ديسمبر 1999``.

Month names come from the language data (both the Levantine and the Western set); a date
without a year takes the year of the nearest dated mention, then ``default_year``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from unkg.lang import ar

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
def _month_pattern() -> tuple[str, dict[str, int]]:
    numbers: dict[str, int] = {}
    for month in ar.load("months")["months"]:
        for form in month["levantine"] + month["western"]:
            numbers[form] = month["number"]
    forms = sorted(numbers, key=len, reverse=True)
    levantine = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
    # "أيار/مايو", "أيار / مايو", "تموز/ يوليه", or either name alone
    pattern = rf"(?P<lev{{n}}>{levantine})(?:\s*/\s*(?P<west{{n}}>{levantine}))?"
    return pattern, numbers


@cache
def _date_regex() -> re.Pattern[str]:
    month, _ = _month_pattern()
    day = r"(?:[0-9]{1,2})"
    year = r"(?P<year>[12][0-9]{3})"
    sep = r"\s*(?:-|–|إلى|حتى)\s*"
    return re.compile(
        r"(?<![0-9])(?:"
        # cross-month range: 28 حزيران/يونيه - 2 تموز/يوليه 2011
        rf"(?P<xd1>{day})\s+{month.format(n=1)}{sep}(?P<xd2>{day})\s+{month.format(n=2)}"
        rf"(?:\s*،?\s*{year})?"
        # range or pair in one month: 9 - 13 أيار/مايو 2011 ; 21 و 22 حزيران/يونيه
        rf"|(?P<d1>{day})(?P<sep>{sep}|\s+و\s*)(?P<d2>{day})\s+{month.format(n=3)}"
        rf"(?:\s*،?\s*(?P<year2>[12][0-9]{{3}}))?"
        rf"|(?P<d>{day})\s+{month.format(n=4)}(?:\s*،?\s*(?P<year3>[12][0-9]{{3}}))?"
        rf"|{month.format(n=5)}\s+(?P<year4>[12][0-9]{{3}})"
        r")(?![0-9])"
    )


def _month_number(match: re.Match[str], n: int) -> int | None:
    _, numbers = _month_pattern()
    for group in (f"lev{n}", f"west{n}"):
        name = match.group(group)
        if name:
            return numbers.get(re.sub(r"\s+", " ", name))
    return None


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str, default_year: int | None = None) -> list[DateMention]:
    """Every date mention in ``text``; mentions without a year take the nearest stated year.

    >>> found = find_dates("من 9 إلى 13 أيار/مايو 2011")
    >>> [m.first.isoformat() + ".." + m.last.isoformat() for m in found]
    ['2011-05-09..2011-05-13']
    """
    raw = []
    for m in _date_regex().finditer(text):
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
        mention = _mention(m, year, stated)
        if mention is not None:
            mentions.append(mention)
    return mentions


def _mention(m: re.Match[str], year: int, stated: bool) -> DateMention | None:
    text = m.group()
    if m.group("xd1"):
        first_month, last_month = _month_number(m, 1), _month_number(m, 2)
        if first_month is None or last_month is None:
            return None
        first = _make(
            year if first_month <= last_month else year - 1, first_month, int(m.group("xd1"))
        )
        last = _make(year, last_month, int(m.group("xd2")))
        if first is None or last is None or last < first:
            return None
        return DateMention(m.start(), m.end(), text, first, last, (first, last), stated)
    if m.group("d1"):
        month = _month_number(m, 3)
        if month is None:
            return None
        a, b = _make(year, month, int(m.group("d1"))), _make(year, month, int(m.group("d2")))
        if a is None or b is None:
            return None
        first, last = min(a, b), max(a, b)
        if "و" in m.group("sep"):
            return DateMention(m.start(), m.end(), text, first, last, (a, b), stated)
        return DateMention(m.start(), m.end(), text, first, last, (first, last), stated)
    if m.group("d"):
        month = _month_number(m, 4)
        day = _make(year, month, int(m.group("d"))) if month else None
        if day is None:
            return None
        return DateMention(m.start(), m.end(), text, day, day, (day,), stated)
    month = _month_number(m, 5)
    if month is None:
        return None
    first = dt.date(year, month, 1)
    last = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    return DateMention(m.start(), m.end(), text, first, last, (), stated, month_only=True)
