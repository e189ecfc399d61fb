#!/usr/bin/env python3
"""Count the kinds of Arabic damage left in unkg's text of Arabic PDFs (docs/pdf.md).

usage: tools/pdf_damage.py FOLDER [--lexicon FILE]

Reads each PDF of FOLDER whose text is mostly Arabic as ``unkg build`` does, and counts, in
unkg's text of it (before repair), each kind of damage the PDF text layer shows, with an
example. With a lexicon (a clean Arabic text, e.g. the UN Parallel Corpus's Arabic side), it
also gives the share of Arabic words found in it, in unkg's text and after unkg's repair.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from unkg import lang
from unkg.ingest.files import InputError
from unkg.ingest.pdf import read_pdf
from unkg.repair import repair

WORD = re.compile("[\u0621-\u064a\u0670]+")
MARKS = re.compile("[\u064b-\u0652\u0670]")
KINDS: dict[str, re.Pattern[str]] = {
    # الأمم as األمم: the lam-alef-with-hamza ligature's two letters in the wrong order
    "lam-alef with hamza swapped": re.compile(r"\S*ا[أإآ]ل\S*"),
    "mirrored brackets": re.compile(r"\)[^()\n]{1,60}\("),
    "paragraph marker dash first (-12 ...)": re.compile(r"(?m)^-\d{1,3} \S+"),
    "session in brackets, dash after the number )د19-(": re.compile(r"د\d{1,3}-"),
    "punctuation before a number (،2017 .2017)": re.compile(r"(?<!\S)[\u060c.]\d+"),
    "symbol with its parts reversed (.../ESCWA/E)": re.compile(r"\S+/ESCWA/E(?![\w/])"),
    "mark cut from its letter (a word starting with a diacritic)": re.compile(
        "(?<!\\S)[\u064b-\u0652]\\S*"
    ),
    "tatweel (kashida)": re.compile("\\S*\u0640\\S*"),
}
RANGE = re.compile(r"(?<![\d/])(\d{1,4})-(\d{1,4})(?![\d/])")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--lexicon", type=Path)
    args = parser.parse_args()
    lexicon: set[str] = set()
    if args.lexicon:
        lexicon = set(WORD.findall(MARKS.sub("", args.lexicon.read_text(encoding="utf-8"))))
    counts: Counter[str] = Counter()
    files: Counter[str] = Counter()
    examples: dict[str, str] = {}
    hits = Counter[str]()
    documents = 0
    for path in sorted(args.folder.glob("*.pdf")):
        try:
            text = read_pdf(path, path.read_bytes()).text
        except InputError:
            continue
        if len(WORD.findall(text)) < len(re.findall(r"[A-Za-z]+", text)):
            continue
        documents += 1
        found: Counter[str] = Counter()
        for kind, pattern in KINDS.items():
            for m in pattern.finditer(text):
                found[kind] += 1
                examples.setdefault(kind, m.group()[:60])
        for m in RANGE.finditer(text):
            line = text[text.rfind("\n", 0, m.start()) + 1 : text.find("\n", m.end())]
            if WORD.search(line) and int(m.group(1)) > int(m.group(2)):
                found["number range reversed (21-20 for 20-21)"] += 1
                examples.setdefault("number range reversed (21-20 for 20-21)", m.group())
        if lexicon:
            plain_lam_alef = "plain lam-alef swapped (عمالً for عملاً)"
            for word in WORD.findall(MARKS.sub("", text)):
                if word not in lexicon and "ال" in word[1:]:
                    fixed = word[0] + word[1:].replace("ال", "لا", 1)
                    if fixed in lexicon:
                        found[plain_lam_alef] += 1
                        examples.setdefault(plain_lam_alef, f"{word} -> {fixed}")
            repaired = repair(text, lang.get("ar")).text
            for label, body in (("unkg's text", text), ("after repair", repaired)):
                words = WORD.findall(MARKS.sub("", body))
                hits[label + " words"] += len(words)
                hits[label + " hits"] += sum(1 for w in words if w in lexicon)
        counts.update(found)
        files.update(found.keys())
    print(f"Arabic PDFs read: {documents}\n")
    print("| damage | occurrences | files | example |")
    print("|---|---|---|---|")
    for kind, n in counts.most_common():
        print(f"| {kind} | {n} | {files[kind]} | `{examples[kind]}` |")
    if lexicon:
        for label in ("unkg's text", "after repair"):
            share = hits[label + " hits"] / max(hits[label + " words"], 1)
            print(f"\nlexicon hit rate, {label}: {share:.3f} of {hits[label + ' words']} words")


if __name__ == "__main__":
    main()
