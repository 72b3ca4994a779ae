"""Controlled vocabularies of the data contract: English codes with Latvian and English labels.

Codes are what files and URLs carry; labels are what people read. Adding a code here is a
contract change: update ``docs/data-contract.md`` in the same commit.
"""

from __future__ import annotations

from dataclasses import dataclass

from latgale_di.core import indicator_meta


@dataclass(frozen=True)
class Term:
    code: str
    lv: str
    en: str
    description: str = ""
    # Latvian description; empty where none is written yet (``describe`` then falls back to English).
    description_lv: str = ""

    def label(self, lang: str) -> str:
        return self.lv if lang == "lv" else self.en

    def describe(self, lang: str) -> str:
        """The description in ``lang``; English where no Latvian text exists."""
        return self.description_lv if lang == "lv" and self.description_lv else self.description


def _index(*terms: Term) -> dict[str, Term]:
    return {t.code: t for t in terms}


TARGET_GROUPS: dict[str, Term] = _index(
    Term("children_ft", "Bērni ar funkcionāliem traucējumiem (FT)", "Children with functional disorders (FT)"),
    Term("adults_grt", "Pieaugušie ar garīga rakstura traucējumiem (GRT)", "Adults with mental disorders (GRT)"),
    Term("children_ooc", "Bērni ārpusģimenes aprūpē", "Children in out-of-family care"),
    Term("all", "Visas mērķgrupas", "All target groups"),
)

SERVICES: dict[str, Term] = _index(
    Term("group_apartments", "Grupu dzīvokļi / grupu mājas", "Group apartments / group houses"),
    Term("day_care_centre", "Dienas aprūpes centrs", "Day-care centre"),
    Term("specialised_workshop", "Specializētās darbnīcas", "Specialised workshops"),
    Term("respite_care", "Atelpas brīdis", "Respite care"),
    Term("social_rehabilitation", "Sociālā rehabilitācija", "Social rehabilitation"),
    Term("family_like_care", "Ģimeniskai videi pietuvināts pakalpojums", "Family-like care"),
    Term("social_care", "Sociālā aprūpe", "Social care"),
    Term("institutional_care", "Ilgstošas sociālās aprūpes institūcija", "Long-term care institution",
         "Not community-based; shown for contrast (e.g. VSAC “Latgale” branches)."),
    Term("any", "Jebkurš sabiedrībā balstīts pakalpojums", "Any community-based service"),
)

# Indicators and their facts come from data/indicators.yaml (``indicator_meta``): stored ones are
# read from files, computed ones derived by ``metrics``; the tables below are views of that file.
_META = indicator_meta.indicators()


def _indicator_term(code: str) -> Term:
    meta = _META[code]
    return Term(code, meta.label["lv"], meta.label["en"], meta.description.get("en", ""),
                meta.description.get("lv", ""))


STORED_INDICATORS: dict[str, Term] = {c: _indicator_term(c) for c, m in _META.items() if m.stored}
COMPUTED_INDICATORS: dict[str, Term] = {c: _indicator_term(c) for c, m in _META.items() if m.computed}
INDICATORS: dict[str, Term] = {**STORED_INDICATORS, **COMPUTED_INDICATORS}

# More of it is better (+1) or worse (−1): what "better than Latgale" and "the right direction"
# mean for an indicator. Counts of money and of plans have no direction of their own (0).
POLARITY: dict[str, int] = {c: m.polarity for c, m in _META.items() if m.polarity}

# Indicators that are counts of people, places or euros: these can be summed across units.
ADDITIVE_INDICATORS: frozenset[str] = frozenset(c for c, m in _META.items() if m.additive)

UNITS: dict[str, Term] = _index(
    Term("places", "vietas", "places"),
    Term("persons", "personas", "persons"),
    Term("EUR", "EUR", "EUR"),
    Term("EUR/day", "EUR dienā", "EUR per day"),
    Term("%", "%", "%"),
    Term("per 10,000", "uz 10 000 iedz.", "per 10,000 residents"),
    Term("category", "kategorija", "category"),
)

