"""Sources as records: canonical addresses, publishers, kinds, and how a citation reads.

A reader checks a figure by opening its source. So every address in the registry is the page a
reader should see — never a mirror that copies Wikipedia or a video site under an unrelated host
name — and every title is whole. ``canonical_url`` turns the mirror addresses the research pack
met into the original page; ``mirror_problem`` says why an address is not acceptable (a test runs
it over every source the app can show).
"""

from __future__ import annotations

import base64
import re
from urllib.parse import parse_qs, urlsplit

from latgale_di.core import i18n


def ids(source_field: object) -> list[str]:
    """The source ids a ``source`` cell cites ("a; b" cites two), in order, each once; none for a
    blank or missing cell."""
    if not isinstance(source_field, str):
        return []
    return list(dict.fromkeys(s.strip() for s in source_field.split(";") if s.strip()))


# (Latvian, English) label of each kind of publisher.
KINDS: dict[str, tuple[str, str]] = {
    "official_statistics": ("oficiālā statistika", "official statistics"),
    "ministry": ("ministrija vai tās iestāde", "ministry or its agency"),
    "planning_region": ("plānošanas reģions", "planning region"),
    "municipality": ("pašvaldība", "municipality"),
    "news": ("ziņu medijs", "news media"),
    "secondary": ("sekundārs avots", "secondary source"),
}

# Publisher and kind of each host the dataset cites. A host not listed here is not accepted:
# adding one is a conscious decision that it is the original publisher, not a copy.
HOSTS: dict[str, tuple[str, str]] = {
    "data.stat.gov.lv": ("Centrālā statistikas pārvalde (CSP)", "official_statistics"),
    "stat.gov.lv": ("Centrālā statistikas pārvalde (CSP)", "official_statistics"),
    "data.gov.lv": ("Pilsonības un migrācijas lietu pārvalde (PMLP), atvērto datu portāls", "official_statistics"),
    "vsaclatgale.gov.lv": ("VSAC “Latgale” (Labklājības ministrijas iestāde)", "ministry"),
    "lpr.gov.lv": ("Latgales plānošanas reģions", "planning_region"),
    "rezeknesnovads.lv": ("Rēzeknes novada pašvaldība", "municipality"),
    "augsdaugavasnovads.lv": ("Augšdaugavas novada pašvaldība", "municipality"),
    "daugavpilsnovads.lv": ("Daugavpils novada pašvaldība", "municipality"),
    "daugavpils.lv": ("Daugavpils valstspilsētas pašvaldība", "municipality"),
    "socd.lv": ("Daugavpils pilsētas Sociālais dienests", "municipality"),
    "rezekne.lv": ("Rēzeknes valstspilsētas pašvaldība", "municipality"),
    "preili.lv": ("Preiļu novada pašvaldība", "municipality"),
    "ilukste.lv": ("Ilūkstes novada pašvaldība", "municipality"),
    "karsava.lv": ("Kārsavas novada pašvaldība", "municipality"),
    "kraslava.lv": ("Krāslavas novada pašvaldība", "municipality"),
    "veca.kraslava.lv": ("Krāslavas novada pašvaldība", "municipality"),
    "ludza.lv": ("Ludzas novada pašvaldība", "municipality"),
    "ludzasnovads.lv": ("Ludzas novada pašvaldība", "municipality"),
    "vilani.lv": ("Viļānu novada pašvaldība", "municipality"),
    "vilanunovads.lv": ("Viļānu novada pašvaldība", "municipality"),
    "balvi.lv": ("Balvu novada pašvaldība", "municipality"),
    "dagda.lv": ("Dagdas novada pašvaldība", "municipality"),
    "ciblasnovads.lv": ("Ciblas novada pašvaldība", "municipality"),
    "replay.lsm.lv": ("LSM, Latvijas Radio", "news"),
    "a12.lv": ("A12.lv", "news"),
    "ludzaszeme.lv": ("Ludzas Zeme", "news"),
    "ezerzeme.lv": ("Ezerzeme", "news"),
    "latgaleslaiks.lv": ("Latgales Laiks", "news"),
    "nasha.la.lv": ("Nasha.lv", "news"),
    "gorod.lv": ("Gorod.lv", "news"),
    "zz.lv": ("Zemgales Ziņas", "news"),
    "preili.pilseta24.lv": ("Preiļu Novada Vēstis (pilseta24.lv)", "news"),
    "archive.panorama-rezekne.lv": ("Panorama Rezekne", "news"),
    "apeirons.lv": ("Biedrība “Apeirons”", "news"),
    "charity.lv": ("charity.lv", "news"),
    "blis.lps.lv": ("Latvijas Pašvaldību savienība, BLIS (republishes PMLP register data)", "secondary"),
    "kohesio.eu": ("Eiropas Komisija, Kohesio (republishes managing-authority data)", "secondary"),
    "youtube.com": ("YouTube kanāls “DI Latgalē”", "secondary"),
}
WIKIPEDIA = re.compile(r"^([a-z]{2,3})\.wikipedia\.org$")

