"""The extractors on documents of the samples' family they were not written from:
fragments in the same style with other States, dates, numbers, ordinals and wording."""

from __future__ import annotations

from pathlib import Path

import pytest

from unkg.build import build
from unkg.sparql.query import load_data, query_text, run_query

from .conftest import FRAGMENTS


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("fragments")
    build([FRAGMENTS], out)
    return load_data(out)


def ask(store, name: str) -> list[dict[str, str | None]]:  # type: ignore[no-untyped-def]
    result = run_query(store, query_text(name))
    return [dict(zip(result.variables, row, strict=True)) for row in result.rows]


def test_report_of_a_meeting_named_without_the_word_for_concerned(store) -> None:  # type: ignore[no-untyped-def]
    meetings = {m["start"]: m for m in ask(store, "meetings")}
    bms = meetings["2014-06-16"]
    assert (bms["end"], bms["place"]) == ("2014-06-20", "New York")
    counts = run_query(
        store,
        """
        PREFIX unkg: <https://w3id.org/unkg/ontology#>
        SELECT ?n WHERE { ?m unkg:statedPlenaryCount ?n }""",
    ).rows
    assert counts == (("12",),)  # "اثنتا عشرة جلسة عامة"


def test_compound_ordinals_and_items(store) -> None:  # type: ignore[no-untyped-def]
    rows = {(r["ordinal"], r["agenda_item"]) for r in ask(store, "sessions")}
    assert {("11", "4(a)"), ("12", "4(a)"), ("11", "5"), ("12", "5")} <= rows


def test_officers_listed_under_several_role_headings(store) -> None:  # type: ignore[no-untyped-def]
    officers = {
        (o["role"], o["person"], o["state"], o["at_session"]) for o in ask(store, "officers")
    }
    assert ("Chair", "زاهر بن ناصر", "TUN", "1") in officers
    assert {("Vice-Chair", None, s, "2") for s in ("PER", "IRL", "JPN")} <= officers
    assert ("Rapporteur", None, "KEN", "2") in officers


def test_statements_on_behalf_and_in_a_capacity(store) -> None:  # type: ignore[no-untyped-def]
    statements = {s["speaker"]: s for s in ask(store, "statements")}
    assert statements["IRN"]["on_behalf_of"] == "Movement of Non-Aligned Countries"
    assert {"CAN", "European Union"} <= set(statements)
    assert statements["International Committee of the Red Cross"]["capacity"] == "مراقبا"


def test_resolution_document_states_its_own_relations(store) -> None:  # type: ignore[no-untyped-def]
    links = {(r["source"], r["relation"], r["target"]) for r in ask(store, "resolution_links")}
    assert {
        ("A/RES/68/48", "recalls", "A/RES/56/24"),
        ("A/RES/68/48", "recalls", "A/RES/66/47"),
        ("A/RES/68/48", "reaffirms", "A/RES/67/58"),
    } <= links
    mandates = {(r["resolution"], r["relation"]) for r in ask(store, "mandates")}
    assert ("A/RES/68/48", "decides") in mandates


def test_a_decided_meeting_and_the_report_of_an_earlier_one_stay_apart(store) -> None:  # type: ignore[no-untyped-def]
    names = {m["meeting"]: m["name_ar"] for m in ask(store, "meetings")}
    fifth = [m for m, n in names.items() if n and "الخامس" in n]
    sixth = [m for m, n in names.items() if n and "السادس" in n]
    assert len(fifth) == 1 and len(sixth) == 1
    assert "2016" in sixth[0] and "2014" in fifth[0]


def test_agenda_document_types_from_possessive_wording(store) -> None:  # type: ignore[no-untyped-def]
    types = {r["symbol"]: r["type"] for r in ask(store, "documents")}
    assert types["A/CONF.192/BMS/2014/L.1"] == "provisional agenda"
    assert types["A/CONF.192/BMS/2014/L.1/Rev.1"] == "agenda"


def test_fragments_exist(store) -> None:  # type: ignore[no-untyped-def]
    assert sorted(p.name for p in Path(FRAGMENTS).glob("*.txt")) == [
        "report_bms5.txt",
        "resolution_68_48.txt",
    ]


