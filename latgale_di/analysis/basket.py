"""The minimum social services basket: which municipality provides, plans or lacks each service.

A service counts as *provided* when an operating site offers it (opened by that year; a site
with no known opening date counts from 2023, when the sources describe it) or the figures show
places or persons served above zero; *planned* when a site is planned, under construction or built but not
confirmed operating, or planned places are recorded; *missing* only when a source reports zero;
otherwise *unknown*. The two services proposed for 2029 (seed 004: social mentor; social
rehabilitation for young people with behavioural and addiction problems) are listed as
*proposed* for every municipality, since they do not exist yet anywhere.
"""

from __future__ import annotations

import pandas as pd

from latgale_di.analysis import figures
from latgale_di.analysis.figures import of_year
from latgale_di.analysis.overview import COMMUNITY_SERVICES
from latgale_di.core import vocab
from latgale_di.ingest import citations
from latgale_di.territory import boundaries
from latgale_di.territory.facilities import units_of

PROPOSED_2029: tuple[str, ...] = ("social_mentor", "youth_behaviour_rehabilitation")
STATES: tuple[str, ...] = ("provided", "planned", "missing", "unknown", "proposed")
# Each state has a shape as well as words, so the matrix reads at a glance and without colour.
SYMBOLS: dict[str, str] = {"provided": "✔", "planned": "◐", "missing": "✖", "unknown": "?", "proposed": "☆"}


def someone(rows: pd.DataFrame) -> pd.Series:
    """Which count rows say that there is at least one (place, person): a value above zero, a
    lower bound above zero ("≥ 3"), or a count hidden for privacy as 1–4 (primary suppression
    publishes that bound; a cell hidden only to protect another has no bound and says nothing)."""
    hidden_small = rows["status"].eq(vocab.SUPPRESSED) & rows["value_max"].notna() & rows["value"].isna()
    return rows["value"].gt(0) | rows["value_min"].gt(0) | hidden_small


def matrix(table: pd.DataFrame, facilities: pd.DataFrame, vintage: str, year: int,
           target_group: str = "all") -> pd.DataFrame:
    """Municipality × service states (rows: ATVK codes in boundary order; columns: services).

    With a ``target_group`` other than "all", only figures and sites for that group count.
    """
    return _matrix(table, facilities, vintage, year, target_group)[0]


def _matrix(table: pd.DataFrame, facilities: pd.DataFrame, vintage: str, year: int,
            target_group: str) -> tuple[pd.DataFrame, dict[tuple[str, str], list[str]]]:
    """The states, and for each (ATVK, service) the sources of the figures and sites that decided
    its state (a state a later row overrules takes that row's source instead)."""
    atvks = list(boundaries.units(vintage))
    state = pd.DataFrame("unknown", index=atvks, columns=[*COMMUNITY_SERVICES, *PROPOSED_2029])
    for proposed in PROPOSED_2029:
        state[proposed] = "proposed"
    sources: dict[tuple[str, str], list[str]] = {}

    def mark(atvk: str, service: str, new: str, source: object) -> None:
        if state.at[atvk, service] != new:
            state.at[atvk, service] = new
            sources[(atvk, service)] = []
        known = sources.setdefault((atvk, service), [])
        known.extend(s for s in citations.ids(source) if s not in known)

    current = of_year(table, year)
    if target_group != "all":
        current = current[current["target_group"] == target_group]
        # astype(bool): an empty mask must stay a row mask (an empty object Series selects columns).
        serves = facilities["target_groups"].fillna("").astype(str).str.split(";").map(lambda g: target_group in g)
        facilities = facilities[serves.astype(bool)]
    current = current[current["atvk"].isin(atvks) & current["service"].isin(COMMUNITY_SERVICES)]
    counts = current[current["indicator"].isin(["places", "persons_served", "occupied_places"])]
    for r in counts.itertuples(index=False):
        if pd.notna(r.value) and r.value == 0 and state.at[r.atvk, r.service] in ("unknown", "missing"):
            mark(r.atvk, r.service, "missing", r.source)
    for r in current[current["indicator"] == "planned_places"].itertuples(index=False):
        if pd.notna(r.value) and r.value > 0 and state.at[r.atvk, r.service] in ("unknown", "missing", "planned"):
            mark(r.atvk, r.service, "planned", r.source)
    # The sites of this year's view (figures.sites_in_year): open by then, or described by then.
    in_year = figures.sites_in_year(facilities, year)
    sites = in_year.assign(unit=units_of(in_year, vintage))
    for r in sites.itertuples(index=False):
        if r.unit not in state.index:
            continue
        for service in str(r.services).split(";"):
            if service not in state.columns:
                continue
            if r.status == "operating":
                mark(r.unit, service, "provided", r.source)
            elif state.at[r.unit, service] in ("unknown", "missing", "planned"):
                mark(r.unit, service, "planned", r.source)
    for r in counts[someone(counts)].itertuples(index=False):
        mark(r.atvk, r.service, "provided", r.source)
    return state, sources


