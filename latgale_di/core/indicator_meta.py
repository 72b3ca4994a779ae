"""What each indicator is (label, unit, formula, polarity, palette), read from ``data/indicators.yaml``.

The file is the one home of these facts; ``vocab``'s indicator tables, the contract's units, the
map's palettes and the Sources page are built from it. It is checked when read: a wrong field
raises ``IndicatorFileError`` naming the file, the indicator and the field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from latgale_di.core.paths import DATA_DIR

PATH = DATA_DIR / "indicators.yaml"
UNITS: tuple[str, ...] = ("places", "persons", "EUR", "EUR/day", "%", "per 10,000", "category")
POLARITIES: dict[str, int] = {"better": +1, "worse": -1, "none": 0}
PALETTES: tuple[str, ...] = ("good", "bad", "occupancy")
LANGUAGES: tuple[str, ...] = ("lv", "en")
_FIELDS = {"label", "unit", "stored", "computed", "formula", "additive", "polarity", "palette", "description"}


class IndicatorFileError(ValueError):
    """The indicator file is wrong: which file, which indicator, which field, what was expected."""


@dataclass(frozen=True)
class Indicator:
    code: str
    label: dict[str, str]
    unit: str
    stored: bool = False
    computed: bool = False
    formula: dict[str, str] = field(default_factory=dict)  # in words, by language; {} for stored ones
    additive: bool = False
    polarity: int = 0  # +1 more is better, −1 more is worse, 0 neither
    palette: str = "good"
    description: dict[str, str] = field(default_factory=dict)

    @property
    def polarity_word(self) -> str:
        return {1: "better", -1: "worse", 0: "none"}[self.polarity]


def _text(raw: object, where: str, name: str, required: bool) -> dict[str, str]:
    if raw is None and not required:
        return {}
    if not isinstance(raw, dict) or any(not str(raw.get(lang, "")).strip() for lang in LANGUAGES):
        raise IndicatorFileError(f"{where}, {name}: expected a text for each of lv and en")
    return {lang: str(raw[lang]).strip() for lang in LANGUAGES}


def parse(document: object, path: Path = PATH) -> dict[str, Indicator]:
    """The indicators of a parsed YAML document, checked."""
    entries = document.get("indicators") if isinstance(document, dict) else None
    if not isinstance(entries, dict) or not entries:
        raise IndicatorFileError(f"{path.name}: expected a mapping under 'indicators:'")
    out: dict[str, Indicator] = {}
    for code, raw in entries.items():
        where = f"{path.name}: indicator {code!r}"
        if not isinstance(raw, dict):
            raise IndicatorFileError(f"{where}: expected a mapping of fields")
        unknown = sorted(set(raw) - _FIELDS)
        if unknown:
            raise IndicatorFileError(f"{where}: unknown field {unknown[0]!r}; "
                                     f"expected one of {', '.join(sorted(_FIELDS))}")
        unit, polarity = str(raw.get("unit", "")), str(raw.get("polarity", "none"))
        palette = str(raw.get("palette", "good"))
        for name, value, allowed in (("unit", unit, UNITS), ("polarity", polarity, tuple(POLARITIES)),
                                     ("palette", palette, PALETTES)):
            if value not in allowed:
                raise IndicatorFileError(f"{where}, {name}: {value!r}; expected one of {', '.join(allowed)}")
        stored, computed = bool(raw.get("stored", False)), bool(raw.get("computed", False))
        if not stored and not computed:
            raise IndicatorFileError(f"{where}: neither stored nor computed (set stored: true or computed: true)")
        formula = _text(raw.get("formula"), where, "formula", False)
        out[str(code)] = Indicator(str(code), _text(raw.get("label"), where, "label", True), unit, stored, computed,
                                   formula, bool(raw.get("additive", False)), POLARITIES[polarity], palette,
                                   _text(raw.get("description"), where, "description", False))
    return out


def load(path: Path = PATH) -> dict[str, Indicator]:
    """The indicators of ``path`` in file order (raises ``IndicatorFileError``)."""
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise IndicatorFileError(f"{path.name}: not valid YAML: {error}") from error
    return parse(document, path)


@cache
def indicators() -> dict[str, Indicator]:
    """The shipped indicators, read once."""
    return load()


def records() -> list[dict[str, str]]:
    """One row per indicator, codes and both languages' texts, for tables and downloads."""
    return [{"indicator": c, "code": c, "unit": m.unit, "formula_lv": m.formula.get("lv", ""),
             "formula_en": m.formula.get("en", ""), "polarity": m.polarity_word,
             "description_lv": m.description.get("lv", ""), "description_en": m.description.get("en", ""),
             "stored": "✔" if m.stored else "", "computed": "✔" if m.computed else ""}
            for c, m in indicators().items()]


def markdown_table() -> str:
    """The indicators as the Markdown table of docs/data-contract.md (between its markers)."""
    lines = ["| code | Latviešu | English | unit | stored | computed | formula | more is |",
             "|---|---|---|---|---|---|---|---|"]
    for c, m in indicators().items():
        formula = m.formula.get("en") or m.description.get("en", "")
        lines.append(f"| `{c}` | {m.label['lv']} | {m.label['en']} | {m.unit} | {'yes' if m.stored else ''} | "
                     f"{'yes' if m.computed else ''} | {formula} | {m.polarity_word} |")
    return "\n".join(lines)
