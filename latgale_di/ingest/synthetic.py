"""A synthetic dataset for scale tests: every Latvian municipality of both vintages, 10 years × 12
months × every service and target group. **SINTĒTISKI DATI / SYNTHETIC DATA — never real figures.**

    .venv/bin/python -m latgale_di synthetic --out DIR [--years 10] [--start 2016] [--seed 20261202]
    LATGALE_DI_EXTENT=latvia LATGALE_DI_DATA=DIR .venv/bin/python -m streamlit run app.py

It is labelled wherever it can show: ``metadata.json`` has ``"synthetic": true`` (every page then
shows the red synthetic banner, exports and briefings carry their synthetic line), its title and
version say SINTĒTISKI DATI / SYNTHETIC DATA, every observation, population figure and site has
the status ``illustrative`` and cites the one source ``synthetic:generated``, whose title says it
again. It is never written into ``data/`` (``generate`` refuses).

Deterministic: the same arguments give the same bytes (a seeded generator; no dates from the
clock). Years before 2021 are in the 119 pre-2021 units, from 2021 in the 43 current units (the
boundaries valid at the year's end). Monthly rows (``month`` 1–12): places, occupied places and
persons served (stocks) and persons assessed (a flow); yearly rows (``month`` blank): funding.
"""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import numpy as np
import pandas as pd

from latgale_di.core import vocab
from latgale_di.core.paths import DATA_DIR
from latgale_di.territory import boundaries

LABEL = "SINTĒTISKI DATI / SYNTHETIC DATA"
SOURCE_ID = "synthetic:generated"
SEED = 20261202
START, YEARS = 2016, 10
DATE = "2026-12-02"  # the generator's version date, fixed so that the output is deterministic
MONTHLY = ("places", "occupied_places", "persons_served", "persons_assessed")
OBSERVATION_COLUMNS = ("year", "month", "atvk", "vintage", "target_group", "service", "indicator", "value", "unit",
                       "status", "source", "note", "value_min", "value_max")


def _vintage(year: int) -> str:
    return "2009" if year < 2021 else "2021"


def _units(vintage: str) -> list[dict]:
    """Every Latvian unit of ``vintage`` (the national files, whatever the current extent)."""
    features = boundaries._geojson("latvia", vintage)["features"]  # noqa: SLF001 (the national files)
    return [f["properties"] for f in features]


def _population(rng: np.random.Generator, years: list[int]) -> dict[tuple[str, str], np.ndarray]:
    """(vintage, ATVK) → residents on 1 January of each year in ``years`` + one (synthetic)."""
    out: dict[tuple[str, str], np.ndarray] = {}
    for vintage in boundaries.VINTAGES:
        for p in _units(vintage):
            density = 800.0 if p["kind"] != "novads" else float(rng.uniform(6, 40))
            base = max(1500.0, p["area_km2_geom"] * density)
            trend = rng.uniform(-0.015, 0.002)
            out[(vintage, p["atvk"])] = np.round(base * (1 + trend) ** np.arange(len(years) + 1))
    return out


def observations(seed: int = SEED, start: int = START, years: int = YEARS) -> pd.DataFrame:
    """The observations table (text), monthly where the contract allows it."""
    rng = np.random.default_rng(seed)
    year_list = list(range(start, start + years))
    pop = _population(rng, year_list)
    services = list(vocab.SERVICES)
    groups = list(vocab.TARGET_GROUPS)
    # How many places per 10 000 residents each service and group has (synthetic, fixed by the seed).
    rate = rng.uniform(0.5, 12.0, size=(len(groups), len(services)))
    frames = []
    for yi, year in enumerate(year_list):
        vintage = _vintage(year)
        units = _units(vintage)
        n_u, n_g, n_s = len(units), len(groups), len(services)
        residents = np.array([pop[(vintage, p["atvk"])][yi] for p in units])
        growth = 1 + 0.04 * yi  # deinstitutionalisation: community places grow
        places_year = np.floor(residents[:, None, None] / 1e4 * rate[None] * growth
                               * rng.uniform(0.6, 1.4, size=(n_u, n_g, n_s)))
        months = np.arange(1, 13)
        # Places open during the year: a step at a random month; occupancy and demand vary by month.
        opened = rng.integers(1, 13, size=(n_u, n_g, n_s))
        places = np.where(months[None, None, None, :] >= opened[..., None], places_year[..., None],
                          np.floor(places_year[..., None] * 0.9))
        occupied = np.floor(places * rng.uniform(0.6, 1.05, size=places.shape))
        served = np.floor(occupied * rng.uniform(1.0, 1.3, size=places.shape))
        assessed = rng.poisson(np.maximum(places_year[..., None] / 12 * 0.4, 0.05), size=places.shape)
        shape = places.shape
        index = np.indices(shape).reshape(4, -1)
        atvk = np.array([p["atvk"] for p in units])[index[0]]
        for name, values in zip(MONTHLY, (places, occupied, served, assessed)):
            frames.append(pd.DataFrame({
                "year": str(year), "month": (index[3] + 1).astype(str), "atvk": atvk, "vintage": vintage,
                "target_group": np.array(groups)[index[1]], "service": np.array(services)[index[2]],
                "indicator": name, "value": values.reshape(-1).astype(int).astype(str),
                "unit": vocab.INDICATOR_UNITS[name]}))
        funding = np.round(places_year.sum(axis=1) * rng.uniform(2000, 6000, size=(n_u, n_s)), -2)
        u, s = np.indices(funding.shape).reshape(2, -1)
        frames.append(pd.DataFrame({
            "year": str(year), "month": "", "atvk": np.array([p["atvk"] for p in units])[u], "vintage": vintage,
            "target_group": "all", "service": np.array(services)[s], "indicator": "eur",
            "value": funding.reshape(-1).astype(int).astype(str), "unit": "EUR"}))
    out = pd.concat(frames, ignore_index=True)
    out["status"], out["source"], out["note"], out["value_min"], out["value_max"] = \
        "illustrative", SOURCE_ID, LABEL, "", ""
    return out[list(OBSERVATION_COLUMNS)]


