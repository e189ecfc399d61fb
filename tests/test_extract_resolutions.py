"""Table tests of the resolutions extractor: the resolutions a text cites (General Assembly
session/number, Security Council number (year)), the relations between them a sentence
states, and the meetings they convene."""

from __future__ import annotations

import pytest

from unkg.extract.facts import MandateFact, MeetingFact, ResolutionFact, ResolutionLinkFact

from .snippets import facts_of, quotes_in

GA, SC = "un-general-assembly", "un-security-council"

Res = tuple[str, str, int | None, int, int | None]  # symbol, organ, session, number, year

RESOLUTIONS: list[tuple[str, list[Res]]] = [
    (
        "1. The General Assembly, in its resolution 63/72, decided to convene an open-ended "
        "meeting of governmental experts.\n",
        [("A/RES/63/72", GA, 63, 72, None)],
    ),
    (
        "1- قرّرت الجمعية العامة، في قرارها 63/72 بشأن تنفيذ برنامج العمل، عقد اجتماع مفتوح "
        "للخبراء الحكوميين.\n",
        [("A/RES/63/72", GA, 63, 72, None)],
    ),
    (
        "1. Recalling Security Council resolution 1540 (2004) of 28 April 2004,\n",
        [("S/RES/1540(2004)", SC, None, 1540, 2004)],
    ),
    (
        "1- وإذ يشير إلى قرار مجلس الأمن 1540 (2004)،\n",
        [("S/RES/1540(2004)", SC, None, 1540, 2004)],
    ),
    # every member of a list
    (
        "1. Recalling its resolutions 56/24 V and 63/72,\n",
        [("A/RES/56/24", GA, 56, 24, None), ("A/RES/63/72", GA, 63, 72, None)],
    ),
    (
        "1. Recalling resolutions 757 (1992) of 30 May 1992 and 771 (1992) of 13 August 1992,\n",
        [("S/RES/757(1992)", SC, None, 757, 1992), ("S/RES/771(1992)", SC, None, 771, 1992)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), RESOLUTIONS)
def test_cited_resolutions_with_organ_session_and_number(text: str, expected: list[Res]) -> None:
    found = facts_of(text, ResolutionFact)
    assert [(r.symbol, r.organ, r.session, r.number, r.year) for r in found] == expected
    assert all(quotes_in(r, text) for r in found)


SC_780 = (
    "RESOLUTION 780 (1992)\n"
    "Adopted by the Security Council at its 3119th meeting, on 6 October 1992\n\n"
    "The Security Council,\n\n"
)

LINKS = [
    # a relation word right before the other resolution
    (
        "1. In its resolution 65/64, the General Assembly decided, in accordance with "
        "resolution 64/50, to convene an open-ended meeting of governmental experts.\n",
        [("A/RES/65/64", "in-accordance-with", "A/RES/64/50")],
    ),
    (
        "1- وقرّرت الجمعية العامة في قرارها 65/64 أن يتم، وفقا للقرار 64/50، عقد اجتماع مفتوح "
        "للخبراء الحكوميين.\n",
        [("A/RES/65/64", "in-accordance-with", "A/RES/64/50")],
    ),
    # in a resolution, the document itself is the subject; a clause's verb governs its list
    (
        SC_780 + "Reaffirming its resolution 713 (1991) of 25 September 1991 and all "
        "subsequent relevant resolutions,\n\nRecalling resolutions 757 (1992) of 30 May 1992 "
        "and 771 (1992) of 13 August 1992,\n",
        [
            ("S/RES/780(1992)", "reaffirms", "S/RES/713(1991)"),
            ("S/RES/780(1992)", "recalls", "S/RES/757(1992)"),
            ("S/RES/780(1992)", "recalls", "S/RES/771(1992)"),
        ],
    ),
    # no verb: a resolution still cites what it names
    (
        SC_780 + "Acting under Chapter VII of the Charter, as in resolution 771 (1992),\n",
        [("S/RES/780(1992)", "cites", "S/RES/771(1992)")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), LINKS)
def test_relations_between_resolutions(text: str, expected: list[tuple[str, str, str]]) -> None:
    links = facts_of(text, ResolutionLinkFact)
    assert [(k.source, k.relation, k.target) for k in links] == expected
    assert all(quotes_in(k, text) for k in links)


NO_RESOLUTION = [
    # numbers that are no resolution's
    "1. The report (A/63/72) was issued in 2004 (see paragraph 1540).\n",
    "1. Rule 18 of the rules of procedure; see pages 63/72.\n",
    "1- تنص المادة 18 من النظام الداخلي للجنة على ما يلي.\n",
    "1. The Decade of Action for Road Safety 2011-2020 began in 2011.\n",
    "1. The meeting was held from 9 to 13 May 2011 (2011).\n",
]


@pytest.mark.parametrize("text", NO_RESOLUTION)
def test_no_resolution_without_the_word_or_a_res_symbol(text: str) -> None:
    assert facts_of(text, ResolutionFact) == []
    assert facts_of(text, ResolutionLinkFact) == []


def test_two_resolutions_named_together_are_not_related_without_a_verb() -> None:
    text = "1. The General Assembly adopted resolutions 63/72 and 64/50.\n"
    assert len(facts_of(text, ResolutionFact)) == 2
    assert facts_of(text, ResolutionLinkFact) == []


@pytest.mark.xfail(
    strict=True, reason="Economic and Social Council resolutions (year/number) are not read"
)
def test_an_economic_and_social_council_resolution() -> None:
    text = (
        "1. The Committee was established by ESCWA resolution 213 (XIX), which was endorsed by "
        "the Economic and Social Council in its resolution 1997/11 of 18 July 1997.\n"
    )
    assert [r.symbol for r in facts_of(text, ResolutionFact)] == ["E/RES/1997/11"]


# the report of the meeting these resolutions convene (A/CONF.192/MGE/2011/..., both languages)
MGE_EN = (
    "Open-ended Meeting of Governmental Experts on the Implementation of the Programme of "
    "Action to Prevent, Combat and Eradicate the Illicit Trade in Small Arms and Light Weapons "
    "in All Its Aspects\nNew York, 9-13 May 2011\n\n"
    "Report of the Open-ended Meeting of Governmental Experts on the Implementation of the "
    "Programme of Action to Prevent, Combat and Eradicate the Illicit Trade in Small Arms and "
    "Light Weapons in All Its Aspects\n\n"
)
MGE_AR = (
    "اجتماع الخبراء الحكوميين المفتوح العضوية المعني بتنفيذ برنامج العمل المتعلق بمنع الاتجار "
    "غير المشروع بالأسلحة الصغيرة والأسلحة الخفيفة من جميع جوانبه ومكافحته والقضاء عليه\n"
    "نيويورك، 9-13 أيار/مايو 2011\n\n"
    "تقرير اجتماع الخبراء الحكوميين المفتوح العضوية المعني بتنفيذ برنامج العمل المتعلق بمنع "
    "الاتجار غير المشروع بالأسلحة الصغيرة والأسلحة الخفيفة من جميع جوانبه ومكافحته والقضاء "
    "عليه\n\n"
)
DECIDED_EN = (
    "1. The General Assembly, in its resolution 63/72, decided to convene an open-ended meeting "
    "of governmental experts for a period of one week, no later than 2011.\n"
)
CONVENED_AR = (
    "1- قرّرت الجمعية العامة، في قرارها 63/72 بشأن تنفيذ برنامج العمل، عقد اجتماع مفتوح "
    "للخبراء الحكوميين لمدة أسبوع واحد في موعد أقصاه عام 2011.\n"
    "2- وأشارت الجمعية العامة في قرارها 64/50 إلى ما قررته من عقد اجتماع مفتوح للخبراء "
    "الحكوميين.\n"
    "3- وقرّرت الجمعية العامة في قرارها 65/64 أن يتم، وفقا للقرار 64/50، عقد اجتماع مفتوح "
    "للخبراء الحكوميين في نيويورك من 9 إلى 13 أيار/مايو 2011.\n"
)


def _main(text: str) -> str:
    (main,) = [m for m in facts_of(text, MeetingFact) if m.relation == "reports-on"]
    return main.meeting


def test_the_resolution_that_decided_to_convene_the_reported_meeting() -> None:
    text = MGE_EN + DECIDED_EN
    mandates = facts_of(text, MandateFact)
    assert [(m.resolution, m.relation, m.meeting) for m in mandates] == [
        ("A/RES/63/72", "decides", _main(text))
    ]
    assert all(quotes_in(m, text) for m in mandates)


def test_each_resolution_does_its_verb_to_the_meeting_and_recalls_the_decider() -> None:
    text = MGE_AR + CONVENED_AR
    main = _main(text)
    mandates = facts_of(text, MandateFact)
    assert [(m.resolution, m.relation, m.meeting) for m in mandates] == [
        ("A/RES/63/72", "decides", main),
        ("A/RES/64/50", "recalls", main),
        ("A/RES/65/64", "decides", main),
    ]
    links = facts_of(text, ResolutionLinkFact)
    assert [(k.source, k.relation, k.target) for k in links] == [
        ("A/RES/64/50", "recalls", "A/RES/63/72"),
        ("A/RES/65/64", "in-accordance-with", "A/RES/64/50"),
    ]


@pytest.mark.xfail(
    strict=True,
    reason="in English, the meeting named with its year and place in running text gets a key "
    "of its own, not the heading's",
)
def test_the_reported_meeting_named_again_with_its_dates_in_english() -> None:
    text = MGE_EN + (
        "1. In its resolution 65/64, the General Assembly decided to convene the open-ended "
        "meeting of governmental experts in New York from 9 to 13 May 2011.\n"
    )
    assert [m.meeting for m in facts_of(text, MandateFact)] == [_main(text)]


NO_MANDATE = [
    # a resolution acting on no meeting
    MGE_EN + "1. The General Assembly, in its resolution 63/72, welcomed the report of the "
    "Secretary-General.\n",
    MGE_AR + "1- رحبت الجمعية العامة، في قرارها 63/72، بتقرير الأمين العام.\n",
    # a meeting convened by no resolution
    MGE_EN + "1. The Chair decided to convene an informal meeting of the Bureau.\n",
]


@pytest.mark.parametrize("text", NO_MANDATE)
def test_no_mandate_without_a_resolution_convening_a_meeting(text: str) -> None:
    assert facts_of(text, MandateFact) == []
