"""The fast per-document check: the unkg SHACL shapes, evaluated without pySHACL.

pySHACL stays the reference (``unkg validate``) but costs seconds per document. A build checks
every document, so this module reads ``unkg-shapes.ttl`` once into plain rules and evaluates
them over an index of the document's quads: the SHACL Core constraints in Python (a dictionary
lookup per focus node and property), the ``sh:sparql`` constraints with pyoxigraph. It knows
exactly the SHACL features the unkg shapes use and refuses any other when the shapes are
read, so a shape that outgrows it fails loudly instead of being skipped.
``tests/test_checks.py`` shows both give the same verdicts on every broken graph of the shape
tests.

Literals are compared as SHACL does: numbers as numbers, dates as dates, and values of
different kinds are not comparable (which fails ``sh:lessThan``). The raw datatype of each
literal is kept: pyoxigraph's store folds ``xsd:nonNegativeInteger`` into ``xsd:integer``, so
``sh:datatype`` is checked here, on the quads, and never through the store.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache, partial
from typing import Any, cast

import pyoxigraph as ox

from unkg.rdf.graph import TripleParts, parts_of

__all__ = [
    "CheckResult",
    "Rules",
    "UnsupportedShape",
    "default_rules",
    "evaluate",
    "read_rules",
    "run_checks",
]

SH = "http://www.w3.org/ns/shacl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = ox.NamedNode(RDF + "type")
SUBCLASS = ox.NamedNode(RDFS + "subClassOf")

# what a shape may say; anything else under sh: is refused
SHAPE_KEYS = {
    "targetClass",
    "targetSubjectsOf",
    "targetObjectsOf",
    "property",
    "sparql",
    "severity",
    "class",
    "message",
    "deactivated",
}
PROPERTY_KEYS = {
    "path",
    "minCount",
    "maxCount",
    "datatype",
    "pattern",
    "in",
    "hasValue",
    "node",
    "lessThan",
    "lessThanOrEquals",
    "minInclusive",
    "minLength",
    "uniqueLang",
    "message",
    "severity",
    "qualifiedValueShape",
    "qualifiedMinCount",
    "qualifiedMaxCount",
    "nodeKind",
    "class",
    "name",
    "description",
}
NESTED_KEYS = {"class", "languageIn", "property", "message"}
NESTED_PROPERTY_KEYS = {"path", "hasValue", "message"}
SPARQL_KEYS = {"select", "prefixes", "message"}
SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}
NUMERIC = {
    XSD + t
    for t in (
        "integer",
        "nonNegativeInteger",
        "positiveInteger",
        "int",
        "long",
        "short",
        "decimal",
        "negativeInteger",
        "nonPositiveInteger",
        "unsignedInt",
        "unsignedLong",
        "gYear",
    )
}
INTEGER_FORM = re.compile(r"[+-]?[0-9]+")
NODE_KINDS = {SH + "IRI": lambda t: isinstance(t, ox.NamedNode)}

Term = ox.NamedNode | ox.BlankNode | ox.Literal


class UnsupportedShape(ValueError):
    """The shapes use a SHACL feature the fast checks do not evaluate."""


@dataclass(frozen=True, slots=True)
class CheckResult:
    severity: str
    focus: str
    path: str | None
    message: str
    shape: str

    @property
    def key(self) -> tuple[str, str | None, str]:
        """What two validators must agree on: focus node, path, severity."""
        return (self.focus, self.path, self.severity)


# --- reading the shapes -----------------------------------------------------------------------

ValueTest = Callable[["_Data", Term], bool]


@dataclass(frozen=True, slots=True)
class _Constraint:
    """One constraint component of a property shape."""

    kind: str
    parameter: object
    default_message: str
    fails: FailureTest = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "fails", _failure_test(self.kind, self.parameter))


@dataclass(slots=True)
class _PropertyRule:
    path: ox.NamedNode
    severity: str
    message: str
    constraints: list[_Constraint] = field(default_factory=list)


@dataclass(slots=True)
class _SparqlRule:
    message: str
    query: str


@dataclass(slots=True)
class _ShapeRule:
    name: str
    severity: str
    target_classes: list[ox.NamedNode]
    target_subjects_of: list[ox.NamedNode]
    target_objects_of: list[ox.NamedNode]
    classes: list[ox.NamedNode]
    properties: list[_PropertyRule]
    sparql: list[_SparqlRule]


@dataclass(frozen=True, slots=True)
class Rules:
    shapes: tuple[_ShapeRule, ...]
    # the predicates the SPARQL constraints name; None when one may read any predicate
    sparql_predicates: frozenset[str] | None = None
    # whether they match rdf:type only against classes they name (then the type triples of
    # other classes, most of a document's: its evidence nodes', are not read)
    sparql_types_named: bool = False

    def __len__(self) -> int:
        return sum(
            len(s.classes) + sum(len(p.constraints) for p in s.properties) + len(s.sparql)
            for s in self.shapes
        )


class _ShapesGraph:
    def __init__(self, quads: Iterable[ox.Quad]) -> None:
        self.out: dict[object, dict[str, list[Term]]] = defaultdict(lambda: defaultdict(list))
        for q in quads:
            self.out[q.subject][q.predicate.value].append(q.object)  # type: ignore[arg-type]

    def all(self, node: object, name: str, ns: str = SH) -> list[Term]:
        return self.out.get(node, {}).get(ns + name, [])

    def one(self, node: object, name: str, ns: str = SH) -> Term | None:
        values = self.all(node, name, ns)
        return values[0] if values else None

    def collection(self, head: object) -> list[Term]:
        items: list[Term] = []
        while isinstance(head, ox.BlankNode | ox.NamedNode) and head != ox.NamedNode(RDF + "nil"):
            first = self.one(head, "first", RDF)
            if first is None:
                raise UnsupportedShape("malformed RDF list in the shapes")
            items.append(first)
            head = self.one(head, "rest", RDF)
        return items

    def refuse_unknown(self, node: object, allowed: set[str], where: str) -> None:
        for predicate in self.out.get(node, {}):
            if predicate.startswith(SH) and predicate[len(SH) :] not in allowed:
                raise UnsupportedShape(
                    f"the fast checks do not evaluate sh:{predicate[len(SH) :]} ({where})"
                )


def _severity(node: Term | None, default: str) -> str:
    return node.value.rsplit("#", 1)[1] if node is not None else default


def _int(node: Term | None) -> int:
    assert isinstance(node, ox.Literal)
    return int(node.value)


def _is_instance(c: Term, data: _Data, v: Term) -> bool:
    return data.is_instance(v, c)


def _has_value(path: Term | None, value: Term, data: _Data, v: Term) -> bool:
    return isinstance(path, ox.NamedNode) and value in data.objects(v, path)


def _value_test(g: _ShapesGraph, shape: object) -> ValueTest:
    """A nested shape (sh:node, sh:qualifiedValueShape) as a test of one value node."""
    g.refuse_unknown(shape, NESTED_KEYS, "nested shape")
    tests: list[ValueTest] = []
    languages = g.one(shape, "languageIn")
    if languages is not None:
        wanted = tuple(t.value.lower() for t in g.collection(languages))
        tests.append(
            lambda data, v: (
                isinstance(v, ox.Literal)
                and v.language is not None
                and any(
                    v.language.lower() == w or v.language.lower().startswith(w + "-")
                    for w in wanted
                )
            )
        )
    for c in g.all(shape, "class"):
        tests.append(partial(_is_instance, c))
    for prop in g.all(shape, "property"):
        g.refuse_unknown(prop, NESTED_PROPERTY_KEYS, "property of a nested shape")
        path = g.one(prop, "path")
        for value in g.all(prop, "hasValue"):
            tests.append(partial(_has_value, path, value))
    if not tests:
        raise UnsupportedShape("a nested shape with no constraint")
    if len(tests) == 1:  # the usual nested shape, [ sh:class C ]: called once per value
        return tests[0]
    return lambda data, v: all(test(data, v) for test in tests)


def _property_rule(g: _ShapesGraph, prop: object, severity: str) -> _PropertyRule:
    g.refuse_unknown(prop, PROPERTY_KEYS, "property shape")
    path = g.one(prop, "path")
    if not isinstance(path, ox.NamedNode):
        raise UnsupportedShape("only single-IRI paths are evaluated")
    message = g.one(prop, "message")
    rule = _PropertyRule(
        path,
        _severity(g.one(prop, "severity"), severity),
        message.value if message is not None else "",
    )
    add = rule.constraints.append
    if (n := g.one(prop, "minCount")) is not None:
        add(_Constraint("minCount", _int(n), f"Less than {_int(n)} values"))
    if (n := g.one(prop, "maxCount")) is not None:
        add(_Constraint("maxCount", _int(n), f"More than {_int(n)} values"))
    if (d := g.one(prop, "datatype")) is not None:
        add(_Constraint("datatype", d.value, f"Value is not a literal of datatype {d.value}"))
    if (p := g.one(prop, "pattern")) is not None:
        add(_Constraint("pattern", re.compile(p.value), f"Value does not match pattern {p.value}"))
    for c in g.all(prop, "class"):
        add(_Constraint("class", c, f"Value is not an instance of {c.value}"))
    if (head := g.one(prop, "in")) is not None:
        add(
            _Constraint(
                "in", frozenset(g.collection(head)), "Value is not one of the allowed values"
            )
        )
    for value in g.all(prop, "hasValue"):
        add(_Constraint("hasValue", value, f"Missing the value {value}"))
    if (nested := g.one(prop, "node")) is not None:
        add(_Constraint("node", _value_test(g, nested), "Value does not conform to the node shape"))
    for name in ("lessThan", "lessThanOrEquals"):
        if (other := g.one(prop, name)) is not None:
            add(_Constraint(name, other, f"Value is not {name} {other.value}"))
    if (minimum := g.one(prop, "minInclusive")) is not None:
        add(_Constraint("minInclusive", minimum, f"Value is below {minimum.value}"))
    if (length := g.one(prop, "minLength")) is not None:
        add(_Constraint("minLength", _int(length), f"Shorter than {_int(length)} characters"))
    if (kind := g.one(prop, "nodeKind")) is not None:
        if kind.value not in NODE_KINDS:
            raise UnsupportedShape(f"sh:nodeKind {kind.value}")
        add(
            _Constraint(
                "nodeKind", NODE_KINDS[kind.value], f"Value is not of node kind {kind.value}"
            )
        )
    unique = g.one(prop, "uniqueLang")
    if unique is not None and unique.value == "true":
        add(_Constraint("uniqueLang", True, "More than one value in one language"))
    if (qualified := g.one(prop, "qualifiedValueShape")) is not None:
        low, high = g.one(prop, "qualifiedMinCount"), g.one(prop, "qualifiedMaxCount")
        add(
            _Constraint(
                "qualified",
                (
                    _value_test(g, qualified),
                    _int(low) if low is not None else None,
                    _int(high) if high is not None else None,
                ),
                "Wrong number of values conforming to the qualified shape",
            )
        )
    return rule


def _sparql_rule(g: _ShapesGraph, constraint: object) -> _SparqlRule:
    g.refuse_unknown(constraint, SPARQL_KEYS, "SPARQL constraint")
    select = g.one(constraint, "select")
    if not isinstance(select, ox.Literal):
        raise UnsupportedShape("a SPARQL constraint without sh:select")
    prefixes = []
    for holder in g.all(constraint, "prefixes"):
        for declaration in g.all(holder, "declare"):
            prefix, namespace = g.one(declaration, "prefix"), g.one(declaration, "namespace")
            assert prefix is not None and namespace is not None
            prefixes.append(f"PREFIX {prefix.value}: <{namespace.value}>")
    message = g.one(constraint, "message")
    # $this is pre-bound in SHACL; here the query finds every candidate and the focus nodes
    # filter them (the shapes' queries are written so that this is the same)
    query = "\n".join(prefixes) + "\n" + select.value.replace("$this", "?this")
    return _SparqlRule(message.value if message is not None else "", query)


def read_rules(text: str) -> Rules:
    """Read SHACL shapes (Turtle) into rules; refuse features this module does not evaluate."""
    quads = list(ox.parse(text.encode(), format=ox.RdfFormat.TURTLE))
    g = _ShapesGraph(quads)
    node_shape = ox.NamedNode(SH + "NodeShape")
    shapes = sorted(
        {q.subject for q in quads if q.predicate == RDF_TYPE and q.object == node_shape}, key=str
    )
    rules = []
    for shape in shapes:
        g.refuse_unknown(shape, SHAPE_KEYS, f"shape {shape}")
        targets = [g.all(shape, k) for k in ("targetClass", "targetSubjectsOf", "targetObjectsOf")]
        if not any(targets) or g.one(shape, "deactivated") is not None:
            continue  # used only through sh:node, or switched off
        severity = _severity(g.one(shape, "severity"), "Violation")
        rules.append(
            _ShapeRule(
                name=shape.value if isinstance(shape, ox.NamedNode) else str(shape),
                severity=severity,
                target_classes=[t for t in targets[0] if isinstance(t, ox.NamedNode)],
                target_subjects_of=[t for t in targets[1] if isinstance(t, ox.NamedNode)],
                target_objects_of=[t for t in targets[2] if isinstance(t, ox.NamedNode)],
                classes=g.all(shape, "class"),  # type: ignore[arg-type]
                properties=[_property_rule(g, p, severity) for p in g.all(shape, "property")],
                sparql=[_sparql_rule(g, c) for c in g.all(shape, "sparql")],
            )
        )
    queries = [c.query for r in rules for c in r.sparql]
    return Rules(tuple(rules), _predicates_read(queries), not any(map(_types_open, queries)))


# rdf:type (the keyword a, a prefixed name, or the IRI) followed by a path operator or by
# an object that is not an IRI (a variable, a blank node ...): such a query may match a type
# it does not name. Loose on purpose: a false match only keeps every type triple.
_TYPE_OPEN = re.compile(
    r"(?:(?<![\w?$:])a|[\w-]*:type|<http://www\.w3\.org/1999/02/22-rdf-syntax-ns#type>)"
    r"(?:\s*[/|*+?^]|\s+(?![<\w]))"
)


def _types_open(query: str) -> bool:
    """Whether a query may match rdf:type against a class it does not name."""
    body = query.split("{", 1)[-1]
    return bool(_TYPE_OPEN.search(body))


_VARIABLE_PREDICATE = re.compile(r"[?$]\w+\s+[?$]\w+\s+[?$<\"\w]")
_PREFIXED = re.compile(r"(?<![\w<?$:])([A-Za-z][\w-]*)?:([A-Za-z_][\w.-]*)")


def _predicates_read(queries: Sequence[str]) -> frozenset[str] | None:
    """Every IRI the queries write (full or prefixed): a superset of the predicates they
    match. None when a query has a variable in predicate position (it may read anything)."""
    found = {RDF + "type"}  # the keyword 'a'
    for query in queries:
        body = "\n".join(
            line.split("#", 1)[0] if not line.lstrip().startswith("PREFIX") else line
            for line in query.splitlines()
        )
        patterns = body.split("{", 1)[-1]
        while True:  # drop expressions (BIND, FILTER, HAVING, COUNT ...): no triple patterns
            flat = re.sub(r"\([^()]*\)", " ", patterns)
            if flat == patterns:
                break
            patterns = flat
        patterns = re.sub(r"\b(GROUP|ORDER)\s+BY\b[^}]*", " ", patterns, flags=re.IGNORECASE)
        if _VARIABLE_PREDICATE.search(patterns):
            return None
        prefixes = dict(re.findall(r"PREFIX\s+(\w*):\s*<([^>]*)>", body, flags=re.IGNORECASE))
        found.update(re.findall(r"<([^\s<>\"{}]+)>", body))
        for prefix, local in _PREFIXED.findall(body):
            if prefix in prefixes:
                found.add(prefixes[prefix] + local)
    return frozenset(found)


@cache
def default_rules(base: str = "https://w3id.org/unkg/") -> Rules:
    """The unkg shapes for a build's base IRI, read once per process."""
    from unkg.shapes import shapes_text

    return read_rules(shapes_text(base))


