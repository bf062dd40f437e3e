"""How long an audio answer is, read from its headers, and the server-side length limit.

The WebM and M4A files in data/ are real recordings made by Chromium's MediaRecorder (about
1.5 s of a tone from an AudioContext), as the survey's record button makes them: they carry no
duration field, so the reader must walk the blocks or fragments."""

import io
import struct
import wave
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from feedback import selectors
from feedback.audio_duration import duration_seconds
from feedback.models import Answer, Response
from tests.feedback.factories import survey_page
from tests.hostile_files import adts_ordinary

DATA = Path(__file__).parent / "data"


def wav(seconds: float, *, rate: int = 8000) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(1)
        w.setframerate(rate)
        w.writeframes(b"\x80" * int(seconds * rate))
    return out.getvalue()


def flac(seconds: float, rate: int = 44100) -> bytes:
    samples = int(seconds * rate)
    packed = (rate << 44) | (0 << 41) | (15 << 36) | samples  # mono, 16 bit
    streaminfo = struct.pack(">HH", 4096, 4096) + b"\x00" * 6 + packed.to_bytes(8, "big")
    return (
        b"fLaC"
        + bytes([0x80])
        + len(streaminfo + b"\x00" * 16).to_bytes(3, "big")
        + (streaminfo + b"\x00" * 16)
    )


def ogg_page(granule: int, payload: bytes) -> bytes:
    return (
        b"OggS\x00\x00"
        + struct.pack("<q", granule)
        + b"\x00" * 12
        + bytes([1, len(payload)])
        + payload
    )


def ogg_opus(seconds: float, pre_skip: int = 312) -> bytes:
    head = b"OpusHead" + bytes([1, 1]) + struct.pack("<HI", pre_skip, 48000) + b"\x00\x00\x00"
    return (
        ogg_page(0, head)
        + ogg_page(0, b"OpusTags")
        + ogg_page(int(seconds * 48000) + pre_skip, b"\x00" * 50)
    )


def ogg_vorbis(seconds: float, rate: int = 44100) -> bytes:
    ident = b"\x01vorbis" + struct.pack("<IBI", 0, 1, rate) + b"\x00" * 13
    return ogg_page(0, ident) + ogg_page(int(seconds * rate), b"\x00" * 50)


def mp3_cbr(seconds: float) -> bytes:
    """MPEG-1 layer III, 128 kbit/s, 44.1 kHz: 417-byte frames of 1152 samples."""
    header = bytes([0xFF, 0xFB, 0x90, 0x00])
    frames = round(seconds * 44100 / 1152)
    return (header + b"\x00" * 413) * frames


def mp3_xing(seconds: float) -> bytes:
    """A VBR file says its frame count in a Xing frame; the size alone would mislead."""
    frames = round(seconds * 44100 / 1152)
    first = (
        bytes([0xFF, 0xFB, 0x90, 0x00]) + b"\x00" * 32 + b"Xing" + struct.pack(">II", 1, frames)
    )
    return (
        b"ID3\x03\x00\x00\x00\x00\x00\x0a"
        + b"\x00" * 10
        + first.ljust(417, b"\x00")
        + b"\x00" * 900
    )


def adts(seconds: float) -> bytes:
    """AAC in ADTS frames at 44.1 kHz, 1024 samples each."""
    return adts_ordinary(200 * round(seconds * 44100 / 1024), length=200)


@pytest.mark.parametrize(
    ("content_type", "data", "expected"),
    [
        ("audio/webm", (DATA / "chromium-recording.webm").read_bytes(), 1.45),
        ("audio/mp4", (DATA / "chromium-recording.m4a").read_bytes(), 1.45),
        ("audio/wav", wav(12.5), 12.5),
        ("audio/flac", flac(61), 61),
        ("audio/ogg", ogg_opus(30), 30),
        ("audio/ogg", ogg_vorbis(7), 7),
        ("audio/mpeg", mp3_cbr(20), 20),
        ("audio/mpeg", mp3_xing(300), 300),
        ("audio/aac", adts(9), 9),
    ],
)
def test_each_format_says_how_long_it_is(content_type, data, expected):
    assert duration_seconds(data, content_type) == pytest.approx(expected, abs=0.1)


@pytest.mark.parametrize(
    ("content_type", "data"),
    [
        ("audio/webm", b"\x1a\x45\xdf\xa3" + b"\x00" * 200),
        ("audio/webm", (DATA / "chromium-recording.webm").read_bytes()[:40]),
        ("audio/mp4", b"\x00\x00\x00\x18ftypM4A " + b"\x00" * 100),
        ("audio/ogg", b"OggS" + b"\x00" * 100),
        ("audio/wav", b"RIFF\x00\x00\x00\x00WAVE"),
        ("audio/mpeg", b"ID3" + b"\xff" * 30),
        ("audio/flac", b"fLaC"),
    ],
)
def test_a_file_that_does_not_say_gives_no_length_rather_than_a_wrong_one(content_type, data):
    assert duration_seconds(data, content_type) is None


# --- The limit on the survey's audio question, over HTTP ------------------------------------


def audio_url(survey) -> str:
    q = next(q for q in selectors.survey_questions(survey=survey) if q.type == "audio")
    return f"/survey/{survey.pk}/question/{q.id}/"


@pytest.mark.django_db
def test_a_recording_over_ten_minutes_is_refused_clearly_and_nothing_is_lost(client):
    survey = survey_page()
    client.post(f"/survey/{survey.pk}/start/")
    response = Response.objects.get()
    short_q = next(q for q in selectors.survey_questions(survey=survey) if q.type == "short_text")
    client.post(f"/survey/{survey.pk}/question/{short_q.id}/", {"answer": "The park"})
    url = audio_url(survey)

    too_long = SimpleUploadedFile("long.wav", wav(10 * 60 + 5))  # 4.8 MB: under the size limit
    r = client.post(url, {"answer": too_long})
    html = r.content.decode()
    assert r.status_code == 200
    assert "<title>Error: " in html and "There is a problem" in html
    assert (
        "The recording must be 10 minutes long or shorter. It is 10 minutes 5 seconds long."
        in html
    )
    assert not Answer.objects.filter(response=response, audio__gt="").exists()
    assert Answer.objects.get(response=response, question_id=short_q.id).text == "The park"

    r = client.post(url, {"answer": SimpleUploadedFile("ok.wav", wav(9 * 60 + 59))})
    assert r.status_code == 302
    assert Answer.objects.get(response=response, audio__gt="").audio_content_type == "audio/wav"


@pytest.mark.django_db
def test_the_limit_is_a_setting_and_applies_to_browser_recordings(client, settings):
    settings.EVERYVOICE_MAX_AUDIO_SECONDS = 1
    survey = survey_page()
    client.post(f"/survey/{survey.pk}/start/")
    url = audio_url(survey)
    for name in ("chromium-recording.webm", "chromium-recording.m4a"):
        upload = SimpleUploadedFile(name, (DATA / name).read_bytes())
        r = client.post(url, {"answer": upload})
        assert r.status_code == 200
        assert "must be 1 second long or shorter. It is 1 second long" in r.content.decode()
    settings.EVERYVOICE_MAX_AUDIO_SECONDS = 2
    upload = SimpleUploadedFile("r.webm", (DATA / "chromium-recording.webm").read_bytes())
    assert client.post(url, {"answer": upload}).status_code == 302
