"""What the picture shows, read from a build's graph: the nodes of the chosen kinds with
their labels, dates and bodies, the typed links between them, and for the side panel each
node's facts (with their evidence) and the facts of the things it points at.

The graph is read from a store whose default graph is the union of a build's named graphs
(``unkg.sparql.query.load_data``), by pattern look-ups from the nodes of the chosen kinds,
so the cost follows what is drawn rather than the size of the build.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox

from unkg.ontology.ns import (
    CITO,
    DCTERMS,
    ELI,
    FOAF,
    ORG,
    RDF,
    SCHEMA,
    SKOS,
    UNDO,
    UNKG,
)
from unkg.viz.style import include_names, style

__all__ = ["Edge", "Node", "View", "include_names", "style", "view_of"]

DEFAULT_GRAPH = ox.DefaultGraph()

# the first of a node's types found here says what it is; "report" and "topic" are
# told by a link (a document that reports on a meeting, a concept that is a subject)
_KIND_OF_TYPE = (
    (UNDO.Resolution, "resolution"),
    (UNKG.Meeting, "meeting"),
    (UNKG.PlenaryMeeting, "plenary"),
    (UNKG.Statement, "statement"),
    (UNKG.AgendaItem, "agenda-item"),
    (UNKG.MemberState, "state"),
    (UNKG.ObserverState, "state"),
    (FOAF.Person, "person"),
    (ORG.FormalOrganization, "organization"),
    (ORG.Organization, "organization"),
    (ORG.OrganizationalCollaboration, "organization"),
    (UNKG.ActorGroup, "organization"),
    (UNDO.Document, "document"),
)
# where a node sits on the time axis: the first of these it has
_DATES = {
    "resolution": (ELI.date_document, DCTERMS.date, DCTERMS.issued),
    "meeting": (SCHEMA.startDate,),
    "plenary": (SCHEMA.startDate,),
    "report": (DCTERMS.date, ELI.date_document),
    "document": (DCTERMS.date, ELI.date_document),
}
_LABELS = (SKOS.prefLabel, SCHEMA.name, FOAF.name, DCTERMS.title)
# links that the side panel follows one step further (an office's holder, a mission's State)
_NOT_SHOWN = {RDF.type.value}
_YEAR_IN_SYMBOL = re.compile(r"\((1[89]\d\d|2\d\d\d)\)\s*$")


@dataclass(slots=True)
class Node:
    id: str
    kind: str
    label: str  # what is drawn: a symbol, "meeting 2011 · New York"
    names: list[str]  # every name it has, English first, then Arabic
    date: str | None = None  # ISO date that places it on the time axis
    end: str | None = None
    date_note: str = ""  # how the date was found when it is not stated ("year of the symbol")
    body: str | None = None  # the adopting body's label, for resolutions
    x: float = 0.0
    y: float = 0.0


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    relation: str  # the property's local name: recalls, inAccordanceWith, chair ...
    via: str | None = None  # the node the link is read through (an office), or None


@dataclass(slots=True)
class View:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    # id -> [predicate label, value, id of the value or None]: drawn nodes and their neighbours
    facts: dict[str, list[list[str | None]]] = field(default_factory=dict)
    # id -> [predicate, object id or value, document, paragraph, start, end, quote]
    evidence: dict[str, list[list[str | None]]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)  # every IRI the panel names
    kinds: tuple[str, ...] = ()


def _literal(term: object) -> str | None:
    return term.value if isinstance(term, ox.Literal) else None


def _objects(store: ox.Store, node: ox.NamedNode, predicate: ox.NamedNode) -> list[object]:
    return [q.object for q in store.quads_for_pattern(node, predicate, None, DEFAULT_GRAPH)]


def _first_literal(store: ox.Store, node: ox.NamedNode, predicates: Sequence[ox.NamedNode]) -> str:
    for predicate in predicates:
        values = sorted(
            v for v in (_literal(o) for o in _objects(store, node, predicate)) if v is not None
        )
        if values:
            return values[0]
    return ""


def local_name(iri: str) -> str:
    """The last part of an IRI, after its ``#`` or last ``/``.

    >>> local_name("https://w3id.org/unkg/ontology#inAccordanceWith")
    'inAccordanceWith'
    """
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def words(name: str) -> str:
    """A property's local name as words.

    >>> words("inAccordanceWith"), words("passed_by")
    ('in accordance with', 'passed by')
    """
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).replace("_", " ").lower()


class _Reader:
    """Look-ups over the store, each answered once."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self._names: dict[str, list[str]] = {}

    def names(self, iri: str) -> list[str]:
        """English names first, then Arabic, then untagged; each list in a stable order."""
        if iri in self._names:
            return self._names[iri]
        node = ox.NamedNode(iri)
        by_language: dict[str, list[str]] = defaultdict(list)
        for predicate in _LABELS:
            for term in _objects(self.store, node, predicate):
                if (
                    isinstance(term, ox.Literal)
                    and term.value not in by_language[term.language or ""]
                ):
                    by_language[term.language or ""].append(term.value)
            if by_language:
                break
        found = [n for lang in ("en", "ar", "") for n in sorted(by_language.get(lang, []))]
        found += [
            n
            for lang in sorted(by_language)
            if lang not in ("en", "ar", "")
            for n in sorted(by_language[lang])
        ]
        self._names[iri] = found
        return found

    def label(self, iri: str) -> str:
        """A short name for any IRI: its symbol, its English or Arabic name, its notation."""
        node = ox.NamedNode(iri)
        symbol = _first_literal(self.store, node, (UNKG.symbol,))
        if symbol:
            return symbol
        names = self.names(iri)
        if names:
            return names[0]
        notation = _first_literal(self.store, node, (SKOS.notation,))
        return notation or local_name(iri)


