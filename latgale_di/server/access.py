"""Who may change the data: password hashes for the self-hosted fallback sign-in.

Viewing is public. Importing and rolling back need a signed-in maintainer: through an OIDC provider
(``st.login``) when one is configured in the secrets, else through this fallback, whose users live
in the secrets as ``[maintainers] users = { name = "pbkdf2_sha256$…" }``. Only hashes are stored;
``python -m latgale_di hash-password`` makes one.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import tomllib
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from latgale_di.core.paths import ROOT

ALGORITHM = "pbkdf2_sha256"
ITERATIONS = 300_000


def hash_password(password: str, salt: str | None = None, iterations: int = ITERATIONS) -> str:
    """``pbkdf2_sha256$<iterations>$<salt>$<hex digest>`` for ``password``."""
    salt = salt or secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt.encode("ascii"), iterations).hex()
    return f"{ALGORITHM}${iterations}${salt}${digest}"


def verify(password: str, stored: str) -> bool:
    """Whether ``password`` matches a stored hash (constant-time comparison; malformed → False)."""
    try:
        algorithm, iterations, salt, _ = stored.split("$")
        if algorithm != ALGORITHM:
            return False
        return hmac.compare_digest(hash_password(password, salt, int(iterations)), stored)
    except (ValueError, AttributeError):
        return False


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return hash_password("not a password", "0" * 32)


def check_user(users: Mapping[str, str], name: str, password: str) -> bool:
    """Whether ``name`` is a configured maintainer and ``password`` is theirs."""
    stored = users.get(name.strip())
    if stored is None:
        verify(password, _dummy_hash())  # the same work for unknown names: timing tells nothing
        return False
    return verify(password, stored)


def secrets_path() -> Path:
    """The secrets file the app reads: ``$LATGALE_DI_SECRETS`` or ``.streamlit/secrets.toml``."""
    return Path(os.environ.get("LATGALE_DI_SECRETS") or ROOT / ".streamlit" / "secrets.toml")


def maintainers_in(path: Path) -> dict[str, str]:
    """``[maintainers] users`` of a secrets file (name → hash); empty if the file has none."""
    try:
        secrets_toml = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    return {str(k): str(v) for k, v in dict(secrets_toml.get("maintainers", {}).get("users", {})).items()}
