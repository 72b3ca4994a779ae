"""Data notes in the reader's language.

A figure's note says what the figure is ("cumulative since 2015, not a yearly count"). The notes
of the shipped data are written in English, and the notes the app adds itself (a re-aggregation,
a sum of sites, a hidden count) come from code. A Latvian page must not show them in English:

* ``data/notes_lv.csv`` holds the Latvian text of each stored note (``en``, ``lv``), kept beside
  the data it describes; a maintainer adds a line when a new English note arrives
  (``tests/unit/test_datanotes.py`` fails on a shipped note without one);
* the notes the app writes are matched by ``_PATTERNS`` and said in Latvian here.

Notes joined with "; " (a stored note and the app's own) are translated part by part. A part
with no Latvian text is left as it is: a maintainer's note may be Latvian already.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from functools import lru_cache

from latgale_di.core.paths import DATA_DIR

PATH = DATA_DIR / "notes_lv.csv"

_STATISTICS = {"CSP usual residents": "CSP pastāvīgie iedzīvotāji",
               "PMLP declared residents": "PMLP deklarētie iedzīvotāji",
               "residents (statistic not stated)": "iedzīvotāji (statistika nav norādīta)"}
_AGES = {"all ages": "visi vecumi", "children aged 0–17": "bērni 0–17 g.", "adults aged 18 and over":
         "pieaugušie no 18 g."}
_AGES_GENITIVE = {"children aged 0–17": "bērnu 0–17 g.", "adults aged 18 and over": "pieaugušo no 18 g."}


def _decimal_commas(text: str) -> str:
    return re.sub(r"(?<=\d)\.(?=\d)", ",", text)


def _date(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{day}.{month}.{year}."


# The notes the app writes itself (latgale_di: reaggregate, figures, indicators, population, privacy).
_PATTERNS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = tuple(
    (re.compile(f"^{pattern}$"), say) for pattern, say in (
        (r"same territory in both vintages", lambda m: "tā pati teritorija abās robežu versijās"),
        (r"re-aggregated from 2009 units: (.+)",
         lambda m: "pārrēķināts no 2009. g. pašvaldībām: " + _decimal_commas(m[1].replace("(area share)",
                                                                                          "(platības daļa)"))),
        (r"no figure for (.+)", lambda m: f"nav skaitļa: {m[1]}"),
        (r"sum of (\d+) sites open by (\d{4})", lambda m: f"{m[1]} pakalpojumu vietu summa (atvērtas līdz {m[2]}. g.)"),
        (r"sum of (\d+) of (\d+) sites open by (\d{4})",
         lambda m: f"{m[1]} no {m[2]} pakalpojumu vietu summa (atvērtas līdz {m[3]}. g.)"),
        (r"the others give no figure", lambda m: "pārējām skaitļa nav"),
        (r"sum of community-based services", lambda m: "sabiedrībā balstīto pakalpojumu summa"),
        (r"sum of municipalities", lambda m: "pašvaldību summa"),
        (r"demand = persons assessed", lambda m: "pieprasījums = izvērtētās personas"),
        (r"supply = places", lambda m: "piedāvājums = vietas"),
        (r"supply = persons served", lambda m: "piedāvājums = pakalpojumu saņēmēji"),
        (r"nobody served: 0 % of any number assessed", lambda m: "neviens nesaņem pakalpojumus: 0 % no jebkura "
                                                                 "izvērtēto skaita"),
        (r"per 10 000 (.+), (all ages|children aged 0–17|adults aged 18 and over), on (\d{4}-\d{2}-\d{2})",
         lambda m: f"uz 10 000 {_STATISTICS.get(m[1], m[1])}, {_AGES[m[2]]}, {_date(m[3])}"),
        (r"no count of (children aged 0–17|adults aged 18 and over) in the data, so all residents",
         lambda m: f"datos nav {_AGES_GENITIVE[m[1]]} skaita, tāpēc visi iedzīvotāji"),
        (r"fewer than (\d+): hidden to protect privacy", lambda m: f"mazāk par {m[1]}: slēpts privātuma dēļ"),
        (r"hidden: with the figures beside it, it would give away a count below (\d+)",
         lambda m: f"slēpts: kopā ar blakus skaitļiem tas atklātu skaitu, kas mazāks par {m[1]}"),
        (r"hidden so that a total cannot reveal a count below (\d+)",
         lambda m: f"slēpts, lai kopsumma neatklātu skaitu, kas mazāks par {m[1]}"),
    ))


@lru_cache(maxsize=1)
def _latvian() -> dict[str, str]:
    if not PATH.exists():
        return {}
    with PATH.open(encoding="utf-8", newline="") as f:
        return {row["en"].strip(): row["lv"].strip() for row in csv.DictReader(f) if row.get("lv", "").strip()}


def _one(part: str) -> str | None:
    known = _latvian().get(part)
    if known is not None:
        return known
    for pattern, say in _PATTERNS:
        match = pattern.match(part)
        if match:
            return say(match)
    return None


def _parts(note: str) -> list[tuple[str, str | None]]:
    """``note``'s "; "-joined parts, the longest known run first, each with its Latvian text (None: none)."""
    parts = note.split("; ")
    out: list[tuple[str, str | None]] = []
    i = 0
    while i < len(parts):
        for j in range(len(parts), i, -1):
            said = _one("; ".join(parts[i:j]))
            if said is not None:
                out.append(("; ".join(parts[i:j]), said))
                i = j
                break
        else:
            out.append((parts[i], None))
            i += 1
    return out


@lru_cache(maxsize=4096)
def latvian(note: str) -> str:
    """``note`` in Latvian, whole or part by part; a part with no Latvian text stays as written."""
    return "; ".join(said if said is not None else part for part, said in _parts(note))


def note(text: object, lang: str) -> str:
    """A data note as the reader of ``lang`` sees it (English notes are shown as written)."""
    if not isinstance(text, str) or not text:
        return ""
    return latvian(text) if lang == "lv" else text


def untranslated(notes: list[str]) -> list[str]:
    """The parts of ``notes`` that have no Latvian text (what a maintainer must add)."""
    return sorted({part for n in notes for part, said in _parts(n) if said is None and part.strip()})
