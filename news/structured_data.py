"""The article's schema.org NewsArticle, for search engines (the page's JSON-LD)."""

from django.utils.translation import get_language, override

from common.structured_data import absolute, publisher


def news_article(request, post):
    language = get_language() if get_language() in post.languages else post.languages[0]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": post.title[:110],
        "description": post.summary,
        "datePublished": post.published_at.isoformat(),
        "dateModified": post.updated_at.isoformat(),
        "inLanguage": language,
        "mainEntityOfPage": canonical_url(request, post, language),
        "articleSection": post.category.name,
        "author": publisher(request),
        "publisher": publisher(request),
    }
    if post.cover:
        data["image"] = [absolute(request, post.cover.url)]
    return data


def canonical_url(request, post, language):
    """The article in the language it is shown in: on the English page of a Korean-only
    post, the Korean page, as the page's canonical link says."""
    with override(language):
        return absolute(request, post.get_absolute_url())
