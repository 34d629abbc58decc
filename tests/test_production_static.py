"""Production serves static files as `make serve` does: collectstatic into hashed, compressed
files (WhiteNoise's manifest storage). That storage refuses a CSS file whose url() names a file
that does not exist, which would stop a deployment, so it is run here on the compiled CSS."""

import json

import pytest
from django.core.management import call_command
from django.test import override_settings

MANIFEST_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


@pytest.fixture
def collected(tmp_path):
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=MANIFEST_STORAGES):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield tmp_path


def test_collectstatic_builds_hashed_compressed_files(collected):
    manifest = json.loads((collected / "staticfiles.json").read_text())["paths"]
    for name in [
        "build/app.css",
        "build/govuk-frontend.js",
        "js/init.js",
        # The API's documentation page (/api/docs/): Swagger UI from our own static files.
        "drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js",
        "drf_spectacular_sidecar/swagger-ui-dist/swagger-ui.css",
    ]:
        hashed = manifest[name]
        assert hashed != name
        assert (collected / hashed).is_file()
        assert (collected / f"{hashed}.gz").is_file()


@pytest.mark.django_db
def test_pages_link_the_hashed_files(collected, client):
    manifest = json.loads((collected / "staticfiles.json").read_text())["paths"]
    with override_settings(STATIC_ROOT=collected, STORAGES=MANIFEST_STORAGES):
        page = client.get("/accounts/login/").content.decode()
    assert f"/static/{manifest['build/app.css']}" in page
