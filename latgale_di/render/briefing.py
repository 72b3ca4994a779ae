"""A one-page municipality briefing (A4, Latvian or English) for councils and ministries.

Three steps, so that each can be tested and reused on its own:

* ``build`` gathers the content: which figures, in which words, citing which sources. It is pure
  (the indicator table comes in already privacy-suppressed) and all text is in the reader's
  language; figures are written as on the map (``formatting.value_text``: "≈", "≥", "<5").
* ``html`` lays the content out as a standalone HTML document: inline CSS and an inline SVG
  locator map, nothing fetched from anywhere, every text from the data escaped.
* ``pdf`` prints that document with headless Chromium (``latgale_di.render.pdf``).

Unknown is never zero: a key indicator that other municipalities have but this one lacks is
listed as "no data", and a missing shortfall figure is said in words.
"""

from __future__ import annotations

import html as html_lib
import math
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any

import pandas as pd

from latgale_di.analysis import demand, figures, profile, progress
from latgale_di.analysis.figures import of_year
from latgale_di.confidentiality import privacy
from latgale_di.core import formatting, i18n, vocab
from latgale_di.ingest import citations
from latgale_di.render import locator
from latgale_di.render import pdf as pdf_export
from latgale_di.store.dataset import Dataset
from latgale_di.territory import boundaries, facilities
from latgale_di.territory.boundaries import REGION_CODE
from latgale_di.territory.population import denominators

# Indicators in the order a reader asks about them; the first seven are the key ones, listed as
# "no data" when the municipality lacks a figure that others have.
PRIORITY: tuple[str, ...] = (
    "persons_served", "persons_assessed", "places", "occupancy_rate", "shortfall", "share_served", "places_per_10k",
    "served_per_10k", "shortfall_pct", "waiting_list", "occupied_places", "planned_places", "target_persons", "eur",
    "eur_per_day",
)
KEY_INDICATORS: frozenset[str] = frozenset(PRIORITY[:7])
_GROUP_ORDER = {code: i for i, code in enumerate(vocab.TARGET_GROUPS)}
_SERVICE_ORDER = {code: i for i, code in enumerate(["any", *[s for s in vocab.SERVICES if s != "any"]])}
_SITE_STATUS_ORDER = {code: i for i, code in enumerate(vocab.FACILITY_STATUSES)}


@dataclass(frozen=True)
class Limits:
    """How many rows each section may have so that the page stays one A4 page."""

    indicators: int = 10
    sites: int = 8
    shortfalls: int = 3
    plan: bool = True  # Latgale's progress against the DI plan, with its sources


# Tried in turn by ``pdf`` until the page fits: the region's DI plan lines go first (they are on the
# DI progress page too), then rows; the second fits the shipped data's largest case.
LIMITS: tuple[Limits, ...] = (Limits(), Limits(plan=False), Limits(9, 6, 2, False), Limits(6, 4, 1, False))


@dataclass(frozen=True)
class IndicatorRow:
    indicator: str
    target_group: str
    service: str
    label: str  # the indicator's name
    detail: str  # target group · service
    value: str  # as on the map, or "no data"
    region: str  # the mean over the municipalities with a figure
    region_detail: str  # their range and number: "5–67 · 4 of 21 mun."
    status: str
    year: str
    refs: tuple[int, ...]
    known: bool  # the municipality has a figure (a hidden count counts: it exists)


@dataclass(frozen=True)
class SiteRow:
    name: str
    services: str
    places: str
    status: str
    refs: tuple[int, ...]


@dataclass(frozen=True)
class ShortfallRow:
    label: str  # target group · service
    assessed: str
    supply_label: str  # "Places" when the places are known, else "Persons served"
    supply: str
    gap: str
    refs: tuple[int, ...]


@dataclass(frozen=True)
class SourceRef:
    number: int
    title: str
    url: str
    details: str = ""  # publisher, date published, kind, licence
    accessed: str = ""  # date accessed (the page shows the range once, under the heading)


