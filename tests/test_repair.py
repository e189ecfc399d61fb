"""Arabic text repair: each small step, the composed pass, and its offset map."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unkg import lang
from unkg.lang.ar.repair.chars import digits_to_ascii, remove_tatweel
from unkg.repair import repair as repair_in
from unkg.repair import run_step
from unkg.repair.chars import (
    fold_compatibility,
    normalize_newlines,
    normalize_whitespace,
    strip_format_controls,
)
from unkg.repair.offsets import Edit, Repaired, apply_edits

ARABIC = lang.get("ar")


def repair(text: str) -> Repaired:
    return repair_in(text, ARABIC)


def test_presentation_forms_fold_without_losing_hamza_or_madda() -> None:
    # lam-alef with hamza above, with madda, plain; final alef; initial beh
    assert run_step(fold_compatibility, "\ufef7\ufef5\ufefb\ufe8e\ufe91") == "لألآلااب"


def test_tatweel_is_removed() -> None:
    assert run_step(remove_tatweel, "اجتمـــاع الخـبراء") == "اجتماع الخبراء"


def test_arabic_indic_and_extended_digits_become_numbers() -> None:
    assert run_step(digits_to_ascii, "٦٣/٧٢ و ۱۲") == "63/72 و 12"


def test_controls_and_newlines() -> None:
    assert run_step(strip_format_controls, "a\u200fb\u202bc\u00add") == "abcd"
    assert run_step(normalize_newlines, "a\r\nb\rc\fd") == "a\nb\nc\nd"
    assert run_step(normalize_whitespace, "  a \t  b  \n c ") == "a b\nc"


@pytest.mark.parametrize(
    ("broken", "repaired"),
    [
        # runs of a line emitted right to left, cut at kashidas (from the report's title)
        (
            "ــضوية    ــوح العـ ــوميين المفتـ ــبراء الحكـ ــاع الخـ اجتمـ",
            "اجتماع الخبراء الحكوميين المفتوح العضوية",
        ),
        # the lam-alef of "الاتجار" pulled out of its word
        (
            " تجــارلاالمعــني بتنفيــذ برنــامج العمــل المتعلــق بمنــع ا ",
            "المعني بتنفيذ برنامج العمل المتعلق بمنع الاتجار",
        ),
        # a shuffled date line
        ("        ٢٠١١مايو / أيار١٣ - ٩نيويورك، ", "نيويورك، 9 - 13 أيار / مايو 2011"),
        # a paragraph number at the end of a visual-order line
        (
            " بــشأن تنفيــذ برنــامج العمــل المتعلــق بمنــع ٦٣/٧٢"
            " قــرّرت الجمعيــة العامــة، في قرارهــا   - ١",
            "1 - قرّرت الجمعية العامة، في قرارها 63/72 بشأن تنفيذ برنامج العمل المتعلق بمنع",
        ),
        # a list marker and a heading, mirrored to the end
        ("  الأطر الوطنية؛  )د(    ", "(د) الأطر الوطنية؛"),
        ("  مقدمة  –أولا   ", "أولا - مقدمة"),
        # the tail of the last word moved to the front
        (
            "ـــي  الاتحـاد الأوروبي، وكذلـك المشـاريع على الصعيـد دون الإقليم",
            "الاتحاد الأوروبي، وكذلك المشاريع على الصعيد دون الإقليمي",
        ),
    ],
)
def test_visual_order_lines_are_put_back_in_reading_order(broken: str, repaired: str) -> None:
    assert repair(broken).text == repaired


def test_clean_lines_are_left_alone() -> None:
    clean = (
        "7 - في الجلسة الأولى المعقودة في 9 أيار/مايو، انتُخب بالتزكية السيد دجيم ماكلاي "
        "(نيوزيلندا) رئيسا للاجتماع."
    )
    assert repair(clean).text == clean


def test_a_logical_line_with_kashida_is_not_reordered() -> None:
    line = "البلــدان المضيفــة. ولاحــظ المشــاركون الحاجــة إلى التحقــق مــن جمــع الأســلحة"
    assert repair(line).text == "البلدان المضيفة. ولاحظ المشاركون الحاجة إلى التحقق من جمع الأسلحة"


def test_words_cut_by_the_pdf_are_joined_when_the_document_knows_the_word() -> None:
    text = "الاتجار بالأسلحة الخفيفة\nالاتجار بالأسلحة\nالاتجار بالأ سلحة الصغيرة"
    assert repair(text).text.splitlines()[2] == "الاتجار بالأسلحة الصغيرة"


def test_two_known_words_are_not_joined() -> None:
    text = "في ما يتعلق بالمسائل\nفيما بين الدول\nفي ما يتعلق"
    assert repair(text).text == text


def test_offsets_point_into_the_original() -> None:
    original = "        ٢٠١١مايو / أيار١٣ - ٩نيويورك، "
    r = repair(original)
    start = r.text.index("نيويورك")
    a, b = r.span(start, start + len("نيويورك"))
    assert original[a:b] == "نيويورك"
    year = r.text.index("2011")
    a, b = r.span(year, year + 4)
    assert original[a:b] == "٢٠١١"


def test_apply_edits_maps_every_character() -> None:
    text, index = apply_edits("abcdef", [Edit(1, 3, "X"), Edit(4, 4, "YZ"), Edit(5, 6, "")])
    assert text == "aXdYZe"
    assert list(index) == [0, 1, 3, 4, 4, 4, 6]


def test_composed_spans() -> None:
    r = Repaired.unchanged("abc")
    assert r.span(0, 3) == (0, 3)
    with pytest.raises(ValueError):
        r.span(2, 5)


# Property tests over text made of the characters PDF extraction leaves: letters with and
# without hamza, tatweel, both digit sets, presentation forms, lam-alef ligatures, brackets,
# dashes, slashes, Latin symbol letters, spaces, tabs and line breaks.
ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآؤئ"
    + "\u0640" * 4
    + "٠١٢٣٤٥٦٧٨٩۰۵"
    + "0123456789"
    + "  \n\t-–/().،؛:”“"
    + "\ufef7\ufefb\ufe8e\ufe91\ufdf2\u00a0\u200f"
    + "ACONFRevL"
    + "لا"
)
TEXT = st.text(alphabet=ALPHABET, max_size=300)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))


@SETTINGS
@given(TEXT)
def test_property_offsets_map_back_into_the_original(text: str) -> None:
    r = repair(text)
    assert len(r.origin) == len(r.text) + 1
    assert all(0 <= o <= len(text) for o in r.origin)
    for start in range(0, len(r.text), 7):
        a, b = r.span(start, min(len(r.text), start + 5))
        assert 0 <= a <= b <= len(text)


@SETTINGS
@given(TEXT)
def test_property_repair_is_idempotent(text: str) -> None:
    once = repair(text).text
    assert repair(once).text == once


@SETTINGS
@given(st.text(max_size=300))
def test_property_no_exception_on_arbitrary_text(text: str) -> None:
    r = repair(text)
    assert "\u0640" not in r.text
    assert not re.search("[\u0660-\u0669]", r.text)


# Text layers of real ESCWA PDFs (pypdfium2's text of ../shared/corpus/escwa/, issue 20):
# E/ESCWA/ECW/2015/WG.4/Report (Arabic): lines of its first pages as extracted, some cut short.
PDF_TEXT_LAYER = (
    "األمم المتحدة\n"
    "اللجنة االقتصادية واالجتماعية لغربي آسيا )اإلسكوا(\n"
    "دراسات أنجزتها اإلسكوا في الفترة ،2013-2012 وفي إطار جهودها الرامية\n"
    "مقدمة .......... 2-1 3\n"
    "-1 في إطار جهودها الرامية إلى حماية المرأة في المنطقة العربية من العنف\n"
    'بالتعاون مع مركز كوثر، دليالً تدريبياً بعنوان "مكافحة العنف القائم على النوع االجتماعي\n'
    ")29-27 تموز/يوليو( لقضايا مضمون ورسائل الخطاب الديني من منظور\n"
    "على النوع االجتماعي أو الناجيات منهن،ّ سواء كانوا ناشطين في منظمات المجتمع المدني؛\n"
    "أوال-ً ورشة العمل\n"
    "في تونس، في الفترة 27 تموز/يوليو إلى 1 آب/أغسطس \n"
    ".2015"
)


def test_a_pdf_text_layer_is_put_in_reading_order() -> None:
    assert repair(PDF_TEXT_LAYER).text.splitlines() == [
        "الأمم المتحدة",
        "اللجنة الاقتصادية والاجتماعية لغربي آسيا (الإسكوا)",
        "دراسات أنجزتها الإسكوا في الفترة 2012-2013، وفي إطار جهودها الرامية",
        "مقدمة .......... 1-2 3",
        "1- في إطار جهودها الرامية إلى حماية المرأة في المنطقة العربية من العنف",
        'بالتعاون مع مركز كوثر، دليلاً تدريبياً بعنوان "مكافحة العنف القائم على النوع الاجتماعي',
        "(27-29 تموز/يوليو) لقضايا مضمون ورسائل الخطاب الديني من منظور",
        "على النوع الاجتماعي أو الناجيات منهنّ، سواء كانوا ناشطين في منظمات المجتمع المدني؛",
        "أولاً- ورشة العمل",
        "في تونس، في الفترة 27 تموز/يوليو إلى 1 آب/أغسطس",
        "2015.",
    ]


def test_repaired_pdf_words_keep_their_offsets() -> None:
    r = repair(PDF_TEXT_LAYER)
    at = r.text.index("الاقتصادية")
    a, b = r.span(at, at + len("الاقتصادية"))
    assert PDF_TEXT_LAYER[a:b] == "االقتصادية"  # the same letters, two of them swapped back
    at = r.text.index("2012-2013")
    a, b = r.span(at, at + 9)
    assert PDF_TEXT_LAYER[a:b] == "2013-2012"


@pytest.mark.parametrize(
    "clean",
    [
        # alef + lam as written: the article, إلى, مسألة; an ascending range; brackets that pair
        "الأمم المتحدة إلى مسألة الاتجار في الفترة 2017-2018 (الإسكوا) و(أ)",
        # a job number and a Latin report number are no ranges
        "18-00146 Working Paper No. 2014-23.",
        # a negative number in a table line
        "-0.6 -1.3 النمو",
    ],
)
def test_clean_text_is_left_alone_by_the_pdf_steps(clean: str) -> None:
    assert repair(clean).text == clean


def test_lines_of_a_text_layer_in_reading_order_are_not_searched() -> None:
    # E/ESCWA/SDD/2018/1 (Arabic): kashida and a mirrored bracket in a line whose letters are
    # in reading order; with lam-alef swapped throughout, no visual-order search touches it
    text = "األمم المتحدة واالقتصادية اإلسكوا\nنسـبة انتشــار اإلعاقة )%("
    assert repair(text).text.splitlines()[1] == "نسبة انتشار الإعاقة (%)"


RESOLUTION_PAIRS = [
    # (text layer, as written)
    ("وفقا لقرار الجمعية العامة 1/70 المؤرخ", "وفقا لقرار الجمعية العامة 70/1 المؤرخ"),
    ("قراري الجمعية العامة 255/64 و1/70", "قراري الجمعية العامة 64/255 و70/1"),
    ("قرار المجلس الاقتصادي والاجتماعي 11/1997", "قرار المجلس الاقتصادي والاجتماعي 1997/11"),
    # left as they are: already in order, not after a resolution word, a council that numbers
    # its resolutions from session 1, a symbol, a ratio
    ("القرار 63/72 والقرار 64/50", "القرار 63/72 والقرار 64/50"),
    ("بلغت النسبة 5/40 في المائة", "بلغت النسبة 5/40 في المائة"),
    ("قرار مجلس حقوق الإنسان 7/36", "قرار مجلس حقوق الإنسان 7/36"),
    ("القرار E/ESCWA/1/70", "القرار E/ESCWA/1/70"),
    ("القرار. وبلغ 1/70", "القرار. وبلغ 1/70"),
]


@pytest.mark.parametrize(("damaged", "written"), RESOLUTION_PAIRS)
def test_swapped_resolution_numbers_are_turned_round(damaged: str, written: str) -> None:
    from unkg.lang.ar.repair.numbers import reverse_number_pairs

    assert run_step(reverse_number_pairs, damaged) == written


REVERSED_SYMBOLS = [
    # (text layer of an Arabic PDF, as written): runs of the symbol drawn right to left
    (".3/9IG/2017/EDID/ESCWA/E", "E/ESCWA/EDID/2017/IG.3/9"),
    (".1L.1/IG/2017/EDID/ESCWA/E", "E/ESCWA/EDID/2017/IG.1/L.1"),
    ("القرار /71/213RES/A", "القرار A/RES/71/213"),
    ("القرار /70/1.RES/A", "القرار A/RES/70/1."),
    ("الوثيقة /2018/1SDD/ESCWA/E", "الوثيقة E/ESCWA/SDD/2018/1"),
    (".2Pamphlet/2018/SDD/ESCWA/E", "E/ESCWA/SDD/2018/Pamphlet.2"),
    # the full stop of a sentence ending with a symbol, drawn before it
    (
        "في الوثيقة .E/ESCWA/EDID/2017/IG.1/L.2 ويعرض",
        "في الوثيقة E/ESCWA/EDID/2017/IG.1/L.2. ويعرض",
    ),
    ("في الوثيقة E/ESCWA/EDID/2017/IG.1/L.2.", "في الوثيقة E/ESCWA/EDID/2017/IG.1/L.2."),
    # left as they are: symbols in order, and what turned round is no known symbol
    ("E/ESCWA/EDID/2017/IG.3/9 وA/RES/71/213", "E/ESCWA/EDID/2017/IG.3/9 وA/RES/71/213"),
    ("نسبة 3/4 من 2017/E", "نسبة 3/4 من 2017/E"),
    ("/2017/4XYZ/QQ", "/2017/4XYZ/QQ"),
]


@pytest.mark.parametrize(("damaged", "written"), REVERSED_SYMBOLS)
def test_symbols_drawn_right_to_left_are_put_back(damaged: str, written: str) -> None:
    from unkg.lang.ar.repair.symbols import restore_reversed_symbols

    assert run_step(restore_reversed_symbols, damaged) == written


def test_a_restored_symbol_keeps_its_characters_origins() -> None:
    from unkg.lang.ar.repair.symbols import restore_reversed_symbols
    from unkg.repair.offsets import apply_edits

    damaged = "الوثيقة .3/9IG/2017/EDID/ESCWA/E"
    repaired, origin = apply_edits(damaged, restore_reversed_symbols(damaged))
    assert repaired.endswith("E/ESCWA/EDID/2017/IG.3/9")
    # each character of the symbol comes from the same character of the text layer
    assert all(damaged[origin[i]] == c for i, c in enumerate(repaired) if i < len(origin))
