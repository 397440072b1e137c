import datetime
import io
import re
import tomllib
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from PIL import Image
from reversion.models import Version

from demo.management.commands.load_demo import CONTENT
from editions.models import (
    Declaration,
    DeclarationParagraph,
    Edition,
    EditionPartner,
    Organization,
    Person,
    Session,
    Speaker,
)
from news.models import Attachment, Category, Post
from search.models import SearchEntry
from search.query import parse
from tests.factories import make_post

CATEGORY_SLUGS = {"news", "notice", "newsletter", "press-release", "letter"}


@pytest.fixture(autouse=True)
def default_demo_login(monkeypatch):
    """The developer's own environment must not change which account the command creates."""
    monkeypatch.delenv("DEMO_ADMIN_USERNAME", raising=False)
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)


def load_demo():
    stdout = io.StringIO()
    call_command("load_demo", stdout=stdout)
    return stdout.getvalue()


def database_state():
    """Row counts of every model the command touches, and the values a rerun must leave alone."""
    models = [
        Edition,
        Organization,
        EditionPartner,
        Session,
        Person,
        Speaker,
        Category,
        Post,
        Attachment,
        get_user_model(),
    ]
    links = [Post.sessions.through, Post.organizations.through, Session.organizers.through]
    return {
        "counts": {model._meta.label: model.objects.count() for model in models + links},
        "editions": list(Edition.objects.order_by("pk").values_list("pk", "number", "theme_ko", "theme_en")),
        "organizations": list(Organization.objects.order_by("pk").values_list("pk", "slug", "logo")),
        "partners": list(EditionPartner.objects.order_by("pk").values_list("pk", "edition", "organization", "order")),
        "sessions": list(Session.objects.order_by("pk").values_list("pk", "edition", "starts_at", "title_ko")),
        "speakers": list(Speaker.objects.order_by("pk").values_list("pk", "session", "order", "person", "role")),
        "people": list(Person.objects.order_by("pk").values_list("pk", "name_ko", "name_en", "affiliation_en")),
        "posts": list(
            Post.objects.order_by("pk").values_list(
                "pk", "slug", "status", "published_at", "pinned", "view_count", "cover", "title_en"
            )
        ),
        "attachments": list(Attachment.objects.order_by("pk").values_list("pk", "post", "file", "size")),
    }


def media_files(media_root):
    return sorted(path.relative_to(media_root) for path in media_root.rglob("*") if path.is_file())


@pytest.mark.django_db
def test_load_demo_twice_changes_nothing(media_root):
    load_demo()
    first_state = database_state()
    first_files = media_files(media_root)

    load_demo()

    assert database_state() == first_state
    assert media_files(media_root) == first_files


@pytest.mark.django_db
def test_load_demo_gives_each_post_and_edition_one_initial_revision_once():
    load_demo()
    load_demo()

    for model in (Post, Edition, Declaration):
        versions = Version.objects.get_for_model(model)
        assert sorted(versions.values_list("object_id", flat=True)) == sorted(
            str(pk) for pk in model.objects.values_list("pk", flat=True)
        )
    post = Post.objects.order_by("pk").first()
    (version,) = Version.objects.get_for_object(post)
    assert (version.field_dict["title_ko"], version.field_dict["title_en"], version.revision.comment) == (
        post.title_ko,
        post.title_en,
        "Initial version.",
    )


@pytest.mark.django_db
def test_load_demo_editions_have_themes_in_both_languages():
    years = [2017, 2018, 2020, 2021, 2023, 2024]

    load_demo()

    editions = Edition.objects.filter(year__in=years).order_by("year")
    assert [edition.year for edition in editions] == years
    assert all(edition.theme_ko and edition.theme_en for edition in editions)


@pytest.mark.django_db
def test_load_demo_posts_korean_only_lack_all_english():
    load_demo()

    posts = list(Post.objects.all())
    without_title_en = {post.slug for post in posts if not post.title_en}
    without_any_english = {
        post.slug for post in posts if not (post.title_en or post.summary_en or post.body_en or post.cover_alt_en)
    }
    assert all(post.title_ko for post in Post.objects.published())
    assert without_title_en == without_any_english
    assert len(without_title_en) >= 4
    assert all(post.body_en for post in posts if post.title_en)


