"""Reference tables shipped with unkg (see README.md beside this file), read on first use."""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources

__all__ = ["TABLES", "cells", "load_table"]

TABLES = (
    "states",
    "organizations",
    "instruments",
    "topics",
    "symbol_series",
    "concepts",
    "places",
    "schemes",
    "former_states",
)
SEPARATOR = " | "


@cache
def load_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``name.tsv`` as dicts keyed by the header; comment lines are skipped.

    >>> load_table("states")[0]["iso3"]
    'AFG'
    """
    if name not in TABLES:
        raise ValueError(f"unknown table {name!r}; tables are {', '.join(TABLES)}")
    text = resources.files(__name__).joinpath(f"{name}.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple(dict(row) for row in reader)


def cells(value: str | None) -> list[str]:
    """Split a multi-valued cell (``a | b``); an empty cell gives no values."""
    if not value:
        return []
    return [part.strip() for part in value.split(SEPARATOR.strip()) if part.strip()]
