"""Numbered plenary meetings: ordinal and date, and which plenary each sentence speaks of.

"At its 1st plenary meeting, held on 9 May", "في الجلستين الثانية والثالثة المعقودتين في
9 و 10 أيار/مايو على التوالي", "at the same meeting" (the plenary last named): the
language's ``plenary``, ``plenary_same``, ``held_on`` and ``respectively`` frames. Ordinal
words come from the pack's number data; digits work too.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from unkg.extract.context import Context, Unit
from unkg.extract.facts import Evidence, Fact, MeetingFact, PlenaryFact
from unkg.lang.frames import Patterns

KIND = "plenary"
REQUIRES = ("meetings",)


@dataclass(frozen=True, slots=True)
class PlenaryMention:
    unit: str
    start: int
    end: int
    ordinals: tuple[int, ...]
    dates: tuple[dt.date | None, ...]
    evidence: Evidence


def main_meeting(context: Context) -> MeetingFact | None:
    meetings = [f for f in context.facts if isinstance(f, MeetingFact) and f.document]
    return meetings[0] if meetings else None


def _ordinals(text: str, p: Patterns) -> tuple[int, ...]:
    table = p.ordinals
    found = []
    for m in p.ordinal_word.finditer(text):
        value = m.group("w")
        number = _LEADING_DIGITS.match(value)
        found.append(int(number.group()) if number else table[value])
    return tuple(found)


_LEADING_DIGITS = re.compile(r"\d+")  # "3rd", "85e", "92a": the number


def mentions(context: Context) -> list[PlenaryMention]:
    """Every plenary mention in document order; "the same meeting" resolves to the last.

    Several extractors ask; the context keeps the answer."""
    return context.remember("plenary-mentions", lambda: _mentions(context))


def _mentions(context: Context) -> list[PlenaryMention]:
    p = context.patterns
    meeting = main_meeting(context)
    year = meeting.start.year if meeting is not None and meeting.start else None
    found: list[PlenaryMention] = []
    for unit in context.units:
        if unit.kind != "paragraph":
            continue
        spans = [
            (m.start(), m.end(), _ordinals(m.group("ords"), p))
            for m in p.plenary.finditer(unit.text)
        ]
        spans += [(m.start(), m.end(), ()) for m in p.plenary_same.finditer(unit.text)]
        for start, end, ordinals in sorted(spans):
            if not ordinals:
                if not found:
                    continue
                ordinals = found[-1].ordinals
            dates, end = _held_on(context, unit, end, len(ordinals), year)
            found.append(
                PlenaryMention(
                    unit.id, start, end, ordinals, dates, context.evidence(unit, start, end)
                )
            )
    return found


def _held_on(
    context: Context, unit: Unit, at: int, count: int, year: int | None
) -> tuple[tuple[dt.date | None, ...], int]:
    p = context.patterns
    held = p.held_on.match(unit.text[at:])
    if held is None:
        return (None,) * count, at
    tail_start = at + held.end()
    dates = context.dates(unit.text[tail_start : tail_start + 60], year)
    if not dates or dates[0].start != 0:
        return (None,) * count, at
    date = dates[0]
    end = tail_start + date.end
    respectively = p.respectively.match(unit.text[end:].lstrip(" " + p.clause_comma))
    if len(date.days) == count and (respectively or count > 1):
        return tuple(date.days), end
    return (date.first,) * count, end


def extract(context: Context) -> list[Fact]:
    meeting = main_meeting(context)
    if meeting is None:
        return []
    facts: list[Fact] = []
    for mention in mentions(context):
        for ordinal, date in zip(mention.ordinals, mention.dates, strict=True):
            facts.append(PlenaryFact(meeting.meeting, ordinal, date, evidence=(mention.evidence,)))
    return facts
