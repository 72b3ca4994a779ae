"""Operations: JSON log lines without personal data, readiness, and the database-down fallback."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from latgale_di.core import logs
from latgale_di.ingest import importing
from latgale_di.store import readiness, snapshot, storage
from tests.markup import shown

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
AUTHOR = "Jānis Bērziņš"
EMAIL = "janis.berzins@example.lv"


def lines(captured: str) -> list[dict]:
    """Every stderr line must be one JSON object: that is the log format."""
    return [json.loads(line) for line in captured.splitlines() if line.strip()]


def closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"postgresql://latgale:secret-pw@127.0.0.1:{port}/latgale_di"


def test_each_event_is_one_json_line_with_time_level_and_event(capsys):
    logs.emit("sign_in", method="password", result="ok")
    (line,) = lines(capsys.readouterr().err)
    assert line["event"] == "sign_in" and line["level"] == "info" and line["result"] == "ok"
    assert line["ts"].endswith("+00:00")


def test_personal_fields_are_dropped_even_if_a_caller_passes_them(capsys):
    logs.emit("sign_in", user=AUTHOR, email=EMAIL, password="hunter2", result="failed")
    err = capsys.readouterr().err
    assert AUTHOR not in err and EMAIL not in err and "hunter2" not in err
    assert lines(err)[0]["result"] == "failed"


def test_an_error_line_names_type_and_place_but_not_the_message(capsys):
    try:
        raise ValueError(f"cell says {EMAIL}")
    except ValueError as exc:
        logs.error(exc, "page_run")
    (line,) = lines(capsys.readouterr().err)
    assert line["error_type"] == "ValueError" and line["level"] == "error"
    assert line["where"].startswith("tests/ops/test_operations.py:")
    assert EMAIL not in json.dumps(line)


def test_import_and_rollback_log_versions_hashes_and_outcome_but_no_author(tmp_path, capsys):
    store = storage.Store(tmp_path / "s.sqlite3")
    store.ensure_initial()
    path = next(p for p in sorted((ROOT / "tests" / "files" / "good").glob("*.csv"))
                if importing.read(p.name, p.read_bytes(), kind="observations").ok)
    reading = importing.read(path.name, path.read_bytes(), kind="observations")
    capsys.readouterr()
    version = store.import_rows(reading.table, author=AUTHOR, file_name=path.name, data=path.read_bytes())
    store.rollback(1, author=AUTHOR)
    err = capsys.readouterr().err
    imported, rolled = lines(err)
    assert imported["event"] == "import" and imported["result"] == "ok" and imported["version"] == version.id
    assert imported["rows"] == len(reading.table) and imported["file_bytes"] == len(path.read_bytes())
    assert len(imported["file_sha256"]) == 64 and imported["duration_ms"] >= 0
    assert rolled["event"] == "rollback" and rolled["from_version"] == version.id and rolled["to_version"] == 1
    assert AUTHOR not in err and "Bērziņš" not in err


def test_reading_a_rejected_file_logs_the_outcome_not_its_cells(capsys):
    importing.read("x.csv", f"year;atvk\n2024;{EMAIL}\n".encode(), kind="observations")
    (line,) = lines(capsys.readouterr().err)
    assert line["event"] == "import_read" and line["result"] == "rejected" and line["problems"] >= 1
    assert EMAIL not in json.dumps(line)


def test_a_failed_import_logs_failure_and_still_raises(tmp_path, capsys, monkeypatch):
    store = storage.Store(tmp_path / "s.sqlite3")
    store.ensure_initial()
    monkeypatch.setattr(store, "_insert", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("disk")))
    capsys.readouterr()
    with pytest.raises(RuntimeError):
        store.import_rows(store.observations().head(1).assign(value="999"), author=AUTHOR, file_name="f.csv",
                          data=b"x")
    (line,) = lines(capsys.readouterr().err)
    assert line["result"] == "failed" and line["error_type"] == "RuntimeError" and line["level"] == "error"


def test_readiness_is_ready_with_the_current_version(tmp_path):
    store = storage.Store(tmp_path / "s.sqlite3")
    store.ensure_initial()
    ready, answer = readiness.check(str(tmp_path / "s.sqlite3"))
    assert ready and answer == {**answer, "status": "ready", "database": "sqlite", "version": 1}


def test_readiness_says_unavailable_without_leaking_the_url():
    url = closed_port_url()
    ready, answer = readiness.check(url)
    assert not ready and answer["status"] == "unavailable" and answer["database"] == "postgresql"
    assert "secret-pw" not in json.dumps(answer) and "127.0.0.1" not in json.dumps(answer)


def test_snapshot_round_trip(tmp_path):
    store = storage.Store(tmp_path / "s.sqlite3")
    version = store.ensure_initial()
    rows = store.observations()
    path = tmp_path / "snap" / "x.json"
    snapshot.write(path, version, rows)
    got_version, got_rows = snapshot.read(path)
    assert got_version == version and got_rows.equals(rows)
    assert snapshot.read(tmp_path / "missing.json") is None


def sign_in_page() -> AppTest:
    """The Data page in English, with one maintainer account (anna / salaspils-42)."""
    from latgale_di.server import access

    at = AppTest.from_file(APP, default_timeout=90)
    at.secrets["maintainers"] = {"users": {"anna": access.hash_password("salaspils-42", "ab" * 16)}}
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("pages/dati.py").run()
    return at


def sign_in(at: AppTest, password: str) -> None:
    at.text_input[0].set_value("anna")
    at.text_input[1].set_value(password)
    at.button[0].click().run()


def test_sign_in_attempts_are_logged_with_outcome_only(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("LATGALE_DI_DB", str(tmp_path / "s.sqlite3"))
    at = sign_in_page()
    capsys.readouterr()
    for password in ("wrong-pw-9", "salaspils-42"):
        sign_in(at, password)
    err = capsys.readouterr().err
    signs = [json.loads(x) for x in err.splitlines() if '"sign_in"' in x]
    assert [(s["method"], s["result"]) for s in signs] == [("password", "failed"), ("password", "ok")]
    assert "anna" not in err and "wrong-pw-9" not in err and "salaspils-42" not in err


def run_app(page: str = "pages/overview.py", lang: str = "lv") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["lang"] = lang
    at.run()
    if page != "pages/overview.py":
        at.switch_page(page).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def warnings(at: AppTest) -> str:
    return "\n".join(w.value for w in at.warning)


def test_database_down_from_the_start_serves_the_shipped_data_and_says_so(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("DATABASE_URL", closed_port_url())
    monkeypatch.setenv("LATGALE_DI_SNAPSHOT_DIR", str(tmp_path / "snapshots"))
    at = run_app()
    assert "noklusējuma datu kopu tikai lasīšanai" in warnings(at)
    # The overview's headline cards still show their figures (from the shipped dataset).
    assert any('class="di-figure-value"' in m for m in shown(at)), "the page still shows its figures"
    err = capsys.readouterr().err
    down = [json.loads(x) for x in err.splitlines() if x.startswith("{") and '"database_unavailable"' in x]
    assert down and "secret-pw" not in err


def test_database_down_after_a_read_serves_the_snapshot_read_only(monkeypatch, tmp_path):
    db = tmp_path / "s.sqlite3"
    monkeypatch.setenv("LATGALE_DI_SNAPSHOT_DIR", str(tmp_path / "snapshots"))
    monkeypatch.setenv("LATGALE_DI_DB", str(db))
    first = run_app()
    assert not first.warning or "lasīšanai" not in warnings(first)
    # A new process (as after a restart) whose database is gone: it still has the snapshot.
    location = str(db)
    snap = snapshot.path_for(location)
    assert snap.exists()
    db.unlink()
    db.mkdir()  # a folder where the file was: SQLite cannot open it, as a lost volume
    from streamlit.runtime.caching import cache_resource

    cache_resource.clear()
    at = run_app("pages/dati.py", lang="en")
    assert "showing the last good data (version 1" in warnings(at)
    assert "not possible while the database cannot be reached" not in "\n".join(e.value for e in at.error)


def test_an_uncaught_page_exception_is_logged_by_the_script_error_hook(capsys):
    def page() -> None:
        raise KeyError(f"{AUTHOR}'s row")

    try:
        page()
    except KeyError as exc:
        assert logs.script_error(exc) is None  # None: Streamlit still shows its usual error box
    (line,) = lines(capsys.readouterr().err)
    assert (line["event"], line["context"], line["error_type"]) == ("error", "page_run", "KeyError")
    assert line["where"].endswith(":page") and AUTHOR not in json.dumps(line)


def test_streamlit_run_app_py_serves_through_the_apps_own_server_with_readiness_and_error_hook():
    # Streamlit picks the server by reading app.py: an st.App in it is served (routes, middlewares,
    # error hook); without one, `streamlit run app.py` would start a server with none of them.
    from streamlit.web.server.app_discovery import discover_asgi_app

    from components import hosting

    found = discover_asgi_app(ROOT / "app.py")
    assert found.is_asgi_app and found.import_string == "app:app"
    options = hosting.options()
    assert [route.path for route in options["routes"]] == ["/healthz"]
    assert options["on_script_error"] is logs.script_error
    assert {m.cls.__name__ for m in options["middleware"]} == {"ContentSecurityPolicy", "BackendBaseUrl"}
    assert "streamlit run app.py" in (ROOT / "scripts" / "serve.sh").read_text(encoding="utf-8")


def test_a_signed_in_maintainer_cannot_import_or_roll_back_while_the_database_is_down(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", closed_port_url())
    monkeypatch.setenv("LATGALE_DI_SNAPSHOT_DIR", str(tmp_path / "snapshots"))
    at = sign_in_page()
    sign_in(at, "salaspils-42")
    assert not at.exception
    assert any("Imports and rollbacks are not possible" in e.value for e in at.error)
    assert "default dataset shipped with the app, read-only" in warnings(at)
    assert not at.get("file_uploader") and not [b for b in at.button if "Roll back" in b.label]
