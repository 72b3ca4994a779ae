"""The sources at the foot of every page: titles come from data files, so they are text."""

from __future__ import annotations

from components.page import sources_list


class Sources:
    def __init__(self, entries: dict[str, dict[str, str]]) -> None:
        self.entries = entries

    def source(self, sid: str) -> dict[str, str]:
        return self.entries[sid]


def test_titles_are_escaped_and_only_http_addresses_become_links():
    dataset = Sources({
        "a": {"title": "LETA <img src=x onerror=alert(1)>", "url": "https://leta.lv/?a=1&b=\"2\""},
        "b": {"title": "Pašvaldības atbilde", "url": "javascript:alert(1)"},
        "c": {"title": "", "url": ""},
    })
    markup = sources_list(dataset, ["a", "b", "c"])
    assert "<img" not in markup and "&lt;img src=x onerror=alert(1)&gt;" in markup
    assert '<a href="https://leta.lv/?a=1&amp;b=&quot;2&quot;" target="_blank" rel="noopener noreferrer">' in markup
    assert "javascript:" not in markup and "<li>Pašvaldības atbilde (b)</li>" in markup
    assert "<li>c (c)</li>" in markup  # no title: its id stands in
    assert markup.count("<li>") == 3


def test_every_registry_entry_is_found_by_its_id_and_an_unknown_id_gets_a_stub():
    from latgale_di.store import dataset

    ds = dataset.load()
    first = ds.sources.drop_duplicates("id").set_index("id")
    for sid in first.index:
        assert ds.source(sid)["title"] == first.loc[sid, "title"]
    assert ds.source("no-such-source") == {"id": "no-such-source", "title": "no-such-source", "url": "",
                                          "publisher": "", "date": "", "kind": "", "date_accessed": "",
                                          "licence": "", "note": ""}
    ds.source(first.index[0])["title"] = "changed by a caller"
    assert ds.source(first.index[0])["title"] == first.loc[first.index[0], "title"]  # a copy, not the index
