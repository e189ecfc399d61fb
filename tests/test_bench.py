"""The benchmark's corpus generator and the bench command, end to end on a tiny corpus."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from unkg.bench.corpus import generate_corpus, vary
from unkg.bench.run import extractor_patterns, regex_floor
from unkg.cli import main
from unkg.pipeline import BuildOptions, process

from .conftest import EXAMPLES, NOTE_VERBALE, REPORT


def test_a_varied_document_states_other_facts_in_the_same_language() -> None:
    text = NOTE_VERBALE.read_text(encoding="utf-8")
    varied = vary(text, random.Random(7), 3)
    assert varied != text
    mission = "البعثة الدائمة لأذربيجان"
    assert mission in text and mission not in varied  # the sending State changed
    assert "البعثة الدائمة ل" in varied
    assert "٢٠٠١" in text and varied.count("٢٠٠١") < text.count("٢٠٠١")  # the years moved
    assert "المذكرة" in varied or "مذكرة شفوية" in varied  # still a note verbale


def test_the_generated_documents_build_with_their_new_facts(tmp_path: Path) -> None:
    paths = generate_corpus([REPORT, NOTE_VERBALE], 4, tmp_path)
    again = generate_corpus([REPORT, NOTE_VERBALE], 4, tmp_path / "again")
    assert [p.read_bytes() for p in paths] == [p.read_bytes() for p in again]  # same seed
    original = process(REPORT, BuildOptions(validate=False))
    symbols = set()
    for path in paths:
        result = process(path)
        assert result.status == "ok", result.message
        assert result.validation is not None and result.validation["violations"] == 0
        if path.name.startswith(("000000", "000002")):
            symbols.add(result.symbol)
            assert result.symbol != original.symbol
            assert result.facts["ResolutionFact"] == original.facts["ResolutionFact"]
    assert len(symbols) == 2  # each generated report is a document of its own


def test_the_regex_floor_runs_the_extractors_own_patterns() -> None:
    patterns = extractor_patterns()
    assert len(patterns) > 40
    # a continuation the extractors try at one position is not scanned over the text
    from unkg import lang

    language = lang.get("ar").patterns
    assert language().resolution_next not in patterns
    assert language().resolution in patterns
    floor = regex_floor([REPORT, NOTE_VERBALE], repeats=1)
    assert floor["matches"] > 100 and floor["docs_per_s"] > 0


@pytest.mark.slow
def test_the_bench_command_writes_its_table_figures_and_plot(tmp_path: Path) -> None:
    out = tmp_path / "results"
    assert (
        main(
            ["bench", "--sizes", "2,3", "--seeds", str(EXAMPLES), "--jobs", "1", "--out", str(out)]
        )
        == 0
    )
    results = json.loads((out / "bench.json").read_text(encoding="utf-8"))
    assert [run["docs"] for run in results["runs"]] == [2, 3]
    for run in results["runs"]:
        assert run["totals"]["ok"] == run["docs"] and run["peak_rss_mb"] > 20
        assert run["floor_ratio"] > 1 and set(run["stage_ms_per_doc"]) >= {"repair", "checks"}
        # the ratio is to the floors measured just before and just after the build
        per_core = run["docs_per_s_per_core"]
        assert run["floor_ratio"] == pytest.approx(
            (run["floor_before"] + run["floor"]["docs_per_s"]) / 2 / per_core
        )
    first, second = results["runs"]
    assert first["floor_before"] == results["floor"]["docs_per_s"]
    assert second["floor_before"] == first["floor"]["docs_per_s"]
    assert results["unchecked"]["floor_before"] == second["floor"]["docs_per_s"]
    assert results["unchecked"]["totals"]["validated"] == 0
    assert results["queries_ms"]["sessions"]["one"] == "meeting"
    table = (out / "bench.md").read_text(encoding="utf-8")
    assert "| 3 |" in table and "x floor" in table
    assert (out / "bench.png").read_bytes()[:4] == b"\x89PNG"
