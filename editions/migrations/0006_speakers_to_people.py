"""Speakers were a name per session: the same person in three forums was three unrelated
rows. Each distinct name (spaces normalised) becomes one Person, whom its session roles
point at; the person keeps the affiliation of their latest session."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# The groups of news/migrations/0003_editors_and_translators.py: editors manage people (and
# merge duplicates), translators translate their names, affiliations and biographies.
GRANTS = {
    "Editors": ["add", "change", "delete", "view"],
    "Translators": ["change", "view"],
}


def grant_person_permissions(apps, schema_editor):
    # Permissions are made after all migrations have run; the groups need these now.
    app_config = apps.get_app_config("editions")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, actions in GRANTS.items():
        group, _created = Group.objects.get_or_create(name=name)
        codenames = [f"{action}_person" for action in actions]
        group.permissions.add(*Permission.objects.filter(content_type__app_label="editions", codename__in=codenames))


def normalised(name):
    return " ".join((name or "").split())


def speakers_to_people(apps, schema_editor):
    Person = apps.get_model("editions", "Person")
    Speaker = apps.get_model("editions", "Speaker")
    people = {}
    roles = set()
    for speaker in Speaker.objects.order_by("session__starts_at", "pk"):
        name_ko = normalised(speaker.name_ko or speaker.name)
        person = people.get(name_ko)
        if person is None:
            person = people[name_ko] = Person.objects.create(name=name_ko, name_ko=name_ko)
        if normalised(speaker.name_en) and not person.name_en:
            person.name_en = normalised(speaker.name_en)
        for field in ("affiliation", "affiliation_ko", "affiliation_en"):
            if getattr(speaker, field):
                setattr(person, field, getattr(speaker, field))
        person.save()
        if (speaker.session_id, person.pk, speaker.role) in roles:
            # The same name twice in one role of one session: one person, listed once.
            speaker.delete()
            continue
        roles.add((speaker.session_id, person.pk, speaker.role))
        speaker.person = person
        speaker.save(update_fields=["person"])


def people_to_speakers(apps, schema_editor):
    Speaker = apps.get_model("editions", "Speaker")
    for speaker in Speaker.objects.select_related("person"):
        for field in ("name", "name_ko", "name_en", "affiliation", "affiliation_ko", "affiliation_en"):
            setattr(speaker, field, getattr(speaker.person, field))
        speaker.save()


class Migration(migrations.Migration):
    dependencies = [("editions", "0005_person")]

    operations = [
        migrations.RunPython(speakers_to_people, people_to_speakers),
        migrations.RunPython(grant_person_permissions, migrations.RunPython.noop),
    ]
