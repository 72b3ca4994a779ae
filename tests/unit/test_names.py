"""Names → units: whatever people write, the right unit of the right vintage."""

import pytest

from latgale_di.core.folding import fold_words
from latgale_di.territory import boundaries, names
from latgale_di.territory.names import UnknownMunicipality, match_atvk, match_unit, suggestions

DGV_CITY_2009, DGV_NOV_2009, DGV_CITY_2021, AUGSDAUGAVA = "0050000", "0440200", "0002000", "0022000"
REZ_CITY_2009, REZ_NOV_2009, REZ_CITY_2021, REZ_NOV_2021 = "0210000", "0780200", "0006000", "0043000"
LUDZA_2021, BALVI_2021, PREILI_2021, KRASLAVA_2021, LIVANI_2021 = "0037000", "0024000", "0042000", "0032000", "0036000"
ILUKSTE_2009, AGLONA_2009, VILANI_2009, KARSAVA_2009 = "0440801", "0604300", "0781800", "0681000"


def _every_unit() -> list[tuple[str, str]]:
    return [(v, atvk) for v in boundaries.VINTAGES for atvk in boundaries.units(v)]


def _iso(vintage: str, atvk: str) -> str:
    (props,) = [f["properties"] for f in boundaries.feature_collection(vintage)["features"]
                if f["properties"]["atvk"] == atvk]
    return props["iso_3166_2"]


@pytest.mark.parametrize("vintage,atvk", _every_unit())
def test_every_official_name_code_and_iso_code_round_trips(vintage, atvk):
    unit = boundaries.units(vintage)[atvk]
    for text in (atvk, unit.name_lv, unit.name_short, unit.name_en, _iso(vintage, atvk)):
        assert match_unit(text, vintage) == unit, text


@pytest.mark.parametrize("vintage,atvk", _every_unit())
def test_every_name_is_found_however_it_is_typed(vintage, atvk):
    unit = boundaries.units(vintage)[atvk]
    stripped = fold_words(unit.name_lv)  # no diacritics, lower case
    for text in (unit.name_lv.upper(), stripped, stripped.upper(), f"  {unit.name_lv.replace(' ', '   ')}\t",
                 unit.name_en.lower(), f" {atvk[:3]} {atvk[3:]} "):
        assert match_atvk(text, vintage) == atvk, text


@pytest.mark.parametrize("vintage,atvk", _every_unit())
def test_both_cases_with_the_kind_word_find_the_unit(vintage, atvk):
    unit = boundaries.units(vintage)[atvk]
    kind_words = ("pilsēta", "city") if unit.is_city else ("novads", "nov.", "Municipality")
    for stem in names._stems(unit):
        for word in kind_words:
            assert match_atvk(f"{stem} {word}", vintage) == atvk, f"{stem} {word}"


