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


def _private_imports(source: str) -> list[str]:
    """The names starting with one underscore that `source` imports from the project's own
    packages (a module's private helper, used from another module)."""
    import ast

    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in (
            "inspections",
            "recommendations",
            "peel_tracker",
        ):
            found += [
                f"{node.module}.{alias.name}"
                for alias in node.names
                if alias.name.startswith("_") and not alias.name.startswith("__")
            ]
    return found


def test_no_module_uses_another_modules_private_helper():
    """A helper used by another module is part of its module's interface and gets a public
    name (issue 13); a leading underscore means "only here"."""
    offenders = {
        str(path.relative_to(ROOT)): names
        for package in ("inspections", "recommendations", "peel_tracker")
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.parts
        and (names := _private_imports(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}
    assert _private_imports("from recommendations.services import _append") == [
        "recommendations.services._append"
    ]
