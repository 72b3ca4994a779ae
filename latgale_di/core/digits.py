"""Numbers as people type them in any script: fullwidth "１２", Arabic-Indic "١٢" and other Unicode
decimal digits read as the ASCII digits they are, the same way when a file is validated and when
the stored figures are loaded (a file that validates must load with the same values)."""

from __future__ import annotations

import unicodedata


def normalise(text: str) -> str:
    """``text`` with compatibility forms folded (NFKC: fullwidth digits, commas, spaces) and every
    other Unicode decimal digit written as its ASCII digit."""
    folded = unicodedata.normalize("NFKC", text)
    if folded.isascii():
        return folded
    return "".join(str(unicodedata.decimal(ch)) if not ch.isascii() and unicodedata.decimal(ch, None) is not None
                   else ch for ch in folded)
