"""A forum's structured data (editions/structured_data.py)."""

import datetime

import pytest

from tests.factories import make_edition
from tests.pages import json_ld

pytestmark = pytest.mark.django_db


def test_edition_page_carries_event_structured_data(client):
    make_edition(
        number=11,
        year=2021,
        theme_en="Human Rights in Times of Challenge",
        starts_on=datetime.date(2021, 10, 6),
        ends_on=datetime.date(2021, 10, 10),
        format="hybrid",
    )

    data = json_ld(client.get("/en/forums/11/"))

    assert data["@type"] == "Event"
    assert data["name"] == "11th World Human Rights Cities Forum: Human Rights in Times of Challenge"
    assert (data["startDate"], data["endDate"]) == ("2021-10-06", "2021-10-10")
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["location"][0] == {
        "@type": "Place",
        "name": "Kim Dae-jung Convention Center",
        "address": "Gwangju, Republic of Korea",
    }
    assert data["organizer"]["name"] == "World Human Rights Cities Forum"
    assert data["url"] == "http://testserver/en/forums/11/"
