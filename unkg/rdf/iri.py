"""Deterministic IRIs, derived from what a thing is.

Documents from their UN symbol (AKN4UN: ``/`` -> ``-``, space -> ``_``), States from their ISO
3166-1 alpha-3 code, organisations, instruments, places and concepts from their table id,
meetings from their key, plenary meetings from meeting and ordinal, agenda items from
meeting and notation. Persons and places not in a table get an ASCII slug of their name.
The same input always gives the same IRI; nothing depends on run order or time.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import cache, lru_cache
from urllib.parse import quote

import pyoxigraph as ox

from unkg import __version__, lang
from unkg.extract.facts import Entity, EntityKind
from unkg.ontology.ns import PREFIXES
from unkg.text.symbols import slug

__all__ = ["DEFAULT_BASE", "Minter", "folder_prefixes", "prefixes", "transliterate"]

DEFAULT_BASE = "https://w3id.org/unkg/"

# Prefix names for the folders of our IRIs, for Turtle and JSON-LD ("state:CHE",
# "doc:A-RES-63-72"). Two are renamed so as not to clash with vocabulary names: the folder of
# organisations ("org" is the W3C ORG vocabulary) and of role concepts ("role" is org:role).
FOLDER_PREFIXES = {
    "doc": "doc",
    "state": "state",
    "org": "body",
    "meeting": "meeting",
    "person": "person",
    "place": "place",
    "instrument": "instrument",
    "group": "group",
    "mission": "mission",
    "evidence": "evidence",
    "topic": "topic",
    "role": "roles",
    "doctype": "doctype",
    "scheme": "scheme",
    "relation": "relation",
    "meeting-kind": "meetingkind",
    "election-method": "election",
    "mission-kind": "missionkind",
    "request": "request",
    "consideration": "consideration",
    "actor-group": "actorgroup",
    "adoption-method": "adoption",
    "run": "run",
    "triple": "triple",
}


def folder_prefixes(base: str) -> dict[str, str]:
    """Prefix name -> namespace for the folders of IRIs under ``base``."""
    return {name: f"{base}id/{folder}/" for folder, name in FOLDER_PREFIXES.items()}


_UNSAFE = re.compile(r"[^A-Za-z0-9._~()\-]")


@cache
def _letters() -> dict[str, str]:
    """The transliteration letters of every language pack."""
    letters: dict[str, str] = {}
    for pack in lang.packs():
        letters.update(pack.transliteration())
    return letters


def transliterate(text: str) -> str:
    """An ASCII slug of a name in any script a pack transliterates (or Latin), for IRIs.

    >>> transliterate("خورخي لوميلي")
    'khwrkhy-lwmyly'
    """
    letters = _letters()
    out = []
    for char in unicodedata.normalize("NFKC", text):
        if char in letters:
            out.append(letters[char])
        elif char.isascii() and char.isalnum():
            out.append(char.lower())
        elif char.isspace() or char in "-_":
            out.append("-")
    slugged = re.sub(r"-+", "-", "".join(out)).strip("-")
    if not slugged:
        slugged = "x" + hashlib.sha1(text.encode()).hexdigest()[:10]
    return slugged


@lru_cache(maxsize=4096)
def _document_slug(key: str) -> str:
    # remembered: a document's graph names its key in every span, paragraph and version
    # IRI, several hundred times, and the slug normalises it a character at a time
    if key.startswith("sha256:"):
        return "sha256-" + key.split(":", 1)[1]
    return quote(slug(key), safe="._~()-")


class Minter:
    """Mints every IRI of the graph under one base IRI."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        if not re.match(r"^https?://[^\s<>\"{}|\\^`]+[/#]$", base):
            raise ValueError(f"base IRI must be an absolute http(s) IRI ending in / or #: {base!r}")
        self.base = base

    def _node(self, path: str) -> ox.NamedNode:
        return ox.NamedNode(self.base + path)

    # documents -----------------------------------------------------------------------------
    def document_slug(self, key: str) -> str:
        return _document_slug(key)

    def document(self, key: str) -> ox.NamedNode:
        return self._node(f"id/doc/{self.document_slug(key)}")

    def version(self, key: str, language: str) -> ox.NamedNode:
        """A document's expression in one language (ISO 639-3: ``ara``, ``eng``)."""
        return self._node(f"id/doc/{self.document_slug(key)}/{language}")

    def paragraph(self, key: str, paragraph: str, language: str) -> ox.NamedNode:
        slug = self.document_slug(key)
        return self._node(f"id/doc/{slug}/{language}#{quote(paragraph, safe='_')}")

    def annex(self, key: str, number: int = 1) -> ox.NamedNode:
        return self._node(f"id/doc/{self.document_slug(key)}#annex{number}")

    def graph(self, key: str) -> ox.NamedNode:
        return self._node(f"graph/doc/{self.document_slug(key)}")

    def reference_graph(self) -> ox.NamedNode:
        return self._node("graph/reference")

    # agents and things -----------------------------------------------------------------------
    def entity(self, entity: Entity) -> ox.NamedNode:
        kind = entity.kind
        if kind is EntityKind.STATE:
            return self._node(f"id/state/{entity.key}")
        if kind is EntityKind.ORGANIZATION:
            return self._node(f"id/org/{entity.key}")
        if kind is EntityKind.INSTRUMENT:
            return self._node(f"id/instrument/{entity.key}")
        if kind is EntityKind.GROUP:
            return self._node(f"id/group/{entity.key}")
        if kind is EntityKind.PLACE:
            return self._node(f"id/place/{entity.key or transliterate(entity.label)}")
        return self._node(f"id/person/{transliterate(entity.label or entity.key)}")

    def entity_slug(self, entity: Entity) -> str:
        return self.entity(entity).value.rsplit("/", 1)[1]

    def mission(self, state: str, kind: str) -> ox.NamedNode:
        return self._node(f"id/mission/{state}/{kind}")

    def concept(self, scheme: str, concept: str) -> ox.NamedNode:
        return self._node(f"id/{scheme}/{concept}")

    def scheme(self, scheme: str) -> ox.NamedNode:
        return self._node(f"id/scheme/{scheme}")

    # events ----------------------------------------------------------------------------------
    def meeting(self, key: str) -> ox.NamedNode:
        return self._node(f"id/meeting/{key}")

    def plenary(self, meeting: str, ordinal: int) -> ox.NamedNode:
        return self._node(f"id/meeting/{meeting}/plenary/{ordinal}")

    def agenda_item(self, meeting: str, notation: str) -> ox.NamedNode:
        item = notation.replace("(", "-").replace(")", "")
        return self._node(f"id/meeting/{meeting}/agenda/{item}")

    def vote(self, resolution: str) -> ox.NamedNode:
        """The vote a resolution was adopted by (one per resolution)."""
        return self._node(f"id/doc/{self.document_slug(resolution)}/vote")

    def office(self, meeting: str | None, document: str, role: str, holder: Entity) -> ox.NamedNode:
        where = f"meeting/{meeting}" if meeting else f"doc/{self.document_slug(document)}"
        return self._node(f"id/{where}/office/{role}/{self.entity_slug(holder)}")

    def statement(
        self, meeting: str, ordinal: int, speaker: Entity, behalf: Entity | None = None
    ) -> ox.NamedNode:
        name = self.entity_slug(speaker)
        if behalf is not None:
            name += "-for-" + self.entity_slug(behalf)
        return self._node(f"id/meeting/{meeting}/plenary/{ordinal}/statement/{name}")

    # provenance ------------------------------------------------------------------------------
    def evidence(self, digest: str) -> ox.NamedNode:
        return self._node(f"id/evidence/{digest}")

    def triple(self, ntriples: str) -> ox.NamedNode:
        """A reified triple, named by a digest of its N-Triples form."""
        return self._node(f"id/triple/{hashlib.sha1(ntriples.encode()).hexdigest()[:20]}")

    def span(
        self, key: str, start: int, end: int, language: str
    ) -> tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode]:
        """A span of a document's version in a language: the target and its position and
        quote selectors, named by the character offsets."""
        name = f"{self.version(key, language).value}#span-{start}-{end}"
        return ox.NamedNode(name), ox.NamedNode(name + "-position"), ox.NamedNode(name + "-quote")

    def run(self) -> ox.NamedNode:
        return self._node(f"id/run/unkg-{__version__}")

    def safe(self, text: str) -> str:
        return _UNSAFE.sub("-", text)


def prefixes(base: str) -> dict[str, str]:
    found = dict(PREFIXES)
    found.update(folder_prefixes(base))
    found["graph"] = f"{base}graph/"
    return found
