"""Table tests of the references extractor: the documents a text cites by symbol, what each
is (from the words that introduce it, else from its symbol), and revision chains."""

from __future__ import annotations

import pytest

from unkg.extract.facts import DocumentFact, DocumentReferenceFact

from .snippets import facts_of, quotes_in

Ref = tuple[str, str | None, str | None, str | None]  # symbol, type, revision of, relation

REFERENCES: list[tuple[str, list[Ref]]] = [
    # the words before the symbol say what it is, whatever its symbol suggests (L.2)
    (
        "1. At its first meeting, the Committee adopted the agenda of the eighteenth session, "
        "set forth in document E/ESCWA/EDID/2017/IG.1/L.1. It also adopted the proposed "
        "organization of work as set out in document E/ESCWA/EDID/2017/IG.1/L.2.\n",
        [
            ("E/ESCWA/EDID/2017/IG.1/L.1", "agenda", None, None),
            ("E/ESCWA/EDID/2017/IG.1/L.2", "programme-of-work", None, None),
        ],
    ),
    (
        "1- أقرت اللجنة في جلستها الأولى جدول الأعمال بصيغته المعروضة عليها في الوثيقة "
        "E/ESCWA/EDID/2017/IG.1/L.1.\n",
        [("E/ESCWA/EDID/2017/IG.1/L.1", "agenda", None, None)],
    ),
    (
        "1. The provisional agenda (A/CONF.192/BMS/2014/L.1) was adopted.\n",
        [("A/CONF.192/BMS/2014/L.1", "provisional-agenda", None, None)],
    ),
    (
        "1- أقر الاجتماع جدول الأعمال المؤقت (A/CONF.192/BMS/2014/L.1).\n",
        [("A/CONF.192/BMS/2014/L.1", "provisional-agenda", None, None)],
    ),
    # a revision revises the symbol before its Rev.1
    (
        "1. The list of participants is contained in document A/CONF.192/INF/1/Rev.1.\n",
        [("A/CONF.192/INF/1/Rev.1", "list-of-participants", "A/CONF.192/INF/1", "revision")],
    ),
    (
        "1- ترد قائمة المشاركين في الوثيقة A/CONF.192/INF/1/Rev.1.\n",
        [("A/CONF.192/INF/1/Rev.1", "list-of-participants", "A/CONF.192/INF/1", "revision")],
    ),
    # a corrigendum; each symbol takes only the words since the one before it
    (
        "1. The Committee had before it the report of the secretariat (E/ESCWA/EDID/2017/IG.1/3) "
        "and its corrigendum (E/ESCWA/EDID/2017/IG.1/3/Corr.1).\n",
        [
            ("E/ESCWA/EDID/2017/IG.1/3", "report", None, None),
            (
                "E/ESCWA/EDID/2017/IG.1/3/Corr.1",
                None,
                "E/ESCWA/EDID/2017/IG.1/3",
                "corrigendum",
            ),
        ],
    ),
    # a document issued in parts: the part belongs to the symbol, the addendum adds to it
    (
        "1. The Committee had before it the note by the secretariat "
        "(E/ESCWA/C.1/19/4(Part I)/Add.5).\n",
        [
            (
                "E/ESCWA/C.1/19/4(Part I)/Add.5",
                None,
                "E/ESCWA/C.1/19/4(Part I)",
                "addendum",
            )
        ],
    ),
    # no introducing words: the symbol's CRP, INF or RES says what it is
    (
        "1. The secretariat presented document E/ESCWA/EDID/2017/IG.1/CRP.1.\n",
        [("E/ESCWA/EDID/2017/IG.1/CRP.1", "conference-room-paper", None, None)],
    ),
    (
        "1. Recalling the report of the Secretary-General (S/2004/500),\n",
        [("S/2004/500", "report", None, None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), REFERENCES)
def test_cited_symbols_with_their_type_and_revision(text: str, expected: list[Ref]) -> None:
    refs = facts_of(text, DocumentReferenceFact)
    assert [(r.symbol, r.doc_type, r.revision_of, r.relation) for r in refs] == expected
    (doc,) = facts_of(text, DocumentFact)
    assert all(r.document == doc.document for r in refs)
    assert all(quotes_in(r, text) and r.evidence[0].quote == r.symbol for r in refs)


NOT_A_REFERENCE = [
    # numbers with slashes and years that are no UN symbol
    "1. The Decade of Action for Road Safety 2011-2020 was discussed under rule 18.\n",
    "1- سلامة المرور وتحديات تنفيذ عقد العمل من أجل السلامة على الطرق 2011-2020.\n",
    "1. The Committee met from 9 to 13 May 2011 (see paragraphs 12/13 and annex II/III).\n",
    # a resolution named by its number is a resolution, not a cited symbol
    "1. Economic and Social Council resolution 1997/11 of 18 July 1997.\n",
    "1. Recalling its resolution 1540 (2004),\n",
    "1- إذ يشير إلى قراره 1540 (2004)،\n",
]


@pytest.mark.parametrize("text", NOT_A_REFERENCE)
def test_no_reference_without_a_symbol(text: str) -> None:
    assert facts_of(text, DocumentReferenceFact) == []


def test_the_documents_own_symbol_is_no_reference() -> None:
    text = (
        "Distr.\nLIMITED\nE/ESCWA/EDID/2016/IG.1/4(Part I)/Rev.1\n3 October 2017\n"
        "ORIGINAL: ENGLISH\n\n1. The present document E/ESCWA/EDID/2016/IG.1/4(Part I)/Rev.1 "
        "revises E/ESCWA/EDID/2016/IG.1/4(Part I).\n"
    )
    refs = facts_of(text, DocumentReferenceFact)
    assert [(r.document, r.symbol) for r in refs] == [
        ("E/ESCWA/EDID/2016/IG.1/4(Part I)/Rev.1", "E/ESCWA/EDID/2016/IG.1/4(Part I)")
    ]
