"""Checks for uploaded files: audio answers, BSL video answers and flipchart photos.

The type is decided by the file's first bytes, never by its name or the browser's claimed
content type, and the size is checked before anything else is read. Pure functions apart
from reading the upload.
"""

import io
import mmap
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat

from .audio_duration import TooComplex, duration_seconds, has_video_track

MAX_AUDIO_BYTES = 10 * 1024 * 1024
# A BSL answer of the longest length allowed (3 minutes) recorded in the browser is ~25 MB at
# the recorder's 1 Mbit/s; 50 MB leaves room for a phone's own camera app at a lower quality.
MAX_VIDEO_BYTES = 50 * 1024 * 1024
MAX_PHOTO_BYTES = 10 * 1024 * 1024
# 60 megapixels: above any phone's usual photo, below what would exhaust memory when the
# photo is re-saved without its metadata.
MAX_PHOTO_PIXELS = 60_000_000
# Where a checked upload keeps what its one read found, for the next check of the same upload.
_AUDIO_CHECKED = "_everyvoice_audio_checked"
_VIDEO_CHECKED = "_everyvoice_video_checked"
_PHOTO_CHECKED = "_everyvoice_photo_checked"
_ORIENTATION = 0x0112  # the EXIF tag that says which way up the camera was


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


def video_sniff(head: bytes) -> Sniffed | None:
    """The video formats browsers record (WebM, MP4) and phones save (MP4, QuickTime MOV)."""
    if head.startswith(b"\x1a\x45\xdf\xa3") and (b"webm" in head or b"matroska" in head):
        return Sniffed("video/webm", ".webm")
    if head[4:8] == b"ftyp":
        if head[8:12] == b"qt  ":
            return Sniffed("video/quicktime", ".mov")
        if head[8:12] not in (b"heic", b"heix", b"mif1", b"msf1", b"avif", b"M4A "):
            return Sniffed("video/mp4", ".mp4")
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
    """Raise a ValidationError a person can act on, or say what the audio is.

    The file is read once, in one pass that sniffs its type and reads its length; the result
    is kept on the upload, so the form's check and the service's check cost one read."""
    checked = getattr(file, _AUDIO_CHECKED, None)
    if checked is not None:
        return checked
    if file.size > MAX_AUDIO_BYTES:
        raise ValidationError(
            "The recording must be smaller than 10 MB. It is %(size)s. Try a shorter recording.",
            code="too_big",
            params={"size": filesizeformat(file.size)},
        )
    if file.size == 0:
        raise ValidationError("The recording is empty. Try recording again.", code="empty")
    file.seek(0)
    data = file.read(MAX_AUDIO_BYTES + 1)
    file.seek(0)
    sniffed = audio_sniff(data[:64])
    if sniffed is None:
        raise ValidationError(
            "The file must be a sound recording (for example MP3, M4A, WAV, OGG or WEBM).",
            code="not_audio",
        )
    limit = settings.EVERYVOICE_MAX_AUDIO_SECONDS
    try:
        seconds = duration_seconds(data, sniffed.content_type, max_seconds=limit)
    except TooComplex as exc:
        raise ValidationError(
            "We could not read this recording. Try recording it again, or save it as MP3 or M4A.",
            code="unreadable",
        ) from exc
    if seconds is not None and seconds > limit:
        raise ValidationError(
            "The recording must be %(limit)s long or shorter. It is %(length)s long. "
            "Try a shorter recording.",
            code="too_long",
            params={"limit": _spoken_length(limit), "length": _spoken_length(seconds)},
        )
    setattr(file, _AUDIO_CHECKED, sniffed)
    return sniffed


@contextmanager
def _upload_bytes(file, limit: int):
    """The upload's bytes, read at most once: a file Django spooled to disk (anything over
    FILE_UPLOAD_MAX_MEMORY_SIZE) is memory-mapped, so a 50 MB video is never copied into
    memory; a small one in memory is read as it is."""
    mapped = None
    try:
        fileno = file.file.fileno()
        mapped = mmap.mmap(fileno, 0, access=mmap.ACCESS_READ)
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        mapped = None
    try:
        if mapped is not None:
            yield mapped
        else:
            file.seek(0)
            yield file.read(limit + 1)
    finally:
        if mapped is not None:
            mapped.close()
        file.seek(0)


def video_check(file) -> Sniffed:
    """Raise a ValidationError a person can act on, or say what the BSL video is.

    The same order and the same bounded readers as audio (``audio_check``): the size before
    anything is read, the type by the file's first bytes (never its name or the browser's
    claim), then its length from the container's own headers, walking at most a budget of
    structures (``audio_duration``); a file with more structure than a real video of the
    longest length allowed is refused as unreadable, quickly."""
    checked = getattr(file, _VIDEO_CHECKED, None)
    if checked is not None:
        return checked
    if file.size > MAX_VIDEO_BYTES:
        raise ValidationError(
            "The video must be smaller than 50 MB. It is %(size)s. Try a shorter video, "
            "or record it on this page.",
            code="too_big",
            params={"size": filesizeformat(file.size)},
        )
    if file.size == 0:
        raise ValidationError("The video is empty. Try recording again.", code="empty")
    limit = settings.EVERYVOICE_MAX_VIDEO_SECONDS
    with _upload_bytes(file, MAX_VIDEO_BYTES) as data:
        sniffed = video_sniff(bytes(data[:64]))
        if sniffed is None:
            raise ValidationError(
                "The file must be a video (for example MP4, MOV or WEBM).", code="not_video"
            )
        try:
            seconds = duration_seconds(data, sniffed.content_type, max_seconds=limit)
            picture = has_video_track(data, sniffed.content_type, max_seconds=limit)
        except TooComplex as exc:
            raise ValidationError(
                "We could not read this video. Try recording it again on this page, "
                "or save it as MP4.",
                code="unreadable",
            ) from exc
    if seconds is None:
        # Unlike a sound file, a video's length is the limit that matters (its size says
        # little): one whose container does not say how long it is is not taken.
        raise ValidationError(
            "We could not read how long this video is. Try recording it again on this page, "
            "or save it as MP4.",
            code="unreadable",
        )
    if seconds > limit:
        raise ValidationError(
            "The video must be %(limit)s long or shorter. It is %(length)s long. "
            "Try a shorter video.",
            code="too_long",
            params={"limit": _spoken_length(limit), "length": _spoken_length(seconds)},
        )
    if not picture:
        # A sound recording in a video's container (an M4A or a WebM of the microphone
        # only) is not a BSL answer; nor is a file whose track list cannot be found.
        raise ValidationError(
            "This file has no picture, only sound. A BSL answer must be a video of you "
            "signing. Record it on this page with your camera, or choose a video file.",
            code="no_picture",
        )
    setattr(file, _VIDEO_CHECKED, sniffed)
    return sniffed


