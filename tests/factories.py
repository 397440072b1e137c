"""Small helpers that make test data; every default is visible here."""

import datetime
import itertools
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.utils import timezone

from editions.models import Edition, EditionPartner, Organization, Session, Speaker
from news.models import Attachment, Category, Post

SEOUL = ZoneInfo("Asia/Seoul")
_numbers = itertools.count(1)


def seoul(year, month, day, hour=0, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=SEOUL)


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


def make_speaker(session, name_ko="홍길동", name_en="Hong Gil-dong", **fields):
    defaults = {"affiliation_ko": "광주광역시", "affiliation_en": "Gwangju Metropolitan City", "order": 0}
    return Speaker.objects.create(session=session, name_ko=name_ko, name_en=name_en, **(defaults | fields))


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


def make_attachment(post, file, title_ko="자료집", title_en="Booklet"):
    return Attachment.objects.create(post=post, file=file, title_ko=title_ko, title_en=title_en)


def make_member(group_name, username):
    """A staff member of one of the groups the migrations create (Editors, Translators)."""
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(username=username, password="a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
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
