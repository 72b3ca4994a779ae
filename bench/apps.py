"""The apps a benchmark run measures: the framework floor, three reference map apps and ours."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

ROOT = Path(__file__).resolve().parent.parent
REFS = Path(__file__).resolve().parent / "refs"

Role = Literal["floor", "reference", "ours", "scale"]


@dataclass(frozen=True)
class Page:
    """One page to load and one selectbox on it whose change must repaint the map."""

    name: str
    path: str  # URL path, "/" for the default page
    kinds: tuple[str, ...]  # probe kinds that count as "the map" (bench/probes.js); the first seen wins
    combobox: str  # accessible name of the selectbox that changes the map
    options: tuple[str, str]  # two options to alternate between; the page starts on one of them
    primary: bool = True  # the page the budgets are about (a missing map there is a failure)
    rerun_key: str = "main"  # its name in the AppTest rerun times (the page file's stem for ours)


@dataclass(frozen=True)
class App:
    """One Streamlit app: how to start it and which pages to measure."""

    name: str
    label: str
    role: Role
    script: Path
    pages: tuple[Page, ...]
    cwd: Path = ROOT
    args: tuple[str, ...] = ()  # extra `streamlit run` options

    @property
    def primary(self) -> Page:
        """The page whose figures stand for the app in comparisons."""
        return next(p for p in self.pages if p.primary)


def _ref_page(kind: str) -> tuple[Page, ...]:
    # Must match bench/refs/refdata.py: LABEL and the first two COLUMNS.
    return (Page("main", "/", (kind,), "Value", ("Persons served", "Places")),)


FLOOR = App("floor", "floor: title + one selectbox, no map", "floor", REFS / "floor.py", _ref_page("widget"))
FOLIUM = App("folium", "folium via streamlit-folium (tiles off)", "reference", REFS / "folium_app.py",
             _ref_page("leaflet"), args=("--server.enableStaticServing", "true"))  # Leaflet from refs/static/
PLOTLY = App("plotly", "plotly choropleth_map, white-bg", "reference", REFS / "plotly_app.py", _ref_page("maplibre"))
PYDECK = App("pydeck", "pydeck GeoJsonLayer, map_provider=None", "reference", REFS / "pydeck_app.py",
             _ref_page("deck"))

# The dashboard: the sidebar "Gads" (year) selectbox changes every page; 2019 is the default year.
# The map is an inline SVG (svg.di-map) once the server-rendered map lands, a pydeck canvas before.
_OUR_KINDS = ("svg", "deck")
# Started as every host starts it, `streamlit run app.py`: app.py defines the st.App that serves it
# (components/hosting.py), so a laptop, the Docker image and Streamlit Community Cloud run one server.
OURS = App("ours", "this dashboard", "ours", ROOT / "app.py", (
    Page("karte", "/karte", _OUR_KINDS, "Gads", ("2019", "2023"), rerun_key="map"),
    Page("overview", "/", _OUR_KINDS, "Gads", ("2019", "2023"), primary=False, rerun_key="overview"),
))

ALL: tuple[App, ...] = (FLOOR, FOLIUM, PLOTLY, PYDECK, OURS)
REFERENCES: tuple[App, ...] = (FOLIUM, PLOTLY, PYDECK)

# Scale (``--scale``): the same dashboard with LATGALE_DI_EXTENT=latvia and the synthetic dataset
# (all 43 current / 119 pre-2021 municipalities, 10 years × 12 months), measured beside ours.
OURS_LATVIA = App("ours-latvia", "this dashboard, all of Latvia, synthetic data", "scale", ROOT / "app.py",
                  (OURS.pages[0],))
SCALE: tuple[App, ...] = (OURS_LATVIA,)


def by_name(names: list[str] | None, scale: bool = False) -> tuple[App, ...]:
    """The apps with these names (all when ``names`` is empty; with ``scale`` also ours-latvia and
    the ours it is compared with), in the canonical order."""
    known = ALL + SCALE
    if not names:
        return ALL + (SCALE if scale else ())
    unknown = set(names) - {a.name for a in known}
    if unknown:
        raise ValueError(f"unknown app(s) {', '.join(sorted(unknown))}; known: {', '.join(a.name for a in known)}")
    wanted = set(names) | ({OURS.name, OURS_LATVIA.name} if scale else set())
    return tuple(a for a in known if a.name in wanted)


NAVIGATION = "components/dashboard.py"  # beside an entry point: the module whose st.navigation lists the pages


def entry_pages(script: Path) -> list[str]:
    """The page files the entry point ``script``'s ``st.navigation`` lists (``pages/…py``), in order."""
    return re.findall(r"""["'](pages/[\w/]+\.py)["']""", (script.parent / NAVIGATION).read_text(encoding="utf-8"))


def app_env(app: App, db_dir: Path) -> dict[str, str | None]:
    """Environment for an app's server: ours gets a throw-away database, never the project's; the
    scale app the Latvia extent and the synthetic dataset (``synthetic_dir``), with its own database."""
    if app.role == "scale":
        return {"LATGALE_DI_DB": str(db_dir / "scale.sqlite3"), "DATABASE_URL": None, "PYTHONPATH": str(ROOT),
                "LATGALE_DI_EXTENT": "latvia", "LATGALE_DI_DATA": str(synthetic_dir(db_dir))}
    if app.role != "ours":
        return {}
    return {"LATGALE_DI_DB": str(db_dir / "store.sqlite3"), "DATABASE_URL": None, "PYTHONPATH": str(ROOT),
            "LATGALE_DI_EXTENT": None, "LATGALE_DI_DATA": None}


def synthetic_dir(db_dir: Path) -> Path:
    return db_dir / "synthetic"
