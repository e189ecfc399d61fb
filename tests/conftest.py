"""Shared fixtures: the sample documents shipped in examples/ and their parsed forms."""

from __future__ import annotations

from pathlib import Path

import pytest

from unkg.ingest.files import read_source
from unkg.structure.document import Document
from unkg.structure.layout import parse

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
NOTE_VERBALE = EXAMPLES / "000_81358fa9429d5803.txt"
REPORT = EXAMPLES / "003_c2ffba67887ab6eb.txt"
FRAGMENTS = Path(__file__).resolve().parent / "fragments"
UNSC = Path(__file__).resolve().parent / "unsc"  # Security Council resolutions in English


@pytest.fixture(scope="session")
def report() -> Document:
    return parse(read_source(REPORT))


@pytest.fixture(scope="session")
def note_verbale() -> Document:
    return parse(read_source(NOTE_VERBALE))
