"""Small helpers that make test data, and read it back; every default is visible here."""

import datetime
import io
import itertools
from pathlib import Path
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from common.models import TranslatorLanguage
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
from legacy.models import LegacyURL, MissingLegacyURL
from news.models import Attachment, Category, Post

SEOUL = ZoneInfo("Asia/Seoul")
_numbers = itertools.count(1)


def seoul(year, month, day, hour=0, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=SEOUL)


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


PDF_BYTES = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
# A text file, uploaded under an image's name.
TEXT_AS_JPEG = b"Minutes of the organizing committee\n" * 20


def make_category(slug="news", name_ko="뉴스", name_en="News", **fields):
    return Category.objects.create(slug=slug, name_ko=name_ko, name_en=name_en, **fields)


def make_edition(number=11, year=2021, **fields):
    defaults = {
        "theme_ko": "도전의 시대의 인권",
        "theme_en": "Human Rights in Times of Challenge",
        "starts_on": datetime.date(year, 10, 6),
        "ends_on": datetime.date(year, 10, 10),
        "venue_ko": "김대중컨벤션센터",
        "venue_en": "Kim Dae-jung Convention Center",
        "format": Edition.Format.HYBRID,
    }
    return Edition.objects.create(number=number, year=year, **(defaults | fields))


def make_organization(slug="unesco", name_ko="유네스코", name_en="UNESCO", **fields):
    defaults = {"acronym": "", "kind": Organization.Kind.UN_BODY}
    return Organization.objects.create(slug=slug, name_ko=name_ko, name_en=name_en, **(defaults | fields))


def make_partner(edition, organization, role=EditionPartner.Role.CO_HOST, order=0):
    return EditionPartner.objects.create(edition=edition, organization=organization, role=role, order=order)


def make_session(edition, starts_at=None, **fields):
    defaults = {
        "kind": Session.Kind.PLENARY,
        "title_ko": "전체 세션",
        "title_en": "Plenary session",
        "field_ko": "",
        "field_en": "",
        "room_ko": "컨벤션홀",
        "room_en": "Convention Hall",
    }
    starts_at = starts_at or seoul(edition.year, edition.starts_on.month, edition.starts_on.day, 10)
    return Session.objects.create(edition=edition, starts_at=starts_at, **(defaults | fields))


def make_person(name_ko="홍길동", name_en="Hong Gil-dong", **fields):
    defaults = {"affiliation_ko": "광주광역시", "affiliation_en": "Gwangju Metropolitan City"}
    return Person.objects.create(name_ko=name_ko, name_en=name_en, **(defaults | fields))


def make_speaker(session, person=None, role=Speaker.Role.SPEAKER, order=0, **person_fields):
    """`person` (else a new person made of `person_fields`) in `role` at `session`."""
    person = person or make_person(**person_fields)
    return Speaker.objects.create(session=session, person=person, role=role, order=order)


def make_declaration(edition, title_ko="광주선언문", title_en="Gwangju Declaration", **fields):
    """A published declaration of `edition`, adopted on its last day, without a PDF."""
    defaults = {"adopted_on": edition.ends_on, "is_published": True}
    return Declaration.objects.create(edition=edition, title_ko=title_ko, title_en=title_en, **(defaults | fields))


def make_paragraph(
    declaration, text_ko="인권도시는 모두의 권리를 지킨다.", text_en="A human rights city protects everyone.", **fields
):
    """A paragraph added last to `declaration`: the model gives it the next number and order."""
    return DeclarationParagraph.objects.create(declaration=declaration, text_ko=text_ko, text_en=text_en, **fields)


def make_post(category=None, published_at=None, **fields):
    """A published post in both languages, published a day ago unless told otherwise."""
    number = next(_numbers)
    defaults = {
        "title_ko": f"포럼 소식 {number}",
        "title_en": f"Forum news {number}",
        "slug": f"forum-news-{number}",
        "summary_ko": "요약",
        "summary_en": "Summary",
        "body_ko": "<p>본문</p>",
        "body_en": "<p>Body</p>",
        "status": Post.Status.PUBLISHED,
    }
    category = category or Category.objects.first() or make_category()
    published_at = published_at or timezone.now() - datetime.timedelta(days=1)
    return Post.objects.create(category=category, published_at=published_at, **(defaults | fields))


def make_posts(count):
    """`count` published posts in both languages, one an hour back from yesterday, made in
    one bulk insert (no signals): for archive-sized tests."""
    category = Category.objects.first() or make_category()
    start = timezone.now() - datetime.timedelta(days=1)
    posts = []
    for offset in range(count):
        number = next(_numbers)
        posts.append(
            Post(
                category=category,
                published_at=start - datetime.timedelta(hours=offset),
                status=Post.Status.PUBLISHED,
                slug=f"forum-news-{number}",
                title_ko=f"포럼 소식 {number}",
                title_en=f"Forum news {number}",
            )
        )
    return Post.objects.bulk_create(posts)


