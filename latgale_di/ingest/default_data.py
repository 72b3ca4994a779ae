"""Build the default dataset in ``data/`` from the research pack in ``data/sources/``.

Run ``python -m latgale_di build-data`` (or ``--check`` to verify the shipped files). The output
is deterministic: a test rebuilds it and compares byte for byte with what is shipped.

Each observation below is *curated*: a person read the research row and decided which
municipality, vintage, year, target group, service and indicator it is. The value itself is
always read from the research file (never typed here), and every row keeps its source. Rules:

* year: the year the figure refers to; for a period, its last year; planned capacity: the year
  the plan was stated;
* vintage: the boundaries the source counts in (reports after July 2021 may still use the
  pre-2021 units);
* ">50 %" or "30–40 %" become ``value_min``/``value_max`` with no exact ``value``;
* what cannot be placed on the map (unnamed groups of municipalities, qualitative statements,
  national facts) is left out here and listed in ``docs/data-contract.md``.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from latgale_di.core.paths import DATA_DIR, SOURCES_DIR
from latgale_di.core.vocab import INDICATOR_UNITS
from latgale_di.ingest import citations
from latgale_di.ingest import research_round2 as round2
from latgale_di.ingest.contract import (
    FACILITY_COLUMNS,
    OBSERVATION_COLUMNS,
    OBSERVATION_KEY,
    POPULATION_COLUMNS,
    SOURCE_COLUMNS,
)
from latgale_di.territory.boundaries import REGION_CODE
from latgale_di.territory.names import match_atvk

DATASET_VERSION = "2026.12-research-pack-2"
DATASET_DATE = "2026-12-05"  # when the research pack was last read; bump with any change below
OUTPUT_FILES = ("observations.csv", "facilities.csv", "population.csv", "sources.csv", "skipped_rows.csv",
                "metadata.json")

SEED = "seed_facts.csv"
OTHER = "other_facts.csv"
ROUND2 = "facts_round2.csv"
OFFSCHEMA = "facts_round2_offschema.csv"


@dataclass(frozen=True)
class Pick:
    """One research row and what it means in the contract."""

    file: str
    municipality: str  # as written in the research row (matched exactly there)
    metric: str
    year: str  # the research row's year text
    service_prefix: str
    target_group: str  # research code, e.g. children_FT
    # what it becomes
    atvk: str  # a name or code for the matcher, or LPR
    vintage: str
    out_year: int
    out_group: str
    out_service: str
    indicator: str
    note: str = ""
    status: str = "reported"
    cite_url: str = ""  # cite this page instead of the row's own (the row's is a copy of it)


_VIDEO = "https://newtuber.su/video/TnLvVx8HViU"  # the research's address; cited at its YouTube original
DAUGAVPILS_NOTICE = "https://www.daugavpils.lv/pilseta/par-daugavpili/pilsetas-zinas/di-20-06-16"
CUMULATIVE = "cumulative unique persons since the DI project began (2015), not a yearly count"


def _seed_2019(mun: str, group: str, metric: str, indicator: str, atvk: str | None = None,
               service: str = "any SBSP (DI project)", out_service: str = "any", note: str = CUMULATIVE,
               status: str = "reported") -> Pick:
    out_group = {"children_FT": "children_ft", "adults_GRT": "adults_grt"}[group]
    return Pick(SEED, mun, metric, "2019", service, group, atvk or mun, "2009", 2019, out_group, out_service,
                indicator, note, status)


_FT_MORE_THAN_HALF = ("Riebiņu novads", "Rēzeknes pilsēta", "Ilūkstes novads", "Viļānu novads",
                      "Ludzas novads", "Daugavpils novads", "Viļakas novads", "Rugāju novads")
_SHARE_NOTE = "share of assessed children who had started receiving services by end-2019"

PICKS: tuple[Pick, ...] = (
    # --- seed 003: children with FT, 2019, pre-2021 units ---
    *(_seed_2019(m, "children_FT", "persons_served", "persons_served") for m in (
        "Rēzeknes pilsēta", "Daugavpils pilsēta", "Ludzas novads", "Daugavpils novads", "Rēzeknes novads",
        "Aglonas novads", "Zilupes novads", "Vārkavas novads")),
    *(_seed_2019(m, "children_FT", "share_served_pct", "share_served", note="more than 50 % (seed: "
                 "'vairāk nekā 50%'); " + _SHARE_NOTE) for m in _FT_MORE_THAN_HALF),
    _seed_2019("Dagdas novads", "children_FT", "share_served_pct", "share_served", note=_SHARE_NOTE),
    *(_seed_2019(m, "children_FT", "share_served_pct", "share_served", status="derived",
                 note="no assessed child had started receiving services by end-2019 (seed), so 0 %")
      for m in ("Aglonas novads", "Zilupes novads", "Vārkavas novads")),
    _seed_2019("Latgales reģions", "children_FT", "persons_served", "persons_served", atvk=REGION_CODE),
    _seed_2019("Latgales reģions", "children_FT", "persons_served", "persons_served", atvk=REGION_CODE,
               service="social rehabilitation", out_service="social_rehabilitation"),
    _seed_2019("Latgales reģions", "children_FT", "persons_served", "persons_served", atvk=REGION_CODE,
               service="social care", out_service="social_care"),
    _seed_2019("Latgales reģions", "children_FT", "persons_served", "persons_served", atvk=REGION_CODE,
               service="respite care", out_service="respite_care"),
    # --- seed 003: adults with GRT, 2019 ---
    *(_seed_2019(m, "adults_GRT", "persons_served", "persons_served") for m in (
        "Ludzas novads", "Kārsavas novads", "Dagdas novads", "Daugavpils pilsēta", "Rēzeknes pilsēta",
        "Aglonas novads", "Baltinavas novads", "Krāslavas novads", "Rēzeknes novads", "Riebiņu novads")),
    *(_seed_2019(m, "adults_GRT", "persons_assessed", "persons_assessed", note="assessed in the DI project by end-2019")
      for m in ("Kārsavas novads", "Dagdas novads", "Daugavpils pilsēta", "Rēzeknes pilsēta")),
    _seed_2019("Daugavpils pilsēta", "adults_GRT", "persons_served", "persons_served",
               service="group apartments (former VSAC", out_service="group_apartments",
               note="former residents of state social care centres (VSAC) only"),
    _seed_2019("Daugavpils pilsēta", "adults_GRT", "persons_served", "persons_served",
               service="specialised workshops (former VSAC", out_service="specialised_workshop",
               note="former residents of state social care centres (VSAC) only"),
    _seed_2019("Daugavpils novads", "adults_GRT", "persons_served", "persons_served",
               service="psychologist consultations + day care", out_service="day_care_centre",
               note="all 4 also used psychologist consultations"),
    *(_seed_2019("Latgales reģions", "adults_GRT", "persons_served", "persons_served", atvk=REGION_CODE,
                 service=svc, out_service=code)
      for svc, code in (("any SBSP (DI project)", "any"), ("specialised workshops", "specialised_workshop"),
                        ("day care centre", "day_care_centre"), ("group apartments", "group_apartments"),
                        ("care service", "social_care"), ("respite care", "respite_care"))),
    # --- seed 002 (2016): state institutions ---
    Pick(SEED, "VSAC “Latgale” filiāles Kalupe, Krastiņi, Kalkūni", "places", "2016", "state long-term",
         "adults_GRT", REGION_CODE, "2009", 2016, "adults_grt", "institutional_care", "places",
         "VSAC “Latgale” branches Kalupe, Krastiņi and Kalkūni together; per-branch split not given"),
    Pick(SEED, "Latgales bērnu aprūpes iestādes", "persons_in_care", "2016", "children's care",
         "children_out_of_family_care", REGION_CODE, "2009", 2016, "children_ooc", "institutional_care",
         "persons_served", "children living in care institutions at the beginning of 2016"),
    # --- seed 000 (2023): group apartments more than 80 % full ---
    Pick(SEED, "Latgales plānošanas reģions", "occupancy_pct", "2023", "group apartments", "adults_GRT",
         REGION_CODE, "2021", 2023, "adults_grt", "group_apartments", "occupancy_rate",
         "more than 80 % (seed: 'noslodze Grupu dzīvokļos pieaugušajiem ir vairāk nekā 80%')"),
    # --- public sources: region ---
    *(Pick(OTHER, "Latgales plānošanas reģions", "target_persons", "2020", "SBSP (DI plan target)", g,
           REGION_CODE, "2009", 2020, out, "any", "target_persons",
           "persons to receive community-based services under the DI plan (version of 1 April 2020)")
      for g, out in (("children_FT", "children_ft"), ("adults_GRT", "adults_grt"))),
    Pick(OTHER, "Latgales reģions", "persons_assessed", "2018", "needs assessment", "children_FT", REGION_CODE,
         "2009", 2018, "children_ft", "any", "persons_assessed", "needs assessed and support plan made, to end-2018"),
    Pick(OTHER, "Latgales reģions", "persons_served", "2018", "any SBSP", "children_FT", REGION_CODE,
         "2009", 2018, "children_ft", "any", "persons_served", CUMULATIVE),
    Pick(OTHER, "Latgales reģions", "persons_served", "2021", "any SBSP", "children_FT", REGION_CODE,
         "2009", 2021, "children_ft", "any", "persons_served", CUMULATIVE),
    Pick(OTHER, "Latgales plānošanas reģions", "eur_total_budget", "2023", "ESF project 9.2.2.1/15/I/005",
         "all", REGION_CODE, "2021", 2023, "all", "any", "eur",
         "ESF project 9.2.2.1/15/I/005 “DI pasākumu īstenošana Latgales reģionā”, total budget 2015–2023 "
         "(of which ESF 7 398 389.50 EUR)"),
    # --- public sources: children with FT by municipality, 2021 report in pre-2021 units ---
    *(Pick(OTHER, m, "persons_served", "2021", "any SBSP", "children_FT", m, "2009", 2021, "children_ft", "any",
           "persons_served", CUMULATIVE + "; the report still uses pre-2021 units")
      for m in ("Daugavpils pilsēta", "Rēzeknes pilsēta", "Daugavpils novads", "Ludzas novads", "Balvu novads")),
    *(Pick(OTHER, m, "share_served_pct", "2021", "any SBSP", "children_FT", m, "2009", 2021, "children_ft", "any",
           "share_served", "share of assessed children served; the report still uses pre-2021 units")
      for m in ("Preiļu novads", "Baltinavas novads", "Rēzeknes novads")),
    # --- public sources: places, occupancy, persons served at named sites ---
    Pick(OTHER, "Daugavpils", "places", "2021-2022 (date not shown)", "group apartments, 18.novembra", "adults_GRT",
         "Daugavpils", "2021", 2022, "adults_grt", "group_apartments", "places",
         "18. Novembra iela 354V, for former residents of state institutions; read in a video description "
         "(2021–2022, date not shown); the city's own notice of 16 June 2020 gives the same 12 places",
         cite_url=DAUGAVPILS_NOTICE),
    Pick(OTHER, "Daugavpils", "residents_at_opening", "2021-2022 (date not shown)", "group apartments, 18.novembra",
         "adults_GRT", "Daugavpils", "2021", 2022, "adults_grt", "group_apartments", "occupied_places",
         "residents at opening, 18. Novembra iela 354V; date 2021–2022, not shown"),
    Pick(OTHER, "Daugavpils novads / Augšdaugavas novads (Nīcgales pag.)", "planned_places", "2022",
         "group apartments, Skolas", "adults_GRT", "Augšdaugavas novads", "2021", 2022, "adults_grt",
         "group_apartments", "planned_places", "Skolas iela 15, Nīcgale; construction finished March 2022"),
    Pick(OTHER, "Daugavpils novads / Augšdaugavas novads (Nīcgales pag.)", "planned_places", "2022",
         "specialised workshops, Skolas", "adults_GRT", "Augšdaugavas novads", "2021", 2022, "adults_grt",
         "specialised_workshop", "planned_places", "Skolas iela 15, Nīcgale; construction finished March 2022"),
    Pick(OTHER, "Rēzeknes novads (Dricānu pag., Pilcene)", "planned_places", "2020-2021", "group apartment house",
         "adults_GRT", "Rēzeknes novads", "2009", 2020, "adults_grt", "group_apartments", "planned_places",
         "group house “Pilcene” (ERAF 9.3.1.1/19/I/047)"),
    Pick(OTHER, "Rēzeknes novads (Silmalas pag., Vecružina)", "planned_places", "2020-2021", "respite care",
         "children_FT", "Rēzeknes novads", "2009", 2020, "children_ft", "respite_care", "planned_places",
         "DSPC “Vecružina” (ERAF 9.3.1.1/19/I/047)"),
    Pick(OTHER, "Rēzeknes novads (Silmalas pag., Vecružina)", "planned_places", "2020-2021", "day care centre",
         "children_FT", "Rēzeknes novads", "2009", 2020, "children_ft", "day_care_centre", "planned_places",
         "DSPC “Vecružina” (ERAF 9.3.1.1/19/I/047)"),
    Pick(OTHER, "Rēzeknes novads (Pilcene)", "places", "2023", "group house", "adults_GRT", "Rēzeknes novads",
         "2021", 2023, "adults_grt", "group_apartments", "places", "group house “Pilcene”, opened 30 May 2023"),
    *(Pick(OTHER, "Rēzeknes novads (Viļāni)", "planned_places", "2020-2023", svc, "adults_GRT", "Rēzeknes novads",
           "2021", 2023, "adults_grt", code, "planned_places", "Viļāni; under construction in June 2023")
      for svc, code in (("group apartment house", "group_apartments"), ("day care centre", "day_care_centre"),
                        ("specialised workshops", "specialised_workshop"))),
    *(Pick(OTHER, "Kārsavas novads", "planned_users", "2020", svc, g, "Kārsavas novads", "2009", 2020, out, code,
           "planned_places", "DSPC Kārsava: planned users with a support plan, not licensed places")
      for svc, g, out, code in (("day care centre, DSPC", "adults_GRT", "adults_grt", "day_care_centre"),
                                ("day care centre, DSPC", "children_FT", "children_ft", "day_care_centre"),
                                ("specialised workshops", "adults_GRT", "adults_grt", "specialised_workshop"),
                                ("social rehabilitation", "children_FT", "children_ft", "social_rehabilitation"))),
    Pick(OTHER, "Krāslavas novads", "places", "2023", "family-like care", "children_out_of_family_care",
         "Krāslavas novads", "2021", 2023, "children_ooc", "family_like_care", "places",
         "Grāfu Plāteru iela 10, opened 9 November 2023"),
    Pick(OTHER, "Preiļu novads (Līči, Preiļu pag.)", "places", "2021", "group apartments", "adults_GRT",
         "Preiļu novads", "2009", 2021, "adults_grt", "group_apartments", "places",
         "Līči, registered 22 April 2021 (before the reform)"),
    Pick(OTHER, "Preiļu novads", "eur_per_day_cost", "2021", "group apartments", "adults_GRT", "Preiļu novads",
         "2009", 2021, "adults_grt", "group_apartments", "eur_per_day",
         "Līči group apartments; client co-payment for premises 23.41–29.19 EUR a month"),
    Pick(OTHER, "Balvu novads (Viļaka)", "places", "2021", "day care centre", "adults_GRT", "Balvu novads", "2021",
         2021, "adults_grt", "day_care_centre", "places", "Viļaka, opened 12 October 2021"),
    Pick(OTHER, "Balvu novads (Viļaka)", "places", "2021", "group apartments", "adults_GRT", "Balvu novads", "2021",
         2021, "adults_grt", "group_apartments", "places", "Viļaka, opened 12 October 2021"),
    Pick(OTHER, "Rēzekne", "persons_attending", "n/d (~half a year after opening, c. 2021-2022)", "day care",
         "children_FT", "Rēzekne", "2021", 2022, "children_ft", "day_care_centre", "persons_served",
         "centre “Spārīte”, about half a year after opening; broadcast date not shown (c. 2021–2022)"),
    # --- public sources: DI infrastructure investment (EUR) ---
    Pick(OTHER, "Daugavpils novads / Augšdaugavas novads", "eur_total", "2020-2022", "ERAF project", "all",
         "Augšdaugavas novads", "2021", 2022, "all", "any", "eur",
         "ERAF project 9.3.1.1/19/I/037, total cost (ERAF 971 059.39 EUR)"),
    Pick(OTHER, "Rēzekne", "eur_total", "2022", "ERAF project", "all", "Rēzekne", "2021", 2022, "all", "any", "eur",
         "ERAF project 9.3.1.1/19/I/050, total cost (ERAF 1 700 520.41 EUR)"),
    Pick(OTHER, "Rēzekne", "eur_construction_cost", "2021", "day care centre", "adults_GRT", "Rēzekne", "2009",
         2021, "adults_grt", "day_care_centre", "eur",
         "Viļānu iela 10: day-care centre and 3 specialised workshops, construction cost"),
    Pick(OTHER, "Rēzeknes novads", "eur_eligible", "2020-2021", "ERAF project", "all", "Rēzeknes novads", "2009",
         2021, "all", "any", "eur", "ERAF project 9.3.1.1/19/I/047 (Pilcene, Vecružina), eligible cost "
         "(ERAF 508 245.60 EUR)"),
    Pick(OTHER, "Rēzeknes novads (Viļāni)", "eur_total", "2020-2023", "Viļāni project total", "adults_GRT",
         "Rēzeknes novads", "2021", 2023, "adults_grt", "any", "eur",
         "Viļāni group apartments, day-care centre and workshops, total budget (ERAF 706 599.42 EUR)"),
    Pick(OTHER, "Ludzas novads", "eur_total", "2020", "DSPC Ludza", "all", "Ludzas novads", "2009", 2020, "all",
         "any", "eur", "DSPC Ludza, 18. novembra iela 17A, reconstruction total (ERAF 85 %)"),
    Pick(OTHER, "Krāslavas novads", "eur_eligible", "2020-2023", "ERAF project", "all", "Krāslavas novads", "2009",
         2023, "all", "any", "eur", "ERAF project 9.3.1.1/18/I/021 (4 sites in Krāslava), eligible cost"),
)


# Facilities: the research row's id → services, target groups, status, precision (curated).
FACILITY_CURATION: dict[str, tuple[str, str, str, str]] = {
    "VSAC-KALUPE": ("institutional_care", "adults_grt", "operating", "proxy"),
    "VSAC-KRASTINI": ("institutional_care", "adults_grt", "operating", "proxy"),
    "VSAC-KALKUNI": ("institutional_care", "children_ooc;adults_grt", "operating", "parish"),
    "RN-VECRUZINA": ("respite_care;day_care_centre;social_rehabilitation", "children_ft", "operating", "parish"),
    "RN-PILCENE": ("group_apartments", "adults_grt", "operating", "parish"),
    "RN-VILANI-GH": ("group_apartments", "adults_grt", "under_construction", "settlement"),
    "RN-VILANI-DAC": ("day_care_centre;specialised_workshop", "adults_grt", "under_construction", "settlement"),
    "REZ-VILANU10": ("day_care_centre;specialised_workshop", "adults_grt", "operating", "settlement"),
    "REZ-SPARITE": ("day_care_centre;social_rehabilitation", "children_ft", "operating", "settlement"),
    "DGV-354V": ("group_apartments", "adults_grt", "operating", "settlement"),
    "DGV-TURAIDAS36": ("day_care_centre;respite_care;social_rehabilitation", "children_ft", "planned", "settlement"),
    "DGV-PRIEDITE": ("day_care_centre;respite_care", "children_ft", "operating", "settlement"),
    "DGV-ARHITEKTU21": ("day_care_centre;specialised_workshop", "adults_grt", "operating", "settlement"),
    "DGV-PILADZIS": ("family_like_care", "children_ooc", "operating", "settlement"),
    "AD-NICGALE": ("group_apartments;specialised_workshop", "adults_grt", "built", "settlement"),
    "AD-KRAUJA": ("family_like_care;social_rehabilitation", "children_ooc;children_ft", "operating", "proxy"),
    "AD-RUPES": ("day_care_centre", "adults_grt", "operating", "settlement"),
    "LU-DSPC": ("day_care_centre;specialised_workshop;social_rehabilitation", "adults_grt;children_ft", "operating",
                "settlement"),
    "LU-KARSAVA": ("day_care_centre;specialised_workshop;social_rehabilitation", "adults_grt;children_ft",
                   "operating", "settlement"),
    "KR-PILS5": ("day_care_centre;social_rehabilitation", "children_ft", "planned", "settlement"),
    "KR-PLATERU10": ("family_like_care", "children_ooc", "operating", "settlement"),
    "KR-RIGAS159": ("group_apartments", "adults_grt", "under_construction", "settlement"),
    "KR-PLATERU6": ("day_care_centre", "adults_grt", "planned", "settlement"),
    "PR-LICI": ("group_apartments", "adults_grt", "operating", "proxy"),
    "PR-DAC": ("day_care_centre", "adults_grt", "under_construction", "settlement"),
    "BA-VILAKA-DAC": ("day_care_centre", "adults_grt", "operating", "settlement"),
    "BA-VILAKA-GA": ("group_apartments", "adults_grt", "operating", "settlement"),
}
# Capacity that is really places (not clients or planned users) keeps its number in `places`.
_CAPACITY_IS_PLACES = re.compile(r"^places")
_OPENED = re.compile(r"(?:opened|commissioned|registered)[^0-9]*(\d{1,2}) (\w{3})\w* (\d{4})")
_MONTHS = {m: i for i, m in enumerate(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                                       "Nov", "Dec"), 1)}


def _read(name: str) -> list[dict[str, str]]:
    with open(SOURCES_DIR / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _seed_title(stem: str) -> str:
    """The seed's own headline, whole (never cut)."""
    text = (SOURCES_DIR / "seeds" / f"{stem}.txt").read_text(encoding="utf-8")
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.strip().startswith("date ")]
    return lines[0] if not lines[0].startswith("Informācija") else lines[2] + " " + lines[3]


