"""Dependencies run one way: sources <- factcheck <- intake, and evaluation above all.

Every module of our apps is parsed with ``ast``, function-local imports included
(a function-local import that hides a cycle is still a cycle), relative imports
resolved to the package they name.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PRODUCT_APPS = ["newsroom", "sources", "factcheck", "intake"]
DEV_ONLY = {"evaluation", "bench"}
# What each app must never import.
FORBIDDEN = {
    "sources": {"factcheck", "intake"} | DEV_ONLY,
    "factcheck": {"intake"} | DEV_ONLY,
    "intake": DEV_ONLY,
    "newsroom": DEV_ONLY,
}


def modules(app: str) -> list[Path]:
    return sorted((ROOT / app).rglob("*.py"))


def imported_packages(path: Path) -> set[str]:
    """Top-level packages a module imports, wherever the import statement stands."""
    package = path.relative_to(ROOT).with_suffix("").parts
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                # A relative import stays inside the package it climbs to.
                base = package[: len(package) - node.level]
                found.add(base[0] if base else (node.module or "").split(".")[0])
            else:
                found.add((node.module or "").split(".")[0])
    return found


@pytest.mark.parametrize("app", PRODUCT_APPS)
def test_app_imports_only_what_it_may(app):
    wrong = {
        str(path.relative_to(ROOT)): sorted(imported_packages(path) & FORBIDDEN[app])
        for path in modules(app)
    }
    assert {module: names for module, names in wrong.items() if names} == {}


def test_the_check_sees_function_local_and_relative_imports(monkeypatch):
    # The cycle this test was written for: sources/services.py before intake existed.
    code = "from .models import Article\n\ndef ingest():\n    from factcheck.analysis import x\n"
    monkeypatch.setattr(Path, "read_text", lambda self, encoding=None: code)
    assert imported_packages(ROOT / "sources" / "services.py") == {"sources", "factcheck"}


def test_every_app_is_checked():
    apps = {p.parent.name for p in ROOT.glob("*/apps.py")} | {"newsroom"}
    assert apps - DEV_ONLY == set(PRODUCT_APPS)
