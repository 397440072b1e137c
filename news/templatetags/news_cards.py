from django import template
from django.utils.safestring import mark_safe

from common.fragments import render_each
from common.page_cache import object_token

from ..models import Category

register = template.Library()


@register.simple_tag(takes_context=True)
def post_cards(context, posts, heading_level=3):
    """The cards of `posts` (news/includes/post_card.html), each kept in the cache while its
    post, its category and the site are unchanged (common/fragments.py): a list renders
    again, after a publication, only the card of the new post. For readers; staff's cards
    are rendered each time."""
    card = context.template.engine.get_template("news/includes/post_card.html")

    def render(post):
        with context.push(post=post, heading_level=heading_level):
            return card.render(context)

    request = context.get("request")
    if request is not None and request.user.is_authenticated:
        # Staff see live pages, as the page cache gives them (common/page_cache.py).
        return mark_safe("".join(map(render, posts)))
    cards = render_each(
        f"card-h{heading_level}", posts, render, shows=lambda post: [object_token(Category, post.category_id)]
    )
    return mark_safe(cards)  # Rendered by the card's template, which escapes.
