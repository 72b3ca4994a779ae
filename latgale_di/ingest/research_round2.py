"""What each row of the research pack's second round (``facts_round2.csv``) becomes.

Every one of its rows has exactly one decision here, keyed by its row number as a spreadsheet
shows it (the header is row 1), with the value it must hold so that an edited file stops the
build instead of shifting figures onto the wrong row:

* ``Take`` — an observation (municipality, vintage, year, target group, service, indicator);
* ``Opened`` — an opening date for sites of ``data/facilities.csv``;
* ``Skip`` — left out, with the reason (written to ``data/skipped_rows.csv``).

Rules, as for the first round (``latgale_di.ingest.default_data``): the year is the year the figure
refers to, for a period its last year; a planned capacity takes the year the plan was stated; a
"now"/"currently" figure takes the year it was published. Cumulative counts keep their period in
the note and are never presented as yearly. Where sources disagree, the newest official statement
is stored and the others are kept in its note (``docs/data-contract.md`` lists each conflict).
"""

from __future__ import annotations

from dataclasses import dataclass

from latgale_di.territory.boundaries import REGION_CODE


@dataclass(frozen=True)
class Take:
    row: int
    value: str  # the research row's value (or value_min), checked
    unit: str  # a name or code for the matcher, or LPR
    vintage: str
    year: int
    target_group: str
    service: str
    indicator: str
    note: str = ""
    status: str = "reported"
    percent: bool = False  # the file gives a share as a fraction (0.3); the contract stores % (30)


@dataclass(frozen=True)
class Opened:
    row: int
    value: str
    facilities: tuple[str, ...]
    status: str = ""  # a new status for the sites ("" keeps theirs)
    date: str = ""  # the opening date when ``value`` carries words around it ("" = ``value``)
    original: bool = False  # the notice is the original of the page the site cited (a repost): cite it instead


@dataclass(frozen=True)
class Skip:
    row: int
    reason: str


def _cumulative(first: int, last: int) -> str:
    return (f"cumulative: unique persons served since the DI project began ({first}) to the end of {last}, "
            "not a yearly count")


_C20, _C21, _C22 = _cumulative(2015, 2020), _cumulative(2015, 2021), _cumulative(2015, 2022)
_REPORT_2009 = "; the report still uses the pre-2021 units"
_SAME = "the same figure is already stored from the first research round"
_NO_YEAR = "the page gives no year and no date to derive it from"
_LEGAL = "legal representatives of children with FT are not a target group of the data contract"
_VILANI_PLAN = ("Viļāni plan of 6 July 2020 (Viļānu novads); the first plan (~2018–2019) had 4 group-apartment "
                "places, later plans and the 2024 opening 16")
_LPR_2021 = "LPR council meeting of 8 February 2022: position at the end of 2021"