def coverage(table: pd.DataFrame, facilities: pd.DataFrame, vintage: str, year: int, target_group: str,
             service: str) -> pd.Series:
    """Whether each municipality provides ``service`` (or, for "any", any community service).

    For "any": provided if any service is provided or someone of the group was served by any
    community service, else planned if any is planned, else missing if the sources report that
    nobody of the group was served (for all groups: nobody of any group reported), else unknown.
    """
    return coverage_with_sources(table, facilities, vintage, year, target_group, service)["state"]


def coverage_with_sources(table: pd.DataFrame, facilities: pd.DataFrame, vintage: str, year: int,
                          target_group: str, service: str) -> pd.DataFrame:
    """:func:`coverage` by municipality (``state``) with the sources it rests on (``source``, ids
    joined by "; ", as a figure's source cell): the figures and sites that show the service
    provided, planned or missing; "" for unknown."""
    states, cell_sources = _matrix(table, facilities, vintage, year, target_group)
    if service != "any":
        return pd.DataFrame({"state": states[service],
                             "source": ["; ".join(cell_sources.get((a, service), [])) for a in states.index]})
    services = states[list(COMMUNITY_SERVICES)]
    out = pd.Series("unknown", index=states.index)
    out[services.eq("planned").any(axis=1)] = "planned"
    out[services.eq("provided").any(axis=1)] = "provided"
    served = of_year(table, year)
    served = served[(served["service"] == "any") & (served["indicator"] == "persons_served")
                    & (target_group == "all" or served["target_group"] == target_group)]
    # The persons-served figures that show a state: someone served, or a reported zero.
    evidence = {"provided": served[someone(served)], "missing": served[served["value"].eq(0)]}
    somebody = set(evidence["provided"]["atvk"])
    out[out.index.isin(somebody) & out.isin(["unknown", "planned"])] = "provided"
    # One group's zero says nothing of another's: "missing" only where no group was served.
    nobody = set(evidence["missing"]["atvk"]) - somebody
    out[out.index.isin(nobody) & (out == "unknown")] = "missing"
    cited: list[str] = []
    for atvk, shown in out.items():
        ids = [s for svc in COMMUNITY_SERVICES if states.at[atvk, svc] == shown
               for s in cell_sources.get((atvk, svc), [])]
        if shown in evidence:
            rows = evidence[shown]
            ids += [s for f in rows.loc[rows["atvk"] == atvk, "source"] for s in citations.ids(f)]
        cited.append("; ".join(dict.fromkeys(ids)))
    return pd.DataFrame({"state": out, "source": cited})


def long_form(states: pd.DataFrame, year: int) -> pd.DataFrame:
    """The matrix as rows (atvk, year, service, basket state) for a download."""
    out = states.rename_axis("atvk").reset_index().melt(id_vars="atvk", var_name="service", value_name="basket")
    return out.assign(year=year)[["atvk", "year", "service", "basket"]]


def of_unit(table: pd.DataFrame, facilities: pd.DataFrame, vintage: str, year: int, atvk: str) -> pd.DataFrame:
    """One municipality's row of the matrix, as rows of (service, basket state)."""
    row = matrix(table, facilities, vintage, year).loc[atvk]
    return pd.DataFrame({"service": list(row.index), "basket": list(row.values)})
