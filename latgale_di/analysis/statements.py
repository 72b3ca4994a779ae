"""What the sources say in words where they give no number, dated and in context.

A statement describes the time its source speaks of: it appears in a year view only when it
refers to that year, always with its date, and a sentence that leans on another ("the same holds
for children's centres") is shown after the sentence it refers to, never alone.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Statement:
    id: str
    topic: str  # "demand" or "funding": the page that quotes it
    target_group: str  # the group it is about ("all" for none in particular)
    service: str
    year: int  # the year it describes
    date: str  # ISO date the source speaks on
    source: str
    lv: str
    en: str
    depends_on: str = ""  # the id of the statement it refers to

    def text(self, lang: str) -> str:
        return self.lv if lang == "lv" else self.en


# Seed 000: the ministers' visit to Latgale, 30 June 2023.
_SEED_000 = "seed:000_823427077d47131e"
STATEMENTS: tuple[Statement, ...] = (
    Statement("demand_grt_day_care", "demand", "adults_grt", "day_care_centre", 2023, "2023-06-30", _SEED_000,
              "Dienas centra pakalpojumiem personām ar garīga rakstura traucējumiem pieprasījums ir lielāks, nekā "
              "tika izveidotas vietas.",
              "Demand for day-care centre services for people with mental disorders is greater than the places "
              "created."),
    Statement("demand_children_day_care", "demand", "children_ft", "day_care_centre", 2023, "2023-06-30", _SEED_000,
              "Tāda pati situācija ir arī dienas centriem bērniem.",
              "The same holds for day-care centres for children.", depends_on="demand_grt_day_care"),
    Statement("funding_total", "funding", "all", "any", 2023, "2023-06-30", _SEED_000,
              "Kopējais plānotais finansējums DI infrastruktūras attīstīšanai ir vairāk nekā 11 milj. [EUR], no "
              "kuriem lielākā daļa ir apgūti.",
              "Total planned funding for DI infrastructure is more than 11 million [EUR], most of it already spent."),
    Statement("funding_after", "funding", "all", "any", 2023, "2023-06-30", _SEED_000,
              "Bažas rada pašvaldību spēja uzturēt pakalpojumu spektru un izveidoto infrastruktūru bez valsts "
              "atbalsta, kā arī nodrošināt algas speciālistiem.",
              "The worry is whether municipalities can keep the services and the new infrastructure running "
              "without state support, and pay the specialists."),
)
_BY_ID = {s.id: s for s in STATEMENTS}


def for_view(topic: str, year: int, target_group: str = "all") -> list[Statement]:
    """The statements on ``topic`` that refer to ``year`` and concern ``target_group`` ("all": any),
    each preceded by the statement it depends on (once)."""
    chosen = [s for s in STATEMENTS if s.topic == topic and s.year == year
              and (target_group == "all" or s.target_group in (target_group, "all"))]
    out: list[Statement] = []
    for s in chosen:
        chain = []
        current: Statement | None = s
        while current is not None and current not in out and current not in chain:
            chain.append(current)
            current = _BY_ID.get(current.depends_on)
        out.extend(reversed(chain))
    return out


def years(topic: str) -> list[int]:
    """The years that have statements on ``topic``."""
    return sorted({s.year for s in STATEMENTS if s.topic == topic})
