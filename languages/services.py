"""Writes for translated content, through wagtail-localize (the same path as its editor).

Translations are strings in wagtail-localize's translation memory, so a translator can open
the result in wagtail-localize's editor, or export it as a PO file and import it back.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource


@transaction.atomic
def page_translate(
    *, page: Page, language_code: str, strings: Mapping[str, str], user=None, publish=True
) -> Page:
    """Make or update ``page``'s translation into ``language_code``.

    ``strings`` maps the English text of each segment (as wagtail-localize splits it) to its
    translation; a segment with no translation keeps the English words, so nothing goes
    missing. Parent pages not yet translated are copied first (wagtail-localize's rule).
    """
    locale = Locale.objects.get(language_code=language_code)
    source, _ = TranslationSource.update_or_create_from_instance(page.specific)
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
    return translated
