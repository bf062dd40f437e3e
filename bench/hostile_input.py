"""Time crafted (hostile) files against ordinary ones, through the checks uploads really use.

Each row is one crafted file from ``tests/hostile_files.py`` (many moof/trun boxes, tiny or
endlessly nested EBML elements, huge Ogg page counts, MP3 garbage, picture bombs, CSVs with a
million columns, a 100 MB field or NUL bytes) beside an ordinary file of the same kind:

- uploads (audio, BSL videos, photos): the server's whole work for the request: Django's multipart
  parser reading the body (spooled to disk above 2.5 MB, as in production), then the upload
  check. The ordinary recording is real-shaped, of the same format, as big as the crafted
  one or 10 minutes long if that is smaller (the most a real upload can cost); the ordinary
  photo is a 12-megapixel JPEG, or a 48-megapixel one beside a crafted picture as big;
- CSV files are read from disk, as ``taxonomy_import`` and ``evaluate_tagger`` read them,
  against an ordinary file of 1 MB (the admin's limit) of ordinary rows; bulk entry against
  1,000 ordinary lines (its limit).

Times are the median of ``--repeat`` runs, in milliseconds. Targets (issue #12): each crafted
file at most 1 s and at most 3x its ordinary file.

    .venv/bin/python bench/hostile_input.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.exceptions import ValidationError  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.core.files.uploadhandler import load_handler  # noqa: E402

from cms.services import ImportResult, _parse  # noqa: E402
from feedback import bulk, uploads  # noqa: E402
from tasks.tagging.io import read_labelled_csv  # noqa: E402
from tests import hostile_files as hf  # noqa: E402

MB = 1_000_000
TEN_MINUTES = {  # bytes of 10 minutes of each ordinary recording
    "mp4": len(hf.mp4_ordinary(1)) + 600 * 4_950,
    "webm": 600 * 8_700,
    "ogg": 600 * 50 * 229,
    "mp3": 600 * 16_000,
    "aac": 600 * 16_000,
    "wav": 600 * 32_000,
}


def _request(data: bytes):
    """The upload as the view gets it: the multipart body parsed by Django's own parser."""
    from django.http.multipartparser import MultiPartParser
    from django.test.client import BOUNDARY, encode_multipart

    body = encode_multipart(BOUNDARY, {"answer": SimpleUploadedFile("upload", data)})
    meta = {
        "CONTENT_TYPE": f"multipart/form-data; boundary={BOUNDARY}",
        "CONTENT_LENGTH": str(len(body)),
    }
    handlers = [load_handler(h) for h in settings.FILE_UPLOAD_HANDLERS]
    _post, files = MultiPartParser(meta, io.BytesIO(body), handlers).parse()
    return files["answer"]


def audio(data: bytes) -> str:
    try:
        return uploads.audio_check(_request(data)).content_type
    except ValidationError as exc:
        return f"refused: {exc.code}"


def video(data: bytes) -> str:
    try:
        return uploads.video_check(_request(data)).content_type
    except ValidationError as exc:
        return f"refused: {exc.code}"


def photo(data: bytes) -> str:
    try:
        upload = _request(data)
        uploads.photo_check(upload)
        uploads.photo_without_metadata(upload)
        return "stored"
    except ValidationError as exc:
        return f"refused: {exc.code}"


def taxonomy(path: Path) -> str:
    result = ImportResult()
    with open(path, encoding="utf-8-sig", newline="") as source:
        rows = _parse(source, result)
    return f"{len(rows)} rows, errors on lines {[e.line for e in result.errors][:3]}"


def labelled(path: Path) -> str:
    try:
        return f"{len(read_labelled_csv(path))} rows"
    except ValueError as exc:
        return f"refused: {str(exc)[:40]}"


def bulk_entry(text: str) -> str:
    try:
        return f"{len(bulk.parse_lines(text))} contributions"
    except ValueError as exc:
        return f"refused: {str(exc)[:40]}"


