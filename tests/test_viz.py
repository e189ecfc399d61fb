"""The picture: what the default view holds, the layout, the page, the static pictures.

The 810 Security Council resolutions are drawn from ``tests/fixtures/unsc-links.tsv``
through unkg's own mapping (``tests/unsc_fixture.py``), until unkg reads English.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from unkg.build import build
from unkg.cli import main
from unkg.pipeline import BuildOptions
from unkg.sparql.query import bind, named_queries, run_query
from unkg.validate.shacl import load_quads
from unkg.viz.layout import MARKER, label_width, lay_out
from unkg.viz.picture import PictureOptions, picture, store_of_quads
from unkg.viz.view import View, view_of

from .conftest import EXAMPLES
from .unsc_fixture import fixture_quads, read_record, write_graph

BASE = "https://w3id.org/unkg/id/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("viz")
    build([EXAMPLES], out, BuildOptions(validate=False, formats=("trig",)))
    return out


@pytest.fixture(scope="module")
def samples(built: Path) -> ox.Store:
    return store_of_quads(load_quads(built))


@pytest.fixture(scope="module")
def unsc() -> ox.Store:
    return store_of_quads(fixture_quads())


def test_the_default_view_holds_resolutions_meetings_and_reports(samples: ox.Store) -> None:
    view = view_of(samples)
    kinds = Counter(n.kind for n in view.nodes.values())
    assert kinds == {"resolution": 3, "meeting": 3, "report": 2}
    assert Counter(e.relation for e in view.edges) == {
        "decides": 2,
        "recalls": 2,
        "inAccordanceWith": 1,
        "reportOf": 2,
    }
    labels = {n.label for n in view.nodes.values()}
    assert {
        "A/RES/63/72",
        "A/RES/64/50",
        "A/RES/65/64",
        "meeting 2011 · New York",
        "workshop 2001 · Baku",
        "conference 2001 · A/CONF.192",
        "A/CONF.192/MGE/2011/1",
        "annex · note verbale 2001-07-06",
    } == labels
    meeting = next(n for n in view.nodes.values() if n.label == "meeting 2011 · New York")
    assert (meeting.date, meeting.end) == ("2011-05-09", "2011-05-13")
    assert meeting.names[0].startswith("اجتماع الخبراء الحكوميين")
    resolution = view.nodes[BASE + "doc/A-RES-65-64"]
    assert resolution.body == "General Assembly" and resolution.date is None
    axis = lay_out(view)  # undated: in the column left of the axis
    assert axis.undated is not None and axis.undated[0] <= resolution.x < axis.undated[1]
    assert all(n.x >= 0 for n in view.nodes.values() if n.date)


def test_the_panel_reaches_what_the_picture_leaves_out(samples: ox.Store) -> None:
    view = view_of(samples)
    meeting = _meeting(view, "meeting 2011 · New York")
    facts = view.facts[meeting]
    assert ["location", "New York", BASE + "place/new-york"] in facts
    chair = next(row[2] for row in facts if row[2] and "/office/chair/" in row[2])
    assert chair.startswith(meeting)  # an office held at the meeting ...
    assert ["member", "دجيم ماكلاي", BASE + "person/djym-maklay"] in view.facts[
        chair
    ]  # ... its holder


def test_the_evidence_is_what_the_named_query_gives(samples: ox.Store) -> None:
    view = view_of(samples)
    source = BASE + "doc/A-RES-65-64"
    rows = run_query(samples, bind(named_queries()["evidence"], {"subject": source}))
    assert len(view.evidence[source]) == len(rows.rows) > 0
    link = [r for r in view.evidence[source] if r[1] == BASE + "doc/A-RES-64-50"]
    assert link and all("64/50" in (r[6] or "") for r in link)
    assert link[0][0] == "https://w3id.org/unkg/ontology#inAccordanceWith"


def _meeting(view: View, label: str) -> str:
    return next(n.id for n in view.nodes.values() if n.label == label)


def test_include_adds_kinds_linked_to_what_is_drawn(samples: ox.Store) -> None:
    states = view_of(samples, include=["states"])
    drawn_states = {n.id for n in states.nodes.values() if n.kind == "state"}
    assert BASE + "state/CHE" in drawn_states  # it hosted the workshop
    assert len(drawn_states) < 20  # not the 195 States of the reference data
    assert {e.relation for e in states.edges} >= {"hostedBy", "mentions"}
    officers = view_of(samples, include=["officers"])
    chair = [e for e in officers.edges if e.relation == "chair"]
    assert [(e.source, e.target) for e in chair] == [
        (_meeting(officers, "meeting 2011 · New York"), BASE + "person/djym-maklay")
    ]
    assert chair[0].via is not None and chair[0].via in officers.evidence
    everything = view_of(samples, everything=True)
    assert {"plenary", "topic", "state", "person"} <= {n.kind for n in everything.nodes.values()}
    with pytest.raises(ValueError, match="unknown --include planets"):
        view_of(samples, include=["planets"])


def test_810_resolutions_on_the_time_axis(unsc: ox.Store) -> None:
    record = read_record()
    assert len(record) == 810
    view, axis = picture(unsc)
    cited = {link.target for r in record for link in r.links} - {r.symbol for r in record}
    assert len(view.nodes) == 810 + len(cited)
    assert len(view.edges) == sum(len(r.links) for r in record) > 2500
    by_symbol = {n.label: n for n in view.nodes.values()}
    first = by_symbol["S/RES/660 (1990)"]
    assert first.date == "1990-08-02" and first.body == "Security Council"
    assert by_symbol["S/RES/661 (1990)"].x > first.x  # time runs left to right
    # its date line is misprinted ("of 14 October £964"): placed by the year of its symbol
    misprinted = by_symbol["S/RES/226 (1966)"]
    assert (misprinted.date, misprinted.date_note) == ("1966-07-01", "year of the symbol")
    cited_only = by_symbol["S/RES/107 (1955)"]  # cited, not in the corpus: no body stated
    assert cited_only.date_note == "year of the symbol" and cited_only.body is None
    assert axis.undated is None
    assert [b.label for b in axis.bands] == [
        "resolution · Security Council",
        "resolution · body not stated",
    ]


def test_labels_do_not_overlap_and_the_layout_is_stable(unsc: ox.Store) -> None:
    view, axis = picture(unsc)
    boxes = sorted(
        (n.y, n.x - MARKER, n.x + MARKER + label_width(n.label)) for n in view.nodes.values()
    )
    for (y1, _, right), (y2, left, _) in itertools.pairwise(boxes):
        assert y1 != y2 or right <= left + 1e-6
    again, _ = picture(store_of_quads(fixture_quads()))
    assert [(n.id, n.x, n.y) for n in view.nodes.values()] == [
        (n.id, n.x, n.y) for n in again.nodes.values()
    ]
    relaid = lay_out(view)
    assert relaid.years == axis.years


def test_years_keep_what_is_dated_in_them(unsc: ox.Store) -> None:
    view, _ = picture(unsc, PictureOptions(years=(1990, 1991)))
    assert view.nodes and all(
        n.date and n.date[:4] in ("1990", "1991") for n in view.nodes.values()
    )
    assert all(e.source in view.nodes and e.target in view.nodes for e in view.edges)


def test_the_page_is_self_contained_and_the_same_on_each_run(built: Path, tmp_path: Path) -> None:
    pages = []
    for name in ("one.html", "two.html"):
        page = tmp_path / name
        assert main(["viz", "--data", str(built), "-o", str(page)]) == 0
        pages.append(page.read_bytes())
    assert pages[0] == pages[1]
    text = pages[0].decode()
    assert "<script src" not in text and "<link" not in text
    assert not re.search(r"""(?:src|href)\s*=\s*["']?https?:""", text)
    assert "@import" not in text and "url(" not in text


