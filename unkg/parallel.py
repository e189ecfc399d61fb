"""Running one function over many inputs: in worker processes here, or on a Dask cluster.

The local pool gives each worker process one task at a time and watches it. A worker that
dies (a segfault, the out-of-memory killer, ``kill -9``) or runs past the time limit costs
only its current task, which is reported as an error; a fresh worker takes its place and
the run goes on. Results come back in whatever order they finish; the caller orders them.

Workers start from a fork server that has imported unkg once, so a worker costs a fork, not
an interpreter start and an import, and the parent's threads (a progress bar, a test
runner's) are never forked.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["TaskError", "default_jobs", "run_dask", "run_local"]

Done = Callable[[int, Any, "TaskError | None"], None]


@dataclass(frozen=True, slots=True)
class TaskError:
    """Why a task gave no result; ``message`` is one line for the run's report."""

    message: str


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _worker(
    connection: multiprocessing.connection.Connection, function: Callable[[Any], Any]
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while True:
        try:
            message = connection.recv()
        except EOFError:
            return
        if message is None:
            return
        index, payload = message
        reply: tuple[Any, Any, str | None]
        try:
            reply = (index, function(payload), None)
        except Exception as error:  # one bad document must not end the worker
            reply = (index, None, f"{type(error).__name__}: {error}")
        connection.send(reply)


class _Slot:
    """One worker process and the task it is doing."""

    def __init__(self, context: Any, function: Callable[[Any], Any]) -> None:
        parent, child = context.Pipe()
        self.process = context.Process(target=_worker, args=(child, function), daemon=True)
        self.process.start()
        child.close()
        self.connection = parent
        self.task: int | None = None
        self.started = 0.0

    def give(self, index: int, payload: Any) -> None:
        self.task, self.started = index, time.monotonic()
        self.connection.send((index, payload))

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            with contextlib.suppress(OSError):
                self.connection.send(None)
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.connection.close()


def _describe_exit(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"killed by signal {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exited with status {code}"


def _context() -> Any:
    if sys.platform.startswith("linux"):
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["unkg.pipeline"])
        return context
    return multiprocessing.get_context("spawn")


def run_local(
    function: Callable[[Any], Any],
    payloads: Sequence[Any],
    jobs: int,
    done: Done,
    timeout: float | None = None,
) -> None:
    """Run ``function(payload)`` for every payload in ``jobs`` worker processes.

    ``done(index, result, error)`` is called in this process as each task ends. With
    ``jobs == 0`` the tasks run here, one after the other (no isolation; for debugging).
    """
    if jobs == 0:
        for index, payload in enumerate(payloads):
            try:
                done(index, function(payload), None)
            except Exception as error:
                done(index, None, TaskError(f"{type(error).__name__}: {error}"))
        return
    context = _context()
    pending = list(range(len(payloads)))[::-1]
    slots = [_Slot(context, function) for _ in range(min(jobs, len(payloads)))]
    try:
        while True:
            for position, slot in enumerate(slots):
                if slot.task is None and pending:
                    if not slot.process.is_alive():  # died between tasks: costs nothing
                        slot.stop(kill=True)
                        slot = slots[position] = _Slot(context, function)
                    index = pending.pop()
                    try:
                        slot.give(index, payloads[index])
                    except OSError:  # died just now; the task goes back in the queue
                        pending.append(index)
                        slot.stop(kill=True)
                        slots[position] = _Slot(context, function)
            busy = [s for s in slots if s.task is not None]
            if not busy:
                break
            wait = None
            if timeout is not None:
                wait = max(0.0, min(s.started + timeout for s in busy) - time.monotonic())
            ready = multiprocessing.connection.wait(
                [s.connection for s in busy] + [s.process.sentinel for s in busy], timeout=wait
            )
            for position, slot in enumerate(slots):
                if slot.task is None:
                    continue
                if slot.connection in ready:
                    try:
                        index, result, failure = slot.connection.recv()
                    except (EOFError, OSError):
                        pass  # it died while answering: handled below as a dead worker
                    else:
                        slot.task = None
                        done(index, result, TaskError(failure) if failure else None)
                        continue
                timed_out = timeout is not None and time.monotonic() - slot.started >= timeout
                if slot.process.sentinel in ready or not slot.process.is_alive() or timed_out:
                    index = slot.task
                    if timed_out and slot.process.is_alive():
                        reason = f"gave up after {timeout:g} s (the document takes too long)"
                    else:
                        slot.process.join(timeout=5)
                        reason = f"the worker process {_describe_exit(slot.process.exitcode)}"
                    slot.stop(kill=True)
                    slots[position] = _Slot(context, function)
                    done(index, None, TaskError(reason))
    finally:
        for slot in slots:
            slot.stop(kill=slot.task is not None)


def run_dask(
    function: Callable[[Any], Any],
    payloads: Sequence[Any],
    done: Done,
    scheduler: str | None = None,
    jobs: int | None = None,
) -> None:
    """Run the same tasks on Dask: a cluster's scheduler if given, else a LocalCluster.

    Workers must see the input files and the build's cache folder at the same paths (shared
    storage): they read the documents and write each document's graph there themselves, and
    send back only a small summary.
    """
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise ValueError(
            "the Dask executor needs dask.distributed: pip install 'unkg[dask]'"
        ) from None
    cluster = None
    if scheduler:
        client = Client(scheduler, timeout="30s")
    else:
        cluster = LocalCluster(
            n_workers=jobs or default_jobs(),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        )
        client = Client(cluster)
    try:
        futures = client.map(function, list(payloads), pure=False)
        position = {future.key: index for index, future in enumerate(futures)}
        for future in as_completed(futures):
            index = position[future.key]
            try:
                result = future.result()
            except Exception as error:  # KilledWorker, or the task's own exception
                done(index, None, TaskError(f"{type(error).__name__}: {error}"))
            else:
                done(index, result, None)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
