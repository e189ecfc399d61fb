"""Document structure recovered from the samples and from fragments in their style."""

from __future__ import annotations

import difflib
import re
import statistics
from pathlib import Path

from unkg.ingest.files import read_source
from unkg.lang.ar.script import word_key
from unkg.structure.document import BlockKind, Document
from unkg.structure.inspect import document_dates
from unkg.structure.layout import parse

# The broken copy of the report, repaired, must read like the clean copy paragraph by
# paragraph. Measured when this test was written: mean 0.84, lowest 0.42 (paragraph 18, whose
# lines the PDF shuffled beyond what local cues can undo); every paragraph found in both.
MEAN_SIMILARITY_FLOOR = 0.80
LOW_SIMILARITY_FLOOR = 0.35


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", word_key(text)).strip()


def similarity_by_paragraph(document: Document) -> dict[int, float]:
    clean = {p.number: p for p in document.paragraphs if p.number is not None}
    return {
        p.number: difflib.SequenceMatcher(
            None, _normal(p.text), _normal(clean[p.number].text), autojunk=False
        ).ratio()
        for p in document.alternates
        if p.number in clean
    }


def test_report_symbol_and_job_number_come_from_the_page_header(report: Document) -> None:
    assert report.metadata.symbol == "A/CONF.192/MGE/2011/1"
    assert report.metadata.job_number == "11-36467"
    assert report.metadata.pages == (7,)
    # the header lines are not in any paragraph
    assert not any("11-36467" in p.text for p in report.paragraphs)


def test_report_paragraphs_1_to_39_each_exactly_once(report: Document) -> None:
    assert [p.number for p in report.paragraphs] == list(range(1, 40))
    assert report.copies == 2
    assert {p.copy for p in report.paragraphs} == {report.chosen_copy}


def test_the_clean_copy_is_chosen_and_offsets_point_into_it(report: Document) -> None:
    original = report.source.text
    clean_start = original.index("\tاجتماع الخبراء")
    paragraph = report.paragraphs[6]
    start, end = paragraph.span()
    assert start > clean_start
    assert original[start:end] == paragraph.text  # the clean copy needed no repair
    words = paragraph.text.index("دجيم ماكلاي")
    a, b = paragraph.span(words, words + len("دجيم ماكلاي"))
    assert original[a:b] == "دجيم ماكلاي"


def test_repaired_broken_copy_matches_the_clean_copy(report: Document) -> None:
    scores = similarity_by_paragraph(report)
    assert set(scores) == set(range(1, 40))
    assert statistics.mean(scores.values()) >= MEAN_SIMILARITY_FLOOR
    assert min(scores.values()) >= LOW_SIMILARITY_FLOOR


def test_report_sections_and_subsections(report: Document) -> None:
    assert [(s.id, s.label) for s in report.sections] == [
        ("1", "أولا"),
        ("2", "ثانياً"),
        ("2.1", "ألف"),
        ("2.2", "باء"),
        ("2.3", "جيم"),
        ("2.4", "دال"),
        ("2.5", "هاء"),
        ("3", "ثالثاً"),
        ("4", "رابعاً"),
    ]
    assert report.sections[2].title == "افتتاح الاجتماع ومدة انعقاده"
    assert report.paragraphs[6].section == "2.2"


def test_report_title_blocks(report: Document) -> None:
    kinds = [b.kind for b in report.blocks]
    assert kinds == [BlockKind.BODY_NAME, BlockKind.DATELINE, BlockKind.DOC_TITLE]
    assert report.blocks[1].text == "نيويورك، 9 - 13 أيار/مايو 2011"
    assert report.blocks[2].text.startswith("تقرير اجتماع الخبراء الحكوميين")


def test_agenda_inside_paragraph_10_is_a_list_not_paragraphs(report: Document) -> None:
    agenda = report.paragraphs[9]
    assert agenda.number == 10
    entries = [(i.label, i.ordinal) for i in agenda.items if i.label.isdigit()]
    assert entries == [(str(n), n) for n in range(1, 8)]
    letters = [i.label for i in agenda.items if not i.label.isdigit()]
    assert letters == ["أ", "ب", "ج", "د", "ه", "و", "أ", "ب"]


