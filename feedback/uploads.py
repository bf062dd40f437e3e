"""Checks for uploaded files: audio answers and flipchart photos.

The type is decided by the file's first bytes, never by its name or the browser's claimed
content type, and the size is checked before anything else is read. Pure functions apart
from reading the upload.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

MAX_AUDIO_BYTES = 10 * 1024 * 1024
MAX_PHOTO_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class Sniffed:
    content_type: str
    extension: str


def file_head(file, size: int = 64) -> bytes:
    file.seek(0)
    head = file.read(size)
    file.seek(0)
    return head


def audio_sniff(head: bytes) -> Sniffed | None:
    """The audio formats browsers record (WebM/Ogg Opus, MP4/AAC) and common phone files."""
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return Sniffed("audio/webm", ".webm")
    if head.startswith(b"OggS"):
        return Sniffed("audio/ogg", ".ogg")
    if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
        return Sniffed("audio/wav", ".wav")
    if head[4:8] == b"ftyp":
        return Sniffed("audio/mp4", ".m4a")
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        # MPEG audio frame sync (MP3) or ADTS AAC, or an ID3 tag in front of MP3.
        if len(head) > 1 and head[0] == 0xFF and head[1] & 0xF6 == 0xF0:
            return Sniffed("audio/aac", ".aac")
        return Sniffed("audio/mpeg", ".mp3")
    if head.startswith(b"fLaC"):
        return Sniffed("audio/flac", ".flac")
    return None


def image_sniff(head: bytes) -> Sniffed | None:
    if head.startswith(b"\xff\xd8\xff"):
        return Sniffed("image/jpeg", ".jpg")
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Sniffed("image/png", ".png")
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return Sniffed("image/webp", ".webp")
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"msf1"):
        return Sniffed("image/heic", ".heic")
    return None


def audio_check(file) -> Sniffed:
    """Raise a ValidationError a person can act on, or say what the audio is."""
    if file.size > MAX_AUDIO_BYTES:
        raise ValidationError(
            "The recording must be smaller than 10 MB. It is %(size)s. Try a shorter recording.",
            code="too_big",
            params={"size": filesizeformat(file.size)},
        )
    if file.size == 0:
        raise ValidationError("The recording is empty. Try recording again.", code="empty")
    sniffed = audio_sniff(file_head(file))
    if sniffed is None:
        raise ValidationError(
            "The file must be a sound recording (for example MP3, M4A, WAV, OGG or WEBM).",
            code="not_audio",
        )
    return sniffed


def photo_check(file) -> Sniffed:
    if file.size > MAX_PHOTO_BYTES:
        raise ValidationError(
            "The photo must be smaller than 10 MB. It is %(size)s.",
            code="too_big",
            params={"size": filesizeformat(file.size)},
        )
    sniffed = image_sniff(file_head(file))
    if sniffed is None:
        raise ValidationError("The photo must be a JPG, PNG, WEBP or HEIC file.", code="not_image")
    return sniffed


def validate_flipchart_photo(file) -> None:
    """Model field validator: only new uploads are checked (stored files were checked)."""
    if getattr(file, "_committed", True):
        return
    photo_check(file)
