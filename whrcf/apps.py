from django.apps import AppConfig, apps
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.urls import register_converter

from .converters import IdConverter

CONTENT_APPS = ("editions", "news")


class WhrcfConfig(AppConfig):
    """The project package as an app: site-wide template tags, converters, page cache,
    translation freshness."""

    name = "whrcf"

    def ready(self):
        register_converter(IdConverter, "id")
        # First, so that pages are invalidated after a save's translations are marked.
        self.keep_translation_sources()
        self.invalidate_pages_on_content_changes()

    def keep_translation_sources(self):
        from .freshness import forget_translation_sources, tracked_fields, update_translation_sources

        for app_label in CONTENT_APPS:
            for model in apps.get_app_config(app_label).get_models():
                if not tracked_fields(model):
                    continue
                label = model._meta.label
                post_save.connect(update_translation_sources, sender=model, dispatch_uid=f"sources-{label}-save")
                post_delete.connect(forget_translation_sources, sender=model, dispatch_uid=f"sources-{label}-del")

    def invalidate_pages_on_content_changes(self):
        from .page_cache import bump_content_version

        for app_label in CONTENT_APPS:
            for model in apps.get_app_config(app_label).get_models():
                post_save.connect(bump_content_version, sender=model, dispatch_uid=f"pages-{model._meta.label}-save")
                post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"pages-{model._meta.label}-del")
                for field in model._meta.local_many_to_many:
                    through = field.remote_field.through
                    m2m_changed.connect(
                        bump_content_version, sender=through, dispatch_uid=f"pages-{through._meta.label}"
                    )