def views_of(post):
    """The post's view count as the database holds it."""
    return Post.objects.get(pk=post.pk).view_count


def make_attachment(post, file, title_ko="자료집", title_en="Booklet"):
    return Attachment.objects.create(post=post, file=file, title_ko=title_ko, title_en=title_en)


def make_png(name="cover.png", size=(1200, 630)):
    """A real PNG file to upload, e.g. as a post's cover."""
    output = io.BytesIO()
    Image.new("RGB", size, "navy").save(output, "PNG")
    return ContentFile(output.getvalue(), name=name)


def image_bytes(image_format, size=(40, 20), exif=None, mode="RGB"):
    """A white image in `image_format` (Pillow's name: "JPEG", "PNG", "BMP"…), as bytes."""
    output = io.BytesIO()
    options = {"exif": exif} if exif is not None else {}
    Image.new(mode, size, "white").save(output, image_format, **options)
    return output.getvalue()


def upload(name, content):
    """A file as a form uploads it."""
    return SimpleUploadedFile(name, content)


def make_member(group_name, username, languages=()):
    """A staff member of one of the groups the migrations create (Editors, Translators);
    a translator writes into the `languages` given (codes, first language first)."""
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(username=username, password="a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    for order, language in enumerate(languages):
        TranslatorLanguage.objects.create(user=user, language=language, order=order)
    return user


def make_staff(username="editor", password="a-long-test-password", superuser=True):
    User = get_user_model()
    if superuser:
        return User.objects.create_superuser(username=username, password=password, email="")
    return User.objects.create_user(username=username, password=password, is_staff=True)


def post_admin_form_data(category, **overrides):
    """What the admin's post form posts for a new bilingual draft, without attachments."""
    data = {
        "title_ko": "제11회 포럼 폐막",
        "title_en": "The 11th forum closes",
        "slug": "the-11th-forum-closes",
        "summary_ko": "닷새 동안의 일정을 마쳤습니다.",
        "summary_en": "Five days of sessions came to an end.",
        "body_ko": "<p>폐막식이 열렸습니다.</p>",
        "body_en": "<p>The closing ceremony was held.</p>",
        "cover_alt_ko": "",
        "cover_alt_en": "",
        "category": category.pk,
        "status": "draft",
        "published_at_0": "2021-10-31",
        "published_at_1": "17:02:00",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
        "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000",
    }
    return data | overrides


def post_translation_form_data(post, **overrides):
    """What the admin's post form posts for `post` when a translator saves it: its
    translated fields as they are, and the attachments' management form."""
    data = {
        f"{field}_{code}": getattr(post, f"{field}_{code}") or ""
        for field in ("title", "summary", "body", "cover_alt")
        for code in ("ko", "en")
    }
    data |= {
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
        "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000",
    }
    return data | overrides


def make_legacy_url(old_path="/bbs/board.php", old_query="bo_table=news&wr_id=63", language="ko", **fields):
    """An old address that redirects (301) to the `post`, `edition` or `target_url` given, or,
    with status=410, is gone."""
    defaults = {"status": LegacyURL.Status.MOVED}
    return LegacyURL.objects.create(old_path=old_path, old_query=old_query, language=language, **(defaults | fields))


def make_missing_legacy_url(old_path="/E_p2302.php", old_query="", hit_count=1):
    return MissingLegacyURL.objects.create(old_path=old_path, old_query=old_query, hit_count=hit_count)


def missing_addresses():
    return list(MissingLegacyURL.objects.values_list("old_path", "old_query", "hit_count"))


def legacy_url_form_data(**overrides):
    """What the admin's legacy URL form posts for a redirect of the Korean board's article 63,
    without its target."""
    data = {
        "old_path": "/bbs/board.php",
        "old_query": "bo_table=news&wr_id=63",
        "language": "ko",
        "status": "301",
        "post": "",
        "edition": "",
        "target_url": "",
    }
    return data | overrides


def post_legacy_url_form(client, **overrides):
    """The admin's new legacy URL form, posted by `client`, answered in English."""
    return client.post(
        reverse("admin:legacy_legacyurl_add"), legacy_url_form_data(**overrides), HTTP_ACCEPT_LANGUAGE="en"
    )


SAMPLE_DUMP = Path(__file__).resolve().parents[1] / "legacy" / "sample_dump"


def import_sample_dump(*options):
    """The sample gnuboard dump imported: the Korean board, the English board and their twins."""
    call_command(
        "import_gnuboard",
        str(SAMPLE_DUMP / "g5_write_news.json"),
        str(SAMPLE_DUMP / "g5_write_news_eng.csv"),
        "--twins",
        str(SAMPLE_DUMP / "twins.csv"),
        *options,
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
