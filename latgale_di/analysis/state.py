"""The view a user sees, as plain data that round-trips through a URL query string.

One ``ViewState`` is shared by every page. ``from_params`` never fails: a hand-edited or stale
link with an unknown value falls back to the default for that field only, so a shared link
always opens *something* sensible, and exactly the shared view when it is valid.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace

from latgale_di.analysis import scenario
from latgale_di.core import i18n, vocab
from latgale_di.territory import boundaries

# Query-string names are short so that links stay readable when pasted into an e-mail.
_PARAM_NAMES: dict[str, str] = {
    "lang": "lang",
    "indicator": "ind",
    "year": "year",
    "vintage": "v",
    "target_group": "tg",
    "service": "svc",
    "atvk": "atvk",
    "threshold": "thr",
    "facilities": "fac",
    "scenario": "sc",
    "present": "p",
    "step": "step",
}


MAP_INDICATORS: tuple[str, ...] = (
    "coverage", "share_served", "persons_served", "persons_assessed", "shortfall", "shortfall_pct",
    "places", "planned_places", "occupancy_rate", "places_per_10k", "served_per_10k", "eur",
)
YEARS: tuple[int, ...] = tuple(range(2016, 2025))
THRESHOLDS = tuple(range(50, 101, 5))  # occupancy threshold choices, %
MAX_STEPS = 50  # a meeting story longer than this is not a meeting


@dataclass(frozen=True)
class ViewState:
    lang: str = i18n.DEFAULT_LANGUAGE
    indicator: str = "share_served"
    year: int = 2019
    vintage: str = "2009"
    target_group: str = "children_ft"
    service: str = "any"
    atvk: str = ""  # selected municipality, "" for none
    threshold: int = 80
    facilities: bool = True
    scenario: str = ""  # place changes of the "what if" page; never written to the data
    present: bool = False  # presentation mode: large type, the map or chart fills the screen
    step: int = 0  # the meeting story's step (1 is the first; 0: none chosen)

    def to_params(self) -> dict[str, str]:
        """Only the fields that differ from the default, so default links stay short."""
        default = ViewState()
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value != getattr(default, f.name):
                out[_PARAM_NAMES[f.name]] = ("1" if value else "0") if isinstance(value, bool) else str(value)
        return out

    def url(self, base: str) -> str:
        """The address that opens exactly this view: ``base`` (scheme, host, page path) + query."""
        from urllib.parse import urlencode

        query = urlencode(self.to_params())
        return f"{base}?{query}" if query else base

    @classmethod
    def from_params(cls, params: Mapping[str, str | list[str]]) -> ViewState:
        default = cls()
        values = asdict(default)
        for name, key in _PARAM_NAMES.items():
            raw = params.get(key)
            if isinstance(raw, list):
                raw = raw[-1] if raw else None
            if raw is None:
                continue
            parsed = _parse(name, str(raw).strip())
            if parsed is not None:
                values[name] = parsed
        state = cls(**values)
        if state.atvk and state.atvk not in boundaries.units(state.vintage):
            state = replace(state, atvk="")
        return state


def _parse(name: str, raw: str) -> object | None:
    """The typed value of one parameter, or None if it is not valid."""
    choices: dict[str, object] = {
        "lang": i18n.LANGUAGES,
        "indicator": MAP_INDICATORS,
        "vintage": boundaries.VINTAGES,
        "target_group": tuple(vocab.TARGET_GROUPS),
        "service": tuple(vocab.SERVICES),
    }
    if name in choices:
        return raw if raw in choices[name] else None  # type: ignore[operator]
    if name == "year":
        return int(raw) if raw.isdigit() and int(raw) in YEARS else None
    if name == "threshold":
        return int(raw) if raw.isdigit() and int(raw) in THRESHOLDS else None  # the sidebar's choices
    if name in ("facilities", "present"):
        return {"1": True, "0": False}.get(raw)
    if name == "scenario":
        return raw if len(raw) <= scenario.MAX_TEXT and scenario.PATTERN.match(raw) else None
    if name == "atvk":
        return raw if raw.isdigit() and len(raw) == 7 else None
    if name == "step":
        return int(raw) if raw.isdigit() and 1 <= int(raw) <= MAX_STEPS else None
    return None