# Who published each seed text and when (read in the text; the seeds carry no address).
SEED_RECORDS: dict[str, tuple[str, str, str, str]] = {
    "000_823427077d47131e": ("Latgales plānošanas reģions", "planning_region", "2023-06",
                             "news item on the meeting of Friday 30 June 2023; the day it was posted is not shown"),
    "001_260a9dbd7d183604": ("Latgales plānošanas reģions", "planning_region", "",
                             "news item; the year of the meeting is not stated (2017 is inferred)"),
    "002_6dcaffee0d399fac": ("Labklājības ministrija", "ministry", "2016-06-14", "press release"),
    "003_570bfe9974c00b71": ("Latgales plānošanas reģions", "planning_region", "2020-12",
                             "news item with figures to 31 December 2019; not dated, it mentions December 2020, "
                             "so it was published then or later"),
    "004_9cc0dcda41cfa984": ("Labklājības ministrija", "ministry", "2024-04", "news item"),
}

# When the research pack that read each file was compiled: the page was read on or before it.
ACCESSED: dict[str, str] = {SEED: "2026-11-22", OTHER: "2026-11-22", "facilities.csv": "2026-11-22",
                            "population.csv": "2026-11-22", "facts_round2.csv": "2026-12-05",
                            "population_official.csv": "2026-12-05"}