@pytest.mark.parametrize("text,vintage,expected", [
    # the city and the novads of the same name are never confused
    ("Daugavpils", "2009", DGV_CITY_2009),
    ("Daugavpils", "2021", DGV_CITY_2021),
    ("DAUGAVPILS", None, DGV_CITY_2021),
    ("Daugavpils pilsēta", "2009", DGV_CITY_2009),
    ("Daugavpils pilseta", "2021", DGV_CITY_2021),
    ("Daugavpils pils.", "2009", DGV_CITY_2009),
    ("Daugavpils republikas pilsēta", "2009", DGV_CITY_2009),
    ("Daugavpils rep. pils.", "2009", DGV_CITY_2009),
    ("Daugavpils valstspilsēta", "2021", DGV_CITY_2021),
    ("Daugavpils valstspilsēta", "2009", DGV_CITY_2009),  # the city kept its territory
    ("daugavpils city", "2021", DGV_CITY_2021),
    ("Daugavpils State City", "2021", DGV_CITY_2021),
    ("Daugavpils republic city", "2009", DGV_CITY_2009),
    ("Daugavpils (republican city)", "2009", DGV_CITY_2009),
    ("Daugavpils (republican city)", None, DGV_CITY_2021),
    ("Daugavpils novads", "2009", DGV_NOV_2009),
    ("Daugavpils nov.", "2009", DGV_NOV_2009),
    ("daugavpils nov", "2009", DGV_NOV_2009),
    ("DAUGAVPILS NOVADS", None, DGV_NOV_2009),
    ("Daugavpils Municipality", "2009", DGV_NOV_2009),
    ("Rēzekne", "2009", REZ_CITY_2009),
    ("Rēzekne", "2021", REZ_CITY_2021),
    ("REZEKNE", "2021", REZ_CITY_2021),
    ("Rēzeknes pilsēta", "2009", REZ_CITY_2009),
    ("Rēzeknes pilsēta", "2021", REZ_CITY_2021),
    ("Rēzeknes valstspilsēta", "2021", REZ_CITY_2021),
    ("Rēzeknes republikas pilsēta", "2009", REZ_CITY_2009),
    ("Rēzekne rep. pils.", "2009", REZ_CITY_2009),
    ("Rezekne State City", "2021", REZ_CITY_2021),
    ("Rēzekne (republican city)", "2009", REZ_CITY_2009),
    ("Rēzeknes novads", "2009", REZ_NOV_2009),
    ("Rēzeknes novads", "2021", REZ_NOV_2021),
    ("Rēzekne novads", "2021", REZ_NOV_2021),  # nominative
    ("Rēzekne novads", "2009", REZ_NOV_2009),
    ("rezeknes nov", "2021", REZ_NOV_2021),
    ("REZEKNES NOV.", "2009", REZ_NOV_2009),
    ("Rēzekne Municipality", "2021", REZ_NOV_2021),
    ("Rezekne municipality", "2021", REZ_NOV_2021),
    ("Rēzeknes novada pašvaldība", "2021", REZ_NOV_2021),
    ("Daugavpils valstspilsētas pašvaldība", "2021", DGV_CITY_2021),
    # genitive or nominative, diacritics or not, any case; a bare novads stem is the novads
    ("Ludzas novads", "2021", LUDZA_2021),
    ("Ludza novads", "2021", LUDZA_2021),
    ("Ludza", "2021", LUDZA_2021),
    ("LUDZA NOVADS", "2021", LUDZA_2021),
    ("Ludza Municipality", "2021", LUDZA_2021),
    ("Balvi", "2021", BALVI_2021),
    ("Balvi novads", "2021", BALVI_2021),
    ("Balvu nov.", "2021", BALVI_2021),
    ("Preiļi", "2021", PREILI_2021),
    ("Preili", "2021", PREILI_2021),
    ("preilu novads", "2021", PREILI_2021),
    ("PREIĻU NOVADS", "2021", PREILI_2021),
    ("Krāslava", "2021", KRASLAVA_2021),
    ("kraslavas nov", "2021", KRASLAVA_2021),
    ("Līvāni", "2021", LIVANI_2021),
    ("Livanu novads", "2021", LIVANI_2021),
    ("Augšdaugavas novads", "2021", AUGSDAUGAVA),
    ("Augšdaugava", "2021", AUGSDAUGAVA),
    ("Augsdaugava Municipality", "2021", AUGSDAUGAVA),
    ("AUGSDAUGAVAS NOV.", None, AUGSDAUGAVA),
    ("Viļānu novads", "2009", VILANI_2009),
    ("Vilani", "2009", VILANI_2009),
    ("Viļāni novads", None, VILANI_2009),
    ("Ilūkstes novads", "2009", ILUKSTE_2009),
    ("Ilukste", "2009", ILUKSTE_2009),
    ("Aglonas novads", "2009", AGLONA_2009),
    ("Aglona Municipality", None, AGLONA_2009),
    ("  Kārsavas   novads ", "2009", KARSAVA_2009),
    ("Karsava", "2009", KARSAVA_2009),
    ("Rugāji", "2009", "0387500"),
    ("Riebiņi novads", "2009", "0766300"),
    ("Zilupe", "2009", "0681801"),
    ("Baltinavas nov.", "2009", "0384400"),
    ("Vārkava", "2009", "0769101"),
    ("Viļaka", "2009", "0381600"),
    ("Ciblas novads", "2009", "0684901"),
    ("Dagda", "2009", "0601000"),
    # ISO 3166-2
    ("LV-DGV", "2021", DGV_CITY_2021),
    ("lv-rez", "2009", REZ_CITY_2009),
    ("LV-077", "2021", REZ_NOV_2021),
    ("LV-111", None, AUGSDAUGAVA),
    ("LV-025", None, DGV_NOV_2009),
    # codes, also with stray spaces, lost leading zeros or a spreadsheet's ".0"
    ("0043000", None, REZ_NOV_2021),
    (" 0043000 ", "2021", REZ_NOV_2021),
    ("004 3000", "2021", REZ_NOV_2021),
    ("43000", "2021", REZ_NOV_2021),
    ("43000.0", "2021", REZ_NOV_2021),
    ("2000", None, DGV_CITY_2021),
    ("50000", "2009", DGV_CITY_2009),
    ("440200", None, DGV_NOV_2009),
])
def test_tricky_names(text, vintage, expected):
    assert match_atvk(text, vintage) == expected


def test_an_int_code_from_a_spreadsheet_is_accepted():
    assert match_atvk(43000, "2021") == REZ_NOV_2021  # type: ignore[arg-type]


@pytest.mark.parametrize("vintage", boundaries.VINTAGES)
def test_a_bare_city_name_is_never_the_novads(vintage):
    for atvk, unit in boundaries.units(vintage).items():
        if unit.is_city:
            assert match_unit(unit.name_short, vintage).is_city
            assert match_atvk(unit.name_short, vintage) == atvk


def test_no_vintage_prefers_current_units_then_old_ones():
    assert match_unit("Rēzeknes novads").vintage == "2021"
    assert match_unit("Daugavpils").vintage == "2021"
    assert match_unit("Ludza").atvk == LUDZA_2021
    assert match_unit("Viļānu novads").vintage == "2009"  # exists only before the reform
    assert match_unit("Daugavpils novads") == boundaries.units("2009")[DGV_NOV_2009]