def test_lettered_items_of_paragraph_37(report: Document) -> None:
    items = report.paragraphs[36].items
    assert [i.label for i in items] == ["أ", "ب", "ج", "د", "ه", "و", "ز", "ح", "ط", "ي", "ك"]
    assert items[2].text.startswith("إمكانية وضع صك ملزم قانوناً")


def test_note_verbale_sections_i_to_v_in_its_annex(note_verbale: Document) -> None:
    assert [(s.label, s.number, s.annex) for s in note_verbale.sections] == [
        ("أولا", 1, 1),
        ("ثانيا", 2, 1),
        ("ثالثا", 3, 1),
        ("رابعا", 4, 1),
        ("خامسا", 5, 1),
    ]
    assert note_verbale.metadata.symbol is None


def test_note_verbale_title_and_body(note_verbale: Document) -> None:
    title = note_verbale.block(BlockKind.DOC_TITLE)
    assert title is not None and title.text.startswith("مذكرة شفوية مؤرخة 6 تموز/يوليه 2001")
    assert title.text.endswith("يومي 21 و 22 حزيران/يونيه 2001")
    body = note_verbale.paragraphs[0]
    assert body.annex is None and "البعثة الدائمة لأذربيجان" in body.text
    assert all(p.annex == 1 for p in note_verbale.paragraphs[2:])


def test_note_verbale_dates(note_verbale: Document) -> None:
    dates = [(d["first"], d["last"]) for d in document_dates(note_verbale)]
    assert dates[:3] == [
        ("2001-07-09", "2001-07-20"),
        ("2001-07-06", "2001-07-06"),
        ("2001-06-21", "2001-06-22"),
    ]
    assert ("2001-07-09", "2001-07-09") in dates  # "9 تموز/ يوليه", year from context
    assert ("2001-06-30", "2001-06-30") in dates
    assert ("1999-12-01", "1999-12-31") in dates  # a month: كانون الأول/ديسمبر 1999
    assert dates[-1] == ("2001-06-22", "2001-06-22")


def test_a_page_break_inside_a_paragraph_leaves_the_header_out(tmp_path: Path) -> None:
    text = (
        "تقرير الاجتماع\n"
        "1 - عقد الاجتماع في مقر الأمم المتحدة\n"
        "A/CONF.999/2020/3\n"
        "20-12345 4\n"
        "خلال الفترة من 3 إلى 5 آذار/مارس 2020.\n"
        "2 - وانتخب الاجتماع رئيسه.\n"
    )
    path = tmp_path / "fragment.txt"
    path.write_text(text, encoding="utf-8")
    document = parse(read_source(path))
    assert document.metadata.symbol == "A/CONF.999/2020/3"
    assert document.metadata.job_number == "20-12345"
    assert document.metadata.pages == (4,)
    assert [p.number for p in document.paragraphs] == [1, 2]
    assert document.paragraphs[0].text == (
        "عقد الاجتماع في مقر الأمم المتحدة خلال الفترة من 3 إلى 5 آذار/مارس 2020."
    )


# A commission report as ESCWA prints it: a table of contents naming its annexes before
# paragraph 1, and an annexed text that numbers its own paragraphs from 1.
REPORT_WITH_ANNEXES = """Economic and Social Commission for Western Asia (ESCWA)
Report
Twelfth session of the Committee on Energy
Beirut, 4-5 December 2017

CONTENTS
Paragraphs Page
Introduction .......... 1-3 3
ANNEXES
I. List of participants .......... 12

Introduction
1. The Committee on Energy held its twelfth session in Beirut on 4 and 5 December 2017.
2. The session was opened by the Executive Secretary.
3. The Committee adopted its agenda.
4. The Committee adopted its recommendations.
5. The Committee adopted its report.

Annex I
Key priorities for the Arab region
1. The Arab region faces many challenges.
2. Financing is a priority.
"""


def test_annexes_named_in_the_contents_and_an_annex_numbering_from_1(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT_WITH_ANNEXES, encoding="utf-8")
    document = parse(read_source(path))
    ids = [p.id for p in document.paragraphs if p.number is not None]
    assert ids[:5] == ["para_1", "para_2", "para_3", "para_4", "para_5"]
    assert ids[-2:] == ["annex1_para_1", "annex1_para_2"]
    assert document.blocks[0].annex is None
    assert "Twelfth session" in " ".join(b.view.text for b in document.blocks if b.annex is None)
