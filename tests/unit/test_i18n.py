"""Latvian number and date formats, and the interface catalogs: complete, matching, translated."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from latgale_di.core import formatting, i18n
from latgale_di.core.i18n import NBSP

ROOT = Path(__file__).resolve().parents[2]
# Keys the code names literally: t("key", …), i18n.t("key"…), message("key"…), and i18n.t(f"prefix_{…}")
# prefixes checked separately. A key may sit on the line after the call's opening parenthesis.
USED = re.compile(r"""\b(?:t|message)\(\s*["']([a-z][a-z0-9_]*)["']""")
PREFIXED = re.compile(r"""\b(?:t|message)\(\s*f["']([a-z][a-z0-9_]*_)\{""")
# Texts that are the same in both languages by nature: codes, names, symbols, numbers with units.
SAME_IN_BOTH = {"meeting_transition_clause", "formula", "src_licence"}  # "Formula", "Licence" are Latvian too
LATVIAN_LETTERS = re.compile(r"[āčēģīķļņšūž]", re.IGNORECASE)
PLACEHOLDER = re.compile(r"\{(\w+)(?:\|[^{}]*)?\}")


def catalog(lang: str):
    with i18n.catalog_path(lang).open("rb") as f:
        return read_po(f, locale=lang)


def used_keys() -> tuple[set[str], set[str]]:
    keys, prefixes = set(), set()
    for path in [ROOT / "app.py", *ROOT.glob("pages/*.py"), *ROOT.glob("components/*.py"),
                 *ROOT.glob("latgale_di/**/*.py")]:
        text = path.read_text(encoding="utf-8")
        found = set(USED.findall(text))
        keys |= {k for k in found if not k.endswith("_")}
        prefixes |= set(PREFIXED.findall(text)) | {k for k in found if k.endswith("_")}  # "assessment_" + code
    return keys, prefixes


def test_latvian_numbers_use_decimal_comma_and_space_thousands():
    assert formatting.format_number(12345.6, "lv") == f"12{NBSP}345,6"
    assert formatting.format_number(8596069, "lv") == f"8{NBSP}596{NBSP}069"
    assert formatting.format_number(41.791, "lv") == "41,8"


def test_english_numbers():
    assert formatting.format_number(12345.6, "en") == "12,345.6"


def test_missing_number_is_empty_not_zero():
    assert formatting.format_number(float("nan"), "lv") == ""
    assert formatting.format_number(None, "en") == ""


def test_dates():
    assert formatting.format_date("2026-11-22", "lv") == "22.11.2026."
    assert formatting.format_date("2026-11-22", "en") == "22 Nov 2026"


def test_both_catalogs_parse_and_hold_the_same_keys_none_fuzzy_or_empty():
    lv, en = catalog("lv"), catalog("en")
    for cat in (lv, en):
        entries = [m for m in cat if m.id]
        assert entries and not [m.id for m in entries if m.fuzzy or not m.string]
    assert [m.id for m in lv if m.id] == [m.id for m in en if m.id] == i18n.keys()


def test_every_key_the_code_uses_is_in_both_catalogs():
    keys, prefixes = used_keys()
    known = set(i18n.keys())
    assert len(keys) > 300
    assert sorted(k for k in keys if k not in known and not any(k.startswith(p) for p in prefixes)) == []
    assert all(any(k.startswith(p) for k in known) for p in prefixes), prefixes


def test_each_key_has_the_same_placeholders_in_both_languages():
    lv, en = {m.id: m.string for m in catalog("lv") if m.id}, {m.id: m.string for m in catalog("en") if m.id}
    assert {k: sorted(set(PLACEHOLDER.findall(lv[k]))) for k in lv} == \
        {k: sorted(set(PLACEHOLDER.findall(en[k]))) for k in en}


def test_the_languages_differ_wherever_there_are_words():
    same = [k for k in i18n.keys() if i18n.t_raw(k, "lv") == i18n.t_raw(k, "en")
            and re.search(r"[A-Za-zĀ-ž]{3,}", PLACEHOLDER.sub("", i18n.t_raw(k, "lv")))]
    assert sorted(set(same) - SAME_IN_BOTH) == []
    latvian = [k for k in i18n.keys() if LATVIAN_LETTERS.search(i18n.t_raw(k, "lv"))]
    assert len(latvian) > len(i18n.keys()) / 2  # Latvian words, not English left in the Latvian file


def test_an_unknown_key_is_an_error_not_a_silent_key_on_screen():
    with pytest.raises(KeyError):
        i18n.t("no_such_key", "lv")
    with pytest.raises(KeyError):
        i18n.message("no_such_key")


def test_latvian_counts_take_the_singular_after_one_but_not_eleven():
    def rows(n: int) -> str:
        return i18n.t("file_ok", "lv", rows=n, summary="").split(":")[1].split(".")[0].strip()

    assert [rows(n) for n in (1, 21, 101, 11, 2, 0, 111)] == [
        "1 rinda", "21 rinda", "101 rinda", "11 rindas", "2 rindas", "0 rindas", "111 rindas"]
    assert i18n.t("briefing_more_sites", "lv", n=1).startswith("Vēl 1 vieta ")
    assert i18n.t("briefing_more_indicators", "lv", n=3).startswith("Vēl 3 rādītāji ")


def test_english_counts_take_the_singular_only_after_one():
    assert "1 row." in i18n.t("file_ok", "en", rows=1, summary="")
    assert "21 rows." in i18n.t("file_ok", "en", rows=21, summary="")
    assert i18n.t("briefing_more_sites", "en", n=1).startswith("1 more site ")


def test_the_overview_sentence_agrees_with_its_count():
    assert "saņēmis 21 cilvēks" in i18n.t("sum_served", "lv", group="G", value="21", year=2019, count=21)
    assert "saņēmuši 11 cilvēki" in i18n.t("sum_served", "lv", group="G", value="11", year=2019, count=11)
    assert "1 person had" in i18n.t("sum_served", "en", group="G", value="1", year=2019, count=1)


def test_every_status_meaning_has_a_latvian_text():
    from latgale_di.core import vocab
    for term in vocab.STATUSES.values():
        assert term.describe("lv") and term.describe("lv") != term.describe("en"), term.code