@pytest.mark.parametrize("text", [
    "Daugavpils novads", "Daugavpils nov.", "Daugavpils Municipality", "Aglonas novads", "Aglona",
    "Viļānu novads", "Vilani", "Ilūkstes novads", "Kārsavas novads", "0440200", "440200", "LV-025",
])
def test_pre_2021_units_are_not_silently_mapped_into_2021(text):
    with pytest.raises(UnknownMunicipality) as exc:
        match_atvk(text, "2021")
    assert exc.value.vintage == "2021"


@pytest.mark.parametrize("text", ["Augšdaugavas novads", "Augsdaugava", AUGSDAUGAVA, "LV-111", "0037000"])
def test_2021_only_names_and_codes_are_not_2009_units(text):
    with pytest.raises(UnknownMunicipality):
        match_atvk(text, "2009")


@pytest.mark.parametrize("text,vintage,first", [
    ("Daugavpils novads", "2021", "Augšdaugavas novads"),
    ("Viļānu novads", "2021", "Rēzeknes novads"),
    ("0440200", "2021", "Augšdaugavas novads"),
    ("Augšdaugavas novads", "2009", "Daugavpils novads"),
])
def test_a_unit_of_the_other_vintage_suggests_its_counterpart_first(text, vintage, first):
    with pytest.raises(UnknownMunicipality) as exc:
        match_atvk(text, vintage)
    assert exc.value.suggestions[0] == first


def test_split_aglona_suggests_both_successors():
    assert set(suggestions("Aglonas novads", "2021")[:2]) == {"Krāslavas novads", "Preiļu novads"}


@pytest.mark.parametrize("text,vintage,closest", [
    ("Rezknes novads", "2021", "Rēzeknes novads"),
    ("Ludzs", "2021", "Ludzas novads"),
    ("Kraslva", "2021", "Krāslavas novads"),
    ("Augsdaugvas", "2021", "Augšdaugavas novads"),
    ("Daugavplis", "2021", "Daugavpils valstspilsēta"),
    ("Vilanu novadz", None, "Viļānu novads"),
    ("Dagd", "2009", "Dagdas novads"),
])
def test_unknown_name_lists_the_closest_valid_names(text, vintage, closest):
    with pytest.raises(UnknownMunicipality) as exc:
        match_atvk(text, vintage)
    err = exc.value
    assert isinstance(err, ValueError)
    assert err.text == text and closest in err.suggestions and len(err.suggestions) <= 3
    assert str(err) == (f"unknown municipality {text!r} in the {err.vintage} boundaries; "
                        f"closest valid names: {', '.join(err.suggestions)}")
    assert err.vintage == (vintage or "2021 or 2009")


@pytest.mark.parametrize("text", ["", "   ", "novads", "valstspilsēta", "Rīga", "xyz", "0010000",
                                  "Daugavpils pilsēta un novads"])
def test_text_naming_no_unit_is_unknown(text):
    for vintage in (None, *boundaries.VINTAGES):
        with pytest.raises(UnknownMunicipality):
            match_atvk(text, vintage)


def test_unknown_vintage_is_a_plain_value_error():
    with pytest.raises(ValueError, match="vintage") as exc:
        match_atvk("Ludza", "2020")
    assert not isinstance(exc.value, UnknownMunicipality)


@pytest.mark.parametrize("vintage", boundaries.VINTAGES)
def test_suggestions_are_official_names_of_the_vintage(vintage):
    official = {u.name_lv for u in boundaries.units(vintage).values()}
    for text in ("Dagd", "Rezknes", "Ludzs nov", "Daugavpils novads", "Augšdaugava", "Viļāni"):
        got = suggestions(text, vintage)
        assert set(got) <= official and len(got) <= 3 and len(set(got)) == len(got)
    assert suggestions("Rezknes novads", vintage, n=1) == ["Rēzeknes novads"]


def test_the_genitive_rule_agrees_with_the_english_nominatives():
    # The English names are nominative by convention: a check of the rule against the data.
    for vintage in boundaries.VINTAGES:
        for unit in boundaries.units(vintage).values():
            if unit.kind == "state city":  # "Rēzeknes valstspilsēta", short "Rēzekne"
                assert names._genitive(unit.name_short) == unit.name_lv.removesuffix(" valstspilsēta"), unit
            elif not unit.is_city:
                genitive = unit.name_lv.removesuffix(" novads")
                assert names._nominative(genitive) == unit.name_en.removesuffix(" Municipality"), unit


@pytest.mark.parametrize("genitive,nominative", [
    ("Rēzeknes", "Rēzekne"), ("Ludzas", "Ludza"), ("Balvu", "Balvi"), ("Preiļu", "Preiļi"),
    ("Līvānu", "Līvāni"), ("Riebiņu", "Riebiņi"), ("Daugavpils", "Daugavpils"), ("Augšdaugavas", "Augšdaugava"),
])
def test_genitive_and_nominative_are_inverse(genitive, nominative):
    assert names._nominative(genitive) == nominative
    assert names._genitive(nominative) == genitive


def test_the_index_is_built_once_per_vintage():
    assert names._index("2021") is names._index("2021")
    assert names._index("2009") is not names._index("2021")
