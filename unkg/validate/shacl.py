"""SHACL validation with pySHACL, and a report a person can act on.

Each finding gives its severity, the focus node and its label, the path, the message, and
the evidence behind the offending fact (document, offsets, quote), found through the
reified-triple bodies of the graph's evidence annotations. A document is validated with
the part of the reference graph it points to (two hops: a State and its types, a role
concept and its scheme), so the cost of a build grows with the number of documents.
"""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from unkg.rdf.graph import TripleParts, parts_of

__all__ = [
    "Finding",
    "RdfInputError",
    "ValidationReport",
    "load_quads",
    "reference_subset",
    "render_report",
    "validate_path",
    "validate_quads",
]

SH = "http://www.w3.org/ns/shacl#"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
OA = "http://www.w3.org/ns/oa#"
UNKG = "https://w3id.org/unkg/ontology#"
ALLOT_REALIZATION = "https://w3id.org/akn/ontology/allot/hasRealization"
LABELS = (
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "https://schema.org/name",
    "http://xmlns.com/foaf/0.1/name",
    "https://w3id.org/unkg/ontology#symbol",
    "http://www.w3.org/2004/02/skos/core#notation",
    "http://purl.org/dc/terms/title",
)
FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".n3": ox.RdfFormat.N3,
}


class RdfInputError(Exception):
    """RDF that cannot be read or checked; the message names the file and what to do."""


@dataclass(frozen=True, slots=True)
class Finding:
    severity: str  # Violation, Warning, Info
    focus: str
    label: str | None
    path: str | None
    message: str
    value: str | None
    shape: str | None
    evidence: tuple[tuple[str, int, int, str], ...] = ()  # (document, start, end, quote)

    def as_dict(self) -> dict[str, object]:
        return {
            "severity": self.severity,
            "focus": self.focus,
            "label": self.label,
            "path": self.path,
            "message": self.message,
            "value": self.value,
            "evidence": [
                {"document": d, "start": s, "end": e, "quote": q} for d, s, e, q in self.evidence
            ],
        }


@dataclass(slots=True)
class ValidationReport:
    conforms: bool
    findings: list[Finding] = field(default_factory=list)
    report_turtle: str = ""

    @property
    def violations(self) -> int:
        return sum(1 for f in self.findings if f.severity == "Violation")

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity == "Warning")

    def summary(self, limit: int = 20) -> dict[str, object]:
        return {
            "conforms": self.conforms,
            "violations": self.violations,
            "warnings": self.warnings,
            "findings": [f.as_dict() for f in self.findings[:limit]],
        }


