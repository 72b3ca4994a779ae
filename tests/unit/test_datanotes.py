"""Data notes in the reader's language: every note the shipped data shows has Latvian words."""

from __future__ import annotations

import re

import pytest

from latgale_di.analysis import figures
from latgale_di.confidentiality import privacy
from latgale_di.core import datanotes
from latgale_di.store import dataset
from latgale_di.territory import boundaries


@pytest.fixture(scope="module")
def shown_notes() -> list[str]:
    """Every note a figure of the shipped data carries, as the public sees them (small counts hidden)."""
    data = privacy.public(dataset.load())
    notes: list[str] = []
    for vintage in boundaries.VINTAGES:
        table = figures.table(data, vintage, list(range(2016, 2025)))
        notes += [str(n) for n in table["note"].dropna().unique() if n]
    return notes


def test_every_shipped_note_has_latvian_words(shown_notes):
    assert len(shown_notes) > 100
    assert datanotes.untranslated(shown_notes) == []  # add the missing lines to data/notes_lv.csv


# What may have points between digits in Latvian text: dates (01.01.2020.) and project codes (9.3.1.1/18/I/003).
NOT_NUMBERS = re.compile(r"\b\d{2}\.\d{2}\.\d{4}\.|\b\d(?:\.\d)+\.?/\S+|LM social service provider register \S+")


def test_latvian_notes_have_no_decimal_point_in_a_number(shown_notes):
    for note in shown_notes:
        said = NOT_NUMBERS.sub("", datanotes.note(note, "lv"))
        assert not re.search(r"\d\.\d", said), said


def test_a_note_and_the_apps_own_words_are_translated_part_by_part():
    note = ("cumulative unique persons since the DI project began (2015), not a yearly count; "
            "same territory in both vintages")
    assert datanotes.note(note, "lv") == ("kumulatīvi: dažādas personas kopš DI projekta sākuma (2015), nevis gada "
                                          "skaits; tā pati teritorija abās robežu versijās")
    assert datanotes.note(note, "en") == note


@pytest.mark.parametrize("english, latvian", [
    ("re-aggregated from 2009 units: Aglonas novads 150844 × 0.348 (area share) + Preiļu novads 377784",
     "pārrēķināts no 2009. g. pašvaldībām: Aglonas novads 150844 × 0,348 (platības daļa) + Preiļu novads 377784"),
    ("sum of 2 of 3 sites open by 2022", "2 no 3 pakalpojumu vietu summa (atvērtas līdz 2022. g.)"),
    ("fewer than 5: hidden to protect privacy", "mazāk par 5: slēpts privātuma dēļ"),
    ("per 10 000 CSP usual residents, all ages, on 2023-01-01",
     "uz 10 000 CSP pastāvīgie iedzīvotāji, visi vecumi, 01.01.2023."),
])
def test_the_apps_own_notes_are_said_in_latvian(english, latvian):
    assert datanotes.note(english, "lv") == latvian


def test_a_note_without_latvian_words_stays_as_written():
    assert datanotes.note("Rēzeknes; novads", "lv") == "Rēzeknes; novads"  # a maintainer's own Latvian note
    assert datanotes.untranslated(["a new English note"]) == ["a new English note"]