@pytest.mark.django_db
def test_load_demo_draft_and_scheduled_posts_stay_hidden():
    load_demo()

    drafts = Post.objects.filter(status=Post.Status.DRAFT)
    scheduled = Post.objects.filter(status=Post.Status.PUBLISHED, published_at__gt=timezone.now())
    hidden_pks = set(drafts.values_list("pk", flat=True)) | set(scheduled.values_list("pk", flat=True))
    assert drafts.exists()
    assert scheduled.exists()
    assert not Post.objects.published().filter(pk__in=hidden_pks).exists()


@pytest.mark.django_db
def test_load_demo_published_posts_cover_every_category():
    load_demo()

    published = Post.objects.published()
    assert published.count() >= 30
    assert set(published.values_list("category__slug", flat=True)) == CATEGORY_SLUGS


@pytest.mark.django_db
def test_load_demo_staff_password_printed_once():
    first_output = load_demo()

    second_output = load_demo()

    match = re.search(r"Demo staff login: admin / (\S+) \(http://127\.0\.0\.1:8000/admin/\)", first_output)
    assert match is not None
    password = match.group(1)
    assert get_user_model().objects.get(username="admin").check_password(password)
    assert password not in second_output
    assert "Demo staff login admin already exists; its password is unchanged." in second_output


@pytest.mark.django_db
def test_load_demo_staff_login_from_environment(monkeypatch):
    monkeypatch.setenv("DEMO_ADMIN_USERNAME", "editor")
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "correct-horse-battery")

    output = load_demo()

    user = get_user_model().objects.get(username="editor")
    assert "Demo staff login: editor / correct-horse-battery (http://127.0.0.1:8000/admin/)" in output
    assert user.is_superuser
    assert user.check_password("correct-horse-battery")


@pytest.mark.django_db
def test_load_demo_sessions_of_10th_and_11th_have_speakers():
    load_demo()

    for number in (10, 11):
        sessions = Session.objects.filter(edition__number=number)
        assert sessions.count() >= 8
        assert not sessions.filter(speakers__isnull=True).exists()


@pytest.mark.django_db
def test_load_demo_sessions_fall_within_their_edition():
    load_demo()

    for session in Session.objects.select_related("edition"):
        day = timezone.localtime(session.starts_at).date()
        assert session.edition.starts_on <= day <= session.edition.ends_on
        assert session.ends_at > session.starts_at


@pytest.mark.django_db
def test_load_demo_summary_line_counts_what_was_loaded():
    output = load_demo()

    assert output.rstrip().endswith(
        f"Demo data: 8 editions, 9 organizations, {Session.objects.count()} sessions, {Post.objects.count()} posts."
    )


@pytest.mark.django_db
def test_load_demo_generates_covers_logos_and_attachments():
    load_demo()

    assert not Post.objects.filter(cover="").exists()
    assert not Organization.objects.filter(logo="").exists()
    assert not Edition.objects.filter(poster="").exists()
    # Twice the largest size a page shows them at (240×120), for screens of double density.
    assert {Image.open(organization.logo).size for organization in Organization.objects.all()} == {(480, 240)}
    assert Edition.objects.get(number=14).poster_alt_en.startswith("Cover graphic: the year 2024")
    assert Attachment.objects.count() >= 3
    assert all(attachment.size > 0 and attachment.file.read(5) == b"%PDF-" for attachment in Attachment.objects.all())


def co_host_slugs(number):
    partners = EditionPartner.objects.filter(edition__number=number, role=EditionPartner.Role.CO_HOST)
    return set(partners.values_list("organization__slug", flat=True))


@pytest.mark.django_db
def test_load_demo_partners_follow_the_facts():
    load_demo()

    hosts = EditionPartner.objects.filter(role=EditionPartner.Role.HOST)
    assert set(hosts.values_list("edition__number", "organization__slug")) == {
        (number, "gwangju") for number in range(7, 15)
    }
    assert co_host_slugs(9) == set()
    assert co_host_slugs(10) == {"unesco", "ohchr"}
    assert co_host_slugs(11) == {"unesco", "ohchr", "uclg-csipdhr"}
    assert Edition.objects.get(number=10).format == Edition.Format.ONLINE
    assert Edition.objects.get(number=11).format == Edition.Format.HYBRID
    assert Edition.objects.get(number=11).starts_on == date(2021, 10, 6)


