"""Table tests of the notes-verbales extractor: a communication's senders (the missions of
States), its addressee, date and request; and documents that are no communication."""

from __future__ import annotations

import datetime as dt

import pytest

from unkg.extract.facts import NoteVerbaleFact

from .snippets import facts_of, quotes_in

# after A/CONF.192/PC/... (the note verbale of examples/000_..., both languages); the title
# ends with the workshop's dates, as the Arabic one does
NOTE_EN = (
    "Note verbale dated 6 July 2001 from the Permanent Mission of Azerbaijan and the Permanent "
    "Observer Mission of Switzerland to the United Nations addressed to the Secretary-General "
    "of the Conference transmitting the conclusions of the Chairs of a workshop held in Baku "
    "on 21 and 22 June 2001\n\n"
    "The Permanent Mission of Azerbaijan and the Permanent Observer Mission of Switzerland to "
    "the United Nations present their compliments to the Secretary-General of the Conference "
    "and have the honour to transmit the conclusions of the workshop (see annex).\n\n"
    "The Permanent Mission of Azerbaijan and the Permanent Observer Mission of Switzerland "
    "would be grateful if the present note and its annex could be circulated as an official "
    "document of the Conference.\n"
)
NOTE_AR = (
    "مذكرة شفوية مؤرخة 6 تموز/يوليه 2001 موجهة إلى الأمين العام للمؤتمر من البعثة الدائمة "
    "لأذربيجان وبعثة المراقب الدائم لسويسرا لدى الأمم المتحدة، يحيلان بها استنتاجات رئيسي "
    "حلقة عمل معقودة في باكو يومي 21 و22 حزيران/يونيه 2001\n\n"
    "تهدي البعثة الدائمة لأذربيجان لدى الأمم المتحدة وبعثة المراقب الدائم لسويسرا لدى الأمم "
    "المتحدة تحياتهما إلى الأمين العام للمؤتمر وتتشرفان بإحالة استنتاجات حلقة العمل (انظر "
    "المرفق).\n\n"
    "وترجو البعثة الدائمة لأذربيجان وبعثة المراقب الدائم لسويسرا لدى الأمم المتحدة من الأمانة "
    "العامة تعميم الورقة المرفقة بوصفها وثيقة رسمية للمؤتمر.\n"
)
LETTER_EN = (
    "Letter dated 2 March 2015 from the Permanent Representative of Jordan to the United "
    "Nations addressed to the Secretary-General.\n\n"
    "I have the honour to transmit herewith the statement of my Government. I should be "
    "grateful if the present letter could be circulated as a document of the Security "
    "Council.\n"
)

# senders, their missions, addressee, date, request
Note = tuple[tuple[str, ...], tuple[str, ...], str | None, dt.date | None, str | None]
JULY_6 = dt.date(2001, 7, 6)
AZE_CHE: Note = (
    ("AZE", "CHE"),
    ("permanent-mission", "permanent-observer-mission"),
    "secretary-general-of-conference",
    JULY_6,
    "circulate-as-official-document",
)

NOTES: list[tuple[str, Note]] = [
    (NOTE_EN, AZE_CHE),
    (NOTE_AR, AZE_CHE),
    # a letter from a representative: no mission sends it
    (
        LETTER_EN,
        ((), (), "secretary-general", dt.date(2015, 3, 2), "circulate-as-official-document"),
    ),
    # no request to circulate it
    (
        NOTE_EN[
            : NOTE_EN.index(
                "The Permanent Mission of Azerbaijan and the Permanent Observer "
                "Mission of Switzerland would"
            )
        ],
        (*AZE_CHE[:4], None),
    ),
]


@pytest.mark.parametrize(("text", "expected"), NOTES)
def test_a_communications_senders_addressee_date_and_request(text: str, expected: Note) -> None:
    (note,) = facts_of(text, NoteVerbaleFact)
    assert (
        tuple(s.key for s in note.senders),
        note.missions,
        note.addressee_role,
        note.date,
        note.request,
    ) == expected
    assert quotes_in(note, text)


NOT_A_NOTE = [
    # missions named in a report
    "Report of the Committee on Transport and Logistics on its eighteenth session\n\n"
    "1. The Permanent Mission of Jordan presented its compliments to the secretariat.\n",
    "تقرير لجنة النقل واللوجستيات عن دورتها الثامنة عشرة\n\n"
    "1- قدمت البعثة الدائمة للأردن لدى الأمم المتحدة ورقة إلى الأمانة.\n",
    # missions named in running text, no title at all
    "1. The Permanent Mission of Azerbaijan and the Permanent Mission of Switzerland hosted "
    "the workshop.\n",
]


@pytest.mark.parametrize("text", NOT_A_NOTE)
def test_no_note_verbale_in_a_document_that_is_no_communication(text: str) -> None:
    assert facts_of(text, NoteVerbaleFact) == []