DECISIONS: tuple[Take | Opened | Skip, ...] = (
    Skip(2, _SAME + " (Viļaka day-care centre, 8 places, 2021)"),
    Skip(3, _SAME + " (Viļaka group apartments, 10 places, 2021)"),
    Opened(4, "2021-10-12", ("BA-VILAKA-DAC", "BA-VILAKA-GA")),
    Take(5, "16", "Augšdaugavas novads", "2021", 2022, "adults_grt", "group_apartments", "places",
         "Nīcgale, 8 apartments for 16 persons, opened 5 October 2022"),
    Opened(6, "2022-10-05", ("AD-NICGALE",), "operating"),
    Skip(7, _NO_YEAR + "; read on a video-site mirror; the 8 residents at opening are stored from the first round"),
    Skip(8, _NO_YEAR + "; read on a video-site mirror; the 12 places are stored, cited to the city's notice of "
         "16 June 2020"),
    Skip(9, _SAME + " (Līči group apartments, 16 places, 2021)"),
    Skip(10, _SAME + " (Līči, 12.02 EUR per person per day, 2021)"),
    Opened(11, "2021-04-22", ("PR-LICI",)),
    Skip(12, _SAME + " (Spārīte, 70 children 'now'; the broadcast date is not shown)"),
    Skip(13, _SAME + " (Rēzekne ERAF project 9.3.1.1/19/I/050, total 2 568 543.29 EUR, 2022)"),
    Skip(14, "the ERAF share of row 13, kept in the note of the stored total"),
    Skip(15, "a cumulative count since 2018 ('more than 20'); row 16 gives the participants of 2021, and this one "
         "is kept in its note"),
    Take(16, "14", "Daugavpils", "2021", 2021, "adults_grt", "specialised_workshop", "persons_served",
         "participants 'now' (LPR, 23 July 2021); more than 20 persons have used the workshops since 2018"),
    Skip(17, "the reconstruction cost of one part of the Ludza DSPC building; the total of the project is stored "
         "for 2020 from the first round"),
    Skip(18, _SAME + " (163 children with FT served in 2018, region)"),
    Skip(19, _SAME + " (402 children with FT assessed to the end of 2018, region)"),
    Skip(20, _LEGAL),
    Skip(21, _SAME + " (ESF project budget 8 596 069 EUR); its ESF share is settled in the note of that figure"),
    Skip(22, "a planned number of needs assessments: the contract has no indicator for an assessment target"),
    Skip(23, "a planned number of needs assessments: the contract has no indicator for an assessment target"),
    Skip(24, "a planned number of needs assessments: the contract has no indicator for an assessment target"),
    Take(25, "387", REGION_CODE, "2021", 2023, "adults_grt", "any", "target_persons",
         "adults with GRT to receive community-based services in ESF project 9.2.2.1/15/I/005 by 2023 (project page, "
         "updated 27 November 2023); the DI plan of 1 April 2020 says 389 (stored for 2020)"),
    Take(26, "14", "Ilūkstes novads", "2009", 2020, "adults_grt", "day_care_centre", "places",
         "day-care centre “Fēnikss”, Ilūkste, opened 2020 (ERAF 9.3.1.1/18/I/003)"),
    Take(27, "8", "Ilūkstes novads", "2009", 2020, "adults_grt", "specialised_workshop", "places",
         "specialised workshops, Ilūkste, opened 2020 (ERAF 9.3.1.1/18/I/003)"),
    Take(28, "16", "Ilūkstes novads", "2009", 2020, "adults_grt", "group_apartments", "places",
         "6 group apartments, Pašuliene (Šēderes pagasts), opened 2020 (ERAF 9.3.1.1/18/I/003)"),
    Take(29, "446953.06", "Ilūkstes novads", "2009", 2020, "adults_grt", "any", "eur",
         "ERAF project 9.3.1.1/18/I/003, final total cost at the opening; an earlier article gave the planned "
         "447 060.00 EUR (ERAF 380 001, state 20 117.70, municipality 46 941.30)"),
    Skip(30, "the planned total of the Ilūkste project (447 060.00 EUR); the final cost (row 29) is newer and "
         "stored, this one kept in its note"),
    Skip(31, "the ERAF share of the Ilūkste project, kept in the note of the stored total"),
    Skip(32, _NO_YEAR + " (daily attendance of “Fēnikss”)"),
    Skip(33, _SAME + " (Kārsava DSPC, 10 planned adults, 2020)"),
    Skip(34, _SAME + " (Kārsava DSPC, 8 planned children, 2020)"),
    Skip(35, _SAME + " (Kārsava workshops, 6 planned adults, 2020)"),
    Skip(36, _SAME + " (Kārsava social rehabilitation, 12 planned children, 2020)"),
    Skip(37, _NO_YEAR + " (Krāslava project, planned eligible funding after an amendment)"),
    Skip(38, _NO_YEAR + " ('at least 8' children; the 8 places of the 2023 opening are stored)"),
    Take(39, "16", "Augšdaugavas novads", "2021", 2021, "adults_grt", "group_apartments", "planned_places",
         "Nīcgale, under construction (ERAF 9.3.1.1/19/I/037)"),
    Take(40, "20", "Augšdaugavas novads", "2021", 2021, "adults_grt", "specialised_workshop", "planned_places",
         "Nīcgale, under construction (ERAF 9.3.1.1/19/I/037)"),
    Take(41, "150844", "Aglonas novads", "2009", 2019, "all", "any", "eur",
         "DI infrastructure in Aglonas novads (day-care centre for adults with GRT and more), of which municipal "
         "co-financing 15 839 EUR; LETA item of 13 December, year not shown (loan planned for 2019)"),
    Skip(42, "the municipal co-financing of row 41, kept in its note"),
    Skip(43, _SAME + " (Vecružina respite care, 6 planned places, 2020)"),
    Skip(44, _SAME + " (Vecružina day-care centre, 10 planned places, 2020)"),
    Skip(45, _SAME + " (Rēzeknes novads ERAF 9.3.1.1/19/I/047, eligible 597 936 EUR)"),
    Skip(46, "the ERAF share of the same project, kept in the note of the stored figure"),
    Skip(47, _SAME + " (Viļāni, 16 planned group-apartment places, 2023)"),
    Skip(48, _SAME + " (Viļāni, 13 planned day-care places, 2023)"),
    Skip(49, _SAME + " (Viļāni, 10 planned workshop places, 2023)"),
    Skip(50, _SAME + " (Viļāni project total 2 555 201.09 EUR, 2023); the 2020 plan's total is settled in its note"),
    Skip(51, "the eligible cost of the Viļāni project, kept in the note of the stored total"),
    Skip(52, "the ERAF share of the Viļāni project, kept in the note of the stored total"),
    Skip(53, "the same amount (1 346 004.38 EUR, ERAF 9.3.1.1/19/I/037) is stored for 2022 under Augšdaugavas "
         "novads, which continued the project; its ERAF share is settled in that figure's note"),
    Skip(54, "the ERAF share on the older Daugavpils novads page (910 188.50 EUR); the newer Augšdaugava page says "
         "971 059.39 EUR, kept with this one in the note of the stored amount"),
    Take(55, "12", "Daugavpils pilsēta", "2009", 2020, "adults_grt", "group_apartments", "planned_places",
         "group house 18. Novembra iela 354V (ERAF 9.3.1.1/19/I/003); the city's notice of 16 June 2020"),
    Skip(56, "a 2021–2027 programme project, after the DI project; no year the figure refers to"),
    Skip(57, "DSPC Balvi has no site row in facilities.csv (no location in the research pack)"),
    Take(58, "533", REGION_CODE, "2021", 2023, "children_ft", "any", "target_persons",
         "children with FT to receive social care and social rehabilitation in ESF project 9.2.2.1/15/I/005 by 2023 "
         "(newspaper, undated); an English project page says 3533, almost certainly a typo"),
    Take(59, "6", "Rēzekne", "2021", 2023, "children_ft", "social_rehabilitation", "places",
         "physiotherapy in the pool of “Spārīte”, children a day, opened 1 February 2023"),
    Take(60, "30", "Rēzekne", "2021", 2023, "children_ft", "social_rehabilitation", "persons_served",
         "children granted physiotherapy in the pool of “Spārīte” at its opening, 1 February 2023"),
    Skip(61, "the opening of a pool in the “Spārīte” centre, not of the centre"),
    Opened(62, "2021-02-01", ("REZ-VILANU10",)),
    Skip(63, _SAME + " (Viļānu iela 10, construction cost 244 498.12 EUR)"),
    Skip(64, _SAME + " (Daugavpils, 92 children with FT to the end of 2021)"),
    Skip(65, _SAME + " (Rēzekne, 68 children with FT to the end of 2021)"),
    Skip(66, _SAME + " (Daugavpils novads, 32 children with FT to the end of 2021)"),
    Skip(67, _SAME + " (Ludzas novads, 32 children with FT to the end of 2021)"),
    Skip(68, _SAME + " (Balvu novads, 28 children with FT to the end of 2021)"),
    Skip(69, _SAME + " (region, 351 children with FT to the end of 2021)"),
    Skip(70, _LEGAL),
    *(Take(row, value, unit, "2021", 2022, "children_ft", "any", "persons_served", _C22)
      for row, value, unit in ((71, "122", "Daugavpils"), (72, "105", "Rēzekne"), (73, "54", "Balvu novads"),
                               (74, "50", "Ludzas novads"), (75, "48", "Augšdaugavas novads"))),
    Take(76, "460", REGION_CODE, "2021", 2022, "children_ft", "any", "persons_served", _C22),
    Skip(77, _LEGAL),
    Take(78, "677", REGION_CODE, "2021", 2021, "all", "any", "persons_served", f"{_C21}; {_LPR_2021}"),
    Take(79, "171", REGION_CODE, "2021", 2021, "adults_grt", "any", "persons_served", f"{_C21}; {_LPR_2021}"),
    Take(80, "163", REGION_CODE, "2021", 2021, "adults_grt", "day_care_centre", "places", _LPR_2021),
    Take(81, "93", REGION_CODE, "2021", 2021, "adults_grt", "specialised_workshop", "places", _LPR_2021),
    Take(82, "58", REGION_CODE, "2021", 2021, "adults_grt", "group_apartments", "places", _LPR_2021),
    Take(83, "20", "Daugavpils", "2021", 2022, "children_ooc", "family_like_care", "persons_served",
         "children living in the family house “Pīlādzis” since January 2022 (moved from “Priedīte”)"),
    Opened(84, "2022-01 (start of January)", ("DGV-PILADZIS",), date="2022-01", original=True),
    Skip(85, _NO_YEAR + " (18 persons in the Arhitektu iela 21 workshop)"),
    *(Take(row, value, unit, "2009", 2020, "children_ft", "any", "persons_served", _C20 + _REPORT_2009)
      for row, value, unit in ((86, "63", "Rēzeknes pilsēta"), (87, "57", "Daugavpils pilsēta"),
                               (88, "26", "Ludzas novads"), (89, "25", "Balvu novads"),
                               (90, "23", "Daugavpils novads"))),
    Take(91, "287", REGION_CODE, "2009", 2020, "children_ft", "any", "persons_served", _C20),
    Skip(92, _LEGAL),
    Take(93, "16", "Preiļu novads", "2009", 2019, "adults_grt", "group_apartments", "planned_places",
         "service centre “Līči” (ERAF 9.3.1.1./18/I/009, project started July 2019)"),
    Take(94, "377784", "Preiļu novads", "2009", 2019, "all", "any", "eur",
         "ERAF 9.3.1.1./18/I/009 (Līči group apartments and a day-care centre), project started July 2019"),
    Skip(95, "the page marks the 15th year of a day-care centre whose target group it does not name; no site row "
         "matches it"),
    Take(96, "282124.9", "Rēzeknes novads", "2021", 2023, "adults_grt", "group_apartments", "eur",
         "construction of the group house “Pilcene”, opened 30 May 2023"),
    Skip(97, "the ESF share of the DI project on an older municipal page (7 306 658.60 EUR); the project page "
         "updated in 2023 says 7 398 389.50 EUR, kept with this one in the note of the budget"),
    Take(98, "25", "Ludzas novads", "2009", 2021, "all", "any", "persons_served",
         "clients of the Ludza DSPC 'now', about 25 (page of 24 June 2021)", "estimated"),
    Take(99, "10", "Ludzas novads", "2009", 2021, "adults_grt", "day_care_centre", "persons_served",
         "clients of the Ludza DSPC day-care centre 'now' (page of 24 June 2021)"),
    Take(100, "9", "Ludzas novads", "2009", 2021, "adults_grt", "specialised_workshop", "persons_served",
         "clients of the Ludza DSPC workshops 'now' (page of 24 June 2021)"),
    Skip(101, "two services counted together (day care and social rehabilitation for children); no service code "
         "for the pair"),
    Opened(102, "2020-07-20", ("LU-DSPC",)),
    Take(103, "16", "Rēzeknes novads", "2021", 2024, "adults_grt", "group_apartments", "places",
         "Liepu iela 2B, Viļāni, 16 single rooms, opened 10 May 2024"),
    Take(104, "13", "Rēzeknes novads", "2021", 2024, "adults_grt", "day_care_centre", "places",
         "Liepu iela 2B, Viļāni, opened 10 May 2024"),
    Take(105, "10", "Rēzeknes novads", "2021", 2024, "adults_grt", "specialised_workshop", "places",
         "Liepu iela 2B, Viļāni, opened 10 May 2024"),
    Opened(106, "2024-05-10", ("RN-VILANI-GH", "RN-VILANI-DAC"), "operating"),
    Skip(107, "2 planned places in one flat of a project whose other figure (row 108) counts apartments, not "
         "places: the sum would mix units"),
    Skip(108, "'16 group apartments': apartments or places is ambiguous"),
    Skip(109, "a planned opening month, not an opening"),
    Skip(110, "the end of construction, not an opening"),
    Skip(111, _NO_YEAR + " (Vecružina services opened on 28 March)"),
    Skip(112, "the Rugāju day-care centre has no site row in facilities.csv (no location in the research pack)"),
    Skip(113, _NO_YEAR + " (Krauja social rehabilitation centre, 24 places)"),
    Skip(114, _NO_YEAR + " (Krauja social rehabilitation centre, cost)"),
    Skip(115, _NO_YEAR + " (Krauja social rehabilitation centre opened on 17 August)"),
    Skip(116, _SAME + " (Krāslava family-like care, 8 places, 2023)"),
    Opened(117, "2023-11-09", ("KR-PLATERU10",)),
    Skip(118, _NO_YEAR + " (“Priedīte” began on 3 January)"),
    Skip(119, "the workshops opened in 2018 in a day-care centre that has run for about 20 years: not the site's "
         "opening"),
    Skip(120, "the first Viļāni plan (17 children); the plan of 2020 (row 130) says the same and is stored"),
    Skip(121, "the first Viļāni plan (4 group-apartment places), superseded by the 2020 plan of 16 (row 127); "
         "kept in its note"),
    Skip(122, "the first Viļāni plan (13 day-care places); the plan of 2020 (row 128) says the same and is stored"),
    Take(123, "20", "Viļānu novads", "2009", 2019, "adults_grt", "any", "target_persons",
         "adults with GRT identified for Viļāni in the LPR DI plan (municipal page, ~2018–2019)"),
    Take(124, "17", "Viļānu novads", "2009", 2019, "children_ft", "any", "target_persons",
         "children with FT identified for Viļāni in the LPR DI plan (municipal page, ~2018–2019)"),
    Skip(125, "the Viļāni project total of the 2020 plan (1 724 688.24 EUR); the newest official figure "
         "(2 555 201.09 EUR, 2023) is stored and this one kept in its note"),
    Skip(126, "the ERAF share of the 2020 Viļāni plan, kept in the note of the stored total"),
    Take(127, "16", "Viļānu novads", "2009", 2020, "adults_grt", "group_apartments", "planned_places", _VILANI_PLAN),
    Take(128, "13", "Viļānu novads", "2009", 2020, "adults_grt", "day_care_centre", "planned_places",
         "Viļāni plan of 6 July 2020 (Viļānu novads)"),
    Take(129, "10", "Viļānu novads", "2009", 2020, "adults_grt", "specialised_workshop", "planned_places",
         "Viļāni plan of 6 July 2020 (Viļānu novads)"),
    Take(130, "17", "Viļānu novads", "2009", 2020, "children_ft", "social_rehabilitation", "planned_places",
         "Viļāni plan of 6 July 2020 (Viļānu novads)"),
    Take(131, "8", "Viļakas novads", "2009", 2020, "adults_grt", "day_care_centre", "planned_places",
         "Abrenes iela 9, Viļaka (ERAF); the page also calls it a centre for children with FT; 8 places at the 2021 "
         "opening"),
)