INDICATOR_UNITS: dict[str, str] = {c: m.unit for c, m in _META.items()}

# Ordered from most to least trustworthy; a computed value takes the weakest of its inputs.
STORED_STATUSES: dict[str, Term] = _index(
    Term("reported", "Ziņots", "Reported", "Stated by the source as it is.",
         "Avotā norādīts tieši tā."),
    Term("derived", "Aprēķināts", "Derived",
         "Calculated exactly from reported figures (a sum, a ratio).",
         "Precīzi aprēķināts no ziņotajiem skaitļiem (summa, attiecība)."),
    Term("estimated", "Novērtēts", "Estimated",
         "Apportioned or approximated, e.g. Aglonas novads split by area share across the 2021 reform.",
         "Sadalīts vai tuvināts, piemēram, Aglonas novads sadalīts pēc platības daļas 2021. gada reformā."),
    Term("incomplete", "Nepilnīgs", "Incomplete",
         "Some components have no figure: the value is a lower bound, not a total.",
         "Dažām daļām nav skaitļa: vērtība ir apakšējā robeža, nevis kopsumma."),
    Term("illustrative", "Ilustratīvs", "Illustrative",
         "Synthetic demonstration data; never a real figure.",
         "Sintētiski demonstrācijas dati; nekad nav īsts skaitlis."),
)
STATUS_ORDER: tuple[str, ...] = tuple(STORED_STATUSES)
# Never stored, only shown: a small count hidden for privacy (see ``privacy``). A file may not
# claim it, so imports accept only ``STORED_STATUSES``.
SUPPRESSED = "suppressed"
STATUSES: dict[str, Term] = {**STORED_STATUSES, **_index(
    Term(SUPPRESSED, "Slēpts", "Hidden",
         "A count below the privacy threshold (shown as \"<5\"), or a figure that would reveal one.",
         "Skaits zem privātuma sliekšņa (rāda kā \"<5\") vai skaitlis, kas to atklātu."),
)}

# Which count of residents a population row is. Never mixed in one series (latgale_di.territory.population).
POPULATION_STATISTICS: dict[str, Term] = _index(
    Term("csp_usual", "CSP, pastāvīgie iedzīvotāji", "CSP, usual residents",
         "The official population statistic of the Central Statistical Bureau (IRS030, by age IRD041)."),
    Term("pmlp_declared", "PMLP, deklarētie iedzīvotāji", "PMLP, declared residents",
         "Persons with a declared residence in the Population Register of the Office of Citizenship and "
         "Migration Affairs; up to about 10 % more than CSP's count."),
)

LOCATION_PRECISION: dict[str, Term] = _index(
    Term("address", "Adrese", "Address"),
    Term("settlement", "Apdzīvotās vietas centrs", "Settlement centre"),
    Term("parish", "Pagasta centrs", "Parish centre"),
    Term("proxy", "Aizstājējpunkts", "Proxy point", "A nearby place stands in for an unlocated site."),
)

FACILITY_STATUSES: dict[str, Term] = _index(
    Term("operating", "Darbojas", "Operating"),
    Term("under_construction", "Būvniecībā", "Under construction"),
    Term("built", "Uzbūvēts, darbība nav apstiprināta", "Built, operation not confirmed"),
    Term("planned", "Plānots", "Planned"),
    Term("closed", "Slēgts", "Closed"),
)


def weakest_status(statuses: list[str] | tuple[str, ...] | set[str]) -> str:
    """The least trustworthy of ``statuses`` by ``STATUS_ORDER`` ("reported" if empty)."""
    ranks = [STATUS_ORDER.index(s) for s in statuses if s in STATUS_ORDER]
    return STATUS_ORDER[max(ranks)] if ranks else "reported"


def computed_status(input_statuses: list[str] | tuple[str, ...]) -> str:
    """Status of a value computed from inputs: at least ``derived``, else the weakest input.

    A value computed from a hidden count is hidden too: it would give the count away.
    """
    if SUPPRESSED in input_statuses:
        return SUPPRESSED
    return weakest_status([*input_statuses, "derived"])
