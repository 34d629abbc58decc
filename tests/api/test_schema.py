"""The OpenAPI schema validates, documents every endpoint with its fields and the pages' query
parameters, and its documentation page works under the Content-Security-Policy."""

import re
from http import HTTPStatus

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from openapi_spec_validator import validate

from tests.api.helpers import token_client

pytestmark = pytest.mark.django_db


def test_spectacular_validates_the_schema_without_warnings(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "s.yml"))


@pytest.fixture
def schema(analyst) -> dict:
    response = token_client(analyst).get("/api/schema/?format=json")
    assert response.status_code == HTTPStatus.OK
    return response.json()


def test_the_served_schema_is_valid_openapi(schema):
    validate(schema)
    assert schema["openapi"].startswith("3.")


def test_every_endpoint_is_documented_read_only(schema):
    assert set(schema["paths"]) == {
        "/api/v1/findings/",
        "/api/v1/findings/export.csv",
        "/api/v1/findings/{id}/history/",
        "/api/v1/reports/",
        "/api/v1/responses/",
        "/api/v1/forces/",
        "/api/v1/views/{id}/",
    }
    for path, operations in schema["paths"].items():
        assert set(operations) == {"get"}, path


def parameters(schema, path) -> set[str]:
    return {p["name"] for p in schema["paths"][path]["get"]["parameters"]}


def test_the_lists_take_the_pages_query_parameters(schema):
    assert parameters(schema, "/api/v1/findings/") == {
        "force",
        "kind",
        "status",
        "area",
        "theme",
        "inspection",
        "published_after",
        "published_before",
        "carried_forward",
        "q",
        "sort",
        "cursor",
        "page_size",
        "format",
    }
    assert parameters(schema, "/api/v1/responses/") == {
        "force",
        "state",
        "kind",
        "year",
        "published_after",
        "published_before",
        "incomplete",
        "sort",
        "cursor",
        "page_size",
        "format",
    }


def test_fields_are_documented_with_iso_dates_and_precision(schema):
    row = schema["components"]["schemas"]["FindingRow"]["properties"]
    assert row["report_published_on"]["format"] == "date"
    assert row["report_published_precision"]["$ref"].endswith("/DatePrecisionEnum")
    assert row["status_since"]["format"] == "date"
    assert "description" in row["report_published"]
    history = schema["components"]["schemas"]["StatusHistoryEntry"]["properties"]
    assert history["recorded_at"]["format"] == "date-time"
    assert "apiToken" in schema["components"]["securitySchemes"]
    assert schema["components"]["securitySchemes"]["apiToken"]["scheme"] == "bearer"


def test_the_docs_page_is_for_signed_in_people(client):
    response = client.get("/api/docs/")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith("/accounts/login/")


def test_the_docs_page_has_no_inline_script_or_style_and_local_assets(client, analyst):
    client.force_login(analyst)
    response = client.get("/api/docs/")
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "<style" not in html
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert scripts and all('src="' in attrs and not body.strip() for attrs, body in scripts)
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    for asset in assets:
        assert asset.startswith("/"), asset  # nothing from another origin
        if asset.startswith("/static/"):
            assert finders.find(asset.removeprefix("/static/")), asset
    (init,) = [a for a in assets if a.startswith("/api/docs/")]
    script = client.get(init)
    assert script.status_code == HTTPStatus.OK
    assert script["Content-Type"].startswith("application/javascript")
    assert "/api/schema/" in script.content.decode()
