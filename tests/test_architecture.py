"""The shape of the code: the pipeline's packages import one way, with no cycle."""

from __future__ import annotations

import importlib.util
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
