"""The import contracts of pyproject.toml ([tool.importlinter], run by `make lint`): the tree
keeps them, and each contract breaks on the import it forbids (checked on a small copy of the
packages, so the real tree is never edited)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
# Every module the contracts name, as empty modules; each case adds one import to one of them.
MODULES = [
    "peel_tracker/__init__.py",
    "peel_tracker/urls.py",
    "peel_tracker/page_cache.py",
    "inspections/__init__.py",
    "inspections/models.py",
    "inspections/deadlines.py",
    "inspections/report_reader/__init__.py",
    "inspections/report_reader/parse.py",
    "recommendations/__init__.py",
    "recommendations/models.py",
]


CONTRACTS = ["layers", "infrastructure", "pure-reader"]


def lint_imports(cwd: Path, config: Path, *contracts: str) -> subprocess.CompletedProcess:
    """lint-imports on `config`, limited to the contracts with these ids if any are given."""
    only = [arg for contract in contracts for arg in ("--contract", contract)]
    return subprocess.run(
        [LINT_IMPORTS, "--no-cache", "--no-logo", *only, str(config)],
        cwd=cwd,
        env=os.environ | {"PYTHONPATH": str(cwd)},
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_tree_keeps_the_contracts():
    result = lint_imports(ROOT, ROOT / "pyproject.toml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        # The layers: inspections never imports recommendations, even through another module.
        ("inspections/deadlines.py", "from recommendations import models", "layers"),
        ("inspections/models.py", "import recommendations.models", "layers"),
        # peel_tracker is infrastructure: only its URL wiring may import the apps.
        ("peel_tracker/page_cache.py", "import inspections.models", "infrastructure"),
        # The reader is pure: no Django, no models.
        ("inspections/report_reader/parse.py", "import django.db", "pure-reader"),
        ("inspections/report_reader/parse.py", "import inspections.models", "pure-reader"),
    ],
)
def test_a_forbidden_import_breaks_its_contract(tmp_path, module, line, contract):
    for name in MODULES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("")
    (tmp_path / "peel_tracker/urls.py").write_text("import recommendations.models\n")
    # The contracts exactly as pyproject.toml writes them (its last section).
    pyproject = (ROOT / "pyproject.toml").read_text()
    section = pyproject[pyproject.index("\n[tool.importlinter]\n") :]
    (tmp_path / "pyproject.toml").write_text(section)
    assert lint_imports(tmp_path, tmp_path / "pyproject.toml").returncode == 0

    (tmp_path / module).write_text(line + "\n")
    config = tmp_path / "pyproject.toml"
    assert lint_imports(tmp_path, config).returncode != 0
    for other in CONTRACTS:
        result = lint_imports(tmp_path, config, other)
        assert (result.returncode != 0) == (other == contract), (other, result.stdout)
