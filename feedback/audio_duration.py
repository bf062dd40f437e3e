"""How long a recording is, read from its own headers: no decoding and no dependencies.

Pure functions over the file's bytes (an audio upload is at most 10 MB, so it is read once,
whole; a BSL video answer, up to 50 MB, is memory-mapped from its temporary file instead).
Each reader returns seconds, or None when the file does not say (a damaged or unusual file):
the caller then relies on the size limit alone. Formats: WAV, FLAC, Ogg (Opus, Vorbis),
MP4/M4A, WebM/Matroska (including browser recordings, which carry no duration field: the last
block's time is used), MP3 (Xing/Info or VBRI frame count, else the constant bit rate) and
ADTS AAC.

Every reader is bounded, because anyone can upload a file built to make a parser work:

- it never reads past the end of the box, chunk, element or page it is in, and never goes
  back over bytes it has read (a fragment's sample table is summed once, inside its box);
- it walks at most a *budget* of structures (boxes, chunks, elements, pages, frames): enough
  for a real recording of the longest length allowed (a 10-minute browser recording walks
  about 20,000), a few times over. A file that needs more is not a real recording, and
  ``TooComplex`` says so instead of walking on. So the work is at most a few times what the
  longest real recording costs, whatever the file's size or shape;
- where a format keeps its length in a header (WAV, Ogg, MP3), only a few candidates for that
  header are looked at (64 WAV chunks, 64 Ogg page starts, 256 MP3 frame syncs): a real file
  has it among the first.

``bench/hostile_input.py`` times crafted files against ordinary ones through the upload check.
"""

from __future__ import annotations

import mmap
import struct
import sys
from array import array

# A budget of structures walked per second of audio allowed. Browser recordings need about 30
# a second (Chromium's WebM: ~32 elements a second; its fragmented MP4: ~20 boxes a second;
# ADTS AAC at 96 kHz: 94 frames a second), so 100 fits every real file with room to spare.
STEPS_PER_SECOND = 100
STEPS_FIXED = 1_000  # headers, tags, seek tables: what any file has besides its audio
# Video (BSL answers) has a block per frame as well as the sound's: up to 60 frames a second
# plus 50 Opus blocks is ~110 elements a second, so 250 leaves the same room to spare.
VIDEO_STEPS_PER_SECOND = 250
DEFAULT_MAX_SECONDS = 10 * 60


class TooComplex(ValueError):
    """The file has more structure than any real recording of the allowed length."""


