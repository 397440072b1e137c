"""The article's schema.org NewsArticle, for search engines (the page's JSON-LD)."""

from django.utils.translation import get_language

from common.structured_data import absolute, publisher


def news_article(request, post):
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": post.title[:110],
        "description": post.summary,
        "datePublished": post.published_at.isoformat(),
        "dateModified": post.updated_at.isoformat(),
        "inLanguage": get_language() if get_language() in post.languages else post.languages[0],
        "mainEntityOfPage": absolute(request, post.get_absolute_url()),
        "articleSection": post.category.name,
        "author": publisher(),
        "publisher": publisher(),
    }
    if post.cover:
        data["image"] = [absolute(request, post.cover.url)]
    return data
