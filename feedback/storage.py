"""Where private uploads live: audio answers and flipchart photos.

They may hold someone's voice or name, so they are never under MEDIA_ROOT (which DEBUG serves
publicly) and have no URL: staff download them through a permission-checked view.
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import LazyObject


def private_root() -> Path:
    configured = getattr(settings, "EVERYVOICE_PRIVATE_MEDIA_ROOT", None)
    if configured:
        return Path(configured)
    media = Path(settings.MEDIA_ROOT)
    return media.with_name(media.name + "-private")


class PrivateFileSystemStorage(FileSystemStorage):
    def url(self, name):
        raise ValueError("private files have no public URL; use the staff download view")


class _PrivateStorage(LazyObject):
    def _setup(self) -> None:
        self._wrapped = PrivateFileSystemStorage(location=private_root())


private_storage = _PrivateStorage()


def get_private_storage():
    """Callable for FileField(storage=...), so migrations do not record a path."""
    return private_storage
