"""The app run exactly as the Docker image runs it, against a real PostgreSQL that we then stop.

Same command (scripts/serve.sh), same environment (the Dockerfile's ENV lines when there is a
Dockerfile, else the shared defaults below), only the port and the database differ. A real
headless Chromium reads the pages, because "the page still shows data" is what a reader sees.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

pytestmark = [pytest.mark.postgres, pytest.mark.browser]

ROOT = Path(__file__).resolve().parent.parent
# What the image sets when there is no Dockerfile to read it from (keep in step with it).
IMAGE_DEFAULTS = {"HOST": "0.0.0.0", "PORT": "8501", "PYTHONUNBUFFERED": "1"}
DOWN_LV = "Datubāze pašlaik nav sasniedzama"


def image_environment() -> dict[str, str]:
    """The ENV lines of the Dockerfile (``ENV A=1 B=2`` and ``ENV A 1`` forms), else the defaults."""
    dockerfile = ROOT / "Dockerfile"
    if not dockerfile.exists():
        return dict(IMAGE_DEFAULTS)
    env: dict[str, str] = {}
    text = re.sub(r"\\\n", " ", dockerfile.read_text(encoding="utf-8"))
    for line in text.splitlines():
        match = re.match(r"\s*ENV\s+(.*)", line, re.IGNORECASE)
        if not match:
            continue
        body = match.group(1).strip()
        if "=" not in body.split()[0]:
            key, _, value = body.partition(" ")
            env[key] = value.strip().strip('"')
            continue
        for key, value in re.findall(r'([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S*)', body):
            env[key] = value.strip('"')
    return env


def _as_owner(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


def _bindir() -> Path:
    return sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: [int(x) for x in p.parent.name.split(".")
                                                                               if x.isdigit()])[-1]


class Postgres:
    """A throwaway cluster (scripts/postgres.sh) that the test can stop and start again."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        started = subprocess.run(["bash", str(ROOT / "scripts" / "postgres.sh"), "start", str(folder / "pg")],
                                 capture_output=True, text=True, timeout=600)
        if started.returncode != 0:
            pytest.fail(f"could not start PostgreSQL: {started.stderr[-2000:]}")
        self.url = started.stdout.strip().splitlines()[-1]

    def stop(self) -> None:
        subprocess.run(["bash", str(ROOT / "scripts" / "postgres.sh"), "stop", str(self.folder / "pg")],
                       check=True, timeout=120)

    def start(self) -> None:
        pg = self.folder / "pg"
        port = urlparse(self.url).port
        subprocess.run(_as_owner([str(_bindir() / "pg_ctl"), "-D", str(pg / "data"), "-l", str(pg / "server.log"),
                                  "-w", "-t", "60", "-o",
                                  f"-c listen_addresses=127.0.0.1 -p {port} -k {pg} -c fsync=off", "start"]),
                       check=True, capture_output=True, timeout=120)


@pytest.fixture(scope="module")
def database() -> Iterator[Postgres]:
    folder = Path(tempfile.mkdtemp(prefix="latgale-di-hosting-"))
    folder.chmod(0o755)
    server = Postgres(folder)
    yield server
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=15) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


def _wait_for(url: str, status: int, seconds: float = 90) -> str:
    deadline = time.monotonic() + seconds
    last: tuple[int, str] | None = None
    while time.monotonic() < deadline:
        try:
            last = _get(url)
            if last[0] == status:
                return last[1]
        except OSError:
            pass
        time.sleep(0.5)
    pytest.fail(f"{url} did not answer {status} within {seconds} s (last: {last})")


@pytest.fixture(scope="module")
def served(database: Postgres) -> Iterator[tuple[str, Path]]:
    """The app started by scripts/serve.sh with the image's environment, on a free loopback port."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    folder = Path(tempfile.mkdtemp(prefix="latgale-di-served-"))
    env = {**os.environ, **image_environment(), "HOST": "127.0.0.1", "PORT": str(port),
           "PYTHON": sys.executable, "DATABASE_URL": database.url, "LATGALE_DI_DB_TIMEOUT": "2",
           "LATGALE_DI_SNAPSHOT_DIR": str(folder / "snapshots")}
    env.pop("LATGALE_DI_DB", None)
    log = folder / "stderr.log"
    with log.open("wb") as sink:
        proc = subprocess.Popen(["bash", str(ROOT / "scripts" / "serve.sh")], cwd=ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=sink)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{url}/_stcore/health", 200)
        yield url, log
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(folder, ignore_errors=True)


def _open(page, url: str, heading: str) -> str:
    page.goto(url)
    page.get_by_role("heading", name=heading).first.wait_for(timeout=120_000)
    page.get_by_text("pakalpojumus saņēmuši").first.wait_for(timeout=60_000)  # the summary's figures
    page.wait_for_timeout(500)
    return page.locator("body").inner_text()


def test_readiness_and_read_only_fallback_as_the_image_runs(served, database, page):
    url, log = served
    ready = json.loads(_wait_for(f"{url}/healthz", 200))
    assert ready["status"] == "ready" and ready["database"] == "postgresql"

    body = _open(page, url, "Pārskats")
    assert DOWN_LV not in body
    # The first page run seeded the database: readiness reports the version it would serve.
    assert json.loads(_wait_for(f"{url}/healthz", 200))["version"] == 1

    database.stop()
    down = json.loads(_wait_for(f"{url}/healthz", 503, seconds=30))
    assert down["status"] == "unavailable" and "127.0.0.1" not in json.dumps(down)
    body = _open(page, url, "Pārskats")
    assert DOWN_LV in body and "versija 1" in body  # the last good data, and it says so
    assert "Traceback" not in body and "OperationalError" not in body
    data_page = _open_data(page, url)
    assert DOWN_LV in data_page

    database.start()
    _wait_for(f"{url}/healthz", 200, seconds=60)
    # Recovered by itself, no restart: a run within RETRY_AFTER_S of the last failed attempt may
    # still use the fallback, any later run reads the database again.
    time.sleep(2.5)
    body = _open(page, url, "Pārskats")
    assert DOWN_LV not in body

    events = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines() if line.startswith("{")]
    names = [e["event"] for e in events]
    assert "database_unavailable" in names and "database_recovered" in names
    assert database.url not in log.read_text(encoding="utf-8")


def _open_data(page, url: str) -> str:
    page.goto(f"{url}/dati")
    page.get_by_role("heading", name="Datu pārvaldība").first.wait_for(timeout=120_000)
    page.get_by_text(DOWN_LV).first.wait_for(timeout=60_000)
    return page.locator("body").inner_text()
