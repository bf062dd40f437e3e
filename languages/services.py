"""Writes for translated content, through wagtail-localize (the same path as its editor).

Translations are strings in wagtail-localize's translation memory, so a translator can open
the result in wagtail-localize's editor, or export it as a PO file and import it back.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Protocol, TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.blocks import StreamValue
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from cms.audit import audit_record
from cms.jobs import enqueue_on_commit
from cms.models import AuditAction
from feedback.models import Contribution, Response
from feedback.services import TAG_CONTRIBUTION_TASK, TAG_RESPONSE_TASK

from .detect import text_language
from .models import DraftTranslation, TextTranslation, TranslationStatus

logger = logging.getLogger(__name__)


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
    page = page.specific
    _stream_fields_with_ids(page)
    translated = _translate(
        page, language_code=language_code, strings=strings, user=user, publish=publish
    ).specific
    if draft_note:
        DraftTranslation.objects.update_or_create(page=translated, defaults={"note": draft_note})
    return translated


def _translate(obj, *, language_code: str, strings: Mapping[str, str], user, publish: bool):
    """``obj``'s translation into ``language_code`` through wagtail-localize's translation
    memory (a PO file filled in, as a translator would), saved as a draft and, with
    ``publish``, published. A segment with no translation keeps the source words."""
    locale = Locale.objects.get(language_code=language_code)
    source, _ = TranslationSource.update_or_create_from_instance(obj)
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
    translated = obj.get_translation(locale)
    if publish:
        translated.get_latest_revision().publish(user=user)
        translated.refresh_from_db()
    return translated


@transaction.atomic
def snippet_translate(
    *, obj, language_code: str, strings: Mapping[str, str], user=None, publish: bool = True
):
    """Make or update a translatable snippet's translation (an outcome, a glossary word) the
    way ``page_translate`` does a page's. With ``publish=False`` it stays a draft, e.g. for
    the experts by experience to check through the snippet's workflow first."""
    return _translate(
        obj, language_code=language_code, strings=strings, user=user, publish=publish
    )


class NothingToCheck(Exception):
    """The object is not a translation being made, or is already waiting to be checked."""


@transaction.atomic
def translation_submit_for_check(*, obj, user):
    """Send a translated workflow snippet (an outcome in Gujarati) to be checked, as the
    ordinary form's "Submit" does for the English: the translator's words so far (in
    wagtail-localize's translation memory; a word not translated yet keeps the English) go
    into a new draft revision, and the snippet's workflow (the experts by experience's check)
    starts on it. The row, and so anything live, is not touched until the check publishes.

    wagtail-localize's own editor can only publish (skipping the check) or keep strings;
    this is its "save draft" step done without ``save_target``, which for a snippet would
    write the words into the live row and take it offline. Uses wagtail-localize's segment
    ingestion (pinned 1.14)."""
    from wagtail_localize.fields import copy_synchronised_fields
    from wagtail_localize.segments.ingest import ingest_segments

    translation = Translation.objects.filter(
        source__object_id=obj.translation_key, target_locale_id=obj.locale_id, enabled=True
    ).first()
    workflow = obj.get_workflow()
    if translation is None or workflow is None or obj.workflow_in_progress:
        raise NothingToCheck
    source = translation.source
    original = source.as_instance()
    copy_synchronised_fields(original, obj)
    segments = source._get_segments_for_translation(obj.locale, fallback=True)
    ingest_segments(original, obj, source.locale, obj.locale, segments)
    revision = obj.save_revision(user=user)
    workflow.start(obj, user)
    return revision


# --- Feedback not in English: found by the tagging job, translated by a person -----------------


class _Unit(Protocol):
    """A text a job works on (``tasks.texts.TextUnit``)."""

    target: str
    text: str
    response_id: int | None
    answer_id: int | None
    contribution_id: int | None
    translated: bool


U = TypeVar("U", bound=_Unit)


def units_in_english(units: Sequence[U]) -> list[U]:
    """The texts the English-only tagger can read (English, or a person's translation). Every
    other text is recorded once as not in English (idempotent), so the review screen shows it
    to a person as "Not in English (Gujarati)" instead of leaving it silently untagged."""
    keep: list[U] = []
    foreign: list[TextTranslation] = []
    for unit in units:
        found = None if unit.translated else text_language(unit.text)
        if found is None or found.english:
            keep.append(unit)
            continue
        foreign.append(
            TextTranslation(
                target=unit.target,
                response_id=unit.response_id,
                answer_id=unit.answer_id,
                contribution_id=unit.contribution_id,
                language=found.code,
            )
        )
    if foreign:
        TextTranslation.objects.bulk_create(foreign, ignore_conflicts=True)
        logger.info("%d texts not in English recorded for a person", len(foreign))
    return keep


@transaction.atomic
def translation_request(*, translation_id: int, user) -> TextTranslation:
    """Ask for a translation (recorded: who and when, and audited). Asking again keeps the
    first request; a text already translated needs no request."""
    translation = TextTranslation.objects.select_for_update().get(pk=translation_id)
    if translation.status == TranslationStatus.NEEDED:
        translation.status = TranslationStatus.REQUESTED
        translation.requested_by = user
        translation.requested_at = timezone.now()
        translation.save(update_fields=["status", "requested_by", "requested_at"])
        audit_record(
            user=user,
            action=AuditAction.REQUEST_TRANSLATION,
            target=translation.target,
            detail=f"language={translation.language}",
        )
    return translation


@transaction.atomic
def translation_enter(
    *, translation_id: int, text: str, translator_name: str, user
) -> TextTranslation:
    """Record a person's English translation (who translated it, who entered it, when;
    audited) and queue the same job that tags and screens every text, which now reads the
    translation (``tasks/texts.py``). The original is kept as it was written. Entering it
    again (a corrected translation) replaces the English and runs the job again."""
    text, translator_name = (text or "").strip(), (translator_name or "").strip()
    errors = {}
    if not text:
        errors["text"] = "Enter the English translation."
    if not translator_name:
        errors["translator_name"] = "Enter the name of the person or agency who translated it."
    if errors:
        raise ValidationError(errors)
    translation = TextTranslation.objects.select_for_update().get(pk=translation_id)
    corrected = translation.status == TranslationStatus.TRANSLATED
    translation.text = text
    translation.translator_name = translator_name
    translation.entered_by = user
    translation.translated_at = timezone.now()
    translation.status = TranslationStatus.TRANSLATED
    translation.full_clean(exclude=["response", "answer", "contribution"])
    translation.save()
    audit_record(
        user=user,
        action=AuditAction.ENTER_TRANSLATION,
        target=translation.target,
        detail=f"language={translation.language}{' corrected' if corrected else ''}",
    )
    if translation.contribution_id:
        Contribution.objects.filter(pk=translation.contribution_id).update(tagged_at=None)
        enqueue_on_commit(TAG_CONTRIBUTION_TASK, translation.contribution_id)
    elif translation.response_id:
        # Cleared first, so the sweep re-queues the response if the job is lost.
        Response.objects.filter(pk=translation.response_id).update(tagged_at=None)
        enqueue_on_commit(TAG_RESPONSE_TASK, translation.response_id)
    logger.info("translation %s entered for %s", translation.pk, translation.target)
    return translation


def translations_forget(*, response_ids) -> int:
    """Translations of texts that were removed (a response anonymised): gone with them."""
    deleted, _ = TextTranslation.objects.filter(
        response_id__in=list(response_ids), answer__text=""
    ).delete()
    return deleted
