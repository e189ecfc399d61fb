"""``unkg bench``: how fast a build is, where its time goes, and how its memory grows.

For each corpus size the benchmark runs a real ``unkg build`` (checks, every output format
and the store included) in a fresh process and records its wall time and the peak resident
memory of that process and its workers together. In the same run it measures the *regex
floor*: reading each document, normalising it, and running the extractors' own compiled
patterns over it, with nothing else; at the start and again after each build, since a shared
machine's speed moves over a long run. It reports documents per second per core, MB/s, the
ratio of each build to the floors measured just before and after it, the time of each stage
per document, the time of the named queries on the largest store, and writes the figures as
JSON, a Markdown table and a plot.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import os
import pkgutil
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from unkg.bench.corpus import generate_corpus

__all__ = ["extractor_patterns", "regex_floor", "run_benchmark"]

STAGES = ("ingest", "repair", "structure", "extract", "rdf", "checks", "fragments")
WHITESPACE = re.compile(r"[ \t\u00a0]+")
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def extractor_patterns(code: str = "ar") -> list[re.Pattern[str]]:
    """Every compiled pattern the extractors search with in one language: its pack's
    frames, the name and concept tries, and the patterns the stages and the pack's modules
    compile. The frames tried only at one position (``Patterns.ANCHORED``) are left out:
    the extractors never scan a whole text with them (together they cost 4-8 ms per
    document when scanned, of a floor of about 45)."""
    import unkg.extract
    import unkg.repair
    import unkg.structure
    import unkg.text
    from unkg import lang
    from unkg.data import load_table
    from unkg.extract.concepts import concepts
    from unkg.extract.gazetteer import default_gazetteer

    pack = lang.get(code)
    found: dict[int, re.Pattern[str]] = {}
    stages = (
        unkg.repair,
        unkg.structure,
        unkg.text,
        unkg.extract,
        importlib.import_module(pack.package),
    )
    for info in (
        info
        for stage in stages
        for info in pkgutil.walk_packages(stage.__path__, stage.__name__ + ".")
    ):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, re.Pattern):
                found[id(value)] = value
    language = pack.patterns()
    for field in dataclasses.fields(language):
        value = getattr(language, field.name)
        if isinstance(value, re.Pattern):
            found[id(value)] = value
    for name in language.ANCHORED:
        found.pop(id(getattr(language, name)), None)
    found[id(default_gazetteer(code).pattern)] = default_gazetteer(code).pattern
    for scheme in sorted({row["scheme"] for row in load_table("concepts")}):
        pattern = concepts(scheme, code).pattern
        found[id(pattern)] = pattern
    return sorted(found.values(), key=lambda p: p.pattern)


def regex_floor(paths: Sequence[Path], repeats: int = 3) -> dict[str, float]:
    """Seconds per document to read, normalise, and run every extractor pattern (one core)."""
    from unkg.ingest.files import read_source

    compiled = extractor_patterns()
    best = float("inf")
    hits = 0
    for _ in range(repeats):
        hits = 0
        started = time.perf_counter()
        for path in paths:
            text = read_source(path).text
            text = unicodedata.normalize("NFKC", text).replace("\u0640", "").translate(DIGITS)
            text = WHITESPACE.sub(" ", text)
            for pattern in compiled:
                for _match in pattern.finditer(text):
                    hits += 1
        best = min(best, time.perf_counter() - started)
    return {
        "seconds_per_doc": best / len(paths),
        "docs_per_s": len(paths) / best,
        "patterns": len(compiled),
        "matches": hits,
    }


class _PeakMemory:
    """The peak resident memory of a process and all its descendants, sampled from /proc."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        self.pid, self.interval = pid, interval
        self.peak = 0
        self.samples: list[tuple[int, int]] = []  # (second since start, peak bytes in it)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> _PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        page = os.sysconf("SC_PAGE_SIZE")
        started = time.perf_counter()
        while not self._stop.is_set():
            children: dict[int, list[int]] = defaultdict(list)
            rss: dict[int, int] = {}
            for entry in os.scandir("/proc"):
                if not entry.name.isdigit():
                    continue
                try:
                    with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as f:
                        stat = f.read()
                except OSError:
                    continue
                fields = stat[stat.rindex(")") + 2 :].split()
                pid = int(entry.name)
                children[int(fields[1])].append(pid)
                rss[pid] = int(fields[21]) * page
            total, todo = 0, [self.pid]
            while todo:
                pid = todo.pop()
                total += rss.get(pid, 0)
                todo.extend(children.get(pid, ()))
            self.peak = max(self.peak, total)
            second = int(time.perf_counter() - started)
            if not self.samples or second > self.samples[-1][0]:
                self.samples.append((second, total))
            elif total > self.samples[-1][1]:
                self.samples[-1] = (second, total)
            self._stop.wait(self.interval)

    def peaks_by_stage(self, spans: dict[str, list[float]], wall: float) -> dict[str, float]:
        """The peak (MB) within each stage of the build. ``spans`` gives each stage's
        (start, end) seconds from the build's start, which comes after the process has
        started and imported unkg; that start-up counts with the first stage. Stages may
        overlap (the store loads while the output files are written)."""
        lead = max(0.0, wall - max((end for _, end in spans.values()), default=0.0))
        peaks: dict[str, float] = {}
        for i, (name, (start, end)) in enumerate(spans.items()):
            inside = [
                rss
                for second, rss in self.samples  # the seconds the stage overlaps
                if (i == 0 or second + 1 > start + lead) and second < end + lead
            ]
            peaks[name] = max(inside, default=0) / 2**20
        return peaks


