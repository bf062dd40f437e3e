"""The flag model moved from tasks to safeguarding without touching its table: a flag made
under the old layout is still there, readable by the new model, after migrating."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

OLD = [("tasks", "0004_tag_quote_indexes"), ("feedback", "0002_engagement_permissions")]


@pytest.mark.migrates_schema
@pytest.mark.django_db(transaction=True)
def test_a_flag_made_under_the_old_layout_survives_the_move():
    executor = MigrationExecutor(connection)
    executor.migrate([*OLD, ("safeguarding", None)])
    old_apps = executor.loader.project_state(OLD).apps
    OldFlag = old_apps.get_model("tasks", "SafeguardingFlag")
    OldFlag.objects.create(
        target="a:999", severity="urgent", categories=["physical-abuse"], method="rules",
        excerpt="my staff hit me",
    )  # fmt: skip

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    from safeguarding.models import SafeguardingFlag

    flag = SafeguardingFlag.objects.get(target="a:999")
    assert flag.excerpt == "my staff hit me" and flag.released_at is None
    assert SafeguardingFlag._meta.db_table == "tasks_safeguardingflag"
