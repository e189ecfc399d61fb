"""Table tests of the agenda extractor: the items (notation, title, sub-items) of the list a
paragraph gives as the agenda, and the plenaries that considered, began or continued the
items a sentence names."""

from __future__ import annotations

import pytest

from unkg.extract.facts import AgendaItemFact, ConsiderationFact

from .snippets import REPORT_AR, REPORT_EN, TRANSPORT_SESSION, facts_of, quotes_in

L1 = "E/ESCWA/EDID/2017/IG.1/L.1"


def _numbered(sentences: list[str], mark: str) -> str:
    return "".join(f"{n}{mark} {s}\n" for n, s in enumerate(sentences, 1))


# paragraphs 1-4 before the agenda: the list's 1-4 do not continue them (as in the report,
# whose agenda is a list inside paragraph 59)
BEFORE_EN = _numbered(
    [
        "The Committee held its eighteenth session in Beirut on 20 and 21 December 2017.",
        "The session was attended by representatives of member States.",
        "Mauritania is chair of the eighteenth session.",
        "The representative of Jordan was appointed as Rapporteur.",
    ],
    ".",
)
BEFORE_AR = _numbered(
    [
        "عقدت لجنة النقل واللوجستيات دورتها الثامنة عشرة في بيروت يومي 20 و21 كانون "
        "الأول/ديسمبر 2017.",
        "شارك في الدورة ممثلون عن الدول الأعضاء.",
        "تتولى موريتانيا رئاسة الدورة الثامنة عشرة.",
        "تولى ممثل الأردن منصب المقرر.",
    ],
    "-",
)
AGENDA_EN = (
    REPORT_EN
    + BEFORE_EN
    + "5. At its first meeting, held on 20 December 2017, the Committee adopted the agenda of "
    f"the eighteenth session, set forth in document {L1}. The agenda was adopted as follows:\n"
    "1. Opening of the session.\n2. Election of officers.\n"
    "3. Adoption of the agenda and other organizational matters.\n"
    "4. Progress achieved in the field of transport and logistics:\n"
    "(a) Implementation of transport and logistics activities under the ESCWA programme of "
    "work;\n(b) Action taken by member States.\n"
)
AGENDA_ONLY_EN = AGENDA_EN
AGENDA_EN += "6. Annex II to the present report contains the list of documents.\n"
AGENDA_AR = (
    REPORT_AR
    + BEFORE_AR
    + "5- أقرت لجنة النقل واللوجستيات في جلستها الأولى المعقودة في 20 كانون الأول/ديسمبر 2017 "
    f"جدول الأعمال بصيغته المعروضة عليها في الوثيقة {L1}. وفي ما يلي جدول الأعمال بصيغته "
    "المعتمدة:\n1- افتتاح أعمال الدورة.\n2- انتخاب أعضاء المكتب.\n"
    "3- إقرار جدول الأعمال ومسائل تنظيمية أخرى.\n"
    "4- التقدم المحرز في مجال النقل واللوجستيات:\n"
    "(أ) تنفيذ الأنشطة المتعلقة بالنقل واللوجستيات في إطار برنامج عمل الإسكوا؛\n"
    "(ب) الإجراءات المتخذة في الدول الأعضاء.\n"
)
AGENDA_AR += "6- ترد في المرفق الثاني لهذا التقرير قائمة الوثائق.\n"

ITEMS_EN = [
    ("1", None, "Opening of the session"),
    ("2", None, "Election of officers"),
    ("3", None, "Adoption of the agenda and other organizational matters"),
    ("4", None, "Progress achieved in the field of transport and logistics"),
    (
        "4(a)",
        "4",
        "Implementation of transport and logistics activities under the ESCWA programme of work",
    ),
    ("4(b)", "4", "Action taken by member States"),
]
ITEMS_AR = [
    ("1", None, "افتتاح أعمال الدورة"),
    ("2", None, "انتخاب أعضاء المكتب"),
    ("3", None, "إقرار جدول الأعمال ومسائل تنظيمية أخرى"),
    ("4", None, "التقدم المحرز في مجال النقل واللوجستيات"),
    ("4(a)", "4", "تنفيذ الأنشطة المتعلقة بالنقل واللوجستيات في إطار برنامج عمل الإسكوا"),
    ("4(b)", "4", "الإجراءات المتخذة في الدول الأعضاء"),
]


