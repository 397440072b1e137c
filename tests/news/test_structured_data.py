"""The article's structured data (news/structured_data.py), read with extruct as crawlers do."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import make_category, make_png, make_post
from tests.pages import BROWSER, article_url, canonical_url, json_ld

pytestmark = pytest.mark.django_db

LOGO = {"@type": "ImageObject", "url": "http://testserver/static/img/logo.png", "width": 512, "height": 512}


@pytest.mark.parametrize(
    ("language", "headline", "description", "section", "publisher"),
    [
        ("ko", "제11회 포럼 폐막", "닷새 일정을 마쳤습니다.", "뉴스", "세계인권도시포럼"),
        ("en", "The 11th forum closes", "Five days came to an end.", "News", "World Human Rights Cities Forum"),
    ],
)
def test_article_carries_a_news_article_with_the_publisher_logo(
    client, language, headline, description, section, publisher
):
    published_at = timezone.now() - datetime.timedelta(days=2)
    post = make_post(
        category=make_category(),
        published_at=published_at,
        title_ko="제11회 포럼 폐막",
        title_en="The 11th forum closes",
        summary_ko="닷새 일정을 마쳤습니다.",
        summary_en="Five days came to an end.",
        cover=make_png("closing.png"),
    )
    organization = {"@type": "Organization", "name": publisher, "url": "https://www.whrcf.org/", "logo": LOGO}

    response = client.get(article_url(post, language), HTTP_USER_AGENT=BROWSER)

    assert json_ld(response) == {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": headline,
        "description": description,
        "datePublished": published_at.isoformat(),
        "dateModified": post.updated_at.isoformat(),
        "inLanguage": language,
        "mainEntityOfPage": f"http://testserver{article_url(post, language)}",
        "articleSection": section,
        "author": organization,
        "publisher": organization,
        "image": [f"http://testserver{post.cover.url}"],
    }
    assert json_ld(response)["mainEntityOfPage"] == canonical_url(response)


def test_english_page_of_korean_only_article_names_the_korean_page_as_main_entity(client):
    post = make_post(title_en="", summary_en="", body_en="")

    response = client.get(article_url(post, "en"), HTTP_USER_AGENT=BROWSER)

    data = json_ld(response)
    assert (data["mainEntityOfPage"], data["inLanguage"]) == (f"http://testserver{article_url(post, 'ko')}", "ko")
    assert canonical_url(response) == data["mainEntityOfPage"]
