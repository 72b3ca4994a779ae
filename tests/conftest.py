"""Shared fixtures: a running dashboard server and a headless Debian Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Tests never touch the project's own database: every run gets a fresh one (the app and the
# server started below inherit this).
import tempfile  # noqa: E402

os.environ["LATGALE_DI_DB"] = str(Path(tempfile.mkdtemp(prefix="latgale-di-test-")) / "store.sqlite3")
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


LAYOUT = ("unit", "apptest", "browser", "ops")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Each test carries the marker of the folder it lives in, so `-m unit` runs what `tests/unit` holds."""
    for item in items:
        folder = item.path.parent.name
        if folder in LAYOUT:
            item.add_marker(getattr(pytest.mark, folder))


@pytest.fixture
def latvia(monkeypatch):
    """The Latvia extent for one test; svg_map's per-vintage caches are cleared around it."""
    from latgale_di.core import extent
    from latgale_di.render import svg_map

    svg_map.geometry.cache_clear()
    svg_map.outlines.cache_clear()
    monkeypatch.setenv(extent.ENV, "latvia")
    yield
    svg_map.geometry.cache_clear()
    svg_map.outlines.cache_clear()


@pytest.fixture(scope="session")
def small(tmp_path_factory) -> Path:
    """A synthetic dataset of one year of the current 43 Latvian units (the 10-year set is the benchmark's)."""
    from latgale_di.ingest import synthetic

    out = tmp_path_factory.mktemp("synthetic")
    synthetic.generate(out, start=2021, years=1)
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def app_url(browser) -> Iterator[str]:
    """Start the app as a user would (streamlit run app.py) on a free loopback port."""
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("the dashboard server did not become healthy within 60 s")
    # A fresh server's very first session pays the imports and cache fills, and before its first
    # script run Streamlit cannot resolve deep links (it shows "Page not found" once and then
    # runs the entry point). Tests measure and click a warm app, as a second visitor sees it.
    warm = browser.new_page()
    warm.goto(url)
    warm.get_by_role("heading").first.wait_for(timeout=120_000)
    warm.close()
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A real PostgreSQL server on loopback: $LATGALE_DI_TEST_DATABASE_URL if given, else one we
    start with scripts/postgres.sh (installing Debian's postgresql if needed) and stop after."""
    given = os.environ.get("LATGALE_DI_TEST_DATABASE_URL")
    if given:
        yield given
        return
    # Not under pytest's own temporary folder, which only root may enter: as root the server runs
    # as the 'postgres' user.
    folder = Path(tempfile.mkdtemp(prefix="latgale-di-pg-"))
    folder.chmod(0o755)
    started = subprocess.run(["bash", str(ROOT / "scripts" / "postgres.sh"), "start", str(folder / "pg")],
                             capture_output=True, text=True, timeout=600)
    if started.returncode != 0:
        pytest.fail(f"could not start a PostgreSQL server for the tests: {started.stderr[-2000:]}")
    yield started.stdout.strip().splitlines()[-1]
    subprocess.run(["bash", str(ROOT / "scripts" / "postgres.sh"), "stop", str(folder / "pg")], timeout=120)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server, request) -> str:
    """A fresh, empty database on the test server for one test."""
    import psycopg

    name = "t_" + "".join(c if c.isalnum() else "_" for c in request.node.name.lower())[:50] + f"_{os.getpid()}"
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    return postgres_server.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def location(request, tmp_path) -> str:
    """Every storage test runs on both databases: an SQLite file and a real PostgreSQL server."""
    if request.param == "postgres":
        return request.getfixturevalue("postgres_url")
    return str(tmp_path / "store.sqlite3")


@pytest.fixture
def store(location):
    """A store at ``location`` holding the shipped dataset as its first version."""
    from latgale_di.store import storage

    s = storage.Store(location)
    s.ensure_initial()
    return s


@pytest.fixture(scope="session")
def browser():
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.fail("browser tests need Debian's chromium on PATH (scripts/test.sh installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="lv-LV")
    pg = context.new_page()
    yield pg
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
