"""
Parts of a page rendered once and kept in the cache until what they show changes: what a
page renders again for each request when the page itself is not served from the cache
(DJANGO_PAGE_CACHE=0, staff, a page cache miss), at the cost of two cache reads instead of
its queries (issue 24).

- A fragment is named in its template (`{% fragment "article" %}…{% endfragment %}`, from
  the `fragments` library) and kept under its name, the language and what the view says
  it is of (an object's token), with the *versions* (common/page_cache.py) of every object
  it shows: those the view names (objects it loaded before), those loaded while the
  fragment rendered (recorded as pages record them), and the site. It is served while
  each of them still has that version, so an edit shows on the next render, and it is
  kept no longer than a page (until the next scheduled post is due: a scheduled post
  changes neighbours' links without any save).
- The view reads the page's fragments (`Fragments.read()`) in one round trip with the
  versions it knows of, then, only for the other objects they showed (neighbours,
  sessions…), those versions in a second one.
- A fragment rendered from `started_at` (the counter then) is not kept if something it
  showed got a newer version since: it may have shown the old text.
- A fragment served from the cache makes the page being recorded depend on what it
  showed (`depends_on`), as if it had loaded those objects itself.
- A view gives no `fragments` to pages that must never be kept (a staff's preview of
  draft changes): the template renders them in full.
"""

from django.core.cache import cache
from django.utils.translation import get_language

from . import page_cache
from .page_cache import (
    CLOCK_KEY,
    SITE,
    checked_clock,
    depends_on,
    now_in_microseconds,
    object_token,
    recording_dependencies,
    seconds_until_next_scheduled_post,
    version_key,
)


def fragment_key(name, of):
    return f"fragment:{name}:{get_language()}:{of}"


def read_versions(tokens, keys=()):
    """(the counter, {token: version}, {key: entry}): the versions of `tokens` and the
    entries under `keys`, in one round trip. The counter is None when the cache has none
    (Redis unavailable or emptied)."""
    found = cache.get_many([CLOCK_KEY, *map(version_key, tokens), *keys])
    versions = {token: found.get(version_key(token), 0) for token in tokens}
    return found.get(CLOCK_KEY), versions, {key: found[key] for key in keys if key in found}


class Fragments:
    """The fragments of one page: those found in the cache, still current, and how to keep
    the others once rendered."""

    def __init__(self, of, tokens, started_at, found):
        self.of = of
        self.tokens = {name: set(shown) for name, shown in tokens.items()}
        self.started_at = started_at
        self.found = found

    @classmethod
    def read(cls, names, of, tokens=None):
        """The fragments `names` of the object `of` (a token) that are current. `tokens`
        ({name: tokens}) are what each shows beyond the objects it loads (the objects the
        view loaded before), whose versions are read beside them."""
        tokens = tokens or {}
        known = {SITE, *(token for shown in tokens.values() for token in shown)}
        keys = {name: fragment_key(name, of) for name in names}
        clock, versions, entries = read_versions(known, keys.values())
        if clock is None:
            # Redis is unavailable or was emptied: nothing to serve; the counter starts
            # again (as next_version() starts it), so that fragments are kept again.
            cache.add(CLOCK_KEY, max(now_in_microseconds(), page_cache.newest_version_seen), timeout=None)
            return cls(of, tokens, None, {})
        if clock < page_cache.newest_version_seen:
            # Redis came back from an old snapshot, with the fragments of that time.
            return cls(of, tokens, checked_clock(clock), {})
        started_at = checked_clock(clock)
        entries = {name: entries[key] for name, key in keys.items() if key in entries}
        others = {token for shown, _html in entries.values() for token in shown} - known
        if others:
            clock, more, _ = read_versions(others)
            if clock is None:
                return cls(of, tokens, None, {})
            versions |= more
        found = {
            name: (shown, html)
            for name, (shown, html) in entries.items()
            if all(versions.get(token) == version for token, version in shown.items())
        }
        return cls(of, tokens, started_at, found)

    def shows(self, name, *tokens):
        """The fragment `name` shows these objects too, which the view loaded before."""
        self.tokens.setdefault(name, set()).update(tokens)

    def render(self, name, render):
        """The fragment `name` from the cache, or as `render()` renders it now, kept."""
        if name in self.found:
            shown, html = self.found[name]
            depends_on(*shown)
            return html
        with recording_dependencies(lists=()) as shown:
            html = render()
        shown.update(self.tokens.get(name, ()))
        depends_on(*shown)
        self.keep(name, shown, html)
        return html

    def keep(self, name, shown, html):
        keep(fragment_key(name, self.of), shown, html, self.started_at)


def keep(key, shown, html, started_at):
    """Keep a fragment rendered from `started_at` that showed `shown`, unless one of them
    changed since (or the cache had no counter when it started: None)."""
    if started_at is None:
        return
    clock, versions, _ = read_versions(shown)
    if clock is None or max(versions.values()) > started_at:
        return
    cache.set(key, (versions, html), timeout=seconds_until_next_scheduled_post())


def render_each(name, objects, render, shows=lambda obj: ()):
    """The fragment `name` of each of `objects` (a card of each post of a list), joined:
    those current in the cache read in one round trip (two when they showed more than
    the objects and `shows(obj)`), the others rendered by `render(obj)` and kept."""
    objects = list(objects)
    own = [object_token(type(obj), obj.pk) for obj in objects]
    tokens = [{token, *shows(obj)} for token, obj in zip(own, objects, strict=True)]
    keys = [fragment_key(name, token) for token in own]
    known = {SITE}.union(*tokens)
    clock, versions, entries = read_versions(known, keys)
    started_at = None if clock is None or clock < page_cache.newest_version_seen else checked_clock(clock)
    others = {token for shown, _html in entries.values() for token in shown} - known
    if started_at is not None and others:
        _clock, more, _ = read_versions(others)
        versions |= more
    parts = []
    for obj, key, needed in zip(objects, keys, tokens, strict=True):
        found = entries.get(key) if started_at is not None else None
        if found is not None and all(versions.get(token) == version for token, version in found[0].items()):
            shown, html = found
        else:
            with recording_dependencies(lists=()) as shown:
                html = render(obj)
            shown.update(needed)
            keep(key, shown, html, started_at)
        depends_on(*shown)
        parts.append(html)
    return "".join(parts)
