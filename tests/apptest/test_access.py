"""Sign-in for maintainers and the data management page: viewing public, changing signed-in."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from latgale_di.server import access
from latgale_di.store import storage

APP = str(Path(__file__).resolve().parents[2] / "app.py")
HASH = access.hash_password("salaspils-42", "ab" * 16)


def test_password_hash_round_trip_and_refusals():
    assert access.verify("salaspils-42", HASH)
    assert not access.verify("salaspils-43", HASH)
    assert not access.verify("salaspils-42", "md5$1$x$y") and not access.verify("x", "garbage")
    assert access.check_user({"anna": HASH}, " anna ", "salaspils-42")
    assert not access.check_user({"anna": HASH}, "juris", "salaspils-42")


def data_page(tmp_path, monkeypatch, with_users: bool, lang: str = "en") -> AppTest:
    monkeypatch.setenv("LATGALE_DI_DB", str(tmp_path / "store.sqlite3"))
    at = AppTest.from_file(APP, default_timeout=60)
    if with_users:
        at.secrets["maintainers"] = {"users": {"anna": HASH}}
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("pages/dati.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_viewing_versions_is_public_but_nothing_can_be_changed(tmp_path, monkeypatch):
    at = data_page(tmp_path, monkeypatch, with_users=False)
    assert "Sign-in is not set up" in at.info[0].value
    versions = at.dataframe[0].value
    assert versions["Action"].tolist() == ["initial"] and versions["Changes"].tolist() == ["+143 ~0 -0"]
    assert not [b for b in at.button if "Roll back" in b.label]
    assert "Download the version's file" not in download_labels(at), "kept files (with small counts): maintainers only"


def test_wrong_password_is_refused_and_right_one_signs_in(tmp_path, monkeypatch):
    at = data_page(tmp_path, monkeypatch, with_users=True)
    at.text_input[0].set_value("anna")
    at.text_input[1].set_value("wrong")
    at.button[0].click().run()
    assert [e.value for e in at.error] == ["Wrong user name or password."]
    at.text_input[0].set_value("anna")
    at.text_input[1].set_value("salaspils-42")
    at.button[0].click().run()
    assert any("Signed in as anna" in c.value for c in at.caption)


def test_signed_in_maintainer_rolls_back_as_a_new_version(tmp_path, monkeypatch):
    store = storage.Store(tmp_path / "store.sqlite3")
    store.ensure_initial()
    rows = store.observations().head(3).assign(value="1")
    store.import_rows(rows, author="juris", file_name="x.csv", data=b"x")
    at = data_page(tmp_path, monkeypatch, with_users=True)
    at.text_input[0].set_value("anna")
    at.text_input[1].set_value("salaspils-42")
    at.button[0].click().run()
    assert "Download the version's file" in download_labels(at)
    at.selectbox(key="data_version_choice").set_value(1).run()
    next(b for b in at.button if "Roll back" in b.label).click().run()
    assert [v.action for v in store.versions()] == ["initial", "import", "rollback"]
    assert store.versions()[-1].author == "anna"
    assert store.observations().equals(store.observations(1))


@pytest.mark.postgres
def test_the_app_reads_and_writes_postgresql_when_database_url_is_set(postgres_url, monkeypatch):
    # Two instances starting at once against one empty database: one initial version, no error.
    stores = [storage.Store(postgres_url) for _ in range(2)]
    threads = [threading.Thread(target=s.ensure_initial) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [v.action for v in stores[0].versions()] == ["initial"]
    rows = stores[0].observations().head(2).assign(value="7")
    stores[1].import_rows(rows, author="juris", file_name="seven.csv", data=b"seven")
    monkeypatch.setenv("DATABASE_URL", postgres_url)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("pages/dati.py").run()
    assert not at.exception, [e.message for e in at.exception]
    versions = at.dataframe[0].value
    assert versions["Action"].tolist() == ["import", "initial"] and versions["Author"].tolist() == ["juris", "system"]
    assert versions["File"].tolist()[0] == "seven.csv"


def signed_in_data_page(tmp_path, monkeypatch, lang: str = "en") -> AppTest:
    at = data_page(tmp_path, monkeypatch, with_users=True, lang=lang)
    at.text_input[0].set_value("anna")
    at.text_input[1].set_value("salaspils-42")
    at.button[0].click().run()
    assert at.file_uploader, "a signed-in maintainer gets the upload control"
    return at


def download_labels(at: AppTest) -> list[str]:
    return [b.proto.label for b in at.get("download_button")]


BAD = Path(__file__).resolve().parents[1] / "files" / "bad"
EXPECTED = json.loads((BAD / "expected.json").read_text(encoding="utf-8"))
REJECTED = "The file was rejected, nothing was written. Fix it and load it again:"


def test_every_bad_file_is_refused_on_the_upload_page_with_its_messages_and_nothing_written(tmp_path, monkeypatch):
    at = signed_in_data_page(tmp_path, monkeypatch)
    store = storage.Store(tmp_path / "store.sqlite3")
    before = store.versions()
    for name, needles in sorted(EXPECTED.items()):
        at.file_uploader[0].set_value((name, (BAD / name).read_bytes(), "text/csv")).run()
        assert not at.exception, [e.message for e in at.exception]
        assert [e.value for e in at.error] == [REJECTED], name
        messages = at.code[-1].value  # the first code block is the share link
        for needle in needles:
            assert needle in messages, f"{name}: {needle!r} not in {messages!r}"
        assert not [b for b in at.button if b.label == "Import as a new version"], name
    assert store.versions() == before


def test_a_good_upload_is_previewed_then_imported_as_a_new_version(tmp_path, monkeypatch):
    at = signed_in_data_page(tmp_path, monkeypatch)
    good = Path(__file__).resolve().parents[1] / "files" / "good" / "latvian_headers_cp1257_semicolon.csv"
    at.file_uploader[0].set_value((good.name, good.read_bytes(), "text/csv")).run()
    assert not at.error and any("+" in s.value for s in at.success)
    next(b for b in at.button if b.label == "Import as a new version").click().run()
    versions = storage.Store(tmp_path / "store.sqlite3").versions()
    assert [v.action for v in versions] == ["initial", "import"] and versions[-1].author == "anna"
    assert versions[-1].file_name == good.name


def test_after_an_import_the_uploader_is_empty_and_the_same_file_is_not_imported_twice(
        tmp_path, monkeypatch):
    at = signed_in_data_page(tmp_path, monkeypatch)
    good = Path(__file__).resolve().parents[1] / "files" / "good" / "latvian_headers_cp1257_semicolon.csv"
    at.file_uploader[0].set_value((good.name, good.read_bytes(), "text/csv")).run()
    next(b for b in at.button if b.label == "Import as a new version").click().run()
    assert not at.exception
    assert at.file_uploader[0].value is None, "the imported file is no longer in the uploader"
    at.file_uploader[0].set_value((good.name, good.read_bytes(), "text/csv")).run()
    assert any("nothing to import, no new version is made" in i.value for i in at.info)
    assert not [b for b in at.button if b.label == "Import as a new version"]
    assert [v.action for v in storage.Store(tmp_path / "store.sqlite3").versions()] == ["initial", "import"]


def test_after_a_rollback_the_picker_shows_the_new_version(tmp_path, monkeypatch):
    store = storage.Store(tmp_path / "store.sqlite3")
    store.ensure_initial()
    store.import_rows(store.observations().head(3).assign(value="1"), author="juris", file_name="x.csv", data=b"x")
    at = signed_in_data_page(tmp_path, monkeypatch)
    at.selectbox(key="data_version_choice").set_value(1).run()
    next(b for b in at.button if "Roll back" in b.label).click().run()
    assert not at.exception
    picker = at.selectbox(key="data_version_choice")
    assert picker.value == store.versions()[-1].id == 3
    assert picker.proto.set_value and picker.proto.raw_value == "3", "the browser is told to show version 3"


def test_after_an_import_the_picker_shows_the_new_version(tmp_path, monkeypatch):
    at = signed_in_data_page(tmp_path, monkeypatch)
    at.selectbox(key="data_version_choice").set_value(1).run()  # a maintainer looked at version 1
    good = Path(__file__).resolve().parents[1] / "files" / "good" / "latvian_headers_cp1257_semicolon.csv"
    at.file_uploader[0].set_value((good.name, good.read_bytes(), "text/csv")).run()
    next(b for b in at.button if b.label == "Import as a new version").click().run()
    assert not at.exception
    picker = at.selectbox(key="data_version_choice")
    assert picker.value == 2 and picker.proto.set_value and picker.proto.raw_value == "2"
    at.run()  # and the next run (the next pick) agrees with what the browser shows
    assert at.selectbox(key="data_version_choice").value == 2


def test_in_latvian_the_data_page_says_what_is_wrong_and_what_happened_in_latvian(tmp_path, monkeypatch):
    at = signed_in_data_page(tmp_path, monkeypatch, lang="lv")
    assert any("CSV vai XLSX, līdz 10 MB" in c.value for c in at.caption)  # Streamlit's drop zone is English only
    assert at.dataframe[0].value["Darbība"].tolist() == ["sākotnējā"]
    at.file_uploader[0].set_value(("year_out_of_range.csv", (BAD / "year_out_of_range.csv").read_bytes(),
                                   "text/csv")).run()
    messages = at.code[-1].value
    assert ("kļūda: year_out_of_range.csv, 2. rinda, kolonna 'year': atrasts '1824'; "
            "gaidīts: gads no 2000 līdz 2035") in messages
    assert "expected" not in messages and "found" not in messages
    at.file_uploader[0].set_value(("truncated.csv", (BAD / "truncated.csv").read_bytes(), "text/csv")).run()
    assert "šūnas kā galvenē" in at.code[-1].value or "šūna kā galvenē" in at.code[-1].value
