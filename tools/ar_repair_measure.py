"""Measure the Arabic repair on text layers of real PDFs.

For every ``*-AR.txt`` under the given folder (the text a PDF extractor gave, pages joined by
a blank line), before and after ``unkg.repair.repair``:

* the share of Arabic words found in a word list (the word itself, or a word of its light
  stem) made of clean Arabic UN text (``--lexicon`` files: plain text, counted like
  ``tools/gen_ar_lexicon.py`` does);
* the number of edits each repair step made, and the repair time (best of ``--repeat``);
* the States the Arabic text names (the reference tables' Arabic names, as the gazetteer
  finds them), against those the English version of the same document (``-EN.txt``) names.

    python tools/ar_repair_measure.py /work/dev/escwa-txt \\
        --lexicon ../shared/corpus/unpc-dev/UNv1.0.devset.ar examples/clean.txt \\
        --json out.json --markdown out.md

``--before FILE.json`` (an earlier run's ``--json``, e.g. ``--time-only`` of an older unkg
run with ``PYTHONPATH``) adds its repair times as a column.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from unkg import lang
from unkg.extract.facts import EntityKind
from unkg.extract.gazetteer import default_gazetteer
from unkg.lang.ar.script import LETTERS, MARKS, TATWEEL, word_key
from unkg.repair import repair
from unkg.repair.offsets import Repaired

_WORD = re.compile(f"[{LETTERS}{MARKS}{TATWEEL}]+")


class Lexicon:
    def __init__(self, paths: list[str]) -> None:
        from unkg.lang.ar.script import light_stem  # not in older unkg: --time-only runs them

        self.stem = light_stem
        self.words: set[str] = set()
        for path in paths:
            text = Path(path).read_text(encoding="utf-8")
            self.words.update(word_key(w) for w in _WORD.findall(text))
        self.stems = {self.stem(w) for w in self.words}

    def hits(self, text: str) -> tuple[int, int, int]:
        """(Arabic words, found as they are, found by their light stem too)."""
        total = exact = stemmed = 0
        for raw in _WORD.findall(text):
            word = word_key(raw)
            if not word:
                continue
            total += 1
            if word in self.words:
                exact += 1
                stemmed += 1
            elif self.stem(word) in self.stems:
                stemmed += 1
        return total, exact, stemmed


def _steps_with_edits(text: str) -> tuple[Repaired, Counter[str]]:
    """Repair as :func:`unkg.repair.repair` does, counting each step's edits."""
    pack = lang.get("ar")
    counts: Counter[str] = Counter()
    repaired = Repaired.unchanged(text)
    for step in pack.repair_steps():
        edits = step(repaired.text)
        counts[step.__name__] += len(edits)
        repaired = repaired.apply(edits)
    join = pack.join_step()
    if join is not None:
        for _ in range(8):
            edits = join(repaired.text)
            if not edits:
                break
            counts[join.__name__] += len(edits)
            repaired = repaired.apply(edits)
    return repaired, counts


def _states(text: str, code: str) -> set[str]:
    found = default_gazetteer(code).find(text)
    return {m.entity.key for m in found if m.entity.kind is EntityKind.STATE}


def measure(path: Path, lexicon: Lexicon | None, repeat: int) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    best = min(_timed(text) for _ in range(repeat))
    if lexicon is None:
        return {"file": path.name, "ms": round(best * 1000, 1)}
    repaired, counts = _steps_with_edits(text)
    if repaired.text != repair(text, lang.get("ar")).text:
        raise AssertionError(f"{path}: counted repair differs from repair()")
    total, exact_before, known_before = lexicon.hits(text)
    _, exact_after, known_after = lexicon.hits(repaired.text)
    row: dict[str, Any] = {
        "file": path.name,
        "bytes": len(text.encode()),
        "words": total,
        "exact_before": exact_before,
        "known_before": known_before,
        "exact_after": exact_after,
        "known_after": known_after,
        "ms": round(best * 1000, 1),
        "edits": dict(sorted(counts.items())),
    }
    english = path.with_name(path.name.replace("-AR.txt", "-EN.txt"))
    if english.exists():
        en = _states(english.read_text(encoding="utf-8"), "en")
        row["states_en"] = sorted(en)
        row["states_ar_before"] = sorted(_states(text, "ar") & en)
        row["states_ar_after"] = sorted(_states(repaired.text, "ar") & en)
    return row


