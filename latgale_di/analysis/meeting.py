"""The meeting story ("Sanāksmes skats"): an ordered set of views, each with a takeaway from its figures.

The steps live in ``data/meeting.yaml``, which maintainers edit; this module reads and checks
them (a wrong field names the file, the step and the field) and works out each step's takeaway
from the figure layer, the same figures every other page shows. A takeaway is data: what it
says (``kind``), the figures and names it says it with, and their sources. The words are the
interface's (``meeting_<kind>`` strings), so a step reads the same in Latvian and English.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd
import yaml

from latgale_di.analysis import figures, investment, progress, statements
from latgale_di.analysis.figures import Figure
from latgale_di.analysis.state import ViewState
from latgale_di.core import i18n
from latgale_di.core.paths import DATA_DIR
from latgale_di.territory.boundaries import REGION_CODE

PATH = DATA_DIR / "meeting.yaml"
TAKEAWAYS: tuple[str, ...] = ("largest", "threshold", "statement", "funding", "progress", "transition")
SHOWS: tuple[str, ...] = ("map", "progress", "transition")
PAGES: tuple[str, ...] = ("karte", "noslodze", "pieprasijums", "investicijas", "virziba")
# The view fields a step may set, by their names in a shared link (``ViewState``'s URL names).
_VIEW_FIELDS: dict[str, str] = {"ind": "indicator", "year": "year", "v": "vintage", "tg": "target_group",
                                "svc": "service", "thr": "threshold", "atvk": "atvk"}
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,40}$")


class StoryError(ValueError):
    """The story file is wrong: which file, which step, which field, and what was expected."""


@dataclass(frozen=True)
class Step:
    """One view of the meeting story."""

    id: str
    titles: Mapping[str, str]
    view: Mapping[str, object]  # ViewState field → value
    takeaway: str
    show: str = "map"
    page: str = "karte"

    def title(self, lang: str) -> str:
        return self.titles[lang]

    def state(self, base: ViewState, number: int) -> ViewState:
        """``base`` (language, presentation mode) showing this step's view as step ``number``."""
        return replace(base, step=number, atvk="", **self.view)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Takeaway:
    """What a step's sentence says: ``kind`` (an interface string ``meeting_<kind>``), the
    figures, names and numbers that fill it, and the sources they come from. ``kind`` ends in
    ``_none`` when the view has nothing to say it with."""

    kind: str
    figures: dict[str, Figure] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)  # placeholder → ATVK code
    numbers: dict[str, float] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)  # placeholder → already-localised text
    sources: list[str] = field(default_factory=list)


def _fail(path: Path, where: str, message: str) -> StoryError:
    return StoryError(f"{path.name}: {where}: {message}")


def _view(raw: object, path: Path, where: str) -> dict[str, object]:
    if not isinstance(raw, dict):
        raise _fail(path, where, "view must be a mapping such as {ind: places, year: 2023, v: \"2021\"}")
    params = {str(k): str(v) for k, v in raw.items()}
    unknown = sorted(set(params) - set(_VIEW_FIELDS))
    if unknown:
        raise _fail(path, where, f"unknown view field {unknown[0]!r}; expected one of {', '.join(_VIEW_FIELDS)}")
    parsed = ViewState.from_params(params)
    out: dict[str, object] = {}
    for key, value in params.items():
        name = _VIEW_FIELDS[key]
        got = getattr(parsed, name)
        if str(got) != value:  # from_params keeps the default where a value is not allowed
            raise _fail(path, f"{where}, view.{key}", f"{value!r} is not a choice the app offers")
        out[name] = got
    return out


def load(path: Path = PATH) -> list[Step]:
    """The steps of ``path``, checked: each has a unique id, a title in both languages, a view of
    allowed choices, a known takeaway, show and page. Raises ``StoryError`` naming what is wrong."""
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise StoryError(f"{path.name}: not valid YAML: {error}") from error
    raw_steps = document.get("steps") if isinstance(document, dict) else None
    if not isinstance(raw_steps, list) or not raw_steps:
        raise StoryError(f"{path.name}: expected a list under 'steps:'")
    steps: list[Step] = []
    for number, raw in enumerate(raw_steps, start=1):
        where = f"step {number}"
        if not isinstance(raw, dict):
            raise _fail(path, where, "each step is a mapping with id, title, view and takeaway")
        sid = str(raw.get("id", ""))
        if not _ID.match(sid):
            raise _fail(path, where, f"id {sid!r}: use lower-case letters, digits and hyphens")
        where = f"step {number} ({sid})"
        if sid in {s.id for s in steps}:
            raise _fail(path, where, "the id is used by an earlier step")
        titles = raw.get("title")
        if not isinstance(titles, dict) or any(not str(titles.get(lang, "")).strip() for lang in i18n.LANGUAGES):
            raise _fail(path, where, f"title needs a text for each of {', '.join(i18n.LANGUAGES)}")
        takeaway, show, page = str(raw.get("takeaway", "")), str(raw.get("show", "map")), str(raw.get("page", "karte"))
        for name, value, allowed in (("takeaway", takeaway, TAKEAWAYS), ("show", show, SHOWS), ("page", page, PAGES)):
            if value not in allowed:
                raise _fail(path, f"{where}, {name}", f"{value!r}; expected one of {', '.join(allowed)}")
        steps.append(Step(sid, {lang: str(titles[lang]).strip() for lang in i18n.LANGUAGES},
                          _view(raw.get("view"), path, where), takeaway, show, page))
    return steps


def _exact(fig: Figure) -> bool:
    return fig.qualifier in ("exact", "estimate")


