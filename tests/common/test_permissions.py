"""Who may do what (common/permissions.py): the Editors and Translators groups, made by a
migration, and who may edit the interface's .po files."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from pytest_django.asserts import assertContains

from tests.factories import make_member, make_staff

pytestmark = pytest.mark.django_db


# What both groups work on; editors also manage the partners of an edition.
CONTENT_MODELS = [
    ("news", "post"),
    ("news", "postimage"),
    ("news", "attachment"),
    ("news", "category"),
    ("editions", "edition"),
    ("editions", "session"),
    ("editions", "speaker"),
    ("editions", "person"),
    ("editions", "organization"),
    ("editions", "declaration"),
    ("editions", "declarationparagraph"),
]


def codenames(group_name):
    permissions = Group.objects.get(name=group_name).permissions.select_related("content_type")
    return sorted(f"{permission.content_type.app_label}.{permission.codename}" for permission in permissions)


def test_migration_creates_the_editors_group():
    assert codenames("Editors") == sorted(
        [
            *(
                f"{app}.{action}_{model}"
                for app, model in [*CONTENT_MODELS, ("editions", "editionpartner")]
                for action in ("add", "change", "delete", "view")
            ),
            *(f"common.{action}_translatorlanguage" for action in ("add", "change", "delete", "view")),
            "legacy.add_legacyurl",
            "legacy.change_legacyurl",
            "legacy.delete_legacyurl",
            "legacy.view_legacyurl",
            "legacy.delete_missinglegacyurl",
            "legacy.view_missinglegacyurl",
            "news.publish_post",
        ]
    )


def test_migration_creates_the_translators_group():
    assert codenames("Translators") == sorted(
        [
            *(f"{app}.{action}_{model}" for app, model in CONTENT_MODELS for action in ("change", "view")),
            "editions.view_editionpartner",
        ]
    )


# In-browser .po editing (django-rosetta)


def test_translator_opens_the_po_files_in_the_browser(translator_client):
    response = translator_client.get("/rosetta/files/project/")

    assert response.status_code == 200
    assert [language for language, _name, _files in response.context["languages"]] == ["ko", "en"]
    assertContains(response, "locale/ko/LC_MESSAGES/django.po")


def test_superuser_opens_the_po_files_in_the_browser(client):
    client.force_login(make_staff())

    response = client.get("/rosetta/files/project/")

    assert response.status_code == 200


@pytest.mark.parametrize("who", ["editor", "reader", "anonymous"])
def test_others_are_sent_to_log_in_for_the_po_files(client, who):
    if who == "editor":
        client.force_login(make_member("Editors", "editor"))
    elif who == "reader":
        client.force_login(get_user_model().objects.create_user(username="reader", password="a-long-test-pw"))

    response = client.get("/rosetta/files/project/")

    assert (response.status_code, response["Location"]) == (302, "/admin/login/?next=/rosetta/files/project/")


def test_rosetta_pages_load_scripts_and_styles_from_this_site_only(translator_client):
    response = translator_client.get("/rosetta/files/project/ko/0/")

    content = response.content.decode()
    assert response.status_code == 200
    assert re.findall(r'<script[^>]* src="([^"]*)"', content) == ["/static/admin/rosetta/js/rosetta.js"]
    assert re.findall(r'<link rel="stylesheet" href="([^"]*)"', content) == [
        "/static/admin/css/base.css",
        "/static/admin/css/forms.css",
        "/static/admin/css/changelists.css",
        "/static/admin/css/changelists.css",
        "/static/admin/rosetta/css/rosetta.css",
    ]
