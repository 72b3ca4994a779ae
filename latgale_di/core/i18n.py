"""Translations: the interface's own words in Latvian and English.

Latvian is the default. Number and date formats live in ``formatting``; labels of vocabulary codes
live in ``vocab``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast

LANGUAGES: tuple[str, ...] = ("lv", "en")
DEFAULT_LANGUAGE = "lv"
NBSP = "\u00a0"

_STRINGS: dict[str, tuple[str, str]] = {
    # key: (Latvian, English)
    "app_title": ("Deinstitucionalizācija Latgalē", "Deinstitutionalisation in Latgale"),
    "app_subtitle": ("Sabiedrībā balstīti sociālie pakalpojumi Latgales plānošanas reģionā",
                     "Community-based social services in the Latgale planning region"),
    # Briefing (PDF)
    "briefing_heading": ("{name} — DI pārskats, {year}. g.", "{name} — DI briefing, {year}"),
    "briefing_synthetic": ("SINTĒTISKI DEMONSTRĀCIJAS DATI – nav īsti skaitļi",
                           "SYNTHETIC DEMO DATA – not real figures"),
    "briefing_key_indicators": ("Galvenie rādītāji salīdzinājumā ar reģionu", "Key indicators against the region"),
    "briefing_this_unit": ("Pašvaldībā", "This municipality"),
    "briefing_region_col": ("Reģionā: vidējais", "Region: mean"),
    "briefing_region_sub": ("min.–maks.", "min–max"),
    "briefing_units_short": ("{n} no {total} pašv.", "{n} of {total} mun."),
    "briefing_ref": ("Av.", "Src."),
    "briefing_more_indicators": ("Vēl {n} {n|rādītājs|rādītāji} – informācijas panelī (lapa “Pašvaldības profils”).",
                                 "{n} more {n|indicator|indicators} in the dashboard (page “Municipality profile”)."),
    "briefing_no_indicators": ("Šai pašvaldībai {year}. gadam avotos skaitļu nav.",
                               "The sources give no figures for this municipality in {year}."),
    "briefing_site_name": ("Nosaukums", "Name"),
    "briefing_services": ("Pakalpojumi", "Services"),
    "briefing_more_sites": ("Vēl {n} {n|vieta|vietas} – informācijas panelī.",
                            "{n} more {n|site|sites} in the dashboard."),
    "briefing_since": ("{status}, no {year}", "{status} since {year}"),
    "briefing_no_sites": ("Avotos nav nevienas pakalpojumu vietas šajā pašvaldībā.",
                          "The sources list no service site in this municipality."),
    "briefing_plan": ("Latgale pret DI plānu", "Latgale against the DI plan"),
    "briefing_plan_line": ("{group}: {value} no {target} ({share}), kumulatīvi līdz {year}. g.",
                           "{group}: {value} of {target} ({share}), cumulative to {year}"),
    "briefing_shortfalls": ("Neapmierinātais pieprasījums", "Shortfalls"),
    "briefing_no_shortfall": ("Avotos nav iztrūkuma skaitļa.", "No shortfall figure in the sources."),
    "briefing_zero_shortfall": ("Avotu skaitļi iztrūkumu neuzrāda (0).", "The sources' figures show no shortfall (0)."),
    "briefing_hidden_shortfalls": ("Privātuma dēļ slēpti iztrūkuma skaitļi: {n}.",
                                   "Shortfall figures hidden for privacy: {n}."),
    "briefing_population": ("Iedzīvotāji ({date})", "Residents ({date})"),
    "briefing_privacy": ("Skaitļi, kas mazāki par {n}, ir slēpti privātuma dēļ (rādīts “<{n}”).",
                         "Counts below {n} are hidden for privacy (shown as “<{n}”)."),
    "briefing_maintainer": ("Uzturētāja skats: rādīti arī mazi skaitļi – neizplatīt.",
                            "Maintainer view: small counts are shown – do not distribute."),
    "briefing_generated": ("Izveidots {date}", "Generated {date}"),
    "briefing_tg_children_ft": ("Bērni ar FT", "Children with FT"),
    "briefing_tg_adults_grt": ("Pieaugušie ar GRT", "Adults with GRT"),
    "briefing_tg_children_ooc": ("Bērni ārpusģimenes aprūpē", "Children in out-of-family care"),
    "briefing_svc_any": ("visi pakalpojumi", "all services"),
    "page_map": ("Karte", "Map"),
    "language": ("Valoda", "Language"),
    "filters": ("Filtri", "Filters"),
    "indicator": ("Rādītājs", "Indicator"),
    "year": ("Gads", "Year"),
    "vintage": ("Robežas", "Boundaries"),
    # {n}: how many units the vintage has in this process's extent (boundaries.vintage_label).
    "vintage_2021": ("{n} {n|pašvaldība|pašvaldības} (no 2021. g. 1. jūlija)",
                     "{n} {n|municipality|municipalities} (from 1 July 2021)"),
    "vintage_2009": ("{n} {n|pašvaldība|pašvaldības} (2009–2021)", "{n} {n|municipality|municipalities} (2009–2021)"),
    "target_group": ("Mērķgrupa", "Target group"),
    "service": ("Pakalpojums", "Service"),
    "threshold": ("Noslodzes slieksnis, %", "Occupancy threshold, %"),
    "show_facilities": ("Rādīt pakalpojumu vietas", "Show service sites"),
    "no_data": ("nav datu", "no data"),
    "up_to": ("> 0 līdz {value}", "> 0 to {value}"),
    "no_data_long": ("Nav datu: avotos nav skaitļa (tas nav nulle)",
                     "No data: the sources give no figure (this is not zero)"),
    "legend": ("Leģenda", "Legend"),
    "source": ("Avots", "Source"),
    "sources": ("Avoti", "Sources"),
    "status": ("Statuss", "Status"),
    "note": ("Piezīme", "Note"),
    "value": ("Vērtība", "Value"),
    "municipality": ("Pašvaldība", "Municipality"),
    "region": ("Latgales plānošanas reģions", "Latgale planning region"),
    "facilities": ("Pakalpojumu vietas", "Service sites"),
    "facility_places": ("vietas", "places"),
    "places_unknown": ("vietu skaits nav zināms", "number of places unknown"),
    "map_caption": ("{indicator} · {group} · {service} · {year}. g. · {vintage}",
                    "{indicator} · {group} · {service} · {year} · {vintage}"),
    "table_alternative": ("Tabula (tie paši dati)", "Table (same data)"),
    "selected": ("Izvēlētā pašvaldība", "Selected municipality"),
    "click_hint": ("Noklikšķiniet uz pašvaldības kartē vai tās nosaukuma tabulā, lai atvērtu tās profilu.",
                   "Click a municipality on the map, or its name in the table, to open its profile."),
    "clear_selection": ("Notīrīt izvēli", "Clear selection"),
    "no_figures_year": ("Šim gadam un izvēlei avotos nav neviena skaitļa.",
                        "The sources give no figure for this year and selection."),
    "shown_units": ("Ar skaitli: {n} no {total} pašvaldībām", "With a figure: {n} of {total} municipalities"),
    "dataset": ("Datu kopa", "Dataset"),
    "data_version": ("Datu versija {version}, atjaunināta {date}", "Data version {version}, updated {date}"),
    "synthetic_banner": ("SINTĒTISKI DATI — nav īsti skaitļi, tikai testiem un demonstrācijām",
                         "SYNTHETIC DATA — not real figures, for tests and demonstrations only"),
    "estimated_mark": ("≈ novērtēts (pārrēķināts pēc 2021. g. reformas)",
                       "≈ estimated (re-aggregated across the 2021 reform)"),
    "incomplete_mark": ("≥ nepilnīgs: dažām veidojošajām pašvaldībām nav skaitļa",
                        "≥ incomplete: some component municipalities have no figure"),
    "range_mark": ("> vai – : avots dod tikai robežas", "> or – : the source gives only bounds"),
    # One figure per view (latgale_di.analysis.figures)
    "incomplete_legend": ("nepilnīgs: vismaz …", "incomplete: at least …"),
    "incomplete_long": ("Daļējā summa: dažām daļām skaitļa nav, tāpēc šis ir tikai apakšējais slieksnis, "
                        "nevis pašvaldības skaitlis.",
                        "A partial sum: some parts have no figure, so this is only a lower bound, not the "
                        "municipality's figure."),
    # DI progress (pages/progress.py)
    "page_progress": ("DI virzība", "DI progress"),
    "progress_intro": ("Vai deinstitucionalizācija notiek? DI plāna mērķi pret jaunākajiem skaitļiem, pāreja no "
                       "institūcijām uz sabiedrībā balstītiem pakalpojumiem un to uzturēšanas izmaksas pēc "
                       "projekta beigām. Tikai avotu skaitļi; “nav datu” nekad nenozīmē nulli.",
                       "Is deinstitutionalisation happening? The DI plan's targets against the latest figures, the "
                       "move from institutions to community-based services, and what running them costs once the "
                       "project ends. Only the sources' figures; “no data” never means zero."),
    "progress_where": ("Reģions vai pašvaldība", "Region or municipality"),
    "plan_progress": ("Virzība uz DI plāna mērķiem {year}", "Progress against the DI plan {year}"),
    "no_plan_figures": ("Šai izvēlei {year}. gadā avotos nav ne mērķa, ne skaitļa.",
                        "The sources give no target or figure for this choice in {year}."),
    "plan_target_col": ("Mērķis", "Target"),
    "plan_target": ("Mērķa vērtība", "Target value"),
    "plan_latest": ("Jaunākais skaitlis (gads)", "Latest figure (year)"),
    "plan_share": ("Sasniegts", "Reached"),
    "plan_change": ("Pārmaiņas", "Change"),
    "plan_persons": ("personas, kas saņem sabiedrībā balstītus pakalpojumus", "persons receiving community-based "
                     "services"),
    "plan_places": ("plānotās vietas pret atvērtajām", "places planned against opened"),
    "cumulative_since": ("kumulatīvi kopš 2015. g.", "cumulative since 2015"),
    "share_not_comparable": ("plānotās vietas ir atsevišķu projektu plānu summa, nevis DI plāna mērķis, un tās "
                             "var neietvert atvērtās vietas, tāpēc sasniegtā daļa netiek rēķināta.",
                             "planned places are a sum of single projects' plans, not a DI plan target, and need "
                             "not include the places opened, so no share reached is computed."),
    "no_earlier_figure": ("nav agrāka skaitļa", "no earlier figure"),
    "since_year": ("kopš {year}. g.", "since {year}"),
    "assessment_good": ("labā virzienā", "in the right direction"),
    "assessment_bad": ("nelabā virzienā", "in the wrong direction"),
    "assessment_neutral": ("bez pārmaiņām", "unchanged"),
    "transition": ("No institūcijām uz sabiedrībā balstītu aprūpi", "From institutions to community-based care"),
    "transition_note": ("Raustītā līnija: institūcijas; nepārtrauktā: sabiedrībā balstīti pakalpojumi. Vietas — "
                        "kā zināmas attiecīgajā gadā; “≥” — daļēja summa. Punkts ir tikai gados, kad avots "
                        "kaut ko ziņo.",
                        "Dashed: institutions; solid: community-based services. Places as known in that year; "
                        "“≥” a partial sum. A point only in years a source reports something."),
    "series_institution_places": ("Vietas institūcijās", "Places in institutions"),
    "series_institution_residents": ("Iemītnieki institūcijās", "Residents of institutions"),
    "series_community_places": ("Vietas sabiedrībā balstītos pakalpojumos", "Places in community-based services"),
    "series_community_served": ("Sabiedrībā balstītu pakalpojumu saņēmēji (kumulatīvi)",
                                "Persons served in the community (cumulative)"),
    "project_end_marker": ("DI projekta beigas", "DI project ends"),
    "per_100k_children": ("uz 100 000 bērnu (0–17 g.)", "per 100,000 children aged 0–17"),
    "benchmark_line": ("Bērni institucionālajā aprūpē uz 100 000 bērnu (0–17 g.): {values} ({publisher}, {date}). "
                       "Latgales rādītājam vajag bērnu skaitu vecumā 0–17 gadi, kura datos vēl nav.",
                       "Children in residential care per 100,000 children aged 0–17: {values} ({publisher}, "
                       "{date}). Latgale's rate needs the number of children aged 0–17, which the data do not "
                       "have yet."),
    "after_project": ("Pēc projekta: kas maksās par pakalpojumu uzturēšanu", "After the project: who pays to run "
                      "the services"),
    "running_cost_line": ("{service}: {places} vietas × {rate} EUR dienā × 365 = {total} EUR gadā",
                          "{service}: {places} places × {rate} EUR a day × 365 = {total} EUR a year"),
    "no_running_costs": ("Avotos nav dienas likmes, no kuras aprēķināt uzturēšanas izmaksas.",
                         "The sources give no day rate to compute running costs from."),
    "n_in_average": ("Pašvaldības vidējā", "Municipalities in the average"),
    "planned_places_of_projects": ("Projektu plānotās vietas", "Planned places of the projects"),
    "per_planned_place": ("EUR uz plānoto vietu", "EUR per planned place"),
    "service_places": ("Vietas: {service}", "Places: {service}"),
    "per_place_no_planned_places": ("nav: projekta avots nenorāda plānotās vietas",
                                    "none: the project's source gives no planned places"),
    "per_place_no_funding": ("nav finansējuma skaitļa", "no funding figure"),
    "projects_of": ("{n} no {total} projektiem", "{n} of {total} projects"),
    "per_place_rule": ("Uz vietu: projekta budžets dalīts ar vietām, ko plāno tas pats projekts (pēc tā paša "
                       "avota). Budžets netiek dalīts ar līdz šim atvērtajām vietām vai ar citu pakalpojumu "
                       "vietām. Darbības izmaksas: izvēlētā pakalpojuma vietas (kā tabulā) × dienas likme × 365.",
                       "Per place: a project's budget divided by the places the same project plans (from the "
                       "same source), never by the places opened so far or by other services' places. Running "
                       "cost: the chosen service's places (as in the table) × day rate × 365."),
    "partial_units": ("vēl {n} ar daļēju summu (“≥”)", "{n} more with a partial sum (“≥”)"),
    "above_threshold": ("virs sliekšņa", "above threshold"),
    "attribution": ("Robežas", "Boundaries"),
    "open_source": ("atvērt avotu", "open source"),
    "region_figure": ("Reģionā kopā", "Region total"),
    "facility_status": ("Darbības statuss", "Operating status"),
    "page_overview": ("Pārskats", "Overview"),
    "page_profile": ("Pašvaldības profils", "Municipality profile"),
    "page_occupancy": ("Pakalpojumi un noslodze", "Services & occupancy"),
    "page_demand": ("Pieprasījums un iztrūkums", "Demand & shortfall"),
    "page_basket": ("Minimālais pakalpojumu grozs", "Minimum services basket"),
    "page_trends": ("Tendences", "Trends"),
    "page_investment": ("Investīcijas un ilgtspēja", "Investment & sustainability"),
    "page_scenario": ("Scenārijs", "Scenario"),
    "page_sources": ("Avoti un metodes", "Sources & methods"),
    "sum_served": ("{group}: pakalpojumus {count|saņēmis|saņēmuši} {value} {count|cilvēks|cilvēki} (līdz {year}. g. "
                   "beigām).",
                   "{group}: {value} {count|person|people} had received services (by the end of {year})."),
    "sum_without": ("{n} no {total} pašvaldībām ({names}) neviens no mērķgrupas “{group}” vēl nebija sācis "
                    "saņemt pakalpojumus.",
                    "In {n} of {total} municipalities ({names}) nobody in the group “{group}” had started "
                    "receiving services yet."),
    "sum_unknown": ("Par {n} no {total} pašvaldībām avotos skaitļa nav.",
                    "For {n} of {total} municipalities the sources give no figure."),
    "sum_occupancy": ("Grupu dzīvokļu noslodze pieaugušajiem ar GRT reģionā: {more}{value} % (slieksnis 80 %).",
                      "Group apartments for adults with GRT in the region are {more}{value} % full (line: 80 %)."),
    "more_than": ("vairāk nekā ", "more than "),
    "headline_served": ("Pakalpojumu saņēmēji", "Persons served"),
    "headline_places": ("Vietas pa pakalpojumiem", "Places by service"),
    "headline_occupancy": ("Grupu dzīvokļu noslodze", "Group-apartment occupancy"),
    "headline_without": ("Pašvaldības bez pakalpojuma", "Municipalities with no service"),
    "of_units": ("{n} no {total}", "{n} of {total}"),
    "units_with_data": ("skaitlis ir {n} no {total} pašvaldībām", "figure for {n} of {total} municipalities"),
    "as_of_year": ("{year}. g. dati", "figure of {year}"),
    "year_and_vintage": ("{year}. g. · {vintage}", "{year} · {vintage}"),
    "summary": ("Kopsavilkums", "Summary"),
    "open_profile": ("Atvērt profilu", "Open profile"),
    "choose_municipality": ("Pašvaldība", "Municipality"),
    "vs_region": ("Salīdzinājumā ar Latgali", "Compared with Latgale"),
    "vs_region_help": ("Zīme: pašvaldība (▲ zila — labāk nekā Latgalē, ● pelēka — līdzīgi, ▼ sarkana — sliktāk, "
                       "pēc tā, vai vairāk ir labāk vai sliktāk; līdzīgi — 10 % robežās no vidējā). Svītra: Latgales "
                       "pašvaldību vidējais. Josla: mazākā–lielākā vērtība pašvaldībām, par kurām ir skaitlis.",
                       "Mark: the municipality (▲ blue: better than Latgale, ● grey: similar, ▼ red: worse, by "
                       "whether more is better or worse; similar: within 10 % of the average). Tick: the average of "
                       "Latgale municipalities. Bar: lowest–highest among the municipalities that have a figure."),
    "versus_better": ("labāk nekā Latgalē", "better than Latgale"),
    "versus_similar": ("līdzīgi kā Latgalē", "similar to Latgale"),
    "versus_worse": ("sliktāk nekā Latgalē", "worse than Latgale"),
    "vs_region_bounds": ("Kur avots dod tikai robežu (piemēram, “> 50 %”), vidējais un amplitūda ir robežās "
                         "(“30–59 %”, “≥ 12”), nevis viens skaitlis, ko neuzrādītās vērtības varētu atspēkot.",
                         "Where a source gives only a bound (such as “> 50 %”), the average and range are given "
                         "as bounds (“30–59 %”, “≥ 12”), never one number that the bounded values could "
                         "contradict."),
    "region_mean": ("Latgales vidējais", "Latgale average"),
    "region_range": ("Latgales amplitūda", "Latgale range"),
    "no_municipality_figures": ("Šai pašvaldībai {year}. gadam avotos skaitļu nav.",
                                "The sources give no figures for this municipality in {year}."),
    "trend": ("Tendence", "Trend"),
    "services_provided": ("Pakalpojumi (minimālais grozs)", "Services (minimum basket)"),
    "basket_provided": ("nodrošina", "provides"),
    "basket_planned": ("plānots", "planned"),
    "basket_missing": ("nav pakalpojuma", "no service"),
    "coverage_note": ("no pakalpojumu vietām un skaitļiem (sk. “Minimālais pakalpojumu grozs”)",
                      "from service sites and figures (see “Minimum services basket”)"),
    "basket_unknown": ("nav datu", "no data"),
    "basket_proposed": ("ierosināts no 2029", "proposed for 2029"),
    "social_mentor": ("Sociālais mentors", "Social mentor"),
    "youth_behaviour_rehabilitation": ("Sociālā rehabilitācija jauniešiem ar uzvedības un atkarību problēmām",
                                       "Social rehabilitation for young people with behavioural and addiction "
                                       "problems"),
    "basket_intro": ("Kuras pašvaldības nodrošina katru pakalpojumu. “Nodrošina”: darbojas vieta vai avots "
                     "min vietas vai saņēmējus; “plānots”: vieta plānota vai būvē; “nav pakalpojuma”: avots ziņo "
                     "par nulli; “nav datu”: avotos nekas nav atrasts. Divi pakalpojumi ierosināti no 2029. gada "
                     "(LM, 2024).",
                     "Which municipalities provide each service. “Provides”: an operating site, or a source "
                     "gives places or persons served; “planned”: a site is planned or being built; “no service”: a "
                     "source reports zero; “no data”: nothing found. Two services are proposed from 2029 "
                     "(Ministry of Welfare, 2024)."),
    "indicator_col": ("Rādītājs", "Indicator"),
    "n_units": ("Pašvaldības ar skaitli", "Municipalities with a figure"),
    "methods_intro": ("Kā skaitļi iegūti, ko tie nozīmē un no kurienes tie nāk.",
                      "How the figures are made, what they mean and where they come from."),
    "datasets": ("Datu kopa", "Dataset"),
    "definitions": ("Rādītāji un formulas", "Indicators and formulas"),
    "formula": ("Formula", "Formula"),
    "unit": ("Mērvienība", "Unit"),
    "status_meanings": ("Statusu nozīme", "What the statuses mean"),
    "no_funding_yet": ("Līdz {year}. g. avoti pašvaldību finansējumu nenorāda; tas zināms par {first}.–{last}. g. "
                       "Izvēlieties vēlāku gadu.",
                       "The sources give no municipal funding up to {year}; figures exist for {first}–{last}. "
                       "Choose a later year."),
    "hidden": ("slēpts", "hidden"),
    "hidden_legend": ("slēpts (privātums)", "hidden (privacy)"),
    "reform_marker": ("2021. g. reforma", "2021 reform"),
    "reform_title": ("2021. gada reforma un robežas", "The 2021 reform and boundaries"),
    "reform_text": ("Līdz 2021. g. 30. jūnijam Latgalē bija 21 pašvaldība, no 2021. g. 1. jūlija — 9. Vecāku gadu "
                    "skaitļi ir 21 pašvaldībai; tos pārrēķina 9 pašvaldībām, saskaitot (Aglonas novads sadalīts "
                    "pēc platības: 0,348 Preiļu, 0,652 Krāslavas novadam — novērtējums). Ja kādai veidojošajai "
                    "pašvaldībai skaitļa nav, summa ir “nepilnīga” (≥).",
                    "Until 30 June 2021 Latgale had 21 municipalities, from 1 July 2021 it has 9. Older figures "
                    "are for the 21; they are re-aggregated to the 9 by summing (Aglonas novads is split by area: "
                    "0.348 to Preiļi, 0.652 to Krāslava — an estimate). Where a component has no figure the sum "
                    "is “incomplete” (≥)."),
    "licences": ("Licences un atsauces", "Licences and attribution"),
    "all_sources": ("Visi avoti", "All sources"),
    # --- issue 23 (data helper): sources as records, denominators by statistic ---
    "secondary_source": ("sekundārs avots", "secondary source"),
    "src_publisher": ("Izdevējs", "Publisher"),
    "src_date": ("Publicēts", "Published"),
    "src_accessed": ("Skatīts", "Accessed"),
    "src_licence": ("Licence", "Licence"),
    "src_kind": ("Avota veids", "Kind of source"),
    "src_note": ("Piezīme", "Note"),
    "stat_unspecified": ("statistika nav norādīta", "statistic not stated"),
    "briefing_population_stat": ("Iedzīvotāji ({statistic}, {date})", "Residents ({statistic}, {date})"),
    # --- end issue 23 (data helper) ---
    "last_updated": ("Pēdējoreiz atjaunināts", "Last updated"),
    "occupancy_intro": ("Vietas un aizņemtās vietas pa pašvaldībām un pakalpojumu vietām. Noslodze virs sliekšņa "
                        "({threshold} %) ir iezīmēta. Vietu skaits ir jaunākais zināmais līdz izvēlētajam gadam.",
                        "Places and occupied places by municipality and site. Occupancy above the threshold "
                        "({threshold} %) is marked. Places are the latest figure known up to the chosen year."),
    "occupied": ("Aizņemtās vietas", "Occupied places"),
    "places": ("Vietas", "Places"),
    "occupancy": ("Noslodze", "Occupancy"),
    "flag": ("Virs sliekšņa?", "Above threshold?"),
    "yes": ("jā", "yes"),
    "no": ("nē", "no"),
    "unknown": ("nav zināms", "unknown"),
    "region_statement": ("Reģiona līmenī avots saka", "At region level the source says"),
    "by_municipality": ("Pa pašvaldībām", "By municipality"),
    "by_site": ("Pa pakalpojumu vietām", "By site"),
    "no_rows": ("Šai izvēlei avotos skaitļu nav.", "The sources give no figures for this choice."),
    "nearby_choices": ("Skaitļi ir tuvām izvēlēm:", "Nearby choices with figures:"),
    "year_short": ("{year}. g.", "{year}"),
    "demand_intro": ("Pašvaldības un pakalpojumi, sakārtoti pēc neapmierinātā pieprasījuma: izvērtētās personas "
                     "mīnus vietas (vai saņēmēji, ja vietu skaits nav zināms).",
                     "Municipalities and services ranked by unmet demand: persons assessed minus places (or "
                     "persons served where places are unknown)."),
    "assessed": ("Izvērtētās personas", "Persons assessed"),
    "served": ("Saņēmēji", "Persons served"),
    "waiting": ("Rindā", "Waiting list"),
    "shortfall": ("Iztrūkums", "Shortfall"),
    "shortfall_pct": ("Iztrūkums, % no pieprasījuma", "Shortfall, % of demand"),
    "in_words": ("Avotos vārdos (bez skaitļiem)", "In the sources' words (no numbers given)"),
    "trends_intro": ("Rādītājs pa gadiem reģionam un izvēlētajām pašvaldībām. Raustītā līnija: 2021. g. 1. jūlija "
                     "reforma. Robežas: {vintage}. Gadi bez skaitļa paliek tukši (nekas netiek interpolēts).",
                     "The indicator over the years for the region and the chosen municipalities. Dashed line: the "
                     "reform of 1 July 2021. Boundaries: {vintage}. Years without a figure stay empty (nothing is "
                     "interpolated)."),
    "choose_municipalities": ("Pašvaldības salīdzināšanai", "Municipalities to compare"),
    "choose_placeholder": ("Izvēlieties…", "Choose…"),
    "code_col": ("Kods", "Code"),
    "investment_intro": ("DI infrastruktūras un pakalpojumu finansējums pa pašvaldībām (avotu norādītās projektu "
                         "summas; projekti var pārklāties), uz iedzīvotāju un uz vietu, un ko izmaksā vietu "
                         "uzturēšana gadā tagad, kad projekts beidzies.",
                         "DI infrastructure and service funding by municipality (project sums as the sources state "
                         "them; projects may overlap), per resident and per place, and what running the places "
                         "costs each year now that the project has ended."),
    "funding": ("Finansējums, EUR", "Funding, EUR"),
    "per_resident": ("EUR uz iedzīvotāju", "EUR per resident"),
    "per_place": ("EUR uz vietu", "EUR per place"),
    "projects": ("Projekti", "Projects"),
    "running_cost": ("Uzturēšanas izmaksas gadā, EUR", "Running cost per year, EUR"),
    "day_rate": ("Izmaksas dienā vienai vietai, EUR", "Cost per place per day, EUR"),
    # The meeting story (pages/meeting.py, data/meeting.yaml).
    "page_meeting": ("Sanāksmes skats", "Meeting view"),
    "meeting_intro": ("Latgales DI stāsts soli pa solim no avotu skaitļiem. Soļus un to secību nosaka fails "
                      "data/meeting.yaml.",
                      "Latgale's DI story step by step, from the sources' figures. The steps and their order are "
                      "set in the file data/meeting.yaml."),
    "meeting_step": ("{n}. solis no {total}", "Step {n} of {total}"),
    "meeting_next": ("Nākamais", "Next"),
    "meeting_prev": ("Iepriekšējais", "Previous"),
    "meeting_open_full": ("Atvērt pilnu skatu", "Open the full view"),
    "meeting_keys": ("Taustiņi: → nākamais, ← iepriekšējais.", "Keys: → next, ← previous."),
    "meeting_steps": ("Visi soļi", "All steps"),
    "meeting_largest": ("{indicator}: Latgalē {region}; lielākais skaitlis — {unit}: {top}. Ar skaitli: {n} no "
                        "{total} pašvaldībām.",
                        "{indicator}: {region} in Latgale; the largest is {unit}: {top}. With a figure: {n} of "
                        "{total} municipalities."),
    "meeting_largest_no_region": ("{indicator}: lielākais skaitlis — {unit}: {top}. Ar skaitli: {n} no {total} "
                                  "pašvaldībām.",
                                  "{indicator}: the largest is {unit}: {top}. With a figure: {n} of {total} "
                                  "municipalities."),
    "meeting_largest_none": ("Šim skatam avotos skaitļu nav.", "The sources give no figures for this view."),
    "meeting_threshold": ("Noslodze virs {threshold} %: {above}.", "Occupancy above {threshold} %: {above}."),
    "meeting_threshold_region": ("Reģiona līmenī avots saka: {region}; pašvaldību skaitļi: {below}.",
                                 "The source says {region} for the region as a whole; municipalities' figures: "
                                 "{below}."),
    "meeting_threshold_none": ("Šim gadam noslodzes skaitļu nav.", "There are no occupancy figures for this year."),
    "meeting_statement": ("Avoti ({date}): {said}", "The sources ({date}): {said}"),
    "meeting_statement_none": ("Avotos šim gadam vārdu par to nav.", "The sources say nothing about this for the "
                               "year."),
    "meeting_funding": ("DI infrastruktūrai Latgalē: {eur} EUR ({year}). {places} grupu dzīvokļu vietu uzturēšana "
                        "gadā izmaksā {cost} EUR ({rate} EUR dienā vienai vietai).",
                        "DI infrastructure in Latgale: {eur} EUR ({year}). Running {places} group-apartment places "
                        "costs {cost} EUR a year ({rate} EUR a day per place)."),
    "meeting_funding_only": ("DI infrastruktūrai Latgalē: {eur} EUR ({year}).",
                             "DI infrastructure in Latgale: {eur} EUR ({year})."),
    "meeting_funding_none": ("Šim gadam finansējuma skaitļu nav.", "There are no funding figures for this year."),
    "meeting_progress_clause": ("{group}: {latest} no {target} plānā ({share}, {year})",
                                "{group}: {latest} of {target} in the plan ({share}, {year})"),
    "meeting_transition_clause": ("{series}: {start} ({start_year}) → {end} ({end_year})",
                                  "{series}: {start} ({start_year}) → {end} ({end_year})"),
    "meeting_transition_one": ("{series}: {end} ({end_year}), agrāku skaitļu nav",
                               "{series}: {end} ({end_year}), no earlier figure"),
    "meeting_transition_none": ("Šai mērķgrupai pārejas skaitļu nav.",
                                "There are no figures of the move for this target group."),
    "meeting_progress_none": ("DI plāna mērķiem vēl nav salīdzināma skaitļa.",
                              "The DI plan's targets have no comparable figure yet."),
    "day_rate_placeholder": ("piemēram, 12,50", "e.g. 12.50"),
    "day_rate_not_a_number": ("„{text}” nav skaitlis: ierakstiet likmi eiro dienā, piemēram, 12,50.",
                              "“{text}” is not a number: enter the rate in euros a day, e.g. 12.50."),
    "day_rate_out_of_range": ("Likmei jābūt no 0 līdz {high} EUR dienā.", "The rate must be 0 to {high} EUR a day."),
    "day_rate_from_data": ("Likme no datiem: {value} EUR dienā — {note}. Avots: {source}",
                           "Rate from the data: {value} EUR a day — {note}. Source: {source}"),
    "day_rate_user": ("Likmi ievadījis lietotājs; tā nav no avotiem.", "Rate entered by the user; not from a source."),
    "day_rate_none": ("Šim pakalpojumam datos dienas likmes nav: ievadiet to, lai aprēķinātu izmaksas.",
                      "The data have no day rate for this service: enter one to compute the cost."),
    "running_total": ("Kopā gadā (izvēlētais pakalpojums)", "Total per year (chosen service)"),
    "region_funding": ("Reģiona projekti", "Region-wide projects"),
    "page_data": ("Datu pārvaldība", "Data management"),
    "data_intro": ("Jaunu gada skaitļu ielāde (CSV vai XLSX), versiju vēsture un atgriešana. Skatīties var "
                   "ikviens; ielādēt un atgriezt — tikai pierakstījies uzturētājs.",
                   "Load a new year's figures (CSV or XLSX), see every version and roll back. Anyone may look; "
                   "only a signed-in maintainer may import or roll back."),
    "sign_in": ("Pierakstīties", "Sign in"),
    "sign_out": ("Izrakstīties", "Sign out"),
    "user_name": ("Lietotājvārds", "User name"),
    "password": ("Parole", "Password"),
    "signed_in_as": ("Pierakstījies: {name}", "Signed in as {name}"),
    "wrong_password": ("Nepareizs lietotājvārds vai parole.", "Wrong user name or password."),
    "no_sign_in_configured": ("Pierakstīšanās nav iestatīta: uzturētāju pievieno .streamlit/secrets.toml (sk. "
                              "secrets.toml.example).",
                              "Sign-in is not set up: add maintainers in .streamlit/secrets.toml (see "
                              "secrets.toml.example)."),
    "upload": ("Datu fails (CSV vai XLSX)", "Data file (CSV or XLSX)"),
    # Streamlit writes the drop zone's own words in English only; this says the same in the UI language.
    "upload_help": ("Ievelciet failu laukā vai spiediet “Browse files”, lai to izvēlētos. CSV vai XLSX, "
                    "līdz {limit} MB.",
                    "Drag the file onto the field or press “Browse files” to choose it. CSV or XLSX, up to "
                    "{limit} MB."),
    "action_initial": ("sākotnējā", "initial"),
    "action_import": ("ielāde", "import"),
    "action_rollback": ("atgriešana", "rollback"),
    "sheet": ("XLSX lapa (tukšs: pirmā)", "XLSX sheet (empty: the first)"),
    "file_rejected": ("Fails noraidīts, nekas netika ierakstīts. Izlabojiet un ielādējiet vēlreiz:",
                      "The file was rejected, nothing was written. Fix it and load it again:"),
    "file_ok": ("Fails atbilst līgumam: {rows} {rows|rinda|rindas}. Izmaiņas pret pašreizējo versiju: {summary}",
                "The file meets the contract: {rows} {rows|row|rows}. Changes against the current version: {summary}"),
    "nothing_to_import": ("Katrs faila skaitlis jau ir pašreizējā versijā {version} (skaitļi salīdzināti kā "
                          "skaitļi, piemēram, 11,0 = 11): nav ko ielādēt, jauna versija netiek veidota.",
                          "Every figure in the file is already in the current version {version} (numbers compared "
                          "as numbers, e.g. 11.0 = 11): nothing to import, no new version is made."),
    "do_import": ("Ielādēt kā jaunu versiju", "Import as a new version"),
    "imported": ("Ielādēts kā versija {id}.", "Imported as version {id}."),
    "db_down_last_good": ("Datubāze pašlaik nav sasniedzama: rādām pēdējos labos datus (versija {version}, "
                          "{date}) tikai lasīšanai. Izmaiņas parādīsies, kad datubāze atkal darbosies.",
                          "The database cannot be reached right now: showing the last good data (version "
                          "{version}, {date}), read-only. Changes will show once the database is back."),
    "db_down_default": ("Datubāze pašlaik nav sasniedzama, un šī instance vēl nav nolasījusi nevienu versiju: "
                        "rādām lietotnē iekļauto noklusējuma datu kopu tikai lasīšanai.",
                        "The database cannot be reached right now and this instance has not read any version "
                        "yet: showing the default dataset shipped with the app, read-only."),
    "db_down_no_changes": ("Kamēr datubāze nav sasniedzama, datu ielāde un atgriešana nav iespējama. Mēģiniet "
                           "vēlreiz vēlāk; nekas netika mainīts.",
                           "Imports and rollbacks are not possible while the database cannot be reached. Try "
                           "again later; nothing has been changed."),
    "versions": ("Versijas", "Versions"),
    "version": ("Versija", "Version"),
    "created": ("Laiks (UTC)", "Time (UTC)"),
    "author": ("Autors", "Author"),
    "action": ("Darbība", "Action"),
    "file": ("Fails", "File"),
    "changes": ("Izmaiņas", "Changes"),
    "rollback_to": ("Atgriezt versiju", "Roll back to version"),
    "do_rollback": ("Atgriezt (jauna versija)", "Roll back (as a new version)"),
    "rolled_back": ("Atgriezts: jaunā versija {id} ir versijas {to} saturs.",
                    "Rolled back: new version {id} has the content of version {to}."),
    "download_file": ("Lejupielādēt versijas failu", "Download the version's file"),
    "template": ("Veidne", "Template"),
    "year_col": ("Gads", "Year"),
    "location_precision": ("Atrašanās vietas precizitāte", "Location precision"),
    # Exports, sharing and presentation
    "page_accessibility": ("Piekļūstamība", "Accessibility"),
    "to_map": ("Atvērt karti ar tabulu", "Open the map with its table"),
    "contact_not_set": ("Saziņas adresi norāda iestāde, kas šo paneli publicē (iestatījums LATGALE_DI_CONTACT); "
                        "tā vēl nav iestatīta.",
                        "The body that publishes this dashboard sets the contact address (setting "
                        "LATGALE_DI_CONTACT); it has not been set yet."),
    "col_atvk": ("ATVK kods", "ATVK code"),
    "col_shown": ("Kā kartē", "As on the map"),
    "col_qualifier": ("Kas tas ir (precīzs, vismaz, robeža…)", "What it is (exact, at least, bound…)"),
    "col_as_of": ("Skaitļa gads", "Year of the figure"),
    "col_value_min": ("Vērtība no", "Value from"),
    "col_value_max": ("Vērtība līdz", "Value up to"),
    "col_region_min": ("Reģionā mazākā", "Region lowest"),
    "col_region_max": ("Reģionā lielākā", "Region highest"),
    "col_places_year": ("Vietu skaita gads", "Year of places figure"),
    "col_waiting_list": ("Rindā", "Waiting list"),
    "sheet_data": ("Dati", "Data"),
    "sheet_about": ("Par datiem", "About"),
    "about_what": ("Kas", "What"),
    "about_page": ("Lapa", "Page"),
    "about_link": ("Saite uz šo skatu", "Link to this view"),
    "about_privacy": ("Privātums", "Privacy"),
    "about_privacy_text": ("Skaitļi, kas mazāki par {n}, ir slēpti (tukša šūna, statuss to norāda).",
                           "Counts below {n} are hidden (empty cell, the status says so)."),
    "about_privacy_none": ("Uzturētāja skats: visi skaitļi, arī mazie (neizplatīt publiski).",
                           "Maintainer view: every figure, small counts too (do not publish)."),
    "about_boundaries": ("Robežas un licences", "Boundaries and licences"),
    "about_synthetic": ("SINTĒTISKI DEMONSTRĀCIJAS DATI — nav īsti skaitļi",
                        "SYNTHETIC DEMO DATA — not real figures"),
    "download": ("Lejupielādēt", "Download"),
    "download_help": ("Dati aiz šī skata (ar pašreizējiem filtriem) un attēli",
                      "The data behind this view (with the current filters) and images"),
    "download_csv": ("CSV (UTF-8, komats)", "CSV (UTF-8, comma)"),
    "download_csv_lv": ("CSV Excel latviski (semikols, decimālkomats)",
                        "CSV for Latvian Excel (semicolon, decimal comma)"),
    "download_xlsx": ("XLSX (dati + avoti)", "XLSX (data + sources)"),
    "download_png": ("{name} — PNG attēls", "{name} — PNG image"),
    "download_pdf": ("Pārskats par pašvaldību (PDF, 1 lpp.)", "Municipality briefing (PDF, 1 page)"),
    "images_unavailable": ("Attēlu un PDF lejupielāde nav pieejama: serverī nav chromium.",
                           "Image and PDF downloads are unavailable: chromium is not installed on the server."),
    "map_image": ("Karte", "Map"),
    "share": ("Kopīgot skatu", "Share this view"),
    "share_help": ("Saite atver tieši šo skatu: lapu, valodu, filtrus un izvēlēto pašvaldību. Nokopējiet to ar "
                   "pogu saites labajā pusē.",
                   "The link opens exactly this view: page, language, filters and chosen municipality. Copy it "
                   "with the button on its right."),
    "presentation": ("Prezentācijas režīms", "Presentation mode"),
    "presentation_help": ("Liels teksts un karte visā ekrānā projektoram; saitē ?p=1",
                          "Large type and a full-screen map for a projector; in a link ?p=1"),
    "exit_presentation": ("Iziet no prezentācijas režīma", "Leave presentation mode"),
    "table_of_chart": ("Tabula (tie paši dati, kas attēlā)", "Table (the same data as the chart)"),
    # Problems with an uploaded file (latgale_di.ingest.contract.Problem); the English text is also the
    # one logs and the command line show, so tests pin it.
    "problem_line": ("{severity}: {where}: {found}; gaidīts: {expected}",
                     "{severity}: {where}: {found}; expected {expected}"),
    "problem_error": ("kļūda", "error"),
    "problem_warning": ("brīdinājums", "warning"),
    "problem_row": ("{row}. rinda", "row {row}"),
    "problem_column": ("kolonna '{column}'", "column '{column}'"),
    "problem_found": ("atrasts {found}", "found {found}"),
    "problem_found_nothing": ("nekas nav atrasts", "found nothing"),
    "exp_column": ("kolonna ar nosaukumu '{column}' (obligātās kolonnas: {required})",
                   "a column named '{column}' (required columns: {required})"),
    "exp_one_of": ("viens no kodiem {codes}", "one of {codes}"),
    "exp_stored_indicator": ("viens no kodiem {codes} (aprēķinātos rādītājus neglabā)",
                             "one of {codes} (computed indicators are not stored)"),
    "exp_codes": ("viens vai vairāki kodi, atdalīti ar ';', katrs – viens no {codes}",
                  "one or more codes separated by ';', each one of {codes}"),
    "exp_non_empty": ("vērtība (šūna nedrīkst būt tukša)", "a non-empty value"),
    "exp_number_required": ("skaitlis (ja vērtība nav zināma, izlaidiet visu rindu)",
                            "a number (leave the row out if the value is unknown)"),
    "exp_number": ("skaitlis, piemēram, 12 vai 12,5", "a number such as 12 or 12,5"),
    "exp_non_negative": ("skaitlis, kas ir nulle vai lielāks", "a number that is zero or more"),
    "exp_whole": ("vesels skaitlis", "a whole number"),
    "exp_year_digits": ("gads ar četriem cipariem, {low}–{high}", "a year as four digits, {low}–{high}"),
    "exp_year_range": ("gads no {low} līdz {high}", "a year from {low} to {high}"),
    "exp_month": ("mēnesis kā skaitlis no 1 līdz 12 vai tukša šūna gada skaitlim",
                  "a month as a number from 1 to 12, or nothing for a yearly figure"),
    "exp_vintage": ("2009 (21 pašvaldība pirms 2021. gada reformas) vai 2021 (9 pašvaldības no 2021-07-01)",
                    "2009 (the 21 units before the 2021 reform) or 2021 (the 9 units from 2021-07-01)"),
    "exp_atvk_blank": ("ATVK kods vai pašvaldības nosaukums", "an ATVK code or municipality name"),
    "exp_atvk": ("{where} ATVK kods vai nosaukums{extra}{close}",
                 "an ATVK code or name of a municipality {where}{extra}{close}"),
    "exp_atvk_vintage": ("{vintage}. gada robežu pašvaldības", "of the {vintage} boundaries"),
    "exp_atvk_latgale": ("Latgales pašvaldības", "of Latgale"),
    "exp_atvk_region": (" vai {region} visam plānošanas reģionam", " or {region} for the whole planning region"),
    "exp_atvk_closest": (" (līdzīgākie: {names})", " (closest: {names})"),
    "exp_unit": ("'{unit}' rādītājam '{indicator}'", "'{unit}' for indicator '{indicator}'"),
    "exp_share": ("īpatsvars no 0 līdz 100 %", "a share from 0 to 100 %"),
    "exp_month_like": ("mēnesis kā {row}. rindā, kurai ir tas pats gads, pašvaldība, robežas, mērķgrupa, "
                       "pakalpojums un rādītājs (skaitlis ir vai nu gada, vai mēneša)",
                       "a month like row {row}, which has the same year, municipality, vintage, target group, "
                       "service and indicator (a figure is yearly or monthly)"),
    "exp_no_month_like": ("tukšs mēnesis kā {row}. rindā, kurai ir tas pats gads, pašvaldība, robežas, "
                          "mērķgrupa, pakalpojums un rādītājs (skaitlis ir vai nu gada, vai mēneša)",
                          "no month like row {row}, which has the same year, municipality, vintage, target "
                          "group, service and indicator (a figure is yearly or monthly)"),
    "exp_same_value": ("tā pati vērtība kā {row}. rindā ({value}), kurai ir tas pats gads, pašvaldība, "
                       "robežas, mērķgrupa, pakalpojums un rādītājs",
                       "the same value as row {row} ({value}), which has the same year, municipality, "
                       "vintage, target group, service and indicator"),
    "exp_no_second_row": ("nevis otra rinda ar {row}. rindas atslēgu", "no second row for the key of row {row}"),
    "found_repeat": ("{row}. rindas atkārtojums", "a repeat of row {row}"),
    "found_column_missing": ("kolonnas nav ({n} {n|rinda aizpildīta|rindas aizpildītas})",
                             "no such column ({n} {n|row|rows} filled in)"),
    "derived_vintage": ("robežas noteiktas pēc ATVK koda, nosaukuma, kas ir tikai vienās robežās, vai gada "
                        "(līdz 2020. g. — 21 vecā pašvaldība, no 2022. g. — 9 jaunās)",
                        "boundaries told by the ATVK code, a name that exists in one set only, or the year (to "
                        "2020 the 21 old units, from 2022 the 9 new ones)"),
    "derived_unit": ("mērvienība pēc rādītāja", "the unit from the indicator"),
    "derived_status": ("statuss “ziņots” (reported) visām rindām", "status “reported” for every row"),
    "found_vintage_unclear": ("2021. gada skaitlis pašvaldībai, kuras nosaukums ir abās robežās",
                              "a 2021 figure for a municipality whose name exists in both sets of boundaries"),
    "exp_vintage_column": ("kolonna 'vintage' (2009 vai 2021) vai ATVK kods", "a 'vintage' column (2009 or 2021) "
                           "or an ATVK code"),
    "found_errors_more": ("vēl {n} {n|kļūda|kļūdas} šajā kolonnā", "{n} more {n|error|errors} in this column"),
    "exp_fix_listed": ("izlabojiet vispirms uzskaitītās {n} kļūdas: tās parasti ir tās pašas",
                       "fix the {n} errors listed first: the rest are usually the same"),
    "found_repeats_more": ("vēl {n} {n|atkārtota rinda|atkārtotas rindas}", "{n} more repeated {n|row|rows}"),
    "file_pdf": ("PDF dokuments", "a PDF document"),
    "file_zip": ("ZIP arhīvs (nav XLSX darbgrāmata)", "a ZIP archive (not an XLSX workbook)"),
    "file_ods": ("OpenDocument izklājlapa (ODS)", "an OpenDocument spreadsheet (ODS)"),
    "file_xls": ("vecā formāta Excel darbgrāmata (XLS)", "an old-format Excel workbook (XLS)"),
    "exp_csv_or_xlsx": ("CSV teksta fails vai XLSX darbgrāmata (ODS vai XLS saglabājiet kā XLSX)",
                        "a CSV text file or an XLSX workbook (save an ODS or XLS file as XLSX)"),
    "found_rows_over": ("{rows} rindas", "{rows} rows"),
    "exp_rows_at_most": ("ne vairāk kā {limit} rindas vienā failā (sadaliet failu)",
                         "at most {limit} rows in one file (split the file)"),
    "found_cells_over": ("{cells} šūnas", "{cells} cells"),
    "exp_cells_at_most": ("ne vairāk kā {limit} šūnas vienā failā", "at most {limit} cells in one file"),
    "exp_key_once": ("katra atslēga vienreiz", "each key once"),
    "found_occupied": ("{occupied} aizņemtas", "{occupied} occupied"),
    "exp_at_most_places_of_row": ("ne vairāk kā {places} vietas no {row}. rindas (pārbaudiet: noslodze virs "
                                  "100 %)",
                                  "at most the {places} places of row {row} (check: over 100 % occupancy)"),
    "exp_at_most_places": ("ne vairāk kā {places} vietas (pārbaudiet: noslodze virs 100 %)",
                           "at most the {places} places (check: over 100 % occupancy)"),
    "exp_unique_id": ("unikāls id ({row}. rindā tas jau ir)", "a unique id (row {row} has it already)"),
    "exp_degree": ("decimālgrādi teritorijā {territory}, {low}–{high}", "a decimal degree within {territory}, "
                   "{low}–{high}"),
    "exp_date": ("datums formā GGGG-MM-DD", "a date as YYYY-MM-DD"),
    "found_no_columns": ("nav kolonnu", "no columns"),
    "exp_header": ("novērojumu, vietu vai iedzīvotāju tabulas galvene (sk. docs/data-contract.md)",
                   "the header of an observations, facilities or population table (see docs/data-contract.md)"),
    "found_no_rows": ("galvene bez datu rindām", "a header and no data rows"),
    "exp_a_row": ("vismaz viena datu rinda", "at least one data row"),
    "found_no_file": ("nav tāda faila", "no such file"),
    "exp_readable_csv": ("lasāms CSV fails", "a readable CSV file"),
    "found_unreadable_csv": ("fails, kas nav lasāms CSV ({error})", "a file that is not readable CSV ({error})"),
    "exp_utf8_csv": ("UTF-8 CSV fails ar galvenes rindu", "a UTF-8 CSV file with a header row"),
    "found_binary": ("binārs fails", "a binary file"),
    "exp_text_file": ("CSV teksta fails vai XLSX darbgrāmata", "a CSV text file or an XLSX workbook"),
    "found_encoding": ("teksts, kas nav ne UTF-8, ne Windows-1257", "text that is neither UTF-8 nor Windows-1257"),
    "exp_encoding": ("CSV, saglabāts kā UTF-8 vai Windows-1257 (Baltic)",
                     "a CSV saved as UTF-8 or as Windows-1257 (Baltic)"),
    "found_empty_file": ("tukšs fails", "an empty file"),
    "found_empty_sheet": ("tukša lapa", "an empty sheet"),
    "exp_header_and_row": ("galvenes rinda un vismaz viena datu rinda", "a header row and at least one data row"),
    "found_not_csv": ("teksts, kas nav CSV ({error})", "text that is not CSV ({error})"),
    "exp_csv_records": ("CSV fails ar vienu ierakstu katrā rindā", "a CSV file with one record per line"),
    "found_cells": ("{n} {n|šūna|šūnas}", "{n} {n|cell|cells}"),
    "exp_cells": ("{n} {n|šūna|šūnas} kā galvenē (vai fails nav nogriezts vai nav pazudis atdalītājs?)",
                  "{n} {n|cell|cells} as in the header (is the file cut short or a separator missing?)"),
    "found_damaged_workbook": ("bojāta darbgrāmata ({error})", "a damaged workbook ({error})"),
    "exp_workbook": ("XLSX fails, saglabāts ar Excel vai LibreOffice", "an XLSX file saved by Excel or LibreOffice"),
    "found_no_sheet": ("nav lapas ar nosaukumu {sheet} (lapas: {sheets})", "no sheet named {sheet} (sheets: {sheets})"),
    "exp_sheet": ("kādas darbgrāmatas lapas nosaukums", "the name of one of the workbook's sheets"),
    "found_size": ("{mb} MB liels fails", "a file of {mb} MB"),
    "exp_size": ("ne vairāk kā {limit} MB", "at most {limit} MB"),
}


def add(strings: dict[str, tuple[str, str]]) -> None:
    """Register a page's own strings (Latvian, English); a key may be defined only once."""
    clash = set(strings) & set(_STRINGS)
    if clash:
        raise KeyError(f"interface strings defined twice: {sorted(clash)}")
    _STRINGS.update(strings)


