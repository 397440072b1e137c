"""Editors set which languages each translator writes (common.TranslatorLanguage)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ACTIONS = ["add", "change", "delete", "view"]


def grant(apps, schema_editor):
    # Permissions are made after all migrations have run; this grant needs them now.
    app_config = apps.get_app_config("common")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_translatorlanguage" for action in ACTIONS]
    permissions = Permission.objects.filter(content_type__app_label="common", codename__in=codenames)
    assert permissions.count() == len(codenames), codenames
    Group.objects.get(name="Editors").permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="common", codename__endswith="_translatorlanguage")
    apps.get_model("auth", "Group").objects.get(name="Editors").permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("common", "0002_translator_language"),
        ("news", "0008_drop_trigram_indexes"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
