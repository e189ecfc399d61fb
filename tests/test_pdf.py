"""PDF and Word files as the UN publishes them: pages kept, page furniture turned into
metadata, evidence with its page, and what cannot be read refused in one line.

The PDFs are real ESCWA documents (tests/pdf/README.md says where each comes from)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from unkg.cli import main
from unkg.extract import extract_facts
from unkg.extract.facts import MeetingFact
from unkg.ingest.files import InputError, discover, read_source
from unkg.ingest.pdf import PAGE_SEPARATOR
from unkg.pipeline import process
from unkg.structure.document import Document
from unkg.structure.layout import parse

HERE = Path(__file__).resolve().parent
PDF = HERE / "pdf"
ARABIC = PDF / "E_ESCWA_EDID_2017_IG.3_INF.1-AR.pdf"
ENGLISH = PDF / "E_ESCWA_EDID_2017_IG.3_INF.1-EN.pdf"
WORD = HERE / "docx" / "E_ESCWA_EDID_2017_IG.3_INF.1-AR.docx"
SYMBOL = "E/ESCWA/EDID/2017/IG.3/INF.1"


@pytest.fixture(scope="module")
def arabic() -> Document:
    return parse(read_source(ARABIC))


@pytest.fixture(scope="module")
def english() -> Document:
    return parse(read_source(ENGLISH))


def _refusal(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        read_source(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(str(path))
    return caught.value.problem


# --- the text and its pages ------------------------------------------------------------------


def test_pages_are_kept_with_their_offsets_and_printed_numbers(arabic: Document) -> None:
    source = arabic.source
    assert source.kind == "pdf"
    assert [p.index for p in source.pages] == [1, 2, 3]
    # the first page prints no number, the others print theirs ("-2-", "-3-")
    assert [p.number for p in source.pages] == [None, 2, 3]
    assert source.pages[0].start == 0 and source.pages[-1].end == len(source.text)
    for before, after in zip(source.pages, source.pages[1:], strict=False):
        assert source.text[before.end : after.start] == PAGE_SEPARATOR
    assert source.text.count("\f") == 2
    assert source.page_at(source.pages[1].start) == 2


def test_the_same_file_gives_the_same_text() -> None:
    assert read_source(ARABIC).text == read_source(ARABIC).text


def test_a_line_drawn_in_pieces_is_one_line_in_order(arabic: Document) -> None:
    # the dateline: PDFium draws its parts as separate runs; unkg's text keeps it one line,
    # read right to left
    lines = arabic.source.text.splitlines()
    assert "بيروت، 28-27 تشرين الثاني/نوفمبر 2017" in lines


def test_lines_keep_their_layout(arabic: Document) -> None:
    source = arabic.source
    boxes = {source.text[b.start : b.end]: b for b in source.lines}
    title = boxes["مذكرة توضيحية"]
    body = boxes[next(t for t in boxes if t.startswith("أنشئت اللجنة"))]
    assert title.bold and not body.bold
    assert title.page == 1 and title.top < body.top
    assert all(b.start < b.end <= len(source.text) for b in source.lines)


# --- page furniture becomes metadata -----------------------------------------------------------


def test_symbol_block_and_running_headers_are_metadata(arabic: Document) -> None:
    meta = arabic.metadata
    assert meta.symbol == SYMBOL
    assert meta.date == "2017-10-30"
    assert meta.distribution == "limited"
    assert meta.original == "ar"
    assert meta.job_number == "17-00629"
    assert meta.pages == (2, 3)
    running = [h for h in meta.headers if h.kind == "symbol"]
    # the symbol block's and the running header's of pages 2 and 3
    assert len(running) == 3
    # none of it is left in the body
    for paragraph in arabic.paragraphs:
        assert SYMBOL not in paragraph.text
        assert "-2-" not in paragraph.text and "Distr." not in paragraph.text


def test_paragraphs_know_their_pages(arabic: Document) -> None:
    pages = {p.number: p.page for p in arabic.paragraphs}
    assert list(pages) == list(range(1, 11))
    assert pages == {1: 1, 2: 2, 3: 2, 4: 2, 5: 2, 6: 2, 7: 3, 8: 3, 9: 3, 10: 3}
    # a paragraph starts on the page whose text holds its first character
    for paragraph in arabic.paragraphs:
        page = arabic.source.pages[paragraph.page - 1]  # type: ignore[operator]
        assert page.start <= paragraph.span()[0] < page.end


def test_english_version_agrees_on_symbol_date_and_furniture(english: Document) -> None:
    assert english.source.language == "en"
    assert english.metadata.symbol == SYMBOL
    assert english.metadata.date == "2017-10-30"
    assert english.metadata.original == "ar"
    assert english.metadata.job_number == "17-00630"
    assert english.metadata.pages == (2, 3)
    assert [p.number for p in english.source.pages] == [None, 2, 3]
    assert english.source.text.splitlines()[13] == "1. Background"
    pages = {p.number: p.page for p in english.paragraphs}
    assert pages == {1: 1, 2: 1, 3: 2, 4: 2, 5: 2, 6: 2, 7: 2, 8: 2, 9: 3, 10: 3}
    for paragraph in english.paragraphs:
        assert SYMBOL not in paragraph.text


def test_english_evidence_quotes_are_at_their_offsets(english: Document) -> None:
    evidence = [e for fact in extract_facts(english) for e in fact.evidence]
    assert evidence
    for e in evidence:
        assert english.source.text[e.start : e.end] == e.quote
        if e.paragraph != "page-header":
            assert e.page == english.source.page_at(e.start)


def test_both_versions_give_the_same_session_with_dates_and_place(
    arabic: Document, english: Document
) -> None:
    # the title blocks: "Committee on Liberalization of Foreign Trade, ... / Eleventh session
    # (...) / Beirut, 27-28 November 2017" and "اللجنة المعنية بتحرير التجارة الخارجية ... /
    # الدورة الحادية عشرة (...)" with its place and dates
    def sessions(document: Document) -> set[tuple[object, ...]]:
        return {
            (m.meeting, m.number, m.start, m.end, m.place.key if m.place else None)
            for m in extract_facts(document)
            if isinstance(m, MeetingFact) and m.body
        }

    expected = (
        "escwa-committee-trade-financing-for-development/session/11",
        11,
        dt.date(2017, 11, 27),
        dt.date(2017, 11, 28),
        "beirut",
    )
    assert sessions(arabic) == sessions(english) == {expected}


def test_plain_text_has_no_pages() -> None:
    from .conftest import REPORT

    source = read_source(REPORT)
    assert source.kind == "text" and source.pages == () and source.page_at(10) is None


# --- evidence ----------------------------------------------------------------------------------


def test_evidence_has_its_page_and_its_quote_is_at_its_offsets(
    arabic: Document, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["inspect", str(ARABIC), "--source"]) == 0
    printed = capsys.readouterr().out
    assert printed == arabic.source.text
    evidence = [e for fact in extract_facts(arabic) for e in fact.evidence]
    assert evidence
    for e in evidence:
        assert printed[e.start : e.end] == e.quote
        # header evidence is made by the document extractor itself, without a page (yet)
        if e.paragraph != "page-header":
            assert e.page == arabic.source.page_at(e.start)
    assert {e.page for e in evidence} >= {1, 2}


def test_inspect_json_shows_the_pages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", str(ARABIC), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(p["index"], p["number"]) for p in data["pages"]] == [(1, None), (2, 2), (3, 3)]
    assert data["metadata"]["date"] == "2017-10-30"
    assert [p["page"] for p in data["paragraphs"]][:2] == [1, 2]


def test_build_reports_the_pages(tmp_path: Path) -> None:
    result = process(ARABIC)
    assert result.status == "ok", result.message
    assert result.report()["pages"] == 3
    assert result.symbol == SYMBOL


# --- what cannot be read is said ---------------------------------------------------------------


def test_a_scan_needs_ocr(tmp_path: Path) -> None:
    # an image-only PDF of a real page, as a scanner makes it
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(ARABIC)
    image = document[0].render(scale=1).to_pil()
    document.close()
    scan = tmp_path / "scan.pdf"
    image.save(scan, "PDF")
    assert _refusal(scan).startswith("no text layer: needs OCR")


def test_fonts_without_a_unicode_map_are_unreadable() -> None:
    problem = _refusal(PDF / "unmapped-fonts-page.pdf")
    assert problem.startswith("text layer unreadable: fonts without a Unicode map")


def test_an_encrypted_pdf_is_refused() -> None:
    assert _refusal(PDF / "encrypted.pdf").startswith("encrypted PDF: it needs a password")


def test_a_damaged_pdf_is_refused(tmp_path: Path) -> None:
    damaged = tmp_path / "cut.pdf"
    damaged.write_bytes(ARABIC.read_bytes()[:4000])
    assert _refusal(damaged).startswith("damaged PDF")


def test_a_run_with_bad_pdfs_builds_the_others(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for path in (ARABIC, PDF / "encrypted.pdf", PDF / "unmapped-fonts-page.pdf"):
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "cut.pdf").write_bytes(ARABIC.read_bytes()[:4000])
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    out = tmp_path / "out"
    main(["build", str(folder), "--out", str(out), "--jobs", "0"])
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    outcome = {Path(e["path"]).name: e for e in report["inputs"]}
    assert set(outcome) == {
        ARABIC.name,
        "encrypted.pdf",
        "unmapped-fonts-page.pdf",
        "cut.pdf",
        "old.doc",
    }
    assert outcome[ARABIC.name]["status"] == "ok" and outcome[ARABIC.name]["pages"] == 3
    assert (
        outcome["old.doc"]["status"] == "error" and "libreoffice" in outcome["old.doc"]["message"]
    )
    assert all(outcome[n]["status"] == "error" for n in outcome if n != ARABIC.name)
    # a PDF refused after it was opened still says how many pages it has
    assert outcome["unmapped-fonts-page.pdf"]["pages"] == 1


# --- Word files --------------------------------------------------------------------------------


def test_a_word_file_is_read_with_numbering_headers_and_tables() -> None:
    source = read_source(WORD)
    assert source.kind == "docx" and source.pages == ()
    lines = source.text.splitlines()
    # the header and footer lines first, then the body
    assert lines[:2] == [SYMBOL, "17-00629"]
    assert lines[5].startswith("1- معلومات أساسية")
    assert lines[14].startswith("10- المراسالت")
    # a table row is one line: the name stays with its State
    assert lines[15] == "اإلمارات العربية المتحدة السيد هيثم طبش باحث اقتصادي"


def test_a_word_file_has_the_same_structure_as_its_pdf(arabic: Document) -> None:
    word = parse(read_source(WORD))
    assert word.metadata.symbol == SYMBOL
    assert word.metadata.job_number == "17-00629"
    assert [p.number for p in word.paragraphs if p.number] == list(range(1, 11))
    pdf_first = next(p for p in arabic.paragraphs if p.number == 1).text
    word_first = next(p for p in word.paragraphs if p.number == 1).text
    assert word_first == pdf_first


@pytest.mark.parametrize("suffix", [".doc", ".rtf"])
def test_old_word_formats_say_how_to_convert(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"report{suffix}"
    path.write_bytes(b"{\\rtf1 x}")
    problem = _refusal(path)
    assert "convert" in problem and "libreoffice --headless --convert-to docx" in problem
    assert [
        (p.name, e is not None and "convert" in e.problem) for p, e in discover([tmp_path])
    ] == [(path.name, True)]


def test_discover_takes_pdf_and_docx(tmp_path: Path) -> None:
    for name in ("a.pdf", "b.docx", "c.txt", "d.png"):
        (tmp_path / name).write_bytes(b"x")
    found = {p.name: e for p, e in discover([tmp_path])}
    assert found["a.pdf"] is None and found["b.docx"] is None and found["c.txt"] is None
    assert found["d.png"] is not None and ".pdf, .docx and .txt" in found["d.png"].problem
