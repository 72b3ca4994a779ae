"""Start a Streamlit server on a free loopback port, time it to healthy, read its memory, stop it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import psutil

HEALTH_POLL_S = 0.05  # the method: poll /_stcore/health every 50 ms


@dataclass
class Server:
    """A running ``streamlit run`` process (its own PID, not a shell's)."""

    proc: subprocess.Popen
    url: str
    cold_start_ms: float

    @property
    def pid(self) -> int:
        return self.proc.pid


def free_port() -> int:
    """A port nobody listens on right now (Streamlit exits 1 on a taken port, so start() retries)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as resp:
            return resp.status == 200
    except OSError:
        return False


def start(script: Path, cwd: Path, env: Mapping[str, str | None] | None = None, args: tuple[str, ...] = (),
          timeout_s: float = 90, attempts: int = 3) -> Server:
    """Run ``streamlit run script`` and return once ``GET /_stcore/health`` answers 200.

    ``env`` is added to this process's environment (a ``None`` value removes the variable).
    ``cold_start_ms`` is from just before the process is spawned to the first 200.
    """
    child_env = {**os.environ, **{k: v for k, v in (env or {}).items() if v is not None}}
    for name in [k for k, v in (env or {}).items() if v is None]:
        child_env.pop(name, None)
    for _ in range(attempts):
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        # No file watcher: the apps' files may be edited while a benchmark runs, and a "source
        # changed" rerun prompt (or the watcher's own CPU use) must not enter the figures.
        command = [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
                   "--server.address", "127.0.0.1", "--server.port", str(port),
                   "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none", *args]
        t0 = time.perf_counter()
        proc = subprocess.Popen(command, cwd=cwd, env=child_env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = t0 + timeout_s
        while time.perf_counter() < deadline and proc.poll() is None:
            if _healthy(url):
                elapsed = (time.perf_counter() - t0) * 1000
                if proc.poll() is None:  # else another process answered on a port taken meanwhile
                    return Server(proc, url, elapsed)
            time.sleep(HEALTH_POLL_S)
        exited = proc.poll()
        stop_process(proc)
        if exited != 1:
            break  # a time-out or a crash, not a port taken meanwhile: do not retry
    raise RuntimeError(f"{script} did not become healthy within {timeout_s:.0f} s")


def stop_process(proc: subprocess.Popen) -> None:
    """Stop one process we started, by its PID: SIGTERM, then SIGKILL after 10 s."""
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


def stop(server: Server) -> None:
    """Stop a server started by :func:`start`."""
    stop_process(server.proc)


def rss_mib(pid: int) -> float:
    """Resident memory of a process and all its children, in MiB."""
    root = psutil.Process(pid)
    if root.status() == psutil.STATUS_ZOMBIE:
        # An exited server reads as 0 MiB: that would pass every memory budget, so say it died.
        raise RuntimeError(f"the server (PID {pid}) has exited")
    total = 0
    for proc in [root, *root.children(recursive=True)]:
        try:
            total += proc.memory_info().rss
        except psutil.NoSuchProcess:
            continue  # a child that ended while we counted
    return total / 2**20
