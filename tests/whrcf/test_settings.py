"""The production settings (whrcf/settings.py): every difference an environment variable, and
what they make the site do."""

import os
import secrets

import pytest
from pytest_django.asserts import assertContains

from tests.factories import make_staff

pytestmark = pytest.mark.django_db


def production_environment(**overrides):
    return (
        os.environ
        | {
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "news.whrcf.org",
            "DJANGO_CSRF_TRUSTED_ORIGINS": "https://news.whrcf.org",
        }
        | overrides
    )


def test_check_deploy_is_clean_with_the_production_environment(manage):
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=production_environment())

    assert (result.returncode, result.stdout.strip()) == (0, "System check identified no issues (0 silenced).")


def test_production_refuses_to_start_without_a_secret_key(manage):
    result = manage("check", env=production_environment(DJANGO_SECRET_KEY=""))

    assert result.returncode == 1
    assert "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off." in result.stderr


def test_debug_refuses_public_hosts(manage):
    result = manage("check", env=production_environment(DJANGO_DEBUG="1"))

    assert result.returncode == 1
    assert "DJANGO_DEBUG must be off when DJANGO_ALLOWED_HOSTS names public hosts." in result.stderr


def test_html_responses_carry_the_security_headers(client):
    response = client.get("/ko/")

    assert sorted(response["Content-Security-Policy"].split("; ")) == [
        "base-uri 'self'",
        "connect-src 'self'",
        "default-src 'self'",
        "font-src 'self' data:",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "img-src 'self' data:",
        "object-src 'none'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
    ]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Permissions-Policy"] == (
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
    )


def test_unknown_host_is_a_bad_request(client):
    response = client.get("/ko/", HTTP_HOST="evil.example")

    assert response.status_code == 400


def test_huge_form_post_is_refused(client):
    response = client.post("/admin/login/", {"username": "x" * (6 * 1024 * 1024), "password": "y"})

    # Refused from its Content-Length, before Django reads it (whrcf/middleware.py).
    assert response.status_code == 413


def login(client, username, password, address="198.51.100.7", **headers):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE="en",
        **headers,
    )


def through_nginx(client, username, password, client_address, forged=None):
    """A login through one nginx, which appends the address it saw to what the client sent."""
    forwarded_for = f"{forged}, {client_address}" if forged else client_address
    return login(client, username, password, address="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded_for)


def test_admin_login_locks_out_after_five_failures(client):
    make_staff(username="editor", password="the-right-password-123")
    failures = [login(client, "editor", f"wrong-{number}").status_code for number in range(5)]

    locked = login(client, "editor", "the-right-password-123")

    assert failures == [200, 200, 200, 200, 429]
    assert locked.status_code == 429
    assertContains(locked, "Too many failed logins", status_code=429)


def test_admin_lockout_is_per_address_and_user(client):
    make_staff(username="editor", password="the-right-password-123")
    for number in range(5):
        login(client, "editor", f"wrong-{number}")

    elsewhere = login(client, "editor", "the-right-password-123", address="203.0.113.9")

    assert (elsewhere.status_code, elsewhere["Location"]) == (302, "/admin/")


def test_forged_forwarded_addresses_do_not_escape_the_lockout_behind_nginx(client, settings):
    settings.PROXY_COUNT = 1
    make_staff(username="editor", password="the-right-password-123")

    statuses = [
        through_nginx(client, "editor", f"wrong-{number}", "198.51.100.7", forged=f"203.0.113.{number}").status_code
        for number in range(6)
    ]

    assert statuses == [200, 200, 200, 200, 429, 429]


def test_others_failures_behind_nginx_do_not_lock_an_honest_client_out(client, settings):
    settings.PROXY_COUNT = 1
    make_staff(username="editor", password="the-right-password-123")
    for number in range(5):
        through_nginx(client, "editor", f"wrong-{number}", "198.51.100.7")

    honest = through_nginx(client, "editor", "the-right-password-123", "203.0.113.9")

    assert (honest.status_code, honest["Location"]) == (302, "/admin/")


def test_production_default_is_one_proxy_and_development_none(manage):
    show = ("shell", "--no-imports", "-c", "from django.conf import settings; print(settings.PROXY_COUNT)")

    production = manage(*show, env=production_environment()).stdout.strip()
    development = manage(*show, env={"DJANGO_DEBUG": "1"}).stdout.strip()

    assert (production, development) == ("1", "0")


def test_uploads_go_to_an_s3_bucket_when_one_is_named(manage):
    env = production_environment(
        DJANGO_MEDIA_S3_BUCKET="whrcf-media",
        DJANGO_MEDIA_S3_ENDPOINT_URL="https://s3.example.org",
        DJANGO_MEDIA_S3_CUSTOM_DOMAIN="media.whrcf.org",
    )
    show_storage = (
        'from django.core.files.storage import storages; s = storages["default"]; '
        "print(type(s).__name__, s.bucket_name, s.endpoint_url, s.url('covers/a.jpg'))"
    )

    result = manage("shell", "--no-imports", "--command", show_storage, env=env)
    deploy_check = manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.stdout.split() == [
        "S3Storage",
        "whrcf-media",
        "https://s3.example.org",
        "https://media.whrcf.org/covers/a.jpg",
    ], result.stderr
    assert deploy_check.returncode == 0, deploy_check.stderr


def test_uploads_stay_on_local_disk_without_a_bucket(manage):
    show_storage = 'from django.core.files.storage import storages; s = storages["default"]; print(type(s).__name__)'

    result = manage("shell", "--no-imports", "--command", show_storage, env=production_environment())

    assert result.stdout.strip() == "FileSystemStorage", result.stderr
