"""One language per page: every page, walked in a real browser in Latvian and in English, shows no
words of the other language, no number in the other language's format and no untranslated key.

What the page shows is read as a reader gets it: the visible text with every expander opened, and
the texts a pointer or a screen reader gets (title, aria-label, placeholder). Names of sources
(their titles are proper names in their own language), web addresses and codes are left out; so
are the names of sites and municipalities, which are Latvian proper names on English pages too.
"""

from __future__ import annotations

import re

import pytest

from latgale_di.core import i18n, vocab
from latgale_di.store import dataset
from tests.browser.test_pages_browser import wait_idle

PAGES = ["", "sanaksme?step=2", "karte", "pasvaldiba?atvk=0050000", "noslodze", "pieprasijums", "grozs",
         "tendences", "virziba", "investicijas",
         "scenarijs?sc=0002000.adults_grt.group_apartments:4&v=2021&year=2023&tg=adults_grt", "avoti", "dati",
         "pieejamiba"]
VIEWS = ["year=2019&v=2009&tg=adults_grt", "year=2023&v=2021&tg=adults_grt&svc=group_apartments"]

# English words that never belong on a Latvian page, and Latvian words that never belong on an English one.
ENGLISH = re.compile(r"\b(the|and|with|from|since|persons|places|cumulative|Choose|options|View \d+ more|no data|"
                     r"Page not found|estimated|incomplete|reported|municipality|Boundaries|co-payment|"
                     r"group apartments|day-care|not found)\b")
LATVIAN = re.compile(r"\b(nav datu|Izvēlieties|Avoti|Ziņots|Novērtēts|Nepilnīgs|Aprēķināts|gadā|kopš|"
                     r"nav zināms|Darbojas|Pašvaldība)\b")
# A source named in a caption ("Source: <title>", cut with "…"): its title is its own.
CITED = re.compile(r"(?:Source|Avots|Sources|Avoti): [^·\n]*")
# Dates (01.01.2020.), versions (2026.12-…), project codes (9.3.1.1/18/I/003), WCAG 2.1 and the like.
NOT_NUMBERS = re.compile(r"\b\d{2}\.\d{2}\.\d{4}\.?|\b\d{4}\.\d{2}-\S+|\b\d(?:\.\d)+\.?/\S+|WCAG \d\.\d|"
                         r"CC BY \d\.\d|\b\d+(?:\.\d+){2,}\b|https?://\S+|\S+\.(?:lv|gov|eu|org|com|md|csv|yaml)\b")
DECIMAL_POINT = re.compile(r"(?<![\d.])\d{1,3}(?:[  ]\d{3})*\.\d{1,2}(?![\d.])")  # 12.5, 7 398 389.50
DECIMAL_COMMA = re.compile(r"(?<![\d,])\d+,\d{1,2}(?![\d,])")  # 12,5 (English writes 12.5; 12,345 is fine)
KEY = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
# Codes the Sources page lists in its "code" column, as files and links write them.
CODES = {*vocab.INDICATORS, *vocab.STATUSES, *vocab.SERVICES, *vocab.TARGET_GROUPS}


def source_titles() -> list[str]:
    titles = dataset.load().sources["title"].dropna().astype(str)
    return sorted({t for t in titles if t}, key=len, reverse=True)


def page_text(page) -> str:
    for summary in page.locator("[data-testid='stExpander'] summary").all():
        summary.click()
    page.wait_for_timeout(400)
    text = page.locator("[data-testid='stMain']").inner_text()
    attrs = page.evaluate("""() => [...document.querySelectorAll('[data-testid="stMain"] [title], '
        + '[data-testid="stMain"] [aria-label], [data-testid="stMain"] [placeholder], [data-testid="stSidebar"] '
        + '[placeholder]')].map(e => [e.getAttribute('title'), e.getAttribute('aria-label'),
                                       e.getAttribute('placeholder')].filter(Boolean).join(' | '))""")
    return text + "\n" + "\n".join(attrs)


def problems(text: str, lang: str, titles: list[str]) -> list[str]:
    for title in titles:  # a source's name is its own, in its own language
        text = text.replace(title, " ")
    text = CITED.sub(" ", NOT_NUMBERS.sub(" ", text))
    keys = set(i18n.keys()) - CODES  # a code in a table's "code" column is a code, not a missing text
    found = []
    for line in text.splitlines():
        line = "\t".join(cell for cell in line.split("\t") if cell.strip() not in CODES)
        words = (ENGLISH if lang == "lv" else LATVIAN).findall(line)
        number = (DECIMAL_POINT if lang == "lv" else DECIMAL_COMMA).search(line)
        key = [k for k in KEY.findall(line) if k in keys]
        if words or number or key:
            found.append(f"{line.strip()[:140]!r}: {words or ''} {number.group(0) if number else ''} {key or ''}")
    return found


@pytest.fixture(scope="module")
def titles() -> list[str]:
    return source_titles()


@pytest.mark.parametrize("lang", ["lv", "en"])
@pytest.mark.parametrize("view", VIEWS)
def test_every_page_speaks_one_language(page, app_url, titles, lang, view):
    seen = {}
    for path in PAGES:
        sep = "&" if "?" in path else "?"
        page.goto(f"{app_url}/{path}{sep}lang={lang}&p=0&{view}")
        page.locator("h1").first.wait_for(timeout=60_000)
        wait_idle(page)
        found = problems(page_text(page), lang, titles)
        if found:
            seen[path or "overview"] = found
    assert not seen, "\n".join(f"{p}:\n  " + "\n  ".join(f) for p, f in seen.items())