# --- evaluating them --------------------------------------------------------------------------


class _Data:
    """The quads of one document, indexed for the lookups the rules make."""

    def __init__(
        self,
        parts: Sequence[TripleParts],
        sparql_predicates: frozenset[str] | None = None,
        sparql_types_named: bool = False,
    ) -> None:
        self.parts = parts
        self.sparql_predicates = sparql_predicates
        self.sparql_types_named = sparql_types_named
        out: dict[object, dict[ox.NamedNode, list[Term]]] = {}
        for s, p, o in parts:
            by_predicate = out.get(s)
            if by_predicate is None:
                by_predicate = out[s] = {}
            values = by_predicate.get(p)
            if values is None:
                by_predicate[p] = [o]
            elif o not in values:  # the same triple in two graphs is one triple to SHACL
                values.append(o)
        self.out = out
        # made when first asked for: the rules target a few predicates of the many
        self._subjects_of: dict[ox.NamedNode, set[Term]] = {}
        self._objects_of: dict[ox.NamedNode, set[Term]] = {}
        self._superclasses: dict[Term, set[Term]] = {}
        self._classes_of: dict[Term, set[Term]] = {}
        self._instances: dict[Term, set[Term]] | None = None
        self._store: ox.Store | None = None

    def subjects_of(self, predicate: ox.NamedNode) -> set[Term]:
        """The nodes with a value for the predicate."""
        found = self._subjects_of.get(predicate)
        if found is None:
            found = self._subjects_of[predicate] = {
                cast(Term, subject) for subject, values in self.out.items() if predicate in values
            }
        return found

    def objects_of(self, predicate: ox.NamedNode) -> set[Term]:
        """The values of the predicate, whatever their node."""
        found = self._objects_of.get(predicate)
        if found is None:
            found = self._objects_of[predicate] = {
                value for values in self.out.values() for value in values.get(predicate, ())
            }
        return found

    def objects(self, subject: Term, predicate: ox.NamedNode) -> list[Term]:
        found = self.out.get(subject)
        return found.get(predicate, []) if found is not None else []

    def superclasses(self, cls: Term) -> set[Term]:
        """The class and everything it is a subclass of (rdfs:subClassOf*)."""
        known = self._superclasses.get(cls)
        if known is None:
            known, todo = {cls}, [cls]
            while todo:
                for parent in self.objects(todo.pop(), SUBCLASS):
                    if parent not in known:
                        known.add(parent)
                        todo.append(parent)
            self._superclasses[cls] = known
        return known

    def is_instance(self, node: Term, cls: Term) -> bool:
        return cls in self.classes_of(node)

    def classes_of(self, node: Term) -> set[Term]:
        """The classes a node is an instance of: its types and their superclasses (asked
        for several times per node: each selector by two shapes of its span, ...)."""
        found = self._classes_of.get(node)
        if found is None:
            found = set()
            for direct in self.objects(node, RDF_TYPE):
                found |= self.superclasses(direct)
            self._classes_of[node] = found
        return found

    def instances(self, cls: ox.NamedNode) -> set[Term]:
        """SHACL instances of a class: typed with it or with one of its subclasses."""
        if self._instances is None:
            self._instances = defaultdict(set)
            for subject in self.subjects_of(RDF_TYPE):
                for direct in self.objects(subject, RDF_TYPE):
                    for cls_ in self.superclasses(direct):
                        self._instances[cls_].add(subject)
        return self._instances.get(cls, set())

    def store(self) -> ox.Store:
        if self._store is None:
            self._store = ox.Store()
            wanted = self.sparql_predicates
            # only the triples the SPARQL constraints can read (all of them when unknown)
            if wanted is None:
                self._store.extend(ox.Quad(s, p, o) for s, p, o in self.parts)
            else:
                named = self.sparql_types_named
                self._store.extend(
                    ox.Quad(s, p, o)
                    for s, p, o in self.parts
                    if p.value in wanted and not (named and p == RDF_TYPE and o.value not in wanted)
                )
        return self._store


