#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback for the tests (never the project's real database).
#   scripts/postgres.sh start DIR   install Debian's postgresql if missing, start a fresh cluster in
#                                   DIR on a free 127.0.0.1 port, print its postgresql:// URL
#   scripts/postgres.sh stop DIR    stop it (the cluster's files stay in DIR until you remove them)
set -euo pipefail
action="${1:?usage: scripts/postgres.sh start|stop DIR}"
dir="${2:?usage: scripts/postgres.sh start|stop DIR}"

if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
# PostgreSQL refuses to run as root: as root, the cluster belongs to the 'postgres' system user.
as_owner() { if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$action" in
  start)
    if [ -z "$(bindir)" ]; then
      $SUDO apt-get update -qq
      $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    bin="$(bindir)"
    mkdir -p "$dir"
    [ "$(id -u)" = "0" ] && chown postgres "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$bin/initdb" -D "$dir/data" -U latgale --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U latgale latgale_di
    echo "postgresql://latgale@127.0.0.1:$port/latgale_di"
    ;;
  stop)
    bin="$(bindir)"
    [ -n "$bin" ] && [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    ;;
  *)
    echo "usage: scripts/postgres.sh start|stop DIR" >&2
    exit 2
    ;;
esac
