"""The contract between the extractors and the mapping: the order of ``EXTRACTORS`` gives
every component the kinds it reads before it runs, and every fact type has exactly one RDF
mapping in ``unkg/rdf``."""

from __future__ import annotations

import ast
import inspect
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType, SimpleNamespace

from unkg.extract import EXTRACTORS, facts
from unkg.extract.facts import Fact
from unkg.rdf import mapping

RDF = Path(mapping.__file__).resolve().parent


def _unmet(order: Sequence[ModuleType | SimpleNamespace]) -> list[tuple[str, str]]:
    """(component, kind) for each kind a component requires that no earlier one produces."""
    produced: set[str] = set()
    unmet = []
    for component in order:
        unmet += [(component.__name__, k) for k in component.REQUIRES if k not in produced]
        produced.add(component.KIND)
    return unmet


def test_every_component_runs_after_the_kinds_it_requires() -> None:
    assert _unmet(EXTRACTORS) == []


def test_every_component_produces_its_own_kind() -> None:
    kinds = [component.KIND for component in EXTRACTORS]
    assert len(kinds) == len(set(kinds))
    assert all(callable(component.extract) for component in EXTRACTORS)


def test_an_order_that_runs_a_reader_first_is_caught() -> None:
    assert _unmet(tuple(reversed(EXTRACTORS)))  # mentions reads officers, which come later
    first = SimpleNamespace(__name__="a", KIND="a", REQUIRES=("b",))
    second = SimpleNamespace(__name__="b", KIND="b", REQUIRES=())
    assert _unmet([first, second]) == [("a", "b")]
    assert _unmet([second, first]) == []


def _fact_types() -> set[str]:
    return {
        name
        for name, cls in inspect.getmembers(facts, inspect.isclass)
        if issubclass(cls, Fact) and cls is not Fact and cls.__module__ == facts.__name__
    }


def _mapped(source: str, fact_types: set[str]) -> Counter[str]:
    """How many times each fact type is a key of a dict literal (the mapping's dispatch
    table): a key written twice counts twice, though the dict keeps one."""
    counts: Counter[str] = Counter()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Dict):
            counts.update(k.id for k in node.keys if isinstance(k, ast.Name) and k.id in fact_types)
    return counts


def test_every_fact_type_has_exactly_one_mapping() -> None:
    types = _fact_types()
    counts: Counter[str] = Counter()
    for path in sorted(RDF.rglob("*.py")):
        counts += _mapped(path.read_text(encoding="utf-8"), types)
    assert counts == Counter(dict.fromkeys(types, 1))
    # and the table the mapping dispatches on holds them, each with its own function
    assert {cls.__name__ for cls in mapping._MAPPINGS} == types
    assert len(set(mapping._MAPPINGS.values())) == len(types)


def test_each_mapping_function_takes_its_fact_type() -> None:
    for cls, function in mapping._MAPPINGS.items():
        parameters = list(inspect.signature(function).parameters.values())
        assert parameters[1].annotation in (cls, cls.__name__), function.__name__


def test_a_missing_or_doubled_mapping_is_caught() -> None:
    types = {"AFact", "BFact"}
    doubled = "_MAPPINGS = {AFact: _a, BFact: _b, AFact: _a2}\n"
    missing = "_MAPPINGS = {AFact: _a}\n"
    assert _mapped(doubled, types) == Counter({"AFact": 2, "BFact": 1})
    assert _mapped(missing, types) != Counter(dict.fromkeys(types, 1))
