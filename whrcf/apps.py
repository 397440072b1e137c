from django.apps import AppConfig
from django.urls import register_converter

from .converters import IdConverter


class WhrcfConfig(AppConfig):
    """The project package as an app: site-wide templates tags, converters and views."""

    name = "whrcf"

    def ready(self):
        register_converter(IdConverter, "id")
