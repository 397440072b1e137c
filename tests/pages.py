"""Pages as a reader's browser or a crawler gets them, and what they show, for assertions."""

import html
import re
import xml.etree.ElementTree as ET

import extruct

# A reader's browser: counted as a view (a request without a User-Agent is not).
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
CARD_TITLE = re.compile(r'<h[23] class="card__title"(?: lang="\w+")?><a href="[^"]*">(.*?)</a></h[23]>')


def get(client, url, **extra):
    """`url` as a reader's browser asks for it."""
    return client.get(url, HTTP_USER_AGENT=BROWSER, **extra)


def article_url(post, language="ko"):
    return f"/{language}/news/{post.pk}/{post.slug}/"


def card_titles(response):
    """The titles of the post cards, in page order, as the reader sees them."""
    return titles_of_cards(response.content.decode())


def section(response, heading_id):
    """The HTML of the page's <section> labelled by `heading_id`."""
    content = response.content.decode()
    start = content.index(f'<section aria-labelledby="{heading_id}">')
    return content[start : content.index("</section>", start)]


def section_titles(response, heading_id):
    """The card titles in the <section> labelled by `heading_id`, in page order."""
    return titles_of_cards(section(response, heading_id))


def titles_of_cards(markup):
    return [html.unescape(re.sub(r"</?mark>", "", title)) for title in CARD_TITLE.findall(markup)]


def paragraph_ids(response):
    """The anchors of a declaration's paragraphs, in page order."""
    return re.findall(r'<p class="paragraph" id="(p\d+)"', response.content.decode())


def messages_of(response):
    """The messages the admin shows on the page."""
    return [str(message) for message in response.context["messages"]]


def json_ld(response):
    """The page's structured data (its one JSON-LD item), as a crawler's parser reads it."""
    [data] = extruct.extract(response.content.decode(), syntaxes=["json-ld"])["json-ld"]
    return data


def open_graph(response):
    """The page's Open Graph properties, as a crawler's parser reads them."""
    [data] = extruct.extract(response.content.decode(), syntaxes=["opengraph"], uniform=True)["opengraph"]
    del data["@context"]
    return data


def canonical_url(response):
    return re.search(r'<link rel="canonical" href="([^"]*)">', response.content.decode()).group(1)


def rss_items(response, fields=("title", "link")):
    """The channel of an RSS feed, and the `fields` of each of its items, in feed order."""
    channel = ET.fromstring(response.content).find("channel")
    return channel, [tuple(item.findtext(field) for field in fields) for item in channel.iter("item")]


def sitemap_entries(client, containing=""):
    """{location: {hreflang: href}} of /sitemap.xml, for the locations containing `containing`."""
    root = ET.fromstring(client.get("/sitemap.xml").content)
    return {
        url.find(f"{SITEMAP}loc").text: {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
        for url in root.iter(f"{SITEMAP}url")
        if containing in url.find(f"{SITEMAP}loc").text
    }


def srcset_of(response):
    """[(url, width)] of the page's first WebP <source>, and its sizes."""
    found = re.search(r'<source type="image/webp" srcset="([^"]*)" sizes="([^"]*)">', response.content.decode())
    candidates = [candidate.rsplit(" ", 1) for candidate in found.group(1).split(", ")]
    return [(url, int(width.removesuffix("w"))) for url, width in candidates], found.group(2)
