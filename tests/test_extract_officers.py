"""Table tests of the officers extractor: who was elected or appointed to which office of
the meeting, for which State, at which plenary and how; posts held by named persons; the
Secretariat bodies serving the meeting; and sentences that assign no office."""

from __future__ import annotations

import datetime as dt

import pytest

from unkg.extract.facts import EntityKind, RoleAssignmentFact

from .snippets import REPORT_AR, REPORT_EN, TRANSPORT_SESSION, facts_of, quotes_in

D20 = dt.date(2017, 12, 20)

# role, holder (person: its name as written; else the key), State, ordinal, date, method
Office = tuple[str, str, str | None, int | None, dt.date | None, str | None]

ELECTIONS: list[tuple[str, list[Office]]] = [
    # a person, the State in brackets, the office after it
    (
        REPORT_EN + "1. At its first meeting, held on 20 December 2017, the Committee elected "
        "by acclamation Mr. Ali Hassan (Jordan) Chair of the session.\n",
        [("chair", "Ali Hassan", "JOR", 1, D20, "acclamation")],
    ),
    (
        REPORT_AR + "1- في الجلسة الأولى المعقودة في 20 كانون الأول/ديسمبر 2017، انتُخب "
        "بالتزكية السيد علي حسن (الأردن) رئيسا للدورة.\n",
        [("chair", "علي حسن", "JOR", 1, D20, "acclamation")],
    ),
    # an office heading and the States listed under it
    (
        REPORT_EN + "1. At its 2nd meeting, also on 20 December, the following members of the "
        "Bureau were elected by acclamation:\nVice-Chairs:\nPhilippines, Bulgaria and Saint "
        "Lucia.\n",
        [
            ("vice-chair", "PHL", "PHL", 2, D20, "acclamation"),
            ("vice-chair", "BGR", "BGR", 2, D20, "acclamation"),
            ("vice-chair", "LCA", "LCA", 2, D20, "acclamation"),
        ],
    ),
    (
        REPORT_EN + "1. At its second meeting, the Committee elected by acclamation the "
        "following members of the Bureau:\nVice-Chairs:\nPhilippines, Bulgaria and Saint "
        "Lucia.\n",
        [
            ("vice-chair", "PHL", "PHL", 2, None, "acclamation"),
            ("vice-chair", "BGR", "BGR", 2, None, "acclamation"),
            ("vice-chair", "LCA", "LCA", 2, None, "acclamation"),
        ],
    ),
    (
        REPORT_AR + "1- وفي الجلسة الثانية، انتُخب بالتزكية أعضاء المكتب من البلدان التالية:\n"
        "نواب الرئيس:\nالفلبين وبلغاريا وسانت لوسيا.\n",
        [
            ("vice-chair", "PHL", "PHL", 2, None, "acclamation"),
            ("vice-chair", "BGR", "BGR", 2, None, "acclamation"),
            ("vice-chair", "LCA", "LCA", 2, None, "acclamation"),
        ],
    ),
    # appointed, in any turn: each office takes the States named since the one before
    (
        REPORT_EN + "1. In line with procedures adopted at previous sessions, the "
        "representatives of Morocco and Yemen were appointed as Vice-Chairs, and the "
        "representative of Jordan as Rapporteur.\n",
        [
            ("vice-chair", "MAR", "MAR", None, None, None),
            ("vice-chair", "YEM", "YEM", None, None, None),
            ("rapporteur", "JOR", "JOR", None, None, None),
        ],
    ),
    (
        REPORT_AR + "1- وعملاً بالإجراء الذي اتبع في الدورات السابقة للجنة، تولى ممثل المملكة "
        "المغربية، وممثل الجمهورية اليمنية منصبي نائب الرئيس، وممثل المملكة الأردنية الهاشمية "
        "منصب المقرر.\n",
        [
            ("vice-chair", "MAR", "MAR", None, None, None),
            ("vice-chair", "YEM", "YEM", None, None, None),
            ("rapporteur", "JOR", "JOR", None, None, None),
        ],
    ),
    # the chair by rotation, not its predecessor
    (
        REPORT_EN + "1. In conformity with the practice in this regard, Mauritania is chair of "
        "the eighteenth session of the Committee on Transport and Logistics, following Saudi "
        "Arabia, which chaired the seventeenth session.\n",
        [("chair", "MRT", "MRT", None, None, None)],
    ),
    (
        REPORT_AR + "1- وعملاً بالتقليد المتبع في هذا الشأن، تتولى الجمهورية الإسلامية "
        "الموريتانية رئاسة الدورة الثامنة عشرة للجنة النقل واللوجستيات خلفا للمملكة العربية "
        "السعودية التي تولت رئاسة الدورة السابعة عشرة.\n",
        [("chair", "MRT", "MRT", None, None, None)],
    ),
]


