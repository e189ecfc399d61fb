"""The picture's kinds, relations and ``--include`` names (``style.json``), read once."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["include_names", "style"]


@cache
def style() -> dict[str, Any]:
    """Kinds, relations and flags of the picture (``unkg/viz/style.json``)."""
    text = (resources.files("unkg.viz") / "style.json").read_text(encoding="utf-8")
    return dict(json.loads(text))


def include_names() -> tuple[str, ...]:
    """What ``--include`` takes.

    >>> include_names()[:3]
    ('documents', 'plenary', 'agenda')
    """
    return tuple(style()["include"])
