"""Builders for ordinary and crafted (hostile) files, shared by the tests and
``bench/hostile_input.py``. Plain Python plus Pillow; every file is made here, none downloaded.

Ordinary files look like what browsers and phones record; crafted ones are shaped to make a
reader work as hard as possible for their size (many boxes, tiny elements, false sync words).
"""

from __future__ import annotations

import io
import struct
import zlib

# --- MP4 ------------------------------------------------------------------------------------


def _box(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I4s", 8 + len(body), kind) + body


def _full(kind: bytes, flags: int, body: bytes, version: int = 0) -> bytes:
    return _box(kind, bytes([version]) + flags.to_bytes(3, "big") + body)


def _mp4_head(handler: bytes = b"soun") -> bytes:
    ftyp = _box(b"ftyp", b"iso6" + bytes(4) + b"iso6mp41")
    mvhd = _full(b"mvhd", 0, bytes(8) + struct.pack(">II", 1000, 0) + bytes(80))
    mdhd = _full(b"mdhd", 0, bytes(8) + struct.pack(">II", 48000, 0) + bytes(4))
    hdlr = _full(b"hdlr", 0, bytes(4) + handler + bytes(12) + b"\0")
    trak = _box(b"trak", _box(b"mdia", mdhd + hdlr))
    trex = _full(b"trex", 0, struct.pack(">IIIII", 1, 1, 960, 0, 0))
    return ftyp + _box(b"moov", mvhd + trak + _box(b"mvex", trex))


def _mp4_fragment(start: int, samples: int, payload: int) -> bytes:
    tfhd = _full(b"tfhd", 0x20000, struct.pack(">I", 1))
    tfdt = _full(b"tfdt", 0, struct.pack(">Q", start), version=1)
    trun = _full(
        b"trun", 0x100 | 0x200, struct.pack(">I", samples) + struct.pack(">II", 960, 80) * samples
    )
    moof = _box(
        b"moof", _full(b"mfhd", 0, struct.pack(">I", 1)) + _box(b"traf", tfhd + tfdt + trun)
    )
    return moof + _box(b"mdat", bytes(payload))


def mp4_ordinary(size: int, handler: bytes = b"soun") -> bytes:
    """A fragmented M4A as browsers record it: a fragment a second of 50 Opus-sized samples
    (``handler=b"vide"``: the same as a video track, for the BSL answer's picture check)."""
    out, start = bytearray(_mp4_head(handler)), 0
    while len(out) < size:
        out += _mp4_fragment(start, 50, 4_000)
        start += 50 * 960
    return bytes(out)


def mp4_many_fragments(size: int) -> bytes:
    """The issue's file: as many moof/trun boxes as fit, each with a long sample table."""
    out, start = bytearray(_mp4_head()), 0
    while len(out) < size:
        out += _mp4_fragment(start, 40, 0)
        start += 40 * 960
    return bytes(out)


def mp4_trun_overrun(size: int) -> bytes:
    """Each trun claims more samples than the rest of the file holds."""
    out = bytearray(_mp4_head())
    while len(out) < size:
        trun = _full(b"trun", 0x100, struct.pack(">I", 0x0FFFFFFF))
        out += _box(b"moof", _box(b"traf", trun))
    return bytes(out)


# --- WebM -----------------------------------------------------------------------------------


def _ebml(ident: int, body: bytes, size: bytes | None = None) -> bytes:
    id_bytes = ident.to_bytes((ident.bit_length() + 7) // 8, "big")
    if size is None:
        size = (0x01 << 56 | len(body)).to_bytes(8, "big")
    return id_bytes + size + body


_UNKNOWN = b"\x01\xff\xff\xff\xff\xff\xff\xff"


def _webm_tracks(*kinds: int) -> bytes:
    """A track list: one entry per kind (1 video VP8, 2 audio Opus), as browsers write it."""
    codecs = {1: b"V_VP8", 2: b"A_OPUS"}
    entries = b"".join(
        _ebml(
            0xAE, _ebml(0xD7, bytes([n])) + _ebml(0x83, bytes([kind])) + _ebml(0x86, codecs[kind])
        )
        for n, kind in enumerate(kinds, start=1)
    )
    return _ebml(0x1654AE6B, entries)


def _webm_head(*tracks: int) -> bytes:
    header = _ebml(0x1A45DFA3, _ebml(0x4282, b"webm"))
    info = _ebml(0x1549A966, _ebml(0x2AD7B1, (1_000_000).to_bytes(3, "big")))
    listed = _webm_tracks(*tracks) if tracks else b""
    return header + bytes.fromhex("18538067") + _UNKNOWN + info + listed


def webm_ordinary(size: int) -> bytes:
    """Browser-style WebM: clusters of unknown size, a 20 ms Opus block of 160 bytes each."""
    out, t = bytearray(_webm_head()), 0
    while len(out) < size:
        blocks = b"".join(
            _ebml(0xA3, b"\x81" + struct.pack(">h", i * 20) + b"\x80" + bytes(160))
            for i in range(50)
        )
        out += bytes.fromhex("1F43B675") + _UNKNOWN + _ebml(0xE7, t.to_bytes(4, "big")) + blocks
        t += 1000
    return bytes(out)


def webm_video_ordinary(size: int, frame: int = 4_000, *, picture: bool = True) -> bytes:
    """A browser-recorded camera video (a BSL answer): clusters of unknown size, a second
    each, 30 frames a second of ``frame`` bytes (~1 Mbit/s, the recorder's setting).
    ``picture=False``: the same container with a sound track only (the microphone alone)."""
    out, t = bytearray(_webm_head(1 if picture else 2)), 0
    while len(out) < size:
        blocks = b"".join(
            _ebml(0xA3, b"\x81" + struct.pack(">h", i * 33) + b"\x80" + bytes(frame))
            for i in range(30)
        )
        out += bytes.fromhex("1F43B675") + _UNKNOWN + _ebml(0xE7, t.to_bytes(4, "big")) + blocks
        t += 1000
    return bytes(out)


def webm_tiny_elements(size: int) -> bytes:
    """One unknown-size cluster full of the smallest elements there are (2 bytes each)."""
    head = _webm_head() + bytes.fromhex("1F43B675") + _UNKNOWN
    return head + b"\xec\x80" * ((size - len(head)) // 2)  # Void elements of size 0


def webm_nested_unknown(size: int) -> bytes:
    """Clusters of unknown size opening one after another: deep or looping nesting."""
    head = _webm_head()
    cluster = bytes.fromhex("1F43B675") + _UNKNOWN
    return head + cluster * ((size - len(head)) // len(cluster))


# --- Ogg, MP3, ADTS, WAV ---------------------------------------------------------------------


def _ogg_page(granule: int, payload: bytes, serial: int = 1) -> bytes:
    head = b"OggS\x00\x00" + struct.pack("<qIII", granule, serial, 0, 0)
    return head + bytes([1, len(payload)]) + payload


def ogg_ordinary(size: int) -> bytes:
    opus_head = b"OpusHead" + bytes([1, 1]) + struct.pack("<HI", 312, 48000) + b"\x00\x00\x00"
    out = bytearray(_ogg_page(0, opus_head) + _ogg_page(0, b"OpusTags"))
    granule = 0
    while len(out) < size:
        granule += 960
        out += _ogg_page(granule, bytes(200))
    return bytes(out)


def ogg_many_pages(size: int) -> bytes:
    """As many one-byte pages as fit, and false capture patterns ("OggS") in the last ones."""
    opus_head = b"OpusHead" + bytes([1, 1]) + struct.pack("<HI", 312, 48000) + b"\x00\x00\x00"
    out = bytearray(_ogg_page(0, opus_head))
    while len(out) < size:
        out += _ogg_page(-1, b"OggS")
    return bytes(out)


def mp3_ordinary(size: int) -> bytes:
    frame = bytes([0xFF, 0xFB, 0x90, 0x00]) + bytes(413)
    return frame * (size // len(frame))


def mp3_garbage(size: int) -> bytes:
    """An ID3 tag, then frame-sync bytes that never make a valid frame."""
    return b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\xff\xe0\xff\xff" * (size // 4)


def adts_header(length: int) -> bytes:
    """An ADTS frame header: AAC-LC, 44.1 kHz, one channel, a frame of ``length`` bytes."""
    return bytes(
        [
            0xFF,
            0xF1,
            0x50,
            0x80 | (length >> 11),
            (length >> 3) & 0xFF,
            ((length & 7) << 5) | 0x1F,
            0xFC,
        ]
    )


def adts_ordinary(size: int, length: int = 370) -> bytes:
    """AAC in ADTS frames at 44.1 kHz (1024 samples each), about 128 kbit/s."""
    frame = adts_header(length) + bytes(length - 7)
    return frame * (size // length)


def adts_tiny_frames(size: int) -> bytes:
    """The smallest ADTS frames there are (7 bytes, header only) at 8 kHz."""
    header = bytes([0xFF, 0xF1, 0x6C, 0x80, 0x00, 0xFF, 0xFC])
    return header * (size // 7)


def wav_ordinary(size: int) -> bytes:
    body = bytes(size - 44)
    fmt = struct.pack("<HHIIHH", 1, 1, 16000, 32000, 2, 16)
    return (
        b"RIFF"
        + struct.pack("<I", size - 8)
        + b"WAVE"
        + b"fmt "
        + struct.pack("<I", 16)
        + fmt
        + b"data"
        + struct.pack("<I", len(body))
        + body
    )


def wav_many_chunks(size: int) -> bytes:
    """Empty chunks all the way, so the data chunk is never reached."""
    return b"RIFF" + struct.pack("<I", size - 8) + b"WAVE" + b"junk\x00\x00\x00\x00" * (size // 8)


# --- Images ---------------------------------------------------------------------------------


def png_bomb(width: int, height: int) -> bytes:
    """A one-colour greyscale PNG: tiny on disk, ``width x height`` bytes once decoded."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    compress, row = zlib.compressobj(9), bytes(width + 1)
    idat = b"".join(compress.compress(row) for _ in range(height)) + compress.flush()
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def jpeg_claiming(width: int, height: int) -> bytes:
    """A real small JPEG whose frame header says it is ``width x height``."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (16, 16), "white").save(out, format="JPEG")
    data = bytearray(out.getvalue())
    sof = data.find(b"\xff\xc0")
    struct.pack_into(">HH", data, sof + 5, height, width)
    return bytes(data)


def jpeg_ordinary(width: int = 4000, height: int = 3000) -> bytes:
    """A phone-sized photo (12 megapixels) of noise-free colour bands."""
    from PIL import Image

    image = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=85)
    return out.getvalue()


def jpeg_bad_exif() -> bytes:
    """A JPEG whose EXIF block is truncated garbage with an orientation tag."""
    from PIL import Image

    out = io.BytesIO()
    exif = b"Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08\xff\xff" + b"\x01\x12" * 50
    Image.new("RGB", (32, 16), "white").save(out, format="JPEG", exif=exif)
    return out.getvalue()