# Mirrors the research pack cited, each with the page it copies (read from the mirror's own
# address or title). Anything else on an unknown host is refused by ``mirror_problem``.
MIRRORS: dict[str, str] = {
    "https://wikiclassic.com/wiki/Republican_cities_of_Latvia":
        "https://en.wikipedia.org/wiki/Republican_cities_of_Latvia",
    "https://dewiki.de/Lexikon/Bezirk_Balvi": "https://de.wikipedia.org/wiki/Bezirk_Balvi",
    "https://hessslslslsls.azureedge.net/wiki/Balvi_Municipality": "https://en.wikipedia.org/wiki/Balvi_Municipality",
    "https://wikiless.lunar.icu/wiki/Kr%C4%81slavas_novads": "https://de.wikipedia.org/wiki/Kr%C4%81slavas_novads",
    "https://dnhewrhegkli.shop/wiki/R%C4%93zeknes_novads": "https://de.wikipedia.org/wiki/R%C4%93zeknes_novads",
    "https://de.wikiup.org/wiki/Bezirk_Aglona": "https://de.wikipedia.org/wiki/Bezirk_Aglona",
    "https://id.qa.edu.vn/de/Bezirk_Baltinava": "https://de.wikipedia.org/wiki/Bezirk_Baltinava",
    "https://sagapedia.com/en/Cibla_Municipality": "https://en.wikipedia.org/wiki/Cibla_Municipality",
    "https://friendlywiki.com/article/index.php?title=%3AZilupe_Municipality":
        "https://en.wikipedia.org/wiki/Zilupe_Municipality",
    "https://perceptiofr.com/%D0%A0%D0%B5%D0%B7%D0%B5%D0%BA%D0%BD%D0%B5%D0%BD%D1%81%D0%BA%D0%B8%D0%B9_%D0%BA"
    "%D1%80%D0%B0%D0%B9":
        "https://ru.wikipedia.org/wiki/%D0%A0%D0%B5%D0%B7%D0%B5%D0%BA%D0%BD%D0%B5%D0%BD%D1%81%D0%BA%D0%B8%D0%B9_%D0"
        "%BA%D1%80%D0%B0%D0%B9",
    "https://newtuber.su/video/TnLvVx8HViU": "https://www.youtube.com/watch?v=TnLvVx8HViU",
    "https://img.gorod.lv/novosti/331177-daugavpilsskii-mnogofunktsionalnyi-tsentr-sotsialnyh-uslug-priedite-"
    "predostavlyaet-uslugu-atelpas-bridis":
        "https://www.gorod.lv/novosti/331177-daugavpilsskii-mnogofunktsionalnyi-tsentr-sotsialnyh-uslug-priedite-"
        "predostavlyaet-uslugu-atelpas-bridis",
}
# An offline copy of Wikipedia (kiwix) keeps the language and the title in its path.
_KIWIX = re.compile(r"/wikipedia_([a-z]{2,3})_all[^/]*/(?:A/)?([^/?#]+)$")


