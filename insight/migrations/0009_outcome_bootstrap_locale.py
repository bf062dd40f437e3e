"""Step 2 of 3 (see 0008): every existing outcome is in the default language (English) and
gets a translation key of its own (Wagtail's ``BootstrapTranslatableModel``). Nothing to undo:
going back, 0008 drops the two columns."""

from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [("insight", "0008_outcome_locale")]

    operations = [BootstrapTranslatableModel("insight.Outcome")]
