"""RSS 2.0 and Atom feeds of the forums' declarations, per language."""

import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .models import Declaration


class LatestDeclarationsFeed(Feed):
    def title(self):
        return _("Declarations · World Human Rights Cities Forum")

    def link(self):
        return reverse("editions:declaration_list")

    def description(self):
        return _("The declarations adopted at the close of each World Human Rights Cities Forum.")

    def items(self):
        # A feed lists only what it can show in its language.
        return Declaration.objects.published().written_in(get_language()).select_related("edition")

    def item_title(self, declaration):
        return declaration.title

    def item_description(self, declaration):
        return _("Adopted at the close of the %(edition)s.") % {"edition": declaration.edition.name}

    def item_pubdate(self, declaration):
        return timezone.make_aware(datetime.datetime.combine(declaration.adopted_on, datetime.time.min))

    def item_updateddate(self, declaration):
        return declaration.updated_at


class LatestDeclarationsAtomFeed(LatestDeclarationsFeed):
    feed_type = Atom1Feed
    subtitle = LatestDeclarationsFeed.description