def _comparable(term: Term) -> tuple[str, object] | None:
    """A literal's value for ordering, with its kind; None when it has no order."""
    if not isinstance(term, ox.Literal):
        return None
    datatype = term.datatype.value
    if datatype in NUMERIC:
        try:
            return ("number", Decimal(term.value))
        except InvalidOperation:
            return None
    if datatype in (XSD + "date", XSD + "dateTime", XSD + "string"):
        return (datatype, term.value)
    return None


def _ordered(left: Term, right: Term, allow_equal: bool) -> bool:
    a, b = _comparable(left), _comparable(right)
    if a is None or b is None or a[0] != b[0]:
        return False
    return a[1] < b[1] or (allow_equal and a[1] == b[1])  # type: ignore[operator]


def _well_formed(term: ox.Literal, datatype: str) -> bool:
    """A literal of the datatype whose lexical form is valid for it (as SHACL requires)."""
    if term.datatype.value != datatype:
        return False
    if datatype == XSD + "nonNegativeInteger":
        return bool(INTEGER_FORM.fullmatch(term.value)) and int(term.value) >= 0
    if datatype == XSD + "integer":
        return bool(INTEGER_FORM.fullmatch(term.value))
    if datatype == XSD + "date":
        return bool(
            re.fullmatch(r"-?[0-9]{4,}-[0-9]{2}-[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})?", term.value)
        )
    return True