def _holder(f: RoleAssignmentFact) -> str:
    return f.holder.label if f.holder.kind is EntityKind.PERSON else f.holder.key


@pytest.mark.parametrize(("text", "expected"), ELECTIONS)
def test_the_officers_of_the_session(text: str, expected: list[Office]) -> None:
    found = facts_of(text, RoleAssignmentFact)
    rep = [(f.representing.key if f.representing else None) for f in found]
    assert [
        (f.role, _holder(f), state, f.ordinal, f.date, f.method)
        for f, state in zip(found, rep, strict=True)
    ] == expected
    assert {f.meeting for f in found} == {TRANSPORT_SESSION}
    assert all(quotes_in(f, text) for f in found)


POSTS = [
    # a post and the person apposed to it
    (
        REPORT_EN + "1. The High Representative for Disarmament Affairs, Sergio Duarte, opened "
        "the meeting and made a statement.\n",
        ("high-representative-disarmament", EntityKind.PERSON, "Sergio Duarte"),
    ),
    (
        REPORT_AR + "1- وتولى الممثل السامي لشؤون نزع السلاح، سيرجيو دوارتي، افتتاح الاجتماع، "
        "وأدلى ببيان.\n",
        ("high-representative-disarmament", EntityKind.PERSON, "سيرجيو دوارتي"),
    ),
    # a Secretariat body serving the meeting
    (
        REPORT_EN + "1. The Department for General Assembly and Conference Management provided "
        "secretariat services to the Meeting.\n",
        ("secretariat-services", EntityKind.ORGANIZATION, "dgacm"),
    ),
    (
        REPORT_AR + "1- وقدّمت إدارة شؤون الجمعية العامة والمؤتمرات خدمات السكرتارية للاجتماع.\n",
        ("secretariat-services", EntityKind.ORGANIZATION, "dgacm"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), POSTS)
def test_posts_and_services(text: str, expected: tuple[str, EntityKind, str]) -> None:
    (found,) = facts_of(text, RoleAssignmentFact)
    assert (found.role, found.holder.kind, _holder(found)) == expected
    assert (found.meeting, found.representing) == (TRANSPORT_SESSION, None)
    assert quotes_in(found, text)


NO_OFFICE = [
    # chairs as furniture
    REPORT_EN + "1. The chairs of the conference room were arranged so that the "
    "representatives of Jordan and Egypt sat together.\n",
    REPORT_AR + "1- وجلس ممثلو الأردن ومصر على الكراسي المخصصة لهم في القاعة.\n",
    # "elected" that elects no one
    REPORT_EN + "1. The Committee elected to defer consideration of item 5 at the request of "
    "Jordan.\n",
    # the office of another session
    REPORT_EN + "1. Saudi Arabia chaired the seventeenth session of the Committee on Transport "
    "and Logistics.\n",
    REPORT_AR + "1- ترأست المملكة العربية السعودية الدورة السابعة عشرة للجنة النقل واللوجستيات.\n",
    # a State that speaks, holding nothing
    REPORT_EN + "1. The representative of Jordan made a statement on road safety.\n",
    REPORT_AR + "1- أدلى ممثل الأردن ببيان عن السلامة على الطرق.\n",
    # an officer named by office only, no holder
    REPORT_EN + "1. A drafting committee was formed, chaired by the Rapporteur and composed of "
    "representatives of some member States.\n",
    REPORT_AR + "1- وتم تشكيل لجنة الصياغة برئاسة المقرر وعضوية ممثلين عن بعض الدول المشاركة.\n",
]


@pytest.mark.parametrize("text", NO_OFFICE)
def test_no_office_without_an_assignment(text: str) -> None:
    assert facts_of(text, RoleAssignmentFact) == []


@pytest.mark.xfail(
    strict=True, reason="a list of 'office: holder' split by semicolons reads only its first"
)
def test_a_bureau_listed_in_one_sentence_with_semicolons() -> None:
    text = (
        REPORT_EN + "1. The Bureau was composed as follows: Chair: Jordan; Vice-Chair: Morocco; "
        "Rapporteur: Egypt.\n"
    )
    found = facts_of(text, RoleAssignmentFact)
    assert [(f.role, f.holder.key) for f in found] == [
        ("chair", "JOR"),
        ("vice-chair", "MAR"),
        ("rapporteur", "EGY"),
    ]
