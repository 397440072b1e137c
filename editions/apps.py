from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from common.apps import watch_content


class EditionsConfig(AppConfig):
    name = "editions"
    verbose_name = _("Forum editions")

    def ready(self):
        watch_content(self)
