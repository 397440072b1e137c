from modeltranslation.translator import TranslationOptions, register

from .models import Attachment, Category, Post, PostImage


@register(Category)
class CategoryTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = {"ko": ("name",)}


@register(Post)
class PostTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body", "body_text", "cover_alt")
    required_languages = {"ko": ("title",)}


@register(Attachment)
class AttachmentTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = {"ko": ("title",)}


@register(PostImage)
class PostImageTranslationOptions(TranslationOptions):
    fields = ("alt", "caption")
