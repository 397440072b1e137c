from django.apps import AppConfig
from django.urls import register_converter
from django.utils.translation import gettext_lazy as _

from .converters import IdConverter


class CommonConfig(AppConfig):
    """What several apps share: languages, translation freshness, the page cache, the
    base admin. It imports no app of the project; each app wires its own models to it in
    its AppConfig.ready()."""

    name = "common"
    # In the admin it holds the translators' languages.
    verbose_name = _("Staff")

    def ready(self):
        from rosetta.signals import entry_changed, post_save

        from .interface_translations import publish_saved_catalogue, refuse_added_markup

        register_converter(IdConverter, "id")
        entry_changed.connect(refuse_added_markup, dispatch_uid="refuse-added-markup")
        post_save.connect(publish_saved_catalogue, dispatch_uid="publish-saved-catalogue")


def watch_content(app_config):
    """For an app's ready(): keep the translation sources of its models' translated fields
    (common/freshness.py), and make any change of its content invalidate cached pages
    (common/page_cache.py) — in this order, so that pages are invalidated after a save's
    translations are marked."""
    from .freshness import track_translation_sources
    from .page_cache import invalidate_pages_on_changes

    models = list(app_config.get_models())
    track_translation_sources(models)
    invalidate_pages_on_changes(models)