def host_of(url: str) -> str:
    """The host of ``url`` without ``www.``, a mobile ``m.`` or a trailing dot."""
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    host = host.removeprefix("www.")
    return re.sub(r"^([a-z]{2,3})\.m\.wikipedia\.org$", r"\1.wikipedia.org", host)


def canonical_url(url: str) -> str:
    """The original page of ``url``: mirrors replaced, mobile and trailing-dot hosts normalised, https."""
    url = url.strip()
    if not url.startswith("http"):
        return url
    if url in MIRRORS:
        return MIRRORS[url]
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    if "rdp_we_resource" in query:  # a proxy that carries the whole original address
        return canonical_url(query["rdp_we_resource"][0])
    encoded = query.get("q", [""])[0]
    if encoded.startswith("aHR0c"):  # a proxy that carries the original address in base64
        return canonical_url(base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)).decode())
    kiwix = _KIWIX.search(parts.path)
    if kiwix:
        return f"https://{kiwix.group(1)}.wikipedia.org/wiki/{kiwix.group(2)}"
    host = host_of(url)
    keep_www = (parts.hostname or "").lower().startswith("www.") and not WIKIPEDIA.match(host)
    netloc = ("www." if keep_www else "") + host
    rest = parts.path + (f"?{parts.query}" if parts.query else "")
    return f"https://{netloc}{rest}"


def publisher_and_kind(url: str) -> tuple[str, str]:
    """(publisher, kind) of the host of ``url``; ("", "") for a host not in ``HOSTS``."""
    host = host_of(url)
    wiki = WIKIPEDIA.match(host)
    if wiki:
        return f"Wikipedia ({wiki.group(1)})", "secondary"
    for known in (host, ".".join(host.split(".")[-2:])):
        if known in HOSTS:
            return HOSTS[known]
    return "", ""


def mirror_problem(url: str) -> str:
    """Why ``url`` is not a page a reader should be sent to ("" when it is fine).

    Refused: plain http, a known mirror, a proxy that carries another address, an offline copy of
    Wikipedia, a mobile or trailing-dot Wikipedia host, and any host not in ``HOSTS`` or Wikipedia.
    """
    if not url:
        return ""
    if not url.startswith("https://"):
        return "not an https address"
    if url in MIRRORS:
        return f"a mirror of {MIRRORS[url]}"
    if "rdp_we_resource=" in url or "q=aHR0c" in url or _KIWIX.search(urlsplit(url).path):
        return "a proxy or offline copy of another page"
    host = (urlsplit(url).hostname or "").lower()
    if host.endswith(".") or ".m.wikipedia.org" in host:
        return "a mobile or trailing-dot host; use the canonical one"
    if publisher_and_kind(url) == ("", ""):
        return f"host {host!r} is not a known original publisher (latgale_di.ingest.citations.HOSTS)"
    return ""


def whole_words(text: str, max_chars: int | None) -> str:
    """``text`` shortened to at most ``max_chars`` at a word boundary, with "…"; whole when it fits."""
    if max_chars is None or len(text) <= max_chars:
        return text
    cut = text[:max_chars - 1]
    if not text[max_chars - 1].isspace():
        cut = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return cut.rstrip(" ,;:–-") + "…"


def kind_label(kind: str, lang: str) -> str:
    """The kind in ``lang`` (the code itself for a kind outside ``KINDS``)."""
    labels = KINDS.get(kind)
    return (labels[0] if lang == "lv" else labels[1]) if labels else kind


def short(record: dict[str, str], lang: str) -> str:
    """A short citation: publisher and year, and a warning when the source is secondary.

    "Latgales plānošanas reģions, 2022"; a record without a publisher gives its title.
    """
    who = str(record.get("publisher") or record.get("title") or record.get("id") or "")
    year = str(record.get("date") or "")[:4]
    text = f"{who}, {year}" if year.isdigit() else who
    if record.get("kind") == "secondary":
        text += f" ({i18n.t('secondary_source', lang)})"
    return text
