"""Tests: the same wiring as production, made fast and deterministic.

Tasks run eagerly unless a test starts a real worker (see tests/conftest.py); the database
is whatever ``DATABASE_URL`` names (CI points it at PostgreSQL).
"""

from pathlib import Path

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-secret-key-not-for-use-anywhere-else"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
EVERYVOICE_JOBS_IN_THREAD = False  # inline, so a test sees a job's effect at once
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", default="/tmp/everyvoice-test-media"))  # noqa: S108
EVERYVOICE_PRIVATE_MEDIA_ROOT = MEDIA_ROOT.with_name(MEDIA_ROOT.name + "-private")
ALLOWED_HOSTS = ["*"]
# Serve static files straight from the source folders (no collectstatic in tests).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
