"""The ``unkg`` command line: a thin layer that parses options and calls the library.

Heavy libraries (rdflib, pySHACL, networkx) are imported inside the commands that need them,
so ``unkg --help`` and ``unkg inspect`` start fast.
"""

from __future__ import annotations

import argparse
import json
import re
import signal
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
    from unkg import lang
    from unkg.ingest.files import InputError, read_source
    from unkg.repair import repair
    from unkg.structure.layout import structure

    try:
        source = read_source(args.file, max_bytes=args.max_size)
    except InputError as error:
        print(f"unkg: {error}", file=sys.stderr)
        return 2
    if args.source:
        # the text unkg made of the file, byte for byte: evidence offsets count in it
        sys.stdout.write(source.text)
        return 0
    repaired = repair(source.text, lang.get(source.language))
    if args.text:
        sys.stdout.write(repaired.text)
        if not repaired.text.endswith("\n"):
            sys.stdout.write("\n")
        return 0
    from unkg.structure.inspect import document_json

    document = structure(source, repaired)
    json.dump(document_json(document), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


class _Progress:
    """Documents done, rate and time left, on one rewritten line of stderr (only on a TTY)."""

    def __init__(self, enabled: bool) -> None:
        import time

        self.enabled = enabled
        self.started = time.monotonic()
        self.clock = time.monotonic

    def __call__(self, done: int, total: int, result: object) -> None:
        status = getattr(result, "status", "")
        path = getattr(result, "path", "")
        if status == "error":
            # an error is a line of its own, kept on screen, naming the file
            self._clear()
            print(f"unkg: {path}: {getattr(result, 'message', '')}", file=sys.stderr)
        if not self.enabled:
            return
        elapsed = max(self.clock() - self.started, 1e-9)
        rate = done / elapsed
        left = (total - done) / rate if rate else 0.0
        sys.stderr.write(f"\r[{done}/{total}] {rate:.1f} docs/s, {left:.0f} s left  ")
        sys.stderr.flush()
        if done == total:
            sys.stderr.write("\n")

    def _clear(self) -> None:
        if self.enabled:
            sys.stderr.write("\r" + " " * 60 + "\r")


def _build(args: argparse.Namespace) -> int:
    from unkg.build import build
    from unkg.pipeline import BuildOptions, Execution
    from unkg.sparql.store import StoreError

    formats = tuple(f.strip() for f in args.formats.split(",") if f.strip())
    try:
        options = BuildOptions(
            base=args.base,
            max_bytes=args.max_size,
            validate=not args.no_validate,
            formats=formats,
            store=args.store,
        )
    except ValueError as error:
        print(f"unkg: {error}", file=sys.stderr)
        return 2
    execution = Execution(
        jobs=args.jobs,
        executor=args.executor,
        scheduler=args.scheduler,
        timeout=args.timeout or None,
    )
    progress = _Progress(sys.stderr.isatty() and not args.quiet)
    try:
        report = build(args.paths, args.out, options, progress, execution)
    except (ValueError, StoreError) as error:
        print(f"unkg: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(
            f"unkg: interrupted; the previous outputs in {args.out} and the store are as they were",
            file=sys.stderr,
        )
        return 130
    totals = report["totals"]
    assert isinstance(totals, dict)
    checked = ""
    if totals["validated"]:
        checked = (
            f"; SHACL: {totals['conforming']} of {totals['validated']} conform, "
            f"{totals['violations']} violations, {totals['warnings']} warnings "
            "(see report.json)"
        )
    reused = f" ({totals['reused']} unchanged, reused)" if totals["reused"] else ""
    corpus = ""
    if totals["corpus_violations"] or totals["corpus_warnings"]:
        corpus = (
            f"; across documents: {totals['corpus_violations']} violations, "
            f"{totals['corpus_warnings']} warnings"
        )
    print(
        f"unkg: {totals['inputs']} inputs: {totals['ok']} built{reused}, {totals['error']} "
        f"failed, {totals['skipped']} skipped; {totals['triples']} triples in "
        f"{args.out}/{checked}{corpus}",
        file=sys.stderr,
    )
    return 0 if totals["ok"] else 1


def _validate(args: argparse.Namespace) -> int:
    from unkg.validate.shacl import RdfInputError, load_quads, render_report, validate_path

    try:
        report, described = validate_path(args.path, args.shapes, args.base)
    except RdfInputError as error:
        print(f"unkg: {error}", file=sys.stderr)
        return 2
    if args.format == "ttl":
        sys.stdout.write(report.report_turtle)
    else:
        sys.stdout.write(render_report(report, described))
    del load_quads
    return 0 if report.conforms else 1


def _export(args: argparse.Namespace) -> int:
    from unkg.export.atomic import atomic_write
    from unkg.export.formats import ExportFormat
    from unkg.export.fragments import serialize_dataset
    from unkg.validate.shacl import RdfInputError, load_quads

    try:
        quads = load_quads(args.data)
    except RdfInputError as error:
        print(f"unkg: {error}", file=sys.stderr)
        return 2
    fmt = ExportFormat(args.format)
    data = serialize_dataset(
        fmt,
        sorted(
            quads,
            key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)),
        ),
        args.base,
    )
    if args.output is None or str(args.output) == "-":
        sys.stdout.buffer.write(data)
    else:
        atomic_write(args.output, data)
        if fmt is ExportFormat.JSONLD:
            from unkg.export.jsonld import write_context

            atomic_write(args.output.parent / "context.jsonld", write_context(args.base).encode())
        print(f"unkg: wrote {args.output}", file=sys.stderr)
    return 0