def _kinds_wanted(include: Iterable[str], everything: bool) -> set[str]:
    config = style()
    kinds = set(config["default"])
    chosen = set(config["include"]) if everything else set(include)
    unknown = chosen - set(config["include"])
    if unknown:
        raise ValueError(
            f"unknown --include {', '.join(sorted(unknown))}: "
            f"choose from {', '.join(config['include'])}"
        )
    for name in chosen:
        kinds.update(config["include"][name])
    return kinds


def _typed_nodes(store: ox.Store) -> dict[str, str]:
    """Every node of a known kind: IRI -> kind."""
    kinds: dict[str, str] = {}
    for type_iri, kind in _KIND_OF_TYPE:
        for quad in store.quads_for_pattern(None, RDF.type, type_iri, DEFAULT_GRAPH):
            if isinstance(quad.subject, ox.NamedNode):
                kinds.setdefault(quad.subject.value, kind)
    for quad in store.quads_for_pattern(None, UNKG.reportOf, None, DEFAULT_GRAPH):
        if isinstance(quad.subject, ox.NamedNode) and kinds.get(quad.subject.value) == "document":
            kinds[quad.subject.value] = "report"
    for quad in store.quads_for_pattern(None, DCTERMS.subject, None, DEFAULT_GRAPH):
        if isinstance(quad.object, ox.NamedNode):
            kinds.setdefault(quad.object.value, "topic")
    return kinds


def view_of(
    store: ox.Store,
    include: Iterable[str] = (),
    everything: bool = False,
    evidence: bool = True,
) -> View:
    """The nodes and links to draw, with what the side panel shows about them.

    :param store: a store whose default graph is the union of a build's named graphs
    :param include: names from :func:`include_names` drawn besides resolutions, meetings and
        the reports on meetings
    :param everything: draw every kind
    :raises ValueError: on an unknown ``include`` name
    """
    wanted = _kinds_wanted(include, everything)
    officers = everything or "officers" in set(include)
    reader = _Reader(store)
    kinds = _typed_nodes(store)
    drawn = {iri for iri, kind in kinds.items() if kind in wanted}
    offices = _offices(store)
    if officers:  # the holders of the offices of drawn meetings, whatever they are
        drawn.update(
            holder for meeting, holder, _, _ in offices if meeting in drawn and holder in kinds
        )
    view = View(kinds=tuple(k["key"] for k in style()["kinds"] if k["key"] in wanted))
    edges = _edges(store, drawn, offices, officers)
    # what --include adds is drawn when it is linked to something drawn: the States a
    # text names, not all the States of the reference data
    linked = {e.source for e in edges} | {e.target for e in edges}
    default = set(style()["default"])
    for iri in sorted(drawn):
        if kinds.get(iri) in default or iri in linked:
            view.nodes[iri] = _node(reader, iri, kinds[iri])
    _disambiguate(view.nodes)
    view.edges = edges
    _facts(reader, view)
    if evidence:
        offices_drawn = {e.via for e in view.edges if e.via}
        view.evidence = evidence_of(store, sorted(set(view.nodes) | offices_drawn))
        for rows in view.evidence.values():
            for row in rows:
                if row[1] is not None and row[1].startswith(("http://", "https://")):
                    view.labels.setdefault(row[1], reader.label(row[1]))
    return view


