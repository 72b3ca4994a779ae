"""Server load: N sessions change the Map page's year at once, with no browser on the machine.

The browser concurrency figure (``bench/concurrency.py``) runs 20 Chromium pages on the same
2 cores as the server, so it measures mostly the browsers (the bare floor app reaches seconds
there too). This measures what one server does for N people at once: N websocket clients that
speak Streamlit's own protocol (``/_stcore/stream``, protobuf ``BackMsg``/``ForwardMsg``, as
the browser does) open the Map page, then all change the sidebar year at the same moment, and
each change is timed from sending it to the run's ``script_finished`` (every element of the
new view received). Run:

    .venv/bin/python -m bench.server_load --sessions 20 --changes 3

It prints the figures as one JSON line: p50/p95/max of the round trip over all changes (a run
that fails raises), p95 of the first page loads, and the largest server RSS after all sessions
have loaded the page. With ``--instances 2`` the sessions are spread over two server processes
sharing one database, as ``compose.yaml`` runs the app behind Caddy (one Python process uses one
core at a time). ``python -m bench`` runs it too (one process) for the concurrency budget.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench import server
from bench.apps import OURS, ROOT, app_env
from bench.stats import median, percentile

ENTRY = ROOT / "app.py"  # what every host runs
YEARS = ("2019", "2023")  # the two years the browser benchmark alternates between
YEAR_LABEL = "Gads"


class Session:
    """One visitor's websocket: runs the page and answers what the server sends."""

    def __init__(self, ws: websockets.ClientConnection, page: str) -> None:
        self.ws, self.page = ws, page
        self.year_id: str | None = None

    async def run(self, year: str | None = None) -> float:
        """Ask for a run (with the year changed to ``year``) and return ms until it finished."""
        msg = BackMsg()
        msg.rerun_script.page_name = self.page
        msg.rerun_script.query_string = ""
        if year is not None:
            if self.year_id is None:
                raise RuntimeError("the page drew no year selectbox")
            state = msg.rerun_script.widget_states.widgets.add()
            state.id, state.string_value = self.year_id, year
        start = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        while True:
            forward = ForwardMsg()
            forward.ParseFromString(await self.ws.recv())
            kind = forward.WhichOneof("type")
            if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                element = forward.delta.new_element
                if element.WhichOneof("type") == "selectbox" and element.selectbox.label == YEAR_LABEL:
                    self.year_id = element.selectbox.id
            elif kind == "script_finished":
                status = forward.script_finished
                if status not in (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY):
                    raise RuntimeError(f"the run ended with status {status}")
                return (time.perf_counter() - start) * 1000


async def _connect(url: str) -> websockets.ClientConnection:
    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    return await websockets.connect(ws_url, subprotocols=[websockets.Subprotocol("streamlit")],
                                    origin=websockets.Origin(url), max_size=None)


async def measure(urls: list[str], sessions: int, changes: int, page: str = "karte") -> dict:
    """``sessions`` clients load ``page``, spread over the servers at ``urls`` as a sticky load
    balancer would; then ``changes`` times, all change the year at once."""
    sockets = await asyncio.gather(*(_connect(urls[i % len(urls)]) for i in range(sessions)))
    clients = [Session(ws, page) for ws in sockets]
    try:
        load_ms = await asyncio.gather(*(c.run() for c in clients))
        change_ms: list[float] = []
        for i in range(changes):
            year = YEARS[(i + 1) % 2]
            change_ms += await asyncio.gather(*(c.run(year) for c in clients))
        return {"load_ms": list(load_ms), "change_ms": change_ms}
    finally:
        await asyncio.gather(*(ws.close() for ws in sockets))


def figures(result: dict, sessions: int) -> dict:
    """p50/p95/max of the change round trips (ms), p95 of the page loads, RSS (MiB)."""
    ms = result["change_ms"]

    def rounded(value: float | None) -> float | None:
        return None if value is None else round(value, 1)

    return {"sessions": sessions, "changes": len(ms), "change_p50_ms": rounded(median(ms)),
            "change_p95_ms": rounded(percentile(ms, 95)), "change_max_ms": rounded(max(ms, default=None)),
            "load_p95_ms": rounded(percentile(result["load_ms"], 95)), "rss_mib": result.get("rss_mib")}


async def load(db_dir: Path, sessions: int, changes: int, instances: int = 1) -> dict:
    """Start ``instances`` servers of ours on one store in ``db_dir``, warm each with a first
    visitor, measure ``sessions`` clients changing the year ``changes`` times; the figures."""
    servers = []
    try:
        for _ in range(instances):  # one store for all, as behind the proxy in production
            servers.append(server.start(ENTRY, ROOT, app_env(OURS, db_dir)))
        urls = [srv.url for srv in servers]
        for url in urls:  # a first visitor pays the imports and fills the caches
            await measure([url], 1, 1)
        result = await measure(urls, sessions, changes)
        result["rss_mib"] = round(max(server.rss_mib(srv.pid) for srv in servers), 1)
    finally:
        for srv in servers:
            server.stop(srv)
    return {**figures(result, sessions), "instances": instances}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--changes", type=int, default=3)
    parser.add_argument("--instances", type=int, default=1,
                        help="server processes sharing one database, as compose.yaml runs them (default 1)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        print(json.dumps(asyncio.run(load(Path(tmp), args.sessions, args.changes, args.instances))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
