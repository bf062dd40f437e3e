"""Hostile audio and image uploads: bounded readers, one read per upload, clear refusals.

The crafted files come from ``tests/hostile_files.py`` (the same ones ``bench/hostile_input.py``
times). Property tests (Hypothesis) feed the readers damaged and random files: they must give
a length, say they do not know, or refuse the file as too complex, and never fail otherwise.
"""

import io
import math
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from feedback import audio_duration, selectors, uploads
from feedback.audio_duration import Budget, TooComplex, duration_seconds
from feedback.models import Answer
from tests import hostile_files as hf
from tests.feedback.factories import survey_page

DATA = Path(__file__).parent / "data"
MB = 1_000_000

ORDINARY = {
    "audio/mp4": hf.mp4_ordinary,
    "audio/webm": hf.webm_ordinary,
    "audio/ogg": hf.ogg_ordinary,
    "audio/mpeg": hf.mp3_ordinary,
    "audio/aac": hf.adts_ordinary,
    "audio/wav": hf.wav_ordinary,
}
CRAFTED = [
    ("audio/mp4", hf.mp4_many_fragments),
    ("audio/mp4", hf.mp4_trun_overrun),
    ("audio/webm", hf.webm_tiny_elements),
    ("audio/webm", hf.webm_nested_unknown),
    ("audio/ogg", hf.ogg_many_pages),
    ("audio/mpeg", hf.mp3_garbage),
    ("audio/aac", hf.adts_tiny_frames),
    ("audio/wav", hf.wav_many_chunks),
]


def _length_or_refusal(data: bytes, content_type: str, **kwargs):
    try:
        return duration_seconds(data, content_type, **kwargs)
    except TooComplex:
        return "too complex"


@pytest.mark.parametrize(
    ("content_type", "build"), CRAFTED, ids=lambda v: getattr(v, "__name__", v)
)
def test_crafted_files_are_measured_or_refused_never_walked_without_end(content_type, build):
    counted = Counting()
    data = build(2 * MB)
    result = _length_or_refusal_with(counted, data, content_type)
    assert result == "too complex" or result is None or result >= 0
    assert counted.steps <= counted.allowed + 1  # the step that found the budget spent


class Counting:
    """Wraps Budget.step to count the structures a reader walked."""

    def __init__(self) -> None:
        self.steps = 0
        self.allowed = Budget.for_seconds(audio_duration.DEFAULT_MAX_SECONDS).left


def _length_or_refusal_with(counted: Counting, data: bytes, content_type: str):
    original = Budget.step

    def step(self):
        counted.steps += 1
        original(self)

    Budget.step = step
    try:
        return _length_or_refusal(data, content_type)
    finally:
        Budget.step = original


def test_the_issues_many_fragment_mp4_is_measured_in_one_pass():
    """The issue's 2 MB file of moof/trun boxes: its length, from a walk of each box once."""
    data = hf.mp4_many_fragments(2 * MB)
    counted = Counting()
    seconds = _length_or_refusal_with(counted, data, "audio/mp4")
    assert seconds == pytest.approx(600.8, abs=1)  # it stops once past the 10-minute limit
    fragments = data.count(b"moof")
    assert counted.steps < fragments * 8  # a handful of boxes per fragment, never the file


def test_a_run_that_claims_more_samples_than_its_box_is_not_read_past_its_box():
    head = hf.mp4_trun_overrun(2_000)
    assert _length_or_refusal(head, "audio/mp4") is None


@pytest.mark.parametrize("content_type", sorted(ORDINARY))
def test_ordinary_recordings_fit_the_budget(content_type):
    """The budget is sized for real recordings of the longest length allowed."""
    data = ORDINARY[content_type](MB)
    seconds = duration_seconds(data, content_type, max_seconds=3_600)
    assert seconds is not None and seconds > 0


def test_a_long_recording_stops_being_read_once_past_the_limit():
    data = hf.webm_ordinary(10 * MB)  # about 20 minutes at 68 kbit/s
    seconds = duration_seconds(data, "audio/webm", max_seconds=60)
    assert 60 < seconds < 70


# --- Property tests -------------------------------------------------------------------------

SEEDS = {
    "audio/webm": (DATA / "chromium-recording.webm").read_bytes(),
    "audio/mp4": (DATA / "chromium-recording.m4a").read_bytes(),
    "audio/ogg": hf.ogg_ordinary(4_000),
    "audio/mpeg": hf.mp3_ordinary(4_000),
    "audio/aac": hf.adts_ordinary(4_000),
    "audio/wav": hf.wav_ordinary(4_000),
    "audio/flac": b"fLaC\x00\x00\x00\x22" + bytes(34),
}


@st.composite
def damaged(draw):
    content_type = draw(st.sampled_from(sorted(SEEDS)))
    data = bytearray(SEEDS[content_type])
    for _ in range(draw(st.integers(0, 12))):
        at = draw(st.integers(0, len(data) - 1))
        data[at] = draw(st.integers(0, 255))
    cut = draw(st.integers(0, len(data)))
    tail = draw(st.binary(max_size=64))
    return content_type, bytes(data[:cut]) + tail


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged())
def test_damaged_recordings_never_break_the_reader(case):
    content_type, data = case
    result = _length_or_refusal(data, content_type)
    assert result is None or result == "too complex" or (math.isfinite(result) and result >= 0)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(SEEDS)), st.binary(max_size=2_000))
