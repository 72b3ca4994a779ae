"""How much a benchmark run measures: the full run and the quick CI run."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Settings:
    """Counts and waits of one benchmark run (``python -m bench`` flags override them)."""

    runs: int = 5  # server starts per app; each gives a cold start, a first-map visit and its changes
    changes: int = 4  # selectbox changes per visit (alternating between two options)
    quiet_s: float = 1.0  # a page is idle after this long with no map paint and no network message
    map_timeout_s: float = 12.0  # a page with no map drawn by then is reported as "no map"
    timeout_s: float = 90.0  # any single wait (a first visitor pays the app's imports)
    all_pages: bool = True  # also the dashboard's secondary pages (the overview), not only the Map page
    memory_sessions: int = 5  # extra browser contexts opened for the per-session memory figure
    memory_apps: tuple[str, ...] = ("floor", "ours")  # apps whose per-session memory is measured
    sessions: int = 20  # concurrent sessions changing filters
    concurrency_apps: tuple[str, ...] = ("floor", "ours")  # the floor shows what the machine alone allows
    session_changes: int = 3  # changes per concurrent session
    rerun_runs: int = 5  # AppTest reruns per page
    quick: bool = False


FULL = Settings()
# The CI regression guard: about four minutes on 2 cores (see docs/performance.md). Six changes per
# visit: a repaint is a handful of frames, so a median of four was at the mercy of one frame more or less.
QUICK = replace(FULL, runs=2, changes=6, quiet_s=0.8, all_pages=False, memory_sessions=3, memory_apps=("ours",),
                sessions=4, concurrency_apps=("ours",), session_changes=2, rerun_runs=2, quick=True)
