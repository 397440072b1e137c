from django.db import connection, models
from django.db.models import BooleanField, Case, F, Func, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TermsMatch(Func):
    """On PostgreSQL, whether a column of space-separated terms satisfies a tsquery,
    tested on the column's tsvector kept beside it ("terms" → "terms_vector", generated
    by PostgreSQL and indexed: migration 0002). The terms are analysed already
    (common/analysis.py): no text search configuration parses them again."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, column, tsquery):
        super().__init__(F(column))
        self.tsquery = tsquery

    def as_sql(self, compiler, connection, **extra_context):
        column = self.source_expressions[0]
        table = compiler.quote_name_unless_alias(column.alias)
        vector = connection.ops.quote_name(f"{column.target.column}_vector")
        return f"{table}.{vector} @@ %s::tsquery", (self.tsquery,)


def tsquery(requirements):
    """`requirements` (common.analysis.query_requirements) as tsquery text."""

    def lexeme(term):
        return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"

    def alternative(terms):
        return "(" + " & ".join(lexeme(term) for term in terms) + ")"

    return " & ".join(
        "(" + " | ".join(alternative(terms) for terms in alternatives) + ")" for alternatives in requirements
    )


def holding(column, requirements):
    """A condition: `column` holds every requirement (common.analysis.query_requirements);
    on PostgreSQL the expression its GIN index serves."""
    if connection.vendor == "postgresql":
        return Q(TermsMatch(column, tsquery(requirements)))
    condition = Q()
    for alternatives in requirements:
        condition &= contains_terms(column, alternatives)
    return condition


def contains_terms(column, alternatives):
    """A condition: `column` (" term term … ") holds all terms of one of the alternatives."""
    condition = Q()
    for terms in alternatives:
        all_terms = Q()
        for term in terms:
            all_terms &= Q(**{f"{column}__contains": f" {term} "})
        condition |= all_terms
    return condition


NEWEST_FIRST = [F("date").desc(nulls_last=True), F("id").desc()]


class SearchEntryQuerySet(models.QuerySet):
    def public(self):
        """Entries readers may find: public, for scheduled posts their time has come, and
        for posts with an unpublish time it has not come yet."""
        now = timezone.now()
        return self.filter(
            Q(public_from__isnull=True) | Q(public_from__lte=now),
            Q(public_until__isnull=True) | Q(public_until__gt=now),
            is_public=True,
        )

    def matching(self, requirements, phrases=(), column="terms"):
        """Entries holding every requirement (common.analysis.query_requirements) in
        `column` (all their terms, or "title_terms": in their titles) and every phrase
        (lower-case, single spaces) word for word."""
        entries = self.filter(holding(column, requirements))
        for phrase in phrases:
            entries = entries.filter(text__contains=phrase)
        return entries

    def ranked(self, requirements):
        """Entries with the searched words in their titles first (the more the better),
        then in their summaries, then the newest."""

        def hits(column):
            return sum(
                (
                    Case(When(contains_terms(column, alternatives), then=Value(1)), default=Value(0))
                    for alternatives in requirements
                ),
                Value(0),
            )

        return self.annotate(title_hits=hits("title_terms"), lead_hits=hits("lead_terms")).order_by(
            "-title_hits", "-lead_hits", *NEWEST_FIRST
        )

    def newest_first(self):
        """In the order of the index on kind and date (migration 0002, PostgreSQL): a page
        of them reads only its rows."""
        return self.order_by(*NEWEST_FIRST)

    def count_up_to(self, bound):
        """How many there are, counting no further than `bound` + 1: (count, whether
        there are more than `bound`). The count reads at most bound + 1 rows."""
        count = self.order_by()[: bound + 1].count()
        return min(count, bound), count > bound


class SearchEntry(models.Model):
    """One searchable object (a post, a session, an organization, a declaration) as
    search terms in both languages (common/analysis.py), kept current by
    search/indexing.py. Title and summary terms are kept apart too, for the ranking."""

    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        SESSION = "session", _("Sessions")
        ORGANIZATION = "organization", _("Organizations")
        DECLARATION = "declaration", _("Declarations")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    object_id = models.PositiveIntegerField(_("object id"))
    # Terms are stored space-separated with a space before and after: " 광주 인권 ".
    title_terms = models.TextField(_("title terms"), blank=True)
    lead_terms = models.TextField(_("summary terms"), blank=True)
    terms = models.TextField(_("terms"), blank=True)
    # All text in lower case with single spaces, for "exact phrase" searches.
    text = models.TextField(_("text"), blank=True)
    is_public = models.BooleanField(_("public"), default=False)
    # For a scheduled post, when it becomes public; None for what is public without a date.
    public_from = models.DateTimeField(_("public from"), null=True, blank=True)
    # For a post with an unpublish time, when it stops being public.
    public_until = models.DateTimeField(_("public until"), null=True, blank=True)
    date = models.DateTimeField(_("date"), null=True, blank=True)

    objects = SearchEntryQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "object_id"]
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="searchentry_object_unique")]

    def __str__(self):
        return f"{self.kind} {self.object_id}"
