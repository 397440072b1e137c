"""Pages as a crawler reads them, for assertions."""

import re
import xml.etree.ElementTree as ET

# A reader's browser: counted as a view (a request without a User-Agent is not).
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


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