def _build(corpus: Path, out: Path, store: Path | None, jobs: int, checks: bool) -> dict[str, Any]:
    command = [
        sys.executable,
        "-m",
        "unkg.cli",
        "build",
        str(corpus),
        "--out",
        str(out),
        "-q",
        "--jobs",
        str(jobs),
    ]
    if store is not None:
        command += ["--store", str(store)]
    if not checks:
        command.append("--no-validate")
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    with _PeakMemory(process.pid) as memory:
        _, errors = process.communicate()
    wall = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"the build of {corpus} failed: {errors.strip()}")
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    timings = json.loads((out / ".unkg-cache" / "timings.json").read_text(encoding="utf-8"))
    per_stage = (
        {
            stage: statistics.fmean(d.get(stage, 0.0) for d in timings["documents"])
            for stage in STAGES
        }
        if timings["documents"]
        else {}
    )
    return {
        "wall_s": wall,
        "peak_rss_mb": memory.peak / 2**20,
        "totals": report["totals"],
        "peak_rss_mb_by_stage": memory.peaks_by_stage(timings["spans"], wall),
        "stage_ms_per_doc": {k: v * 1000 for k, v in per_stage.items()},
        "build_stages_s": timings["stages"],
        "output_mb": sum(p.stat().st_size for p in out.iterdir() if p.is_file()) / 2**20,
        "store_mb": sum(p.stat().st_size for p in store.rglob("*") if p.is_file()) / 2**20
        if store is not None
        else 0.0,
    }


def _best_ms(action: Any, repeats: int = 3) -> tuple[float, Any]:
    """The best of a few runs (one run when it takes over a second: a listing, not a probe)."""
    best, result = float("inf"), None
    for _ in range(repeats):
        started = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - started)
        if best > 1.0:
            break
    return best * 1000, result


LISTING_ROWS = 10_000


