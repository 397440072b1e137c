from django.apps import AppConfig, apps
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.urls import register_converter

from .converters import IdConverter


class WhrcfConfig(AppConfig):
    """The project package as an app: site-wide template tags, converters, page cache."""

    name = "whrcf"

    def ready(self):
        register_converter(IdConverter, "id")
        self.invalidate_pages_on_content_changes()

    def invalidate_pages_on_content_changes(self):
        from .page_cache import bump_content_version

        for app_label in ("editions", "news"):
            for model in apps.get_app_config(app_label).get_models():
                post_save.connect(bump_content_version, sender=model, dispatch_uid=f"pages-{model._meta.label}-save")
                post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"pages-{model._meta.label}-del")
                for field in model._meta.local_many_to_many:
                    through = field.remote_field.through
                    m2m_changed.connect(
                        bump_content_version, sender=through, dispatch_uid=f"pages-{through._meta.label}"
                    )
