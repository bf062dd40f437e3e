"""Outcomes become translatable in Wagtail's three steps (insight 0008-0010): an outcome made
before keeps everything, gets the default locale (English) and a translation key of its own,
and from then a key is unique within a language."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("insight", "0007_insightcount_language")]


@pytest.mark.migrates_schema
@pytest.mark.django_db(transaction=True)
def test_existing_outcomes_get_the_default_locale_and_their_own_translation_key():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old_apps = executor.loader.project_state(BEFORE).apps
    from tests.feedback.factories import consultation_page

    consultation = consultation_page()
    OldOutcome = old_apps.get_model("insight", "Outcome")
    fields = {
        "you_said": "People said checks were rushed.",
        "action": "Longer appointments.",
        "easy_read_you_said": "You told us checks are quick.",
        "easy_read_we_did": "We are making them longer.",
        "owner": "Primary care team",
        "live": True,
    }
    first = OldOutcome.objects.create(
        consultation_id=consultation.pk, title="First", easy_read_title="First", **fields
    )
    second = OldOutcome.objects.create(
        consultation_id=consultation.pk, title="Second", easy_read_title="Second", **fields
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    from wagtail.models import Locale

    from insight.models import Outcome

    english = Locale.get_default()
    assert english.language_code == "en-gb"
    rows = {o.pk: o for o in Outcome.objects.all()}
    assert rows[first.pk].title == "First" and rows[first.pk].live
    assert {o.locale_id for o in rows.values()} == {english.pk}
    keys = {o.translation_key for o in rows.values()}
    assert None not in keys and len(keys) == 2  # one each, not shared
    assert rows[second.pk].easy_read_we_did == "We are making them longer."

    # Now required and unique within a language (unique_together, as Wagtail declares it).
    clash = Outcome(
        consultation_id=consultation.pk,
        title="Third",
        easy_read_title="Third",
        translation_key=rows[first.pk].translation_key,
        locale=english,
        **fields,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        clash.save()
