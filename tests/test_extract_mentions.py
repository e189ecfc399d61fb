"""Table tests of the mentions extractor: the States, organisations, places and instruments a
document names (an instrument's short form only after its full name), the persons other
extractors found; and words that only look like a name."""

from __future__ import annotations

import pytest

from unkg.extract.facts import EntityKind, MentionFact

from .snippets import REPORT_AR, REPORT_EN, facts_of, quotes_in

POA_EN = (
    "Programme of Action to Prevent, Combat and Eradicate the Illicit Trade in Small Arms and "
    "Light Weapons in All Its Aspects"
)
POA_AR = (
    "برنامج العمل لمنع الاتجار غير المشروع بالأسلحة الصغيرة والأسلحة الخفيفة من جميع جوانبه "
    "ومكافحته والقضاء عليه"
)

MENTIONS = [
    (
        "1. The representatives of Egypt, Jordan and Morocco attended.\n",
        ["state:EGY", "state:JOR", "state:MAR"],
    ),
    ("1- حضر ممثلو مصر والأردن والمغرب.\n", ["state:EGY", "state:JOR", "state:MAR"]),
    # an organisation and a place; the United Nations itself is not counted
    (
        "1. Attending as observers were representatives of the League of Arab States, meeting "
        "at the United Nations House in Beirut.\n",
        ["organization:las", "place:beirut"],
    ),
    (
        "1- وحضر الدورة، بصفة مراقب، ممثلون عن جامعة الدول العربية في بيت الأمم المتحدة في "
        "بيروت.\n",
        ["organization:las", "place:beirut"],
    ),
    # an instrument, then its short form
    (
        f"1. States reaffirmed the {POA_EN}.\n\n2. The Programme of Action remains the "
        "framework.\n",
        ["instrument:poa-salw", "instrument:poa-salw"],
    ),
    (
        f"1- أكدت الدول من جديد {POA_AR}.\n\n2- ويظل برنامج العمل هو الإطار.\n",
        ["instrument:poa-salw", "instrument:poa-salw"],
    ),
    # the short form followed by a symbol is a programme of work
    (
        f"1. States reaffirmed the {POA_EN}.\n\n2. The programme of work "
        "(E/ESCWA/EDID/2017/IG.1/L.2) was adopted.\n",
        ["instrument:poa-salw"],
    ),
    # a State's old name: a former Member State
    (
        "1. Adopted by 9 votes to none, with 2 abstentions (Union of Soviet Socialist Republics, "
        "United States of America).\n",
        ["state:SUN", "state:USA"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), MENTIONS)
def test_the_names_a_document_mentions(text: str, expected: list[str]) -> None:
    found = facts_of(text, MentionFact)
    assert [f"{m.entity.kind.value}:{m.entity.key}" for m in found] == expected
    assert all(quotes_in(m, text) for m in found)


PERSONS = [
    (
        REPORT_EN + "1. At its first meeting, the Committee elected by acclamation Mr. Ali "
        "Hassan (Jordan) Chair of the session.\n",
        "Ali Hassan",
    ),
    (
        REPORT_AR + "1- في الجلسة الأولى، انتُخب بالتزكية السيد علي حسن (الأردن) رئيسا للدورة.\n",
        "علي حسن",
    ),
]


@pytest.mark.parametrize(("text", "name"), PERSONS)
def test_persons_the_officers_extractor_found(text: str, name: str) -> None:
    people = [m.entity for m in facts_of(text, MentionFact) if m.entity.kind is EntityKind.PERSON]
    assert [p.label for p in people] == [name]
    assert "state:JOR" in {
        f"{m.entity.kind.value}:{m.entity.key}" for m in facts_of(text, MentionFact)
    }


NO_MENTION = [
    # the short form with no full name before it
    "1. The Programme of Action remains the framework.\n",
    "1- ويظل برنامج العمل هو الإطار.\n",
    # a State's name as a person's
    "1. Mr. Jordan Smith presented the report of the United Nations.\n",
    # the United Nations only
    "1- قدم ممثل الأمم المتحدة التقرير.\n",
]


@pytest.mark.parametrize("text", NO_MENTION)
def test_no_mention_of_what_is_not_named(text: str) -> None:
    assert facts_of(text, MentionFact) == []


@pytest.mark.xfail(strict=True, reason="a State's name in a river's or a delta's is the State")
def test_a_river_named_after_a_state_is_no_state() -> None:
    text = "1. The study covered the Jordan River basin and the Niger Delta.\n"
    assert facts_of(text, MentionFact) == []
