"""Table tests of the adoption extractor: how a resolution was adopted (meeting, date,
method, counts and the States in each position), read from its adoption line; and text
that is no adoption line, or no resolution."""

from __future__ import annotations

import datetime as dt

import pytest

from unkg.extract.facts import AdoptionFact

from .snippets import facts_of, quotes_in

# a Security Council resolution as the yearly compilations print it (S/RES/780 (1992))
RES_EN = (
    "RESOLUTION 780 (1992)\n\nThe Security Council,\n\nReaffirming its resolution 713 (1991),\n\n"
    "1. Requests the Secretary-General to establish a Commission of Experts;\n\n"
)
RES_AR = (
    "القرار 780 (1992)\n\nإن مجلس الأمن،\n\nإذ يؤكد من جديد قراره 713 (1991)،\n\n"
    "1- يطلب إلى الأمين العام أن ينشئ لجنة خبراء؛\n\n"
)
# the older heading: number (year), date, the draft's symbol
RES_83 = (
    "83 (1950). Resolution of 27 June 1950\n[S/1511]\n\nThe Security Council,\n\n"
    "Recommends that the Members furnish assistance.\n\n"
)

# meeting, date, method, yes, no, abstain, against, abstaining, not voting
Read = tuple[
    int | None,
    dt.date | None,
    str | None,
    int | None,
    int | None,
    int | None,
    tuple[str, ...],
    tuple[str, ...],
    tuple[str, ...],
]

ADOPTIONS: list[tuple[str, str, Read]] = [
    (
        RES_EN + "Adopted unanimously at the 3119th meeting.\n",
        "S/RES/780(1992)",
        (3119, None, "unanimous", None, None, None, (), (), ()),
    ),
    (
        RES_AR + "اتخذ بالإجماع في الجلسة 3119.\n",
        "S/RES/780(1992)",
        (3119, None, "unanimous", None, None, None, (), (), ()),
    ),
    (
        RES_EN + "Adopted by the Security Council at its 3119th meeting, on 6 October 1992.\n",
        "S/RES/780(1992)",
        (3119, dt.date(1992, 10, 6), None, None, None, None, (), (), ()),
    ),
    (
        RES_AR + "اتخذه مجلس الأمن في جلسته 3119 المعقودة في 6 تشرين الأول/أكتوبر 1992.\n",
        "S/RES/780(1992)",
        (3119, dt.date(1992, 10, 6), None, None, None, None, (), (), ()),
    ),
    # a vote: counts, and the States against
    (
        RES_EN + "Adopted at the 2943rd meeting by 14 votes to 1 (Cuba).\n",
        "S/RES/780(1992)",
        (2943, None, "vote", 14, 1, 0, ("CUB",), (), ()),
    ),
    (
        RES_EN + "Adopted at the 2963rd meeting by 12 votes to 2 (Cuba and Yemen), with 1 "
        "abstention (China).\n",
        "S/RES/780(1992)",
        (2963, None, "vote", 12, 2, 1, ("CUB", "YEM"), ("CHN",), ()),
    ),
    (
        RES_AR + "اتخذ في الجلسة 2963 بأغلبية 12 صوتا مقابل 2 (كوبا واليمن) وامتناع 1 عن "
        "التصويت (الصين).\n",
        "S/RES/780(1992)",
        (2963, None, "vote", 12, 2, 1, ("CUB", "YEM"), ("CHN",), ()),
    ),
    # "one member abstaining", the count after the noun
    (
        RES_AR + "اتخذ في الجلسة 2963 بأغلبية 12 صوتا مقابل 2 (كوبا واليمن)، مع امتناع عضو "
        "واحد عن التصويت (الصين).\n",
        "S/RES/780(1992)",
        (2963, None, "vote", 12, 2, 1, ("CUB", "YEM"), ("CHN",), ()),
    ),
    # "none" against; abstaining States by their names of the time
    (
        RES_EN + "Adopted at the 84th meeting by 9 votes to none, with 2 abstentions (Union of "
        "Soviet Socialist Republics, United States of America).\n",
        "S/RES/780(1992)",
        (84, None, "vote", 9, 0, 2, (), ("SUN", "USA"), ()),
    ),
    (
        RES_EN + "Adopted without a vote at the 3251st meeting.\n",
        "S/RES/780(1992)",
        (3251, None, "without-vote", None, None, None, (), (), ()),
    ),
    (
        RES_EN + "Adopted at the 1982nd meeting by consensus.\n",
        "S/RES/780(1992)",
        (1982, None, "consensus", None, None, None, (), (), ()),
    ),
    (
        RES_EN + "Adopted unanimously at the resumed 2396th meeting.\n",
        "S/RES/780(1992)",
        (2396, None, "unanimous", None, None, None, (), (), ()),
    ),
    # members that did not take part in the vote
    (
        RES_83 + "Adopted at the 474th meeting by 7 votes to 1 (Yugoslavia).\n"
        "Two members (Egypt, India) did not participate in the voting;\n"
        "one member (Union of Soviet Socialist Republics) was absent.\n",
        "S/RES/83(1950)",
        (474, None, "vote", 7, 1, 0, ("YUG",), (), ("EGY", "IND")),
    ),
]


@pytest.mark.parametrize(("text", "symbol", "expected"), ADOPTIONS)
def test_the_adoption_line_of_a_resolution(text: str, symbol: str, expected: Read) -> None:
    (adoption,) = facts_of(text, AdoptionFact)
    a = adoption
    keys = (tuple(s.key for s in states) for states in (a.against, a.abstaining, a.not_voting))
    assert (a.meeting, a.date, a.method, a.yes, a.no, a.abstain, *keys) == expected
    assert (a.resolution, a.organ) == (symbol, "un-security-council")
    assert a.non_voting == (len(a.not_voting) or None)
    assert quotes_in(a, text)


def test_an_adoption_gives_the_same_record_in_both_languages() -> None:
    english = RES_EN + "Adopted at the 2963rd meeting by 12 votes to 2 (Cuba and Yemen), with 1 "
    english += "abstention (China).\n"
    arabic = RES_AR + "اتخذ في الجلسة 2963 بأغلبية 12 صوتا مقابل 2 (كوبا واليمن) وامتناع 1 "
    arabic += "عن التصويت (الصين).\n"
    (a,), (b,) = facts_of(english, AdoptionFact), facts_of(arabic, AdoptionFact)
    assert (a.resolution, a.meeting, a.yes, a.no, a.abstain, a.against, a.abstaining) == (
        b.resolution,
        b.meeting,
        b.yes,
        b.no,
        b.abstain,
        b.against,
        b.abstaining,
    )


NO_ADOPTION = [
    # "adopted" with no meeting, method or vote: no adoption line
    RES_EN + "Recalling the resolutions adopted by the Council on the question,\n",
    RES_AR + "وإذ يشير إلى القرارات التي اعتمدها المجلس بشأن هذه المسألة،\n",
    # an adoption line, but the document is no resolution
    "1. The Committee adopted the agenda at its first meeting by consensus.\n",
    "1. Adopted at the 2943rd meeting by 14 votes to 1 (Cuba).\n",
    "1- اعتمدت اللجنة جدول الأعمال بالإجماع في جلستها الأولى.\n",
]


@pytest.mark.parametrize("text", NO_ADOPTION)
def test_no_adoption_without_a_resolution_and_its_adoption_line(text: str) -> None:
    assert facts_of(text, AdoptionFact) == []
