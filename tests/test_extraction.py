"""What a careful reader finds in the two samples, asked of the graph with the named queries.

The build runs once per session over examples/; every assertion goes through SPARQL, as a
user's would.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from unkg.build import build
from unkg.sparql.query import QueryResult, load_data, query_text, run_query

from .conftest import EXAMPLES, NOTE_VERBALE, REPORT

REPORT_SYMBOL = "A/CONF.192/MGE/2011/1"


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("build")
    build([EXAMPLES], out)
    return out


@pytest.fixture(scope="session")
def store(built: Path):  # type: ignore[no-untyped-def]
    return load_data(built)


def ask(store, name: str) -> list[dict[str, str | None]]:  # type: ignore[no-untyped-def]
    result: QueryResult = run_query(store, query_text(name))
    return [dict(zip(result.variables, row, strict=True)) for row in result.rows]


def note_verbale_iri(store) -> str:  # type: ignore[no-untyped-def]
    rows = run_query(
        store,
        """
        PREFIX unkg: <https://w3id.org/unkg/ontology#>
        SELECT ?d WHERE { ?d unkg:documentType <https://w3id.org/unkg/id/doctype/note-verbale> }
    """,
    ).rows
    assert len(rows) == 1
    value = rows[0][0]
    assert value is not None
    return value


def test_the_2011_meeting(store) -> None:  # type: ignore[no-untyped-def]
    meetings = [m for m in ask(store, "meetings") if m["report"] == REPORT_SYMBOL]
    assert len(meetings) == 1
    meeting = meetings[0]
    assert (meeting["start"], meeting["end"], meeting["place"]) == (
        "2011-05-09",
        "2011-05-13",
        "New York",
    )
    assert meeting["name_ar"] and meeting["name_ar"].startswith("اجتماع الخبراء الحكوميين")


def test_ten_plenary_meetings_with_dates_and_items(store) -> None:  # type: ignore[no-untyped-def]
    rows = ask(store, "sessions")
    dates = {int(r["ordinal"]): r["date"] for r in rows}  # type: ignore[arg-type]
    assert dates == {
        1: "2011-05-09",
        2: "2011-05-09",
        3: "2011-05-10",
        4: "2011-05-10",
        5: "2011-05-11",
        6: "2011-05-11",
        7: "2011-05-12",
        8: "2011-05-12",
        9: "2011-05-13",
        10: "2011-05-13",
    }
    items = {(int(r["ordinal"]), r["agenda_item"]) for r in rows if r["agenda_item"]}  # type: ignore[arg-type]
    assert items >= {
        (1, "4"),
        (2, "6(a)"),
        (3, "6(a)"),
        (3, "6(b)"),
        (3, "6(c)"),
        (4, "6(b)"),
        (4, "6(c)"),
        (5, "6(c)"),
        (5, "6(d)"),
        (6, "6(c)"),
        (6, "6(d)"),
        (7, "6(d)"),
        (8, "6(e)"),
        (9, "6(d)"),
        (9, "7(a)"),
        (10, "7(b)"),
    }


def test_continued_and_began_consideration(store) -> None:  # type: ignore[no-untyped-def]
    rows = run_query(
        store,
        """
        PREFIX unkg: <https://w3id.org/unkg/ontology#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?o ?n ?mode WHERE {
          VALUES ?mode { unkg:beganConsiderationOf unkg:continuedConsiderationOf }
          ?p ?mode ?i ; unkg:ordinal ?o . ?i skos:notation ?n }""",
    ).rows
    found = {(int(o), n, mode.rsplit("#", 1)[1]) for o, n, mode in rows}  # type: ignore[arg-type, union-attr]
    assert found == {
        (3, "6(c)", "beganConsiderationOf"),
        (4, "6(c)", "beganConsiderationOf"),
        (5, "6(d)", "beganConsiderationOf"),
        (6, "6(d)", "beganConsiderationOf"),
        (7, "6(d)", "continuedConsiderationOf"),
    }


def test_agenda_items_with_notation_and_title(store) -> None:  # type: ignore[no-untyped-def]
    rows = run_query(
        store,
        """
        PREFIX unkg: <https://w3id.org/unkg/ontology#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?n ?t ?agenda WHERE { ?i a unkg:AgendaItem ; skos:notation ?n ; dcterms:title ?t ;
                                     unkg:inAgenda/unkg:symbol ?agenda }""",
    ).rows
    titles = {n: t for n, t, _ in rows}
    assert sorted(titles) == [
        "1",
        "2",
        "3",
        "4",
        "5",
        "6",
        "6(a)",
        "6(b)",
        "6(c)",
        "6(d)",
        "6(e)",
        "6(f)",
        "7",
        "7(a)",
        "7(b)",
    ]
    assert titles["6(a)"] == "الوسم"
    assert titles["2"] == "انتخاب الرئيس"
    assert {a for _, _, a in rows} == {"A/CONF.192/MGE/2011/L.1/Rev.1"}


def test_resolutions_and_their_relations(store) -> None:  # type: ignore[no-untyped-def]
    mandates = {(r["resolution"], r["relation"]) for r in ask(store, "mandates")}
    assert mandates == {
        ("A/RES/63/72", "decides"),
        ("A/RES/64/50", "recalls"),
        ("A/RES/65/64", "decides"),
    }
    links = {(r["source"], r["relation"], r["target"]) for r in ask(store, "resolution_links")}
    assert links == {
        ("A/RES/64/50", "recalls", "A/RES/63/72"),
        ("A/RES/65/64", "inAccordanceWith", "A/RES/64/50"),
    }


def test_chair_and_four_vice_chairs(store) -> None:  # type: ignore[no-untyped-def]
    officers = ask(store, "officers")
    chair = [o for o in officers if o["role"] == "Chair"]
    assert [(o["person"], o["state"], o["elected_on"], o["at_session"]) for o in chair] == [
        ("دجيم ماكلاي", "NZL", "2011-05-09", "1")
    ]
    vice = sorted(
        (o["state"], o["elected_on"], o["at_session"])
        for o in officers
        if o["role"] == "Vice-Chair"
    )
    assert vice == [
        ("BGR", "2011-05-09", "2"),
        ("LCA", "2011-05-09", "2"),
        ("NGA", "2011-05-11", "5"),
        ("PHL", "2011-05-09", "2"),
    ]


def test_high_representative_and_secretariat(store) -> None:  # type: ignore[no-untyped-def]
    roles = {(o["role"], o["person"]) for o in ask(store, "officers")}
    assert ("High Representative for Disarmament Affairs", "سيرجيو دوارتي") in roles
    assert ("secretariat services", None) in roles
    assert ("substantive support", None) in roles


def test_statements_of_the_first_meeting(store) -> None:  # type: ignore[no-untyped-def]
    first = [s for s in ask(store, "statements") if s["ordinal"] == "1"]
    speakers = {s["speaker"] for s in first}
    assert speakers >= {
        "CHE",
        "EGY",
        "USA",
        "BOL",
        "COD",
        "SDN",
        "CUB",
        "Small Arms Survey",
        "سيرجيو دوارتي",
        "دجيم ماكلاي",
    }
    by = {s["speaker"]: s for s in first}
    assert (by["CHE"]["capacity"] or "").startswith("رئيس اجتماع الفريق العامل المفتوح باب العضوية")
    assert (by["EGY"]["capacity"] or "").startswith("منسقي الأجزاء المتعلقة بالصك الدولي للتعقب")
    assert by["EGY"]["capacity"] == by["USA"]["capacity"]
    assert by["BOL"]["on_behalf_of"] == "Andean Community"
    ngos = [s for s in ask(store, "statements") if s["ordinal"] == "9"]
    assert [s["speaker"] for s in ngos] == ["non-governmental organizations"]


def test_eight_referenced_documents_and_two_revision_pairs(store) -> None:  # type: ignore[no-untyped-def]
    rows = ask(store, "documents")
    cited = {r["symbol"]: r for r in rows if r["cited_by"] == REPORT_SYMBOL}
    assert sorted(cited) == sorted(
        [
            "A/CONF.192/MGE/2011/L.1",
            "A/CONF.192/MGE/2011/L.1/Rev.1",
            "A/CONF.192/MGE/2011/L.2",
            "A/CONF.192/MGE/2011/L.2/Rev.1",
            "A/CONF.192/L.1",
            "A/CONF.192/MGE/2011/CRP.1",
            "A/CONF.192/MGE/2011/INF/1/Rev.1",
            "A/CONF.192/MGE/2011/CRP.3",
        ]
    )
    pairs = {(s, r["revision_of"]) for s, r in cited.items() if r["revision_of"] in cited}
    assert pairs == {
        ("A/CONF.192/MGE/2011/L.1/Rev.1", "A/CONF.192/MGE/2011/L.1"),
        ("A/CONF.192/MGE/2011/L.2/Rev.1", "A/CONF.192/MGE/2011/L.2"),
    }
    types = {s: r["type"] for s, r in cited.items()}
    assert types["A/CONF.192/MGE/2011/L.1"] == "provisional agenda"
    assert types["A/CONF.192/MGE/2011/L.1/Rev.1"] == "agenda"
    assert types["A/CONF.192/MGE/2011/L.2"] == "programme of work"
    assert types["A/CONF.192/L.1"] == "rules of procedure"
    assert types["A/CONF.192/MGE/2011/INF/1/Rev.1"] == "list of participants"


def test_twelve_states_of_the_report(store) -> None:  # type: ignore[no-untyped-def]
    states = {r["iso3"] for r in ask(store, "states") if r["document"] == REPORT_SYMBOL}
    assert states == {
        "BGR",
        "BOL",
        "CHE",
        "COD",
        "CUB",
        "EGY",
        "LCA",
        "NGA",
        "NZL",
        "PHL",
        "SDN",
        "USA",
    }


def test_note_verbale(store) -> None:  # type: ignore[no-untyped-def]
    document = note_verbale_iri(store)
    rows = run_query(
        store,
        f"""
        PREFIX unkg: <https://w3id.org/unkg/ontology#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?date ?sender ?kind ?role ?meeting WHERE {{
          <{document}> dcterms:date ?date ; unkg:addresseeRole ?role ;
                       unkg:addressedToMeeting ?meeting ; unkg:sentBy ?mission .
          ?mission unkg:missionOf/unkg:iso3166Alpha3 ?sender ; unkg:missionKind ?kind }}""",
    ).rows
    assert {(d, s, k.rsplit("/", 1)[1]) for d, s, k, _, _ in rows} == {  # type: ignore[union-attr]
        ("2001-07-06", "AZE", "permanent-mission"),
        ("2001-07-06", "CHE", "permanent-observer-mission"),
    }
    assert {r.rsplit("/", 1)[1] for _, _, _, r, _ in rows} == {"secretary-general-of-conference"}  # type: ignore[union-attr]
    conference = rows[0][4]
    meetings = {m["meeting"]: m for m in ask(store, "meetings")}
    assert (meetings[conference]["start"], meetings[conference]["end"]) == (
        "2001-07-09",
        "2001-07-20",
    )


def test_note_verbale_workshop_and_annex(store) -> None:  # type: ignore[no-untyped-def]
    document = note_verbale_iri(store)
    rows = run_query(
        store,
        f"""
        PREFIX unkg: <https://w3id.org/unkg/ontology#>
        PREFIX schema: <https://schema.org/>
        SELECT ?start ?end ?place ?host WHERE {{
          <{document}> unkg:hasAnnex/unkg:reportOf ?w .
          ?w schema:startDate ?start ; schema:endDate ?end ; schema:location/schema:name ?place ;
             unkg:hostedBy/unkg:iso3166Alpha3 ?host . FILTER(LANG(?place) = "en") }}""",
    ).rows
    assert {tuple(r) for r in rows} == {
        ("2001-06-21", "2001-06-22", "Baku", "AZE"),
        ("2001-06-21", "2001-06-22", "Baku", "CHE"),
    }
    requests = run_query(
        store,
        f"""
        PREFIX unkg: <https://w3id.org/unkg/ontology#>
        SELECT ?r WHERE {{ <{document}> unkg:requests ?r }}""",
    ).rows
    assert [r[0].rsplit("/", 1)[1] for r in requests] == ["circulate-as-official-document"]  # type: ignore[union-attr]


def test_note_verbale_states_and_organisations(store) -> None:  # type: ignore[no-untyped-def]
    document = note_verbale_iri(store)
    states = {r["iso3"] for r in ask(store, "states") if r["document"] == document}
    assert states >= {"AZE", "CHE", "NOR", "DEU", "USA", "MDA", "GEO", "ALB"}
    organisations = {
        row[0]
        for row in run_query(
            store,
            f"""
        PREFIX unkg: <https://w3id.org/unkg/ontology#>
        PREFIX org: <http://www.w3.org/ns/org#>
        SELECT ?o WHERE {{ <{document}> unkg:mentions ?o . ?o a org:Organization }}""",
        ).rows
    }
    base = "https://w3id.org/unkg/id/org/"
    assert {base + o for o in ("osce", "eapc", "eu", "small-arms-survey")} <= organisations


def test_switzerland_and_the_2001_conference_are_one_node_each(store) -> None:  # type: ignore[no-untyped-def]
    documents = run_query(
        store,
        """
        PREFIX unkg: <https://w3id.org/unkg/ontology#>
        SELECT (COUNT(DISTINCT ?d) AS ?n)
        WHERE { ?d unkg:mentions <https://w3id.org/unkg/id/state/CHE> }""",
    )
    assert documents.rows[0][0] == "2"
    conferences = run_query(
        store,
        """
        PREFIX unkg: <https://w3id.org/unkg/ontology#>
        PREFIX schema: <https://schema.org/>
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        SELECT DISTINCT ?m WHERE {
            ?m unkg:meetingKind <https://w3id.org/unkg/id/meeting-kind/conference> ;
                                      schema:startDate "2001-07-09"^^xsd:date ;
                                      unkg:documentSeries "A/CONF.192" }""",
    ).rows
    assert len(conferences) == 1  # dates from the note verbale, series from the report


