"""Names → units: whatever people write, the right unit of the right vintage."""

import pytest

from latgale_di import boundaries
from latgale_di.names import UnknownMunicipality, match_atvk, match_unit, suggestions

DGV_CITY_2009, DGV_NOV_2009, DGV_CITY_2021, AUGSDAUGAVA = "0050000", "0440200", "0002000", "0022000"
REZ_CITY_2009, REZ_NOV_2009, REZ_CITY_2021, REZ_NOV_2021 = "0210000", "0780200", "0006000", "0043000"


@pytest.mark.parametrize("vintage", ["2009", "2021"])
def test_every_official_name_code_and_english_name_round_trips(vintage):
    raw = {f["properties"]["atvk"]: f["properties"] for f in boundaries.feature_collection(vintage)["features"]}
    for atvk, unit in boundaries.units(vintage).items():
        for text in (atvk, unit.name_lv, unit.name_en, raw[atvk]["iso_3166_2"], raw[atvk]["name_ascii"]):
            assert match_atvk(text, vintage) == atvk, text


@pytest.mark.parametrize("text,vintage,expected", [
    # the city and the novads of the same name are never confused
    ("Daugavpils", "2009", DGV_CITY_2009),
    ("Daugavpils", "2021", DGV_CITY_2021),
    ("Daugavpils pilsēta", "2009", DGV_CITY_2009),
    ("Daugavpils republikas pilsēta", "2009", DGV_CITY_2009),
    ("Daugavpils valstspilsēta", "2021", DGV_CITY_2021),
    ("daugavpils city", "2021", DGV_CITY_2021),
    ("Daugavpils State City", "2021", DGV_CITY_2021),
    ("Daugavpils (republican city)", "2009", DGV_CITY_2009),
    ("Daugavpils novads", "2009", DGV_NOV_2009),
    ("Daugavpils nov.", "2009", DGV_NOV_2009),
    ("DAUGAVPILS NOVADS", None, DGV_NOV_2009),
    ("Daugavpils Municipality", "2009", DGV_NOV_2009),
    ("Rēzekne", "2009", REZ_CITY_2009),
    ("Rezekne", "2021", REZ_CITY_2021),
    ("Rēzeknes pilsēta", "2009", REZ_CITY_2009),
    ("Rēzeknes valstspilsēta", "2021", REZ_CITY_2021),
    ("Rēzekne rep. pils.", "2009", REZ_CITY_2009),
    ("Rēzeknes novads", "2009", REZ_NOV_2009),
    ("Rēzeknes novads", "2021", REZ_NOV_2021),
    ("Rēzekne novads", "2021", REZ_NOV_2021),  # nominative
    ("rezeknes nov", "2021", REZ_NOV_2021),
    ("Rezekne Municipality", "2021", REZ_NOV_2021),
    # genitive or nominative, diacritics or not, any case
    ("Ludzas novads", "2021", "0037000"),
    ("Ludza", "2021", "0037000"),
    ("LUDZA NOVADS", "2021", "0037000"),
    ("Balvi", "2021", "0024000"),
    ("Balvu nov.", "2021", "0024000"),
    ("Preiļi", "2021", "0042000"),
    ("Preili", "2021", "0042000"),
    ("preilu novads", "2021", "0042000"),
    ("Augšdaugavas novads", "2021", AUGSDAUGAVA),
    ("Augsdaugava Municipality", "2021", AUGSDAUGAVA),
    ("Līvāni", "2009", "0761201"),
    ("Livanu novads", "2021", "0036000"),
    ("Viļānu novads", "2009", "0781800"),
    ("Vilani", "2009", "0781800"),
    ("Ilūkstes novads", "2009", "0440801"),
    ("Ilukste", "2009", "0440801"),
    ("Aglonas novads", "2009", "0604300"),
    ("Aglona Municipality", None, "0604300"),
    ("  Kārsavas   novads ", "2009", "0681000"),
    ("LV-DGV", "2021", DGV_CITY_2021),
    ("LV-077", "2021", REZ_NOV_2021),
    # codes, also with lost leading zeros
    ("0043000", None, REZ_NOV_2021),
    ("43000", "2021", REZ_NOV_2021),
    ("50000", "2009", DGV_CITY_2009),
])
def test_tricky_names(text, vintage, expected):
    assert match_atvk(text, vintage) == expected


def test_no_vintage_prefers_current_units_then_old_ones():
    assert match_unit("Rēzeknes novads").vintage == "2021"
    assert match_unit("Viļānu novads").vintage == "2009"  # exists only before the reform


@pytest.mark.parametrize("text", ["Daugavpils novads", "Aglonas novads", "Viļānu novads", "0440200"])
def test_pre_2021_units_are_not_silently_mapped_into_2021(text):
    with pytest.raises(UnknownMunicipality):
        match_atvk(text, "2021")


def test_a_2021_code_is_not_a_2009_unit():
    with pytest.raises(UnknownMunicipality):
        match_atvk(AUGSDAUGAVA, "2009")


@pytest.mark.parametrize("text,closest", [
    ("Rezknes novads", "Rēzeknes novads"),
    ("Ludzs", "Ludzas novads"),
    ("Kraslva", "Krāslavas novads"),
])
def test_unknown_name_lists_the_closest_valid_names(text, closest):
    with pytest.raises(UnknownMunicipality) as exc:
        match_atvk(text, "2021")
    assert closest in exc.value.suggestions
    assert closest in str(exc.value) and text in str(exc.value)


def test_empty_text_is_unknown():
    with pytest.raises(UnknownMunicipality):
        match_atvk("   ", "2021")


def test_suggestions_are_official_names():
    names = {u.name_lv for u in boundaries.units("2009").values()}
    assert set(suggestions("Dagd", "2009")) <= names