@dataclass(frozen=True)
class Briefing:
    """Everything the page says, already in ``lang``; ``html`` only lays it out."""

    lang: str
    atvk: str
    year: int
    vintage: str
    name: str
    heading: str
    boundaries_text: str
    version_text: str
    synthetic: bool
    boundary_note: str
    population_text: str
    population_refs: tuple[int, ...]
    indicators: tuple[IndicatorRow, ...]
    more_indicators: int
    indicator_message: str
    sites: tuple[SiteRow, ...]
    more_sites: int
    site_message: str
    shortfalls: tuple[ShortfallRow, ...]
    shortfall_messages: tuple[str, ...]
    plan_lines: tuple[tuple[str, tuple[int, ...]], ...]  # DI plan progress of Latgale: (text, refs)
    sources: tuple[SourceRef, ...]
    marks: tuple[str, ...]
    privacy_text: str
    attribution: str
    generated_text: str


class _Citations:
    """Numbers sources in the order the page first cites them."""

    def __init__(self, dataset: Dataset, lang: str = i18n.DEFAULT_LANGUAGE) -> None:
        self.dataset = dataset
        self.lang = lang
        self.numbers: dict[str, int] = {}

    def refs(self, source_field: object) -> tuple[int, ...]:
        ids = citations.ids(str(source_field or ""))
        for source_id in ids:
            self.numbers.setdefault(source_id, len(self.numbers) + 1)
        return tuple(dict.fromkeys(self.numbers[i] for i in ids))

    def sources(self) -> tuple[SourceRef, ...]:
        out = []
        for source_id, number in self.numbers.items():
            entry = self.dataset.source(source_id)
            out.append(SourceRef(number, str(entry.get("title") or source_id), str(entry.get("url") or ""),
                                 _source_details(entry, self.lang), str(entry.get("date_accessed") or "")))
        return tuple(out)


def _source_details(entry: dict[str, str], lang: str) -> str:
    """The rest of a source's record: "publisher, date published · kind · licence".

    On one A4 page every line counts: a licence the source does not state is left out, and the
    dates accessed are shown once for the list (``_accessed_range``).
    """
    licence = entry.get("licence", "")
    who = ", ".join(p for p in (entry.get("publisher", ""), entry.get("date", "")) if p)
    parts = [who,
             citations.kind_label(entry.get("kind", ""), lang) if entry.get("kind") else "",
             f"{i18n.t('src_licence', lang)}: {licence}" if licence and licence != "not stated" else ""]
    return " · ".join(p for p in parts if p)


def _accessed_range(refs: tuple[SourceRef, ...], lang: str) -> str:
    """"accessed 22.11.2026–05.12.2026" for the sources of a page ("" when none says)."""
    dates = sorted({r.accessed for r in refs if r.accessed})
    if not dates:
        return ""
    shown = [formatting.format_date(d, lang) for d in (dates[0], dates[-1])]
    return f"{i18n.t('src_accessed', lang).lower()} " + (shown[0] if shown[0] == shown[1] else "–".join(shown))


def _float(value: Any) -> float:
    return float(value) if value is not None and pd.notna(value) else math.nan


def _group_label(code: str, lang: str) -> str:
    key = f"briefing_tg_{code}"
    if key in i18n.keys():
        return i18n.t(key, lang)
    return vocab.TARGET_GROUPS[code].label(lang) if code in vocab.TARGET_GROUPS else code


def _service_label(code: str, lang: str) -> str:
    if code == "any":
        return i18n.t("briefing_svc_any", lang)
    return vocab.SERVICES[code].label(lang) if code in vocab.SERVICES else code


def _shown_unit(indicator: str) -> str:
    # "per 10,000" is in the indicator's name already; written after every figure it would wrap.
    unit = vocab.INDICATOR_UNITS.get(indicator, "persons")
    return "persons" if unit == "per 10,000" else unit