def test_random_bytes_behind_each_formats_magic_never_break_the_reader(content_type, body):
    magic = SEEDS[content_type][:12]
    result = _length_or_refusal(magic + body, content_type)
    assert result is None or result == "too complex" or (math.isfinite(result) and result >= 0)


@settings(max_examples=100, deadline=None)
@given(st.binary(min_size=1, max_size=3_000), st.integers(1, 50))
def test_any_budget_is_respected(body, steps):
    """Whatever the bytes, no reader walks more structures than its budget allows."""
    for content_type, seed in SEEDS.items():
        try:
            audio_duration.READERS[content_type](seed[:16] + body, Budget(steps))
        except TooComplex:
            pass
        except (ValueError, IndexError, KeyError, OverflowError):
            pass  # damaged: duration_seconds turns these into "unknown"
        except Exception as exc:  # pragma: no cover - the failure we look for
            pytest.fail(f"{content_type}: {exc!r}")


# --- The upload check reads each file once --------------------------------------------------


def test_each_upload_is_read_and_measured_once_however_many_checks(monkeypatch):
    calls = []
    real = uploads.duration_seconds
    monkeypatch.setattr(
        uploads, "duration_seconds", lambda *a, **k: calls.append(1) or real(*a, **k)
    )
    upload = SimpleUploadedFile("r.webm", SEEDS["audio/webm"])
    first = uploads.audio_check(upload)
    second = uploads.audio_check(upload)
    assert first == second and first.content_type == "audio/webm"
    assert len(calls) == 1


@pytest.mark.django_db
def test_a_crafted_recording_is_refused_clearly_over_http(client, monkeypatch):
    calls = []
    real = uploads.duration_seconds
    monkeypatch.setattr(
        uploads, "duration_seconds", lambda *a, **k: calls.append(1) or real(*a, **k)
    )
    survey = survey_page()
    client.post(f"/survey/{survey.pk}/start/")
    q = next(q for q in selectors.survey_questions(survey=survey) if q.type == "audio")
    crafted = SimpleUploadedFile("x.webm", hf.webm_tiny_elements(2 * MB))
    r = client.post(f"/survey/{survey.pk}/question/{q.id}/", {"answer": crafted})
    html = r.content.decode()
    assert r.status_code == 200 and "There is a problem" in html
    assert "We could not read this recording" in html
    assert not Answer.objects.filter(audio__gt="").exists()
    assert len(calls) == 1

    ok = SimpleUploadedFile("ok.webm", SEEDS["audio/webm"])
    r = client.post(f"/survey/{survey.pk}/question/{q.id}/", {"answer": ok})
    assert r.status_code == 302
    assert len(calls) == 2  # the form and the service shared one read


# --- Images ---------------------------------------------------------------------------------


def _photo(data: bytes, name: str = "p") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


@pytest.mark.parametrize(
    "data",
    [hf.png_bomb(9_000, 9_000), hf.jpeg_claiming(65_000, 65_000), hf.jpeg_claiming(20_000, 9_000)],
    ids=["png-81-megapixels", "jpeg-claims-4-gigapixels", "jpeg-claims-180-megapixels"],
)
def test_picture_bombs_are_refused_from_their_header(data):
    with pytest.raises(ValidationError) as refused:
        uploads.photo_check(_photo(data))
    assert refused.value.code == "too_many_pixels"


def test_a_photo_with_a_broken_exif_block_is_kept_without_it():
    upload = _photo(hf.jpeg_bad_exif())
    assert uploads.photo_check(upload).content_type == "image/jpeg"
    from PIL import Image

    clean = Image.open(io.BytesIO(uploads.photo_without_metadata(upload).read()))
    assert clean.size == (32, 16) and not clean.getexif()


def test_a_photo_is_decoded_once_for_its_check_and_its_clean_copy(monkeypatch):
    calls = []
    real = uploads._photo_clean_bytes
    monkeypatch.setattr(uploads, "_photo_clean_bytes", lambda *a: calls.append(1) or real(*a))
    upload = _photo(hf.jpeg_ordinary(64, 48))
    uploads.photo_check(upload)
    uploads.photo_without_metadata(upload)
    assert len(calls) == 1


def test_a_truncated_photo_is_refused_at_the_check_not_when_saved():
    data = hf.jpeg_ordinary(400, 300)
    with pytest.raises(ValidationError) as refused:
        uploads.photo_check(_photo(data[: len(data) // 3]))
    assert refused.value.code == "unreadable"


IMAGE_SEEDS = [hf.jpeg_ordinary(24, 16), hf.png_bomb(24, 16)]


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(IMAGE_SEEDS),
    st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=10),
    st.integers(0, 10**6),
)
def test_damaged_photos_are_refused_with_a_message_or_kept(seed, flips, cut):
    data = bytearray(seed)
    for at, value in flips:
        data[at % len(data)] = value
    data = bytes(data[: max(12, cut % (len(data) + 1))])
    try:
        uploads.photo_check(_photo(data))
    except ValidationError as refused:
        assert refused.code in {"unreadable", "not_image", "too_many_pixels"}
