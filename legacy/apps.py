from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegacyConfig(AppConfig):
    """The old site (gnuboard5): its import, and its addresses that must keep working."""

    name = "legacy"
    verbose_name = _("Old site")