def singular(n: int, lang: str = DEFAULT_LANGUAGE) -> bool:
    """Whether a count takes the singular noun: in Latvian every number ending in 1 except those
    ending in 11 (1, 21, 101 rinda; 11, 2, 0 rindas), in English only 1."""
    n = abs(int(n))
    return (n % 10 == 1 and n % 100 != 11) if lang == "lv" else n == 1


# {name|one|many}: the noun form for the count in the placeholder ``name``.
_PLURAL = re.compile(r"\{(\w+)\|([^|{}]*)\|([^|{}]*)\}")


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The interface string ``key`` in ``lang``, with ``{placeholders}`` filled and each
    ``{count|singular|plural}`` replaced by the noun form that count takes."""
    lv, en = _STRINGS[key]
    text = lv if lang == "lv" else en
    if not values:
        return text
    text = _PLURAL.sub(lambda m: m[2] if singular(cast(int, values[m[1]]), lang) else m[3], text)
    return text.format(**values)


@dataclass(frozen=True)
class Message:
    """An interface string not yet put into a language: a key and its values.

    A value may itself be a Message (a clause of the sentence), rendered in the same language.
    """

    key: str
    values: tuple[tuple[str, object], ...] = ()

    def text(self, lang: str = DEFAULT_LANGUAGE) -> str:
        filled = {k: v.text(lang) if isinstance(v, Message) else v for k, v in self.values}
        return t(self.key, lang, **filled)

    @property
    def params(self) -> dict[str, object]:
        return dict(self.values)


def message(key: str, **values: object) -> Message:
    """``message("exp_year_range", low=2009, high=2030)``: rendered later with ``.text(lang)``."""
    if key not in _STRINGS:
        raise KeyError(f"no interface string {key!r}")
    return Message(key, tuple(values.items()))


def keys() -> list[str]:
    return list(_STRINGS)
