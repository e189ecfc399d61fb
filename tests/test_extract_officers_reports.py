"""The bureau as commission reports state it: "Office: holder" lists, one per line, and the
turns that assign offices in running text; job titles elsewhere are not offices."""

from __future__ import annotations

import pytest

from unkg.extract.facts import RoleAssignmentFact

from .snippets import facts_of

TITLE_EN = "Committee on Energy\nEleventh session\nBeirut, 16-17 January 2017\n\n"
TITLE_AR = "لجنة الطاقة\nالدورة الحادية عشرة\nبيروت، 16-17 كانون الثاني/يناير 2017\n\n"


def officers(text: str) -> set[tuple[str, str | None, str | None]]:
    return {
        (
            f.role,
            f.holder.label if f.holder.kind.value == "person" else None,
            f.representing.key if f.representing else None,
        )
        for f in facts_of(text, RoleAssignmentFact)
    }


LISTS = [
    (
        TITLE_EN
        + "1. The officers of the eleventh session of the Committee on Energy will be as follows:\n"
        "President: Mr. Mohamed Yarkit, representative of Mauritania\n"
        "Vice-President: Mr. Abdallah Ahmed Hajjar, representative of Yemen\n"
        "Rapporteur: Mr. Mustapha al-Khatib, representative of Jordan\n"
        "3 ESCWA member States in Arabic alphabetical order are as follows: Jordan, Bahrain,"
        " Tunisia and Yemen.\n",
        {
            ("chair", "Mohamed Yarkit", "MRT"),
            ("vice-chair", "Abdallah Ahmed Hajjar", "YEM"),
            ("rapporteur", "Mustapha al-Khatib", "JOR"),
        },
    ),
    (
        TITLE_AR
        + "1- وتم الاتفاق على أن يكون أعضاء المكتب للدورة الحادية عشرة للجنة الطاقة كما يلي:\n"
        "الرئيس: السيد محمد ولد ياركيت الجمهورية الإسلامية الموريتانية\n"
        "نائب الرئيس: السيد أحمد محمد مهينة جمهورية مصر العربية\n"
        "المقرر: السيد مصطفى الخطيب المملكة الأردنية الهاشمية\n"
        "(3) الدول الأعضاء بحسب الترتيب الأبجدي باللغة العربية: المملكة الأردنية الهاشمية،"
        " ومملكة البحرين، والجمهورية التونسية.\n",
        {
            ("chair", "محمد ولد ياركيت", "MRT"),
            ("vice-chair", "أحمد محمد مهينة", "EGY"),
            ("rapporteur", "مصطفى الخطيب", "JOR"),
        },
    ),
]


@pytest.mark.parametrize(("text", "expected"), LISTS)
def test_each_office_of_a_list_takes_the_holder_on_its_line(
    text: str, expected: set[tuple[str, str | None, str | None]]
) -> None:
    assert officers(text) == expected


RUNNING = [
    (
        TITLE_EN
        + "1. Ms. Fayza Ahmed Muhammad, the representative of the Sudan, was appointed Chair"
        " of the eleventh session of the Committee, after the representative of the Syrian Arab"
        " Republic, which chaired the previous session. The Committee elected the representative"
        " of the Syrian Arab Republic, Mr. Abdul Razzak Ismail, and the representative of Iraq,"
        " Mr. Dahham Muhammad Dahham, as Vice-Chairs.\n",
        {
            ("chair", "Fayza Ahmed Muhammad", "SDN"),
            ("vice-chair", "Abdul Razzak Ismail", "SYR"),
            ("vice-chair", "Dahham Muhammad Dahham", "IRQ"),
        },
    ),
    (
        TITLE_AR + "1- وانتخب المشاركون ممثلي دولة فلسطين ودولة الكويت، نائبين للرئيس، وممثل"
        " جمهورية مصر العربية مقررا.\n",
        {("vice-chair", None, "PSE"), ("vice-chair", None, "KWT"), ("rapporteur", None, "EGY")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), RUNNING)
def test_offices_assigned_in_running_text(
    text: str, expected: set[tuple[str, str | None, str | None]]
) -> None:
    assert officers(text) == expected


NOT_OFFICES = [
    # a list of participants: job titles, with a "رئاسة" of a ministry far from any office
    TITLE_AR + "1- عقدت اللجنة دورتها.\n\nالمرفق الأول\nقائمة المشاركين\nالجمهورية اللبنانية\n"
    "السيد رمزي سلامة\nرئاسة مجلس الوزراء\nمستشار\nالمملكة الأردنية الهاشمية\nالسيد فارس أبو دية\n"
    "مدير وحدة التخطيط في وزارة النقل\nسلطنة عمان\nالسيد سالم العامري\nمدير عام النقل البري\n"
    "الجمهورية التونسية\nالسيد عبد القادر كمون\nمدير التعاون الدولي\nدولة قطر\nالسيدة غادة عثمان\n"
    "رئيس قسم التخطيط\n",
    TITLE_EN
    + "1. Mr. Samir Hammoud, Chairman of the Banking Control Commission of Lebanon, spoke.\n",
]


@pytest.mark.parametrize("text", NOT_OFFICES)
def test_job_titles_far_from_an_assignment_are_not_offices(text: str) -> None:
    assert {o for o in officers(text) if o[0] in ("chair", "vice-chair", "rapporteur")} == set()
