"""A bounded load test of ``unkg serve`` on 127.0.0.1 (issue 24's goals; not a test).

    python tools/loadtest.py --data out            # a build folder (graph.trig)
    python tools/loadtest.py --data out --clients 20 --seconds 10

It starts the endpoint, then (1) runs ``--clients`` keep-alive clients sending one bound
named query for ``--seconds`` and prints requests/s, p50 and p99; (2) starts four slow
queries (a cross product stopped by the time limit) and times a cheap query meanwhile.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def _client(
    port: int, path: str, until: float, latencies: list[float], statuses: list[int]
) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    request = (
        f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        "Accept: application/sparql-results+json\r\n\r\n"
    ).encode()
    try:
        while time.perf_counter() < until:
            started = time.perf_counter()
            writer.write(request)
            status_line = await reader.readline()
            length = 0
            while True:
                line = await reader.readline()
                if line in (b"\r\n", b""):
                    break
                name, _, value = line.decode("latin-1").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            await reader.readexactly(length)
            latencies.append(time.perf_counter() - started)
            statuses.append(int(status_line.split()[1]))
    finally:
        writer.close()


async def _load(port: int, query: str, clients: int, seconds: float) -> None:
    path = "/sparql?" + urllib.parse.urlencode({"query": query})
    latencies: list[float] = []
    statuses: list[int] = []
    # warm: the first run of a query text marks it cheap or not
    await _client(port, path, time.perf_counter() + 0.5, [], [])
    until = time.perf_counter() + seconds
    started = time.perf_counter()
    await asyncio.gather(*(_client(port, path, until, latencies, statuses) for _ in range(clients)))
    elapsed = time.perf_counter() - started
    ok = sum(1 for s in statuses if s == 200)
    latencies.sort()
    p99 = latencies[int(len(latencies) * 0.99) - 1]
    print(
        f"{clients} clients, {seconds:g} s: {len(latencies)} requests ({ok} ok), "
        f"{len(latencies) / elapsed:.0f} requests/s, p50 {statistics.median(latencies) * 1000:.1f}"
        f" ms, p99 {p99 * 1000:.1f} ms"
    )


def _get(port: int, query: str, timeout: float = 60) -> tuple[int, float]:
    url = f"http://127.0.0.1:{port}/sparql?" + urllib.parse.urlencode({"query": query})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    return status, time.perf_counter() - started


async def _slow_case(port: int, query: str) -> None:
    _get(port, query)  # known cheap from here on
    slow = [asyncio.to_thread(_get, port, SLOW) for _ in range(4)]
    tasks = [asyncio.ensure_future(s) for s in slow]
    await asyncio.sleep(1.0)  # the four are running
    times = []
    for _ in range(10):
        status, seconds = await asyncio.to_thread(_get, port, query)
        times.append(seconds)
        assert status == 200, status
        await asyncio.sleep(0.1)
    results = await asyncio.gather(*tasks)
    print(
        f"with 4 slow queries running (they ended {sorted({s for s, _ in results})} after "
        f"{max(t for _, t in results):.1f} s): a cheap query in "
        f"{statistics.median(times) * 1000:.1f} ms (median of 10), "
        f"{max(times) * 1000:.1f} ms at worst"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="a build folder")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--query", default="states", help="named query (default states)")
    parser.add_argument("--bind", default="iso3=CHE", help="VAR=VALUE (default iso3=CHE)")
    args = parser.parse_args()

    from unkg.sparql.query import bind, query_text

    name, _, value = args.bind.partition("=")
    query = bind(query_text(args.query), {name: value}) if args.bind else query_text(args.query)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "unkg.cli", "serve", "--data", str(args.data), "--port", str(port)],
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/queries", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        asyncio.run(_load(port, query, args.clients, args.seconds))
        asyncio.run(_slow_case(port, query))
    finally:
        server.terminate()
        server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
