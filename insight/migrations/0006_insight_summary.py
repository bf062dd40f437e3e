"""Easy-read insight summaries: the engagement team's own easy-read words about a pledge or
pathway, with drafts and Wagtail's workflow (the experts by experience check them). The roles
that manage outcomes manage these too, and they go in the same workflow as outcomes."""

import django.db.models.deletion
import easyread.pictures
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


ROLES = ("Engagement team", "Administrator")
ACTIONS = ("add", "change", "delete", "view", "publish", "lock", "unlock")


def workflow_and_permissions(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    content_type, _ = ContentType.objects.get_or_create(
        app_label="insight", model="insightsummary"
    )
    perms = [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_insightsummary",
            defaults={"name": f"Can {action} easy-read insight summary"},
        )[0]
        for action in ACTIONS
    ]
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.add(*perms)
    outcomes = WorkflowContentType.objects.filter(
        content_type__app_label="insight", content_type__model="outcome"
    ).first()
    if outcomes is not None:
        WorkflowContentType.objects.get_or_create(
            content_type=content_type, defaults={"workflow_id": outcomes.workflow_id}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("insight", "0005_outcome_workflow"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="InsightSummary",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("live", models.BooleanField(default=True, editable=False, verbose_name="live")),
                (
                    "has_unpublished_changes",
                    models.BooleanField(
                        default=False, editable=False, verbose_name="has unpublished changes"
                    ),
                ),
                (
                    "first_published_at",
                    models.DateTimeField(
                        blank=True, db_index=True, null=True, verbose_name="first published at"
                    ),
                ),
                (
                    "last_published_at",
                    models.DateTimeField(
                        editable=False, null=True, verbose_name="last published at"
                    ),
                ),
                (
                    "go_live_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="go live date/time"),
                ),
                (
                    "expire_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="expiry date/time"),
                ),
                (
                    "expired",
                    models.BooleanField(default=False, editable=False, verbose_name="expired"),
                ),
                (
                    "locked",
                    models.BooleanField(default=False, editable=False, verbose_name="locked"),
                ),
                (
                    "locked_at",
                    models.DateTimeField(editable=False, null=True, verbose_name="locked at"),
                ),
                (
                    "code",
                    models.SlugField(
                        help_text="The pledge or pathway it is about, by its code (e.g. pledge-9 or annual-health-checks).",
                        max_length=64,
                        unique=True,
                    ),
                ),
                (
                    "easy_read_body",
                    wagtail.fields.StreamField(
                        [
                            ("heading", 2),
                            ("point", 8),
                            ("key_message", 10),
                            ("steps", 13),
                            ("hard_word", 15),
                            ("video", 20),
                        ],
                        block_lookup={
                            0: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "A few words that say what this part is about.",
                                    "max_length": 120,
                                },
                            ),
                            1: (
                                "wagtail.blocks.ChoiceBlock",
                                [],
                                {
                                    "choices": [
                                        ("2", "Level 2"),
                                        ("3", "Level 3"),
                                        ("4", "Level 4"),
                                        ("5", "Level 5"),
                                        ("6", "Level 6"),
                                    ],
                                    "help_text": "Level 2 for the main parts of the page, level 3 for parts inside them. Do not skip levels: screen reader users move around the page by heading level.",
                                },
                            ),
                            2: ("wagtail.blocks.StructBlock", [[("text", 0), ("level", 1)]], {}),
                            3: (
                                "wagtail.blocks.TextBlock",
                                (),
                                {
                                    "help_text": "1 to 3 short sentences, 15 words or fewer each. One idea in each sentence. Hard words in the glossary are explained for you.",
                                    "rows": 3,
                                },
                            ),
                            4: (
                                "wagtail.images.blocks.ImageChooserBlock",
                                (),
                                {
                                    "help_text": "A picture that shows what the words mean.",
                                    "required": False,
                                },
                            ),
                            5: (
                                "wagtail.blocks.ChoiceBlock",
                                [],
                                {
                                    "choices": easyread.pictures.picture_choices,
                                    "help_text": "Or choose one of our simple pictures.",
                                    "required": False,
                                },
                            ),
                            6: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "What the picture shows, in a few words, for people who use screen readers. Leave empty to use the picture's own description.",
                                    "max_length": 200,
                                    "required": False,
                                },
                            ),
                            7: (
                                "wagtail.blocks.BooleanBlock",
                                (),
                                {
                                    "help_text": "Tick only if the picture adds nothing to the words. Screen readers skip it.",
                                    "required": False,
                                },
                            ),
                            8: (
                                "wagtail.blocks.StructBlock",
                                [
                                    [
                                        ("text", 3),
                                        ("image", 4),
                                        ("picture", 5),
                                        ("alt_text", 6),
                                        ("decorative", 7),
                                    ]
                                ],
                                {},
                            ),
                            9: (
                                "wagtail.blocks.TextBlock",
                                (),
                                {
                                    "help_text": "1 or 2 short sentences. Use it once or twice on a page, not more.",
                                    "rows": 2,
                                },
                            ),
                            10: ("wagtail.blocks.StructBlock", [[("text", 9)]], {}),
                            11: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "One short sentence for each step.",
                                    "max_length": 200,
                                },
                            ),
                            12: (
                                "wagtail.blocks.ListBlock",
                                (11,),
                                {
                                    "help_text": "Put the steps in the order people do them.",
                                    "min_num": 2,
                                },
                            ),
                            13: ("wagtail.blocks.StructBlock", [[("steps", 12)]], {}),
                            14: (
                                "wagtail.snippets.blocks.SnippetChooserBlock",
                                ("easyread.GlossaryTerm",),
                                {
                                    "help_text": "Choose a hard word. Glossary words are also explained automatically the first time they appear in a point; use this block to explain one on its own."
                                },
                            ),
                            15: ("wagtail.blocks.StructBlock", [[("term", 14)]], {}),
                            16: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"help_text": "What the video is about.", "max_length": 120},
                            ),
                            17: (
                                "wagtail.documents.blocks.DocumentChooserBlock",
                                (),
                                {"help_text": "The video file (MP4 or WebM), kept on this site."},
                            ),
                            18: (
                                "wagtail.documents.blocks.DocumentChooserBlock",
                                (),
                                {
                                    "help_text": "Captions file (WebVTT, .vtt). Videos must have captions for deaf people."
                                },
                            ),
                            19: (
                                "wagtail.blocks.TextBlock",
                                (),
                                {
                                    "help_text": "Everything said in the video, written down, for people who cannot watch it."
                                },
                            ),
                            20: (
                                "wagtail.blocks.StructBlock",
                                [
                                    [
                                        ("title", 16),
                                        ("video", 17),
                                        ("captions", 18),
                                        ("transcript", 19),
                                    ]
                                ],
                                {},
                            ),
                        },
                        verbose_name="easy read summary",
                    ),
                ),
                ("updated_at", models.DateTimeField(auto_now=True)),
                (
                    "latest_revision",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailcore.revision",
                        verbose_name="latest revision",
                    ),
                ),
                (
                    "live_revision",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailcore.revision",
                        verbose_name="live revision",
                    ),
                ),
                (
                    "locked_by",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="locked_%(class)ss",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="locked by",
                    ),
                ),
            ],
            options={
                "verbose_name": "easy-read insight summary",
                "verbose_name_plural": "easy-read insight summaries",
                "ordering": ["code"],
            },
        ),
        migrations.RunPython(workflow_and_permissions, migrations.RunPython.noop),
    ]
