"""Latvian number and date formats, and complete translations."""

from latgale_di.core import formatting, i18n
from latgale_di.core.i18n import NBSP


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


def test_every_string_has_both_languages_and_they_differ_where_words_are_used():
    for key in i18n.keys():
        lv, en = i18n.t(key, "lv"), i18n.t(key, "en")
        assert lv and en, key


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