def _status_label(status: str, lang: str) -> str:
    return vocab.STATUSES[status].label(lang) if status in vocab.STATUSES else status


def _indicator_rows(table: pd.DataFrame, atvk: str, year: int, vintage: str, lang: str,
                    limit: int) -> tuple[list[dict], int]:
    """The rows to show (as records, best first) and how many more the dashboard has.

    The municipality's figures and the region's statistics are the profile page's
    (``profile.comparison``): the same view, the same honest mean and range.
    """
    current = of_year(table, year)
    compared = {(r["target_group"], r["service"], r["indicator"]): r
                for r in profile.comparison(table, atvk, year, vintage).to_dict("records")}
    candidates: list[tuple[int, tuple[str, str, str], dict | None]] = []
    for key, r in compared.items():
        # A hidden count with its bound ("<5") says something; a hidden derived figure does not.
        tier = 0 if r["qualifier"] != "hidden" else (1 if math.isnan(_float(r["value_max"])) else 0)
        candidates.append((2 if tier == 1 else tier, key, r))
    others = current[(current["atvk"] != REGION_CODE) & current["indicator"].isin(KEY_INDICATORS)
                     & (current["value"].notna() | current["value_min"].notna())]
    for key in others[["target_group", "service", "indicator"]].drop_duplicates().itertuples(index=False):
        if tuple(key) not in compared:
            candidates.append((1, tuple(key), None))

    def rank(c) -> tuple:
        tier, (group, service, indicator), _ = c
        return (tier, PRIORITY.index(indicator) if indicator in PRIORITY else len(PRIORITY),
                _GROUP_ORDER.get(group, 99), _SERVICE_ORDER.get(service, 99))

    candidates.sort(key=rank)
    chosen = candidates[:limit]
    more = sum(1 for tier, _, _ in candidates[limit:] if tier != 1)
    # Shown grouped by target group and service, the way the dashboard lists them.
    chosen.sort(key=lambda c: (_GROUP_ORDER.get(c[1][0], 99), _SERVICE_ORDER.get(c[1][1], 99), rank(c)[1]))
    total = len(boundaries.units(vintage))
    out = []
    for tier, (group, service, indicator), r in chosen:
        unit = _shown_unit(indicator)
        if r is None:
            value, status, source, row_year = i18n.t("no_data", lang), "", "", ""
            view = figures.view(current, vintage, year, group, service, indicator)
            stat = figures.spread(view.figures())
            region = formatting.interval_text(stat.mean_low, stat.mean_high, unit, lang) if stat else ""
            n_used = stat.used if stat else 0
            low, low_high, high, high_high = ((stat.min_low, stat.min_high, stat.max_low, stat.max_high) if stat
                                              else (math.nan,) * 4)
        else:
            value = formatting.value_text(_float(r["value"]), _float(r["value_min"]), _float(r["value_max"]),
                                          str(r["status"]), unit, lang)
            status, source, row_year = str(r["status"]), r["source"], str(int(r["as_of"]))
            region = formatting.interval_text(r["region_mean"], r["region_mean_high"], unit, lang)
            n_used = int(r["units_with_data"])
            low, low_high = r["region_min"], r["region_min_high"]
            high, high_high = r["region_max"], r["region_max_high"]
        if n_used == 0:
            region, region_detail = i18n.t("no_data", lang), ""
        else:
            region_detail = i18n.t("briefing_units_short", lang, n=n_used, total=total)
            if n_used > 1 and not (low == high and low_high == high_high):
                region_detail = f"{formatting.range_text(low, low_high, high, high_high, unit, lang)} · {region_detail}"
        out.append({
            "indicator": indicator, "target_group": group, "service": service,
            "label": vocab.INDICATORS[indicator].label(lang) if indicator in vocab.INDICATORS else indicator,
            "detail": f"{_group_label(group, lang)} · {_service_label(service, lang)}",
            "value": value, "region": region, "region_detail": region_detail,
            "status": _status_label(status, lang) if status else "", "year": row_year, "source": source,
            "known": r is not None and tier != 1,
        })
    return out, more