def test_static_pictures_have_the_legend_and_shaped_arabic(built: Path, tmp_path: Path) -> None:
    svg = tmp_path / "links.svg"
    assert main(["viz", "--data", str(built), "--include", "officers", "-o", str(svg)]) == 0
    text = svg.read_text(encoding="utf-8")
    # matplotlib writes each text as glyph paths after a comment holding the text
    for label in ("resolution", "meeting", "report on a meeting", "decides / convenes", "recalls"):
        assert f"<!-- {label} -->" in text
    assert "<!-- A/RES/65/64 -->" in text and "<!-- meeting 2011 · New York -->" in text
    # "دجيم" is drawn with the initial form of jeem (U+FE9F), not the isolated letter
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    charmap = FT2Font(font_manager.findfont("DejaVu Sans")).get_charmap()
    group = text.split("<!-- دجيم ماكلاي -->", 1)[1].split("<!--", 1)[0]
    glyphs = set(re.findall(r'(?:id="|href="#)DejaVuSans-([0-9a-f]+)"', group))
    assert f"{charmap[0xFE9F]:x}" in glyphs and f"{charmap[0x062C]:x}" not in glyphs
    png = tmp_path / "links.png"
    assert main(["viz", "--data", str(built), "-o", str(png)]) == 0
    first = png.read_bytes()
    assert first.startswith(b"\x89PNG")
    assert main(["viz", "--data", str(built), "-o", str(png)]) == 0
    assert png.read_bytes() == first


def test_static_picture_of_810_resolutions(tmp_path: Path) -> None:
    out = tmp_path / "unsc"
    write_graph(out)
    target = tmp_path / "unsc.svg"
    assert main(["viz", "--data", str(out), "-o", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    assert "<!-- S/RES/670 (1990) -->" in text and "<!-- reaffirms -->" in text


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--include", "planets"], "unknown --include planets"),
        (["--years", "1994-1990"], "the first year comes after the last"),
        (["--years", "soon"], "give a year or a range of years"),
        (["-o", "links.gif"], "unknown picture format 'gif'"),
    ],
)
def test_bad_options_are_one_line(
    built: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],
    message: str,
) -> None:
    assert main(["viz", "--data", str(built), "-o", str(tmp_path / "x.html"), *arguments]) == 2
    error = capsys.readouterr().err
    assert message in error and len(error.strip().splitlines()) == 1


def test_a_store_gives_the_same_picture(built: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    build(
        [EXAMPLES], tmp_path / "out", BuildOptions(validate=False, formats=("trig",), store=store)
    )
    from_store, from_files = tmp_path / "store.html", tmp_path / "files.html"
    assert main(["viz", "--store", str(store), "-o", str(from_store)]) == 0
    assert main(["viz", "--data", str(built), "-o", str(from_files)]) == 0
    assert from_store.read_bytes() == from_files.read_bytes()
