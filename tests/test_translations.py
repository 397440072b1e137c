"""locale/ko must hold every interface string of the code and templates, translated."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps

from common.interface_translations import entries_adding_markup

PROJECT = Path(__file__).resolve().parents[1]
# The project's own apps (whrcf, common, news…), not the installed packages.
PROJECT_APPS = [config.label for config in apps.get_app_configs() if Path(config.path).parent == PROJECT]
SOURCES = ["manage.py", *PROJECT_APPS, "templates", "locale"]


def msgids(po_file):
    """The msgids of a .po file (continuation lines joined), without the header."""
    text = po_file.read_text(encoding="utf-8")
    entries = re.findall(r'^msgid ((?:".*"\n)+)', text, flags=re.MULTILINE)
    ids = {"".join(re.findall(r'"(.*)"', entry)) for entry in entries}
    return ids - {""}


def test_korean_catalogue_holds_every_string_of_the_sources_translated(tmp_path):
    for name in SOURCES:
        source = PROJECT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("*.mo", "__pycache__"))
        else:
            shutil.copy(source, tmp_path / name)
    po_file = PROJECT / "locale/ko/LC_MESSAGES/django.po"

    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale=ko", "--no-obsolete", "--verbosity=0"],
        cwd=tmp_path,
        check=True,
        timeout=120,
    )
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po_file)],
        capture_output=True,
        text=True,
        env={**os.environ, "LC_ALL": "C"},
    )

    extracted = msgids(tmp_path / "locale/ko/LC_MESSAGES/django.po")
    committed = msgids(po_file)
    assert {"Views %(count)s", "This article is only available in %(language)s."} <= extracted
    assert sorted(extracted - committed) == [], "run `make messages` and translate the new strings"
    assert result.returncode == 0
    assert re.fullmatch(r"\d+ translated messages\.\n", result.stderr), result.stderr


@pytest.mark.parametrize("language", ["ko", "en"])
def test_no_translation_adds_markup_to_its_source(language):
    """Django prints the translations of template text unescaped: a translation may hold only
    the markup of its English source (common/interface_translations.py)."""
    assert entries_adding_markup(PROJECT / f"locale/{language}/LC_MESSAGES/django.po") == []
