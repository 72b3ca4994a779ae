"""Translations and Latvian/English number and date formats.

Latvian is the default. Latvian numbers use a decimal comma and a (non-breaking) space as the
thousands separator: 12 345,6. Labels of vocabulary codes live in ``vocab``; this module holds
the interface's own words.
"""

from __future__ import annotations

import math
from datetime import date

LANGUAGES: tuple[str, ...] = ("lv", "en")
DEFAULT_LANGUAGE = "lv"
NBSP = "\u00a0"

_STRINGS: dict[str, tuple[str, str]] = {
    # key: (Latvian, English)
    "app_title": ("Deinstitucionalizācija Latgalē", "Deinstitutionalisation in Latgale"),
    "app_subtitle": ("Sabiedrībā balstīti sociālie pakalpojumi Latgales plānošanas reģionā",
                     "Community-based social services in the Latgale planning region"),
    "page_map": ("Karte", "Map"),
    "language": ("Valoda", "Language"),
    "filters": ("Filtri", "Filters"),
    "indicator": ("Rādītājs", "Indicator"),
    "year": ("Gads", "Year"),
    "vintage": ("Robežas", "Boundaries"),
    "vintage_2021": ("9 pašvaldības (no 2021. g. 1. jūlija)", "9 municipalities (from 1 July 2021)"),
    "vintage_2009": ("21 pašvaldība (2009–2021)", "21 municipalities (2009–2021)"),
    "target_group": ("Mērķgrupa", "Target group"),
    "service": ("Pakalpojums", "Service"),
    "threshold": ("Noslodzes slieksnis, %", "Occupancy threshold, %"),
    "show_facilities": ("Rādīt pakalpojumu vietas", "Show service sites"),
    "no_data": ("nav datu", "no data"),
    "up_to": ("> 0 līdz {value}", "> 0 to {value}"),
    "no_data_long": ("Nav datu: avotos nav skaitļa (tas nav nulle)",
                     "No data: the sources give no figure (this is not zero)"),
    "legend": ("Leģenda", "Legend"),
    "source": ("Avots", "Source"),
    "sources": ("Avoti", "Sources"),
    "status": ("Statuss", "Status"),
    "note": ("Piezīme", "Note"),
    "value": ("Vērtība", "Value"),
    "municipality": ("Pašvaldība", "Municipality"),
    "region": ("Latgales plānošanas reģions", "Latgale planning region"),
    "facilities": ("Pakalpojumu vietas", "Service sites"),
    "facility_places": ("vietas", "places"),
    "places_unknown": ("vietu skaits nav zināms", "number of places unknown"),
    "map_caption": ("{indicator} · {group} · {service} · {year}. g. · {vintage}",
                    "{indicator} · {group} · {service} · {year} · {vintage}"),
    "table_alternative": ("Tabula (tie paši dati)", "Table (same data)"),
    "selected": ("Izvēlētā pašvaldība", "Selected municipality"),
    "click_hint": ("Noklikšķiniet uz pašvaldības kartē, lai redzētu tās skaitļus.",
                   "Click a municipality on the map to see its figures."),
    "clear_selection": ("Notīrīt izvēli", "Clear selection"),
    "no_figures_year": ("Šim gadam un izvēlei avotos nav neviena skaitļa.",
                        "The sources give no figure for this year and selection."),
    "shown_units": ("Ar skaitli: {n} no {total} pašvaldībām", "With a figure: {n} of {total} municipalities"),
    "dataset": ("Datu kopa", "Dataset"),
    "data_version": ("Datu versija {version}, atjaunināta {date}", "Data version {version}, updated {date}"),
    "synthetic_banner": ("ILUSTRATĪVI DATI — nav īsti skaitļi", "ILLUSTRATIVE DATA — not real figures"),
    "estimated_mark": ("≈ novērtēts (pārrēķināts pēc 2021. g. reformas)",
                       "≈ estimated (re-aggregated across the 2021 reform)"),
    "incomplete_mark": ("≥ nepilnīgs: dažām veidojošajām pašvaldībām nav skaitļa",
                        "≥ incomplete: some component municipalities have no figure"),
    "range_mark": ("> vai – : avots dod tikai robežas", "> or – : the source gives only bounds"),
    "above_threshold": ("virs sliekšņa", "above threshold"),
    "attribution": ("Robežas", "Boundaries"),
    "open_source": ("atvērt avotu", "open source"),
    "region_figure": ("Reģionā kopā", "Region total"),
    "facility_status": ("Darbības statuss", "Operating status"),
    "location_precision": ("Atrašanās vietas precizitāte", "Location precision"),
}


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The interface string ``key`` in ``lang``, with ``{placeholders}`` filled."""
    lv, en = _STRINGS[key]
    text = lv if lang == "lv" else en
    return text.format(**values) if values else text


def keys() -> list[str]:
    return list(_STRINGS)


def format_number(value: float | None, lang: str = DEFAULT_LANGUAGE, decimals: int | None = None) -> str:
    """``12345.6`` → ``12 345,6`` (lv) or ``12,345.6`` (en); missing → "" (callers say "no data").

    ``decimals=None`` shows whole numbers without decimals and others with one.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    text = f"{value:,.{decimals}f}"
    if lang == "lv":
        text = text.replace(",", NBSP).replace(".", ",")
    return text


def format_date(iso: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """``2026-11-22`` → ``22.11.2026.`` (lv) or ``22 Nov 2026`` (en); other text is returned as is."""
    try:
        d = date.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso
    return f"{d.day:02d}.{d.month:02d}.{d.year}." if lang == "lv" else d.strftime("%-d %b %Y")