def _timed(text: str) -> float:
    start = time.perf_counter()
    repair(text, lang.get("ar"))
    return time.perf_counter() - start


def _kind(name: str) -> str:
    for marker, kind in (
        ("_REPORT", "meeting report"),
        ("_L.1", "agenda (L.1)"),
        ("_L.2", "organization of work (L.2)"),
        ("_INF.", "information note"),
        ("TECHNICAL", "technical paper"),
        ("BACKGROUND", "technical paper"),
        ("SUMMARY", "summary"),
    ):
        if marker in name.upper():
            return kind
    return "agenda-item paper and other"


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}" if whole else "–"


def markdown(rows: list[dict[str, Any]], before: dict[str, dict[str, Any]]) -> str:
    steps = sorted({s for r in rows for s in r["edits"]})
    lines = [
        "| file | words | exact before | exact after | known before | known after | ms | "
        + ("ms (before) | " if before else "")
        + "States EN | AR before | AR after |",
        "|---|---:|---:|---:|---:|---:|---:|" + ("---:|" if before else "") + "---:|---:|---:|",
    ]
    for r in rows:
        w = r["words"]
        old = before.get(r["file"])
        lines.append(
            f"| {r['file'].removesuffix('-AR.txt')} | {w} | {_pct(r['exact_before'], w)} | "
            f"{_pct(r['exact_after'], w)} | {_pct(r['known_before'], w)} | "
            f"{_pct(r['known_after'], w)} | {r['ms']} | "
            + (f"{old['ms'] if old else '–'} | " if before else "")
            + f"{len(r.get('states_en', [])) if 'states_en' in r else '–'} | "
            f"{len(r['states_ar_before']) if 'states_en' in r else '–'} | "
            f"{len(r['states_ar_after']) if 'states_en' in r else '–'} |"
        )
    lines += ["", "| kind | files | words | exact before | exact after | known before | "
              "known after | ms/doc | States EN | AR before | AR after |",
              "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]  # fmt: skip
    kinds: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        kinds.setdefault(_kind(r["file"]), []).append(r)
    for kind, group in [*sorted(kinds.items()), ("all", rows)]:
        w = sum(r["words"] for r in group)
        en = sum(len(r.get("states_en", [])) for r in group)
        lines.append(
            f"| {kind} | {len(group)} | {w} | {_pct(sum(r['exact_before'] for r in group), w)} | "
            f"{_pct(sum(r['exact_after'] for r in group), w)} | "
            f"{_pct(sum(r['known_before'] for r in group), w)} | "
            f"{_pct(sum(r['known_after'] for r in group), w)} | "
            f"{sum(r['ms'] for r in group) / len(group):.1f} | {en} | "
            f"{sum(len(r.get('states_ar_before', [])) for r in group)} | "
            f"{sum(len(r.get('states_ar_after', [])) for r in group)} |"
        )
    lines += ["", "| step | edits | files |", "|---|---:|---:|"]
    for step in steps:
        n = sum(r["edits"].get(step, 0) for r in rows)
        files = sum(1 for r in rows if r["edits"].get(step, 0))
        lines.append(f"| {step} | {n} | {files} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--lexicon", nargs="+", default=[])
    parser.add_argument("--time-only", action="store_true", help="repair times only")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--markdown", type=Path)
    parser.add_argument("--before", type=Path)
    args = parser.parse_args(argv)
    lexicon = None if args.time_only else Lexicon(args.lexicon)
    rows = [measure(p, lexicon, args.repeat) for p in sorted(args.folder.glob("*-AR.txt"))]
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    if lexicon is None:
        return 0
    before = {}
    if args.before:
        before = {r["file"]: r for r in json.loads(args.before.read_text(encoding="utf-8"))}
    table = markdown(rows, before)
    if args.markdown:
        args.markdown.write_text(table, encoding="utf-8")
    else:
        sys.stdout.write(table)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