# A constraint's test of one focus node: (data, focus, the focus node's values) -> fails?
FailureTest = Callable[["_Data", Term, list[Term]], bool]


def _any_value(bad: Callable[[Term], bool]) -> FailureTest:
    return lambda data, focus, values: any(map(bad, values))


def _failure_test(kind: str, parameter: Any) -> FailureTest:
    """The test of one constraint, made once when the shapes are read (not dispatched on
    the constraint's kind for every focus node)."""
    if kind == "minCount":
        return lambda data, focus, values: len(values) < parameter
    if kind == "maxCount":
        return lambda data, focus, values: len(values) > parameter
    if kind == "hasValue":
        return lambda data, focus, values: parameter not in values
    if kind == "uniqueLang":

        def repeated_language(data: _Data, focus: Term, values: list[Term]) -> bool:
            languages = [
                v.language.lower() for v in values if isinstance(v, ox.Literal) and v.language
            ]
            return len(languages) != len(set(languages))

        return repeated_language
    if kind == "qualified":
        test, low, high = parameter

        def wrong_count(data: _Data, focus: Term, values: list[Term]) -> bool:
            count = sum(1 for v in values if test(data, v))
            return (low is not None and count < low) or (high is not None and count > high)

        return wrong_count
    if kind in ("lessThan", "lessThanOrEquals"):
        allow_equal = kind == "lessThanOrEquals"

        def out_of_order(data: _Data, focus: Term, values: list[Term]) -> bool:
            others = data.objects(focus, parameter)
            return any(not _ordered(v, o, allow_equal) for v in values for o in others)

        return out_of_order
    if kind == "class":

        def not_an_instance(data: _Data, focus: Term, values: list[Term]) -> bool:
            return any(not data.is_instance(v, parameter) for v in values)

        return not_an_instance
    if kind == "datatype":
        return _any_value(lambda v: not (isinstance(v, ox.Literal) and _well_formed(v, parameter)))
    if kind == "pattern":
        return _any_value(lambda v: isinstance(v, ox.BlankNode) or not parameter.search(v.value))
    if kind == "in":
        return _any_value(lambda v: v not in parameter)
    if kind == "node":

        def not_conforming(data: _Data, focus: Term, values: list[Term]) -> bool:
            return any(not parameter(data, v) for v in values)

        return not_conforming
    if kind == "minInclusive":
        return _any_value(lambda v: not _ordered(parameter, v, True))
    if kind == "minLength":
        return _any_value(lambda v: isinstance(v, ox.BlankNode) or len(v.value) < parameter)
    if kind == "nodeKind":
        return _any_value(lambda v: not parameter(v))
    raise UnsupportedShape(kind)  # pragma: no cover - read_rules only makes the kinds above


