"""deploy/nginx.conf agrees with the settings it stands in front of (`make check-nginx` runs it)."""

import re

from django.conf import settings

NGINX_CONF = (settings.BASE_DIR / "deploy" / "nginx.conf").read_text()
MEGABYTE = 1024 * 1024


def test_nginx_body_limit_lets_the_largest_upload_through_and_little_more():
    limit = int(re.search(r"^\s*client_max_body_size (\d+)m;", NGINX_CONF, re.MULTILINE)[1]) * MEGABYTE

    headroom = limit - max(settings.ATTACHMENT_UPLOAD_MAX_BYTES, settings.IMAGE_UPLOAD_MAX_BYTES)

    assert headroom == 2 * MEGABYTE


def test_nginx_refuses_every_protected_media_folder():
    refused = re.findall(r"location /media/(\S+) \{ return 404; \}", NGINX_CONF)

    assert refused == settings.PROTECTED_MEDIA_PREFIXES


def test_nginx_sends_access_checked_files_only_from_an_internal_location():
    block = re.search(r"location /protected-media/ \{\n(.*?)\n    \}", NGINX_CONF, re.DOTALL)[1]

    assert [line.strip() for line in block.strip().splitlines()][:2] == ["internal;", "alias ${WHRCF_MEDIA_ROOT}/;"]
