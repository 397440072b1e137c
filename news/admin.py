from urllib.parse import urlencode

from csp.constants import NONCE
from csp.decorators import csp_update
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import widgets
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import AdminFileWidget
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.decorators import method_decorator
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe
from django.utils.text import get_text_list
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from js_asset import Media
from modeltranslation.admin import TranslationTabularInline

from common.admin import MissingTranslationFilter, TranslatedAdmin, TranslatedFieldsOnlyMixin
from common.images import fitted
from common.languages import language_codes

from .body_editor import body_editor_catalog
from .models import Attachment, Category, Post, PostImage
from .newsletter import InvalidSelection, Selection, render_issue

IMAGES_PER_PICKER_PAGE = 48
# The boxes the cover's thumbnails fit in: in the post form, where a click on it chooses
# the focal point, and in the list of posts.
COVER_FORM_BOX = "360x240"
COVER_LIST_BOX = "64x48"
FOCUS_FIELDS = ("cover_focus_x", "cover_focus_y")


def thumbnail(image_file, box):
    """{"src", "src_2x", "width", "height"} of a stored image fitted into `box`, or None
    if its file is missing or damaged."""
    src, src_2x, width, height = fitted(image_file.name, box)
    if width is None:
        return None
    return {"src": src, "src_2x": src_2x, "width": width, "height": height}


class FocalPointField(forms.IntegerField):
    """A percentage of the cover's focal point (0 to 100); left empty, or not sent at all
    by a form that has no focal point, the middle."""

    def __init__(self, *, default=50, **kwargs):
        self.default = default
        super().__init__(**{**kwargs, "min_value": 0, "max_value": 100, "required": False})

    def to_python(self, value):
        value = super().to_python(value)
        return self.default if value is None else value


class CoverInput(AdminFileWidget):
    """The cover's file input and, beside it, the cover's thumbnail: a click on it chooses
    the focal point, which fills the two number inputs of the focal point (keyboard users
    type into those). An image chosen but not saved yet is shown the same way
    (news/static/news/cover_focus.js)."""

    def render(self, name, value, attrs=None, renderer=None):
        file_input = super().render(name, value, attrs, renderer)
        # A stored file (a FieldFile), not one just uploaded with a form that failed.
        stored = bool(value) and getattr(value, "_committed", False)
        image = thumbnail(value, COVER_FORM_BOX) if stored else None
        context = {
            "file_input": file_input,
            "input_id": (attrs or {}).get("id", ""),
            "focus_x_id": f"id_{FOCUS_FIELDS[0]}",
            "focus_y_id": f"id_{FOCUS_FIELDS[1]}",
            "thumbnail": image,
            "missing": stored and image is None,
        }
        return mark_safe(render_to_string("admin/news/post/cover_input.html", context))


class ImportMapNonceMedia(Media):
    """Form media whose import map, an inline script, carries the CSP nonce. The scripts
    and styles are files of this site, which the policy allows: their tags stay plain."""

    def render_css(self, *, attrs=None):
        return super().render_css(attrs={**(attrs or {}), "nonce": ""})

    def render_js(self, *, attrs=None):
        return super().render_js(attrs={**(attrs or {}), "nonce": ""})


@admin.register(Category)
class CategoryAdmin(TranslatedFieldsOnlyMixin, TranslatedAdmin):
    languages_field = "name"
    list_display = ["name", "slug", "order", "languages"]
    prepopulated_fields = {"slug": ["name_en"]}


# The name of the "Save draft" button of a live post's change form (its other button,
# "Publish changes", saves as Django's "Save" does): templates/admin/news/post/submit_line.html.
SAVE_DRAFT = "_save_draft"


