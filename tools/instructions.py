"""Count the CPU instructions a piece of Python costs, for comparing two versions of it.

Timings on a shared machine move by 20-40 % between runs of the same code; instruction
counts under valgrind's callgrind do not. The script runs SETUP alone and SETUP followed by
WORK, each under callgrind, and prints the difference in millions of instructions:

    python tools/instructions.py \\
        --setup "import pyoxigraph as ox; from unkg.export.fragments import document_fragments; \\
                 from unkg.rdf.graph import DocumentGraph; \\
                 from unkg.export.formats import ExportFormat; \\
                 graph = DocumentGraph.of_quads(list(ox.parse(path='graph.nq', \\
                                                              format=ox.RdfFormat.N_QUADS)))" \\
        --work "document_fragments(graph, 'https://w3id.org/unkg/', [ExportFormat.JSONLD])"

Run it once per version (``--pythonpath`` a worktree of the other commit) and compare.
Each run takes about 50 times the plain run time. Needs valgrind (Debian: ``valgrind``).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys


def instructions(code: str, pythonpath: str | None) -> int:
    env = dict(os.environ)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath + os.pathsep + env.get("PYTHONPATH", "")
    run = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            # -P: the current folder is not put first on sys.path, where it
            # would shadow --pythonpath when run from another checkout
            sys.executable,
            "-P",
            "-c",
            code,
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    if run.returncode != 0:
        raise SystemExit(f"instructions: the code failed under valgrind:\n{run.stderr[-2000:]}")
    found = re.search(r"Collected : (\d+)", run.stderr)
    if found is None:
        raise SystemExit("instructions: no count in valgrind's output (is valgrind installed?)")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--setup", required=True, help="Python run before the work (not counted)")
    parser.add_argument("--work", required=True, help="the Python whose instructions are counted")
    parser.add_argument("--pythonpath", help="put this folder first on the path (another version)")
    args = parser.parse_args()
    alone = instructions(args.setup, args.pythonpath)
    whole = instructions(args.setup + "\n" + args.work, args.pythonpath)
    print(f"{(whole - alone) / 1e6:.0f}M instructions")


if __name__ == "__main__":
    main()
