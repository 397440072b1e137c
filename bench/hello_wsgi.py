"""The floor of `make bench`: the project's own settings and middleware, one view that
returns a few bytes. What the framework costs before our pages do anything."""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "whrcf.settings")
settings.ROOT_URLCONF = "bench.hello_urls"
application = get_wsgi_application()
