"""A template the planning-region team fills in: CSV, or XLSX with the vocabularies beside it."""

from __future__ import annotations

import io

import pandas as pd

from latgale_di.core import vocab
from latgale_di.ingest.contract import OBSERVATION_COLUMNS

# One example row per common case; the values are placeholders to overwrite, marked as such.
EXAMPLE_ROWS: tuple[dict[str, str], ...] = (
    {"year": "2025", "atvk": "Ludzas novads", "vintage": "2021", "target_group": "adults_grt",
     "service": "day_care_centre", "indicator": "places", "value": "", "unit": "places", "status": "reported",
     "source": "Ludzas novada sociālais dienests, 2026-01-15", "note": "EXAMPLE: replace or delete this row"},
    {"year": "2025", "atvk": "Rēzeknes valstspilsēta", "vintage": "2021", "target_group": "children_ft",
     "service": "any", "indicator": "persons_served", "value": "", "unit": "persons", "status": "reported",
     "source": "Rēzeknes sociālais dienests, 2026-01-15", "note": "EXAMPLE: replace or delete this row"},
)


def vocabulary_table() -> pd.DataFrame:
    """Every allowed code with its Latvian and English label and, for indicators, its unit."""
    rows = []
    for column, terms in (("target_group", vocab.TARGET_GROUPS), ("service", vocab.SERVICES),
                          ("indicator", vocab.STORED_INDICATORS), ("status", vocab.STORED_STATUSES)):
        for code, term in terms.items():
            rows.append({"column": column, "code": code, "latviski": term.lv, "english": term.en,
                         "unit": vocab.INDICATOR_UNITS.get(code, "") if column == "indicator" else ""})
    return pd.DataFrame(rows)


def csv_bytes() -> bytes:
    """The template as CSV: UTF-8 with BOM, so that Excel shows Latvian letters."""
    frame = pd.DataFrame(list(EXAMPLE_ROWS), columns=list(OBSERVATION_COLUMNS))
    return frame.to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes() -> bytes:
    """The template as XLSX: sheet "observations" to fill in, sheet "vocabularies" to look up."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        pd.DataFrame(list(EXAMPLE_ROWS), columns=list(OBSERVATION_COLUMNS)).to_excel(
            writer, sheet_name="observations", index=False)
        vocabulary_table().to_excel(writer, sheet_name="vocabularies", index=False)
    return buffer.getvalue()