_MESSAGE_VARIABLE = re.compile(r"\{[?$](\w+)\}")


def _fill(message: str, values: dict[str, str | None]) -> str:
    """A message with its ``{?var}`` placeholders replaced by the solution's values."""
    return _MESSAGE_VARIABLE.sub(lambda m: str(values.get(m.group(1)) or ""), message)


def _focus_nodes(data: _Data, shape: _ShapeRule) -> set[Term]:
    nodes: set[Term] = set()
    for cls in shape.target_classes:
        nodes |= data.instances(cls)
    for p in shape.target_subjects_of:
        nodes |= data.subjects_of(p)
    for p in shape.target_objects_of:
        nodes |= data.objects_of(p)
    return nodes


def run_checks(
    quads: Sequence[ox.Quad], rules: Rules | None = None, base: str = "https://w3id.org/unkg/"
) -> list[CheckResult]:
    """Every rule over a graph (graph names ignored); the results, sorted."""
    return evaluate(parts_of(quads), rules, base)[0]


def evaluate(
    parts: Sequence[TripleParts], rules: Rules | None = None, base: str = "https://w3id.org/unkg/"
) -> tuple[list[CheckResult], _Data]:
    """:func:`run_checks` of a graph's triples given as their terms, with the index of the
    graph it built (for looking up evidence)."""
    rules = rules if rules is not None else default_rules(base)
    data = _Data(parts, rules.sparql_predicates, rules.sparql_types_named)
    results: set[CheckResult] = set()
    for shape in rules.shapes:
        focus_nodes = _focus_nodes(data, shape)
        if not focus_nodes:
            continue
        for focus in focus_nodes:
            for cls in shape.classes:
                if not data.is_instance(focus, cls):
                    results.add(
                        CheckResult(
                            shape.severity,
                            focus.value,
                            None,
                            f"Not an instance of {cls.value}",
                            shape.name,
                        )
                    )
        for prop in shape.properties:
            for focus in focus_nodes:
                values = data.objects(focus, prop.path)
                for constraint in prop.constraints:
                    if constraint.fails(data, focus, values):
                        results.add(
                            CheckResult(
                                prop.severity,
                                focus.value,
                                prop.path.value,
                                prop.message or constraint.default_message,
                                shape.name,
                            )
                        )
        for sparql in shape.sparql:
            solutions = data.store().query(sparql.query)
            variables = [v.value for v in solutions.variables]  # type: ignore[union-attr]
            for solution in solutions:  # type: ignore[union-attr]
                this = solution["this"]
                if this is None or this not in focus_nodes:
                    continue
                bound = {v: solution[v] for v in variables}
                message = _fill(
                    sparql.message, {k: getattr(v, "value", None) for k, v in bound.items()}
                )
                path = bound.get("path")
                results.add(
                    CheckResult(
                        shape.severity,
                        this.value,
                        path.value if isinstance(path, ox.NamedNode) else None,
                        message,
                        shape.name,
                    )
                )
    return sorted(
        results, key=lambda r: (SEVERITY_ORDER.get(r.severity, 3), r.focus, r.path or "", r.message)
    ), data


