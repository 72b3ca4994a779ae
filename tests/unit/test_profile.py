"""The profile compares a municipality with Latgale at a glance: better, similar or worse by the
indicator's polarity (latgale_di/analysis/profile.py), on the chart and never by colour alone."""

from __future__ import annotations

import math

import pytest

from latgale_di.analysis import profile
from tests.apptest.test_app_pages import run


@pytest.mark.parametrize("low, high, mean_low, mean_high, polarity, expected", [
    (40.0, 40.0, 20.0, 20.0, +1, "better"),      # more served than the average
    (40.0, 40.0, 20.0, 20.0, -1, "worse"),       # more shortfall than the average
    (21.0, 21.0, 20.0, 20.0, +1, "similar"),     # within 10 % of the average
    (5.0, 5.0, 20.0, 20.0, +1, "worse"),
    (50.0, math.inf, 30.0, 59.0, +1, "similar"),  # ">50 %" against a mean of 30–59 %: not settled
    (60.0, 60.0, 20.0, 30.0, -1, "worse"),
    (40.0, 40.0, 20.0, 20.0, 0, ""),             # no polarity (e.g. funding): no verdict
])
def test_versus_judges_by_polarity_and_honours_bounds(low, high, mean_low, mean_high, polarity, expected):
    assert profile.versus(low, high, mean_low, mean_high, polarity) == expected


def test_the_profile_chart_marks_better_and_worse_with_shape_and_words():
    at = run("pages/pasvaldiba.py", {"lang": "en", "v": "2009", "year": "2019", "atvk": "0050000",
                                  "tg": "adults_grt"})
    chart = at.get("plotly_chart")[0].proto.spec
    assert "better than Latgale" in chart or "worse than Latgale" in chart
    assert "triangle-up" in chart or "triangle-down" in chart
    assert '"cliponaxis":false' in chart.replace(" ", "")  # values are never cut at the chart's edge