def _node(reader: _Reader, iri: str, kind: str) -> Node:
    store, node = reader.store, ox.NamedNode(iri)
    names = reader.names(iri)
    symbol = _first_literal(store, node, (UNKG.symbol,))
    item = Node(iri, kind, "", names)
    date_properties = _DATES.get(kind, ())
    if date_properties:
        item.date = _first_literal(store, node, date_properties)[:10] or None
    if kind == "meeting":
        item.end = _first_literal(store, node, (SCHEMA.endDate,))[:10] or None
    if kind == "resolution":
        bodies = sorted(
            o.value for o in _objects(store, node, ELI.passed_by) if isinstance(o, ox.NamedNode)
        )
        if bodies:
            item.body = reader.label(bodies[0])
        if item.date is None and symbol and (year := _YEAR_IN_SYMBOL.search(symbol)):
            # a Security Council symbol states its year: "S/RES/670 (1990)"
            item.date, item.date_note = f"{year.group(1)}-07-01", "year of the symbol"
    if kind == "meeting":
        item.label = _meeting_label(reader, node, item.date)
    elif kind == "plenary":
        meeting = next(
            (
                o.value
                for o in _objects(store, node, SCHEMA.superEvent)
                if isinstance(o, ox.NamedNode)
            ),
            None,
        )
        ordinal = _first_literal(store, node, (UNKG.ordinal,))
        item.label = f"plenary {ordinal}" + (
            f" · {_meeting_label(reader, ox.NamedNode(meeting), None)}" if meeting else ""
        )
    elif symbol:
        item.label = symbol
    elif kind in ("report", "document"):
        parents = sorted(
            q.subject.value
            for q in store.quads_for_pattern(None, UNKG.hasAnnex, node, DEFAULT_GRAPH)
            if isinstance(q.subject, ox.NamedNode)
        )
        if parents:
            item.label = "annex · " + _document_label(reader, ox.NamedNode(parents[0]))
        else:
            item.label = _document_label(reader, node)
    else:
        item.label = reader.label(iri)
    if len(item.label) > 48:
        item.label = item.label[:46] + "…"
    return item


def _document_label(reader: _Reader, node: ox.NamedNode) -> str:
    """A document without a symbol by its type and date: "note verbale 2001-07-06"."""
    store = reader.store
    symbol = _first_literal(store, node, (UNKG.symbol,))
    if symbol:
        return symbol
    doc_type = next(
        (o.value for o in _objects(store, node, UNKG.documentType) if isinstance(o, ox.NamedNode)),
        None,
    )
    what = reader.label(doc_type) if doc_type else "document"
    date = _first_literal(store, node, (DCTERMS.date,))
    return f"{what} {date}" if date else what


def _meeting_label(reader: _Reader, node: ox.NamedNode, date: str | None) -> str:
    """Short name and year: "workshop 2001 · Baku", "meeting 2011 · New York"."""
    store = reader.store
    date = date or _first_literal(store, node, (SCHEMA.startDate,))[:10]
    kind = next(
        (o.value for o in _objects(store, node, UNKG.meetingKind) if isinstance(o, ox.NamedNode)),
        None,
    )
    what = reader.label(kind) if kind else "meeting"
    places = sorted(
        o.value for o in _objects(store, node, SCHEMA.location) if isinstance(o, ox.NamedNode)
    )
    where = reader.label(places[0]) if places else ""
    series = _first_literal(store, node, (UNKG.documentSeries,))
    short = f"{what} {date[:4]}" if date else what
    return f"{short} · {where or series}" if (where or series) else short


def _disambiguate(nodes: dict[str, Node]) -> None:
    """Two nodes drawn with one label get their IRI's last part after it."""
    by_label: dict[tuple[str, str], list[Node]] = defaultdict(list)
    for node in nodes.values():
        by_label[node.kind, node.label].append(node)
    for same in by_label.values():
        if len(same) > 1:
            for node in same:
                node.label = f"{node.label} ({local_name(node.id)[-6:]})"


def _offices(store: ox.Store) -> list[tuple[str, str, str, str]]:
    """(meeting, holder, role, office) for each office held at a meeting."""
    found = []
    for quad in store.quads_for_pattern(None, RDF.type, UNKG.RoleAssignment, DEFAULT_GRAPH):
        office = quad.subject
        if not isinstance(office, ox.NamedNode):
            continue
        meetings = _objects(store, office, UNKG.inMeeting)
        holders = _objects(store, office, ORG.member)
        roles = _objects(store, office, ORG.role)
        for meeting in meetings:
            for holder in holders:
                if isinstance(meeting, ox.NamedNode) and isinstance(holder, ox.NamedNode):
                    role = (
                        local_name(roles[0].value)
                        if roles and isinstance(roles[0], ox.NamedNode)
                        else "office"
                    )
                    found.append((meeting.value, holder.value, role, office.value))
    return sorted(found)


