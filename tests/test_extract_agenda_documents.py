"""An agenda document (an ESCWA "Provisional agenda and annotations", E/ESCWA/.../L.1):
each numbered paragraph is an item titled by its first line, its lettered entries the
sub-items; a report's numbered paragraphs are not agenda items."""

from __future__ import annotations

from unkg.extract.facts import AgendaItemFact

from .snippets import facts_of

HEAD = (
    "E/ESCWA/SDPD/2017/IG.1/L.1\n"
    "Economic and Social Commission for Western Asia (ESCWA)\n"
    "Committee on Energy\nEleventh session\nBeirut, 16-17 January 2017\n\n"
)

AGENDA = HEAD + (
    "Provisional agenda and annotations\n\n"
    "1. Opening of the session\n"
    "The session will be opened on the morning of 16 January 2017.\n"
    "2. Election of officers\n"
    "Member States shall chair the sessions of the subsidiary bodies on a rotating basis.\n"
    "3. Sustainable energy in the Arab region and the implementation mechanisms\n"
    "of the 2030 Agenda:\n"
    "(a) Energy access;\n"
    "(b) Energy efficiency.\n"
    "The secretariat will present both reports.\n"
)

REPORT = HEAD + (
    "Report\n\n"
    "1. The Committee on Energy held its eleventh session in Beirut on 16 and 17 January 2017.\n"
    "2. The session was opened by the Executive Secretary.\n"
    "3. The Committee adopted its agenda.\n"
)


def test_each_numbered_paragraph_of_an_agenda_is_an_item() -> None:
    items = {(f.notation, f.parent, f.title) for f in facts_of(AGENDA, AgendaItemFact)}
    assert items == {
        ("1", None, "Opening of the session"),
        ("2", None, "Election of officers"),
        (
            "3",
            None,
            "Sustainable energy in the Arab region and the implementation mechanisms of the 2030"
            " Agenda",
        ),
        ("3(a)", "3", "Energy access"),
        ("3(b)", "3", "Energy efficiency"),
    }
    for fact in facts_of(AGENDA, AgendaItemFact):
        assert fact.agenda == "E/ESCWA/SDPD/2017/IG.1/L.1"
        assert fact.meeting == "escwa-committee-energy/session/11"
        assert fact.title.split()[0] in fact.evidence[0].quote


def test_a_reports_paragraphs_are_not_agenda_items() -> None:
    assert facts_of(REPORT, AgendaItemFact) == []
