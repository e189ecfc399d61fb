"""Table tests of the topics extractor: the topics (data/topics.tsv) a paragraph takes up by
their trigger phrases, and those of agenda item titles; and words that only look like one."""

from __future__ import annotations

import pytest

from unkg.extract.facts import TopicFact

from .snippets import REPORT_EN, TRANSPORT_SESSION, facts_of, quotes_in

TOPICS = [
    (
        "1. The Meeting addressed international cooperation and assistance, including "
        "capacity-building, in the implementation of the Programme of Action.\n",
        {"international-cooperation-assistance", "capacity-building"},
    ),
    (
        "1- تناول الاجتماع التعاون والمساعدة الدوليين، بما في ذلك بناء القدرات، في تنفيذ برنامج "
        "العمل.\n",
        {"international-cooperation-assistance", "capacity-building"},
    ),
    (
        "1. States stressed the importance of marking, record-keeping and tracing of small arms "
        "and light weapons.\n",
        {"marking", "record-keeping", "tracing", "small-arms-light-weapons"},
    ),
    (
        "1- أكدت الدول أهمية وسم الأسلحة الصغيرة والأسلحة الخفيفة وحفظ السجلات المتعلقة بها.\n",
        {"marking", "record-keeping", "small-arms-light-weapons"},
    ),
    # sentences of the UN Parallel Corpus (UNv1.0 devset, lines 3781 in English and Arabic)
    (
        "18. Reiterates the urgent need for the reopening of the office of the United Nations "
        "Office on Drugs and Crime in the region so as to reinforce the efforts of the States "
        "of the region in their struggle against the interrelated scourges of transnational "
        "organized crime, drugs, violent crime and the illicit trade in small arms and light "
        "weapons;\n",
        {"organized-crime", "illicit-trafficking", "small-arms-light-weapons"},
    ),
    (
        "١٨ - تكرر تأكيد الضرورة الملحة لإعادة فتح مكتب الأمم المتحدة المعني بالمخدرات والجريمة "
        "في المنطقة لتعزيز الجهود التي تبذلها دول المنطقة في مكافحتها للآفات المترابطة المتمثلة "
        "في الجريمة المنظمة العابرة للحدود الوطنية، المخدرات وجرائم العنف والاتجار غير المشروع "
        "بالأسلحة الصغيرة والأسلحة الخفيفة؛\n",
        {"drug-trafficking", "organized-crime", "illicit-trafficking", "small-arms-light-weapons"},
    ),
]


@pytest.mark.parametrize(("text", "expected"), TOPICS)
def test_the_topics_a_paragraph_takes_up(text: str, expected: set[str]) -> None:
    found = facts_of(text, TopicFact)
    assert {t.topic for t in found} == expected
    assert len(found) == len(expected)  # one fact per topic and paragraph
    assert all(t.notation is None and t.paragraph for t in found)
    assert all(quotes_in(t, text) for t in found)


# an agenda (paragraphs 1-4 before it, as in test_extract_agenda)
AGENDA = (
    REPORT_EN
    + "".join(f"{n}. The Committee met.\n" for n in range(1, 5))
    + "5. At its first meeting, the Committee adopted the agenda as follows:\n"
    "1. Opening of the session.\n2. Election of officers.\n"
    "3. International cooperation and assistance:\n"
    "(a) Marking and tracing of small arms;\n(b) Stockpile management.\n"
    "6. The list of documents is contained in annex II.\n"
)


def test_the_topics_of_agenda_items_are_the_items() -> None:
    items = {(t.notation, t.topic) for t in facts_of(AGENDA, TopicFact) if t.notation}
    assert items == {
        ("3", "international-cooperation-assistance"),
        ("3(a)", "marking"),
        ("3(a)", "tracing"),
        ("3(a)", "small-arms-light-weapons"),
        ("3(b)", "stockpile-management"),
    }
    assert {t.meeting for t in facts_of(AGENDA, TopicFact) if t.notation} == {TRANSPORT_SESSION}


NO_TOPIC = [
    # "development(s)" of a sector, not development as a topic
    "1. He said that the sector had witnessed considerable developments that must be followed.\n",
    "1- وأشار إلى أن هذا القطاع قد شهد تطورات كبيرة يجب مواكبتها.\n",
    "1. The secretariat presented the results of a survey on road safety.\n",
    "1- قدمت الأمانة نتائج استقصاء بشأن السلامة على الطرق.\n",
]


@pytest.mark.parametrize("text", NO_TOPIC)
def test_no_topic_without_its_phrase(text: str) -> None:
    assert facts_of(text, TopicFact) == []


@pytest.mark.xfail(
    strict=True, reason="a topic's label is a trigger: 'marking' in any sense is the topic"
)
@pytest.mark.parametrize(
    "text",
    [
        # UNv1.0 devset lines 1103 and 3462
        "It has directed the world's attention to forestry issues by marking the International "
        "Year of Forests and the International Day of Forests.\n",
        "The total income for the biennium ending 31 December 2013 was $43.3 million, marking "
        "an increase of $1.2 million.\n",
    ],
)
def test_marking_an_occasion_is_no_weapons_marking(text: str) -> None:
    assert facts_of(text, TopicFact) == []