class PostForm(forms.ModelForm):
    """The post's form. On an editor's form of a live post, a change goes to the post's
    draft (Post.save_draft) when the editor asks for it ("Save draft") or schedules it
    ("Publish changes" with a time to come); a draft holds only the texts
    (Post.draft_columns), so such a change of any other field is refused, never half
    saved. PostAdmin.get_form sets `live` and `wants_draft` for the request."""

    live = wants_draft = False

    publish_changes_at = forms.SplitDateTimeField(
        label=_("Publish the changes at"),
        required=False,
        widget=widgets.AdminSplitDateTime,
        help_text=_("Leave empty to publish the changes at once when you press “Publish changes”."),
    )

    def clean(self):
        cleaned_data = super().clean()
        self.instance.goes_to_draft = self.goes_to_draft()
        if self.instance.goes_to_draft:
            others = [
                str(self.fields[name].label)
                for name in self.changed_data
                if name not in Post.draft_columns() and name != "publish_changes_at"
            ]
            if others:
                raise ValidationError(
                    _(
                        "Draft changes of a live post hold only its texts (titles, summaries, bodies, cover alt "
                        "texts). Publish these changes at once, or make them after the draft is published: "
                        "%(fields)s."
                    )
                    % {"fields": get_text_list(others, _("and"))}
                )
        return cleaned_data

    def goes_to_draft(self):
        if not self.live:
            return False
        if self.wants_draft:
            return True
        publish_at = self.cleaned_data.get("publish_changes_at")
        return publish_at is not None and publish_at > timezone.now()


class AttachmentFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        if getattr(self.instance, "goes_to_draft", False) and self.has_changed():
            raise ValidationError(
                _("A draft does not hold attachments: publish the changes to change them, or change them later.")
            )


class AttachmentInline(TranslatedFieldsOnlyMixin, TranslationTabularInline):
    model = Attachment
    formset = AttachmentFormSet
    fields = ["file", "title", "order", "size", "download_count"]
    readonly_fields = ["size", "download_count"]
    unrevised_fields = ["download_count"]
    extra = 0


class PostChangeList(ChangeList):
    """The list of posts without their bodies (and their search text), which it never
    shows and which are most of a post's bytes: a hundred of them read and turned into
    Python each time an editor comes back to the list."""

    def get_queryset(self, request, exclude_parameters=None):
        return super().get_queryset(request, exclude_parameters).defer(*Post.body_columns())


