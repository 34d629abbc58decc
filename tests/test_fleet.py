"""Two application servers, one database and one Redis (issue 17): what one server changes, the
other shows on its next request, and pages, counts and sessions live in the shared Redis.

Real processes, as deployed: redis-server (Debian's package), the database of the run (a file
SQLite database on the SQLite run, a database on the throwaway PostgreSQL server on the
PostgreSQL run), and two gunicorn servers started with REDIS_URL."""

import http.cookiejar
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "fleet test password 42"
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(port: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"nothing answered on port {port} within {seconds} s")


@pytest.fixture
def redis_url(tmp_path):
    if not Path(REDIS_SERVER).exists():
        pytest.fail("redis-server not found: apt-get install redis-server (see README).")
    port = free_port()
    server = subprocess.Popen(
        [
            REDIS_SERVER,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
    )
    wait_for(port)
    yield f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(10)


@pytest.fixture
def fleet_database(tmp_path, transactional_db):
    """A database of its own for the servers, on the same kind of server as this run's, as
    (the owner's URL, for migrate; the application's URL, for everything else, with the role
    it names in DJANGO_DB_APP_ROLE). On PostgreSQL the servers connect as an application role
    that may only read and add history, as docs/deploy.md says to deploy."""
    if connection.vendor == "sqlite":
        url = f"sqlite:///{tmp_path / 'fleet.sqlite3'}"
        yield url, url, ""
        return
    settings = connection.settings_dict
    name = role = f"fleet_{os.getpid()}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
        cursor.execute(f'CREATE ROLE "{role}" LOGIN')
    auth = f"{settings['USER']}:{settings['PASSWORD']}@" if settings["USER"] else ""
    server = f"{settings['HOST']}:{settings['PORT']}/{name}"
    # The throwaway server trusts local connections, so the role needs no password.
    yield f"postgres://{auth}{server}", f"postgres://{role}@{server}", role
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'DROP ROLE IF EXISTS "{role}"')


def manage(env: dict, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, f"manage.py {' '.join(args)} failed:\n{done.stderr[-3000:]}"
    return done.stdout


@pytest.fixture
def fleet(fleet_database, redis_url):
    owner_url, app_url, app_role = fleet_database
    env = {
        **os.environ,
        "DATABASE_URL": app_url,
        "DJANGO_DB_APP_ROLE": app_role,
        "REDIS_URL": redis_url,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "fleet-test-only",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_STATIC_MANIFEST": "false",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_SECURE_COOKIES": "false",
    }
    manage({**env, "DATABASE_URL": owner_url}, "migrate", "--noinput", "-v0")
    # What `make serve` does on each server before starting: as the application role, with
    # nothing to apply, migrate only checks the role's rights.
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_real_data", "-v0")
    manage(
        env,
        "shell",
        "-c",
        "from django.contrib.auth.models import Group; from inspections.models import Force; "
        "from django.contrib.auth import get_user_model; "
        f"u = get_user_model().objects.create_user('fleet-editor', password='{PASSWORD}', "
        "is_staff=True); u.groups.add(Group.objects.get(name='opcc_editor')); "
        "Force.objects.get(slug='cumbria').editors.add(u)",
    )
    ports = [free_port(), free_port()]
    servers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--workers",
                "1",
                "--bind",
                f"127.0.0.1:{port}",
                "peel_tracker.wsgi",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]
    try:
        for port in ports:
            wait_for(port)
        yield [f"http://127.0.0.1:{port}" for port in ports], env
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(10)


class Browser:
    """One person's cookies, used against either server."""

    def __init__(self) -> None:
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, url: str) -> str:
        with self.opener.open(url, timeout=30) as response:
            return response.read().decode()

    def post(self, url: str, fields: dict) -> str:
        data = urllib.parse.urlencode(fields, doseq=True).encode()
        request = urllib.request.Request(url, data=data, headers={"Referer": url})
        with self.opener.open(request, timeout=30) as response:
            return response.read().decode()


def hidden_fields(html: str) -> dict:
    """The page's hidden inputs (the CSRF token, the version the editor loaded): with the
    status, date and note filled in, that is the whole status form."""
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))


def test_a_change_on_one_server_is_seen_on_the_other(fleet):
    (first, second), env = fleet
    browser = Browser()
    login = browser.get(f"{first}/accounts/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login).group(1)
    browser.post(
        f"{first}/accounts/login/",
        {"csrfmiddlewaretoken": token, "username": "fleet-editor", "password": PASSWORD},
    )
    status_id = manage(
        env,
        "shell",
        "-c",
        "from recommendations.models import FindingStatus; "
        "row = FindingStatus.objects.filter(force__slug='cumbria', status='awaiting_review')"
        ".order_by('pk').first(); print('IDS', row.pk, row.finding_id)",
    )
    status_pk, finding_pk = (int(n) for n in re.search(r"IDS (\d+) (\d+)", status_id).groups())
    if connection.vendor == "postgresql":
        # The servers (and the commands above) connect as the application role, which may not
        # change history: the deploy check finds nothing to warn about.
        role = manage(
            env,
            "shell",
            "-c",
            "from django.db import connection; "
            "c = connection.cursor(); c.execute('SELECT current_user'); "
            "print('ROLE', c.fetchone()[0])",
        )
        assert f"ROLE fleet_{os.getpid()}" in role
        checked = subprocess.run(
            [sys.executable, "manage.py", "check", "--deploy", "--database", "default"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        assert "peel_tracker.W001" not in checked.stdout + checked.stderr

    # The finding's page, rendered (and kept) by the second server: signed in there too, since
    # the session is shared.
    before = browser.get(f"{second}/findings/{finding_pk}/")
    assert "fleet-editor" in before and "Awaiting review" in before

    # A status recorded through the first server's admin.
    admin_url = f"{first}/admin/recommendations/findingstatus/{status_pk}/change/"
    fields = hidden_fields(browser.get(admin_url))
    fields.update(
        new_status="being_progressed",
        effective_on=time.strftime("%Y-%m-%d"),
        note="Recorded on the first server.",
        source_kind="",
        source_reference="",
        _save="Save",
    )
    browser.post(admin_url, fields)

    after = browser.get(f"{second}/findings/{finding_pk}/")
    assert "Recorded on the first server." in after

    import redis

    keys = redis.Redis.from_url(env["REDIS_URL"]).keys("*")
    assert any(b"peel-tracker:pages" in key for key in keys)
    assert any(b"peel-tracker:sessions" in key for key in keys)
