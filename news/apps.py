from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from common.apps import watch_content


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self):
        watch_content(self)