# --- rules across documents -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CorpusRule:
    """A SPARQL rule over the whole build (``unkg/shapes/corpus/*.rq``)."""

    name: str
    severity: str
    message: str
    reads: tuple[str, ...]  # the predicates it reads
    query: str


@cache
def corpus_rules() -> tuple[CorpusRule, ...]:
    from importlib import resources

    rules = []
    folder = resources.files("unkg.shapes.corpus")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".rq"):
            continue
        text = entry.read_text(encoding="utf-8")
        header = dict(re.findall(r"^# (\w+): (.*)$", text, flags=re.MULTILINE))
        missing = {"severity", "message", "reads"} - set(header)
        if missing:
            raise UnsupportedShape(
                f"corpus rule {entry.name} lacks # {', # '.join(sorted(missing))}"
            )
        rules.append(
            CorpusRule(
                entry.name[:-3],
                header["severity"].strip(),
                header["message"].strip(),
                tuple(header["reads"].split()),
                text,
            )
        )
    return tuple(rules)


def run_corpus_rules(store: ox.Store) -> list[dict[str, object]]:
    """Every corpus rule over a store (all its named graphs); one finding per answer."""
    findings: list[dict[str, object]] = []
    for rule in corpus_rules():
        solutions = store.query(rule.query)
        variables = [v.value for v in solutions.variables]  # type: ignore[union-attr]
        for solution in solutions:  # type: ignore[union-attr]
            bound = {v: getattr(solution[v], "value", None) for v in variables}
            message = _fill(rule.message, bound)
            findings.append(
                {
                    "rule": rule.name,
                    "severity": rule.severity,
                    "message": message,
                    "focus": bound.get("focus"),
                    "values": {k: v for k, v in bound.items() if k != "focus"},
                }
            )
    return findings


def corpus_lines_filter() -> Callable[[bytes], bool]:
    """Whether an N-Quads line holds a triple some corpus rule reads."""
    needles = tuple(f"> <{iri}> ".encode() for rule in corpus_rules() for iri in rule.reads)
    return lambda line: any(n in line for n in needles)
