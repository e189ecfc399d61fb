"""The picture of resolutions and meetings: self-contained HTML drawn in a real browser, and
static SVG/PNG."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from unkg.build import build
from unkg.cli import main
from unkg.pipeline import BuildOptions
from unkg.rdf.graph import union_triples
from unkg.validate.shacl import load_quads
from unkg.viz.picture import viz_graph

from .conftest import EXAMPLES
from .servers import chromium_binary

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("viz")
    build([EXAMPLES], out, BuildOptions(validate=False, formats=("trig",)))
    return out


def test_the_graph_to_draw(built: Path) -> None:
    graph = viz_graph(union_triples(load_quads(built)))
    groups = {n["group"] for n in graph.nodes.values()}
    assert {"Resolution", "Meeting", "PlenaryMeeting", "Document", "State"} <= groups
    labels = {e["label"] for e in graph.edges}
    assert {
        "decides (mandates)",
        "recalls",
        "in accordance with",
        "reports on",
        "revision of",
        "chaired by",
        "part of",
    } <= labels
    switzerland = graph.nodes["https://w3id.org/unkg/id/state/CHE"]
    assert switzerland["title"] == "Switzerland\nسويسرا"
    chair = next(n for n in graph.nodes.values() if n["label"] == "دجيم ماكلاي")
    assert any("دجيم ماكلاي" in q for _, q, _, _ in chair["evidence"])  # type: ignore[union-attr]


def test_html_is_self_contained(built: Path, tmp_path: Path) -> None:
    page = tmp_path / "links.html"
    assert main(["viz", "--data", str(built), "-o", str(page)]) == 0
    text = page.read_text(encoding="utf-8")
    assert "<script src=" not in text and "<link " not in text
    assert not re.search(r"https?://(cdn|unpkg|cdnjs|jsdelivr)", text)
    assert "vis-network" in text or "vis.Network" in text


@pytest.mark.integration
def test_html_is_drawn_in_headless_chromium(built: Path, tmp_path: Path) -> None:
    browser = chromium_binary()
    assert browser is not None
    page = tmp_path / "links.html"
    main(["viz", "--data", str(built), "-o", str(page)])
    expected = len(viz_graph(union_triples(load_quads(built))).nodes)
    # A busy machine can dump the page before its first frame (the layout runs in real time,
    # not in the virtual time budget), so the dump is retried with a longer budget.
    for attempt, budget in enumerate((15000, 60000, 120000)):
        dom = subprocess.run(
            [
                browser,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={tmp_path / str(attempt)}",
                f"--virtual-time-budget={budget}",
                "--dump-dom",
                page.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        ).stdout
        drawn = re.search(r'<body[^>]*data-drawn="(\d+)"', dom)
        if drawn is not None:
            break
    assert drawn is not None, dom[:300]
    assert int(drawn.group(1)) == expected
    shot = tmp_path / "shot.png"
    subprocess.run(
        [
            browser,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={tmp_path / 'b'}",
            "--virtual-time-budget=15000",
            "--window-size=1400,900",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    import matplotlib.image as mpimg

    pixels = mpimg.imread(shot)
    assert pixels.shape[0] == 900 and pixels.shape[1] == 1400
    assert pixels[40:, :1000].std() > 0.05  # the canvas holds a drawing, not a blank page


def test_static_pictures(built: Path, tmp_path: Path) -> None:
    for suffix in ("svg", "png"):
        target = tmp_path / f"links.{suffix}"
        assert main(["viz", "--data", str(built), "-o", str(target)]) == 0
        assert target.stat().st_size > 10_000
    assert target.read_bytes().startswith(b"\x89PNG")
    assert (tmp_path / "links.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
