from modeltranslation.translator import TranslationOptions, register

from .models import Declaration, DeclarationParagraph, Edition, Organization, Person, Session


@register(Organization)
class OrganizationTranslationOptions(TranslationOptions):
    fields = ("name", "logo_alt")
    required_languages = {"ko": ("name",)}


@register(Edition)
class EditionTranslationOptions(TranslationOptions):
    fields = ("theme", "summary", "venue", "poster_alt")
    required_languages = {"ko": ("theme",)}


@register(Session)
class SessionTranslationOptions(TranslationOptions):
    fields = ("field", "title", "summary", "room")
    required_languages = {"ko": ("title",)}


@register(Person)
class PersonTranslationOptions(TranslationOptions):
    fields = ("name", "affiliation", "bio", "photo_alt")
    required_languages = {"ko": ("name",)}


@register(Declaration)
class DeclarationTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = {"ko": ("title",)}


@register(DeclarationParagraph)
class DeclarationParagraphTranslationOptions(TranslationOptions):
    fields = ("text",)
    required_languages = {"ko": ("text",)}