def _edges(
    store: ox.Store, drawn: set[str], offices: Sequence[tuple[str, str, str, str]], officers: bool
) -> list[Edge]:
    edges: set[Edge] = set()
    for iri in drawn:
        for quad in store.quads_for_pattern(ox.NamedNode(iri), None, None, DEFAULT_GRAPH):
            target = quad.object
            if (
                isinstance(target, ox.NamedNode)
                and target.value in drawn
                and target.value != iri
                and quad.predicate.value not in _NOT_SHOWN
            ):
                name = "cites" if quad.predicate == CITO.cites else local_name(quad.predicate.value)
                edges.add(Edge(iri, target.value, name))
    if officers:
        for meeting, holder, role, office in offices:
            if meeting in drawn and holder in drawn:
                edges.add(Edge(meeting, holder, role, office))
    return sorted(edges, key=lambda e: (e.source, e.target, e.relation))


def _facts(reader: _Reader, view: View) -> None:
    """Each drawn node's facts, and those of the nodes its facts name (one step on), so the
    side panel reaches what the picture leaves out."""
    store = reader.store
    todo = list(view.nodes)
    seen = set(todo)
    for depth in (0, 1):
        following = []
        for iri in todo:
            rows: list[list[str | None]] = []
            node = ox.NamedNode(iri)
            for quad in store.quads_for_pattern(node, None, None, DEFAULT_GRAPH):
                p, o = quad.predicate.value, quad.object
                if isinstance(o, ox.NamedNode):
                    view.labels.setdefault(o.value, reader.label(o.value))
                    rows.append([words(local_name(p)), view.labels[o.value], o.value])
                    if depth == 0 and p not in _NOT_SHOWN and o.value not in seen:
                        seen.add(o.value)
                        following.append(o.value)
                elif isinstance(o, ox.Literal):
                    rows.append([words(local_name(p)), o.value, None])
            if depth == 0:  # what points at it: the offices held at a meeting, its reports
                for quad in store.quads_for_pattern(None, None, node, DEFAULT_GRAPH):
                    s = quad.subject
                    if not isinstance(s, ox.NamedNode) or quad.predicate in (
                        RDF.subject,
                        RDF.object,
                    ):
                        continue
                    view.labels.setdefault(s.value, reader.label(s.value))
                    rows.append(
                        [
                            "← " + words(local_name(quad.predicate.value)),
                            view.labels[s.value],
                            s.value,
                        ]
                    )
                    if s.value not in seen:
                        seen.add(s.value)
                        following.append(s.value)
            rows.sort(key=lambda r: (r[0] or "", r[1] or "", r[2] or ""))
            view.facts[iri] = rows
        todo = following
    for iri in view.nodes:
        view.labels.setdefault(iri, view.nodes[iri].label)


def evidence_of(store: ox.Store, subjects: Sequence[str]) -> dict[str, list[list[str | None]]]:
    """The evidence of the facts whose subject is one of ``subjects``, read with the named
    query ``evidence`` (so the picture shows what ``unkg query evidence`` shows):
    subject -> [predicate, object, document, paragraph, start, end, quote] rows."""
    from unkg.sparql.query import named_queries, run_query

    sparql = named_queries()["evidence"]
    where = re.search(r"\bWHERE\s*\{", sparql)
    if where is None:
        raise ValueError("the named query 'evidence' has no WHERE clause")
    found: dict[str, list[list[str | None]]] = defaultdict(list)
    for start in range(0, len(subjects), 400):
        chunk = " ".join(f"<{s}>" for s in subjects[start : start + 400])
        bounded = f"{sparql[: where.end()]}\n  VALUES ?subject {{ {chunk} }}{sparql[where.end() :]}"
        result = run_query(store, bounded)
        names = result.variables
        for row in result.rows:
            cells = dict(zip(names, row, strict=True))
            subject = cells.get("subject")
            if subject is None:
                continue
            found[subject].append(
                [
                    cells.get("predicate"),
                    cells.get("object"),
                    cells.get("document"),
                    cells.get("paragraph"),
                    cells.get("start"),
                    cells.get("end"),
                    cells.get("quote"),
                ]
            )
    return dict(found)
