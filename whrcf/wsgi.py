"""The WSGI application, for gunicorn and for `manage.py runserver`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "whrcf.settings")

application = get_wsgi_application()

# Each server process writes the views it counted to the database as it goes (news/counting.py).
from news.counting import pending_views  # noqa: E402 (Django is set up only now)

pending_views.write_in_background()
