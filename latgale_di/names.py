"""One matcher from whatever people write to the right municipality of the right vintage.

Accepted: ATVK codes (also with lost leading zeros), ISO 3166-2 codes, official names, with or
without diacritics, any case, ``novads``/``nov.``, genitive or nominative (``Rēzeknes novads``,
``Rēzekne novads``), ``pilsēta``/``valstspilsēta``/``republikas pilsēta``/``city``, and English
names. A bare city name is the city: ``Daugavpils`` is never ``Daugavpils novads``.

Names are normalised to a key (lower case, no diacritics, no punctuation, the kind word
replaced by a tag), so matching is one dictionary look-up per vintage.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import lru_cache

from latgale_di import boundaries
from latgale_di.boundaries import Unit

_CITY, _NOVADS = "#city", "#novads"

# Kind words, longest first so that "republikas pilsēta" wins over "pilsēta".
_KIND_WORDS: tuple[tuple[str, str], ...] = (
    ("republikas pilseta", _CITY), ("rep pils", _CITY), ("valstspilseta", _CITY), ("state city", _CITY),
    ("republican city", _CITY), ("pilseta", _CITY), ("pils", _CITY), ("city", _CITY),
    ("municipality", _NOVADS), ("novads", _NOVADS), ("nov", _NOVADS),
)


class UnknownMunicipality(ValueError):
    """Raised for text that names no Latgale unit of the requested vintage."""

    def __init__(self, text: str, vintage: str | None, suggestions: list[str]) -> None:
        self.text = text
        self.vintage = vintage or "2021 or 2009"
        self.suggestions = suggestions
        hint = f"; closest valid names: {', '.join(suggestions)}" if suggestions else ""
        super().__init__(f"unknown municipality {text!r} in the {self.vintage} boundaries{hint}")


def _fold(text: str) -> str:
    """Lower case, no diacritics, punctuation as spaces, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


def key(text: str) -> str:
    """The normalised form of a name: stem words plus a kind tag (``#city``/``#novads``)."""
    folded = f" {_fold(text)} "
    tag = ""
    for word, kind in _KIND_WORDS:
        if f" {word} " in folded:
            folded = folded.replace(f" {word} ", " ")
            tag = tag or kind
    stem = " ".join(folded.split())
    return f"{stem} {tag}".strip()


def _stems(unit: Unit) -> set[str]:
    """Folded stems of a unit: genitive from the Latvian name, nominative from the English one."""
    latvian = _fold(unit.name_short if unit.is_city else unit.name_lv)
    latvian = re.sub(r" (novads|valstspilseta)$", "", latvian)
    english = _fold(re.sub(r"\(.*?\)|Municipality|State City", "", unit.name_en))
    stems = {latvian, english}
    if unit.is_city:
        # Genitive of the city name, as in "Rēzeknes pilsēta" (Daugavpils is the same in both cases).
        stems.add(_fold(unit.name_lv.split()[0]) if unit.kind == "state city" else latvian + "s")
    return {s for s in stems if s}


@lru_cache(maxsize=4)
def _index(vintage: str) -> dict[str, str]:
    """Every accepted key → ATVK for one vintage."""
    index: dict[str, str] = {}
    units = boundaries.units(vintage)
    raw = {f["properties"]["atvk"]: f["properties"] for f in boundaries.feature_collection(vintage)["features"]}
    cities = {s for u in units.values() if u.is_city for s in _stems(u)}
    for atvk, unit in units.items():
        tag = _CITY if unit.is_city else _NOVADS
        for stem in _stems(unit):
            index[f"{stem} {tag}"] = atvk
            if unit.is_city or stem not in cities:
                # A bare name is the city; a bare novads stem only when no city shares it.
                index.setdefault(stem, atvk)
        for text in (unit.name_lv, unit.name_en, raw[atvk].get("iso_3166_2", ""), raw[atvk].get("name_ascii", "")):
            if text:
                index.setdefault(key(text), atvk)
    for atvk, unit in units.items():
        if unit.is_city:
            for stem in _stems(unit):
                index[stem] = atvk  # the city wins the bare name, whatever was set before
    return index


def _by_code(text: str, vintage: str) -> str | None:
    digits = text.strip().replace(" ", "")
    if digits.isdigit() and len(digits) <= 7:
        code = digits.zfill(7)
        return code if code in boundaries.units(vintage) else None
    return None


def suggestions(text: str, vintage: str, n: int = 3) -> list[str]:
    """The closest official names of ``vintage`` to ``text``."""
    units = boundaries.units(vintage)
    choices = {}
    for unit in units.values():
        for stem in _stems(unit):
            choices.setdefault(f"{stem} {_CITY if unit.is_city else _NOVADS}", unit.name_lv)
            choices.setdefault(stem, unit.name_lv)
    wanted = key(text)
    close = difflib.get_close_matches(wanted, list(choices), n=n * 3, cutoff=0.5)
    if not close:
        close = difflib.get_close_matches(wanted.split(" #")[0], list(choices), n=n * 3, cutoff=0.4)
    names = list(dict.fromkeys(choices[c] for c in close))
    return names[:n]


def match_unit(text: str, vintage: str | None = None) -> Unit:
    """The unit ``text`` names, in ``vintage`` (None: the 2021 units first, then 2009)."""
    if text is None or not str(text).strip():
        raise UnknownMunicipality(str(text or ""), vintage, [])
    for v in ((vintage,) if vintage else boundaries.VINTAGES):
        atvk = _by_code(str(text), v) or _index(v).get(key(str(text)))
        if atvk:
            return boundaries.units(v)[atvk]
    return_vintage = vintage or "2021"
    raise UnknownMunicipality(str(text), vintage, suggestions(str(text), return_vintage))


def match_atvk(text: str, vintage: str | None = None) -> str:
    """The ATVK code of the unit ``text`` names (see ``match_unit``)."""
    return match_unit(text, vintage).atvk
