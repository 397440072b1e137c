from django.shortcuts import render

from editions.models import Edition
from news.models import Post

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
