from django.apps import AppConfig


class LanguagesConfig(AppConfig):
    name = "languages"
    verbose_name = "Languages"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Django has no LANG_INFO for Gujarati or Somali; anything that asks for a language's
        # name or direction (Wagtail's admin, get_language_info) would raise KeyError.
        from django.conf.locale import LANG_INFO

        from .catalogue import languages

        for lang in languages():
            LANG_INFO.setdefault(
                lang.code,
                {
                    "bidi": lang.bidi,
                    "code": lang.code,
                    "name": lang.name,
                    "name_local": lang.name_local,
                },
            )

        _skip_empty_text_blocks()

        # The demo's Gujarati and Urdu drafts, once every app's demo pages exist.
        from cms.demo import demo_pages_ready

        from . import receivers  # noqa: F401
        from .demo import on_demo_pages_ready

        demo_pages_ready.connect(on_demo_pages_ready, dispatch_uid="languages-demo-translations")


def _skip_empty_text_blocks() -> None:
    """wagtail-localize fails on a text block whose value is None (an optional question hint
    never filled in, common in content made by code: demo data, imports) instead of treating it
    as nothing to translate. Treat it as nothing to translate: the translation keeps None."""
    from wagtail import blocks
    from wagtail_localize.segments.extract import StreamFieldSegmentExtractor

    original = StreamFieldSegmentExtractor.handle_block
    if getattr(original, "_everyvoice_skips_none", False):
        return

    def handle_block(self, block_type, block_value, raw_value=None):
        if block_value is None and isinstance(block_type, blocks.CharBlock | blocks.TextBlock):
            return []
        return original(self, block_type, block_value, raw_value=raw_value)

    handle_block._everyvoice_skips_none = True
    StreamFieldSegmentExtractor.handle_block = handle_block