def _query(args: argparse.Namespace) -> int:
    from unkg.sparql.query import QueryError, bind, load_data, query_text, render, run_query
    from unkg.sparql.safety import QueryRefused, check_query
    from unkg.sparql.store import StoreError, open_store

    if (args.data is None) == (args.store is None):
        print(
            "unkg: give --data DIR (a build) or --store DIR (a store), one of them", file=sys.stderr
        )
        return 2
    try:
        text = query_text(args.query)
        if args.bind:
            pairs = [b.split("=", 1) for b in args.bind]
            if any(len(p) != 2 for p in pairs):
                raise QueryError("--bind takes VAR=VALUE, e.g. --bind state=NZL")
            text = bind(text, {name: value for name, value in pairs})
        check_query(text)  # read-only and local, as the endpoint: no SERVICE, no update
        store = load_data(args.data) if args.data else open_store(args.store, read_only=True)
        result = run_query(store, text)
    except QueryRefused as refused:
        why = f"SPARQL syntax error: {refused.detail}" if refused.status == 400 else refused
        print(f"unkg: {args.query}: query refused: {why}", file=sys.stderr)
        return 2
    except (QueryError, StoreError, OSError) as error:
        print(f"unkg: {error}", file=sys.stderr)
        return 2
    sys.stdout.write(render(result, args.format))
    return 0


def _load(args: argparse.Namespace) -> int:
    from unkg.sparql.load import put_graphs
    from unkg.sparql.store import StoreError, load_quads_into, open_store
    from unkg.validate.shacl import RdfInputError, load_quads

    if (args.store is None) == (args.endpoint is None):
        print("unkg: give --store DIR or --endpoint URL, one of them", file=sys.stderr)
        return 2
    try:
        quads = load_quads(args.data)
    except RdfInputError as error:
        print(f"unkg: {error}", file=sys.stderr)
        return 2
    if args.store is not None:
        try:
            store = open_store(args.store, create=True)
            meta = __import__("pyoxigraph").NamedNode(args.base + "graph/meta")
            graphs = load_quads_into(store, quads, meta, {}, __version__)
        except StoreError as error:
            print(f"unkg: {error}", file=sys.stderr)
            return 2
        print(
            f"unkg: {len(graphs)} graphs, {len(quads)} triples in the store {args.store}",
            file=sys.stderr,
        )
        return 0
    bar = _Bar(sys.stderr.isatty() and not args.quiet)
    try:
        result = put_graphs(
            quads, args.endpoint, user=args.user, password=args.password, progress=bar
        )
    except ValueError as error:
        print(f"unkg: {error}", file=sys.stderr)
        return 2
    for graph, reason in result.failed:
        print(f"unkg: {graph}: not loaded: {reason}", file=sys.stderr)
    print(
        f"unkg: {len(result.loaded)} graphs loaded ({result.triples} triples), "
        f"{len(result.failed)} failed, into {args.endpoint}",
        file=sys.stderr,
    )
    return 0 if not result.failed else 1