# ``facts_round2_offschema.csv``: figures the research pack found no indicator for. The shares of
# assessed children served are ``share_served`` after all; the rest stays out, with the reason.
_SHARE = "cumulative since 2015: share of assessed children with FT who had received services by the end of {}"
OFFSCHEMA_DECISIONS: tuple[Take | Opened | Skip, ...] = (
    Skip(2, "'3 x 8' places: the total is not stated"),
    Skip(3, "a count of municipalities: no indicator"),
    Skip(4, "the same share (17 %, Preiļu novads, 2021) is already stored from the first research round"),
    Skip(5, "the same share (30–40 %, Baltinavas novads, 2021) is already stored from the first research round"),
    Skip(6, "the same share (30–40 %, Rēzeknes novads, 2021) is already stored from the first research round"),
    Skip(7, "more than 100 %: the service also reaches children who were not assessed, so it is not a share of "
         "the assessed"),
    Skip(8, "a count of municipalities: no indicator"),
    Take(9, "0.3", "Kārsavas novads", "2009", 2020, "children_ft", "any", "share_served", _SHARE.format(2020),
         percent=True),
    Skip(10, "Preiļu novads 30–40 % at the end of 2020 conflicts with 17 % at the end of 2021 (both cumulative); the "
         "newer report is stored and this one kept in its note"),
    Take(11, "0.3", "Rēzeknes novads", "2009", 2020, "children_ft", "any", "share_served", _SHARE.format(2020),
         percent=True),
    Take(12, "1.0", "Riebiņu novads", "2009", 2020, "children_ft", "any", "share_served", _SHARE.format(2020),
         percent=True),
    Skip(13, "more than 100 %: the service also reaches children who were not assessed, so it is not a share of "
         "the assessed"),
    Skip(14, "an ordinal count of sites ('the seventh group apartment'): no indicator"),
    Skip(15, "a rounded value (2.6 million EUR) of the stored Viļāni total"),
    Skip(16, "a planned project period, not an opening"),
    Skip(17, "no number: Riebiņi's targets were taken over by the Viļāni project"),
)