def load_quads(path: Path) -> list[ox.Quad]:
    """Parse an RDF file (format from its extension); errors name the line and column."""
    if path.is_dir():
        path = path / "graph.trig"
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise RdfInputError(
            f"{path}: not an RDF file unkg reads (give .ttl, .trig, .nt, .nq, .jsonld or .rdf)"
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise RdfInputError(f"{path}: cannot read: {error.strerror or error}") from None
    try:
        return list(ox.parse(data, format=fmt))
    except SyntaxError as error:
        raise RdfInputError(f"{path}: not valid {fmt.name}: {error}") from None
    except ValueError as error:
        raise RdfInputError(f"{path}: not valid {fmt.name}: {error}") from None


def reference_subset(
    document: Sequence[ox.Quad], reference: Sequence[ox.Quad], hops: int = 2
) -> list[ox.Quad]:
    """The reference triples a document's graph reaches within ``hops`` links."""
    reference_parts = parts_of(reference)
    quad_of = dict(zip(reference_parts, reference, strict=True))
    return [
        quad_of[parts] for parts in _reach(parts_of(document), _by_subject(reference_parts), hops)
    ]


def _by_subject(parts: Iterable[TripleParts]) -> dict[object, list[TripleParts]]:
    by_subject: dict[object, list[TripleParts]] = defaultdict(list)
    for triple in parts:
        by_subject[triple[0]].append(triple)
    return by_subject


def _reach(
    document: Sequence[TripleParts], by_subject: dict[object, list[TripleParts]], hops: int
) -> list[TripleParts]:
    # only nodes the reference graph describes lead anywhere: one lookup per term
    frontier = {o for _, _, o in document if o in by_subject}
    frontier.update(s for s, _, _ in document if s in by_subject)
    seen: set[object] = set()
    chosen: list[TripleParts] = []
    for _ in range(hops):
        next_frontier: set[ox.NamedNode | ox.BlankNode | ox.Literal] = set()
        for node in frontier - seen:
            seen.add(node)
            for parts in by_subject.get(node, ()):
                chosen.append(parts)
                if isinstance(parts[2], ox.NamedNode):
                    next_frontier.add(parts[2])
        frontier = next_frontier
    return chosen


@cache
def _reference_index(base: str) -> dict[object, list[TripleParts]]:
    from unkg.rdf.iri import Minter
    from unkg.rdf.reference import reference_quads

    return _by_subject(parts_of(reference_quads(Minter(base))))


def reference_parts_for(
    document: Sequence[TripleParts], base: str, hops: int = 2
) -> list[TripleParts]:
    """The triples of the build's own reference graph (indexed once) that a document's
    triples reach within ``hops`` links, as their terms."""
    return _reach(document, _reference_index(base), hops)


def check_quads(quads: Sequence[ox.Quad], base: str = "https://w3id.org/unkg/") -> ValidationReport:
    """The fast check of a graph (``unkg.validate.checks``), as a report like pySHACL's."""
    return check_parts(parts_of(quads), base)


def check_parts(
    parts: Sequence[TripleParts], base: str = "https://w3id.org/unkg/"
) -> ValidationReport:
    """:func:`check_quads` of a graph's triples given as their terms."""
    from unkg.validate.checks import evaluate

    results, data = evaluate(parts, base=base)
    if not results:
        return ValidationReport(True, [])
    index = _EvidenceIndex.over(data)
    findings = [
        Finding(
            severity=r.severity,
            focus=r.focus,
            label=index.label(r.focus),
            path=r.path,
            message=r.message,
            value=None,
            shape=r.shape,
            evidence=index.evidence(r.focus, r.path),
        )
        for r in results
    ]
    return ValidationReport(not any(r.severity == "Violation" for r in results), findings)


def _to_rdflib(quads: Iterable[ox.Quad]):  # type: ignore[no-untyped-def]
    import rdflib

    triples = {q.triple for q in quads}
    graph = rdflib.Graph()
    data = ox.serialize(sorted(triples, key=str), format=ox.RdfFormat.N_TRIPLES)
    graph.parse(data=data, format="nt")
    return graph


def _shapes_graph(base: str, extra: Sequence[Path] = ()):  # type: ignore[no-untyped-def]
    import rdflib

    from unkg.shapes import shapes_text

    graph = rdflib.Graph()
    graph.parse(data=shapes_text(base), format="turtle")
    for path in extra:
        try:
            graph.parse(path, format=rdflib.util.guess_format(str(path)) or "turtle")
        except Exception as error:  # rdflib raises many kinds for bad syntax
            raise RdfInputError(f"shapes file {path}: not valid RDF: {error}") from None
    return graph


def validate_quads(
    quads: Sequence[ox.Quad],
    base: str = "https://w3id.org/unkg/",
    extra_shapes: Sequence[Path] = (),
    shapes: Any = None,
) -> ValidationReport:
    """Validate a graph with the unkg shapes (and any extra ones) with pySHACL."""
    import pyshacl
    from rdflib import Literal as RdfLiteral
    from rdflib import Namespace

    shapes = shapes if shapes is not None else _shapes_graph(base, extra_shapes)
    data = _to_rdflib(quads)
    conforms, results, _ = pyshacl.validate(
        data,
        shacl_graph=shapes,
        inference="none",
        allow_warnings=True,
        allow_infos=True,
        abort_on_first=False,
    )
    sh = Namespace(SH)
    index = _EvidenceIndex.of_quads(quads)
    findings = []
    # top-level results only: a failed sh:node also nests its inner results under sh:detail
    for result in results.objects(None, sh.result):
        severity = str(results.value(result, sh.resultSeverity)).rsplit("#", 1)[-1]
        focus = results.value(result, sh.focusNode)
        path = results.value(result, sh.resultPath)
        message = results.value(result, sh.resultMessage)
        value = results.value(result, sh.value)
        shape = results.value(result, sh.sourceShape)
        focus_text = str(focus)
        findings.append(
            Finding(
                severity=severity,
                focus=focus_text,
                label=index.label(focus_text),
                path=str(path) if path is not None and not isinstance(path, RdfLiteral) else None,
                message=str(message) if message is not None else "constraint not met",
                value=str(value) if value is not None else None,
                shape=str(shape) if shape is not None else None,
                evidence=index.evidence(focus_text, str(path) if path is not None else None),
            )
        )
    order = {"Violation": 0, "Warning": 1, "Info": 2}
    findings.sort(key=lambda f: (order.get(f.severity, 3), f.focus, f.path or "", f.message))
    buffer = io.BytesIO()
    results.serialize(buffer, format="turtle")
    return ValidationReport(bool(conforms), findings, buffer.getvalue().decode("utf-8"))


class _EvidenceIndex:
    """Labels and evidence spans of a graph's nodes, looked up by IRI.

    Built from quads (:meth:`of_quads`) or over the fast checks' own index of a graph
    (:meth:`over`); either way from a ``(node, predicate) -> objects`` lookup and the graph's
    links that lead from a node to its evidence."""

    # the predicates whose links are followed backwards: triple -> reified triple (its
    # rdf:subject), reified triple -> annotation (oa:hasBody), version -> document
    LINKS = (RDF_NS + "subject", OA + "hasBody", ALLOT_REALIZATION)

    def __init__(self, objects: Any, links: Iterable[tuple[str, str, str]]) -> None:
        self.objects = objects
        self.bodies: dict[str, list[str]] = defaultdict(list)  # subject -> reified triples
        self.owners: dict[str, list[str]] = defaultdict(list)  # reified triple -> annotations
        self.realized: dict[str, str] = {}  # document version -> document
        subject_, body, realization = self.LINKS
        for s, p, o in links:
            if p == subject_:
                self.bodies[o].append(s)
            elif p == body:
                self.owners[o].append(s)
            elif p == realization:
                self.realized[o] = s

    @classmethod
    def of_quads(cls, quads: Sequence[ox.Quad]) -> _EvidenceIndex:
        objects: dict[tuple[str, str], list[ox.NamedNode | ox.Literal]] = defaultdict(list)
        links = []
        for q in quads:
            s, p, o = q.subject, q.predicate.value, q.object
            if isinstance(s, ox.NamedNode):
                objects[s.value, p].append(o)  # type: ignore[arg-type]
                if p in cls.LINKS and isinstance(o, ox.NamedNode):
                    links.append((s.value, p, o.value))
        return cls(objects, links)

    @classmethod
    def over(cls, data: Any) -> _EvidenceIndex:
        """The index over the fast checks' own index of a graph (nothing is read twice)."""
        links = []
        for predicate in cls.LINKS:
            node = ox.NamedNode(predicate)
            for subject in data.subjects_of(node):
                for value in data.objects(subject, node):
                    if isinstance(value, ox.NamedNode) and isinstance(subject, ox.NamedNode):
                        links.append((subject.value, predicate, value.value))
        return cls(_Lookup(data), links)

    def _one(self, node: str, predicate: str) -> str | None:
        values = self.objects.get((node, predicate))
        return values[0].value if values else None

    def label(self, node: str) -> str | None:
        for predicate in LABELS:
            values = self.objects.get((node, predicate), [])
            english = [v.value for v in values if isinstance(v, ox.Literal) and v.language == "en"]
            if english:
                return english[0]
            if values:
                return str(values[0].value)
        return None

    def evidence(self, node: str, path: str | None) -> tuple[tuple[str, int, int, str], ...]:
        spans = set()
        for body in self.bodies.get(node, []):
            if path and self._one(body, RDF_NS + "predicate") not in (path, None):
                continue
            targets = {
                target.value
                for annotation in self.owners.get(body, [])
                for target in self.objects.get((annotation, OA + "hasTarget"), [])
            }
            for target in targets:
                version = self._one(target, OA + "hasSource") or ""
                document = self.realized.get(version, version)
                document = self._one(document, UNKG + "symbol") or document
                start = end = None
                quote = ""
                for selector in self.objects.get((target, OA + "hasSelector"), []):
                    if self._one(selector.value, OA + "start") is not None:
                        start = int(self._one(selector.value, OA + "start") or 0)
                        end = int(self._one(selector.value, OA + "end") or 0)
                    quote = self._one(selector.value, OA + "exact") or quote
                if start is not None and end is not None:
                    spans.add((document, start, end, quote))
        return tuple(sorted(spans)[:3])


class _Lookup:
    """``(node, predicate) -> objects`` over the fast checks' index (IRIs as strings)."""

    def __init__(self, data: object) -> None:
        self.data = data

    def get(self, key: tuple[str, str], default: object = None) -> object:
        node, predicate = key
        if not node:
            return default
        found = self.data.objects(ox.NamedNode(node), ox.NamedNode(predicate))  # type: ignore[attr-defined]
        return found if found else default


OUR_NAMESPACES = ("https://w3id.org/unkg/ontology#", "https://w3id.org/un/ontology/undo/")


def validate_path(
    path: Path, extra_shapes: Sequence[Path] = (), base: str = "https://w3id.org/unkg/"
) -> tuple[ValidationReport, str]:
    """Validate an RDF file or build folder. A TriG with one graph per document is checked
    graph by graph, each with the reference data it reaches (so the cost grows linearly);
    other files as one graph. Returns the report and a line saying what was checked."""
    quads = load_quads(path)
    for shapes in extra_shapes:
        try:
            load_quads(shapes)
        except RdfInputError as error:
            raise RdfInputError(f"shapes file {error}") from None
    if not quads:
        raise RdfInputError(f"{path}: the graph is empty: nothing to validate")
    types = {
        q.object.value
        for q in quads
        if q.predicate.value == RDF_NS + "type" and isinstance(q.object, ox.NamedNode)
    }
    if not any(t.startswith(OUR_NAMESPACES) for t in types):
        raise RdfInputError(
            f"{path}: the graph uses none of the unkg classes (unkg:Meeting, undo:Document, ...): "
            "validate a graph built by 'unkg build'"
        )
    shapes_graph = _shapes_graph(base, extra_shapes)
    graphs: dict[str, list[ox.Quad]] = defaultdict(list)
    for quad in quads:
        graphs[str(quad.graph_name)].append(quad)
    reference_name = next((g for g in graphs if g.endswith("graph/reference>")), None)
    documents = [g for g in graphs if g != reference_name and "graph/doc/" in g]
    if not documents:
        report = validate_quads(quads, base, shapes=shapes_graph)
        return report, f"{path}: {len(quads)} triples as one graph"
    reference = graphs.get(reference_name or "", [])
    merged = ValidationReport(True)
    turtle = []
    for name in sorted(documents):
        part = graphs[name] + reference_subset(graphs[name], reference)
        report = validate_quads(part, base, shapes=shapes_graph)
        merged.conforms = merged.conforms and report.conforms
        merged.findings.extend(report.findings)
        turtle.append(report.report_turtle)
    merged.report_turtle = "\n".join(turtle)
    return merged, f"{path}: {len(documents)} document graphs, {len(quads)} triples"


def render_report(report: ValidationReport, described: str) -> str:
    """The report for a person: a summary line, then each finding with its evidence."""
    status = "conforms" if report.conforms else "does not conform"
    lines = [f"{described}: {status} ({report.violations} violations, {report.warnings} warnings)"]
    for finding in report.findings:
        label = f" ({finding.label})" if finding.label else ""
        lines.append("")
        lines.append(f"{finding.severity}: {finding.focus}{label}")
        if finding.path:
            lines.append(f"  path: {finding.path}")
        lines.append(f"  {finding.message}")
        if finding.value and finding.value != finding.focus:
            lines.append(f"  value: {finding.value}")
        for document, start, end, quote in finding.evidence:
            lines.append(f"  evidence: {document} [{start}:{end}] \u201c{quote}\u201d")
    return "\n".join(lines) + "\n"
