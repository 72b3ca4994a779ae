"""The view state round-trips through a URL and survives bad links."""

from latgale_di.analysis.state import ViewState


def test_default_view_has_a_short_url():
    assert ViewState().to_params() == {}


def test_round_trip_of_every_field():
    view = ViewState(lang="en", indicator="occupancy_rate", year=2022, vintage="2021", target_group="adults_grt",
                     service="group_apartments", atvk="0002000", threshold=90, facilities=False)
    assert ViewState.from_params(view.to_params()) == view


def test_bad_values_fall_back_field_by_field():
    view = ViewState.from_params({"lang": "de", "year": "1999", "ind": "occupancy_rate", "thr": "abc", "v": "2021",
                                  "atvk": "<script>"})
    assert view.lang == "lv" and view.year == ViewState().year and view.threshold == 80
    assert view.indicator == "occupancy_rate" and view.vintage == "2021" and view.atvk == ""


def test_threshold_is_one_of_the_sidebar_choices():
    assert ViewState.from_params({"thr": "85"}).threshold == 85
    # The sidebar offers 50, 55, … 100: a value it cannot show falls back to the default.
    assert ViewState.from_params({"thr": "83"}).threshold == 80
    assert ViewState.from_params({"thr": "105"}).threshold == 80


def test_selected_unit_must_belong_to_the_vintage():
    # 0002000 is Daugavpils in the 2021 codes; it does not exist among the 2009 units.
    assert ViewState.from_params({"v": "2009", "atvk": "0002000"}).atvk == ""
    assert ViewState.from_params({"v": "2009", "atvk": "0050000"}).atvk == "0050000"


def test_repeated_parameter_takes_the_last():
    assert ViewState.from_params({"year": ["2019", "2021"]}).year == 2021
