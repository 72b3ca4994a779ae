"""Script rerun time per page with ``streamlit.testing.v1.AppTest`` (no browser, no server).

Run as ``python -m bench.apptest SCRIPT --runs N [--entry]`` in a fresh interpreter per app (so
one app's imports and caches do not help another); it prints one JSON object
``{page: [ms, …]}``. With ``--entry`` the script is an ``st.navigation`` entry point and every
page it lists is measured after ``at.switch_page``; otherwise the script is one page, ``main``.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path

from bench.apps import entry_pages


def rerun_times(script: Path, runs: int, entry: bool) -> dict[str, list[float]]:
    """Milliseconds of ``runs`` reruns of each page, after one first run that fills the caches."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(script), default_timeout=120)
    at.run()
    pages = entry_pages(script) if entry else [None]
    times: dict[str, list[float]] = {}
    for page in pages:
        name = Path(page).stem if page else "main"
        if page:
            at.switch_page(page)
        at.run()  # the first run of the page is not a rerun: it pays imports and cache fills
        samples = []
        for _ in range(runs):
            t0 = time.perf_counter()
            at.run()
            samples.append((time.perf_counter() - t0) * 1000)
        times[name] = samples if not at.exception else []  # a page that raised measured nothing
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.apptest", description=__doc__.splitlines()[0])
    parser.add_argument("script", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--entry", action="store_true", help="measure every page an st.navigation entry lists")
    args = parser.parse_args(argv)
    # AppTest logs "missing ScriptRunContext" warnings from module-level code; they are noise here.
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    print(json.dumps(rerun_times(args.script.resolve(), args.runs, args.entry)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
