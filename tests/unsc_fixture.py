"""A test fixture, not product code: the graph unkg's mapping makes of Security Council
resolutions, before unkg reads English.

``tests/fixtures/unsc-links.tsv`` is a compact record of the 810 resolutions of the shared
corpus (``corpus/unsc-en/``: SeanFobbe/cr-unsc @ ba7a562, ``data/res_en_gold/``): each
resolution's symbol, adoption date and file digest, and each resolution it cites with the
verb of the clause (recalls, reaffirms, in accordance with, ...) and the span of the text
that says so. ``fixture_quads`` turns that record into facts and the facts into quads with
unkg's own mapping (``unkg.rdf.mapping.document_graph``), one named graph per resolution
plus the reference graph, so the picture is tested on the graph a build will give.

Regenerate the record from the corpus (development only; tests never read the corpus)::

    python -m tests.unsc_fixture /work/shared/corpus/unsc-en tests/fixtures/unsc-links.tsv

and write a build-like folder to draw (``unkg viz --data OUT``)::

    python -m tests.unsc_fixture --graph tests/fixtures/unsc-links.tsv OUT
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from unkg.extract.facts import (
    DocumentFact,
    DocumentReferenceFact,
    Evidence,
    Fact,
    ResolutionFact,
    ResolutionLinkFact,
)
from unkg.lang import REGISTRY
from unkg.lang import get as language_pack
from unkg.lang.base import LanguagePack, Script
from unkg.rdf.iri import Minter
from unkg.rdf.mapping import document_graph
from unkg.rdf.reference import reference_quads

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "unsc-links.tsv"
BODY = "un-security-council"

_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTHS = {month: number for number, month in enumerate(_MONTH_NAMES, start=1)}
_DATE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(_MONTHS) + r")\s+((?:19|20)\d\d)\b")
_FILE = re.compile(r"S_RES_(\d{4})_(\d{4})_EN")
# a cited resolution: "661 (1990)", also wrapped across a line
_CITED = re.compile(r"\b(\d{1,4})\s*\(\s*((?:19|20)\d\d)\s*\)")
# the verb a paragraph opens with, and the phrases that type the link at the citation
_LEAD = (
    (re.compile(r"(?:recall|recalling|recalls)\b", re.I), "recalls"),
    (re.compile(r"(?:reaffirm|reaffirming|reaffirms)\b", re.I), "reaffirms"),
    (re.compile(r"(?:welcom|welcoming|welcomes)\w*\b", re.I), "welcomes"),
    (re.compile(r"(?:taking|takes)\s+note\b", re.I), "takes-note-of"),
)
_INLINE = (
    (
        re.compile(r"in\s+accordance\s+with\s+(?:its\s+|the\s+)?resolutions?\s+$", re.I),
        "in-accordance-with",
    ),
    (re.compile(r"pursuant\s+to\s+(?:its\s+|the\s+)?resolutions?\s+$", re.I), "pursuant-to"),
)
_NUMBERED = re.compile(r"^\s*(?:\d+\.|\([a-z]\))\s*")
LONGEST_QUOTE = 160


@dataclass(frozen=True, slots=True)
class Link:
    relation: str  # concepts.tsv relation id, or "cites"
    target: str
    start: int
    end: int
    quote: str


@dataclass(frozen=True, slots=True)
class Resolution:
    file: str
    symbol: str
    adopted: dt.date | None
    sha256: str
    links: tuple[Link, ...]


def symbol(number: int, year: int) -> str:
    """The symbol as unkg writes it today."""
    return f"S/RES/{number} ({year})"


def read_resolution(path: Path) -> Resolution:
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    found = _FILE.search(path.name)
    assert found is not None, path
    number, year = int(found.group(1)), int(found.group(2))
    head = text[:400]
    dated = _DATE.search(head)
    adopted = (
        dt.date(int(dated.group(3)), _MONTHS[dated.group(2)], int(dated.group(1)))
        if dated
        else None
    )
    links: list[Link] = []
    seen: set[tuple[str, str]] = set()
    for paragraph_start, paragraph in _paragraphs(text):
        lead = _NUMBERED.sub("", paragraph)
        lead_offset = paragraph_start + len(paragraph) - len(lead)
        lead_relation = next((r for pattern, r in _LEAD if pattern.match(lead)), None)
        for cited in _CITED.finditer(paragraph):
            cited_number, cited_year = int(cited.group(1)), int(cited.group(2))
            if (cited_year, cited_number) >= (year, number) or cited_year < 1946:
                continue  # its own symbol, a later one (a misread), or no resolution
            before = paragraph[: cited.start()]
            # the citation list a phrase opens: "pursuant to resolutions 660 (1990), 661 ..."
            listed = re.sub(r"(?:\d{1,4}\s*\(\s*\d{4}\s*\)[\s,]*(?:and\s+)?)+$", "", before)
            relation, start = "cites", paragraph_start + cited.start()
            for pattern, name in _INLINE:
                phrase = pattern.search(listed)
                if phrase is not None:
                    relation, start = name, paragraph_start + phrase.start()
                    break
            else:
                if lead_relation is not None:
                    relation, start = lead_relation, lead_offset
            end = paragraph_start + cited.end()
            if end - start > LONGEST_QUOTE:
                start = paragraph_start + cited.start()
            target = symbol(cited_number, cited_year)
            if (relation, target) in seen:
                continue
            seen.add((relation, target))
            links.append(Link(relation, target, start, end, text[start:end]))
    return Resolution(
        path.name, symbol(number, year), adopted, hashlib.sha256(raw).hexdigest(), tuple(links)
    )


def _paragraphs(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for block in re.split(r"(\n\s*\n)", text):
        if block.strip() and not block.startswith("\n"):
            yield start, block
        start += len(block)


def write_record(corpus: Path, target: Path) -> None:
    rows = ["# " + line for line in (__doc__ or "").splitlines()[:9]]
    rows.append("# resolution\tfile\tadopted\tsha256 | link\trelation\ttarget\tstart\tend\tquote")
    for path in sorted(corpus.glob("S_RES_*.txt")):
        r = read_resolution(path)
        rows.append(
            "\t".join(
                (
                    "resolution",
                    r.symbol,
                    r.file,
                    r.adopted.isoformat() if r.adopted else "",
                    r.sha256,
                )
            )
        )
        for link in r.links:
            quote = (
                link.quote.replace("\\", "\\\\")
                .replace("\n", "\\n")
                .replace("\r", "\\r")
                .replace("\t", "\\t")
            )
            rows.append(
                "\t".join(
                    ("link", link.relation, link.target, str(link.start), str(link.end), quote)
                )
            )
    target.write_text("\n".join(rows) + "\n", encoding="utf-8")


def read_record(path: Path = FIXTURE) -> list[Resolution]:
    resolutions: list[Resolution] = []
    current: list[str] = []
    links: list[Link] = []

    def close() -> None:
        if current:
            _, sym, file, adopted, digest = current
            date = dt.date.fromisoformat(adopted) if adopted else None
            resolutions.append(Resolution(file, sym, date, digest, tuple(links)))

    # split on newlines only: a quote may hold a form feed or a line separator
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("#") or not line:
            continue
        cells = line.split("\t")
        if cells[0] == "resolution":
            close()
            current, links = cells, []
        else:
            _, relation, target, start, end, quote = cells
            quote = re.sub(
                r"\\(.)",
                lambda m: {"n": "\n", "r": "\r", "t": "\t"}.get(m.group(1), m.group(1)),
                quote,
            )
            links.append(Link(relation, target, int(start), int(end), quote))
    close()
    return resolutions


def facts_of(resolution: Resolution) -> list[Fact]:
    """The facts English extraction will state for one resolution."""
    sym = resolution.symbol
    number, year = (int(x) for x in re.findall(r"\d+", sym)[:2])
    facts: list[Fact] = [
        DocumentFact(
            document=sym,
            symbol=sym,
            job_number=None,
            doc_type="resolution",
            date=resolution.adopted,
            language="en",
            title=None,
            file_sha256=resolution.sha256,
        ),
        ResolutionFact(symbol=sym, organ=BODY, session=None, number=number, year=year),
    ]
    for link in resolution.links:
        evidence = (Evidence(sym, "para", link.start, link.end, link.quote),)
        if link.relation == "cites":
            facts.append(
                DocumentReferenceFact(
                    document=sym, symbol=link.target, doc_type="resolution", evidence=evidence
                )
            )
        else:
            facts.append(
                ResolutionLinkFact(
                    source=sym, relation=link.relation, target=link.target, evidence=evidence
                )
            )
    return facts


class _English(LanguagePack):
    """What the mapping asks of a document's language (its codes), until unkg has an
    English pack; then that pack is used."""

    code = "en"
    code3 = "eng"
    name = "English"
    package = __name__
    script = Script("Latn", "A-Za-z")


def english() -> LanguagePack:
    return language_pack("en") if "en" in REGISTRY else _English()


def fixture_quads(path: Path = FIXTURE, limit: int | None = None) -> list[ox.Quad]:
    """The reference graph and one named graph per resolution, as a build writes them."""
    minter = Minter()
    language = english()
    quads = list(reference_quads(minter))
    for resolution in read_record(path)[:limit]:
        facts = facts_of(resolution)
        quads.extend(document_graph(facts, resolution.symbol, minter, language).quads)
    return quads


def write_graph(out: Path, path: Path = FIXTURE, limit: int | None = None) -> Path:
    """A build-like folder (``OUT/graph.trig``) for ``unkg viz --data OUT``."""
    out.mkdir(parents=True, exist_ok=True)
    target = out / "graph.trig"
    target.write_bytes(ox.serialize(fixture_quads(path, limit), format=ox.RdfFormat.TRIG) or b"")
    return target


if __name__ == "__main__":
    if sys.argv[1] == "--graph":
        print(write_graph(Path(sys.argv[3]), Path(sys.argv[2])))
    else:
        write_record(Path(sys.argv[1]), Path(sys.argv[2]))