def cases():
    for size in (2 * MB, 10 * MB):
        label = f"{size // MB} MB"
        for name, crafted, ordinary, kind in [
            ("mp4 many moof/trun", hf.mp4_many_fragments, hf.mp4_ordinary, "mp4"),
            ("mp4 trun overrun", hf.mp4_trun_overrun, hf.mp4_ordinary, "mp4"),
            ("webm tiny elements", hf.webm_tiny_elements, hf.webm_ordinary, "webm"),
            ("webm nested unknown sizes", hf.webm_nested_unknown, hf.webm_ordinary, "webm"),
            ("ogg many pages", hf.ogg_many_pages, hf.ogg_ordinary, "ogg"),
            ("mp3 garbage frames", hf.mp3_garbage, hf.mp3_ordinary, "mp3"),
            ("adts tiny frames", hf.adts_tiny_frames, hf.adts_ordinary, "aac"),
            ("wav many chunks", hf.wav_many_chunks, hf.wav_ordinary, "wav"),
        ]:
            normal = ordinary(min(size, TEN_MINUTES[kind]))
            yield f"{name} {label}", audio, crafted(size), normal
    # BSL video answers: up to 50 MB and 3 minutes. The crafted containers that reach the
    # video check (WebM and MP4 are video's formats too), against a camera recording just under
    # 3 minutes (175 s) as big as the crafted file (a real upload can be both that long and
    # that big: 50 MB in 3 minutes is a phone camera at ~2.3 Mbit/s).
    for size in (10 * MB, 50 * MB):
        label = f"{size // MB} MB"
        normal = hf.webm_video_ordinary(size, frame=size // (175 * 30) - 16)
        for name, crafted in [
            ("video webm tiny elements", hf.webm_tiny_elements),
            ("video webm nested unknown sizes", hf.webm_nested_unknown),
            ("video mp4 many moof/trun", hf.mp4_many_fragments),
        ]:
            yield f"{name} {label}", video, crafted(size - 1024), normal
    ordinary_photo = hf.jpeg_ordinary()
    yield "png bomb 81 MP", photo, hf.png_bomb(9_000, 9_000), ordinary_photo
    # Just under the pixel cap, against a phone photo as big (48 MP phones are common).
    yield "png 48 MP one colour", photo, hf.png_bomb(8_000, 6_000), hf.jpeg_ordinary(8_000, 6_000)
    yield "jpeg claims 4 GP", photo, hf.jpeg_claiming(65_000, 65_000), ordinary_photo
    yield "jpeg broken exif", photo, hf.jpeg_bad_exif(), ordinary_photo
    header = "code,kind,name,description,keywords\r\n"
    row = "pathway-{i},pathway,A pathway name,What the pathway is for in a sentence,a;b;c\r\n"
    normal = header + "".join(row.format(i=i) for i in range(MB // len(row)))
    yield "taxonomy csv 1M columns", taxonomy, ",".join(["x"] * MB), normal
    yield "taxonomy csv 100 MB field", taxonomy, header + '"' + "a" * 100 * MB, normal
    yield "taxonomy csv NULs", taxonomy, header + "\x00," * 200_000, normal
    labelled_row = '"The annual health check was good, the nurse listened",pledge-9\r\n'
    normal = "text,codes\r\n" + labelled_row * (MB // len(labelled_row))
    yield "labelled csv 1M columns", labelled, "text,codes\r\n" + "x," * MB, normal
    yield "labelled csv 100 MB field", labelled, 'text,codes\r\n"' + "a" * 100 * MB, normal
    yield "labelled csv NULs", labelled, "text,codes\r\n" + "\x00a,b\r\n" * 100_000, normal
    normal = "\n".join(f"carer: contribution {i} about waiting" for i in range(1_000))
    yield "bulk entry 12 MB line", bulk_entry, "x" * 12 * MB, normal
    yield "bulk entry 1M lines", bulk_entry, "a\n" * MB, normal


def on_disk(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def timed(check, data, repeat: int) -> tuple[float, str]:
    import warnings

    warnings.simplefilter("ignore")  # Pillow's note on the broken EXIF block, once a run
    times, outcome = [], ""
    for _ in range(repeat):
        started = time.perf_counter()
        outcome = check(data)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000, outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = []
    folder = Path(tempfile.mkdtemp(prefix="everyvoice-hostile-"))
    for name, check, crafted, ordinary in cases():
        if check in (taxonomy, labelled):  # read from disk, as the commands do
            crafted = on_disk(folder, "crafted.csv", crafted)
            ordinary = on_disk(folder, "ordinary.csv", ordinary)
        crafted_ms, outcome = timed(check, crafted, args.repeat)
        ordinary_ms, _ = timed(check, ordinary, args.repeat)
        ratio = crafted_ms / max(ordinary_ms, 1.0)  # below 1 ms, compare with 1 ms
        rows.append(
            {
                "file": name,
                "crafted_ms": round(crafted_ms, 1),
                "ordinary_ms": round(ordinary_ms, 1),
                "ratio": round(ratio, 2),
                "outcome": outcome,
                "within_target": crafted_ms <= 1000 and ratio <= 3,
            }
        )
        print(json.dumps(rows[-1]), flush=True)
    shutil.rmtree(folder)
    print(json.dumps({"all_within_target": all(r["within_target"] for r in rows)}))


if __name__ == "__main__":
    main()
