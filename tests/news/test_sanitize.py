"""The sanitized rich-text body (news/sanitize.py)."""

import pytest
from django.urls import reverse

from news.models import Post
from news.sanitize import clean_html
from tests.factories import make_category

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("html", "cleaned"),
    [
        ("<p>Opening<script>alert(1)</script></p>", "<p>Opening</p>"),
        ('<p onclick="steal()" onmouseover="steal()">Opening</p>', "<p>Opening</p>"),
        (
            '<img src="/media/news/images/a.jpg" onerror="steal()" alt="Stage">',
            '<img src="/media/news/images/a.jpg" alt="Stage">',
        ),
        ('<a href="javascript:alert(1)">Programme</a>', '<a rel="noopener noreferrer">Programme</a>'),
        ('<a href="JaVaScRiPt:alert(1)">Programme</a>', '<a rel="noopener noreferrer">Programme</a>'),
        (
            '<a href="https://whrcf.org/" target="_blank" rel="opener">Forum</a>',
            '<a href="https://whrcf.org/" rel="noopener noreferrer">Forum</a>',
        ),
        ('<p>Video</p><iframe src="https://evil.example/"></iframe>', "<p>Video</p>"),
        ('<p>Video</p><iframe src="https://www.youtube.com/embed/x"></iframe>', "<p>Video</p>"),
        ('<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="Logo">', '<img alt="Logo">'),
        ('<p style="position:fixed">Notice</p><style>body{display:none}</style>', "<p>Notice</p>"),
        ('<object data="movie.swf"></object><embed src="movie.swf"><p>Movie</p>', "<p>Movie</p>"),
        ('<form action="https://evil.example/"><input name="password"></form>', ""),
        (
            '<figure class="figure"><img src="/media/news/images/a.jpg" alt="Stage">'
            '<figcaption class="figure-caption">Opening</figcaption></figure>',
            '<figure><img src="/media/news/images/a.jpg" alt="Stage"><figcaption>Opening</figcaption></figure>',
        ),
        ("<p></p>", ""),
    ],
)
def test_sanitizer_removes_each_dangerous_construct(html, cleaned):
    assert clean_html(html) == cleaned


def test_admin_sanitizes_the_body_in_both_languages(staff_client):
    category = make_category()

    staff_client.post(
        reverse("admin:news_post_add"),
        {
            "title_ko": "개막",
            "title_en": "Opening",
            "slug": "opening",
            "body_ko": '<p onclick="steal()">개막식<script>alert(1)</script></p>',
            "body_en": '<p>Opening</p><a href="javascript:alert(1)">link</a>',
            "category": category.pk,
            "status": "draft",
            "published_at_0": "2021-10-06",
            "published_at_1": "10:00:00",
            "attachments-TOTAL_FORMS": "0",
            "attachments-INITIAL_FORMS": "0",
            "attachments-MIN_NUM_FORMS": "0",
            "attachments-MAX_NUM_FORMS": "1000",
        },
    )

    post = Post.objects.get()
    assert (post.body_ko, post.body_en) == ("<p>개막식</p>", '<p>Opening</p><a rel="noopener noreferrer">link</a>')
