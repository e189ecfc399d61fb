"""The Arabic pack's data files, read on first use."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["load", "month_names"]


@cache
def load(name: str) -> Any:
    """Read ``name.json`` from this package (cached)."""
    text = resources.files("unkg.lang.ar").joinpath(f"{name}.json").read_text(encoding="utf-8")
    return json.loads(text)


@cache
def month_names() -> dict[str, tuple[int, str]]:
    """Every month name form -> (month number, ``"levantine"`` or ``"western"``)."""
    names: dict[str, tuple[int, str]] = {}
    for month in load("months")["months"]:
        for kind in ("levantine", "western"):
            for form in month[kind]:
                names[form] = (month["number"], kind)
    return names