class _Bar:
    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, done: int, total: int, name: str) -> None:
        if not self.enabled:
            return
        width = 30
        filled = width * done // max(total, 1)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def _exit_on_signal(number: int, frame: object) -> None:
    raise SystemExit(128 + number)


def _serve(args: argparse.Namespace) -> int:
    from unkg.sparql.server import ServerOptions, cleanup, prepare_store, serve
    from unkg.sparql.store import StoreError

    if (args.data is None) == (args.store is None):
        print(
            "unkg: give --data DIR (a build) or --store DIR (a store), one of them", file=sys.stderr
        )
        return 2
    try:
        path, temporary = prepare_store(args.data, args.store)
    except (StoreError, OSError, SyntaxError) as error:
        print(f"unkg: {error}", file=sys.stderr)
        return 2
    print(
        f"unkg: SPARQL endpoint on http://{args.host}:{args.port}/sparql "
        f"(page: http://{args.host}:{args.port}/); Ctrl-C to stop",
        file=sys.stderr,
    )
    # uvicorn stops on SIGTERM and then raises it again for the handler it found; the
    # default one would end the process before the temporary store is removed
    previous = signal.signal(signal.SIGTERM, _exit_on_signal)
    try:
        options = ServerOptions(
            path,
            timeout=args.timeout,
            max_rows=args.max_rows,
            host=args.host,
            allow_hosts=tuple(args.allow_host),
            allow_origins=tuple(args.allow_origin),
        )
        serve(options, args.host, args.port)
    finally:
        signal.signal(signal.SIGTERM, previous)
        cleanup(temporary)
    return 0


def _bench(args: argparse.Namespace) -> int:
    from unkg.bench.run import markdown, plot, run_benchmark
    from unkg.ingest.files import discover
    from unkg.parallel import default_jobs

    try:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        print(
            f"unkg: --sizes takes whole numbers, comma-separated, not {args.sizes!r}",
            file=sys.stderr,
        )
        return 2
    seeds = [path for path, problem in discover(args.seeds) if problem is None]
    if not seeds or not sizes or min(sizes) < 1:
        print(
            "unkg: bench needs seed documents (--seeds, .txt files) and sizes of 1 or more",
            file=sys.stderr,
        )
        return 2
    jobs = args.jobs or default_jobs()
    results = run_benchmark(
        sizes, seeds, jobs, args.work, progress=lambda m: print(f"unkg bench: {m}", file=sys.stderr)
    )
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "bench.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    table = markdown(results)
    (args.out / "bench.md").write_text(table, encoding="utf-8")
    try:
        plot(results, args.out / "bench.png")
    except ImportError:
        print(
            "unkg: no plot (matplotlib is not installed: pip install 'unkg[viz]')", file=sys.stderr
        )
    sys.stdout.write(table)
    return 0


def _viz(args: argparse.Namespace) -> int:
    from unkg.viz.picture import PictureOptions, links_html, static_picture, store_of_quads

    try:
        options = PictureOptions(
            include=tuple(x.strip() for x in (args.include or "").split(",") if x.strip()),
            everything=args.all,
            years=_years(args.years) if args.years else None,
        )
    except ValueError as error:
        print(f"unkg: {error}", file=sys.stderr)
        return 2
    fmt = args.format or (args.output.suffix.lstrip(".") if args.output.suffix else "html")
    if fmt not in ("html", "svg", "png"):
        print(f"unkg: unknown picture format {fmt!r}: html, svg or png", file=sys.stderr)
        return 2
    if args.store is not None:
        from unkg.sparql.store import open_store

        try:
            store = open_store(args.store, read_only=True)
        except (OSError, ValueError) as error:
            print(f"unkg: {args.store}: cannot open the store: {error}", file=sys.stderr)
            return 2
    else:
        from unkg.validate.shacl import RdfInputError, load_quads

        try:
            store = store_of_quads(load_quads(args.data))
        except RdfInputError as error:
            print(f"unkg: {error}", file=sys.stderr)
            return 2
    target = args.output if fmt == "html" else args.output.with_suffix("." + fmt)
    try:
        if fmt == "html":
            target.write_text(links_html(store, options), encoding="utf-8")
        else:
            static_picture(store, target, options)
    except ValueError as error:  # an unknown --include name
        print(f"unkg: {error}", file=sys.stderr)
        return 2
    except ImportError:
        print("unkg: static pictures need matplotlib (pip install 'unkg[viz]')", file=sys.stderr)
        return 2
    print(f"unkg: wrote {target}", file=sys.stderr)
    return 0


