"""The fast per-document check gives pySHACL's verdicts, on the samples and on every broken
graph."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from unkg.pipeline import process
from unkg.rdf.iri import Minter
from unkg.rdf.reference import reference_quads
from unkg.validate.checks import UnsupportedShape, read_rules, run_checks
from unkg.validate.shacl import check_quads, reference_subset, validate_quads

from .conftest import NOTE_VERBALE, REPORT
from .mutations import MUTATIONS


@pytest.fixture(scope="module")
def report_quads() -> list[ox.Quad]:
    return process(REPORT).quads


def _with_reference(quads: list[ox.Quad]) -> list[ox.Quad]:
    return quads + reference_subset(quads, reference_quads(Minter()))


def _verdicts_agree(quads: list[ox.Quad]) -> set[tuple[str, str | None, str]]:
    data = _with_reference(quads)
    fast = {r.key for r in run_checks(data)}
    reference = {(f.focus, f.path, f.severity) for f in validate_quads(data).findings}
    assert fast == reference
    return fast


def test_the_samples_get_the_same_verdicts(report_quads: list[ox.Quad]) -> None:
    [(focus, path, severity)] = _verdicts_agree(report_quads)
    assert severity == "Warning" and path.endswith("#statedPlenaryCount")  # type: ignore[union-attr]
    assert "/meeting/" in focus
    assert _verdicts_agree(process(NOTE_VERBALE).quads) == set()


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_every_broken_graph_gets_the_same_verdicts(report_quads: list[ox.Quad], name: str) -> None:
    found = _verdicts_agree(MUTATIONS[name](list(report_quads)))
    assert any(severity == "Violation" for _, _, severity in found)


def test_the_fast_report_shows_the_evidence(report_quads: list[ox.Quad]) -> None:
    report = check_quads(
        _with_reference(MUTATIONS["plenary date outside its meeting"](list(report_quads)))
    )
    assert not report.conforms
    [finding] = [f for f in report.findings if "outside its meeting" in f.message]
    assert finding.focus.endswith("/plenary/3")
    assert any("10 أيار/مايو" in quote for _, _, _, quote in finding.evidence)


SHAPE = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; {constraint} ] .
"""


@pytest.mark.parametrize("constraint", ["sh:equals ex:q", "sh:maxLength 3", "sh:or ( ex:A ex:B )"])
def test_a_shape_it_cannot_evaluate_is_refused(constraint: str) -> None:
    with pytest.raises(UnsupportedShape, match="do not evaluate"):
        read_rules(SHAPE.replace("{constraint}", constraint))


def test_literals_are_compared_by_value_and_datatype() -> None:
    rules = read_rules(
        SHAPE.replace("{constraint}", "sh:lessThan ex:q ; sh:datatype ex:D").replace(
            "ex:D", "<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>"
        )
    )
    ex = "http://example.org/"
    xsd = "http://www.w3.org/2001/XMLSchema#"

    def quads(p: ox.Literal, q: ox.Literal) -> list[ox.Quad]:
        node = ox.NamedNode(ex + "n")
        return [
            ox.Quad(
                node,
                ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                ox.NamedNode(ex + "C"),
            ),
            ox.Quad(node, ox.NamedNode(ex + "p"), p),
            ox.Quad(node, ox.NamedNode(ex + "q"), q),
        ]

    def number(value: str, datatype: str = "nonNegativeInteger") -> ox.Literal:
        return ox.Literal(value, datatype=ox.NamedNode(xsd + datatype))

    assert run_checks(quads(number("9"), number("10")), rules) == []  # 9 < 10, not "9" < "10"
    assert len(run_checks(quads(number("10"), number("9")), rules)) == 1
    assert len(run_checks(quads(number("-1"), number("9")), rules)) == 1  # not non-negative
    assert len(run_checks(quads(number("1"), ox.Literal("9")), rules)) == 1  # incomparable


SPARQL_SHAPE = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:sparql [
    sh:prefixes [ sh:declare [ sh:prefix "ex" ;
        sh:namespace "http://example.org/"^^<http://www.w3.org/2001/XMLSchema#anyURI> ] ] ;
    sh:message "flagged" ;
    sh:select \"\"\"SELECT $this WHERE { {where} }\"\"\" ] .
"""


@pytest.mark.parametrize(
    ("where", "types_named"),
    [
        ("$this a ?type . ?type ex:flagged true", False),  # a type the query does not name
        ("$this a/ex:flagged true", False),
        ("$this a ex:Flagged", True),
        ("$this ex:p ?x . ?x a ex:Flagged", True),
    ],
)
def test_sparql_constraints_see_the_type_triples_they_can_match(
    where: str, types_named: bool
) -> None:
    """The store the SPARQL constraints run on leaves out type triples of classes no query
    names, unless a query may match a type it does not name: either way a node of a
    flagged type is found."""
    rules = read_rules(SPARQL_SHAPE.replace("{where}", where))
    assert rules.sparql_types_named is types_named
    ex = "http://example.org/"
    a = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    node, other = ox.NamedNode(ex + "n"), ox.NamedNode(ex + "m")
    data = [
        ox.Quad(node, a, ox.NamedNode(ex + "C")),
        ox.Quad(node, ox.NamedNode(ex + "p"), other),
        ox.Quad(other, a, ox.NamedNode(ex + "Flagged")),
    ]
    if "$this a" in where:
        data.append(ox.Quad(node, a, ox.NamedNode(ex + "Flagged")))
    data.append(
        ox.Quad(
            ox.NamedNode(ex + "Flagged"),
            ox.NamedNode(ex + "flagged"),
            ox.Literal("true", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean")),
        )
    )
    assert [r.message for r in run_checks(data, rules)] == ["flagged"]