@admin.register(Post)
class PostAdmin(TranslatedFieldsOnlyMixin, TranslatedAdmin):
    list_display = [
        "cover_thumbnail",
        "title",
        "category",
        "edition",
        "state",
        "published_at",
        "pinned",
        "view_count",
        "languages",
    ]
    list_display_links = ["title"]
    list_select_related = ["category", "edition"]
    list_filter = ["status", "category", "edition", "pinned", MissingTranslationFilter]
    search_fields = ["title_ko", "title_en", "summary_ko", "summary_en", "body_ko", "body_en"]
    date_hierarchy = "published_at"
    readonly_fields = [
        "view_count",
        "legacy_board",
        "legacy_id",
        "legacy_twin_id",
        "author",
        "created_at",
        "updated_at",
    ]
    autocomplete_fields = ["edition", "sessions", "organizations"]
    prepopulated_fields = {"slug": ["title_en"]}
    inlines = [AttachmentInline]
    form = PostForm
    # Draft changes are not the post's content: a revert neither drops nor brings them back.
    unrevised_fields = ["view_count", "draft", "draft_publish_at"]
    actions = ["publish_now", "unpublish", "duplicate_as_draft", "make_newsletter_issue"]
    # Replaced by one link per language (or a preview link) in the change form.
    view_on_site = False
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body", "cover", FOCUS_FIELDS, "cover_alt"]}),
        (_("Links"), {"fields": ["category", "edition", "sessions", "organizations"]}),
        (_("Publishing"), {"fields": ["status", "published_at", "unpublish_at", "pinned"]}),
        (
            _("Record"),
            {
                "fields": [
                    "view_count",
                    "author",
                    "legacy_board",
                    "legacy_id",
                    "legacy_twin_id",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]

    class Media:
        css = {"all": ["news/cover_focus.css"]}
        js = ["news/cover_focus.js", "news/body_editor_i18n.js"]

    def get_changelist(self, request, **kwargs):
        return PostChangeList

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "cover":
            kwargs["widget"] = CoverInput
        if db_field.name in FOCUS_FIELDS:
            kwargs |= {"form_class": FocalPointField, "default": db_field.default}
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """An editor's change form of a post shows its draft changes, if it has any, and on
        a live post saves to the draft (PostForm). Drafts are the editors': everyone else
        (translators) sees and changes the post itself, as readers see it, and no value
        they post reaches or publishes a draft. Reverting to a revision goes through
        changeform_view alone, without drafts."""
        request.edits_draft = self.has_publish_permission(request)
        return super().change_view(request, object_id, form_url, extra_context)

    def get_object(self, request, object_id, from_field=None):
        post = super().get_object(request, object_id, from_field)
        if post is not None and getattr(request, "edits_draft", False):
            post.is_live = post.is_public
            post.live_texts = {column: getattr(post, column) for column in Post.draft_columns()}
            post.with_draft()
        return post

    def is_live_form(self, request, obj):
        return obj is not None and getattr(request, "edits_draft", False) and getattr(obj, "is_live", False)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self.is_live_form(request, obj):
            return fieldsets
        return [
            (name, options | {"fields": [*options["fields"], "publish_changes_at"]})
            if name == _("Publishing")
            else (name, options)
            for name, options in fieldsets
        ]

    def get_form(self, request, obj=None, **kwargs):
        """Each body editor's image button gets a "Browse…" list of the uploaded images,
        offering their alt text and caption in the editor's language."""
        form = super().get_form(request, obj, **kwargs)
        form.live = self.is_live_form(request, obj)
        form.wants_draft = SAVE_DRAFT in request.POST
        if not form.live:
            del form.base_fields["publish_changes_at"]
        for code in language_codes():
            body = form.base_fields.get(f"body_{code}")
            if body is None:
                continue
            query = {"language": code} | ({"post": obj.pk} if obj else {})
            picker_url = f"{reverse('admin:news_postimage_picker')}?{urlencode(query)}"
            extensions = body.widget.config["extensions"] | {"Figure": {"pickerUrl": picker_url}}
            body.widget.config = body.widget.config | {"extensions": extensions}
        return form

    def save_model(self, request, obj, form, change):
        if getattr(obj, "goes_to_draft", False):
            # Only what differs from the live post: a translation saved meanwhile by a
            # translator stays when the draft is published, unless the draft changes it too.
            changes = {
                column: getattr(obj, column) for column, live in obj.live_texts.items() if getattr(obj, column) != live
            }
            obj.save_draft(changes, form.cleaned_data.get("publish_changes_at"))
            return
        if getattr(request, "edits_draft", False):
            # The form showed the draft changes: saving it publishes them.
            obj.draft = obj.draft_publish_at = None
        if not change and obj.author is None:
            obj.author = request.user
        if "cover" in form.changed_data and not set(FOCUS_FIELDS) & set(form.changed_data):
            # Another image: the focal point of the one before means nothing in it.
            for field in FOCUS_FIELDS:
                setattr(obj, field, Post._meta.get_field(field).default)
        super().save_model(request, obj, form, change)
        # Images uploaded from the body editor before the post's first save were uploaded
        # for no post: those its body shows are this post's now.
        obj.attach_uploaded_images(request.user)

    def save_related(self, request, form, formsets, change):
        if not getattr(form.instance, "goes_to_draft", False):
            super().save_related(request, form, formsets, change)

    def construct_change_message(self, request, form, formsets, add=False):
        # A draft saves no attachments (PostForm refuses their changes).
        if getattr(form.instance, "goes_to_draft", False):
            formsets = []
        return super().construct_change_message(request, form, formsets, add)

    def response_change(self, request, obj):
        if not getattr(obj, "goes_to_draft", False):
            return super().response_change(request, obj)
        if obj.draft is None:
            message = _("The draft is discarded: it held no change to the post as readers see it.")
        elif obj.draft_publish_at:
            when = date_format(timezone.localtime(obj.draft_publish_at), "DATETIME_FORMAT")
            message = _("The changes go live on %(date)s; until then readers see the post as it was.") % {"date": when}
        else:
            message = _("Draft saved: readers still see the post as it was. Preview the changes, then publish them.")
        self.message_user(request, message, messages.SUCCESS)
        return HttpResponseRedirect(request.path)

    @method_decorator(csp_update({"script-src": [NONCE], "img-src": ["blob:"]}))
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        """The body editor's import map is an inline script: the page's Content Security
        Policy lets it run with this response's nonce. A cover chosen but not uploaded yet
        is shown from the browser's memory (a blob: address) to choose its focal point."""
        return super().changeform_view(request, object_id, form_url, extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["media"] = ImportMapNonceMedia.from_media(context["media"], nonce=getattr(request, "csp_nonce", ""))
        context["body_editor_catalog"] = body_editor_catalog()
        if obj is not None and obj.pk:
            context["site_links"] = self.site_links(obj)
            context["live_post"] = self.is_live_form(request, obj)
            if getattr(request, "edits_draft", False) and obj.draft is not None:
                context["draft_publish_at"] = obj.draft_publish_at
                context["draft_previews"] = self.preview_links(obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def has_publish_permission(self, request):
        return request.user.has_perm("news.publish_post")

    @admin.display(description=_("cover"))
    def cover_thumbnail(self, post):
        if not post.cover:
            return ""
        image = thumbnail(post.cover, COVER_LIST_BOX)
        if image is None:
            return _("File missing")
        srcset = format_html(' srcset="{} 2x"', image["src_2x"]) if image["src_2x"] else ""
        return format_html(
            '<img src="{}"{} width="{}" height="{}" alt="" class="cover-thumbnail" loading="lazy">',
            image["src"],
            srcset,
            image["width"],
            image["height"],
        )

    @admin.display(description=_("status"), ordering="status")
    def state(self, post):
        if post.status == Post.Status.PUBLISHED and post.published_at > timezone.now():
            return _("Scheduled")
        if post.is_expired:
            return _("Unpublished at its time")
        if post.is_public and post.draft is not None:
            return _("Live + scheduled changes") if post.draft_publish_at else _("Live + draft changes")
        return post.get_status_display()

    @admin.action(description=_("Publish selected posts now"), permissions=["publish"])
    def publish_now(self, request, queryset):
        posts = list(queryset.not_public())
        count = Post.objects.filter(pk__in=[post.pk for post in posts]).publish_now()
        self.log_changed_fields(request, posts, ["status", "published_at"])
        message = ngettext("%(count)d post published.", "%(count)d posts published.", count)
        self.message_user(request, message % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Unpublish selected posts"), permissions=["publish"])
    def unpublish(self, request, queryset):
        posts = list(queryset.filter(status=Post.Status.PUBLISHED))
        count = Post.objects.filter(pk__in=[post.pk for post in posts]).unpublish()
        self.log_changed_fields(request, posts, ["status"])
        message = ngettext("%(count)d post turned into a draft.", "%(count)d posts turned into drafts.", count)
        self.message_user(request, message % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Duplicate selected posts as drafts"), permissions=["add"])
    def duplicate_as_draft(self, request, queryset):
        copies = [post.duplicate(author=request.user) for post in queryset]
        for copy in copies:
            self.log_addition(request, copy, [{"added": {}}])
        message = ngettext("%(count)d draft copy created.", "%(count)d draft copies created.", len(copies))
        self.message_user(request, message % {"count": len(copies)}, messages.SUCCESS)

    # For editors, as the publishing actions: translators see no actions in the list, but
    # may open an issue someone sends them (newsletter_view asks for the view permission).
    @admin.action(description=_("Make a newsletter issue"), permissions=["publish"])
    def make_newsletter_issue(self, request, queryset):
        ids = sorted(queryset.values_list("pk", flat=True))
        return HttpResponseRedirect(self.newsletter_url("news_post_newsletter", ids, settings.LANGUAGE_CODE))

    def get_urls(self):
        preview = self.admin_site.admin_view(self.newsletter_view)
        download = self.admin_site.admin_view(self.newsletter_download)
        return [
            path("newsletter/", preview, name="news_post_newsletter"),
            path("newsletter/issue.html", download, {"extension": "html"}, name="news_post_newsletter_html"),
            path("newsletter/issue.txt", download, {"extension": "txt"}, name="news_post_newsletter_txt"),
            *super().get_urls(),
        ]

    def newsletter_view(self, request):
        """A newsletter issue of the selected posts (`?ids=3,5,9`) in one language
        (`?lang=ko`): its preview, a language switch and its downloads.

        The issue has the published posts of the selection, newest first as on the site;
        drafts and scheduled posts are left out with a message. A post without a title of
        its own in the issue's language is kept, in the other language, marked with `lang`
        and the site's notice "only available in …": staff chose it, and its link leads
        to the same fallback page the site shows."""
        selection = self.newsletter_selection(request)
        if selection is None:
            return HttpResponseRedirect(reverse("admin:news_post_changelist"))
        if selection.not_published:
            titles = ", ".join(f"“{post.title}”" for post in selection.not_published)
            message = _("Left out because they are not published: %(titles)s.") % {"titles": titles}
            self.message_user(request, message, messages.WARNING)
        if selection.missing_ids:
            missing = ", ".join(str(pk) for pk in selection.missing_ids)
            message = _("Left out because there are no such posts: %(ids)s.") % {"ids": missing}
            self.message_user(request, message, messages.WARNING)
        ids = sorted(post.pk for post in selection.posts)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Newsletter issue"),
            "opts": self.opts,
            "posts": selection.posts,
            "issue": render_issue(request, selection.posts, selection.language),
            "languages": [
                {
                    "name": name,
                    "url": self.newsletter_url("news_post_newsletter", ids, code),
                    "current": code == selection.language,
                }
                for code, name in settings.LANGUAGES
            ],
            "html_url": self.newsletter_url("news_post_newsletter_html", ids, selection.language),
            "text_url": self.newsletter_url("news_post_newsletter_txt", ids, selection.language),
        }
        return TemplateResponse(request, "admin/news/post/newsletter.html", context)

    def newsletter_download(self, request, extension):
        """The issue of `newsletter_view` as a file to paste into a mailer: the HTML
        part (`extension` "html") or the plain-text part ("txt")."""
        selection = self.newsletter_selection(request)
        if selection is None:
            return HttpResponseRedirect(reverse("admin:news_post_changelist"))
        issue = render_issue(request, selection.posts, selection.language)
        if extension == "html":
            response = HttpResponse(issue.html, content_type="text/html; charset=utf-8")
        else:
            response = HttpResponse(issue.text, content_type="text/plain; charset=utf-8")
        response["Content-Disposition"] = content_disposition_header(True, issue.filename(extension))
        return response

    def newsletter_selection(self, request):
        """The selection the request asks for, or None (with the reason as a message)."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        try:
            return Selection.from_query(request.GET)
        except InvalidSelection as error:
            self.message_user(request, str(error), messages.ERROR)
            return None

    def newsletter_url(self, url_name, ids, language):
        query = urlencode({"ids": ",".join(str(pk) for pk in ids), "lang": language}, safe=",")
        return f"{reverse(f'admin:{url_name}')}?{query}"

    def log_changed_fields(self, request, posts, field_names):
        """Record an action's changes in each post's history, as the change form does:
        with the fields' untranslated names, translated when the history is read."""
        with translation.override(None):
            labels = [str(Post._meta.get_field(name).verbose_name) for name in field_names]
        for post in posts:
            self.log_change(request, post, [{"changed": {"fields": labels}}])

    def site_links(self, post):
        """The post on the site in each language; its preview while it is not public."""
        label = _("View on site (%(language)s)") if post.is_public else _("Preview (%(language)s)")
        links = []
        for code, name in settings.LANGUAGES:
            with translation.override(code):
                url = post.get_absolute_url() if post.is_public else post.get_preview_url()
            links.append({"label": label % {"language": name}, "url": url})
        return links

    def preview_links(self, post):
        """The post with its draft changes, in each language."""
        links = []
        for code, name in settings.LANGUAGES:
            with translation.override(code):
                url = post.get_preview_url()
            links.append({"label": _("Preview the changes (%(language)s)") % {"language": name}, "url": url})
        return links


@admin.register(Attachment)
class AttachmentAdmin(TranslatedFieldsOnlyMixin, TranslatedAdmin):
    list_display = ["title", "post", "size", "download_count", "languages"]
    list_filter = [MissingTranslationFilter]
    search_fields = ["title_ko", "title_en", "post__title_ko", "post__title_en"]
    readonly_fields = ["size", "download_count"]
    unrevised_fields = ["download_count"]
    autocomplete_fields = ["post"]


class PostImageUploadForm(forms.ModelForm):
    class Meta:
        model = PostImage
        fields = ["image", "alt_ko", "alt_en", "caption_ko", "caption_en"]


@admin.register(PostImage)
class PostImageAdmin(TranslatedFieldsOnlyMixin, TranslatedAdmin):
    languages_field = "alt"
    list_display = ["thumbnail", "alt", "caption", "post", "width", "height", "uploaded_at", "languages"]
    list_display_links = ["thumbnail", "alt"]
    list_filter = [MissingTranslationFilter]
    search_fields = ["alt_ko", "alt_en", "caption_ko", "caption_en", "post__title_ko", "post__title_en"]
    fields = ["image", "thumbnail", "alt", "caption", "post", "address", "uploaded_by"]
    readonly_fields = ["thumbnail", "address", "uploaded_by"]
    autocomplete_fields = ["post"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    def get_urls(self):
        picker = path("picker/", self.admin_site.admin_view(self.picker_view), name="news_postimage_picker")
        return [picker, *super().get_urls()]

    @admin.display(description=_("image"))
    def thumbnail(self, post_image):
        if not post_image.image:
            return "-"
        return format_html('<img src="{}" alt="" width="120" loading="lazy">', post_image.image.url)

    @admin.display(description=_("address"))
    def address(self, post_image):
        return post_image.image.url if post_image.image else "-"

    def picker_view(self, request):
        """The body editor's "Browse…" window: upload an image, or choose one (newest
        first; those uploaded for one post with ?post=) to insert it into the editor with
        the alt text and caption of the editor's language (?language=)."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        language = request.GET.get("language")
        if language not in language_codes():
            language = settings.LANGUAGE_CODE
        post_pk = request.GET.get("post", "")
        post = Post.objects.filter(pk=post_pk).first() if post_pk.isdigit() and len(post_pk) <= 9 else None
        form = None
        if self.has_add_permission(request):
            form = PostImageUploadForm(request.POST or None, request.FILES or None)
            if request.method == "POST" and form.is_valid():
                form.instance.post = post
                form.instance.uploaded_by = request.user
                self.log_addition(request, form.save(), [{"added": {}}])
                self.message_user(request, _("The image is uploaded: choose it below."), messages.SUCCESS)
                return HttpResponseRedirect(request.get_full_path())
        images = PostImage.objects.select_related("post")
        if post is not None:
            images = images.filter(post=post)
        page = Paginator(images, IMAGES_PER_PICKER_PAGE).get_page(request.GET.get("page"))
        choices = [
            {
                "url": image.image.url,
                "alt": getattr(image, f"alt_{language}") or "",
                "caption": getattr(image, f"caption_{language}") or "",
                "post": image.post,
            }
            for image in page.object_list
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Choose an image"),
            "opts": self.opts,
            "is_popup": True,
            "form": form,
            "page_obj": page,
            "choices": choices,
            "post": post,
        }
        return TemplateResponse(request, "admin/news/postimage/picker.html", context)
