from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Site-wide search in Korean and English: an index of analysed terms
    (common/analysis.py) kept current as content changes (search/indexing.py)."""

    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from .indexing import keep_index_current

        keep_index_current()
