"""The app run exactly as the Docker image runs it, against a real PostgreSQL that we then stop.

Same command (scripts/serve.sh), same environment (the Dockerfile's ENV lines and compose.yaml's
app environment), only the port and the database differ; two instances behind Caddy with
deploy/Caddyfile, as compose.yaml runs them. A real headless Chromium reads the pages, because
"the page still shows data" is what a reader sees.
"""

from __future__ import annotations

import hashlib
import hmac
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
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest

pytestmark = [pytest.mark.postgres, pytest.mark.browser]

ROOT = Path(__file__).resolve().parents[2]
CADDYFILE = ROOT / "deploy" / "Caddyfile"
DOWN_LV = "Datubāze pašlaik nav sasniedzama"


def image_environment() -> dict[str, str]:
    """The ENV lines of the Dockerfile (``ENV A=1 B=2`` and ``ENV A 1`` forms)."""
    dockerfile = ROOT / "Dockerfile"
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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def compose_app_environment() -> dict[str, str]:
    """The app instances' environment in compose.yaml, with its ${VAR:-default}s resolved to the
    defaults (DATABASE_URL is the test's own)."""
    import yaml

    spec = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    env = dict(spec["services"]["app1"]["environment"])
    env.pop("DATABASE_URL")
    return {key: re.sub(r"\$\{[A-Z_]+:-([^}]*)\}", r"\1", str(value)) for key, value in env.items()}


@contextmanager
def _serve(database_url: str) -> Iterator[tuple[str, Path, subprocess.Popen]]:
    """The app started by scripts/serve.sh with the image's and compose's environment, on a free
    loopback port; yields its URL, its stderr log and its process."""
    port = _free_port()
    folder = Path(tempfile.mkdtemp(prefix="latgale-di-served-"))
    env = {**os.environ, **image_environment(), **compose_app_environment(), "HOST": "127.0.0.1",
           "PORT": str(port), "PYTHON": sys.executable, "DATABASE_URL": database_url,
           "LATGALE_DI_DB_TIMEOUT": "2", "LATGALE_DI_SNAPSHOT_DIR": str(folder / "snapshots")}
    env.pop("LATGALE_DI_DB", None)
    log = folder / "stderr.log"
    with log.open("wb") as sink:
        proc = subprocess.Popen(["bash", str(ROOT / "scripts" / "serve.sh")], cwd=ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=sink)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{url}/_stcore/health", 200)
        yield url, log, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def served(database: Postgres) -> Iterator[tuple[str, Path]]:
    with _serve(database.url) as (url, log, _proc):
        yield url, log


def _open(page, url: str, heading: str) -> str:
    page.goto(url)
    page.get_by_role("heading", name=heading).first.wait_for(timeout=120_000)
    page.get_by_text("pakalpojumus saņēmuši").first.wait_for(timeout=60_000)  # the summary's figures
    page.wait_for_timeout(500)
    return page.locator("body").inner_text()


def test_the_first_visitor_of_a_fresh_server_can_open_a_deep_link(served, page):
    url, _log = served
    asked: list[str] = []
    page.on("request", lambda request: asked.append(urlparse(request.url).path))
    page.goto(f"{url}/karte")  # nobody has opened a page on this server yet
    page.locator("svg.di-map").first.wait_for(timeout=120_000)
    page.wait_for_timeout(1000)  # Streamlit's notice, if any, comes with the first script run
    assert page.get_by_role("heading", name="Karte").first.is_visible()
    assert "Page not found" not in page.locator("body").inner_text()
    # The page knew where the server is: no first try at /karte/_stcore/health and its wait.
    assert "/_stcore/health" in asked
    assert not [path for path in asked if path.startswith("/karte/")]


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


STICKY_COOKIE = "latgale_di_instance"


def _instance_cookie(secret: str, address: str) -> str:
    """The value Caddy's cookie policy gives the instance at ``address`` (HMAC-SHA256, hex)."""
    return hmac.new(secret.encode(), address.encode(), hashlib.sha256).hexdigest()


@contextmanager
def _proxy(upstreams: list[str], secret: str) -> Iterator[str]:
    """deploy/Caddyfile run by Debian's caddy on a free loopback port, plain HTTP (compose puts the
    host name in DI_SITE and Caddy adds HTTPS; the proxying is the same)."""
    caddy = shutil.which("caddy")
    if caddy is None:
        pytest.fail("the proxy test needs Debian's caddy on PATH (scripts/test.sh installs it)")
    port = _free_port()
    folder = Path(tempfile.mkdtemp(prefix="latgale-di-proxy-"))
    env = {**os.environ, "DI_SITE": f"http://127.0.0.1:{port}", "DI_UPSTREAMS": " ".join(upstreams),
           "DI_STICKY_SECRET": secret, "HOME": str(folder), "XDG_DATA_HOME": str(folder),
           "XDG_CONFIG_HOME": str(folder)}
    with (folder / "caddy.log").open("wb") as sink:
        proc = subprocess.Popen([caddy, "run", "--adapter", "caddyfile", "--config", str(CADDYFILE)],
                                env=env, stdout=sink, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{url}/_stcore/health", 200, seconds=30)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=15)
        shutil.rmtree(folder, ignore_errors=True)


def _sticky(context) -> str:
    return next(c["value"] for c in context.cookies() if c["name"] == STICKY_COOKIE)


def test_two_instances_behind_the_proxy_share_the_database_and_keep_each_browser(database, browser):
    secret = "test-sticky-secret"
    with _serve(database.url) as (one, _log_one, proc_one), _serve(database.url) as (two, _log_two, proc_two):
        instances = {urlparse(one).netloc: (one, proc_one), urlparse(two).netloc: (two, proc_two)}
        # One database: both instances serve the same data version.
        versions = {json.loads(_wait_for(f"{url}/healthz", 200))["version"] for url, _ in instances.values()}
        assert len(versions) == 1

        with _proxy(list(instances), secret) as proxy:
            context = browser.new_context(locale="lv-LV", viewport={"width": 1440, "height": 900})
            page = context.new_page()
            page.goto(f"{proxy}/karte")  # the websocket goes through the proxy too
            page.locator("svg.di-map").first.wait_for(timeout=120_000)
            by_cookie = {_instance_cookie(secret, address): address for address in instances}
            first = _sticky(context)
            assert first in by_cookie, "the proxy's cookie names one of the two instances"

            for _ in range(3):  # every reload goes back to the same instance
                _open(page, proxy, "Pārskats")
                assert _sticky(context) == first

            # That instance goes away: the browser's next visit is served by the other one.
            _url, proc = instances[by_cookie[first]]
            proc.terminate()
            proc.wait(timeout=15)
            body = _open(page, proxy, "Pārskats")
            assert "Traceback" not in body
            assert _sticky(context) == _instance_cookie(secret, next(a for a in instances if a != by_cookie[first]))
            context.close()
