#!/usr/bin/env bash
# Install the Debian packages the app and tests need when their command is missing.
# Usage: scripts/system_packages.sh COMMAND=PACKAGE ...   e.g. chromium=chromium pdftotext=poppler-utils
set -euo pipefail
missing=()
for pair in "$@"; do
  command -v "${pair%%=*}" >/dev/null 2>&1 || missing+=("${pair#*=}")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
echo "installing with apt: ${missing[*]}" >&2
$SUDO apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