@pytest.mark.parametrize(("text", "expected"), [(AGENDA_EN, ITEMS_EN), (AGENDA_AR, ITEMS_AR)])
def test_the_agenda_list_gives_items_and_sub_items(
    text: str, expected: list[tuple[str, str | None, str]]
) -> None:
    items = facts_of(text, AgendaItemFact)
    assert [(i.notation, i.parent, i.title) for i in items] == expected
    assert {(i.meeting, i.agenda) for i in items} == {(TRANSPORT_SESSION, L1)}
    assert all(quotes_in(i, text) for i in items)


CONSIDERATIONS = [
    # two items, one sentence, one plenary
    (
        AGENDA_EN
        + "7. At its second meeting, the Committee considered agenda items 3 and 4 (a).\n",
        [(2, "3", "considered"), (2, "4(a)", "considered")],
    ),
    (
        AGENDA_AR + "7- نظرت اللجنة في جلستها الثانية في البندين 3 و4 (أ).\n",
        [(2, "3", "considered"), (2, "4(a)", "considered")],
    ),
    # continued and began, the verb after the meeting
    (
        AGENDA_EN + "7. At its third meeting, the Committee continued its consideration of "
        "item 4 (b).\n",
        [(3, "4(b)", "continued")],
    ),
    (
        AGENDA_AR + "7- وفي الجلسة الثالثة المعقودة في 21 كانون الأول/ديسمبر، واصلت اللجنة "
        "النظر في البند 4 (ب) من جدول الأعمال.\n",
        [(3, "4(b)", "continued")],
    ),
    (
        AGENDA_AR + "7- وفي الجلستين الثالثة والرابعة، نظرت اللجنة في البند 3 من جدول الأعمال "
        "وباشرت النظر في البند 4 (أ) من جدول الأعمال.\n",
        [
            (3, "3", "considered"),
            (4, "3", "considered"),
            (3, "4(a)", "began"),
            (4, "4(a)", "began"),
        ],
    ),
    # the verb before the meeting, as Arabic reports often put it
    (
        AGENDA_AR + "7- وواصلت اللجنة في جلستها الثالثة النظر في البند 4 (ب).\n",
        [(3, "4(b)", "continued")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CONSIDERATIONS)
def test_the_plenary_that_considered_each_item(
    text: str, expected: list[tuple[int, str, str]]
) -> None:
    found = facts_of(text, ConsiderationFact)
    assert [(c.ordinal, c.notation, c.mode) for c in found] == expected
    assert {c.meeting for c in found} == {TRANSPORT_SESSION}
    assert all(quotes_in(c, text) for c in found)


NO_AGENDA = [
    # a numbered list that is no agenda
    REPORT_EN + BEFORE_EN + "5. The Committee made the following recommendations:\n"
    "1. Implement trade facilitation measures.\n2. Improve road safety.\n",
    REPORT_AR + BEFORE_AR + "5- أوصت اللجنة بما يلي:\n1- تنفيذ تدابير تسهيل التجارة.\n"
    "2- تحسين السلامة على الطرق.\n",
    # an agenda with no meeting to belong to
    AGENDA_EN[len(REPORT_EN) :],
]


@pytest.mark.parametrize("text", NO_AGENDA)
def test_no_items_without_an_agenda_list_of_a_meeting(text: str) -> None:
    assert facts_of(text, AgendaItemFact) == []


NO_CONSIDERATION = [
    # items named, but no plenary meeting
    AGENDA_EN + "7. The Committee considered agenda items 3 and 4 (a) in depth.\n",
    AGENDA_AR + "7- نظرت اللجنة في البندين 3 و4 (أ).\n",
    # a plenary, but no item named: a rule, a paragraph
    AGENDA_EN + "7. At its second meeting, the Committee considered rule 18 and paragraph 4.\n",
]


@pytest.mark.parametrize("text", NO_CONSIDERATION)
def test_no_consideration_without_a_plenary_and_an_item(text: str) -> None:
    assert facts_of(text, ConsiderationFact) == []


@pytest.mark.xfail(
    strict=True,
    reason="an agenda list the text ends with reads as a second copy numbered from 1",
)
def test_an_agenda_that_ends_the_text_is_still_a_list() -> None:
    items = facts_of(AGENDA_ONLY_EN, AgendaItemFact)
    assert [(i.notation, i.parent, i.title) for i in items] == ITEMS_EN