def _site_rows(dataset: Dataset, atvk: str, vintage: str, year: int, lang: str) -> list[dict]:
    # A site belongs to a year's briefing only if it was open (or planned) by then.
    in_year = figures.sites_in_year(dataset.facilities, year)
    sites = in_year[facilities.units_of(in_year, vintage) == atvk]
    records = sorted(sites.to_dict("records"), key=lambda r: (_SITE_STATUS_ORDER.get(r["status"], 99), r["name"]))
    out = []
    for r in records:
        codes = [c.strip() for c in str(r["services"]).split(";") if c.strip()]
        status = (vocab.FACILITY_STATUSES[r["status"]].label(lang) if r["status"] in vocab.FACILITY_STATUSES
                  else str(r["status"]))
        opened = str(r.get("opened") or "")[:4]
        if r["status"] == "operating" and opened.isdigit():
            # Sites carry today's status; the opening year tells a reader of an older year what existed then.
            status = i18n.t("briefing_since", lang, status=status, year=opened)
        out.append({
            "name": str(r["name"]),
            "services": ", ".join(_service_label(c, lang) for c in codes),
            "places": formatting.format_number(_float(r["places"]), lang) or "–",
            "status": status,
            "source": r["source"],
        })
    return out


def _shortfalls(table: pd.DataFrame, atvk: str, year: int, lang: str, limit: int) -> tuple[list[dict], list[str]]:
    """Rows with a gap above zero, and sentences for what the rows cannot say."""
    ranked = demand.ranked(table, year)
    ranked = ranked[ranked["atvk"] == atvk]
    gaps = ranked[ranked["shortfall"] > 0]
    rows = []
    for r in gaps.head(limit).to_dict("records"):
        supply_is_places = not math.isnan(_float(r["places"]))
        supply = _float(r["places"]) if supply_is_places else _float(r["persons_served"])
        gap = formatting.value_text(_float(r["shortfall"]), math.nan, math.nan, str(r["status"]), "persons", lang)
        if not math.isnan(_float(r["shortfall_pct"])):
            gap += f" ({formatting.format_number(_float(r['shortfall_pct']), lang, 0)} %)"
        rows.append({
            "label": f"{_group_label(r['target_group'], lang)} · {_service_label(r['service'], lang)}",
            "assessed": formatting.format_number(_float(r["persons_assessed"]), lang) or i18n.t("no_data", lang),
            "supply_label": i18n.t("places" if supply_is_places else "served", lang),
            "supply": formatting.format_number(supply, lang) or i18n.t("no_data", lang),
            "gap": gap, "source": r["source"],
        })
    messages = []
    if gaps.empty:
        messages.append(i18n.t("briefing_zero_shortfall" if not ranked.empty else "briefing_no_shortfall", lang))
    current = of_year(table, year)
    hidden = current[(current["atvk"] == atvk) & (current["indicator"] == "shortfall")
                     & (current["status"] == vocab.SUPPRESSED)]
    if not hidden.empty:
        messages.append(i18n.t("briefing_hidden_shortfalls", lang, n=len(hidden)))
    return rows, messages


def _population(dataset: Dataset, atvk: str, year: int, vintage: str, lang: str) -> tuple[str, str]:
    found = denominators(dataset.population, vintage).get(atvk, year)
    if found is None:
        return "", ""
    mark = "≈" if found.status == "estimated" else ""
    statistic = (vocab.POPULATION_STATISTICS[found.statistic].label(lang) if found.statistic in
                 vocab.POPULATION_STATISTICS else i18n.t("stat_unspecified", lang))
    label = i18n.t("briefing_population_stat", lang, statistic=statistic,
                   date=formatting.format_date(found.reference_date, lang))
    # Apportioned across the 2021 reform a count gets decimals; people are whole, and "≈" says it is an estimate.
    return f"{label}: {mark}{formatting.format_number(round(found.value), lang)}", found.source