# Notes that settle a conflict on a figure stored from the first round:
# (year, unit, target group, service, indicator) → note.
FIRST_ROUND_NOTES: dict[tuple[int, str, str, str, str], str] = {
    (2023, REGION_CODE, "all", "any", "eur"):
        "ESF share 7 398 389.50 EUR (86 %) on the project page updated 27 November 2023; an older municipal page "
        "(Kārsava) gives 7 306 658.60 EUR",
    (2020, REGION_CODE, "adults_grt", "any", "target_persons"):
        "the project page (updated 27 November 2023) gives 387 adults with GRT (stored for 2023)",
    (2021, "Preiļu novads", "children_ft", "any", "share_served"):
        "the end-2020 report gave 30–40 % (both figures cumulative since 2015); the newer report is stored",
    (2022, "Augšdaugavas novads", "all", "any", "eur"):
        "an older Daugavpils novads page (~2021) gives the same amount as eligible cost, with ERAF 910 188.50 EUR "
        "(67.62 %)",
    (2023, "Rēzeknes novads", "adults_grt", "any", "eur"):
        "the 2020 plan (Viļānu novads, 6 July 2020) gave a total of 1 724 688.24 EUR (ERAF 479 705.15); the "
        "project grew from 4 to 16 group-apartment places between plans",
}
