"""Writes for translated content, through wagtail-localize (the same path as its editor).

Translations are strings in wagtail-localize's translation memory, so a translator can open
the result in wagtail-localize's editor, or export it as a PO file and import it back.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.db import transaction
from wagtail.blocks import StreamValue
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from .models import DraftTranslation


def _stream_fields_with_ids(page: Page) -> None:
    """Store ``page``'s StreamFields in Wagtail's current format (every list item with an id).

    Content made by code (demo data, imports) keeps lists such as a question's answers in the
    old plain-list format, which wagtail-localize leaves out of translation; saving them once
    in the current format gives each answer a stable id, so it is translated like the rest.
    """
    names = [f.name for f in page._meta.get_fields() if isinstance(f, StreamField)]
    for name in names:
        value = getattr(page, name)
        data = [(block.block_type, block.value, block.id) for block in value]
        setattr(page, name, StreamValue(value.stream_block, data, is_lazy=False))
    if names:
        page.save(update_fields=names, clean=False)


@transaction.atomic
def page_translate(
    *,
    page: Page,
    language_code: str,
    strings: Mapping[str, str],
    user=None,
    publish: bool = True,
    draft_note: str = "",
) -> Page:
    """Make or update ``page``'s translation into ``language_code``.

    ``strings`` maps the English text of each segment (as wagtail-localize splits it) to its
    translation; a segment with no translation keeps the English words, so nothing goes
    missing. Parent pages not yet translated are copied first (wagtail-localize's rule).
    With ``draft_note`` the page is marked "draft translation, to be checked".
    """
    locale = Locale.objects.get(language_code=language_code)
    page = page.specific
    _stream_fields_with_ids(page)
    source, _ = TranslationSource.update_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po = translation.export_po()
    for entry in po:
        if entry.msgid in strings:
            entry.msgstr = strings[entry.msgid]
    translation.import_po(po, user=user)
    # wagtail-localize publishes on commit; publishing here keeps this one step (and testable).
    translation.save_target(user=user, publish=False)
    translated = page.get_translation(locale).specific
    if publish:
        translated.get_latest_revision().publish(user=user)
        translated.refresh_from_db()
    if draft_note:
        DraftTranslation.objects.update_or_create(page=translated, defaults={"note": draft_note})
    return translated
