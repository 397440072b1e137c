"""editions/migrations/0006_speakers_to_people.py: the speakers' names of every session,
merged into people, on the real schema before and after."""

import pytest

BEFORE = [("editions", "0005_person")]
AFTER = [("editions", "0007_speaker_person_required")]


@pytest.mark.django_db(transaction=True)
def test_speakers_of_equal_names_become_one_person_with_their_roles(migrate):
    old = migrate(BEFORE)
    Edition, Session, Speaker = (old.get_model("editions", name) for name in ("Edition", "Session", "Speaker"))
    edition = Edition.objects.create(
        number=11, year=2021, theme="인권", theme_ko="인권", starts_on="2021-10-06", ends_on="2021-10-10"
    )
    first, second = (
        Session.objects.create(
            edition=edition, kind="plenary", title=title, title_ko=title, starts_at=f"2021-10-0{day}T01:00:00Z"
        )
        for day, title in [(6, "개회"), (7, "폐회")]
    )

    def speaker(session, name_ko, name_en, affiliation_en, role="speaker", order=0):
        return Speaker.objects.create(
            session=session,
            name=name_ko,
            name_ko=name_ko,
            name_en=name_en,
            affiliation=affiliation_en,
            affiliation_en=affiliation_en,
            role=role,
            order=order,
        ).pk

    kim_first = speaker(first, "김인권", "", "Old office", role="moderator")
    kim_second = speaker(second, " 김인권 ", "Kim In-kwon", "New office")
    jane = speaker(second, "제인  도", "Jane Doe", "", order=1)
    twice = speaker(second, "제인 도", "", "", order=2)

    new = migrate(AFTER)
    Person, Speaker = (new.get_model("editions", name) for name in ("Person", "Speaker"))

    people = {person.name_ko: (person.name_en, person.affiliation_en) for person in Person.objects.all()}
    roles = sorted(Speaker.objects.values_list("pk", "session__title_ko", "person__name_ko", "role"))
    assert people == {"김인권": ("Kim In-kwon", "New office"), "제인 도": ("Jane Doe", None)}
    assert roles == [
        (kim_first, "개회", "김인권", "moderator"),
        (kim_second, "폐회", "김인권", "speaker"),
        (jane, "폐회", "제인 도", "speaker"),
    ]
    assert twice not in [pk for pk, *_rest in roles]
