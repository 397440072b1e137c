"""
Demo data for a fresh install: the 7th–14th forums with partners, sessions and news in Korean and English.

The words are in demo/content/*.toml; this command adds what those files leave to code: Seoul time, the
links between rows, and generated logos, covers and PDFs. Rerunning it changes nothing: rows are matched on
natural keys and updated in place, and generated images and files are only written when missing.
"""

import io
import os
import random
import re
import secrets
import tomllib
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from editions.models import (
    Declaration,
    DeclarationParagraph,
    Edition,
    EditionPartner,
    Organization,
    Person,
    Session,
    Speaker,
)
from legacy.models import LegacyURL
from news.models import Attachment, Category, Post
from search.indexing import rebuild as rebuild_search_index

CONTENT = Path(__file__).resolve().parents[2] / "content"
SEOUL = ZoneInfo("Asia/Seoul")

# Facts the sources do not give are left out of editions.toml and stay empty rather than guessed.
EDITION_FIGURES = dict.fromkeys(["participants", "cities", "countries", "program_count"])

# Spelled out so that a rerun resets them too; a post without English leaves these empty.
POST_DEFAULTS = {
    "status": Post.Status.PUBLISHED,
    "pinned": False,
    "title_en": "",
    "summary_en": "",
    "body_en": "",
    "sessions": [],
    "organizations": [],
}
SCHEDULED_AHEAD = timedelta(days=30)


def content(name):
    """The data of demo/content/<name>.toml."""
    with (CONTENT / f"{name}.toml").open("rb") as file:
        return tomllib.load(file)


def load_person(fields):
    """The person of this Korean name, described as `fields` say: a person speaking in
    several sessions is one row."""
    person, _ = Person.objects.update_or_create(name_ko=fields["name_ko"], defaults=fields)
    return person


def in_seoul(value):
    """A TOML local datetime as an aware datetime in Seoul, where every forum takes place."""
    return value.replace(tzinfo=SEOUL)


def html(text):
    """Undo the line wrapping of posts.toml: one line per block element, no stray spaces around them."""
    blocks = "p|h2|h3|ul|ol|li|blockquote"
    text = re.sub(rf" ?(</?(?:{blocks})>) ?", r"\1", " ".join(text.split()))
    return re.sub(rf"(?<!^)(<(?:{blocks})>|</(?:ul|ol)>)", r"\n\1", text)


# Generated images and files -----------------------------------------------------------------------------

# Logos are shown at most 240×120 (organization pages): drawn at twice that, for sharp screens.
LOGO_SIZE = (480, 240)
COVER_SIZE = (1200, 675)
# Cover gradients, one pair per edition, so that a year's covers belong together in a list.
COVER_COLOURS = {
    7: ("#1b3a6b", "#2f8f9d"),
    8: ("#3b2c74", "#c0587e"),
    9: ("#123c5a", "#3fa37a"),
    10: ("#0e2f5a", "#1f8fbf"),
    11: ("#402060", "#e07a3f"),
    12: ("#0f4c3a", "#78b04b"),
    13: ("#5a1f2e", "#e0a43f"),
    14: ("#13315c", "#d1495b"),
}


def logo_image(label, colour):
    """A stand-in logo: the label in white on a rounded rectangle of the organization's colour."""
    width, height = LOGO_SIZE
    image = Image.new("RGBA", LOGO_SIZE, (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, width - 1, height - 1), radius=48, fill=colour)
    size = 88
    while ImageFont.load_default(size=size).getlength(label) > width - 80:
        size -= 4
    draw.text((width / 2, height / 2), label, font=ImageFont.load_default(size=size), fill="white", anchor="mm")
    return image_file(image, "PNG")


def cover_image(edition, seed):
    """The edition's gradient, a few translucent circles placed by `seed` (the same on every install) and the year."""
    width, height = COVER_SIZE
    start, end = COVER_COLOURS[edition.number]
    # White at the left edge, so the darker start colour sits behind the text.
    mask = Image.linear_gradient("L").rotate(-90).resize(COVER_SIZE)
    image = Image.composite(Image.new("RGB", COVER_SIZE, start), Image.new("RGB", COVER_SIZE, end), mask)
    circles = Image.new("RGBA", COVER_SIZE, (0, 0, 0, 0))
    draw = ImageDraw.Draw(circles)
    rng = random.Random(seed)
    for _ in range(4):
        x, y, radius = rng.randrange(width), rng.randrange(height), rng.randrange(80, 280)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(255, 255, 255, 36))
    image = Image.alpha_composite(image.convert("RGBA"), circles).convert("RGB")
    draw = ImageDraw.Draw(image)
    draw.text((80, 110), "WHRCF", font=ImageFont.load_default(size=44), fill="white", anchor="ls")
    draw.text((72, height - 72), str(edition.year), font=ImageFont.load_default(size=220), fill="white", anchor="ls")
    return image_file(image, "JPEG", quality=85)