def build(dataset: Dataset, table: pd.DataFrame, atvk: str, year: int, vintage: str, lang: str, *,
          limits: Limits = LIMITS[0], suppress_below: int | None = None, today: date | None = None) -> Briefing:
    """The briefing of municipality ``atvk`` for ``year`` in ``vintage`` boundaries, in ``lang``.

    ``table`` is ``figures.table(dataset, vintage)`` of the (suppressed) dataset the reader may
    see; ``suppress_below`` is the threshold it was suppressed with (default: the public one,
    ``privacy.threshold()``; 0 for a maintainer's view), said in the footer.
    """
    units = boundaries.units(vintage)
    if atvk not in units:
        valid = ", ".join(f"{code} {u.name_lv}" for code, u in units.items())
        raise ValueError(f"ATVK {atvk!r} is not a municipality of the {vintage} boundaries; valid codes: {valid}")
    unit = units[atvk]
    name = unit.name(lang)
    cite = _Citations(dataset, lang)

    population_text, population_source = _population(dataset, atvk, year, vintage, lang)
    population_refs = cite.refs(population_source)
    indicator_rows, more = _indicator_rows(table, atvk, year, vintage, lang, limits.indicators)
    indicators_shown = tuple(
        IndicatorRow(**{k: v for k, v in r.items() if k != "source"}, refs=cite.refs(r["source"]))
        for r in indicator_rows)
    all_sites = _site_rows(dataset, atvk, vintage, year, lang)
    sites = tuple(SiteRow(r["name"], r["services"], r["places"], r["status"], cite.refs(r["source"]))
                  for r in all_sites[:limits.sites])
    gap_rows, gap_messages = _shortfalls(table, atvk, year, lang, limits.shortfalls)
    plan_lines = tuple((text, cite.refs(source)) for text, source in _plan_lines(table, year, vintage, lang)
                       ) if limits.plan else ()
    shortfalls = tuple(ShortfallRow(r["label"], r["assessed"], r["supply_label"], r["supply"], r["gap"],
                                    cite.refs(r["source"])) for r in gap_rows)

    shown_values = [r.value for r in indicators_shown] + [r.gap for r in shortfalls] + [population_text]
    marks = []
    if any("≈" in v for v in shown_values):
        marks.append(i18n.t("estimated_mark", lang))
    if any("≥" in v for v in shown_values):
        marks.append(i18n.t("incomplete_mark", lang))
    if any(r.value.startswith(">") or ("–" in r.value) for r in indicators_shown):
        marks.append(i18n.t("range_mark", lang))

    below = privacy.threshold() if suppress_below is None else suppress_below
    privacy_text = i18n.t("briefing_privacy", lang, n=below) if below > 1 else i18n.t("briefing_maintainer", lang)
    version = dataset.version or "–"
    return Briefing(
        lang=lang, atvk=atvk, year=year, vintage=vintage, name=name,
        heading=i18n.t("briefing_heading", lang, name=name, year=year),
        boundaries_text=f"{i18n.t('vintage', lang)}: {boundaries.vintage_label(vintage, lang)}",
        version_text=i18n.t("data_version", lang, version=version,
                            date=formatting.format_date(dataset.last_updated, lang) or "–"),
        synthetic=dataset.synthetic,
        boundary_note=unit.boundary_note,
        population_text=population_text,
        population_refs=population_refs,
        indicators=indicators_shown,
        more_indicators=more,
        indicator_message="" if indicators_shown else i18n.t("briefing_no_indicators", lang, year=year),
        sites=sites,
        more_sites=max(0, len(all_sites) - limits.sites),
        site_message="" if all_sites else i18n.t("briefing_no_sites", lang),
        shortfalls=shortfalls,
        shortfall_messages=tuple(gap_messages),
        plan_lines=plan_lines,
        sources=cite.sources(),
        marks=tuple(marks),
        privacy_text=privacy_text,
        attribution=boundaries.attribution(lang),
        generated_text=i18n.t("briefing_generated", lang,
                              date=formatting.format_date((today or date.today()).isoformat(), lang)),
    )