def population(seed: int = SEED, start: int = START, years: int = YEARS) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    year_list = list(range(start, start + years))
    pop = _population(rng, year_list)
    rows = []
    for (vintage, atvk), values in pop.items():
        for i, value in enumerate(values):
            year = start + i
            # A unit's count exists for the dates its vintage was valid (the 2021 reform on 1 July).
            if (vintage == "2009" and year > 2021) or (vintage == "2021" and year < 2021):
                continue
            rows.append({"atvk": atvk, "vintage": vintage, "reference_date": f"{year}-01-01", "age_group": "total",
                         "value": str(int(value)), "status": "illustrative", "source": SOURCE_ID, "note": LABEL})
    return pd.DataFrame(rows)


def facilities() -> pd.DataFrame:
    """One synthetic site per current unit, at its label point."""
    points = boundaries._label_points("latvia", "2021")  # noqa: SLF001 (the national files)
    rows = []
    for p in _units("2021"):
        lon, lat = points[p["atvk"]]
        rows.append({"id": f"SYN-{p['atvk']}", "name": f"{LABEL}: {p['name_lv']}", "atvk": p["atvk"],
                     "services": "day_care_centre;group_apartments", "target_groups": "adults_grt", "places": "12",
                     "occupied": "10", "lat": f"{lat:.5f}", "lon": f"{lon:.5f}", "location_precision": "proxy",
                     "opened": "2020", "status": "operating", "source": SOURCE_ID, "note": LABEL})
    return pd.DataFrame(rows)


def sources(seed: int) -> pd.DataFrame:
    return pd.DataFrame([{"id": SOURCE_ID, "title": f"{LABEL} — generated by latgale_di.ingest.synthetic "
                          f"(seed {seed}); not real figures", "publisher": LABEL, "date": DATE, "url": "",
                          "kind": "synthetic"}])


def metadata(seed: int, start: int, years: int, counts: dict[str, int]) -> dict:
    return {
        "title": f"{LABEL} — Latvia, {start}–{start + years - 1}, monthly",
        "version": f"{LABEL} · seed {seed}",
        "last_updated": DATE,
        "built_from": "latgale_di/ingest/synthetic.py (python -m latgale_di synthetic); not real figures",
        "synthetic": True,
        "label": LABEL,
        "counts": counts,
        "units_note": "Years before 2021: the 119 pre-2021 units; from 2021: the 43 current units of Latvia. "
                      "Run with LATGALE_DI_EXTENT=latvia.",
    }


def _csv(df: pd.DataFrame) -> str:
    out = io.StringIO()
    df.to_csv(out, index=False, lineterminator="\n")
    return out.getvalue()


def generate(out: str | Path, seed: int = SEED, start: int = START, years: int = YEARS) -> list[str]:
    """Write the synthetic dataset into ``out`` (never the shipped ``data/``); the file names written."""
    out = Path(out).resolve()
    if out == DATA_DIR.resolve() or DATA_DIR.resolve() in out.parents:
        raise ValueError(f"refusing to write synthetic data into {DATA_DIR} (the real dataset)")
    out.mkdir(parents=True, exist_ok=True)
    obs, pop, fac, src = observations(seed, start, years), population(seed, start, years), facilities(), sources(seed)
    # gzip with a fixed mtime: the same bytes on every run.
    with open(out / "observations.csv.gz", "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(_csv(obs).encode("utf-8"))
    (out / "population.csv").write_text(_csv(pop), encoding="utf-8")
    (out / "facilities.csv").write_text(_csv(fac), encoding="utf-8")
    (out / "sources.csv").write_text(_csv(src), encoding="utf-8")
    counts = {"observations": len(obs), "facilities": len(fac), "population": len(pop), "sources": len(src)}
    (out / "metadata.json").write_text(json.dumps(metadata(seed, start, years, counts), ensure_ascii=False, indent=2)
                                       + "\n", encoding="utf-8")
    (out / "README.md").write_text(f"# {LABEL}\n\nGenerated by `python -m latgale_di synthetic` (seed {seed}, "
                                   f"{start}–{start + years - 1}). Not real figures: never publish or import them "
                                   "as such.\n", encoding="utf-8")
    return ["observations.csv.gz", "population.csv", "facilities.csv", "sources.csv", "metadata.json", "README.md"]
