"""One matcher from whatever people write to the right municipality of the right vintage.

Accepted: ATVK codes (also with stray spaces or lost leading zeros), ISO 3166-2 codes, official
names, with or without diacritics, any case, ``novads``/``nov.``, genitive or nominative
(``Rēzeknes novads``, ``Rēzekne novads``), ``pilsēta``/``valstspilsēta``/``republikas pilsēta``/
``rep. pils.``/``city``, and English names.

Two rules keep the city and the novads of the same name apart:

* a bare name that is a city's name is the city: ``Daugavpils`` is never ``Daugavpils novads``;
* a name is only looked up in the vintage asked for. ``Daugavpils novads`` does not exist in the
  2021 boundaries, and mapping it silently to its successor would hide that the caller has to
  re-aggregate the figure; the successor is offered as a suggestion instead.

Text is normalised to a key (folded stem words plus a kind tag), so after normalisation a match is
one dictionary look-up per vintage.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache
from types import MappingProxyType

from latgale_di.core import extent
from latgale_di.core.folding import fold_words
from latgale_di.territory import boundaries
from latgale_di.territory.boundaries import Unit

_CITY, _NOVADS = "city", "novads"
# Text that says both "city" and "novads" names neither; this tag is never in an index.
_CONFLICT = "city+novads"

# Kind words, folded. Several words in one phrase are matched before their parts, so that
# "republikas pilsēta" counts once and "state" alone is left in the stem (and then fails).
_KIND_PHRASES: tuple[tuple[tuple[str, ...], str], ...] = tuple(sorted(
    (
        (("republikas", "pilseta"), _CITY),
        (("republikas", "pilsetas"), _CITY),
        (("rep", "pils"), _CITY),
        (("rep", "pilseta"), _CITY),
        (("republican", "city"), _CITY),
        (("republic", "city"), _CITY),
        (("state", "city"), _CITY),
        (("valstspilseta",), _CITY),
        (("valstspilsetas",), _CITY),  # genitive, as in "Daugavpils valstspilsētas pašvaldība"
        (("valstspils",), _CITY),
        (("pilseta",), _CITY),
        (("pilsetas",), _CITY),
        (("pils",), _CITY),
        (("city",), _CITY),
        (("novads",), _NOVADS),
        (("novada",), _NOVADS),  # genitive, as in "Rēzeknes novada pašvaldība"
        (("nov",), _NOVADS),
        (("municipality",), _NOVADS),
    ),
    key=lambda phrase: -len(phrase[0]),
))

# "Pašvaldība" (local government) names the same territory as the unit, so it carries no meaning.
_FILLER = frozenset({"pasvaldiba"})

# Latvian genitive → nominative endings for the place names in the data: -as → -a (Ludzas),
# -es → -e (Rēzeknes), plural -u → -i (Balvu, Preiļu). Anything else is the same in both cases
# (Daugavpils is 6th declension: genitive = nominative).
_GENITIVE_TO_NOMINATIVE: tuple[tuple[str, str], ...] = (("as", "a"), ("es", "e"), ("u", "i"))


class UnknownMunicipality(ValueError):
    """Raised for text that names no Latgale unit of the requested vintage.

    A ValueError so that callers validating input can treat it like any other bad value;
    ``suggestions`` holds official names to show next to the error.
    """

    text: str
    vintage: str
    suggestions: list[str]

    def __init__(self, text: str, vintage: str | None, suggestions: list[str]) -> None:
        self.text = text
        self.vintage = vintage or " or ".join(boundaries.VINTAGES)
        self.suggestions = list(suggestions)
        hint = f"; closest valid names: {', '.join(self.suggestions)}" if self.suggestions else ""
        super().__init__(f"unknown municipality {text!r} in the {self.vintage} boundaries{hint}")


def _key(text: str) -> tuple[str, str]:
    """(stem, kind tag) of ``text``; the tag is "" when the text does not say city or novads."""
    tokens = fold_words(text).split()
    stem: list[str] = []
    kinds: set[str] = set()
    i = 0
    while i < len(tokens):
        for phrase, kind in _KIND_PHRASES:
            if tuple(tokens[i:i + len(phrase)]) == phrase:
                kinds.add(kind)
                i += len(phrase)
                break
        else:
            if tokens[i] not in _FILLER:
                stem.append(tokens[i])
            i += 1
    tag = "" if not kinds else kinds.pop() if len(kinds) == 1 else _CONFLICT
    return " ".join(stem), tag


def _as_code(text: str) -> str | None:
    """The 7-digit ATVK code ``text`` spells, or None if it is not a number.

    Spreadsheets drop leading zeros (0043000 → 43000) and sometimes add ".0"; zero-padding is
    unambiguous because all ATVK codes have 7 digits.
    """
    digits = re.sub(r"\s+", "", text)
    digits = re.sub(r"\.0+$", "", digits)
    if digits.isdigit() and len(digits) <= 7:
        return digits.zfill(7)
    return None


def _nominative(genitive: str) -> str:
    """Nominative of a genitive place name (last word only): 'Rēzeknes' → 'Rēzekne'."""
    head, _, last = genitive.rpartition(" ")
    for gen, nom in _GENITIVE_TO_NOMINATIVE:
        if last.endswith(gen):
            last = last[: -len(gen)] + nom
            break
    return f"{head} {last}".strip()


def _genitive(nominative: str) -> str:
    """Genitive of a nominative place name (last word only): 'Rēzekne' → 'Rēzeknes'."""
    head, _, last = nominative.rpartition(" ")
    for gen, nom in _GENITIVE_TO_NOMINATIVE:
        if last.endswith(nom):
            last = last[: -len(nom)] + gen
            break
    return f"{head} {last}".strip()


def _stems(unit: Unit) -> set[str]:
    """Folded name stems of ``unit`` in both cases, without the kind word.

    Novadi are officially named in the genitive ("Ludzas novads") and cities in the nominative
    ("Rēzekne", short for "Rēzeknes valstspilsēta"); people write either case with either kind
    word, so each unit gets both, derived by rule. The English name is added as well: it is the
    nominative by convention, so it also covers a name the rule would get wrong.
    """
    if unit.is_city:
        nominative = unit.name_short
        genitive = _genitive(nominative)
    else:
        genitive = _key(unit.name_lv)[0]
        nominative = _nominative(genitive)
    english = re.sub(r"\(.*?\)|\bMunicipality\b|\bState City\b", " ", unit.name_en)
    return {s for s in (fold_words(nominative), fold_words(genitive), fold_words(english)) if s}


def _index(vintage: str) -> Mapping[tuple[str, str], str]:
    """Every accepted key of ``vintage`` → ATVK code. Built once per vintage and extent."""
    return _index_of(extent.current(), vintage)


@lru_cache(maxsize=8)
def _index_of(extent_name: str, vintage: str) -> Mapping[tuple[str, str], str]:
    units = boundaries.units(vintage)
    props = {f["properties"]["atvk"]: f["properties"] for f in boundaries.feature_collection(vintage)["features"]}
    index: dict[tuple[str, str], str] = {}

    def add(key: tuple[str, str], atvk: str) -> None:
        # Two units behind one key would make the answer depend on file order; fail loudly instead.
        other = index.setdefault(key, atvk)
        if other != atvk:
            raise RuntimeError(f"{vintage} boundaries: {key!r} names both {other} and {atvk}")

    bare: dict[str, dict[bool, set[str]]] = defaultdict(lambda: {True: set(), False: set()})
    for atvk, unit in units.items():
        for stem in _stems(unit):
            add((stem, _CITY if unit.is_city else _NOVADS), atvk)
            bare[stem][unit.is_city].add(atvk)
        p = props[atvk]
        for text in (unit.name_lv, unit.name_short, unit.name_en, p.get("name_ascii"), p.get("iso_3166_2")):
            if text:
                add(_key(text), atvk)
    for stem, by_city in bare.items():
        # A bare name is the city when a city has it (everyday usage: "Rēzekne" is the town);
        # otherwise the one novads that has it. Anything else stays unmatched rather than guessed.
        cities, novadi = by_city[True], by_city[False]
        if len(cities) == 1:
            add((stem, ""), next(iter(cities)))
        elif not cities and len(novadi) == 1:
            add((stem, ""), next(iter(novadi)))
    return MappingProxyType(index)


def _lookup(text: str, vintage: str) -> str | None:
    """ATVK of ``text`` in ``vintage`` or None. A number is only ever read as a code."""
    code = _as_code(text)
    if code is not None:
        return code if code in boundaries.units(vintage) else None
    return _index(vintage).get(_key(text))


def _across_the_reform(text: str, vintage: str) -> list[str]:
    """Official names in ``vintage`` of the unit(s) that ``text`` names in the other vintage.

    The commonest miss is a pre-reform name used with 2021 data (or the reverse); the caller then
    needs the successor (or the pieces) by name, so it comes first among the suggestions.
    """
    units = boundaries.units(vintage)
    out: list[str] = []
    for other in boundaries.VINTAGES:
        if other == vintage or (atvk := _lookup(text, other)) is None:
            continue
        if other == "2009":
            targets = [r.new_atvk for r in boundaries.successors(atvk)]
        else:
            targets = [r.old_atvk for r in boundaries.components(atvk)]
        out += [units[a].name_lv for a in targets if a in units]
    return out


def _suggest(text: str, vintages: Iterable[str], n: int) -> list[str]:
    vintages = tuple(vintages)
    names: list[str] = []
    for v in vintages:
        names += _across_the_reform(text, v)
    if _as_code(text) is None:
        # Compare normalised keys, so case, diacritics and "nov."/"novads" do not count as distance.
        choices: dict[str, str] = {}
        for v in vintages:
            units = boundaries.units(v)
            for (stem, tag), atvk in _index(v).items():
                choices.setdefault(f"{stem} {tag}".strip(), units[atvk].name_lv)
        stem, tag = _key(text)
        wanted = f"{stem} {tag}".strip()
        names += [choices[c] for c in difflib.get_close_matches(wanted, list(choices), n=len(choices), cutoff=0.6)]
    return list(dict.fromkeys(names))[:n]


def suggestions(text: str, vintage: str, n: int = 3) -> list[str]:
    """Up to ``n`` official names (``name_lv``) of ``vintage`` closest to ``text``, best first.

    The successor or predecessor across the 2021 reform comes first when ``text`` names a unit of
    the other vintage; then names by difflib similarity of normalised keys. Empty when nothing is
    close (a list of unrelated names would only mislead).
    """
    boundaries.units(vintage)  # ValueError for a vintage that does not exist
    return _suggest(str(text), (vintage,), n)


def match_unit(text: str, vintage: str | None = None) -> Unit:
    """The unit ``text`` names in ``vintage``; with None, the 2021 units first, then 2009.

    Raises UnknownMunicipality (with suggestions) when nothing matches, and ValueError for a
    vintage that does not exist. Numbers (e.g. read from a spreadsheet) are taken as ATVK codes.
    """
    vintages = boundaries.VINTAGES if vintage is None else (vintage,)
    text = "" if text is None else str(text)
    for v in vintages:
        boundaries.units(v)  # ValueError for a vintage that does not exist
        if text.strip() and (atvk := _lookup(text, v)) is not None:
            return boundaries.units(v)[atvk]
    raise UnknownMunicipality(text, vintage, _suggest(text, vintages, 3) if text.strip() else [])


def match_atvk(text: str, vintage: str | None = None) -> str:
    """The ATVK code of the unit ``text`` names (see ``match_unit``)."""
    return match_unit(text, vintage).atvk
