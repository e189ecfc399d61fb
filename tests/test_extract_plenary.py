"""Table tests of the plenary extractor: the numbered plenary meetings of the document's own
meeting, with their dates, "the same meeting" as the one last named; and the count of
meetings a report states (read beside them by the meetings extractor)."""

from __future__ import annotations

import datetime as dt

import pytest

from unkg.extract.facts import PlenaryCountFact, PlenaryFact

from .snippets import REPORT_AR, REPORT_EN, TRANSPORT_SESSION, facts_of, quotes_in

D20, D21 = dt.date(2017, 12, 20), dt.date(2017, 12, 21)

PLENARIES = [
    (
        REPORT_EN + "1. At its first meeting, held on 20 December 2017, the Committee adopted "
        "its agenda.\n",
        [(1, D20)],
    ),
    (
        REPORT_EN + "1. At its 1st plenary meeting, held on 20 December 2017, the Committee "
        "elected its officers.\n",
        [(1, D20)],
    ),
    (
        REPORT_AR + "1- أقرت اللجنة في جلستها الأولى المعقودة في 20 كانون الأول/ديسمبر 2017 "
        "جدول الأعمال.\n",
        [(1, D20)],
    ),
    # two meetings, two days, "respectively": each its own day, the year the session's
    (
        REPORT_EN + "1. At its 2nd and 3rd meetings, held on 20 and 21 December, "
        "respectively, the Committee considered item 4.\n",
        [(2, D20), (3, D21)],
    ),
    (
        REPORT_AR + "1- نظرت اللجنة في جلستيها الثانية والثالثة المعقودتين في 20 و 21 كانون "
        "الأول/ديسمبر على التوالي في البند 4.\n",
        [(2, D20), (3, D21)],
    ),
    # no date; "the same meeting" is the one last named
    (
        REPORT_EN + "1. At its third meeting, the Committee considered item 5.\n\n"
        "2. At the same meeting, it adopted the report.\n",
        [(3, None), (3, None)],
    ),
    (
        REPORT_AR + "1- في الجلسة العامة الأولى، انتخبت اللجنة أعضاء المكتب.\n\n"
        "2- وفي الجلسة نفسها، أقرت جدول الأعمال.\n",
        [(1, None), (1, None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), PLENARIES)
def test_numbered_plenaries_of_the_documents_meeting(
    text: str, expected: list[tuple[int, dt.date | None]]
) -> None:
    plenaries = facts_of(text, PlenaryFact)
    assert [(p.ordinal, p.date) for p in plenaries] == expected
    assert {p.meeting for p in plenaries} == {TRANSPORT_SESSION}
    assert all(quotes_in(p, text) for p in plenaries)


NO_PLENARY = [
    # "the same meeting" with no meeting named before it
    REPORT_EN + "1. At the same meeting, the Committee adopted its agenda.\n",
    # a meeting with no ordinal
    REPORT_EN + "1. The Committee adopted the present report at its final meeting, held on "
    "21 December 2017.\n",
    REPORT_AR + "1- اعتمدت اللجنة هذا التقرير في جلستها الختامية التي عقدت في 21 كانون "
    "الأول/ديسمبر 2017.\n",
    # "meeting" in a meeting's name, "session" ordinals
    REPORT_EN + "1. The Expert Group Meeting on road safety was held in Amman.\n",
    REPORT_AR + "1- عقد اجتماع فريق الخبراء في عمان.\n",
    REPORT_EN + "1. Mauritania is chair of the eighteenth session, following Saudi Arabia.\n",
    REPORT_AR + "1- تتولى موريتانيا رئاسة الدورة الثامنة عشرة.\n",
    # a numbered meeting, but the document heads no meeting to be a plenary of
    "1. At its first meeting, held on 20 December 2017, the Committee adopted its agenda.\n",
]


@pytest.mark.parametrize("text", NO_PLENARY)
def test_no_plenary_without_an_ordinal_and_a_meeting(text: str) -> None:
    assert facts_of(text, PlenaryFact) == []


STATED_COUNTS = [
    (REPORT_EN + "1. The session was held over four meetings.\n", 4),
    (REPORT_AR + "1- عُقدت تسع جلسات عامة.\n", 9),
    (REPORT_EN + "1. The Committee held 12 plenary meetings.\n", 12),
]


@pytest.mark.parametrize(("text", "count"), STATED_COUNTS)
def test_the_stated_number_of_meetings(text: str, count: int) -> None:
    (stated,) = facts_of(text, PlenaryCountFact)
    assert (stated.meeting, stated.count) == (TRANSPORT_SESSION, count)
    assert quotes_in(stated, text)
    assert facts_of(text, PlenaryFact) == []  # a count numbers no meeting


def test_no_count_in_a_meeting_numbered_by_ordinal() -> None:
    text = REPORT_EN + "1. At its fourth meeting, the Committee adopted the report.\n"
    assert facts_of(text, PlenaryCountFact) == []
