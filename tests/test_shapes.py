"""The SHACL shapes: the samples conform, and each rule fails when its rule is broken."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from unkg.cli import main
from unkg.pipeline import process
from unkg.rdf.iri import Minter
from unkg.rdf.reference import reference_quads
from unkg.validate.shacl import ValidationReport, reference_subset, validate_quads

from .conftest import NOTE_VERBALE, REPORT
from .mutations import EXPECTED, MUTATIONS


@pytest.fixture(scope="module")
def report_quads() -> list[ox.Quad]:
    return process(REPORT).quads


def check(quads: list[ox.Quad]) -> ValidationReport:
    return validate_quads(quads + reference_subset(quads, reference_quads(Minter())))


def test_the_report_conforms_with_the_stated_count_warning(report_quads: list[ox.Quad]) -> None:
    report = check(report_quads)
    assert report.conforms and report.violations == 0
    [warning] = [f for f in report.findings if f.severity == "Warning"]
    assert warning.message == "The document says 9 plenary meetings were held but describes 10."
    assert [(q, s, e) for _, s, e, q in warning.evidence] == [("تسع جلسات عامة", 15567, 15581)]


def test_the_note_verbale_conforms() -> None:
    report = check(process(NOTE_VERBALE).quads)
    assert report.conforms and not report.findings


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_each_rule_fails_when_broken(report_quads: list[ox.Quad], name: str) -> None:
    report = check(MUTATIONS[name](list(report_quads)))
    assert not report.conforms
    violations = [f for f in report.findings if f.severity == "Violation"]
    expected = EXPECTED[name]
    assert any(expected in (f.path or "") or expected in f.message for f in violations), (
        name,
        [(f.path, f.message) for f in violations],
    )


def test_a_violation_shows_the_evidence_behind_the_fact(report_quads: list[ox.Quad]) -> None:
    report = check(MUTATIONS["plenary date outside its meeting"](list(report_quads)))
    [finding] = [f for f in report.findings if "outside its meeting" in f.message]
    assert finding.focus.endswith("/plenary/3")
    assert any("10 أيار/مايو" in quote for _, _, _, quote in finding.evidence)


def test_validate_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["build", str(REPORT), "--out", str(tmp_path / "out"), "-q", "--formats", "trig,turtle"])
    capsys.readouterr()
    assert main(["validate", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "conforms (0 violations, 1 warnings)" in out
    assert "evidence: A/CONF.192/MGE/2011/1 [15567:15581]" in out
    assert main(["validate", str(tmp_path / "out" / "graph.ttl"), "--format", "ttl"]) == 0
    assert "sh:ValidationReport" in capsys.readouterr().out


def test_validate_with_extra_shapes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["build", str(REPORT), "--out", str(tmp_path), "-q", "--formats", "trig"])
    extra = tmp_path / "extra.ttl"
    extra.write_text(
        """
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix unkg: <https://w3id.org/unkg/ontology#> .
        <urn:x:NoVice> a sh:NodeShape ; sh:targetClass unkg:RoleAssignment ;
            sh:property [ sh:path unkg:representing ; sh:maxCount 0 ;
                          sh:message "our rule: no State may be represented" ] .
    """,
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["validate", str(tmp_path), "--shapes", str(extra)]) == 1
    assert "our rule: no State may be represented" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "name", "expected"),
    [
        ("this is not RDF at all", "notes.ttl", "not valid Turtle"),
        ('@prefix ex: <http://ex/> .\nex:a ex:b "open .\n', "broken.ttl", "line 2"),
        ("", "empty.ttl", "the graph is empty"),
        ("<http://ex/a> <http://ex/b> <http://ex/c> .\n", "foreign.nt", "none of the unkg classes"),
        ('{"@context": {}', "bad.jsonld", "not valid JSON-LD"),
    ],
)
def test_validate_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, name: str, expected: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert expected in err and err.count("\n") == 1 and str(path) in err


def test_validate_with_a_malformed_shapes_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["build", str(REPORT), "--out", str(tmp_path), "-q", "--formats", "trig"])
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n<x> sh:property [ .\n", encoding="utf-8"
    )
    capsys.readouterr()
    assert main(["validate", str(tmp_path), "--shapes", str(shapes)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"unkg: shapes file {shapes}") and "line" in err