def cover_alt(year):
    return {
        "cover_alt_ko": f"‘{year}’ 숫자와 반투명한 원을 얹은 그라데이션 표지 그림",
        "cover_alt_en": f"Cover graphic: the year {year} in large digits over a colour gradient with soft circles",
    }


def image_file(image, image_format, **options):
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    return ContentFile(buffer.getvalue())


def pdf_file(lines):
    """A valid one-page PDF showing `lines` (ASCII) in Helvetica: small, and opens in any viewer."""
    lines = [*lines, "Placeholder generated by the load_demo command for the demo site."]
    escaped = [line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for line in lines]
    stream = "BT /F1 16 Tf 22 TL 72 780 Td " + " ".join(f"({line}) '" for line in escaped) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        "/Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += f"{number} 0 obj\n{body}\nendobj\n".encode("ascii")
    xref = len(pdf)
    pdf += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("ascii")
    pdf += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode("ascii")
    pdf += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode("ascii")
    return ContentFile(bytes(pdf))


# The command ------------------------------------------------------------------------------------------------


class Command(BaseCommand):
    help = "Load demo editions, partners, sessions and news in Korean and English. Safe to run again."

    @transaction.atomic
    def handle(self, *args, **options):
        organizations = self.load_organizations(content("organizations"))
        editions = self.load_editions(content("editions"), organizations)
        sessions = self.load_sessions(content("sessions"), editions, organizations)
        post_content = content("posts")
        categories = self.load_categories(post_content)
        posts = self.load_posts(post_content, categories, editions, sessions, organizations)
        self.load_attachments(post_content, posts)
        self.load_declarations(content("declarations"), editions)
        self.load_legacy_urls(content("legacy_urls"), posts, editions)
        # A first revision of each object without one, so its history can be compared
        # and reverted from the start (django-reversion; a rerun adds none).
        call_command("createinitialrevisions", verbosity=0)
        self.ensure_staff_login()
        # Each save indexed its object already; one pass over everything leaves the index
        # exactly as `rebuild_search_index` would, whatever the order of the saves.
        rebuild_search_index()
        self.stdout.write(
            f"Demo data: {len(editions)} editions, {len(organizations)} organizations, "
            f"{len(sessions)} sessions, {len(posts)} posts."
        )

    def load_organizations(self, data):
        organizations = {}
        for item in data["organizations"]:
            fields = dict(item)
            slug = fields.pop("slug")
            logo = fields.pop("logo")
            fields.update(logo_alt_ko=f"{fields['name_ko']} 로고", logo_alt_en=f"{fields['name_en']} logo")
            organization, _ = Organization.objects.update_or_create(slug=slug, defaults=fields)
            if not organization.logo:
                organization.logo.save(f"{slug}.png", logo_image(logo["label"], logo["colour"]))
            organizations[slug] = organization
        return organizations

    def load_editions(self, data, organizations):
        editions = {}
        for item in data["editions"]:
            fields = {**EDITION_FIGURES, **data["defaults"], **item}
            number = fields.pop("number")
            fields.update({key.replace("cover", "poster"): text for key, text in cover_alt(fields["year"]).items()})
            editions[number], _ = Edition.objects.update_or_create(number=number, defaults=fields)
            if not editions[number].poster:
                editions[number].poster.save(
                    f"forum-{number}.jpg", cover_image(editions[number], seed=f"forum-{number}")
                )
        for number, edition in editions.items():
            partners = [
                partner
                for partner in data["partners"]
                if partner["first_edition"] <= number <= partner["last_edition"]
            ]
            for order, partner in enumerate(partners, start=1):
                EditionPartner.objects.update_or_create(
                    edition=edition,
                    organization=organizations[partner["organization"]],
                    role=partner["role"],
                    defaults={"order": order},
                )
        return editions

    def load_sessions(self, data, editions, organizations):
        sessions = {}
        for item in data["sessions"]:
            fields = dict(item)
            ref = fields.pop("ref")
            edition = editions[fields.pop("edition")]
            organizer_slugs = fields.pop("organizers")
            speakers = fields.pop("speakers")
            fields.update(data["tracks"][fields.pop("track")])
            fields.update(data["rooms"][fields.pop("room")])
            fields["ends_at"] = in_seoul(fields["ends_at"])
            # One room holds one session at a time, while parallel sessions share a start time.
            session, _ = Session.objects.update_or_create(
                edition=edition,
                starts_at=in_seoul(fields.pop("starts_at")),
                room_ko=fields.pop("room_ko"),
                defaults=fields,
            )
            session.organizers.set([organizations[slug] for slug in organizer_slugs])
            for order, speaker in enumerate(speakers, start=1):
                # A recurring person is named by key and described once, in the people table.
                details = {key: value for key, value in speaker.items() if key not in ("person", "role")}
                person = load_person({**data["people"].get(speaker.get("person"), {}), **details})
                Speaker.objects.update_or_create(
                    session=session, order=order, defaults={"person": person, "role": speaker["role"]}
                )
            sessions[ref] = session
        return sessions

    def load_categories(self, data):
        categories = {}
        for item in data["categories"]:
            fields = dict(item)
            slug = fields.pop("slug")
            categories[slug], _ = Category.objects.update_or_create(slug=slug, defaults=fields)
        return categories

    def load_posts(self, data, categories, editions, sessions, organizations):
        posts = {}
        for item in data["posts"]:
            fields = {**POST_DEFAULTS, **item}
            slug = fields.pop("slug")
            session_refs = fields.pop("sessions")
            organization_slugs = fields.pop("organizations")
            edition = editions[fields.pop("edition")]
            fields.update(category=categories[fields["category"]], edition=edition, **cover_alt(edition.year))
            fields.update(body_ko=html(fields["body_ko"]), body_en=html(fields["body_en"]))
            if not fields["title_en"]:  # a Korean-only post has no English text at all, alt text included
                fields["cover_alt_en"] = ""
            create_defaults = None
            if "published_at" in fields:
                fields["published_at"] = in_seoul(fields["published_at"])
            else:
                # Scheduled relative to the first load, then left alone so that reruns change nothing.
                create_defaults = {**fields, "published_at": timezone.now() + SCHEDULED_AHEAD}
            post, _ = Post.objects.update_or_create(slug=slug, defaults=fields, create_defaults=create_defaults)
            post.sessions.set([sessions[ref] for ref in session_refs])
            post.organizations.set([organizations[org_slug] for org_slug in organization_slugs])
            if not post.cover:
                post.cover.save(f"{slug}.jpg", cover_image(edition, seed=slug))
            posts[slug] = post
        return posts

    def load_declarations(self, data, editions):
        for item in data["declarations"]:
            edition = editions[item["edition"]]
            declaration, _ = Declaration.objects.update_or_create(
                edition=edition,
                defaults={
                    "title_ko": item["title_ko"],
                    "title_en": item["title_en"],
                    "adopted_on": edition.ends_on,
                    "is_published": True,
                },
            )
            for number, paragraph in enumerate(item["paragraphs"], start=1):
                DeclarationParagraph.objects.update_or_create(
                    declaration=declaration, number=number, defaults={"order": number, **paragraph}
                )
            if not declaration.pdf:
                declaration.pdf.save(item["file_name"], pdf_file(item["text"]))

    def load_attachments(self, data, posts):
        for item in data["attachments"]:
            attachment, _ = Attachment.objects.update_or_create(
                post=posts[item["post"]],
                order=item["order"],
                defaults={"title_ko": item["title_ko"], "title_en": item["title_en"]},
            )
            if not attachment.file:
                attachment.file.save(item["file_name"], pdf_file(item["text"]))

    def load_legacy_urls(self, data, posts, editions):
        for item in data["legacy_urls"]:
            LegacyURL.objects.update_or_create(
                old_path=item["old_path"],
                old_query=item["old_query"],
                defaults={
                    "language": item["language"],
                    "status": LegacyURL.Status.GONE if item.get("gone") else LegacyURL.Status.MOVED,
                    "post": posts.get(item.get("post")),
                    "edition": editions.get(item.get("edition")),
                    "target_url": item.get("target_url", ""),
                },
            )

    def ensure_staff_login(self):
        user_model = get_user_model()
        username = os.environ.get("DEMO_ADMIN_USERNAME", "admin")
        if user_model.objects.filter(username=username).exists():
            self.stdout.write(f"Demo staff login {username} already exists; its password is unchanged.")
            return
        password = os.environ.get("DEMO_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        user_model.objects.create_superuser(username=username, email="", password=password)
        # Printed once, at creation: the password is stored only as a hash.
        admin_url = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}/admin/"
        self.stdout.write(f"Demo staff login: {username} / {password} ({admin_url})")
