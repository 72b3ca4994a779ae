"""Pages that would open empty open on a view with figures, and a view without any names nearby
choices that do have them."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from tests import markup, tables
from tests.apptest.test_app_pages import run

NOTICE = 'class="di-notice"'


@pytest.mark.parametrize("page", ["pages/noslodze.py", "pages/pieprasijums.py"])
def test_pages_opened_with_nothing_chosen_show_figures_and_say_which_view_in_the_address(page):
    at = run(page, {"lang": "en"})
    assert not [m for m in markup.shown(at) if NOTICE in m]
    assert len(tables.shown(at)) >= 1 and len(tables.shown(at)[0]) > 0
    # A shared link of what the page opened on opens the same view.
    params = {k: at.query_params[k] for k in at.query_params}
    again = run(page, {k: (v[-1] if isinstance(v, list) else v) for k, v in params.items()})
    assert tables.shown(again)[0].equals(tables.shown(at)[0])


def test_a_chosen_view_without_figures_names_nearby_choices_that_open_with_figures():
    at = run("pages/noslodze.py", {"lang": "en", "tg": "children_ooc", "year": "2018"})
    notice = next(m for m in markup.shown(at) if NOTICE in m)
    assert "Nearby choices with figures:" in notice
    href = notice.split('href="')[1].split('"')[0].replace("&amp;", "&")
    params = {k: v[0] for k, v in parse_qs(urlparse(href).query).items()}
    opened = run("pages/noslodze.py", params)
    assert len(tables.shown(opened)) >= 1 and len(tables.shown(opened)[0]) > 0
