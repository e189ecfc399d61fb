"""Table tests of the meetings extractor: snippets in the style of UN documents, the meeting
facts they give, and snippets that must give none."""

from __future__ import annotations

import datetime as dt

import pytest

from unkg.extract.facts import MeetingFact

from .snippets import facts_of

TRANSPORT = "escwa-committee-transport-logistics"

SESSIONS = [
    # a title block: body, ordinal session, place and dates on their own lines
    (
        "Committee on Transport and Logistics\nEighteenth session\nBeirut, 20-21 December 2017\n",
        (f"{TRANSPORT}/session/18", 18, dt.date(2017, 12, 20), dt.date(2017, 12, 21), "beirut"),
    ),
    (
        "لجنة النقل واللوجستيات\nالدورة الثامنة عشرة\nبيروت، 20-21 كانون الأول/ديسمبر 2017\n",
        (f"{TRANSPORT}/session/18", 18, dt.date(2017, 12, 20), dt.date(2017, 12, 21), "beirut"),
    ),
    # the body, then "at its ... session" in running text
    (
        "The Committee on Transport and Logistics, at its eighteenth session, adopted it.\n",
        (f"{TRANSPORT}/session/18", 18, None, None, None),
    ),
    (
        "اعتمدت لجنة النقل واللوجستيات في دورتها الثامنة عشرة التقرير.\n",
        (f"{TRANSPORT}/session/18", 18, None, None, None),
    ),
    # the session first, then the body
    (
        "The eighteenth session of the Committee on Transport and Logistics was held in Beirut.\n",
        (f"{TRANSPORT}/session/18", 18, None, None, "beirut"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), SESSIONS)
def test_a_bodys_numbered_session_is_one_meeting(
    text: str, expected: tuple[str, int, dt.date | None, dt.date | None, str | None]
) -> None:
    meetings = [m for m in facts_of(text, MeetingFact) if m.body]
    assert len(meetings) == 1
    m = meetings[0]
    place = m.place.key if m.place else None
    assert (m.meeting, m.number, m.start, m.end, place) == expected
    assert m.body == TRANSPORT
    quote = m.evidence[0].quote
    assert quote in text


NOT_A_SESSION = [
    "The Committee on Transport and Logistics held a session on roads.\n",
    "The Committee on Transport and Logistics met in Beirut.\n",
    "عقدت لجنة النقل واللوجستيات اجتماعا.\n",
    "Eighteenth session\nBeirut, 20-21 December 2017\n",  # no body named
]


@pytest.mark.parametrize("text", NOT_A_SESSION)
def test_no_numbered_session_without_a_body_and_an_ordinal(text: str) -> None:
    assert [m for m in facts_of(text, MeetingFact) if m.body] == []


def test_the_arabic_and_english_title_blocks_give_one_node() -> None:
    english, arabic = (facts_of(text, MeetingFact) for text, _ in SESSIONS[:2])
    assert [m.meeting for m in english] == [m.meeting for m in arabic]
