"""How names and labels people type are compared: case, diacritics and spacing do not count.

A Latvian header typed without its long vowels ("Pasvaldiba") or a municipality written in capitals
is the same word; ``fold`` and ``fold_words`` give the form both sides are compared in.
"""

from __future__ import annotations

import functools
import re
import unicodedata


@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower case, no diacritics (ā→a … ŗ→r), underscores as spaces, single spaces. (Cached: a
    file repeats the same few labels on every row.)"""
    plain = "".join(c for c in unicodedata.normalize("NFKD", str(text).lower()) if not unicodedata.combining(c))
    return " ".join(plain.replace("_", " ").split())


def fold_words(text: str) -> str:
    """``fold``, and every run of punctuation a space: "Rēzeknes nov." → "rezeknes nov"."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold(text)).split())
