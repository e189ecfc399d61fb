"""Snippets of UN drafting in, typed facts out: the harness of the extractors' table tests.

A snippet is read as a text file would be (language detected, repaired, structured), so a
table test exercises the same path a user's document takes."""

from __future__ import annotations

import hashlib
from typing import TypeVar

from unkg import lang
from unkg.extract import extract_facts
from unkg.extract.facts import Fact
from unkg.ingest.files import language_of
from unkg.ingest.source import Source
from unkg.structure.layout import parse

F = TypeVar("F", bound=Fact)


def source_of(text: str) -> Source:
    data = text.encode("utf-8")
    return Source(
        path="snippet.txt",
        text=text,
        encoding="utf-8",
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        language=language_of(text),
    )


def facts_of(text: str, kind: type[F]) -> list[F]:
    """Every fact of ``kind`` the whole pipeline of extractors reads from ``text``."""
    return [f for f in extract_facts(parse(source_of(text))) if isinstance(f, kind)]


def language(text: str) -> str:
    return lang.get(language_of(text)).code


# The title block of a session report (E/ESCWA/EDID/2017/IG.1/9/Report, both languages): the
# document's own meeting, which plenaries, officers, statements and the agenda belong to.
TRANSPORT_SESSION = "escwa-committee-transport-logistics/session/18"
REPORT_EN = (
    "Committee on Transport and Logistics\nEighteenth session\nBeirut, 20-21 December 2017\n\n"
    "Report of the Committee on Transport and Logistics on its eighteenth session\n\n"
)
REPORT_AR = (
    "لجنة النقل واللوجستيات\nالدورة الثامنة عشرة\nبيروت، 20-21 كانون الأول/ديسمبر 2017\n\n"
    "تقرير لجنة النقل واللوجستيات عن دورتها الثامنة عشرة\n\n"
)


def quotes_in(fact: Fact, text: str) -> bool:
    """Every evidence quote of a fact is a stretch of the text it was read from."""
    return bool(fact.evidence) and all(e.quote and e.quote in text for e in fact.evidence)