def _view_of(table: pd.DataFrame, state: ViewState) -> figures.View:
    return figures.view(figures.of_year(table, state.year), state.vintage, state.year, state.target_group,
                        state.service, state.indicator)


def _largest(view: figures.View) -> Takeaway:
    exact = {a: f for a, f in view.units.items() if _exact(f) and not math.isnan(f.value)}
    region = view.region if view.region is not None and view.region.known else None
    if not exact:
        return Takeaway("largest_none", {"region": region} if region else {})
    highest = max(f.value for f in exact.values())
    tops = [a for a in view.units if a in exact and exact[a].value == highest]  # ties named together
    out = Takeaway("largest" if region else "largest_no_region",
                   figures={"top": exact[tops[0]], **({"region": region} if region else {})},
                   units={"unit": ";".join(tops)},
                   numbers={"n": view.with_figure, "total": view.total})
    out.sources.extend(s for f in out.figures.values() for s in f.sources)
    return out


def _threshold(view: figures.View, threshold: float) -> Takeaway:
    above = [a for a, f in view.units.items()
             if (_exact(f) and f.value > threshold) or (f.qualifier == "greater_than" and f.low >= threshold)]
    below = [a for a, f in view.units.items() if _exact(f) and f.value <= threshold]
    region = view.region if view.region is not None and view.region.known and view.region_reported else None
    kind = "threshold" if above else ("threshold_region" if region else "threshold_none")
    out = Takeaway(kind, figures={"region": region} if region else {},
                   numbers={"threshold": threshold, "n_above": len(above), "n_below": len(below)})
    out.units.update({"above": ";".join(above), "below": ";".join(below)})
    out.figures.update({a: view.units[a] for a in above + below})  # each listed unit with its figure
    out.sources.extend(s for a in above + below for s in view.units[a].sources)
    if region:
        out.sources.extend(region.sources)
    return out


def _statement(state: ViewState, lang: str) -> Takeaway:
    said = statements.for_view("demand", state.year, state.target_group) or \
        statements.for_view("funding", state.year)
    if not said:
        return Takeaway("statement_none")
    return Takeaway("statement", texts={"said": " ".join(s.text(lang) for s in said), "date": said[0].date},
                    sources=[s.source for s in said])


def _funding(table: pd.DataFrame, observations: pd.DataFrame, state: ViewState) -> Takeaway:
    money = investment.region_funding(table, state.year)
    money = money[money["value"].notna()]
    rate = investment.day_rate_from_data(observations, "group_apartments")
    places = figures.view(figures.of_year(table, state.year), state.vintage, state.year, state.target_group,
                          "group_apartments", "places").region
    out = Takeaway("funding" if not money.empty else "funding_none")
    if not money.empty:
        latest = money.sort_values("year").iloc[-1]
        out.numbers.update({"eur": float(latest["value"]), "funding_year": int(latest["year"])})
        out.sources.append(str(latest["source"]))
    if rate is not None and places is not None and places.known and not math.isnan(places.low):
        out.figures["places"] = places
        out.numbers.update({"rate": rate.value, "cost": investment.running_cost(places.low, rate.value)})
        out.texts["at_least"] = "≥" if places.qualifier == "at_least" else ""
        out.sources.extend([*places.sources, rate.source])
    return out


def _progress(table: pd.DataFrame, state: ViewState) -> Takeaway:
    plan = [p for p in progress.plan_progress(table, state.vintage, state.year, REGION_CODE)
            if p.comparable and p.latest.known]
    if not plan:
        return Takeaway("progress_none")
    out = Takeaway("progress")
    for i, p in enumerate(plan[:2], start=1):  # children and adults: one clause each
        out.figures.update({f"latest{i}": p.latest, f"target{i}": p.target})
        out.numbers.update({f"share{i}": p.share, f"year{i}": p.latest.as_of})
        out.texts[f"group{i}"] = p.target_group
        out.sources.extend([*p.latest.sources, *p.target.sources])
    out.numbers["groups"] = min(len(plan), 2)
    return out


def _transition(table: pd.DataFrame, state: ViewState) -> Takeaway:
    """Each series of the move from institutions: its first and its latest figure."""
    moves = progress.transition(table, state.vintage, state.target_group)
    if moves.empty:
        return Takeaway("transition_none")
    out = Takeaway("transition")
    for i, (series, rows) in enumerate(moves.groupby("series", sort=False), start=1):
        first, last = rows.iloc[0], rows.iloc[-1]
        out.texts[f"series{i}"] = str(series)
        out.texts[f"mark{i}"] = "≥" if last["qualifier"] == "at_least" else ""
        out.numbers.update({f"from{i}": float(first["value"]), f"from_year{i}": int(first["year"]),
                            f"to{i}": float(last["value"]), f"to_year{i}": int(last["year"])})
        out.sources.extend(str(s) for s in (first["source"], last["source"]))
    out.numbers["series"] = float(moves["series"].nunique())
    return out


def takeaway(step: Step, state: ViewState, table: pd.DataFrame, observations: pd.DataFrame, lang: str) -> Takeaway:
    """The takeaway of ``step`` shown as ``state`` (its view), from the figure layer's ``table``."""
    if step.takeaway == "largest":
        return _largest(_view_of(table, state))
    if step.takeaway == "threshold":
        return _threshold(_view_of(table, state), state.threshold)
    if step.takeaway == "statement":
        return _statement(state, lang)
    if step.takeaway == "funding":
        return _funding(table, observations, state)
    if step.takeaway == "transition":
        return _transition(table, state)
    return _progress(table, state)


def number_of(steps: list[Step], state: ViewState) -> int:
    """The step ``state`` asks for, within the story (1 when none or one past its end)."""
    return state.step if 1 <= state.step <= len(steps) else 1