# --- layout -------------------------------------------------------------------------------------

_CSS = """
@page { size: A4; margin: 12mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: "Liberation Sans", "DejaVu Sans", Arial, sans-serif; font-size: 9pt;
       line-height: 1.25; color: #1d1d1d; }
h1 { font-size: 16pt; line-height: 1.15; margin: 0 0 1mm; color: #9e1b32; }
h2 { font-size: 10.5pt; margin: 3.5mm 0 1.2mm; padding-bottom: 0.6mm; color: #9e1b32;
     border-bottom: 0.6pt solid #9e1b32; }
.meta { margin: 0; font-size: 8pt; color: #4a4a4a; }
header { border-bottom: 2pt solid #9e1b32; padding-bottom: 1.5mm; }
.synthetic { margin: 2mm 0 0; padding: 1.6mm 3mm; background: #c8102e; color: #fff; font-weight: bold;
             font-size: 11pt; text-align: center; letter-spacing: 0.02em; }
.top { display: flex; gap: 4mm; align-items: flex-start; }
.side { flex: 0 0 60mm; }
.locator { margin: 3.5mm 0 0; }
.locator svg { display: block; }
.locator figcaption { margin-top: 1.5mm; font-size: 8pt; color: #333; }
.locator .note { display: block; margin-top: 0.8mm; color: #666; font-size: 7pt; }
.key { flex: 1 1 auto; min-width: 0; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 8.5pt; }
th { text-align: left; vertical-align: bottom; font-size: 7.2pt; font-weight: bold; color: #4a4a4a;
     border-bottom: 0.8pt solid #9e1b32; padding: 0.5mm 1mm; }
td { vertical-align: baseline; padding: 0.45mm 1mm; border-bottom: 0.4pt solid #dcdcdc; }
tr { break-inside: avoid; }
td.num { text-align: right; white-space: nowrap; }
th.num { text-align: right; }
td.ref, th.ref { text-align: right; color: #666; font-size: 7pt; }
td.small { font-size: 7.5pt; }
.sub { display: block; color: #666; font-size: 7.2pt; white-space: normal; }
.nodata { color: #777; font-style: italic; }
.more, .message { margin: 1mm 0 0; font-size: 8pt; color: #4a4a4a; }
.gaps { margin: 0; padding: 0; list-style: none; font-size: 8pt; }
.gaps li { margin: 0 0 1.2mm; }
.gaps .ref { color: #666; font-size: 7pt; }
.sources ol { margin: 0; padding-left: 5mm; font-size: 7pt; color: #333; }
.sources li { margin: 0 0 0.3mm; }
.sources .url { color: #555; word-break: break-all; }
.sources .details { color: #444; }
footer { margin-top: 3mm; padding-top: 1.2mm; border-top: 0.6pt solid #9e1b32; font-size: 7pt; color: #4a4a4a; }
footer p { margin: 0 0 0.6mm; }
"""


def _e(text: object) -> str:
    return html_lib.escape(str(text), quote=True)


def _word(key: str, lang: str) -> str:
    """An interface string, escaped for HTML."""
    return _e(i18n.t(key, lang))


def _refs(refs: tuple[int, ...]) -> str:
    return ", ".join(str(n) for n in sorted(refs))