def _years(text: str) -> tuple[int, int]:
    """``1990-1994`` or ``1990`` -> (first, last)."""
    found = re.fullmatch(r"\s*(\d{4})\s*(?:[-–:]\s*(\d{4}))?\s*", text)
    if found is None:
        raise ValueError(f"--years {text!r}: give a year or a range of years, as 1990-1994")
    first = int(found.group(1))
    last = int(found.group(2) or first)
    if last < first:
        raise ValueError(f"--years {text!r}: the first year comes after the last")
    return first, last


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
    inspect.add_argument("file", type=Path, help="a .txt, .pdf or .docx file")
    shown = inspect.add_mutually_exclusive_group()
    shown.add_argument("--text", action="store_true", help="print the repaired text")
    shown.add_argument(
        "--source",
        action="store_true",
        help="print the text unkg made of the file (a PDF's pages, separated by form feeds), "
        "byte for byte: the text evidence offsets and quotes refer to",
    )
    shown.add_argument("--json", action="store_true", help="print the structure as JSON (default)")
    inspect.add_argument(
        "--max-size",
        type=_size,
        default="20M",
        metavar="SIZE",
        help="refuse files larger than this (default 20M)",
    )
    inspect.set_defaults(run=_inspect)

    build = commands.add_parser(
        "build",
        help="build the knowledge graph of documents (files or folders)",
        description="Read every .txt file given (folders are walked recursively), repair and "
        "structure it, extract its facts with their evidence, check each document's graph "
        "against the SHACL shapes, and write OUT/graph.trig (one named graph per document "
        "plus one for the reference data), its union as Turtle, JSON-LD and N-Triples, "
        "N-Quads, GraphML, and OUT/report.json (what happened to every input). Bad files are "
        "reported and skipped; the others are built. Documents run in worker processes; a "
        "second build reuses what has not changed (OUT/.unkg-cache).",
    )
    build.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files or folders")
    build.add_argument(
        "--out",
        "-o",
        type=Path,
        required=True,
        metavar="DIR",
        help="folder for the outputs (created if needed)",
    )
    build.add_argument(
        "--base",
        default="https://w3id.org/unkg/",
        metavar="IRI",
        help="base IRI of the graph's resources (default https://w3id.org/unkg/)",
    )
    build.add_argument(
        "--max-size",
        type=_size,
        default="20M",
        metavar="SIZE",
        help="refuse files larger than this (default 20M)",
    )
    build.add_argument("--quiet", "-q", action="store_true", help="no progress line")
    build.add_argument(
        "--store",
        type=Path,
        default=None,
        metavar="DIR",
        help="also keep the graph in an on-disk store (one named graph per "
        "document; a document built again replaces its graph)",
    )
    build.add_argument(
        "--no-validate", action="store_true", help="skip the SHACL check of each document's graph"
    )
    build.add_argument(
        "--formats",
        default="trig,turtle,jsonld,nquads,ntriples,graphml",
        metavar="LIST",
        help="files to write, comma-separated, from trig, turtle, "
        "jsonld, nquads, ntriples, graphml (default all)",
    )
    build.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=None,
        metavar="N",
        help="worker processes (default: one per core; 0 runs everything in this process)",
    )
    build.add_argument(
        "--timeout",
        type=float,
        default=300.0,
        metavar="SECONDS",
        help="give up on a document after this long and report it (default 300; 0 for no limit)",
    )
    build.add_argument(
        "--executor",
        choices=("local", "dask"),
        default="local",
        help="run the documents in local worker processes (default) or on Dask",
    )
    build.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="with --executor dask: the scheduler to use, e.g. "
        "tcp://10.0.0.5:8786 (default: start a LocalCluster). Workers must see "
        "the inputs and OUT at the same paths",
    )
    build.set_defaults(run=_build)

    validate = commands.add_parser(
        "validate",
        help="check a graph against the SHACL shapes",
        description="Validate RDF (a build folder, or a .ttl/.trig/.nt/.nq/.jsonld file) with "
        "the unkg SHACL shapes (pySHACL) and any extra shapes given. Each finding shows its "
        "severity, the node and its label, the path, the message, and the evidence quote and "
        "offsets behind the offending fact. Exit status 0 when the graph conforms "
        "(warnings allowed), 1 when not, 2 when the input cannot be read.",
    )
    validate.add_argument("path", type=Path, metavar="PATH", help="a build folder or an RDF file")
    validate.add_argument(
        "--shapes",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="extra SHACL shapes (Turtle); may be given more than once",
    )
    validate.add_argument(
        "--format",
        choices=("text", "ttl"),
        default="text",
        help="text for people (default) or the SHACL report graph in Turtle",
    )
    validate.add_argument(
        "--base",
        default="https://w3id.org/unkg/",
        metavar="IRI",
        help="base IRI the graph was built with (default https://w3id.org/unkg/)",
    )
    validate.set_defaults(run=_validate)

    export = commands.add_parser(
        "export",
        help="write a build's graph in another format",
        description="Read a build's graph (or any RDF file) and write it as TriG or N-Quads "
        "(one named graph per document), Turtle, N-Triples or JSON-LD (the union), or GraphML "
        "(the entity graph without evidence, for Gephi or Cytoscape).",
    )
    export.add_argument(
        "--data", type=Path, required=True, metavar="DIR|FILE", help="a build folder or an RDF file"
    )
    export.add_argument(
        "--format",
        "-f",
        required=True,
        choices=("trig", "turtle", "jsonld", "nquads", "ntriples", "graphml"),
    )
    export.add_argument(
        "--output",
        "-o",
        type=Path,
        default=None,
        metavar="FILE",
        help="file to write (default: standard output)",
    )
    export.add_argument(
        "--base",
        default="https://w3id.org/unkg/",
        metavar="IRI",
        help="base IRI for prefixes (default https://w3id.org/unkg/)",
    )
    export.set_defaults(run=_export)

    load = commands.add_parser(
        "load",
        help="load a build's graph into the embedded store or a SPARQL server",
        description="Load a build's named graphs into an on-disk pyoxigraph store (--store), or "
        "into a SPARQL server with the SPARQL 1.1 Graph Store HTTP Protocol (--endpoint, the "
        "server's graph store URL, e.g. http://localhost:7878/store for Oxigraph or "
        "http://localhost:8890/sparql-graph-crud-auth for Virtuoso). Each graph is sent with "
        "its own PUT, so loading again replaces rather than duplicates, and a failure leaves "
        "the graphs already loaded intact.",
    )
    load.add_argument(
        "--data",
        type=Path,
        required=True,
        metavar="DIR|FILE",
        help="a build folder or a TriG/N-Quads file",
    )
    load.add_argument("--store", type=Path, metavar="DIR", help="the embedded store to fill")
    load.add_argument("--endpoint", metavar="URL", help="a Graph Store Protocol endpoint")
    load.add_argument("--user", help="user name for HTTP basic authentication")
    load.add_argument("--password", help="password for HTTP basic authentication")
    load.add_argument(
        "--base",
        default="https://w3id.org/unkg/",
        metavar="IRI",
        help="base IRI the graph was built with",
    )
    load.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    load.set_defaults(run=_load)

    serve = commands.add_parser(
        "serve",
        help="serve SPARQL over HTTP (read-only)",
        description="Serve the SPARQL 1.1 Protocol over a build (--data) or a store (--store): "
        "GET or POST /sparql, results as JSON, XML, CSV or TSV by the Accept header, and a "
        "page at / to type a query and see a table. Updates and federated queries (SERVICE) "
        "are refused; queries over the time limit are stopped; results over the row limit are "
        "refused. Binds to 127.0.0.1 unless told otherwise; requests naming another host or "
        "coming from another site's pages are refused unless allowed.",
    )
    serve.add_argument("--data", type=Path, metavar="DIR", help="a build folder")
    serve.add_argument("--store", type=Path, metavar="DIR", help="an unkg store")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=7878, help="port (default 7878)")
    serve.add_argument(
        "--timeout",
        type=float,
        default=10.0,
        metavar="SECONDS",
        help="time limit per query (default 10)",
    )
    serve.add_argument(
        "--max-rows",
        type=int,
        default=10_000,
        metavar="N",
        help="largest result served (default 10000 rows)",
    )
    serve.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="NAME",
        help="another name the endpoint is reached by (the Host header), e.g. behind a proxy; "
        "requests naming any other host are refused (DNS rebinding)",
    )
    serve.add_argument(
        "--allow-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="a web origin (https://example.org) whose pages may query the endpoint (CORS); "
        "requests from other sites are refused",
    )
    serve.set_defaults(run=_serve)

    viz = commands.add_parser(
        "viz",
        help="draw resolutions and meetings on a time axis, with the links between them",
        description="Draw resolutions, meetings and the documents that report on meetings on "
        "a time axis, with the links the texts state (decides, recalls, reaffirms, in "
        "accordance with, cites, reports on): an HTML page that opens offline (a legend that "
        "filters, filters by year and body, search by symbol, ancestors and descendants, a "
        "side panel with each node's facts and the quotes they were read from), or an "
        "SVG/PNG of the same view with its legend. The same graph gives the same picture.",
    )
    source = viz.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "--data", type=Path, metavar="DIR|FILE", help="a build folder or an RDF file"
    )
    source.add_argument(
        "--store", type=Path, metavar="DIR", help="an on-disk store made by 'unkg build --store'"
    )
    viz.add_argument(
        "--output",
        "-o",
        type=Path,
        default=Path("links.html"),
        metavar="FILE",
        help="file to write (default links.html)",
    )
    viz.add_argument(
        "--format",
        choices=("html", "svg", "png"),
        default=None,
        help="picture format (default: from the file's extension)",
    )
    from unkg.viz.style import include_names

    viz.add_argument(
        "--include",
        metavar="KINDS",
        help="also draw these, comma-separated: " + ", ".join(include_names()),
    )
    viz.add_argument("--all", action="store_true", help="draw every kind of node")
    viz.add_argument(
        "--years",
        metavar="FROM-TO",
        help="only what is dated in these years (1990-1994), and the undated kinds linked to it",
    )
    viz.set_defaults(run=_viz)

    query = commands.add_parser(
        "query",
        help="run a named SPARQL query or a .rq file over a build",
        description="Run SPARQL (with pyoxigraph) over the union of a build's named graphs. "
        "Named queries: meetings, sessions, mandates, resolution_links, officers, statements, "
        "documents, topics, states, evidence; their .rq files are in unkg/queries and run in "
        "any SPARQL client.",
    )
    query.add_argument("query", metavar="NAME|FILE.rq", help="a named query or a .rq file")
    query.add_argument(
        "--data", type=Path, metavar="DIR", help="a build's output folder (holding graph.trig)"
    )
    query.add_argument(
        "--store",
        type=Path,
        metavar="DIR",
        help="an unkg store (made by 'build --store' or 'load --store')",
    )
    query.add_argument(
        "--format",
        "-f",
        choices=("table", "csv", "tsv", "json"),
        default="table",
        help="result format (default table)",
    )
    query.add_argument(
        "--bind",
        action="append",
        default=[],
        metavar="VAR=VALUE",
        help="give a column a value, e.g. --bind state=NZL or --bind "
        "meeting=https://w3id.org/unkg/id/meeting/...; may be repeated",
    )
    query.set_defaults(run=_query)

    bench = commands.add_parser(
        "bench",
        help="measure build speed and memory on a generated corpus",
        description="Generate corpora of the samples' family with varied facts (other States, "
        "years, resolution numbers, symbols, ordinals), build each in a fresh process with "
        "checks, every output and the store, and report documents/s per core, MB/s, peak "
        "memory, the time of each stage per document, the ratio to a regex floor measured in "
        "the same run, and the time of the named queries. Writes OUT/bench.json, OUT/bench.md "
        "and OUT/bench.png.",
    )
    bench.add_argument(
        "--sizes",
        default="10,100,1000",
        metavar="LIST",
        help="corpus sizes, comma-separated (default 10,100,1000)",
    )
    bench.add_argument(
        "--seeds",
        type=Path,
        nargs="+",
        default=[Path("examples")],
        metavar="PATH",
        help="seed documents or folders (default examples)",
    )
    bench.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=None,
        metavar="N",
        help="worker processes (default: one per core)",
    )
    bench.add_argument(
        "--out",
        "-o",
        type=Path,
        default=Path("bench-results"),
        metavar="DIR",
        help="folder for the figures (default bench-results)",
    )
    bench.add_argument(
        "--work",
        type=Path,
        default=None,
        metavar="DIR",
        help="keep the corpora, outputs and stores here (default: a temporary folder, removed)",
    )
    bench.set_defaults(run=_bench)
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