@pytest.mark.django_db
def test_enlarge_demo_grows_the_archive_again_without_clashing_slugs():
    make_post(title_ko="첫 소식", title_en="First news", published_at=timezone.now() - datetime.timedelta(days=1))
    make_post(title_ko="둘째 소식", published_at=timezone.now() - datetime.timedelta(days=2))

    call_command("enlarge_demo", "--posts", "10", stdout=io.StringIO())
    call_command("enlarge_demo", "--posts", "15", stdout=io.StringIO())

    slugs = list(Post.objects.published().values_list("slug", flat=True))
    assert (len(slugs), len(set(slugs))) == (15, 15)
    assert Post.objects.get(slug="archive-13").title_ko == "첫 소식 (13)"
    news_entries = SearchEntry.objects.filter(kind=SearchEntry.Kind.NEWS)
    assert sorted(news_entries.values_list("object_id", flat=True)) == sorted(
        Post.objects.values_list("pk", flat=True)
    )
    assert news_entries.get(object_id=Post.objects.get(slug="archive-13").pk).title_terms == " 소식 13 first news "


def found(text):
    """The public posts the site search finds for `text`."""
    query = parse(text)
    entries = SearchEntry.objects.public().matching(query.requirements, query.phrases)
    return set(entries.filter(kind=SearchEntry.Kind.NEWS).values_list("object_id", flat=True))


def text_of(pk):
    post = Post.objects.get(pk=pk)
    return " ".join(
        [post.title_ko, post.title_en, post.summary_ko, post.summary_en, post.body_text_ko, post.body_text_en]
    )


@pytest.mark.django_db
def test_load_demo_fills_the_search_index_and_the_issues_queries_find_what_readers_expect():
    load_demo()

    assert SearchEntry.objects.filter(kind=SearchEntry.Kind.NEWS).count() == Post.objects.count()
    assert SearchEntry.objects.filter(kind=SearchEntry.Kind.SESSION).count() == Session.objects.count()
    public_posts = set(Post.objects.published().values_list("pk", flat=True))
    gwangju = {pk for pk in public_posts if "광주" in text_of(pk)}
    assert found("광주") == found("광주의") == found("광주에서") == gwangju
    assert found("인권도시에서") == found("인권도시") == found("인권 도시")
    assert {pk for pk in public_posts if "인권도시" in text_of(pk)} <= found("인권도시")
    assert found("forums") == found("forum") == found("FORUM") != set()
    assert found("gwangju's") == found("gwangju") == found("Gwangju") != set()
    closing = found("광주 폐막")
    assert closing != set()
    assert all("광주" in text_of(pk) and "폐막" in text_of(pk) for pk in closing)
    rights_cities = found("human rights city")
    assert len(rights_cities) > 1
    assert all(re.search(r"human.*rights|rights.*human", text_of(pk), re.I | re.S) for pk in rights_cities)
    assert all(re.search(r"\bcit(y|ies)\b", text_of(pk), re.I) for pk in rights_cities)


@pytest.mark.django_db
def test_load_demo_adds_bilingual_declarations_with_pdfs_and_changes_nothing_when_rerun():
    call_command("load_demo", stdout=io.StringIO())
    first = list(
        DeclarationParagraph.objects.order_by("pk").values_list("pk", "declaration", "number", "order", "text_en")
    )

    call_command("load_demo", stdout=io.StringIO())

    declarations = Declaration.objects.published().select_related("edition")
    assert len(declarations) >= 2
    for declaration in declarations:
        assert declaration.title_ko and declaration.title_en
        assert declaration.pdf.read(5) == b"%PDF-"
        assert declaration.paragraphs.count() >= 3
        assert all(paragraph.text_ko and paragraph.text_en for paragraph in declaration.paragraphs.all())
        assert declaration.last_paragraph_number == declaration.paragraphs.count()
    assert (
        list(
            DeclarationParagraph.objects.order_by("pk").values_list("pk", "declaration", "number", "order", "text_en")
        )
        == first
    )


@pytest.mark.django_db
def test_load_demo_makes_one_person_of_each_recurring_speaker():
    content = tomllib.loads((CONTENT / "sessions.toml").read_text())
    recurring = {key: person["name_en"] for key, person in content["people"].items()}
    expected = dict.fromkeys(recurring.values(), 0)
    for session in content["sessions"]:
        for speaker in session["speakers"]:
            if "person" in speaker:
                expected[recurring[speaker["person"]]] += 1

    load_demo()

    people = Person.objects.filter(name_en__in=recurring.values())
    assert {person.name_en: person.roles.count() for person in people} == expected
    assert sum(expected.values()) == 29
