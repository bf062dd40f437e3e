"""Local development: the embedded default (SQLite, eager Celery) unless the env says more."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
EMAIL_BACKEND = env(
    "DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend"
)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
