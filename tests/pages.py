"""Pages as a reader's browser or a crawler gets them, and what they show, for assertions."""

import html
import re
import xml.etree.ElementTree as ET

import extruct
from lxml import etree

# A reader's browser: counted as a view (a request without a User-Agent is not).
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
CARD_TITLE = re.compile(r'<h[23] class="card__title"(?: lang="\w+")?><a href="[^"]*">(.*?)</a></h[23]>')


def get(client, url, **extra):
    """`url` as a reader's browser asks for it."""
    return client.get(url, HTTP_USER_AGENT=BROWSER, **extra)


def article_url(post, language="ko"):
    return f"/{language}/news/{post.pk}/{post.slug}/" if post.slug else f"/{language}/news/{post.pk}/"


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
    """{location: {hreflang: href}} of every page of every section of /sitemap.xml, for the
    locations containing `containing`."""
    return {
        url.findtext(f"{SITEMAP}loc"): {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
        for section in sitemap_index(client)
        for url in sitemap_urls(client, section)
        if containing in url.findtext(f"{SITEMAP}loc")
    }


def sitemap_index(client):
    """The addresses (paths) of the section pages /sitemap.xml lists, once it has been
    checked to be a sitemap index as sitemaps.org defines it."""
    root = parse_sitemap_xml(client.get("/sitemap.xml"), "sitemapindex")
    assert all(child.tag == f"{SITEMAP}sitemap" for child in root)
    assert len(root) <= SITEMAP_MAX_ENTRIES
    return [relative(child.findtext(f"{SITEMAP}loc")) for child in root]


def sitemap_urls(client, address):
    """The <url> elements of one section page, once checked against the protocol: one
    absolute <loc> each, lastmod a W3C date, hreflang alternates with an href."""
    root = parse_sitemap_xml(client.get(address), "urlset")
    assert len(root) <= SITEMAP_MAX_ENTRIES
    for url in root:
        assert url.tag == f"{SITEMAP}url"
        assert [child.tag for child in url if child.tag.startswith(SITEMAP)] in URL_CHILDREN
        assert re.fullmatch(r"https?://[^\s]{1,2040}", url.findtext(f"{SITEMAP}loc"))
        lastmod = url.findtext(f"{SITEMAP}lastmod")
        assert lastmod is None or W3C_DATETIME.fullmatch(lastmod), lastmod
        for link in url.iter(f"{XHTML}link"):
            assert (link.get("rel"), bool(link.get("hreflang")), bool(link.get("href"))) == ("alternate", True, True)
    return list(root)


def parse_sitemap_xml(response, root_name):
    assert (response.status_code, response["Content-Type"]) == (200, "application/xml")
    root = etree.fromstring(response.content)
    assert root.tag == f"{SITEMAP}{root_name}"
    return root


def relative(url):
    return url.removeprefix("http://testserver")


# sitemaps.org: at most 50,000 entries in a sitemap or an index; a <url> holds its <loc>,
# then optionally <lastmod>, <changefreq>, <priority>, in that order.
SITEMAP_MAX_ENTRIES = 50_000
URL_CHILDREN = [
    [f"{SITEMAP}{name}" for name in names]
    for names in [["loc"], ["loc", "lastmod"], ["loc", "changefreq"], ["loc", "lastmod", "changefreq"]]
]
W3C_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z))?")


def srcset_of(response):
    """[(url, width)] of the page's first WebP <source>, and its sizes."""
    found = re.search(r'<source type="image/webp" srcset="([^"]*)" sizes="([^"]*)">', response.content.decode())
    candidates = [candidate.rsplit(" ", 1) for candidate in found.group(1).split(", ")]
    return [(url, int(width.removesuffix("w"))) for url, width in candidates], found.group(2)
