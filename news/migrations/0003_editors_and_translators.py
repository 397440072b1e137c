"""The Editors and Translators groups (see news/permissions.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ALL = ["add", "change", "delete", "view"]
TRANSLATE = ["change", "view"]

EDITORS = {
    ("news", "post"): [*ALL, "publish"],
    ("news", "postimage"): ALL,
    ("news", "attachment"): ALL,
    ("news", "category"): ALL,
    ("editions", "edition"): ALL,
    ("editions", "session"): ALL,
    ("editions", "speaker"): ALL,
    ("editions", "organization"): ALL,
    ("editions", "editionpartner"): ALL,
}
# Translators change translated fields only; the admin makes every other field read-only
# for them. Partners have nothing to translate: they only see them.
TRANSLATORS = {
    ("news", "post"): TRANSLATE,
    ("news", "postimage"): TRANSLATE,
    ("news", "attachment"): TRANSLATE,
    ("news", "category"): TRANSLATE,
    ("editions", "edition"): TRANSLATE,
    ("editions", "session"): TRANSLATE,
    ("editions", "speaker"): TRANSLATE,
    ("editions", "organization"): TRANSLATE,
    ("editions", "editionpartner"): ["view"],
}


def create_groups(apps, schema_editor):
    # Permissions are made after all migrations have run; these groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, grants in [("Editors", EDITORS), ("Translators", TRANSLATORS)]:
        group, _created = Group.objects.get_or_create(name=name)
        for (app_label, model), actions in grants.items():
            codenames = [f"{action}_{model}" for action in actions]
            permissions = Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
            assert permissions.count() == len(codenames), (app_label, codenames)
            group.permissions.add(*permissions)


def delete_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Translators"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("editions", "0001_initial"),
        ("news", "0002_post_images_uploads_and_publish_permission"),
    ]

    operations = [migrations.RunPython(create_groups, delete_groups)]
