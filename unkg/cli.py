"""The ``unkg`` command line: a thin layer that parses options and calls the library.

Heavy libraries (rdflib, pySHACL, networkx) are imported inside the commands that need them,
so ``unkg --help`` and ``unkg inspect`` start fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from unkg import __version__

__all__ = ["main"]

EXAMPLES = """\
examples:
  unkg inspect examples/003_c2ffba67887ab6eb.txt --json   structure of one document
  unkg build examples --out out                            graph of a folder of documents
  unkg query meetings --data out                           run a named SPARQL query
  unkg validate out/graph.ttl                              check a graph against the shapes

Input is text extracted from Arabic UN documents (.txt, UTF-8, UTF-16 or Windows-1256).
"""

Command = Callable[[argparse.Namespace], int]


def _inspect(args: argparse.Namespace) -> int:
    from unkg.extract.ingest import InputError, read_source
    from unkg.extract.repair import repair
    from unkg.extract.structure import structure

    try:
        source = read_source(args.file, max_bytes=args.max_size)
    except InputError as error:
        print(f"unkg: {error}", file=sys.stderr)
        return 2
    repaired = repair(source.text)
    if args.text:
        sys.stdout.write(repaired.text)
        if not repaired.text.endswith("\n"):
            sys.stdout.write("\n")
        return 0
    from unkg.output.inspect import document_json

    document = structure(source, repaired)
    json.dump(document_json(document), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def _size(text: str) -> int:
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    text = text.strip().lower().removesuffix("b")
    if text and text[-1] in units:
        return int(float(text[:-1]) * units[text[-1]])
    return int(text)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="unkg",
        description="Build a linked-data knowledge graph from UN documents: repaired text, "
        "facts with evidence, RDF, SHACL validation, SPARQL.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"unkg {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    inspect = commands.add_parser(
        "inspect",
        help="show the repaired text or the structure of one document",
        description="Repair one document (visual-order lines, tatweel, split lam-alef, "
        "presentation forms, Arabic-Indic digits) and show its text or its structure: "
        "metadata from page headers, title blocks, sections, paragraphs and items, each with "
        "its start and end offsets (characters) in the original file.",
    )
    inspect.add_argument("file", type=Path, help="a .txt file")
    shown = inspect.add_mutually_exclusive_group()
    shown.add_argument("--text", action="store_true", help="print the repaired text")
    shown.add_argument("--json", action="store_true", help="print the structure as JSON (default)")
    inspect.add_argument("--max-size", type=_size, default="20M", metavar="SIZE",
                         help="refuse files larger than this (default 20M)")
    inspect.set_defaults(run=_inspect)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 0
    run: Command = args.run
    try:
        return run(args)
    except KeyboardInterrupt:
        print("unkg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
