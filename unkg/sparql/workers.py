"""Long-lived query workers: processes that each hold the store open and answer one query
at a time, so a query costs a message each way instead of a process.

A query that runs past the time limit cannot be stopped inside Oxigraph, so its worker is
killed and replaced. Some workers are kept for cheap queries (ones that answered quickly
before, by their text): while slow queries fill the others, a cheap one still finds a
worker at once.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from unkg.sparql.results import Answer, answer, failure

__all__ = ["Pool"]

CHEAP_SECONDS = 0.25  # a query that answered within this is cheap the next time
_KNOWN = 4096  # queries whose cost is remembered


def _serve_queries(store_path: str, max_rows: int, inbox: Connection) -> None:
    """A worker's loop: open the store once, then answer queries until the pipe closes."""
    import pyoxigraph as ox

    store = ox.Store.read_only(store_path)
    while True:
        try:
            query, fmt = inbox.recv()
        except (EOFError, OSError):
            return
        inbox.send(answer(store, query, fmt, max_rows))


@dataclass(eq=False)
class _Worker:
    process: Any
    pipe: Connection

    @classmethod
    def start(cls, store_path: str, max_rows: int) -> _Worker:
        context = multiprocessing.get_context("forkserver")
        ours, theirs = context.Pipe(duplex=True)
        process = context.Process(
            target=_serve_queries, args=(store_path, max_rows, theirs), daemon=True
        )
        process.start()
        theirs.close()
        return cls(process, ours)

    def ask(self, query: str, fmt: str, timeout: float) -> Answer | None:
        """The answer, or None when the time limit passed (the worker is then unusable)."""
        try:
            self.pipe.send((query, fmt))
            if self.pipe.poll(timeout):
                return self.pipe.recv()  # type: ignore[no-any-return]
        except (EOFError, OSError):
            return failure(500, "query failed", "the query process ended without a result")
        return None

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.pipe.close()


@dataclass
class Pool:
    """``general`` workers for any query and ``reserved`` ones for queries known cheap."""

    store_path: str
    timeout: float
    max_rows: int
    general: int = 4
    reserved: int = 2
    _idle: dict[str, asyncio.Queue[_Worker]] = field(default_factory=dict, init=False)
    _cost: OrderedDict[str, float] = field(default_factory=OrderedDict, init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False)
    _all: set[_Worker] = field(default_factory=set, init=False)

    def _new(self) -> _Worker:
        worker = _Worker.start(self.store_path, self.max_rows)
        with self._lock:
            self._all.add(worker)
        return worker

    async def start(self) -> None:
        for lane, size in (("general", self.general), ("reserved", self.reserved)):
            queue: asyncio.Queue[_Worker] = asyncio.Queue()
            started = [asyncio.to_thread(self._new) for _ in range(size)]
            for worker in await asyncio.gather(*started):
                queue.put_nowait(worker)
            self._idle[lane] = queue

    def _cheap(self, query: str) -> bool:
        with self._lock:
            cost = self._cost.get(query)
        return cost is not None and cost <= CHEAP_SECONDS

    def _remember(self, query: str, seconds: float) -> None:
        with self._lock:
            self._cost[query] = seconds
            self._cost.move_to_end(query)
            while len(self._cost) > _KNOWN:
                self._cost.popitem(last=False)

    async def _worker(self, query: str) -> tuple[str, _Worker]:
        general = self._idle["general"]
        if self._cheap(query) and general.empty() and self.reserved:
            return "reserved", await self._idle["reserved"].get()
        return "general", await general.get()

    async def run(self, query: str, fmt: str) -> Answer:
        lane, worker = await self._worker(query)
        started = time.perf_counter()
        result = await asyncio.to_thread(worker.ask, query, fmt, self.timeout)
        if result is None:  # over the limit: replace the worker, whose query runs on
            self._remember(query, self.timeout)
            await asyncio.to_thread(self._replace, worker)
            worker = await asyncio.to_thread(self._new)
            self._idle[lane].put_nowait(worker)
            return failure(
                503,
                "query timed out",
                f"stopped after {self.timeout:g} s; narrow the query or add LIMIT",
            )
        self._remember(query, time.perf_counter() - started)
        if not worker.process.is_alive():
            await asyncio.to_thread(self._replace, worker)
            worker = await asyncio.to_thread(self._new)
        self._idle[lane].put_nowait(worker)
        return result

    def _replace(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            self._all.discard(worker)

    def close(self) -> None:
        with self._lock:
            workers, self._all = list(self._all), set()
        for worker in workers:
            worker.stop()
