#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL server: initdb in a temporary directory, listen on
# 127.0.0.1 and a free port, export DATABASE_URL, run the command, stop the server and delete the
# directory on exit. Uses the PostgreSQL binaries installed on the machine (PGBIN to override).
# The fsync/synchronous_commit settings are for tests only: never use them for real data.
set -euo pipefail

if [ -z "${PGBIN:-}" ]; then
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
fi
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  echo "with-postgres: no PostgreSQL server binaries found (install the 'postgresql' package or set PGBIN)." >&2
  exit 1
fi

PGPORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
PGDATA=$(mktemp -d -t peel-pg.XXXXXX)

# initdb refuses to run as root: run the server as the 'postgres' OS user in that case.
if [ "$(id -u)" = "0" ]; then
  chown postgres:postgres "$PGDATA"
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

cleanup() {
  as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PGDATA"
}
trap cleanup EXIT INT TERM

as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 30 \
  -o "-p $PGPORT -k $PGDATA -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null

# The application's database (the test runner creates its own test_ database beside it).
"$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres peel_tracker
export DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/peel_tracker"
echo "with-postgres: PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT"
"$@"
