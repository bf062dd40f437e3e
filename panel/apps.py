from django.apps import AppConfig


class PanelConfig(AppConfig):
    """Checked by experts by experience: a Wagtail workflow step and the panel's screens."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "panel"
    verbose_name = "Checked by experts by experience"
