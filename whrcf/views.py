from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from editions.models import Edition
from news.models import Post
from whrcf.languages import language_codes

LATEST_COUNT = 6
PINNED_COUNT = 3


def home(request):
    published = Post.objects.published().for_listing()
    edition = Edition.objects.current()
    partnerships = edition.partnerships.select_related("organization") if edition else []
    return render(
        request,
        "home.html",
        {
            "pinned_posts": published.filter(pinned=True)[:PINNED_COUNT],
            "latest_posts": published.filter(pinned=False)[:LATEST_COUNT],
            "edition": edition,
            "partner_organizations": [partnership.organization for partnership in partnerships],
        },
    )


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    """Crawlers may read every public page but not the admin, previews or search results."""
    lines = ["User-agent: *", "Disallow: /admin/"]
    for code in language_codes():
        lines += [f"Disallow: /{code}/news/preview/", f"Disallow: /{code}/news/?q=", f"Disallow: /{code}/news/*&q="]
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
