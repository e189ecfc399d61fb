"""Table tests of the docinfo extractor: the document's own symbol, type, date and title from
its symbol block and title block, and running text that gives none of them."""

from __future__ import annotations

import datetime as dt

import pytest

from unkg.extract.facts import DocumentFact, IdentifierFact

from .snippets import facts_of, quotes_in

SYMBOL_BLOCK_EN = "Distr.\n{distr}\n{symbol}\n11 January 2018\nENGLISH\nORIGINAL: ARABIC\n\n"
SYMBOL_BLOCK_AR = "Distr.\n{distr}\n{symbol}\n11 January 2018\nORIGINAL: ARABIC\n\n"
REPORT = "E/ESCWA/EDID/2017/IG.1/9/Report"

DOCUMENTS = [
    # a report: its symbol from the symbol block, its type from the title's first word
    (
        SYMBOL_BLOCK_EN.format(distr="LIMITED", symbol=REPORT)
        + "Report\nEighteenth session of the Committee on Transport and Logistics\n"
        "Beirut, 20-21 December 2017\n",
        (
            REPORT,
            "report",
            None,
            "Report Eighteenth session of the Committee on Transport and Logistics",
        ),
    ),
    (
        SYMBOL_BLOCK_AR.format(distr="LIMITED", symbol=REPORT)
        + "تقرير\nلجنة النقل واللوجستيات عن دورتها الثامنة عشرة\n"
        "بيروت، 20-21 كانون الأول/ديسمبر 2017\n",
        (REPORT, "report", None, "تقرير لجنة النقل واللوجستيات عن دورتها الثامنة عشرة"),
    ),
    # a provisional agenda: "Provisional agenda and annotations" names its type
    (
        SYMBOL_BLOCK_EN.format(distr="GENERAL", symbol="E/ESCWA/EDID/2017/IG.1/L.1")
        + "Committee on Transport and Logistics\nEighteenth session\n"
        "Beirut, 20-21 December 2017\n\nProvisional agenda and annotations\n",
        (
            "E/ESCWA/EDID/2017/IG.1/L.1",
            "annotated-agenda",
            None,
            "Provisional agenda and annotations",
        ),
    ),
    # no title opener: the symbol's CRP says what the document is
    (
        SYMBOL_BLOCK_EN.format(distr="GENERAL", symbol="E/ESCWA/EDID/2017/IG.1/CRP.1")
        + "Committee on Transport and Logistics\nEighteenth session\n"
        "Beirut, 20-21 December 2017\n\nRoad safety in the Arab region\n",
        ("E/ESCWA/EDID/2017/IG.1/CRP.1", "conference-room-paper", None, None),
    ),
    # a Security Council resolution: the symbol from its heading, the UN Digital Library's form
    (
        "RESOLUTION 780 (1992)\n"
        "Adopted by the Security Council at its 3119th meeting, on 6 October 1992\n",
        (
            "S/RES/780(1992)",
            "resolution",
            None,
            "RESOLUTION 780 (1992) Adopted by the Security Council at its 3119th meeting, "
            "on 6 October 1992",
        ),
    ),
    # communications: the date after "dated"; no symbol, so no key but the file's hash
    (
        "Note verbale dated 6 July 2001 from the Permanent Mission of Azerbaijan to the United "
        "Nations addressed to the Secretary-General of the Conference\n",
        (
            None,
            "note-verbale",
            dt.date(2001, 7, 6),
            "Note verbale dated 6 July 2001 from the Permanent Mission of Azerbaijan to the "
            "United Nations addressed to the Secretary-General of the Conference",
        ),
    ),
    (
        "مذكرة شفوية مؤرخة 6 تموز/يوليه 2001 موجهة إلى الأمين العام للمؤتمر من البعثة الدائمة "
        "لأذربيجان لدى الأمم المتحدة\n",
        (
            None,
            "note-verbale",
            dt.date(2001, 7, 6),
            "مذكرة شفوية مؤرخة 6 تموز/يوليه 2001 موجهة إلى الأمين العام للمؤتمر من البعثة "
            "الدائمة لأذربيجان لدى الأمم المتحدة",
        ),
    ),
    (
        "Letter dated 2 March 2015 from the Permanent Representative of Jordan to the United "
        "Nations addressed to the Secretary-General\n",
        (
            None,
            "letter",
            dt.date(2015, 3, 2),
            "Letter dated 2 March 2015 from the Permanent Representative of Jordan to the "
            "United Nations addressed to the Secretary-General",
        ),
    ),
]


@pytest.mark.parametrize(("text", "expected"), DOCUMENTS)
def test_the_document_from_its_symbol_block_and_title(
    text: str, expected: tuple[str | None, str, dt.date | None, str | None]
) -> None:
    (doc,) = facts_of(text, DocumentFact)
    assert (doc.symbol, doc.doc_type, doc.date, doc.title) == expected
    symbol = expected[0]
    assert doc.document == (symbol or f"sha256:{doc.file_sha256[:16]}")
    if doc.title is not None:
        assert quotes_in(doc, text)
    identifiers = facts_of(text, IdentifierFact)
    assert [(i.document, i.symbol) for i in identifiers] == ([(symbol, symbol)] if symbol else [])
    assert all(quotes_in(i, text) for i in identifiers)


def test_the_language_is_the_texts() -> None:
    english, arabic = (facts_of(text, DocumentFact)[0] for text, _ in DOCUMENTS[:2])
    assert (english.language, arabic.language) == ("en", "ar")
    assert english.document == arabic.document == REPORT


NO_SYMBOL_OR_TYPE = [
    # a symbol cited in running text is another document's, not this one's
    "1. The Committee adopted the agenda set forth in document E/ESCWA/EDID/2017/IG.1/L.1.\n\n"
    "2. The report was adopted on 21 December 2017.\n",
    "1- أقرت اللجنة جدول الأعمال بصيغته المعروضة عليها في الوثيقة E/ESCWA/EDID/2017/IG.1/L.1.\n",
    # "report" inside a sentence opens no title
    "1. The Committee took note of the report of the secretariat.\n",
    "1- أحاطت اللجنة علما بتقرير الأمانة التنفيذية.\n",
]


@pytest.mark.parametrize("text", NO_SYMBOL_OR_TYPE)
def test_running_text_gives_no_symbol_type_or_title(text: str) -> None:
    (doc,) = facts_of(text, DocumentFact)
    assert (doc.symbol, doc.doc_type, doc.date, doc.title) == (None, None, None, None)
    assert facts_of(text, IdentifierFact) == []


def test_a_date_the_title_does_not_introduce_with_dated_is_not_the_documents() -> None:
    text = "Report of the Expert Group Meeting held on 5 May 2011\n\n1. The meeting was opened.\n"
    (doc,) = facts_of(text, DocumentFact)
    assert (doc.doc_type, doc.date) == ("report", None)


@pytest.mark.xfail(
    strict=True,
    reason="a title no line ends (date or full stop) runs on into an unnumbered body",
)
def test_a_note_verbales_title_stops_before_its_body() -> None:
    text = (
        "Note verbale dated 6 July 2001 from the Permanent Mission of Azerbaijan to the United "
        "Nations addressed to the Secretary-General of the Conference\n\n"
        "The Permanent Mission of Azerbaijan presents its compliments to the Secretary-General.\n"
    )
    (doc,) = facts_of(text, DocumentFact)
    assert doc.title is not None and doc.title.endswith("of the Conference")