def test_shared_topics_are_one_node(store) -> None:  # type: ignore[no-untyped-def]
    by_topic: dict[str, set[str]] = {}
    for row in ask(store, "topics"):
        by_topic.setdefault(row["topic"] or "", set()).add(row["document"] or "")
    shared = {t for t, documents in by_topic.items() if len(documents) == 2}
    assert {"marking", "small arms and light weapons"} <= shared


def test_every_fact_has_evidence_pointing_at_its_quote(store, built: Path) -> None:  # type: ignore[no-untyped-def]
    originals = {
        REPORT_SYMBOL: REPORT.read_text(encoding="utf-8"),
        note_verbale_iri(store): NOTE_VERBALE.read_text(encoding="utf-8"),
    }
    rows = ask(store, "evidence")
    assert len(rows) > 500
    for row in rows:
        start, end = int(row["start"] or -1), int(row["end"] or -1)
        assert 0 <= start < end
        assert originals[row["document"] or ""][start:end] == row["quote"]
    # every asserted triple of a document graph has evidence: count subjects without any
    missing = run_query(
        store,
        """
        PREFIX unkg: <https://w3id.org/unkg/ontology#>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT (COUNT(*) AS ?n) WHERE {
          ?s unkg:statedPlenaryCount|unkg:electedOn|unkg:speaker|unkg:revisionOf|unkg:sentBy ?o .
          FILTER NOT EXISTS { ?b rdf:subject ?s ; rdf:object ?o } }""",
    )
    assert missing.rows[0][0] == "0"