_TITLE_DATE = re.compile(r"\((\d{1,2})\.(\d{1,2})\.(\d{4})\)")
_URL_DAY = re.compile(r"/(\d{4})[/-](\d{2})[/-](\d{2})[/-]")
_URL_YEAR = re.compile(r"/lv/(20\d{2})/")
_ISO_START = re.compile(r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:\s|$|\()")


def _published(stated: str, title: str, url: str) -> str:
    """The date a page was published: as the research row states it, else from its title or address."""
    m = _ISO_START.match(stated.strip())
    if m:
        return m.group(1)
    m = _TITLE_DATE.search(title)
    if m:
        return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    m = _URL_DAY.search(url)
    if m:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    m = _URL_YEAR.search(url) or re.search(r"\((20\d{2})\)$", title)
    return m.group(1) if m else ""


def _licence(url: str, kind: str) -> str:
    if citations.WIKIPEDIA.match(citations.host_of(url)):
        return "CC BY-SA 4.0"
    if kind == "official_statistics":
        return "reuse naming the source"
    return "not stated"


def _wikipedia_title(url: str) -> str:
    lang = citations.host_of(url).split(".")[0]
    page = unquote(url.rsplit("/wiki/", 1)[-1]).replace("_", " ")
    return f"{page} — Wikipedia ({lang})"


# Research rows that name two sources in one title: the page's own title, and a note for the other.
TITLE_FIXES: dict[str, tuple[str, str]] = {
    "https://charity.lv/en/causes/kalkuni-dodas-uz-zoo": (
        "charity.lv: Kalkūni dodas uz zoo", "the research row also names LSM replay 'Province: Kalkūni. Smaida cena'"),
}


def _page_index() -> dict[str, tuple[str, str]]:
    """Canonical address → (title, date published) as the research files that describe pages give them.

    The fact files name a page by its own headline; the facility file sometimes by a short label
    or several pages at once, so the fact files' words win.
    """
    index: dict[str, tuple[str, str]] = {}
    for name in (ROUND2, OTHER):
        for row in _read(name):
            url = citations.canonical_url(row.get("source_url", ""))
            title, date = index.get(url, ("", ""))
            stated = _ISO_START.match(row.get("date_published", "").strip())
            index[url] = (title or row.get("source_title", ""), date or (stated.group(1) if stated else ""))
    return index


_PAGES: dict[str, tuple[str, str]] = {}


def _page_facts(url: str, title: str, published: str) -> tuple[str, str]:
    if not _PAGES:
        _PAGES.update(_page_index())
    known_title, known_date = _PAGES.get(url, ("", ""))
    if url in TITLE_FIXES:
        known_title = TITLE_FIXES[url][0]
    return (known_title or title), (published if _ISO_START.match(published.strip()) else known_date or published)


def _web_id(url: str, title: str) -> str:
    if url.startswith("http"):
        tail = re.sub(r"^https?://(www\.)?", "", url).rstrip("/")
        host, _, path = tail.partition("/")
        last = path.rsplit("/", 1)[-1] or path
        return f"{host}/{last}"[:70] if last else host
    return "src-" + hashlib.sha1(title.encode()).hexdigest()[:10]


class _Sources:
    """Collects every source the dataset cites as a whole record, keyed by a short stable id."""

    def __init__(self) -> None:
        self.rows: dict[str, dict[str, str]] = {}

    def seed(self, seed_file: str) -> str:
        stem = seed_file.removesuffix(".txt")
        sid = f"seed:{stem}"
        publisher, kind, date, note = SEED_RECORDS[stem]
        self.rows.setdefault(sid, {"id": sid, "title": _seed_title(stem), "publisher": publisher, "date": date,
                                   "url": "", "kind": kind, "date_accessed": ACCESSED[SEED], "licence": "not stated",
                                   "note": f"{note}; text kept in data/sources/seeds/{stem}.txt"})
        return sid

    def web(self, url: str, title: str, file: str, published: str = "") -> str:
        """The id of the page at ``url`` (its canonical address), registering it on first use."""
        canonical = citations.canonical_url(url)
        sid = _web_id(canonical, title)
        if sid in self.rows:
            return sid
        title, published = _page_facts(canonical, title, published)
        publisher, kind = citations.publisher_and_kind(canonical)
        if not publisher:
            raise ValueError(f"{file}: source {url!r} (title {title!r}) has no known publisher; add its host "
                             "to latgale_di.ingest.citations.HOSTS if it is the original page, or a mirror rule if it "
                             "is a copy")
        note = ""
        bracket = re.search(r"\s*\[([^\]]*)\]\s*$", title)
        if bracket:
            title, note = title[:bracket.start()], bracket.group(1)
        if citations.WIKIPEDIA.match(citations.host_of(canonical)):
            note = "; ".join(x for x in (f"read as: {title.removeprefix('[secondary] ')}", note) if x)
            title = _wikipedia_title(canonical)
        elif canonical != url.strip() and ": " in title and "mirror" in title:
            note = f"read on a copy of this page ({citations.host_of(url)}); cited at the original"
            title = title.split(": ", 1)[1]
        if canonical in TITLE_FIXES:
            note = "; ".join(x for x in (note, TITLE_FIXES[canonical][1]) if x)
        self.rows[sid] = {"id": sid, "title": title.strip(), "publisher": publisher,
                          "date": _published(published, title, canonical), "url": canonical, "kind": kind,
                          "date_accessed": ACCESSED[file], "licence": _licence(canonical, kind), "note": note}
        return sid

    def record(self, row: dict[str, str]) -> str:
        """Register a curated record (a source with no page of its own in the research pack)."""
        self.rows.setdefault(row["id"], row)
        return row["id"]

    def of(self, row: dict[str, str], file: str) -> str:
        if row.get("seed_file"):
            return self.seed(row["seed_file"])
        return self.web(row.get("source_url", ""), row.get("source_title", ""), file, row.get("date_published", ""))


def _title_for(url: str) -> str:
    """The title a research row gives the page at ``url`` (the first row that cites it)."""
    for name in (OTHER, ROUND2):
        for row in _read(name):
            if row["source_url"] == url:
                return row["source_title"]
    raise LookupError(f"no research row cites {url}")


def _find(rows: list[dict[str, str]], p: Pick) -> dict[str, str]:
    hits = [r for r in rows if r["municipality"] == p.municipality and r["metric"] == p.metric
            and r["year"] == p.year and r["service"].startswith(p.service_prefix)
            and r["target_group"] == p.target_group]
    if len(hits) != 1:
        raise LookupError(f"{p.file}: expected exactly one row for {p}, found {len(hits)}")
    return hits[0]


def _num(text: str) -> str:
    """Numbers as the research file has them, without a trailing .0 for whole numbers."""
    if text == "":
        return ""
    value = float(text)
    return str(int(value)) if value == int(value) else repr(value)


def build_observations(sources: _Sources) -> list[dict[str, str]]:
    research = {SEED: _read(SEED), OTHER: _read(OTHER)}
    out = []
    for p in PICKS:
        r = _find(research[p.file], p)
        exact = r["qualifier"] in ("exact",) and r["value"] not in ("",)
        value = _num(r["value"]) if exact else ""
        value_min, value_max = ("", "") if exact else (_num(r["value_min"]), _num(r["value_max"]))
        if p.indicator in ("share_served",) and r["qualifier"] == "greater_than" and not value_max:
            value_max = "100"
        out.append({
            "year": str(p.out_year),
            "atvk": p.atvk if p.atvk == REGION_CODE else match_atvk(p.atvk, p.vintage),
            "vintage": p.vintage,
            "target_group": p.out_group,
            "service": p.out_service,
            "indicator": p.indicator,
            "value": value,
            "unit": INDICATOR_UNITS[p.indicator],
            "status": p.status,
            "source": (sources.web(p.cite_url, _title_for(p.cite_url), p.file) if p.cite_url
                       else sources.of(r, p.file)),
            "note": p.note,
            "value_min": value_min,
            "value_max": value_max,
        })
    for key, note in round2.FIRST_ROUND_NOTES.items():
        year, unit, group, service, indicator = key
        atvk = unit if unit == REGION_CODE else match_atvk(unit, "2021" if year >= 2022 else "2009")
        hits = [o for o in out if (o["year"], o["atvk"], o["target_group"], o["service"], o["indicator"]) == (
            str(year), atvk, group, service, indicator)]
        if len(hits) != 1:
            raise LookupError(f"FIRST_ROUND_NOTES: expected one observation for {key}, found {len(hits)}")
        hits[0]["note"] = f"{hits[0]['note']}; {note}" if hits[0]["note"] else note
    for file, decisions in ((ROUND2, round2.DECISIONS), (OFFSCHEMA, round2.OFFSCHEMA_DECISIONS)):
        _merge_round2(out, sources, file, decisions)
    out.sort(key=lambda o: (o["year"], o["vintage"], o["atvk"], o["target_group"], o["service"], o["indicator"]))
    return out


Decisions = tuple[round2.Take | round2.Opened | round2.Skip, ...]


def _round2_rows(file: str, decisions: Decisions) -> dict[int, dict[str, str]]:
    """The rows of ``file`` by spreadsheet row number; every one must have exactly one decision."""
    rows = {number: row for number, row in enumerate(_read(file), start=2)}
    decided = [d.row for d in decisions]
    if sorted(decided) != sorted(rows) or len(set(decided)) != len(decided):
        missing = sorted(set(rows) - set(decided))
        extra = sorted(set(decided) - set(rows))
        raise LookupError(f"{file}: rows without a decision {missing}; decisions without a row {extra}; "
                          "each row needs exactly one (latgale_di/ingest/research_round2.py)")
    return rows


def _checked(file: str, rows: dict[int, dict[str, str]], number: int, expected: str) -> dict[str, str]:
    row = rows[number]
    found = row["value"] or row["value_min"]
    same = found == expected or (_is_number(found) and _is_number(expected) and float(found) == float(expected))
    if not same:
        found = row["value_min"] if _is_number(row["value_min"]) else found
        same = _is_number(found) and _is_number(expected) and float(found) == float(expected)
    if not same:
        raise ValueError(f"{file} row {number}: value {found!r}, the curation expects {expected!r} "
                         "(was the file edited? check latgale_di/ingest/research_round2.py)")
    return row


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _scaled(text: str, percent: bool) -> str:
    return _num(str(round(float(text) * 100, 6))) if percent and text != "" else _num(text)


def _merge_round2(out: list[dict[str, str]], sources: _Sources, file: str, decisions: Decisions) -> None:
    """Add the observations of ``file``; one with the key of a stored figure is an error (settle it by hand)."""
    rows = _round2_rows(file, decisions)
    by_key = {tuple(o[k] for k in OBSERVATION_KEY): o for o in out}
    for d in decisions:
        if not isinstance(d, round2.Take):
            continue
        r = _checked(file, rows, d.row, d.value)
        exact = r["qualifier"] in ("exact", "approximately")
        value_min, value_max = ("", "") if exact else (_scaled(r["value_min"], d.percent),
                                                      _scaled(r["value_max"], d.percent))
        obs = {
            "year": str(d.year),
            "atvk": d.unit if d.unit == REGION_CODE else match_atvk(d.unit, d.vintage),
            "vintage": d.vintage, "target_group": d.target_group, "service": d.service, "indicator": d.indicator,
            "value": _scaled(r["value"], d.percent) if exact else "", "unit": INDICATOR_UNITS[d.indicator],
            "status": d.status, "source": sources.of(r, file), "note": d.note,
            "value_min": value_min, "value_max": value_max,
        }
        key = tuple(obs[k] for k in OBSERVATION_KEY)
        if key in by_key:
            raise ValueError(f"{file} row {d.row}: {key} is already stored (value {by_key[key]['value']}); "
                             "make it a Skip with the reason, or settle the conflict in a note")
        by_key[key] = obs
        out.append(obs)


def openings() -> dict[str, round2.Opened]:
    """Facility id → the round-2 opening notice that dates it."""
    out: dict[str, round2.Opened] = {}
    rows = _round2_rows(ROUND2, round2.DECISIONS)
    for d in round2.DECISIONS:
        if isinstance(d, round2.Opened):
            _checked(ROUND2, rows, d.row, d.value)
            for facility in d.facilities:
                out[facility] = d
    return out


def skipped_rows() -> list[dict[str, str]]:
    """The round-2 rows left out of the dataset, each with the reason (``data/skipped_rows.csv``)."""
    out = []
    for file, decisions in ((ROUND2, round2.DECISIONS), (OFFSCHEMA, round2.OFFSCHEMA_DECISIONS)):
        rows = _round2_rows(file, decisions)
        out += [{"file": file, "row": str(d.row), "municipality": rows[d.row]["municipality"],
                 "metric": rows[d.row]["metric"], "value": rows[d.row]["value"], "reason": d.reason}
                for d in decisions if isinstance(d, round2.Skip)]
    return out


def _opened(text: str) -> str:
    m = _OPENED.search(text)
    if m and m.group(2)[:3] in _MONTHS:
        return f"{m.group(3)}-{_MONTHS[m.group(2)[:3]]:02d}-{int(m.group(1)):02d}"
    m = re.search(r"(?:since|operating since) (\d{4})", text)
    return m.group(1) if m else ""


def build_facilities(sources: _Sources) -> list[dict[str, str]]:
    """Sites of the research pack, with the opening dates and statuses of the round-2 notices."""
    out = []
    opened_by = openings()
    round2_rows = _round2_rows(ROUND2, round2.DECISIONS)
    for r in _read("facilities.csv"):
        services, groups, status, precision = FACILITY_CURATION[r["facility_id"]]
        places = r["capacity"] if _CAPACITY_IS_PLACES.match(r["capacity_unit"]) else ""
        occupied = "8" if r["facility_id"] == "DGV-354V" else ""  # residents at opening (see capacity_note)
        # The 8 residents were read in the video description (cited at YouTube, as a secondary source).
        extra = [sources.web(_VIDEO, _title_for(_VIDEO), OTHER)] if occupied else []
        note = "; ".join(x for x in (r["capacity_unit"] if not places and r["capacity"] else "", r["capacity_note"],
                                     r["status_or_opened"], "location: " + r["coord_quality"]) if x)
        out.append({
            "id": r["facility_id"],
            "name": r["name"],
            "atvk": match_atvk(r["municipality_2021plus"], "2021"),
            "services": services,
            "target_groups": groups,
            "places": places,
            "occupied": occupied,
            "lat": r["lat"],
            "lon": r["lon"],
            "location_precision": precision,
            "opened": _opened(r["status_or_opened"]),
            "status": status,
            "source": "; ".join([sources.web(r["source_url"], r["source_title"], "facilities.csv"), *extra]),
            "note": note,
        })
        if r["facility_id"] in opened_by:
            notice = opened_by[r["facility_id"]]
            site = out[-1]
            cited = sources.of(round2_rows[notice.row], ROUND2)
            if notice.original:  # the site cited a repost of this notice
                site["source"] = cited
            elif cited != site["source"]:
                site["source"] = f"{site['source']}; {cited}"
            site["opened"] = notice.date or notice.value
            site["note"] = f"{site['note']}; opened {site['opened']} ({ROUND2} row {notice.row})"
            site["status"] = notice.status or site["status"]
    unknown = set(opened_by) - {o["id"] for o in out}
    if unknown:
        raise LookupError(f"{ROUND2}: opening dates for sites not in facilities.csv: {sorted(unknown)}")
    return out


_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
OFFICIAL = "population_official.csv"
STATISTIC_CODES = {"CSP": "csp_usual", "PMLP": "pmlp_declared"}
# CSP IRD041 and PMLP give age bands; 0-17 and 18+ are what children's and adults' figures divide by.
AGE_GROUPS = {"total": "total", "age_0_6": "0-6", "age_7_18": "7-18", "above_working_age": "above_working_age",
              "age_0_17": "0-17", "age_18_plus": "18+"}
CSP_2020 = "2020-01-01"
# The CSP table that holds the usual-resident series; the 1 Jan 2020 values were checked against
# CSP figures published elsewhere (see build_population), not read from this table.
CSP_TABLE: dict[str, str] = {
    "id": "csp-irs030",
    "title": "IRS030. Population at the beginning of year and population change and key vital statistics in "
             "regions, cities, towns and municipalities",
    "publisher": "Centrālā statistikas pārvalde (CSP)", "date": "", "url": "https://data.stat.gov.lv/pxweb/en/OSP_PUB/START/IRS030",
    "kind": "official_statistics", "date_accessed": "2026-12-05",
    "licence": "reuse naming the source",
    "note": "the official series of usual residents (until 2020 ISG020); the dataset's 1 Jan 2020 values were "
            "transcribed second-hand and checked against CSP figures published elsewhere, not read from this table",
}


def _population_key(row: dict[str, str]) -> tuple[str, str, str, str, str]:
    return row["atvk"], row["vintage"], row["reference_date"], row["age_group"], row["statistic"]


def build_population(sources: _Sources) -> list[dict[str, str]]:
    """Resident counts, one statistic per row: CSP usual residents or PMLP declared residents.

    The figures read in official and municipal publications (``population_official.csv``) come
    first. The CSP 1 Jan 2020 series of ``population.csv`` (a second-hand transcription) is kept
    as "CSP, 1 Jan 2020" and cited to the CSP table and to every published CSP figure that equals
    it; a published figure that differs stops the build. Other rows of ``population.csv`` add
    what the official file lacks. Left out: derived aggregates (the app re-aggregates itself),
    shares, figures whose date is only "as stated", and the leads file (never shown as sourced).
    """
    out: dict[tuple[str, str, str, str, str], dict[str, str]] = {}
    for r in _read(OFFICIAL):
        statistic = STATISTIC_CODES[r["statistic"]]
        row = {"atvk": r["atvk"], "vintage": r["vintage"], "reference_date": r["date"],
               "age_group": AGE_GROUPS[r["measure"]], "value": r["value"], "status": "reported",
               "source": sources.web(r["source_url"], r["source_title"], OFFICIAL), "statistic": statistic,
               "note": f"{'CSP usual residents' if statistic == 'csp_usual' else 'PMLP declared residents'}; "
                       f"read: {r['quote']}"}
        key = _population_key(row)
        if key in out and out[key]["value"] != row["value"]:
            raise ValueError(f"{OFFICIAL}: two values for {key}: {out[key]['value']} and {row['value']}")
        out.setdefault(key, row)
    transcribed: list[dict[str, str]] = []
    for r in _read("population.csv"):
        vintage = "2009" if r["vintage"].startswith("2009") else "2021" if r["vintage"].startswith("2021") else ""
        if r["age_group"] != "total" or not vintage or not _FULL_DATE.match(r["reference_date"]) or not r["value"]:
            continue
        if r["unit_type"] in ("aggregate", "region"):
            continue
        # Cities appear with 2009-vintage rows dated 2019; the city kept its territory, so the
        # vintage of the row is the one its date falls in.
        if r["reference_date"] >= "2021-07-01":
            vintage = "2021"
        row = {"atvk": match_atvk(r["unit"] if r["unit_type"] == "novads" else r["unit"] + " pilsēta", vintage),
               "vintage": vintage, "reference_date": r["reference_date"], "age_group": "total", "value": r["value"],
               "status": "reported", "source": "", "statistic": "csp_usual", "note": ""}
        if r["source_url"].startswith("http"):
            row["source"] = sources.web(r["source_url"], r["source_title"], "population.csv")
            row["note"] = "CSP usual residents, as published in the cited page"
        else:
            transcribed.append(row)
            continue
        key = _population_key(row)
        if key in out:
            if out[key]["value"] != row["value"]:
                raise ValueError(f"population.csv: {key} is {row['value']}, the official file says {out[key]['value']}")
            continue
        out[key] = row
    sources.record(CSP_TABLE)
    checked = [r for r in transcribed if _population_key(r) in out]
    for row in transcribed:
        key = _population_key(row)
        if key in out:
            official = out[key]
            if official["value"] != row["value"]:
                raise ValueError(f"population.csv: the CSP 1 Jan 2020 transcription gives {row['value']} for {key}, "
                                 f"a published CSP figure gives {official['value']}")
            row["source"] = f"{CSP_TABLE['id']}; {official['source']}"
            row["note"] = (f"CSP usual residents, 1 Jan 2020; checked: equals the CSP figure published in the "
                           f"cited page ({len(checked)} of {len(transcribed)} units checked this way)")
        else:
            row["source"] = CSP_TABLE["id"]
            row["note"] = (f"CSP usual residents, 1 Jan 2020; a second-hand transcription of the CSP series, whose "
                           f"values equal the published CSP figures for all {len(checked)} units where one was "
                           "found; this unit's value was not checked against a publication of its own")
        out[key] = row
    return sorted(out.values(), key=lambda o: (o["statistic"], o["vintage"], o["atvk"], o["reference_date"],
                                               o["age_group"]))


def _csv(rows: list[dict[str, str]], columns: tuple[str, ...]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def build() -> dict[str, str]:
    """The text of every output file, keyed by file name (nothing is written)."""
    sources = _Sources()
    observations = build_observations(sources)
    facilities = build_facilities(sources)
    population = build_population(sources)
    source_rows = sorted(sources.rows.values(), key=lambda s: s["id"])
    metadata = {
        "title": "Latgale DI dashboard — default dataset",
        "title_lv": "Latgales DI informācijas panelis — noklusējuma datu kopa",
        "version": DATASET_VERSION,
        "last_updated": DATASET_DATE,
        "built_from": "data/sources (research pack: seed texts and public sources)",
        "synthetic": False,
        "counts": {"observations": len(observations), "facilities": len(facilities),
                   "population": len(population), "sources": len(source_rows)},
        "units_note": "Vintage 2009 = the 21 units of 2009-07-01…2021-06-30; 2021 = the 9 units from 2021-07-01.",
    }
    return {
        "observations.csv": _csv(observations, (*OBSERVATION_COLUMNS, "value_min", "value_max")),
        "facilities.csv": _csv(facilities, (*FACILITY_COLUMNS, "note")),
        "population.csv": _csv(population, (*POPULATION_COLUMNS, "statistic", "note")),
        "sources.csv": _csv(source_rows, SOURCE_COLUMNS),
        "skipped_rows.csv": _csv(skipped_rows(), ("file", "row", "municipality", "metric", "value", "reason")),
        "metadata.json": json.dumps(metadata, ensure_ascii=False, indent=2) + "\n",
    }


def write(target: Path = DATA_DIR) -> list[str]:
    """Write the default dataset into ``target``; returns the file names written."""
    files = build()
    for name, text in files.items():
        (target / name).write_text(text, encoding="utf-8")
    return list(files)


def differences(target: Path = DATA_DIR) -> list[str]:
    """Names of shipped files that differ from what the build makes now."""
    return [name for name, text in build().items()
            if not (target / name).exists() or (target / name).read_text(encoding="utf-8") != text]