def _indicator_table(b: Briefing) -> str:
    t = partial(_word, lang=b.lang)
    if not b.indicators:
        return f'<p class="message">{_e(b.indicator_message)}</p>'
    head = ('<colgroup><col style="width:40%"><col style="width:12%"><col style="width:24%"><col style="width:12%">'
            '<col style="width:7%"><col style="width:5%"></colgroup>'
            f'<tr><th>{t("indicator_col")}</th><th class="num">{t("briefing_this_unit")}</th>'
            f'<th class="num">{t("briefing_region_col")}<span class="sub">{t("briefing_region_sub")}</span></th>'
            f'<th>{t("status")}</th>'
            f'<th class="num">{t("year_col")}</th><th class="ref">{t("briefing_ref")}</th></tr>')
    rows = []
    for r in b.indicators:
        value = _e(r.value) if r.known else f'<span class="nodata">{_e(r.value)}</span>'
        region = _e(r.region) + (f'<span class="sub">{_e(r.region_detail)}</span>' if r.region_detail else "")
        rows.append(f'<tr><td>{_e(r.label)}<span class="sub">{_e(r.detail)}</span></td><td class="num">{value}</td>'
                    f'<td class="num">{region}</td><td class="small">{_e(r.status)}</td>'
                    f'<td class="num small">{_e(r.year)}</td><td class="ref">{_refs(r.refs)}</td></tr>')
    more = (f'<p class="more">{_e(i18n.t("briefing_more_indicators", b.lang, n=b.more_indicators))}</p>'
            if b.more_indicators else "")
    return f"<table>{head}{''.join(rows)}</table>{more}"


def _site_table(b: Briefing) -> str:
    t = partial(_word, lang=b.lang)
    if not b.sites:
        return f'<p class="message">{_e(b.site_message)}</p>'
    head = ('<colgroup><col style="width:38%"><col style="width:35%"><col style="width:7%"><col style="width:16%">'
            '<col style="width:4%"></colgroup>'
            f'<tr><th>{t("briefing_site_name")}</th><th>{t("briefing_services")}</th>'
            f'<th class="num">{t("places")}</th><th>{t("status")}</th><th class="ref">{t("briefing_ref")}</th></tr>')
    rows = [f'<tr><td>{_e(r.name)}</td><td>{_e(r.services)}</td><td class="num">{_e(r.places)}</td>'
            f'<td>{_e(r.status)}</td><td class="ref">{_refs(r.refs)}</td></tr>' for r in b.sites]
    more = (f'<p class="more">{_e(i18n.t("briefing_more_sites", b.lang, n=b.more_sites))}</p>'
            if b.more_sites else "")
    return f"<table>{head}{''.join(rows)}</table>{more}"


def _plan_lines(table: pd.DataFrame, year: int, vintage: str, lang: str) -> list[tuple[str, str]]:
    """Latgale's progress against the DI plan's person targets, one short line each (the DI
    progress page's figures): "Children with FT: 460 of 533 (86 %), cumulative to 2022 · ↑"."""
    out = []
    for p in progress.plan_progress(table, vintage, year):
        if p.measure != "persons_served" or not p.latest.known or math.isnan(p.share):
            continue
        share = ("≥ " if p.share_is_lower_bound else "") + f"{formatting.format_number(p.share, lang, 0)} %"
        arrow = {"up": " · ↑", "down": " · ↓", "same": " · →"}.get(p.direction, "")
        text = i18n.t("briefing_plan_line", lang, group=_group_label(p.target_group, lang),
                      value=formatting.figure_text(p.latest, lang), target=formatting.figure_text(p.target, lang),
                      share=share, year=p.latest.as_of) + arrow
        out.append((text, "; ".join(dict.fromkeys([*p.latest.sources, *p.target.sources]))))
    return out