def test_evidence_nodes_are_shared_not_repeated(store) -> None:  # type: ignore[no-untyped-def]
    """A triple is reified once however many facts or documents back it, a span is one target
    however many facts were read from it, and provenance is said once per document graph."""

    def count(query: str) -> int:
        return int(
            run_query(
                store,
                "PREFIX oa: <http://www.w3.org/ns/oa#> "
                "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "
                "PREFIX prov: <http://www.w3.org/ns/prov#> " + query,
            ).rows[0][0]
            or 0
        )

    # (link from an annotation, what names the node): one node per name, and some node is
    # linked from two annotations
    for link, name in (
        ("oa:hasBody", "?x rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o"),
        ("oa:hasTarget", "?x oa:hasSource ?s ; oa:hasSelector [ oa:start ?p ; oa:end ?o ]"),
    ):
        nodes = count(f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?a {link} ?x }}")
        names = count(
            f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE {{ {name} }} }}"
        )
        assert nodes == names, link
        assert (
            count(
                f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT ?x WHERE {{ ?a {link} ?x }} "
                "GROUP BY ?x HAVING (COUNT(?a) > 1) }"
            )
            > 0
        ), link
    assert (
        count("SELECT (COUNT(*) AS ?n) WHERE { ?a a oa:Annotation ; prov:wasGeneratedBy ?r }") == 0
    )
    assert count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?g prov:wasGeneratedBy ?r } }") == 2


def test_stated_plenary_count_is_kept_beside_the_ten_described(store) -> None:  # type: ignore[no-untyped-def]
    rows = run_query(
        store,
        """
        PREFIX unkg: <https://w3id.org/unkg/ontology#>
        SELECT ?n WHERE { ?m unkg:statedPlenaryCount ?n }""",
    ).rows
    assert rows == (("9",),)