def _query_times(store: Path) -> dict[str, dict[str, Any]]:
    """Each named query bound to one value of a column it always fills (one meeting, one
    State ...), as ``unkg query --bind`` runs it, and as a listing: its first
    LISTING_ROWS rows, unordered (a whole listing grows with the corpus; a page does not)."""
    from unkg.sparql.query import bind, named_queries, run_query, starts_from
    from unkg.sparql.store import open_store

    opened = open_store(store, read_only=True)
    times: dict[str, dict[str, Any]] = {}
    for name, text in named_queries().items():
        page = re.sub(r"\bORDER\s+BY\b[^}]*$", "", text.rstrip(), flags=re.IGNORECASE)
        page += f"\nLIMIT {LISTING_ROWS}\n"
        page_ms, result = _best_ms(lambda q=page: run_query(opened, q))
        entry: dict[str, Any] = {"page_ms": page_ms, "page_rows": len(result.rows)}
        # a column the query starts from, with a value that finds rows (a label printed
        # without its language tag finds none, so such a column is passed over)
        columns = sorted(
            range(len(result.variables)), key=lambda i: not starts_from(text, result.variables[i])
        )
        for column in columns:
            value = next((row[column] for row in result.rows if row[column]), None)
            if value is None:
                continue
            selective = bind(text, {result.variables[column]: value})
            one_ms, found = _best_ms(lambda q=selective: run_query(opened, q))
            if found.rows:
                entry.update(
                    {"one": result.variables[column], "one_ms": one_ms, "one_rows": len(found.rows)}
                )
                break
        times[name] = entry
    return times