def _shortfall_list(b: Briefing) -> str:
    # A list, not a table: it sits in the narrow column under the map.
    t = partial(_word, lang=b.lang)
    items = [f'<li><strong>{_e(r.label)}</strong><br>{t("assessed")}: {_e(r.assessed)} · {_e(r.supply_label)}: '
             f'{_e(r.supply)}<br>{t("shortfall")}: <strong>{_e(r.gap)}</strong>'
             f' <span class="ref">[{_refs(r.refs)}]</span></li>' for r in b.shortfalls]
    out = f'<ul class="gaps">{"".join(items)}</ul>' if items else ""
    return out + "".join(f'<p class="message">{_e(m)}</p>' for m in b.shortfall_messages)


def _plan_list(b: Briefing) -> str:
    if not b.plan_lines:
        return ""
    items = "".join(f'<li>{_e(text)} <span class="ref">[{_refs(refs)}]</span></li>' for text, refs in b.plan_lines)
    return f'<h2>{_word("briefing_plan", b.lang)}</h2><ul class="gaps">{items}</ul>'


def html(b: Briefing) -> str:
    """The briefing as one standalone HTML document for A4 (inline CSS and SVG, nothing external)."""
    t = partial(_word, lang=b.lang)
    banner = f'<p class="synthetic">{t("briefing_synthetic")}</p>' if b.synthetic else ""
    population = ""
    if b.population_text:
        refs = f' <span class="ref">[{_refs(b.population_refs)}]</span>' if b.population_refs else ""
        population = f"<br>{_e(b.population_text)}{refs}"
    note = f'<span class="note">{_e(b.boundary_note)}</span>' if b.boundary_note else ""
    sources = "".join(
        f'<li value="{s.number}">{_e(s.title)}' + (f' <span class="details">({_e(s.details)})</span>' if s.details
                                                   else "")
        + (f' — <span class="url">{_e(s.url)}</span>' if s.url else "")
        + "</li>" for s in b.sources)
    marks = "".join(f"<p>{_e(m)}</p>" for m in b.marks)
    accessed = _accessed_range(b.sources, b.lang)
    return f"""<!DOCTYPE html>
<html lang="{_e(b.lang)}">
<head>
<meta charset="utf-8">
<title>{_e(b.heading)}</title>
<style>{_CSS}</style>
</head>
<body>
<header>
<h1>{_e(b.heading)}</h1>
<p class="meta">{_e(b.boundaries_text)} · {_e(b.version_text)}</p>
</header>
{banner}
<section class="top">
<div class="side">
<figure class="locator">{locator.svg(b.vintage, b.atvk, title=b.name)}
<figcaption><strong>{_e(b.name)}</strong>{population}{note}</figcaption></figure>
<h2>{t("briefing_shortfalls")}</h2>
{_shortfall_list(b)}
{_plan_list(b)}
</div>
<div class="key">
<h2>{t("briefing_key_indicators")}</h2>
{_indicator_table(b)}
</div>
</section>
<section>
<h2>{t("facilities")}</h2>
{_site_table(b)}
</section>
<section class="sources">
<h2>{t("sources")}{f' <span class="details">({_e(accessed)})</span>' if accessed else ""}</h2>
<ol>{sources}</ol>
</section>
<footer>
{marks}
<p>{_e(b.privacy_text)}</p>
<p>{_e(b.attribution)}</p>
<p>{_e(b.generated_text)}</p>
</footer>
</body>
</html>
"""


def pdf(dataset: Dataset, table: pd.DataFrame, atvk: str, year: int, vintage: str, lang: str, *,
        suppress_below: int | None = None, timeout_s: float = 60) -> bytes:
    """The briefing as a one-page A4 PDF.

    If the data have grown so that the page spills over, fewer rows are shown (each section then
    says how many more the dashboard has) rather than a second page. Should even the fewest rows
    not fit (the shipped data are far from it), the last attempt is returned as it is.
    """
    out = b""
    for limits in LIMITS:
        page = html(build(dataset, table, atvk, year, vintage, lang, limits=limits, suppress_below=suppress_below))
        out = pdf_export.from_html(page, timeout_s=timeout_s)
        if pdf_export.page_count(out) <= 1:
            break
    return out
