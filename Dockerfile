# syntax=docker/dockerfile:1
# The dashboard as one container: the same command CI runs (scripts/serve.sh), as a non-root user.
# Build: docker build -t latgale-di .   Run: see compose.yaml and docs/hosting.md.
FROM python:3.11-slim-bookworm

# Debian's chromium draws the PNG and PDF downloads (never a downloaded browser); DejaVu has every
# Latvian letter. Not pinned to exact versions: security updates of the base image must apply.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends chromium fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HOST=0.0.0.0 \
    PORT=8501 \
    PYTHON=python \
    LATGALE_DI_DB=/var/lib/latgale-di/latgale_di.sqlite3 \
    LATGALE_DI_SNAPSHOT_DIR=/var/lib/latgale-di/snapshots

WORKDIR /app
# Requirements first, so that a code change does not reinstall every package.
COPY requirements.txt ./
RUN python -m pip install -r requirements.txt

COPY . .
# The only writable place: the SQLite file (when DATABASE_URL is unset) and the outage snapshot.
RUN useradd --system --uid 10001 --home-dir /var/lib/latgale-di --create-home latgale \
    && chown -R latgale /var/lib/latgale-di
USER 10001
VOLUME ["/var/lib/latgale-di"]

EXPOSE 8501
# Liveness only: the web server answers. /healthz (database reachable) is for the proxy and
# monitoring, so that a database outage does not make Docker restart instances that are
# serving the last good data read-only.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('PORT', '8501') + '/_stcore/health', timeout=4)"]

CMD ["bash", "scripts/serve.sh"]
