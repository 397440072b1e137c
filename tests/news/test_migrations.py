"""news/migrations/0011_post_slug_optional.py: posts that got the made-up slug `post` for
want of an English title lose it; slugs of real English titles stay."""

import pytest

BEFORE = [("news", "0009_editors_set_translator_languages")]
AFTER = [("news", "0011_post_slug_optional")]


@pytest.mark.django_db(transaction=True)
def test_made_up_slugs_of_korean_only_posts_are_dropped(migrate):
    old = migrate(BEFORE)
    Category, Post = old.get_model("news", "Category"), old.get_model("news", "Post")
    category = Category.objects.create(slug="news", name="뉴스", name_ko="뉴스")

    def post(slug, title_en):
        return Post.objects.create(
            category=category,
            slug=slug,
            title="제목",
            title_ko="제목",
            title_en=title_en,
            published_at="2021-10-06T01:00:00Z",
        ).pk

    korean_only = post("post", "")
    english = post("post-2", "Post")
    second_korean_only = post("post-3", None)
    postcard = post("postcard-from-gwangju", "")

    new = migrate(AFTER)

    slugs = dict(new.get_model("news", "Post").objects.values_list("pk", "slug"))
    assert slugs == {korean_only: "", second_korean_only: "", english: "post-2", postcard: "postcard-from-gwangju"}
