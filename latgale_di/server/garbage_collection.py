"""Keep the server's long-lived objects out of Python's full garbage-collection passes.

CPython's cyclic collector now and then makes a full pass over every container object that has
survived two collections. In the dashboard's server those are mostly objects that live as long as
the process: imported modules, the loaded dataset, the boundaries, the caches. A full pass over
them holds the interpreter lock, so the server sends nothing to the browser meanwhile, and one
came in almost every filter change (the figures are in docs/performance.md, "Garbage collection").

``gc.freeze()`` moves every live object into a permanent generation that no pass visits. After
that, a full pass visits only what has lived long since the last freeze. Frozen objects are still
freed by reference counting when the last reference goes. Only garbage that is a reference cycle
among frozen objects stays until the process ends. That is why the freeze happens rarely: when a
run has left many new long-lived objects behind (the first run's imports and data, a new data
version, a page that imports a library), not after every run.
"""

from __future__ import annotations

import gc
import threading
import time

from latgale_di.core import logs

# Unfrozen objects in the oldest generation above which a run ends with a freeze: far more than a
# filter change leaves behind, so a freeze is rare (docs/performance.md, "Garbage collection").
FREEZE_ABOVE = 20_000

_lock = threading.Lock()


def unfrozen_old_objects() -> int:
    """Objects in the oldest generation that a full pass would visit (frozen ones excluded)."""
    return len(gc.get_objects(generation=2))


def settle(limit: int = FREEZE_ABOVE) -> bool:
    """Call at the end of a script run. When more than ``limit`` long-lived objects wait in the
    oldest generation, collect once and freeze the survivors, so that
    later passes skip them. Returns whether it froze."""
    if unfrozen_old_objects() <= limit:
        return False
    with _lock:  # two sessions' runs ending at once freeze once
        waiting = unfrozen_old_objects()
        if waiting <= limit:
            return False
        started = time.perf_counter()
        gc.collect()
        gc.freeze()
        logs.emit("gc_freeze", objects=waiting, frozen=gc.get_freeze_count(),
                  ms=round((time.perf_counter() - started) * 1000, 1))
    return True
