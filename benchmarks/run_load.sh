#!/usr/bin/env bash
# `make load`: gunicorn on 127.0.0.1 with a throwaway PostgreSQL holding the real data and the
# generated national dataset at LOAD_SCALE (default 1; LOAD_SCALE=0 for the real data only),
# then benchmarks/load_test.py against it. `make fuzz` (`run_load.sh fuzz`): the same server,
# then benchmarks/fuzz.py, signed in as an OPCC editor so the admin's lists are fuzzed too.
# Neither is part of `make test`.
set -euo pipefail
MODE=${1:-load}
cd "$(dirname "$0")/.."
BIN=.venv/bin
export DJANGO_DEBUG=false DJANGO_SECRET_KEY=load-test-only DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost
export DJANGO_SECURE_SSL_REDIRECT=false DJANGO_SECURE_COOKIES=false DJANGO_HSTS_SECONDS=0
export DJANGO_AXES_FAILURE_LIMIT=1000 DJANGO_CONN_MAX_AGE=60
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

$BIN/python manage.py migrate --noinput -v0
$BIN/python manage.py load_real_data
LOAD_SCALE=${LOAD_SCALE:-1}
if [ "$LOAD_SCALE" != 0 ]; then
  $BIN/python manage.py generate_national_dataset --scale "$LOAD_SCALE" --seed 1
  $BIN/python manage.py dbshell -- -c 'VACUUM ANALYZE' >/dev/null
fi
$BIN/python manage.py shell -c "
from django.contrib.auth.models import Group, User
user, _ = User.objects.get_or_create(username='load-analyst')
user.set_password('load-test-password'); user.save()
user.groups.set([Group.objects.get(name='analyst')])
from inspections.models import Force
editor, _ = User.objects.get_or_create(username='load-editor', defaults={'is_staff': True})
editor.set_password('load-test-password'); editor.save()
editor.groups.set([Group.objects.get(name='opcc_editor')])
Force.objects.get(slug='cumbria').editors.add(editor)"
$BIN/python manage.py collectstatic --noinput -v0

# As docs/operations.md (Deployment) advises, the workers share one cache directory: a new one, deleted
# afterwards (DJANGO_CACHE_DIR= for a cache in each worker's memory instead).
OWN_CACHE_DIR=""
if [ -z "${DJANGO_CACHE_DIR+set}" ]; then
  OWN_CACHE_DIR=$(mktemp -d -t peel-cache.XXXXXX)
  export DJANGO_CACHE_DIR=$OWN_CACHE_DIR
fi
# The fuzz test's thousands of refused requests are logged (warnings) to a file rather than here.
SERVER_LOG=/dev/stderr
if [ "$MODE" = fuzz ]; then SERVER_LOG=$(mktemp -t peel-fuzz-server.XXXXXX); fi
GUNICORN=""
start_server() {  # with the environment as it stands (DJANGO_PAGE_CACHE_SECONDS included)
  $BIN/gunicorn peel_tracker.wsgi:application --bind "127.0.0.1:$PORT" --workers "${WORKERS:-4}" \
    --log-level warning 2>>"$SERVER_LOG" &
  GUNICORN=$!
  for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/accounts/login/" && break; sleep 0.2; done
}
stop_server() {
  [ -z "$GUNICORN" ] || { kill "$GUNICORN" 2>/dev/null || true; wait "$GUNICORN" 2>/dev/null || true; }
  GUNICORN=""
}
trap 'stop_server; [ -z "$OWN_CACHE_DIR" ] || rm -rf "$OWN_CACHE_DIR"' EXIT

if [ "$MODE" = fuzz ]; then
  start_server
  STATUS=0
  $BIN/python benchmarks/fuzz.py --base-url "http://127.0.0.1:$PORT" \
    --username load-editor --password load-test-password \
    --per-url "${FUZZ_PER_URL:-200}" --seed "${FUZZ_SEED:-1}" ${FUZZ_ARGS:-} || STATUS=$?
  echo "Server log: $SERVER_LOG ($(grep -c 'Internal Server Error' "$SERVER_LOG" || true) internal server errors logged)."
  exit $STATUS
fi

# CPU per request: gunicorn's master and workers, and PostgreSQL's postmaster (the oldest
# process started with this database's port) and its backends.
DB_PORT=$(python3 -c 'import os, urllib.parse; print(urllib.parse.urlparse(os.environ["DATABASE_URL"]).port)')
POSTMASTER=$(pgrep -o -f -- "-p $DB_PORT " || true)
# LOAD_CACHE: "on" (pages kept until the record changes, as deployed), "off" (every request
# renders its page: DJANGO_PAGE_CACHE_SECONDS=0), or both, one after the other (the default).
STATUS=0
CACHE_SECONDS_ON=${DJANGO_PAGE_CACHE_SECONDS:-}  # yours if you set one, else the default
for CACHE in ${LOAD_CACHE:-on off}; do
  case $CACHE in
    on) if [ -n "$CACHE_SECONDS_ON" ]; then export DJANGO_PAGE_CACHE_SECONDS=$CACHE_SECONDS_ON; else unset DJANGO_PAGE_CACHE_SECONDS; fi ;;
    off) export DJANGO_PAGE_CACHE_SECONDS=0 ;;
    *) echo "LOAD_CACHE: on, off or both (\"on off\"), not $CACHE" >&2; exit 2 ;;
  esac
  # Each run starts from an empty cache directory (the first requests render, as after a deploy).
  [ -z "$OWN_CACHE_DIR" ] || find "$OWN_CACHE_DIR" -mindepth 1 -delete
  start_server
  echo
  echo "## Page cache $CACHE"
  $BIN/python benchmarks/load_test.py --base-url "http://127.0.0.1:$PORT" \
    --username load-analyst --password load-test-password \
    --concurrency "${CONCURRENCY:-20}" --duration "${DURATION:-30}" \
    --server-pid "$GUNICORN" ${POSTMASTER:+--database-pid "$POSTMASTER"} ${LOAD_ARGS:-} || STATUS=$?
  stop_server
done
exit $STATUS