def test_a_graphs_nquads_become_its_triples_line_for_line() -> None:
    from unkg.export.fragments import as_triples, triples_text

    graph = "https://e.org/g"
    nquads = (
        b'<https://e.org/s> <https://e.org/p> "a <https://e.org/g> .\\n" <https://e.org/g> .\n'
        b"\n"
        b"<https://e.org/s> <https://e.org/q> <https://e.org/g> <https://e.org/g> ."
    )
    expected = [
        b'<https://e.org/s> <https://e.org/p> "a <https://e.org/g> .\\n" .\n',
        b"<https://e.org/s> <https://e.org/q> <https://e.org/g> .\n",
    ]
    assert as_triples(nquads, graph) == expected
    assert triples_text(nquads, graph) == b"".join(expected)


def test_a_graphs_turtle_read_off_its_trig_is_what_the_turtle_writer_writes() -> None:
    """The Turtle fragment is taken from the TriG one; it must be the Turtle writer's own
    bytes, for the seed documents and for literals with line breaks, tabs and quotes."""
    import pyoxigraph as ox

    from unkg.export.formats import ExportFormat
    from unkg.export.fragments import _turtle_of_trig, _without_prefixes, document_fragments
    from unkg.pipeline import process
    from unkg.rdf.graph import DocumentGraph
    from unkg.rdf.iri import prefixes

    from .conftest import NOTE_VERBALE, REPORT

    base = "https://w3id.org/unkg/"
    graphs = [
        process(path).quads for path in (NOTE_VERBALE, REPORT, *Path(FRAGMENTS).glob("*.txt"))
    ]
    g, s = ox.NamedNode(base + "graph/x"), ox.NamedNode(base + "doc/x")
    awkward = [
        ox.Quad(s, ox.NamedNode(base + "p"), ox.Literal(text, language="ar"), g)
        for text in ("سطر\nوسطر", "\tعمود\t", 'قال "نعم"\r\n', "\\")
    ]
    graphs.append([*awkward, ox.Quad(s, ox.NamedNode(base + "q"), ox.Literal("\n\t1"), g)])
    for quads in graphs:
        assert len(quads) > 4
        made = document_fragments(
            DocumentGraph.of_quads(quads), base, [ExportFormat.TRIG, ExportFormat.TURTLE]
        )
        direct = _without_prefixes(
            ox.serialize(
                [q.triple for q in quads], format=ox.RdfFormat.TURTLE, prefixes=prefixes(base)
            )
        )
        assert made[ExportFormat.TURTLE] == direct
    # a block that is not one graph in braces is not cut up
    assert _turtle_of_trig(b"<https://e.org/s> <https://e.org/p> 1 .\n") is None


def test_a_documents_nquads_are_what_the_nquads_writer_writes_for_its_quads() -> None:
    """The mapping joins the quads' sort keys into the graph's N-Quads instead of
    serialising the quads again; the bytes must be the writer's, escapes included."""
    import pyoxigraph as ox

    from unkg.pipeline import process

    from .conftest import NOTE_VERBALE, REPORT

    for path in (NOTE_VERBALE, REPORT, *sorted(Path(FRAGMENTS).glob("*.txt"))):
        result = process(path)
        assert result.status == "ok", path
        assert result.graph is not None
        assert result.graph.nquads == ox.serialize(result.quads, format=ox.RdfFormat.N_QUADS)
    # the sort key is the line without " .": so for literals the text writers escape too
    g, s, p = (ox.NamedNode(f"https://e.org/{n}") for n in "gsp")
    for text in ("سطر\nوسطر", "\tعمود\t", 'قال "نعم"\r\n', "\\", "\u0640\u200f"):
        for literal in (ox.Literal(text, language="ar"), ox.Literal(text)):
            quad = ox.Quad(s, p, literal, g)
            written = ox.serialize([quad], format=ox.RdfFormat.N_QUADS)
            assert (str(quad) + " .\n").encode() == written
