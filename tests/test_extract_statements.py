"""Table tests of the statements extractor: who spoke at which plenary, in what capacity, on
whose behalf, or as which officer; and States named in sentences that are no statement."""

from __future__ import annotations

import pytest

from unkg.extract.facts import StatementFact

from .snippets import REPORT_AR, REPORT_EN, TRANSPORT_SESSION, facts_of, quotes_in

# ordinal, speaker key, capacity role, on behalf of, speaker role
Said = tuple[int, str, str | None, str | None, str | None]

CHAIR_EN = (
    "1. At its first meeting, held on 20 December 2017, the Committee elected by acclamation "
    "Mr. Ali Hassan (Jordan) Chair of the session.\n\n"
)
CHAIR_AR = (
    "1- في الجلسة الأولى المعقودة في 20 كانون الأول/ديسمبر 2017، انتُخب بالتزكية السيد علي "
    "حسن (الأردن) رئيسا للدورة.\n\n"
)

STATEMENTS: list[tuple[str, list[Said]]] = [
    # the speakers after the verb
    (
        REPORT_EN + "1. At the 1st meeting, statements were made by the representatives of "
        "Egypt and Morocco.\n",
        [(1, "EGY", None, None, None), (1, "MAR", None, None, None)],
    ),
    (
        REPORT_AR + "1- في الجلسة الأولى، أدلى ببيانات ممثلا مصر والمغرب.\n",
        [(1, "EGY", None, None, None), (1, "MAR", None, None, None)],
    ),
    # the speaker before the verb, a group it speaks for
    (
        REPORT_EN + "1. At its second meeting, the representative of Mexico, on behalf of the "
        "Group of Latin American and Caribbean States, made a statement.\n",
        [(2, "MEX", None, "grulac", None)],
    ),
    (
        REPORT_EN + "1. At its second meeting, statements were made by the representatives of "
        "Mexico (on behalf of the Group of Latin American and Caribbean States) and Egypt.\n",
        [(2, "MEX", None, "grulac", None), (2, "EGY", None, None, None)],
    ),
    (
        REPORT_AR + "1- وفي الجلسة الثانية، أدلى ببيان ممثل المكسيك (باسم مجموعة دول أمريكا "
        "اللاتينية ومنطقة البحر الكاريبي).\n",
        [(2, "MEX", None, "grulac", None)],
    ),
    # capacities: each group of speakers its own
    (
        REPORT_EN + "1. At the 1st meeting, a statement was made by the representative of "
        "Switzerland, in his capacity as Chair of the open-ended working group, and the "
        "representatives of Egypt and the United States of America.\n",
        [
            (1, "CHE", "chair", None, None),
            (1, "EGY", None, None, None),
            (1, "USA", None, None, None),
        ],
    ),
    (
        REPORT_AR + "1- وفي الجلسة الأولى، أدلى ببيانات ممثل سويسرا بصفته رئيس الفريق العامل "
        "المفتوح باب العضوية، وممثلا مصر والولايات المتحدة الأمريكية بصفتهما منسقي الأجزاء "
        "المتعلقة بالصك الدولي للتعقب.\n",
        [
            (1, "CHE", "chair", None, None),
            (1, "EGY", "coordinator", None, None),
            (1, "USA", "coordinator", None, None),
        ],
    ),
    # a class of actors
    (
        REPORT_EN + "1. At the ninth meeting, statements were made by representatives of "
        "non-governmental organizations.\n",
        [(9, "non-governmental-organizations", None, None, None)],
    ),
    (
        REPORT_AR + "1- في الجلسة التاسعة، أدلى ببيانات ممثلو المنظمات غير الحكومية.\n",
        [(9, "non-governmental-organizations", None, None, None)],
    ),
    # an organisation
    (
        REPORT_EN + "1. At the 1st meeting, the League of Arab States made a statement.\n",
        [(1, "las", None, None, None)],
    ),
    # an officer by office: the person the document elected to it
    (
        REPORT_EN + CHAIR_EN + "2. At the same meeting, the Chair made an opening statement.\n",
        [(1, "ali hassan", None, None, "chair")],
    ),
    (
        REPORT_AR + CHAIR_AR + "2- وفي الجلسة نفسها، أدلى رئيس الدورة ببيان استهلالي.\n",
        [(1, "علي حسن", None, None, "chair")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), STATEMENTS)
def test_speakers_at_each_plenary(text: str, expected: list[Said]) -> None:
    found = facts_of(text, StatementFact)
    assert [
        (
            f.ordinal,
            f.speaker.key,
            f.capacity_role,
            f.on_behalf_of.key if f.on_behalf_of else None,
            f.speaker_role,
        )
        for f in found
    ] == expected
    assert {f.meeting for f in found} == {TRANSPORT_SESSION}
    assert all(quotes_in(f, text) for f in found)


def test_a_capacity_is_kept_as_written() -> None:
    (text, _), (arabic, _) = STATEMENTS[5], STATEMENTS[6]
    assert facts_of(text, StatementFact)[0].capacity == ("Chair of the open-ended working group")
    assert facts_of(arabic, StatementFact)[0].capacity == ("رئيس الفريق العامل المفتوح باب العضوية")


NO_STATEMENT = [
    # a State named in a sentence that makes no statement
    REPORT_EN + "1. At the 1st meeting, the representative of Jordan was appointed as "
    "Rapporteur.\n",
    REPORT_EN + "1. At the 1st meeting, the representative of Egypt made a proposal on road "
    "safety.\n",
    REPORT_AR + "1- في الجلسة الأولى، قدم ممثل مصر اقتراحا بشأن السلامة على الطرق.\n",
    # statements recalled, not made here
    REPORT_EN + "1. At the 1st meeting, the Chair recalled the statements made by Egypt and "
    "Morocco at the previous session.\n",
    REPORT_AR + "1- في الجلسة الأولى، أحاطت اللجنة علما بالبيانات التي أدلى بها ممثلو الدول "
    "الأعضاء.\n",
    # a statement at no numbered plenary
    REPORT_EN + "1. The representative of Egypt made a statement.\n",
    REPORT_AR + "1- أدلى ممثل مصر ببيان.\n",
]


@pytest.mark.parametrize("text", NO_STATEMENT)
def test_no_statement_without_a_speaker_stating_at_a_plenary(text: str) -> None:
    assert facts_of(text, StatementFact) == []


@pytest.mark.xfail(
    strict=True, reason="'on behalf of' after 'made a statement' is not read as the group"
)
def test_on_behalf_of_after_the_verb() -> None:
    text = (
        REPORT_EN + "1. At its second meeting, the representative of Mexico made a statement "
        "on behalf of the Group of Latin American and Caribbean States.\n"
    )
    found = facts_of(text, StatementFact)
    assert [(f.speaker.key, f.on_behalf_of.key if f.on_behalf_of else None) for f in found] == [
        ("MEX", "grulac")
    ]