def _linked_subset(source: Sequence[Path], count: int, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for path in source[:count]:
        target = folder / path.name
        if not target.exists():
            os.link(path, target)
    return folder


def run_benchmark(
    sizes: Sequence[int], seeds: Sequence[Path], jobs: int, work: Path | None, progress: Any = None
) -> dict[str, Any]:
    """Generate the corpora, measure the floor and the builds; the figures as a dict."""
    say = progress or (lambda message: None)
    sizes = sorted(set(sizes))
    folder = Path(work) if work else Path(tempfile.mkdtemp(prefix="unkg-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        say(f"generating {sizes[-1]} documents from {len(seeds)} seeds")
        documents = generate_corpus(seeds, sizes[-1], folder / "documents")
        sample = documents[: min(len(documents), 200)]
        say(f"regex floor over {len(sample)} documents")
        floor = regex_floor(sample)
        mean_bytes = statistics.fmean(p.stat().st_size for p in documents)
        runs = []
        for size in sizes:
            corpus = _linked_subset(documents, size, folder / f"corpus-{size}")
            say(f"building {size} documents with {jobs} workers")
            run = _build(corpus, folder / f"out-{size}", folder / f"store-{size}", jobs, True)
            run["docs"] = size
            # the floor again, right after the build: a shared machine's speed moves by up
            # to 1.7x over a long benchmark, and a ratio to a floor measured an hour before
            # moves with it
            run["floor"] = regex_floor(sample)
            runs.append(run)
            shutil.rmtree(folder / f"out-{size}" / ".unkg-cache", ignore_errors=True)
            if size != sizes[-1]:  # only the largest store is queried: free the disk
                shutil.rmtree(folder / f"out-{size}", ignore_errors=True)
                shutil.rmtree(folder / f"store-{size}", ignore_errors=True)
        unchecked_size = max(s for s in sizes if s <= 1000) if min(sizes) <= 1000 else sizes[0]
        say(f"building {unchecked_size} documents without checks")
        unchecked = _build(
            folder / f"corpus-{unchecked_size}", folder / "out-unchecked", None, jobs, False
        )
        unchecked["docs"] = unchecked_size
        unchecked["floor"] = regex_floor(sample)
        say("timing the named queries on the largest store")
        queries = _query_times(folder / f"store-{sizes[-1]}")
    finally:
        if work is None:
            shutil.rmtree(folder, ignore_errors=True)
    before = floor
    for run in [*runs, unchecked]:
        per_core = run["docs"] / run["wall_s"] / jobs
        run["docs_per_s"] = run["docs"] / run["wall_s"]
        run["docs_per_s_per_core"] = per_core
        run["mb_per_s"] = run["docs"] * mean_bytes / 2**20 / run["wall_s"]
        # against the mean of the floors measured just before and just after this build
        run["floor_before"] = before["docs_per_s"]
        run["floor_ratio"] = (before["docs_per_s"] + run["floor"]["docs_per_s"]) / 2 / per_core
        before = run["floor"]
    return {
        "machine": {"cores": os.cpu_count(), "jobs": jobs, "python": sys.version.split()[0]},
        "corpus": {"seeds": [str(s) for s in seeds], "mean_kb": mean_bytes / 1024},
        "floor": floor,
        "runs": runs,
        "unchecked": unchecked,
        "queries_ms": queries,
    }


def markdown(results: dict[str, Any]) -> str:
    """The figures as Markdown tables."""
    floor = results["floor"]
    lines = [
        f"Corpus: documents varied from {len(results['corpus']['seeds'])} seeds, "
        f"{results['corpus']['mean_kb']:.1f} KB on average; {results['machine']['jobs']} "
        f"workers on {results['machine']['cores']} cores, Python {results['machine']['python']}.",
        "",
        f"Regex floor (read, normalise, {floor['patterns']} extractor patterns; one core): "
        f"**{floor['docs_per_s']:.1f} docs/s** ({floor['seconds_per_doc'] * 1000:.1f} ms/doc) "
        "at the start; measured again after each build, and each build's ratio is to the mean "
        "of the floors just before and just after it (the machine's speed moves over a long run).",
        "",
        "| documents | wall (s) | docs/s | docs/s/core | MB/s | floor docs/s (before, after) "
        "| x floor | peak RSS (MB) | triples | outputs (MB) | store (MB) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for run in results["runs"] + [results["unchecked"]]:
        label = f"{run['docs']}" + (" (no checks)" if run is results["unchecked"] else "")
        lines.append(
            f"| {label} | {run['wall_s']:.1f} | {run['docs_per_s']:.1f} | "
            f"{run['docs_per_s_per_core']:.1f} | {run['mb_per_s']:.2f} | "
            f"{run['floor_before']:.1f}, {run['floor']['docs_per_s']:.1f} | "
            f"{run['floor_ratio']:.1f} | "
            f"{run['peak_rss_mb']:.0f} | {run['totals']['triples']:,} | {run['output_mb']:.0f} | "
            f"{run['store_mb']:.0f} |"
        )
    largest = results["runs"][-1]
    lines += [
        "",
        f"Per document, in the workers ({largest['docs']} documents, mean ms):",
        "",
        "| " + " | ".join(STAGES) + " |",
        "|" + "---:|" * len(STAGES),
        "| " + " | ".join(f"{largest['stage_ms_per_doc'].get(s, 0):.1f}" for s in STAGES) + " |",
        "",
        "Whole build, after the documents (s): "
        + ", ".join(f"{k} {v:.1f}" for k, v in largest["build_stages_s"].items()),
        "",
        "Peak RSS of the build and its workers within each stage (MB): "
        + ", ".join(f"{k} {v:.0f}" for k, v in largest.get("peak_rss_mb_by_stage", {}).items()),
        "",
        f"Named queries on the {largest['docs']}-document store (ms, best of 3):",
        "",
        f"| query | bound to one | ms | rows | first {LISTING_ROWS:,} rows: ms | rows |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for name, entry in sorted(results["queries_ms"].items()):
        lines.append(
            f"| {name} | {entry.get('one', '')} | {entry.get('one_ms', 0):.1f} | "
            f"{entry.get('one_rows', 0)} | {entry['page_ms']:.0f} | {entry['page_rows']} |"
        )
    return "\n".join(lines) + "\n"


def plot(results: dict[str, Any], path: Path) -> None:
    """Time and peak memory against corpus size, as a PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    runs = results["runs"]
    sizes = [r["docs"] for r in runs]
    figure, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    left.loglog(sizes, [r["wall_s"] for r in runs], "o-", label="build (checks, outputs, store)")
    floor = results["floor"]["seconds_per_doc"] / results["machine"]["jobs"]
    left.loglog(sizes, [s * floor for s in sizes], "--", label="regex floor (same cores)")
    left.set_xlabel("documents")
    left.set_ylabel("wall time (s)")
    left.legend()
    left.grid(True, which="both", alpha=0.3)
    right.semilogx(sizes, [r["peak_rss_mb"] for r in runs], "o-", color="tab:red")
    right.set_xlabel("documents")
    right.set_ylabel("peak RSS of the build, workers included (MB)")
    right.set_ylim(bottom=0)
    right.grid(True, which="both", alpha=0.3)
    figure.suptitle("unkg build: time and memory against corpus size")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)
