# The SafeguardingFlag model moved to the safeguarding app (issue 11). State only: the table
# tasks_safeguardingflag stays, and safeguarding.0001 takes it over.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("tasks", "0004_tag_quote_indexes"),
        ("safeguarding", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="SafeguardingFlag")],
            database_operations=[],
        ),
    ]
