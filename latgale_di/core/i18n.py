"""Translations: the interface's own words in Latvian and English.

The words live in standard gettext catalogs, one per language:
``latgale_di/locale/<lang>/LC_MESSAGES/messages.po``. Each entry's ``msgid`` is the key the code
uses (``t("page_map", lang)``) and its ``msgstr`` the text; ``{name}`` placeholders are filled by
the code, and ``{n|one|many}`` picks the noun form for the count ``n``. To add or change text,
edit both files (any PO editor, or a text editor); ``tests/unit/test_i18n.py`` checks that both
have every key the code uses, the same placeholders, and different words where there are words.

Babel reads the catalogs and compiles them in memory into ``gettext`` translations on first use,
so no build step stands between a checkout and ``streamlit run app.py``. Latvian is the default.
Number and date formats live in ``formatting``; labels of vocabulary codes live in ``vocab``.
"""

from __future__ import annotations

import functools
import gettext
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LANGUAGES: tuple[str, ...] = ("lv", "en")
DEFAULT_LANGUAGE = "lv"
NBSP = "\u00a0"
LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"
DOMAIN = "messages"


def catalog_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def _translations(lang: str) -> tuple[gettext.GNUTranslations, tuple[str, ...]]:
    """The catalog of ``lang`` compiled by Babel into a ``gettext`` translation, and its keys in order."""
    with catalog_path(lang).open("rb") as f:
        catalog = read_po(f, locale=lang, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled), tuple(str(m.id) for m in catalog if m.id and m.string)


def singular(n: int, lang: str = DEFAULT_LANGUAGE) -> bool:
    """Whether a count takes the singular noun: in Latvian every number ending in 1 except those
    ending in 11 (1, 21, 101 rinda; 11, 2, 0 rindas), in English only 1."""
    n = abs(int(n))
    return (n % 10 == 1 and n % 100 != 11) if lang == "lv" else n == 1


# {name|one|many}: the noun form for the count in the placeholder ``name``.
_PLURAL = re.compile(r"\{(\w+)\|([^|{}]*)\|([^|{}]*)\}")


def t_raw(key: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The catalog's text of ``key`` in ``lang``, placeholders unfilled (for checks and tools)."""
    if key not in _keys():
        raise KeyError(f"no interface string {key!r}")
    return _translations(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)[0].gettext(key)


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The interface string ``key`` in ``lang``, with ``{placeholders}`` filled and each
    ``{count|singular|plural}`` replaced by the noun form that count takes."""
    text = t_raw(key, lang)
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
    if key not in _keys():
        raise KeyError(f"no interface string {key!r}")
    return Message(key, tuple(values.items()))


@functools.cache
def _keys() -> frozenset[str]:
    return frozenset(_translations(DEFAULT_LANGUAGE)[1])


def keys() -> list[str]:
    """Every key of the interface text, in the catalog's order."""
    return list(_translations(DEFAULT_LANGUAGE)[1])
