"""Pages as a crawler reads them, for assertions."""

import xml.etree.ElementTree as ET

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
