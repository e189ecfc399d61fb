"""The seed report's PDF-broken copy, repaired on its own, against its clean copy.

``examples/003_c2ffba67887ab6eb.txt`` holds the report twice: a copy whose lines a PDF
extractor emitted in visual order (lines 1-283) and a clean one. The broken copy is repaired
alone here, so nothing of the clean copy's words helps; each of its 39 paragraphs is compared
with the clean copy's, word order included (difflib ratio of the texts without tatweel and
diacritics). Issue 20's goal: 35 of 39 paragraphs at 0.90 or better.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

from unkg.ingest.files import read_source
from unkg.lang.ar.script import word_key
from unkg.structure.document import Document
from unkg.structure.layout import parse

GOAL_PARAGRAPHS = 35
GOOD = 0.90
# measured when this test was written: 12 of 39 before the work of issue 20, 22 with it
REACHED = 22


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", word_key(text)).strip()


def broken_copy_scores(report: Document, tmp_path: Path) -> dict[int, float]:
    original = report.source.text
    broken = tmp_path / "broken.txt"
    broken.write_text(original[: original.index("\tاجتماع الخبراء")], encoding="utf-8")
    alone = parse(read_source(broken))
    clean = {p.number: p.text for p in report.paragraphs if p.number is not None}
    repaired = {p.number: p.text for p in alone.paragraphs if p.number is not None}
    return {
        n: difflib.SequenceMatcher(
            None, _normal(repaired.get(n, "")), _normal(text), autojunk=False
        ).ratio()
        for n, text in clean.items()
    }


def test_broken_copy_does_not_fall_back(report: Document, tmp_path: Path) -> None:
    scores = broken_copy_scores(report, tmp_path)
    assert len(scores) == 39
    assert sum(s >= GOOD for s in scores.values()) >= REACHED


@pytest.mark.xfail(strict=True, reason="issue 20 item 3: 22 of 39 reached, the goal is 35")
def test_broken_copy_reaches_the_goal(report: Document, tmp_path: Path) -> None:
    scores = broken_copy_scores(report, tmp_path)
    assert sum(s >= GOOD for s in scores.values()) >= GOAL_PARAGRAPHS
