"""The packages import downward only (README, "Layout"): each may import the ones after it
in LAYERS, never one before it. Migrations are history and are not checked."""

import ast
from pathlib import Path

from django.apps import apps

PROJECT = Path(__file__).resolve().parents[1]
# Top to bottom. whrcf is the project (settings, urls, home); demo fills the site with
# sample content; legacy imports the old site into news and editions and answers its
# addresses; news is about editions; common is what they all share.
LAYERS = ["whrcf", "demo", "legacy", "search", "news", "editions", "common"]


def imported_packages(path):
    """The top-level packages that the module at `path` imports, at any depth of its code."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0]


def upward_imports(package):
    """(module, package it imports) for each import of `package` that points upward."""
    above = set(LAYERS[: LAYERS.index(package)])
    for path in sorted((PROJECT / package).rglob("*.py")):
        if "migrations" in path.relative_to(PROJECT).parts:
            continue
        for imported in imported_packages(path):
            if imported in above:
                yield str(path.relative_to(PROJECT)), imported


def test_every_app_of_the_project_has_a_layer():
    project_apps = {config.label for config in apps.get_app_configs() if Path(config.path).parent == PROJECT}

    assert sorted(project_apps) == sorted(LAYERS)


def test_no_package_imports_a_package_above_it():
    upward = [found for package in LAYERS for found in upward_imports(package)]

    assert upward == []


def test_an_upward_import_is_found(tmp_path):
    module = tmp_path / "views.py"
    module.write_text(
        "from common.page_cache import cache_public_page\n\ndef view():\n    from news.models import Post\n"
    )

    assert list(imported_packages(module)) == ["common", "news"]