class Budget:
    """How many more structures a reader may walk before the file is refused."""

    __slots__ = ("left", "seconds")

    def __init__(self, steps: int, seconds: float = float("inf")) -> None:
        self.left = steps
        # Readers that add time up as they go stop once past this: the file is too long,
        # and how much too long does not matter.
        self.seconds = seconds

    @classmethod
    def for_seconds(cls, seconds: float, per_second: int = STEPS_PER_SECOND) -> Budget:
        return cls(int(STEPS_FIXED + per_second * max(seconds, 1)), seconds)

    def step(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise TooComplex("more boxes, elements or frames than a real recording has")


# --- WAV ------------------------------------------------------------------------------------


# A real WAV has a handful of chunks before its data (fmt, LIST, fact, bext...).
_WAV_MAX_CHUNKS = 64


def wav_seconds(data: bytes, budget: Budget) -> float | None:
    byte_rate = None
    pos = 12
    for _ in range(_WAV_MAX_CHUNKS):
        if pos + 8 > len(data):
            return None
        budget.step()
        chunk, size = data[pos : pos + 4], struct.unpack_from("<I", data, pos + 4)[0]
        body = pos + 8
        if chunk == b"fmt " and size >= 12 and body + 12 <= len(data):
            byte_rate = struct.unpack_from("<I", data, body + 8)[0]
        elif chunk == b"data":
            if not byte_rate:
                return None
            size = min(size, len(data) - body)  # streamed WAVs may say 0xFFFFFFFF
            return size / byte_rate
        pos = body + size + (size & 1)
    raise TooComplex("more chunks before the audio than a real WAV has")


# --- FLAC -----------------------------------------------------------------------------------


def flac_seconds(data: bytes, budget: Budget) -> float | None:
    # "fLaC", then STREAMINFO (always first): 4-byte block header, rate/channels/bits/samples
    # packed into the 8 bytes at offset 10 of its body. Nothing else is read.
    if len(data) < 8 + 18 or data[4] & 0x7F != 0:
        return None
    packed = int.from_bytes(data[8 + 10 : 8 + 18], "big")
    rate = packed >> 44
    samples = packed & ((1 << 36) - 1)
    return samples / rate if rate and samples else None


# --- Ogg ------------------------------------------------------------------------------------

_OGG_TAIL = 65_536 * 2  # the last page starts in the last two maximum-size pages
# Candidates for the last page looked at (a real file's is the first or second found).
_OGG_MAX_CANDIDATES = 64


def ogg_seconds(data: bytes, budget: Budget) -> float | None:
    """The last page of the first stream: its granule position over the sample rate (minus
    Opus pre-skip). Only the first page and the file's tail are read, so the number of pages
    costs nothing; a capture pattern inside a packet is skipped by checking the page's
    version and stream serial number."""
    if len(data) < 27 or not data.startswith(b"OggS"):
        return None
    serial = data[14:18]
    head = data[:512]
    if (i := head.find(b"OpusHead")) >= 0 and len(head) >= i + 12:
        rate, skip = 48000, struct.unpack_from("<H", head, i + 10)[0]
    elif (i := head.find(b"\x01vorbis")) >= 0 and len(head) >= i + 16:
        rate, skip = struct.unpack_from("<I", head, i + 12)[0], 0
    else:
        return None
    if not rate:
        return None
    floor = max(0, len(data) - _OGG_TAIL)
    end = len(data)
    for _ in range(_OGG_MAX_CANDIDATES):
        last = data.rfind(b"OggS", floor, end)
        if last < 0:
            return None
        budget.step()
        end = last + 3  # the next search looks before this candidate
        if last + 27 > len(data) or data[last + 4] != 0 or data[last + 14 : last + 18] != serial:
            continue
        granule = struct.unpack_from("<q", data, last + 6)[0]
        if granule == -1:  # a page where no packet ends
            continue
        return max(granule - skip, 0) / rate if granule > 0 else None
    return None


# --- MP4 / M4A ------------------------------------------------------------------------------


def _boxes(data: bytes, start: int, end: int, budget: Budget):
    """(type, body start, body end) of each box between start and end; never past end."""
    pos = start
    while pos + 8 <= end:
        budget.step()
        size, kind = struct.unpack_from(">I4s", data, pos)
        header = 8
        if size == 1:
            if pos + 16 > end:
                return
            size, header = struct.unpack_from(">Q", data, pos + 8)[0], 16
        elif size == 0:
            size = end - pos
        if size < header:
            return
        yield kind, pos + header, min(pos + size, end)
        pos += size


def _child(data: bytes, body: int, end: int, budget: Budget, *path: bytes):
    """The body of the box at ``path`` under this one (first match at each level)."""
    for kind, cbody, cend in _boxes(data, body, end, budget):
        if kind == path[0]:
            if len(path) == 1:
                return cbody, cend
            return _child(data, cbody, cend, budget, *path[1:])
    return None


def _time_and_duration(data: bytes, body: int, end: int) -> tuple[int, int]:
    """(timescale, duration) from an mvhd or mdhd box body, version 0 or 1."""
    if data[body] == 1:
        if body + 32 > end:
            raise ValueError("short header box")
        return struct.unpack_from(">IQ", data, body + 20)
    if body + 20 > end:
        raise ValueError("short header box")
    return struct.unpack_from(">II", data, body + 12)


def mp4_seconds(data: bytes, budget: Budget) -> float | None:
    """The movie header's duration; for a fragmented file (what browsers record), where that
    is 0, the end of the last fragment: its start (tfdt) plus its samples' durations.

    One walk over the top-level boxes; each fragment is read inside its own box only, as it
    is met (the movie box comes first in every fragmented file)."""
    boxes = _boxes(data, 0, len(data), budget)
    moov = next(((body, end) for kind, body, end in boxes if kind == b"moov"), None)
    if moov is None:
        return None
    mvhd = _child(data, *moov, budget, b"mvhd")
    if mvhd:
        timescale, duration = _time_and_duration(data, *mvhd)
        if timescale and duration:
            return duration / timescale
    mdhd = _child(data, *moov, budget, b"trak", b"mdia", b"mdhd")
    if mdhd is None:
        return None
    timescale = _time_and_duration(data, *mdhd)[0]
    trex = _child(data, *moov, budget, b"mvex", b"trex")
    default_duration = 0
    if trex and trex[0] + 16 <= trex[1]:
        default_duration = struct.unpack_from(">I", data, trex[0] + 12)[0]
    end_time = 0
    for kind, body, end in boxes:  # the rest of the top level, after the movie box
        if kind != b"moof":
            continue
        traf = _child(data, body, end, budget, b"traf")  # the first track only: audio
        if traf is not None:
            end_time = max(end_time, _fragment_end(data, *traf, budget, default_duration))
            if timescale and end_time / timescale > budget.seconds:
                break  # already too long
    return end_time / timescale if timescale and end_time else None


def _fragment_end(data: bytes, body: int, end: int, budget: Budget, default: int) -> int:
    """When one track fragment ends: its start time plus the durations of its samples."""
    start, total, runs = 0, 0, []
    for kind, cbody, cend in _boxes(data, body, end, budget):
        if kind == b"tfhd" and cbody + 8 <= cend:
            flags, offset = int.from_bytes(data[cbody + 1 : cbody + 4], "big"), cbody + 8
            offset += 8 if flags & 0x1 else 0  # base data offset
            offset += 4 if flags & 0x2 else 0  # sample description index
            if flags & 0x8 and offset + 4 <= cend:
                default = struct.unpack_from(">I", data, offset)[0]
        elif kind == b"tfdt" and cbody + 8 <= cend:
            fmt = ">Q" if data[cbody] == 1 and cbody + 12 <= cend else ">I"
            start = struct.unpack_from(fmt, data, cbody + 4)[0]
        elif kind == b"trun":
            runs.append((cbody, cend))
    for cbody, cend in runs:  # after tfhd, whatever the order of the boxes
        total += _trun_duration(data, cbody, cend, default)
    return start + total


def _trun_duration(data: bytes, body: int, end: int, default: int) -> int:
    """The samples' durations in one track run, read from inside the run's own box."""
    if body + 8 > end:
        raise ValueError("short trun")
    flags = int.from_bytes(data[body + 1 : body + 4], "big")
    count = struct.unpack_from(">I", data, body + 4)[0]
    if not flags & 0x100:
        return count * default
    pos = body + 8 + (4 if flags & 0x1 else 0) + (4 if flags & 0x4 else 0)
    fields = sum(1 for bit in (0x100, 0x200, 0x400, 0x800) if flags & bit)
    if pos + count * 4 * fields > end:
        raise ValueError("trun says more samples than its box holds")
    # The table is big-endian 32-bit words; the duration is the first of each sample's.
    words = array("I", data[pos : pos + count * 4 * fields])
    if sys.byteorder == "little":
        words.byteswap()
    return sum(words[::fields])


# --- WebM / Matroska (EBML) -----------------------------------------------------------------

SEGMENT, INFO, CLUSTER = 0x18538067, 0x1549A966, 0x1F43B675
TIMECODE_SCALE, DURATION, TIMECODE, SIMPLE_BLOCK, BLOCK_GROUP, BLOCK = (
    0x2AD7B1,
    0x4489,
    0xE7,
    0xA3,
    0xA0,
    0xA1,
)
# Elements that sit beside clusters (seek head, info, tracks, cluster, cues, attachments,
# chapters, tags): meeting one ends a cluster of unknown size.
SEGMENT_CHILDREN = frozenset(
    {0x114D9B74, INFO, 0x1654AE6B, CLUSTER, 0x1C53BB6B, 0x1941A469, 0x1043A770, 0x1254C367}
)


def _vint(data: bytes, pos: int, *, keep_marker: bool) -> tuple[int, int, bool]:
    """An EBML variable-length integer: (value, next position, all value bits set)."""
    first = data[pos]
    length = 9 - first.bit_length()  # the marker bit's position gives the length
    if length > 8 or pos + length > len(data):
        raise ValueError("bad EBML number")
    value = int.from_bytes(data[pos : pos + length], "big")
    if keep_marker:
        return value, pos + length, False
    mask = (1 << (7 * length)) - 1
    value &= mask
    return value, pos + length, value == mask


def _element(data: bytes, pos: int, budget: Budget) -> tuple[int, int, int | None]:
    """(id, body start, body size or None when unknown). ``_vint`` twice, inlined: this is
    the one step a crafted WebM can make us repeat, so it is kept cheap."""
    budget.step()
    id_length = 9 - data[pos].bit_length()
    size_at = pos + id_length
    if id_length > 8 or size_at >= len(data):
        raise ValueError("bad EBML number")
    size_length = 9 - data[size_at].bit_length()
    body = size_at + size_length
    if size_length > 8 or body > len(data):
        raise ValueError("bad EBML number")
    mask = (1 << (7 * size_length)) - 1
    size = int.from_bytes(data[size_at:body], "big") & mask
    return int.from_bytes(data[pos:size_at], "big"), body, None if size == mask else size


def webm_seconds(data: bytes, budget: Budget) -> float | None:
    """The segment's Duration, else the latest block time. Elements are walked forwards only
    (every step moves past at least the element's header), nothing is entered twice, and
    nesting is followed only where it matters (segment > info, segment > cluster > block)."""
    ident, body, size = _element(data, 0, budget)  # the EBML header
    pos = body + (size or 0)
    ident, body, size = _element(data, pos, budget)
    if ident != SEGMENT:
        return None
    end = len(data) if size is None else min(body + size, len(data))
    scale, duration, last_block = 1_000_000, None, None
    pos, pending = body, None
    while pos < end:
        ident, body, size = pending or _element(data, pos, budget)
        pending = None
        if ident == INFO and size is not None:
            info_end = min(body + size, end)
            p = body
            while p < info_end:
                child, cbody, csize = _element(data, p, budget)
                if csize is None or cbody + csize > info_end:
                    break
                raw = data[cbody : cbody + csize]
                if child == TIMECODE_SCALE and csize <= 8:
                    scale = int.from_bytes(raw, "big") or scale
                elif child == DURATION and csize in (4, 8):
                    duration = struct.unpack(">f" if csize == 4 else ">d", raw)[0]
                p = cbody + csize
        elif ident == CLUSTER:
            cluster_end = end if size is None else min(body + size, end)
            pos, time, pending = _cluster_last_block(data, body, cluster_end, budget)
            if time is not None:
                last_block = max(last_block or 0, time)
                if last_block * scale / 1e9 > budget.seconds:
                    break  # already too long
            continue
        if size is None:
            break
        pos = body + size
    if duration and duration > 0:
        return duration * scale / 1e9
    return last_block * scale / 1e9 if last_block is not None else None


def _cluster_last_block(data: bytes, pos: int, end: int, budget: Budget):
    """Walk one cluster: (where it ends, the latest block time in it, the element read
    after it if it was one that ends a cluster, so it is not read twice)."""
    cluster_time, latest = 0, None
    while pos < end:
        element = _element(data, pos, budget)
        ident, body, size = element
        if ident in SEGMENT_CHILDREN:
            return pos, latest, element
        if size is None:
            return pos, latest, None
        if ident == TIMECODE and size <= 8:
            cluster_time = int.from_bytes(data[body : body + size], "big")
        elif ident in (SIMPLE_BLOCK, BLOCK_GROUP):
            block = body
            if ident == BLOCK_GROUP:
                inner, block, _ = _element(data, body, budget)
                if inner != BLOCK:
                    pos = body + size
                    continue
            _track, after_track, _ = _vint(data, block, keep_marker=False)
            if after_track + 2 > min(body + size, end):
                raise ValueError("block runs past its element")
            relative = struct.unpack_from(">h", data, after_track)[0]
            latest = max(latest or 0, cluster_time + relative)
        pos = body + size
    return pos, latest, None


# --- Tracks: is there a picture? -----------------------------------------------------------

TRACKS, TRACK_ENTRY, TRACK_TYPE = 0x1654AE6B, 0xAE, 0x83
TRACK_TYPE_VIDEO = 1


def mp4_has_video(data: bytes, budget: Budget) -> bool | None:
    """Whether the movie has a video track (a ``trak`` whose handler is ``vide``): True,
    False (tracks, none of them video), or None (no movie box or no tracks found)."""
    moov = next(
        ((body, end) for kind, body, end in _boxes(data, 0, len(data), budget) if kind == b"moov"),
        None,
    )
    if moov is None:
        return None
    tracks = 0
    for kind, body, end in _boxes(data, *moov, budget):
        if kind != b"trak":
            continue
        tracks += 1
        hdlr = _child(data, body, end, budget, b"mdia", b"hdlr")
        # hdlr: version and flags (4 bytes), pre_defined (4), then the handler type.
        if (
            hdlr is not None
            and hdlr[0] + 12 <= hdlr[1]
            and bytes(data[hdlr[0] + 8 : hdlr[0] + 12]) == b"vide"
        ):
            return True
    return False if tracks else None


def _children(data: bytes, body: int, end: int, budget: Budget):
    """(id, body start, body end) of each element of known size inside one, never past end."""
    pos = body
    while pos < end:
        ident, cbody, csize = _element(data, pos, budget)
        if csize is None or cbody + csize > end:
            return
        yield ident, cbody, cbody + csize
        pos = cbody + csize


def webm_has_video(data: bytes, budget: Budget) -> bool | None:
    """Whether the segment's track list (which comes before the first cluster) has a video
    track (TrackType 1): True, False (tracks, none of them video), or None (no track list)."""
    ident, body, size = _element(data, 0, budget)  # the EBML header
    ident, body, size = _element(data, body + (size or 0), budget)
    if ident != SEGMENT:
        return None
    end = len(data) if size is None else min(body + size, len(data))
    pos = body
    while pos < end:
        ident, body, size = _element(data, pos, budget)
        if ident == CLUSTER or size is None:
            return None  # the media has started and no track list came before it
        if ident == TRACKS:
            entries = 0
            for child, cbody, cend in _children(data, body, min(body + size, end), budget):
                if child != TRACK_ENTRY:
                    continue
                entries += 1
                for field, fbody, fend in _children(data, cbody, cend, budget):
                    if (
                        field == TRACK_TYPE
                        and 0 < fend - fbody <= 8
                        and int.from_bytes(data[fbody:fend], "big") == TRACK_TYPE_VIDEO
                    ):
                        return True
            return False if entries else None
        pos = body + size
    return None


VIDEO_TRACK_READERS = {
    "video/webm": webm_has_video,
    "video/mp4": mp4_has_video,
    "video/quicktime": mp4_has_video,
}


def has_video_track(
    data: bytes | mmap.mmap, content_type: str, *, max_seconds: float = DEFAULT_MAX_SECONDS
) -> bool | None:
    """Whether a video file (sniffed as ``content_type``) has a picture at all, read from its
    track list with the same budget as its length: True, False (sound only), or None (the
    file does not say). Raises ``TooComplex`` like ``duration_seconds``."""
    reader = VIDEO_TRACK_READERS.get(content_type)
    if reader is None:
        return None
    try:
        return reader(data, Budget.for_seconds(max_seconds, VIDEO_STEPS_PER_SECOND))
    except TooComplex:
        raise
    except (ValueError, IndexError, struct.error, KeyError, OverflowError):
        return None


# --- MP3 and ADTS AAC -----------------------------------------------------------------------

_MP3_BITRATES = {  # kbit/s by (MPEG-1?, layer 3?) for bit-rate index 1..14
    (True, 3): (32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    (False, 3): (8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
_MP3_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}
_ADTS_RATES = (96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000)
_MP3_SYNC_WINDOW = 65_536  # a real file's first frame is this close to its start (after ID3)
_MP3_MAX_CANDIDATES = 256  # ... and among the first frame-sync bytes found there


def _mp3_header(data: bytes, pos: int) -> tuple[bool, int, int, int] | None:
    """(MPEG-1?, sample rate, bit rate, frame length) of a layer III frame header at pos."""
    if pos + 4 > len(data) or data[pos] != 0xFF or data[pos + 1] & 0xE0 != 0xE0:
        return None
    header = int.from_bytes(data[pos : pos + 4], "big")
    version, layer = (header >> 19) & 3, (header >> 17) & 3
    rate_index, bitrate_index = (header >> 10) & 3, (header >> 12) & 0xF
    if layer != 1 or version == 1 or rate_index == 3 or not 0 < bitrate_index < 15:
        return None  # only MPEG audio layer III is read
    mpeg1 = version == 3
    rate = _MP3_RATES[version][rate_index]
    bitrate = _MP3_BITRATES[(mpeg1, 3)][bitrate_index - 1] * 1000
    padding = (header >> 9) & 1
    length = (144 if mpeg1 else 72) * bitrate // rate + padding
    return mpeg1, rate, bitrate, length


def mp3_seconds(data: bytes, budget: Budget) -> float | None:
    """The Xing/Info or VBRI frame count of the first frame, else the constant bit rate.

    The first frame is one whose header is valid and is followed by another valid header
    where its length says (so a stray 0xFF in a tag or garbage is not taken for audio),
    searched for in the first 64 KB after any ID3 tag only."""
    pos = 0
    if data.startswith(b"ID3") and len(data) >= 10:
        tag = data[6:10]
        pos = 10 + ((tag[0] << 21) | (tag[1] << 14) | (tag[2] << 7) | tag[3])
    limit = min(len(data), pos + _MP3_SYNC_WINDOW)
    found = None
    for _ in range(_MP3_MAX_CANDIDATES):
        pos = data.find(b"\xff", pos, limit)
        if pos < 0:
            break
        budget.step()
        header = _mp3_header(data, pos)
        if header is not None and (
            _mp3_header(data, pos + header[3]) is not None
            or pos + header[3] + 4 > len(data)
            or _vbr_frames(data[pos : pos + 200]) is not None
        ):
            found = header
            break
        pos += 1
    if found is None:
        return None
    mpeg1, rate, bitrate, _length = found
    frames = _vbr_frames(data[pos : pos + 200])
    if frames is not None:
        return frames * (1152 if mpeg1 else 576) / rate
    return (len(data) - pos) * 8 / bitrate


def _vbr_frames(frame: bytes) -> int | None:
    """The frame count a variable-bit-rate file keeps in its first frame (Xing/Info, VBRI)."""
    for marker in (b"Xing", b"Info"):
        i = frame.find(marker)
        if 0 <= i <= len(frame) - 12 and struct.unpack_from(">I", frame, i + 4)[0] & 1:
            return struct.unpack_from(">I", frame, i + 8)[0]
    if frame[36:40] == b"VBRI" and len(frame) >= 36 + 18:
        return struct.unpack_from(">I", frame, 36 + 14)[0]
    return None


def adts_seconds(data: bytes, budget: Budget) -> float | None:
    pos, frames, rate = 0, 0, None
    while pos + 7 <= len(data) and data[pos] == 0xFF and data[pos + 1] & 0xF6 == 0xF0:
        budget.step()
        rate_index = (data[pos + 2] >> 2) & 0xF
        if rate_index >= len(_ADTS_RATES):
            return None
        rate = _ADTS_RATES[rate_index]
        length = ((data[pos + 3] & 3) << 11) | (data[pos + 4] << 3) | (data[pos + 5] >> 5)
        if length < 7:
            break
        frames += 1 + (data[pos + 6] & 3)
        pos += length
        if frames * 1024 > budget.seconds * rate:
            break  # already too long
    return frames * 1024 / rate if frames and rate else None


READERS = {
    "audio/wav": wav_seconds,
    "audio/flac": flac_seconds,
    "audio/ogg": ogg_seconds,
    "audio/mp4": mp4_seconds,
    "audio/webm": webm_seconds,
    "audio/mpeg": mp3_seconds,
    "audio/aac": adts_seconds,
    # Video answers (BSL) are the same containers: the same bounded readers.
    "video/webm": webm_seconds,
    "video/mp4": mp4_seconds,
    "video/quicktime": mp4_seconds,
}


def duration_seconds(
    data: bytes | mmap.mmap, content_type: str, *, max_seconds: float = DEFAULT_MAX_SECONDS
) -> float | None:
    """Seconds of audio in ``data`` (sniffed as ``content_type``), or None when unknown.

    ``max_seconds`` is the longest recording allowed; it sets the reader's budget. Raises
    ``TooComplex`` for a file with more structure than a real recording that long has.
    """
    reader = READERS.get(content_type)
    if reader is None:
        return None
    per_second = VIDEO_STEPS_PER_SECOND if content_type.startswith("video/") else STEPS_PER_SECOND
    try:
        return reader(data, Budget.for_seconds(max_seconds, per_second))
    except TooComplex:
        raise
    except (ValueError, IndexError, struct.error, KeyError, OverflowError):
        return None
