"""Who may see posts that are not public (common/permissions.py says who may change what)."""


def can_preview(user):
    """Staff who may look at unpublished posts on the site."""
    return user.is_active and user.is_staff and user.has_perm("news.view_post")
