"""Sources as records: every source a reader can see is whole, original and complete."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from latgale_di.core.paths import SOURCES_DIR
from latgale_di.ingest import citations, default_data
from latgale_di.ingest.contract import SOURCE_COLUMNS
from latgale_di.store import dataset


@pytest.fixture(scope="module")
def data() -> dataset.Dataset:
    return dataset.load()


def _cited_ids(data: dataset.Dataset) -> set[str]:
    fields = [*data.observations["source"], *data.facilities["source"], *data.population["source"]]
    return {s.strip() for field in fields for s in str(field).split(";") if s.strip()}


def test_every_cited_id_is_in_the_registry_with_an_https_address_or_a_kept_seed_text(data):
    ids = set(data.sources["id"])
    for sid in sorted(_cited_ids(data)):
        assert sid in ids, f"{sid} is cited but not in sources.csv"
        record = data.source(sid)
        if sid.startswith("seed:"):  # the seed texts have no address: the text itself ships with the data
            assert (SOURCES_DIR / "seeds" / f"{sid.removeprefix('seed:')}.txt").exists()
        else:
            assert record["url"].startswith("https://"), f"{sid}: {record['url']!r}"


def test_no_source_has_a_mirror_host(data):
    problems = {s["id"]: citations.mirror_problem(s["url"]) for s in data.sources.to_dict("records")}
    assert {k: v for k, v in problems.items() if v} == {}


@pytest.mark.parametrize("url", [
    "https://bahnsport-info.de/x/?rdp_we_resource=http%3A%2F%2Fen.wikipedia.org%2Fwiki%2FCibla",
    "https://rhythmusic.net/De1337/nothing/index.php?q=aHR0cHM6Ly9ldC53aWtpcGVkaWEub3JnL3dpa2kvQWdsb25h",
    "https://zim.miningtcup.me/content/wikipedia_en_all_maxi_2024-01/A/Balvi_Municipality",
    "https://de.m.wikipedia.org./wiki/Bezirk_Ludza",
    "https://newtuber.su/video/TnLvVx8HViU",
    "https://some-unknown-wiki-copy.example/wiki/Ludza",
    "http://lpr.gov.lv/lv/2021/page/",
])
def test_mirror_addresses_are_refused(url):
    assert citations.mirror_problem(url) != ""


@pytest.mark.parametrize(("mirror", "original"), [
    ("https://bahnsport-info.de/x/?rdp_we_resource=http%3A%2F%2Fen.wikipedia.org%2Fwiki%2FAug%25C5%25A1daugava",
     "https://en.wikipedia.org/wiki/Aug%C5%A1daugava"),
    ("https://rhythmusic.net/De1337/nothing/index.php?q=aHR0cHM6Ly9ldC53aWtpcGVkaWEub3JnL3dpa2kvQWdsb25hX3BpaXJrb25k",
     "https://et.wikipedia.org/wiki/Aglona_piirkond"),
    ("https://wiki.tsokiyzan.org/content/wikipedia_en_all_nopic_2025-07/List_of_populated_places_in_Latvia",
     "https://en.wikipedia.org/wiki/List_of_populated_places_in_Latvia"),
    ("https://de.m.wikipedia.org./wiki/Bezirk_Ludza", "https://de.wikipedia.org/wiki/Bezirk_Ludza"),
    ("https://newtuber.su/video/TnLvVx8HViU", "https://www.youtube.com/watch?v=TnLvVx8HViU"),
    ("http://rezeknesnovads.lv/en/viegli-lasit/", "https://rezeknesnovads.lv/en/viegli-lasit/"),
])
def test_a_mirror_is_cited_at_the_page_it_copies(mirror, original):
    assert citations.canonical_url(mirror) == original
    assert citations.mirror_problem(original) == ""


def test_titles_are_whole_not_cut_mid_word(data):
    for record in data.sources.to_dict("records"):
        assert data.cite(record["id"]) == record["title"]  # a page shows the whole title
    # The seed whose title was shown as "…DI projekta i": its whole headline, as the text has it.
    seed = data.source("seed:003_570bfe9974c00b71")["title"]
    headline = (SOURCES_DIR / "seeds" / "003_570bfe9974c00b71.txt").read_text(encoding="utf-8").splitlines()[0]
    assert seed == headline.strip() and seed.endswith("DI projekta ietvaros")


def test_a_shortened_title_ends_at_a_word_with_an_ellipsis():
    title = "Ievērojami pieaudzis sabiedrībā balstītu sociālo pakalpojumu saņēmušo skaits DI projekta ietvaros"
    short = citations.whole_words(title, 90)
    assert short.endswith("projekta…") and len(short) <= 90
    assert all(word in title.split() for word in short.removesuffix("…").split())


def test_every_source_is_a_whole_record_with_a_known_kind(data):
    assert list(data.sources.columns) == list(SOURCE_COLUMNS)
    for record in data.sources.to_dict("records"):
        assert record["kind"] in citations.KINDS, record
        assert record["publisher"] and record["title"] and record["date_accessed"] and record["licence"], record
        assert record["date"] == "" or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", record["date"]), record


def test_the_population_is_never_cited_to_the_script_or_a_mirror(data):
    titles = " ".join(data.sources["title"]) + " ".join(data.sources["url"])
    assert "GitHub" not in titles and "populDict" not in titles
    ludza = data.population[(data.population["atvk"] == "0680200")
                            & (data.population["reference_date"] == "2020-01-01")]
    assert ludza["source"].tolist() == ["csp-irs030"]
    assert data.source("csp-irs030")["kind"] == "official_statistics"


def test_a_secondary_source_says_so_in_its_short_citation(data):
    wiki = data.population[data.population["source"].str.contains("wikipedia.org")]["source"].iloc[0]
    assert data.is_secondary(wiki)
    assert "sekundārs avots" in data.citation(wiki.split(";")[-1].strip(), "lv")
    assert "secondary source" in data.citation(wiki.split(";")[-1].strip(), "en")
    seed = data.citation("seed:003_570bfe9974c00b71", "lv")
    assert seed == "Latgales plānošanas reģions, 2020" and not data.is_secondary("seed:003_570bfe9974c00b71")


def test_a_registry_older_than_the_record_columns_still_loads(tmp_path):
    old = pd.DataFrame([{"id": "a", "title": "T", "publisher": "P", "date": "", "url": "https://lpr.gov.lv/",
                         "kind": "public source"}])
    old.to_csv(tmp_path / "sources.csv", index=False)
    sources = dataset.read_sources(tmp_path / "sources.csv")
    assert list(sources.columns)[:6] == ["id", "title", "publisher", "date", "url", "kind"]
    assert sources.loc[0, "licence"] == "" and sources.loc[0, "date_accessed"] == ""


def test_an_unknown_host_stops_the_build_with_the_file_and_the_address():
    sources = default_data._Sources()
    with pytest.raises(ValueError, match=r"facts_round2.csv: source 'https://copy.example/wiki/X'"):
        sources.web("https://copy.example/wiki/X", "A copy", "facts_round2.csv")