def _spoken_length(seconds: float) -> str:
    """Minutes in words people say: "10 minutes", "1 minute 30 seconds"."""
    minutes, secs = divmod(round(seconds), 60)
    parts = []
    if minutes:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    if secs or not minutes:
        parts.append(f"{secs} second{'s' if secs != 1 else ''}")
    return " ".join(parts)


def photo_check(file) -> Sniffed:
    """Raise a ValidationError a person can act on, or say what the photo is.

    The photo is opened and decoded once, here: its size in pixels is checked from its
    header before any pixel is decoded (a small file can hold a huge picture), then the
    picture is copied without its metadata (``photo_without_metadata``), so a photo that
    cannot be decoded is refused with a message instead of failing when it is saved."""
    checked = getattr(file, _PHOTO_CHECKED, None)
    if checked is not None:
        return checked[0]
    if file.size > MAX_PHOTO_BYTES:
        raise ValidationError(
            "The photo must be smaller than 10 MB. It is %(size)s.",
            code="too_big",
            params={"size": filesizeformat(file.size)},
        )
    sniffed = image_sniff(file_head(file))
    if sniffed is None:
        raise ValidationError("The photo must be a JPG, PNG, WEBP or HEIC file.", code="not_image")
    try:
        clean = _photo_clean_bytes(file, sniffed)
    except _TooManyPixels as exc:
        raise ValidationError(
            "The photo is too big to store. Take it again with a lower resolution.",
            code="too_many_pixels",
        ) from exc
    except Exception as exc:  # Pillow raises many kinds for a broken or hostile file
        raise ValidationError(
            "The photo could not be opened. Try taking it again, or save it as a JPG.",
            code="unreadable",
        ) from exc
    finally:
        file.seek(0)
    setattr(file, _PHOTO_CHECKED, (sniffed, clean))
    return sniffed


class _TooManyPixels(Exception):
    pass


def _photo_clean_bytes(file, sniffed: Sniffed) -> bytes:
    """The photo with its pixels only: no EXIF (GPS position, camera serial number, time),
    XMP, comments or colour profile. It is turned the way the camera's orientation tag said
    first, so it still shows the right way up without that tag. HEIC (from iPhones) becomes
    a JPG, which every browser can show; other formats stay as they were."""
    import warnings

    from PIL import Image, ImageOps

    if sniffed.content_type == "image/heic":
        from pillow_heif import register_heif_opener  # installed with Wagtail

        register_heif_opener()
    file.seek(0)
    with warnings.catch_warnings():
        # Pillow's own decompression-bomb warning is an error here: our limit is lower.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            opened = Image.open(file)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise _TooManyPixels from exc
        with opened as image:
            if image.width * image.height > MAX_PHOTO_PIXELS:
                raise _TooManyPixels  # from the header, before any pixel is decoded
            kind = "JPEG" if image.format not in ("PNG", "WEBP") else image.format
            upright = image
            if _turned(image):
                upright = ImageOps.exif_transpose(image)
            alpha = kind != "JPEG" and (
                "A" in upright.getbands() or "transparency" in upright.info
            )
            mode = "RGBA" if alpha else ("L" if upright.mode in ("1", "L") else "RGB")
            # Each step over the pixels costs ~0.1 s for a big photo: convert only if needed.
            converted = upright if upright.mode == mode else upright.convert(mode)
            # A new image from the raw pixels carries no metadata at all.
            clean = Image.frombytes(mode, converted.size, converted.tobytes())
    out = io.BytesIO()
    options = {"quality": 90} if kind in ("JPEG", "WEBP") else {}
    clean.save(out, format=kind, **options)
    return out.getvalue()


def _turned(image) -> bool:
    """Whether the camera's orientation tag says to turn the picture; a damaged EXIF block
    says nothing, and the picture is kept as it is."""
    try:
        return image.getexif().get(_ORIENTATION, 1) != 1
    except Exception:  # Pillow raises many kinds for a damaged EXIF block
        return False


def photo_without_metadata(file) -> ContentFile:
    """The checked photo's clean copy (see ``_photo_clean_bytes``): made once per upload."""
    photo_check(file)
    clean = getattr(file, _PHOTO_CHECKED)[1]
    return ContentFile(clean, name=getattr(file, "name", None) or "photo")


def validate_flipchart_photo(file) -> None:
    """Model field validator: only new uploads are checked (stored files were checked)."""
    if getattr(file, "_committed", True):
        return
    photo_check(file)
