"""The shape of the code: the pipeline's packages import one way, with no cycle."""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _imports_tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("imports_tool", ROOT / "tools" / "imports.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["imports_tool"] = module
    spec.loader.exec_module(module)
    return module


def test_no_import_cycle() -> None:
    tool = _imports_tool()
    assert tool.cycles(tool.graph()) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    tool = _imports_tool()
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert tool.cycles(edges) == [["a", "b", "c"]]


PACKAGE = ROOT / "unkg"
# The pipeline's stages: they ask the document's language pack, never import one.
STAGES = ("ingest", "repair", "structure", "text", "extract", "rdf", "validate", "export")
ARABIC_LETTER = re.compile("[\u0621-\u063f\u0641-\u064a\u0671-\u06d3]")  # not tatweel


def _stage_files() -> list[Path]:
    return sorted(p for stage in STAGES for p in (PACKAGE / stage).rglob("*.py"))


def _pack_imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        found += [n for n in names if re.match(r"unkg\.lang\.[a-z]{2}(?:\.|$)", n)]
    return found


def _code_strings(path: Path) -> list[tuple[int, str]]:
    """String constants of a module that are not docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_no_stage_imports_a_language_pack() -> None:
    offenders = {
        str(p.relative_to(ROOT)): imports for p in _stage_files() if (imports := _pack_imports(p))
    }
    assert offenders == {}


def test_no_stage_holds_an_arabic_literal() -> None:
    offenders = [
        f"{p.relative_to(ROOT)}:{line}: {text[:40]!r}"
        for p in _stage_files()
        for line, text in _code_strings(p)
        if ARABIC_LETTER.search(text)
    ]
    assert offenders == []


def test_the_checks_see_a_pack_import_and_an_arabic_literal(tmp_path: Path) -> None:
    module = tmp_path / "bad.py"
    module.write_text(
        '"""قرار in a docstring is fine."""\nfrom unkg.lang.ar.patterns import build_patterns\n'
        'CUE = "قرار"\n',
        encoding="utf-8",
    )
    assert _pack_imports(module) == [
        "unkg.lang.ar.patterns",
        "unkg.lang.ar.patterns.build_patterns",
    ]
    assert [line for line, text in _code_strings(module) if ARABIC_LETTER.search(text)] == [3]
