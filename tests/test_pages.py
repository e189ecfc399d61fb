"""The endpoint's pages over real HTTP: the query page (YASGUI from the package) driven in
headless Chromium, and node pages in HTML, Turtle and JSON-LD."""

from __future__ import annotations

import json
import re
import sys
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from unkg.build import build
from unkg.pipeline import BuildOptions
from unkg.sparql.pages import node_format
from unkg.sparql.query import named_queries

from .browser import Browser
from .conftest import EXAMPLES
from .servers import chromium_binary, free_port, http, running

pytestmark = pytest.mark.integration

ID = "https://w3id.org/unkg/id/"
UNKG = "https://w3id.org/unkg/ontology#"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    out = tmp_path_factory.mktemp("pages")
    build([EXAMPLES], out, BuildOptions(validate=False, formats=("trig",)))
    port = free_port()
    command = [sys.executable, "-m", "unkg.cli", "serve", "--data", str(out), "--port", str(port)]
    with running(command, f"http://127.0.0.1:{port}/"):
        yield f"http://127.0.0.1:{port}"


def test_the_query_page_loads_only_from_the_endpoint(endpoint: str) -> None:
    status, kind, body = http(endpoint + "/")
    page = body.decode()
    assert status == 200 and kind.startswith("text/html")
    sources = re.findall(r"""(?:src|href)="([^"]+)\"""", page)
    assert sources == ["/assets/yasgui.min.css", "/assets/yasgui.min.js", "/assets/query.js"]
    assert all(f'<option value="{name}">' in page for name in named_queries())
    for name, media in (("yasgui.min.js", "text/javascript"), ("yasgui.min.css", "text/css")):
        status, kind, body = http(f"{endpoint}/assets/{name}")
        assert status == 200 and kind.startswith(media) and len(body) > 50_000
        assert b"sourceMappingURL" not in body[-300:]
    status, _, licences = http(endpoint + "/assets/LICENSES.md")
    assert status == 200 and b"## @zazuko/yasgui 4.6.2" in licences and b"## codemirror" in licences
    assert http(endpoint + "/assets/secrets.txt")[0] == 404


def test_a_node_page_in_html_shows_facts_and_their_text(endpoint: str) -> None:
    status, kind, body = http(endpoint + "/id/doc/A-RES-65-64", headers={"Accept": "text/html"})
    page = body.decode()
    assert status == 200 and kind.startswith("text/html")
    assert "<title>A/RES/65/64</title>" in page
    assert 'href="/id/doc/A-RES-64-50"' in page  # a node of the graph: its page here
    assert "unkg:inAccordanceWith" in page and "وفقا للقرار 64/50" in page  # the quoted text
    assert 'class="quote" lang="ar" dir="rtl"' in page
    assert "triple/" not in page  # the evidence's reified triples are not links


@pytest.mark.parametrize(
    ("accept", "query", "media"),
    [
        ("text/turtle", "", "text/turtle"),
        ("application/ld+json", "", "application/ld+json"),
        ("text/html", "?format=jsonld", "application/ld+json"),
        ("", "?format=ttl", "text/turtle"),
    ],
)
def test_a_node_in_turtle_and_json_ld(endpoint: str, accept: str, query: str, media: str) -> None:
    status, kind, body = http(
        endpoint + "/id/doc/A-RES-64-50" + query, headers={"Accept": accept} if accept else {}
    )
    assert status == 200 and kind.startswith(media)
    rdf_format = ox.RdfFormat.TURTLE if media == "text/turtle" else ox.RdfFormat.JSON_LD
    triples = {
        (str(t.subject), str(t.predicate), str(t.object)) for t in ox.parse(body, format=rdf_format)
    }
    resolution = f"<{ID}doc/A-RES-64-50>"
    assert (resolution, f"<{UNKG}recalls>", f"<{ID}doc/A-RES-63-72>") in triples  # its facts
    assert (f"<{ID}doc/A-RES-65-64>", f"<{UNKG}inAccordanceWith>", resolution) in triples  # in
    assert not any("/id/triple/" in s for s, _, _ in triples)  # no evidence's reified triples


def test_node_page_errors(endpoint: str) -> None:
    assert http(endpoint + "/id/doc/NO-SUCH-SYMBOL")[0] == 404
    assert http(endpoint + "/id/doc/NO-SUCH", headers={"Accept": "text/turtle"})[0] == 404
    assert http(endpoint + "/id/doc/" + urllib.parse.quote("a>b"))[0] == 400
    assert http(endpoint + "/id/doc/A-RES-65-64?format=pdf")[0] == 406
    assert node_format("application/n-triples;q=0.5, text/html;q=0.4") == "ntriples"


def test_the_query_page_in_a_browser(endpoint: str, tmp_path: Path) -> None:
    binary = chromium_binary()
    assert binary is not None
    with Browser(binary) as browser:
        browser.call("Network.enable")
        browser.open(endpoint + "/", "document.body && document.body.dataset.ready")
        # syntax highlighting: the editor marks PREFIX as a keyword
        assert (
            browser.evaluate("document.querySelector('.CodeMirror .cm-keyword').textContent")
            == "PREFIX"
        )
        x, y = browser.evaluate(
            "(() => { const r = document.querySelector('.yasqe_queryButton')"
            ".getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()"
        )
        browser.click(x, y)
        links = _wait(
            browser,
            "[...document.querySelectorAll('.yasr table a')].map(a => a.getAttribute('href'))",
        )
        assert links == ["/id/doc/A-RES-63-72", "/id/doc/A-RES-64-50", "/id/doc/A-RES-65-64"]
        assert browser.evaluate("!!document.querySelector('.yasr_downloadIcon')")  # CSV download
        share = browser.evaluate("unkgQueryPage.yasgui.getTab().getShareableLink()")
        assert "query=" in share and urllib.parse.unquote(share).count("undo:Resolution") == 1
        browser.screenshot(tmp_path / "query.png")
        # an example, as a CONSTRUCT: its Turtle is shown
        construct = (
            f"PREFIX unkg: <{UNKG}>\n"
            "CONSTRUCT { ?a unkg:recalls ?b } WHERE { ?a unkg:recalls ?b }"
        )
        browser.evaluate(
            "(() => { const t = unkgQueryPage.yasgui.getTab(); "
            f"t.setQuery({json.dumps(construct)}); t.query(); }})()"
        )
        text = _wait(browser, "(document.querySelector('.yasr .CodeMirror') || {}).textContent")
        assert f"{ID}doc/A-RES-63-72" in text and "recalls" in text
        assert (
            browser.evaluate("unkgQueryPage.yasgui.getTab().getYasr().selectedPlugin") == "response"
        )
        requested = {
            urllib.parse.urlsplit(e["params"]["request"]["url"]).netloc
            for e in browser.events
            if e.get("method") == "Network.requestWillBeSent"
        }
        assert requested == {urllib.parse.urlsplit(endpoint).netloc}


def _wait(browser: Browser, expression: str, seconds: float = 30.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = browser.evaluate(expression)
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"{expression} stayed empty")
