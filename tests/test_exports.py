"""Exports load cleanly where users take them, and agree with each other."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

from unkg.build import build
from unkg.cli import main
from unkg.export.jsonld import context

from .conftest import EXAMPLES

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("exports")
    build([EXAMPLES], folder)
    return folder


@pytest.fixture(scope="module")
def turtle(out: Path) -> rdflib.Graph:
    return rdflib.Graph().parse(out / "graph.ttl", format="turtle")


def test_every_format_is_written(out: Path) -> None:
    names = {p.name for p in out.iterdir() if p.is_file()}
    assert names == {
        "graph.trig",
        "graph.ttl",
        "graph.jsonld",
        "context.jsonld",
        "graph.nq",
        "graph.nt",
        "graph.graphml",
        "report.json",
    }


def test_jsonld_read_by_rdflib_is_the_turtle_graph(out: Path, turtle: rdflib.Graph) -> None:
    graph = rdflib.Graph().parse(out / "graph.jsonld", format="json-ld")
    assert len(graph) == len(turtle) and isomorphic(graph, turtle)


def test_jsonld_read_by_pyld_is_the_turtle_graph(out: Path, turtle: rdflib.Graph) -> None:
    from pyld import jsonld

    document = json.loads((out / "graph.jsonld").read_text(encoding="utf-8"))
    nquads = jsonld.to_rdf(document, {"format": "application/n-quads"})
    graph = rdflib.Graph().parse(data=nquads, format="nt")
    assert isomorphic(graph, turtle)


def test_trig_read_by_pyoxigraph_is_the_turtle_graph(out: Path, turtle: rdflib.Graph) -> None:
    quads = list(ox.parse(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG))
    graphs = {str(q.graph_name) for q in quads}
    assert any("graph/reference" in g for g in graphs)
    assert sum("graph/doc/" in g for g in graphs) == 2
    union = ox.serialize(
        {ox.Triple(q.subject, q.predicate, q.object) for q in quads}, format=ox.RdfFormat.N_TRIPLES
    )
    assert isomorphic(rdflib.Graph().parse(data=union, format="nt"), turtle)


def test_nquads_and_ntriples_agree(out: Path, turtle: rdflib.Graph) -> None:
    nquads = list(ox.parse(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS))
    trig = list(ox.parse(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG))
    assert set(nquads) == set(trig)
    assert isomorphic(rdflib.Graph().parse(out / "graph.nt", format="nt"), turtle)


def test_jsonld_context_is_ours_and_local(out: Path) -> None:
    document = json.loads((out / "graph.jsonld").read_text(encoding="utf-8"))
    embedded = document["@context"]
    assert isinstance(embedded, dict)  # embedded, never a URL to fetch
    text = json.dumps(embedded)
    assert "@import" not in text
    assert json.loads((out / "context.jsonld").read_text(encoding="utf-8"))["@context"] == embedded
    # terms for our vocabulary, not every bound prefix
    assert embedded["Meeting"] == "unkg:Meeting"
    assert embedded["startDate"] == {"@id": "schema:startDate", "@type": "xsd:date"}
    assert embedded["speaker"] == {"@id": "unkg:speaker", "@type": "@id"}
    assert "owl" not in embedded and "vann" not in embedded
    nodes = {n["id"]: n for n in document["@graph"]}
    assert nodes["state:CHE"]["iso3166Alpha3"] == "CHE"
    plenary = next(n for i, n in nodes.items() if i.endswith("/plenary/1"))
    assert plenary["startDate"] == "2011-05-09" and plenary["ordinal"] == "1"


def test_packaged_context_is_the_generated_one() -> None:
    shipped = json.loads(
        (ROOT / "unkg" / "ontology" / "context.jsonld").read_text(encoding="utf-8")
    )
    assert shipped == context()


def test_graphml_loads_in_networkx_without_evidence(out: Path) -> None:
    import networkx as nx

    graph = nx.read_graphml(out / "graph.graphml")
    state = graph.nodes["https://w3id.org/unkg/id/state/CHE"]
    assert state["label_en"] == "Switzerland" and state["label_ar"] == "سويسرا"
    assert not any(
        part in node
        for node in graph.nodes
        for part in ("/evidence/", "/triple/", "#span-", "#para")
    )
    labels = {data["label"] for _, _, data in graph.edges(data=True)}
    assert {
        "unkg:decides",
        "unkg:recalls",
        "unkg:reportOf",
        "schema:superEvent",
        "unkg:revisionOf",
    } <= labels


def test_export_command(out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "again.jsonld"
    assert main(["export", "--data", str(out), "--format", "jsonld", "-o", str(target)]) == 0
    assert target.read_bytes() == (out / "graph.jsonld").read_bytes()
    assert (tmp_path / "context.jsonld").exists()
    capsys.readouterr()
    assert main(["export", "--data", str(out), "--format", "nquads"]) == 0
    assert capsys.readouterr().out.count("\n") > 1000
    assert main(["export", "--data", str(tmp_path / "missing"), "--format", "turtle"]) == 2


@given(
    st.one_of(
        st.text(),
        st.dictionaries(st.sampled_from(["@value", "@language", "@id"]), st.text(), min_size=1),
    )
)
@settings(max_examples=300)
def test_values_of_a_key_are_ordered_by_their_json_text(value: object) -> None:
    # the shortcut for plain strings must order exactly as json.dumps would
    from unkg.export.jsonld import _order_key

    assert _order_key(value) == json.dumps(value, ensure_ascii=False, sort_keys=True)


def test_jsonld_values_order_as_their_json_text() -> None:
    # "x" sorts before "x y" as text, after it as JSON ('"' > ' '): the JSON order is kept
    subject, predicate = (
        ox.NamedNode("https://w3id.org/unkg/id/x"),
        ox.NamedNode("http://purl.org/dc/terms/title"),
    )
    from unkg.export.jsonld import jsonld_nodes

    [node] = jsonld_nodes(
        [ox.Triple(subject, predicate, ox.Literal(t)) for t in ("x", "x y", 'x"')]
    )
    assert node["title"] == ["x y", "x", 'x"'] == sorted(["x", "x y", 'x"'], key=json.dumps)


# IRIs whose order as text and as lines differs if a node's lines were cut by a character
# an IRI may hold ('!' sorts before '"'), and non-ASCII ones
_NODES = [
    "https://e.org/a",
    "https://e.org/a!x",
    "https://e.org/ab",
    "https://e.org/é",
    "https://e.org/b",
    "urn:x:1",
]
_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\t\n"), max_size=6
)


@st.composite
def _entity_parts(draw: st.DrawFn) -> dict[str, object]:
    edges = sorted(
        set(
            draw(
                st.lists(
                    st.tuples(
                        st.sampled_from(_NODES),
                        st.sampled_from(_NODES),
                        st.sampled_from(["ex:p", "ex:q"]),
                    ),
                    max_size=6,
                )
            )
        )
    )
    ends = sorted({n for s, o, _ in edges for n in (s, o)})
    kinds = st.lists(
        st.sampled_from(["https://e.org/T", "https://schema.org/Event"]), min_size=1, unique=True
    ).map(sorted)
    label = st.tuples(st.integers(0, 3), _TEXT).map(list)
    keys = st.sampled_from(["label_ar", "label_en", "label_other"])
    return {
        "edges": [list(e) for e in edges],
        "types": draw(st.dictionaries(st.sampled_from(ends), kinds)) if ends else {},
        "labels": draw(st.dictionaries(st.sampled_from(ends), st.dictionaries(keys, label)))
        if ends
        else {},
    }


@given(st.lists(_entity_parts(), min_size=1, max_size=4))
@settings(max_examples=200, deadline=None)
def test_graphml_nodes_streamed_from_merged_lines_are_the_in_memory_merge(
    parts: list[dict],
) -> None:  # type: ignore[type-arg]
    """A build writes GraphML nodes from the parts' sorted lines; each node, in IRI order,
    gets the types and best labels merging all parts in memory would give it."""
    import io
    import xml.etree.ElementTree as ET

    from unkg.export.fragments import _sorted_unique
    from unkg.export.graphml import (
        _NODE_KEYS,
        edge_lines,
        merged_nodes,
        node_lines,
        write_graphml_parts,
    )

    out = io.BytesIO()
    write_graphml_parts(
        _sorted_unique(line for p in parts for line in node_lines(p)),
        _sorted_unique(line for p in parts for line in edge_lines(p)),
        out,
    )
    namespace = "{http://graphml.graphdrawing.org/xmlns}"
    written = [
        (node.get("id"), {_NODE_KEYS[int(d.get("key")[1:])]: d.text or "" for d in node})
        for node in ET.fromstring(out.getvalue()).iter(f"{namespace}node")
    ]
    assert written == sorted(merged_nodes(parts).items())


def test_node_lines_are_what_json_dumps_writes_for_each_node() -> None:
    import json

    from unkg.export.jsonld import node_lines

    nodes = [
        {
            "id": "doc:A-68-48",
            "type": ["undo:Resolution", "eli:LegalResource"],
            "title": {"@value": 'قرار "الأسلحة"\n\tالصغيرة', "@language": "ar"},
            "number": "68/48",
            "start": 0,
            "flag": True,
            "none": None,
        },
        {"id": "x:\u0000\u200f\\", "values": [1, [2, {"k": "v"}]]},
    ]
    expected = "".join(
        json.dumps(n, ensure_ascii=False, separators=(", ", ": ")) + "\n" for n in nodes
    )
    assert node_lines(nodes) == expected
    assert node_lines([]) == ""


@given(
    st.lists(
        st.lists(st.binary(max_size=6).map(lambda b: b.replace(b"\n", b"") + b"\n"), max_size=30),
        max_size=6,
    ),
    st.integers(min_value=1, max_value=40),
)
@settings(max_examples=300, deadline=None)
def test_run_files_merged_a_block_at_a_time_give_each_line_once_in_order(
    runs: list[list[bytes]], block: int
) -> None:
    """The merge of sorted run files reads each a block at a time (here 1-40 bytes, so the
    blocks end everywhere: on a line the other files hold, before it, after it) and gives
    every line of the files once, in byte order."""
    import io

    from unkg.export.fragments import _merge_run_files

    files = [io.BytesIO(b"".join(sorted(set(run)))) for run in runs]
    merged = list(_merge_run_files(files, block))
    assert [line for lines in merged for line in lines] == sorted(
        {line for run in runs for line in run}
    )
    assert all(lines for lines in merged)  # no empty batch
