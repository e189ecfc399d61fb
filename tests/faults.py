"""Task functions that fail on purpose, for the tests of the build's fault handling.

They are importable by worker processes (which get the test run's ``sys.path``), so a test
can swap one in for ``unkg.build.build_document``.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path
from typing import Any

from unkg.build import DocumentTask, build_document


def die_on_poison(task: DocumentTask) -> dict[str, Any]:
    """The worker is killed (as by the out-of-memory killer) on files named *poison*."""
    if "poison" in Path(task.path).name:
        os.kill(os.getpid(), signal.SIGKILL)
    return build_document(task)


def hang_on_poison(task: DocumentTask) -> dict[str, Any]:
    """The worker never finishes files named *poison* (a pathological document)."""
    if "poison" in Path(task.path).name:
        time.sleep(3600)
    return build_document(task)
