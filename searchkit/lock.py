"""One writer at a time: a lock file in the index folder, as Lucene's write.lock.

The lock names the process that holds it. A second writer waits a little,
then fails with a message naming that process; a lock whose process is gone
(killed during a build) is taken over.
"""

from __future__ import annotations

import json
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from searchkit.errors import IndexLockedError, SearchkitError

LOCK_FILE = "WRITE.lock"
#: How long a second writer waits for the first before giving up.
WAIT_SECONDS = 5.0
_POLL_SECONDS = 0.1


@contextmanager
def write_lock(index_dir: Path, wait: float | None = None) -> Iterator[None]:
    """Holds the index's write lock for the ``with`` block, waiting up to ``wait`` seconds
    (:data:`WAIT_SECONDS` if None) for another writer to finish."""
    lock = index_dir / LOCK_FILE
    deadline = time.monotonic() + (WAIT_SECONDS if wait is None else wait)
    while not _try_create(lock):
        holder = _holder(lock)
        if holder is not None and not _alive(holder):
            _take_over(lock, holder)
            continue
        if time.monotonic() >= deadline:
            who = f"process {holder['pid']} on {holder['host']}" if holder else "another process"
            raise IndexLockedError(
                f"the index in {index_dir} is being written by {who} (lock {lock}); try again when it is done"
            )
        time.sleep(_POLL_SECONDS)
    try:
        yield
    finally:
        lock.unlink(missing_ok=True)


def _try_create(lock: Path) -> bool:
    try:
        descriptor = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    except FileExistsError:
        return False
    except OSError as error:  # a folder this process may not write in, a read-only disk
        raise SearchkitError(f"cannot write the index in {lock.parent}: {error.strerror or error}") from error
    with os.fdopen(descriptor, "w") as out:
        json.dump({"pid": os.getpid(), "host": socket.gethostname(), "since": time.time()}, out)
    return True


def _holder(lock: Path) -> dict[str, object] | None:
    """Who holds the lock, or None when it cannot be read (being written, or gone)."""
    try:
        holder = json.loads(lock.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return holder if isinstance(holder, dict) and "pid" in holder else None


def _alive(holder: dict[str, object]) -> bool:
    """Whether the holding process still runs (a lock from another host is assumed alive)."""
    if holder.get("host") != socket.gethostname():
        return True
    try:
        os.kill(int(str(holder["pid"])), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _take_over(lock: Path, holder: dict[str, object]) -> None:
    """Removes a dead process's lock, unless another process took it over first."""
    if _holder(lock) == holder:
        lock.unlink(missing_ok=True)
