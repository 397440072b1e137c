import re
from html import unescape

import nh3


def html_to_text(html):
    """What a reader reads of `html`: no tags, entities decoded, blocks kept apart by spaces."""
    spaced = re.sub(r"<(?:/p|br|/h[1-6]|/li|/td|/th|/figcaption|/blockquote)\b[^>]*>", " ", html or "")
    return " ".join(unescape(nh3.clean(spaced, tags=set())).split())
