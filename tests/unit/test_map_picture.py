"""The map as a picture (issue 22, item 6): the on-screen drawing with title, names, legend with
real swatches, sources, dataset version and the view's link, nothing cut, as a 16:9 slide and an
A4 page, in both languages and both vintages."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PIL import Image

from latgale_di.analysis import figures
from latgale_di.analysis.state import ViewState
from latgale_di.render import choropleth, map_content, map_picture, svg_map
from latgale_di.store import dataset

SVG = "{http://www.w3.org/2000/svg}"
LINK = "https://di.example.lv/karte?year=2019&tg=adults_grt&ind=share_served&lang=lv"


@pytest.fixture(scope="module")
def ds():
    return dataset.load()


def _content(ds, state: ViewState) -> map_content.MapContent:
    return map_content.build(ds, figures.table(ds, state.vintage, [state.year]), state)


def _texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


@pytest.mark.parametrize("paper", [map_picture.SLIDE, map_picture.A4], ids=lambda p: p.name)
@pytest.mark.parametrize(("lang", "vintage"), [("lv", "2009"), ("en", "2021")])
def test_the_picture_has_the_paper_size_and_nothing_touches_its_edges(ds, paper, lang, vintage):
    state = ViewState(lang=lang, vintage=vintage, year=2019, target_group="adults_grt")
    content = _content(ds, state)
    words = map_picture.words_for(content, state, ds, LINK)
    png = map_picture.png(map_picture.svg(content.views, vintage, content.classes, content.sites, words, paper), paper)
    image = _pixels(png)
    assert image.shape[:2] == (round(paper.height * paper.zoom), round(paper.width * paper.zoom))
    # A band round the edge as wide as most of the margin is white: no title, footer or map cut off.
    band = round(30 * paper.zoom * min(paper.width, paper.height) / 1080)
    edges = np.concatenate([image[:band].reshape(-1, 3), image[-band:].reshape(-1, 3),
                            image[:, :band].reshape(-1, 3), image[:, -band:].reshape(-1, 3)])
    assert (edges == 255).all()
    # And something is drawn: the map's colours, not a blank page.
    assert (image != 255).any(axis=2).mean() > 0.1


def test_a_long_title_and_many_sources_wrap_inside_the_page(ds):
    state = ViewState(year=2019, target_group="adults_grt")
    content = _content(ds, state)
    words = map_picture.words_for(content, state, ds, LINK + "&x=" + "a" * 300)
    words = map_picture.Words(**{**words.__dict__, "title": words.title * 3,
                                 "sources": [f"[{n}] {'Ļoti gara avota nosaukuma daļa ' * 6}" for n in range(1, 7)]})
    for paper in (map_picture.SLIDE, map_picture.A4):
        picture = map_picture.svg(content.views, "2009", content.classes, content.sites, words, paper)
        image = _pixels(map_picture.png(picture, paper))
        band = round(20 * paper.zoom)
        assert (image[:band] == 255).all() and (image[-band:] == 255).all()
        assert (image[:, :band] == 255).all() and (image[:, -band:] == 255).all()


def test_wrapped_lines_keep_every_word_and_fit_the_width():
    text = "Dati: https://di.example.lv/karte?" + "x" * 200 + " un vēl daži vārdi"
    lines = map_picture.wrap(text, 17, 400)
    assert all(map_picture.map_labels.text_width(line, 17) <= 400 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert map_picture.wrap("", 17, 400) == []


def test_the_picture_draws_the_same_map_as_the_screen(ds):
    state = ViewState(year=2019, target_group="adults_grt")
    content = _content(ds, state)
    words = map_picture.words_for(content, state, ds, LINK)
    picture = ET.fromstring(map_picture.svg(content.views, "2009", content.classes, content.sites, words))
    screen = ET.fromstring(svg_map.render(content.views, "2009", content.classes, content.caption, lambda a: a,
                                          content.tooltips, content.sites))

    def fills(root):
        return {g.get("data-atvk"): g.find(f"{SVG}use").get("fill") for g in root.iter()
                if g.get("data-atvk") and g.find(f"{SVG}use") is not None}

    def labels(root):
        return {t.get("data-label"): "".join(t.itertext()) for t in root.iter(f"{SVG}text") if t.get("data-label")}

    assert fills(picture) == fills(screen) and len(fills(picture)) == 21
    assert labels(picture) == labels(screen)
    assert labels(picture)["0050000"] == "Daugavpils41,8 %"  # names and values, as on screen
    assert len(picture.findall(f".//{SVG}circle")) == len(content.sites)  # the sites, as on screen
    # The picture has no links, tooltips or CSS: nothing a picture cannot use.
    assert not picture.findall(f".//{SVG}a") and not picture.findall(f".//{SVG}style")
    assert not [g for g in picture.iter() if g.get("class") == "di-tip"]


def test_the_picture_says_what_it_shows_where_from_and_how_to_open_it(ds):
    state = ViewState(year=2019, target_group="adults_grt")
    content = _content(ds, state)
    words = map_picture.words_for(content, state, ds, LINK)
    texts = " ".join(_texts(ET.fromstring(map_picture.svg(content.views, "2009", content.classes, content.sites,
                                                          words))))
    assert content.caption.split(" · ")[0] in texts
    assert ds.version in texts and LINK in texts.replace(" ", "")
    assert "EuroGlobalMap" in texts or "VZD" in texts  # the boundaries' attribution
    cited = {s.strip() for f in content.rows["source"] if isinstance(f, str) for s in f.split(";") if s.strip()}
    assert words.sources and len(words.sources) == len(cited)
    assert words.sources[0].startswith("Avoti: [1] ")
    for sid in cited:
        assert ds.source(sid)["title"] in texts


def test_the_legend_has_a_solid_swatch_for_every_class_and_a_hatched_one_for_no_data(ds):
    state = ViewState(year=2019, target_group="adults_grt")
    content = _content(ds, state)
    words = map_picture.words_for(content, state, ds, LINK)
    entries = dict(words.legend)
    assert "nav datu" in entries and any(label.startswith("0") for label in entries)  # the 0 class too
    picture = map_picture.svg(content.views, "2009", content.classes, content.sites, words)
    root = ET.fromstring(picture)
    swatches = [r for r in root.iter(f"{SVG}rect") if r.get("stroke") == "#444444"]
    assert len(swatches) == len(entries)
    assert all(float(r.get("height")) >= 20 and float(r.get("width")) >= 30 for r in swatches)  # not thin lines
    image = _pixels(map_picture.png(picture))
    for label, colour in entries.items():
        if colour == choropleth.NO_DATA_COLOUR:
            continue  # hatched: its grey is striped, not solid
        solid = (image == np.array(colour)).all(axis=2).sum()
        assert solid >= 30 * 20, (label, colour, solid)  # at least a swatch's worth of the class colour
    hatched = [r for r in swatches if r.get("fill", "").startswith("url(#")]
    assert len(hatched) == 1
