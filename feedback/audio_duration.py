"""How long a recording is, read from its own headers: no decoding and no dependencies.

Pure functions over the file's bytes (an upload is at most 10 MB, so it is read whole). Each
reader returns seconds, or None when the file does not say (a damaged or unusual file): the
caller then relies on the size limit alone. Formats: WAV, FLAC, Ogg (Opus, Vorbis), MP4/M4A,
WebM/Matroska (including browser recordings, which carry no duration field: the last block's
time is used), MP3 (Xing/Info frame count, else the constant bit rate) and ADTS AAC.
"""

import struct

# --- WAV ------------------------------------------------------------------------------------


def wav_seconds(data: bytes) -> float | None:
    byte_rate = None
    pos = 12
    while pos + 8 <= len(data):
        chunk, size = data[pos : pos + 4], struct.unpack_from("<I", data, pos + 4)[0]
        body = pos + 8
        if chunk == b"fmt " and size >= 12:
            byte_rate = struct.unpack_from("<I", data, body + 8)[0]
        elif chunk == b"data":
            if not byte_rate:
                return None
            size = min(size, len(data) - body)  # streamed WAVs may say 0xFFFFFFFF
            return size / byte_rate
        pos = body + size + (size & 1)
    return None


# --- FLAC -----------------------------------------------------------------------------------


def flac_seconds(data: bytes) -> float | None:
    # "fLaC", then STREAMINFO (always first): 4-byte block header, rate/channels/bits/samples
    # packed into the 8 bytes at offset 10 of its body.
    if len(data) < 8 + 18 or data[4] & 0x7F != 0:
        return None
    packed = int.from_bytes(data[8 + 10 : 8 + 18], "big")
    rate = packed >> 44
    samples = packed & ((1 << 36) - 1)
    return samples / rate if rate and samples else None


# --- Ogg ------------------------------------------------------------------------------------


def ogg_seconds(data: bytes) -> float | None:
    """The last page's granule position over the stream's sample rate (minus Opus pre-skip)."""
    head = data[:512]
    if (i := head.find(b"OpusHead")) >= 0 and len(head) >= i + 12:
        rate, skip = 48000, struct.unpack_from("<H", head, i + 10)[0]
    elif (i := head.find(b"\x01vorbis")) >= 0 and len(head) >= i + 16:
        rate, skip = struct.unpack_from("<I", head, i + 12)[0], 0
    else:
        return None
    last = data.rfind(b"OggS", max(0, len(data) - 65536 * 2))
    if last < 0 or last + 14 > len(data) or not rate:
        return None
    granule = struct.unpack_from("<q", data, last + 6)[0]
    return max(granule - skip, 0) / rate if granule > 0 else None


# --- MP4 / M4A ------------------------------------------------------------------------------


def _boxes(data: bytes, start: int, end: int):
    pos = start
    while pos + 8 <= end:
        size, kind = struct.unpack_from(">I4s", data, pos)
        header = 8
        if size == 1 and pos + 16 <= end:
            size, header = struct.unpack_from(">Q", data, pos + 8)[0], 16
        elif size == 0:
            size = end - pos
        if size < header:
            return
        yield kind, pos + header, min(pos + size, end)
        pos += size


def _child(data: bytes, body: int, end: int, *path: bytes) -> tuple[int, int] | None:
    """The body of the box at ``path`` under this one (first match at each level)."""
    for kind, cbody, cend in _boxes(data, body, end):
        if kind == path[0]:
            return (cbody, cend) if len(path) == 1 else _child(data, cbody, cend, *path[1:])
    return None


def _time_and_duration(data: bytes, body: int) -> tuple[int, int]:
    """(timescale, duration) from an mvhd or mdhd box body, version 0 or 1."""
    if data[body] == 1:
        return struct.unpack_from(">IQ", data, body + 20)
    return struct.unpack_from(">II", data, body + 12)


def mp4_seconds(data: bytes) -> float | None:
    """The movie header's duration; for a fragmented file (what browsers record), where that
    is 0, the end of the last fragment: its start (tfdt) plus its samples' durations."""
    moov = _child(data, 0, len(data), b"moov")
    if moov is None:
        return None
    mvhd = _child(data, *moov, b"mvhd")
    if mvhd:
        timescale, duration = _time_and_duration(data, mvhd[0])
        if timescale and duration:
            return duration / timescale
    mdhd = _child(data, *moov, b"trak", b"mdia", b"mdhd")
    if mdhd is None:
        return None
    timescale = _time_and_duration(data, mdhd[0])[0]
    trex = _child(data, *moov, b"mvex", b"trex")
    default_duration = struct.unpack_from(">I", data, trex[0] + 12)[0] if trex else 0
    end_time = 0
    for kind, body, end in _boxes(data, 0, len(data)):
        if kind != b"moof":
            continue
        traf = _child(data, body, end, b"traf")
        if traf is None:
            continue
        fragment_default = default_duration
        tfhd = _child(data, *traf, b"tfhd")
        if tfhd:
            flags, offset = int.from_bytes(data[tfhd[0] + 1 : tfhd[0] + 4], "big"), tfhd[0] + 8
            offset += 8 if flags & 0x1 else 0  # base data offset
            offset += 4 if flags & 0x2 else 0  # sample description index
            if flags & 0x8:
                fragment_default = struct.unpack_from(">I", data, offset)[0]
        start = 0
        tfdt = _child(data, *traf, b"tfdt")
        if tfdt:
            fmt = ">Q" if data[tfdt[0]] == 1 else ">I"
            start = struct.unpack_from(fmt, data, tfdt[0] + 4)[0]
        total = 0
        for inner, ibody, _iend in _boxes(data, *traf):
            if inner == b"trun":
                total += _trun_duration(data, ibody, fragment_default)
        end_time = max(end_time, start + total)
    return end_time / timescale if timescale and end_time else None


def _trun_duration(data: bytes, body: int, default: int) -> int:
    flags = int.from_bytes(data[body + 1 : body + 4], "big")
    count = struct.unpack_from(">I", data, body + 4)[0]
    if not flags & 0x100:
        return count * default
    pos = body + 8 + (4 if flags & 0x1 else 0) + (4 if flags & 0x4 else 0)
    step = 4 * sum(1 for bit in (0x100, 0x200, 0x400, 0x800) if flags & bit)
    return sum(struct.unpack_from(">I", data, pos + i * step)[0] for i in range(count))


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
    length = 1
    while length <= 8 and not first & (0x80 >> (length - 1)):
        length += 1
    if length > 8 or pos + length > len(data):
        raise ValueError("bad EBML number")
    value = first if keep_marker else first & (0xFF >> length)
    for b in data[pos + 1 : pos + length]:
        value = (value << 8) | b
    unknown = not keep_marker and value == (1 << (7 * length)) - 1
    return value, pos + length, unknown


def _element(data: bytes, pos: int) -> tuple[int, int, int | None]:
    """(id, body start, body size or None when unknown)."""
    ident, pos, _ = _vint(data, pos, keep_marker=True)
    size, pos, unknown = _vint(data, pos, keep_marker=False)
    return ident, pos, None if unknown else size


def webm_seconds(data: bytes) -> float | None:
    try:
        return _webm_seconds(data)
    except (ValueError, IndexError, struct.error):
        return None


def _webm_seconds(data: bytes) -> float | None:
    ident, body, size = _element(data, 0)  # the EBML header
    pos = body + (size or 0)
    ident, body, size = _element(data, pos)
    if ident != SEGMENT:
        return None
    end = len(data) if size is None else min(body + size, len(data))
    scale, duration, last_block = 1_000_000, None, None
    pos = body
    while pos < end:
        ident, body, size = _element(data, pos)
        if ident == INFO and size is not None:
            p = body
            while p < body + size:
                child, cbody, csize = _element(data, p)
                if csize is None:
                    break
                raw = data[cbody : cbody + csize]
                if child == TIMECODE_SCALE:
                    scale = int.from_bytes(raw, "big") or scale
                elif child == DURATION and csize in (4, 8):
                    duration = struct.unpack(">f" if csize == 4 else ">d", raw)[0]
                p = cbody + csize
        elif ident == CLUSTER:
            cluster_end = end if size is None else min(body + size, end)
            pos, time = _cluster_last_block(data, body, cluster_end)
            if time is not None:
                last_block = max(last_block or 0, time)
            continue
        if size is None:
            break
        pos = body + size
    if duration:
        return duration * scale / 1e9
    return last_block * scale / 1e9 if last_block is not None else None


def _cluster_last_block(data: bytes, pos: int, end: int) -> tuple[int, int | None]:
    """Walk one cluster: (where it ends, the latest block time in it)."""
    cluster_time, latest = 0, None
    while pos < end:
        ident, body, size = _element(data, pos)
        if ident in SEGMENT_CHILDREN or size is None:
            return pos, latest
        if ident == TIMECODE:
            cluster_time = int.from_bytes(data[body : body + size], "big")
        elif ident in (SIMPLE_BLOCK, BLOCK_GROUP):
            block = body
            if ident == BLOCK_GROUP:
                inner, block, _ = _element(data, body)
                if inner != BLOCK:
                    pos = body + size
                    continue
            _track, after_track, _ = _vint(data, block, keep_marker=False)
            relative = struct.unpack_from(">h", data, after_track)[0]
            latest = max(latest or 0, cluster_time + relative)
        pos = body + size
    return pos, latest


# --- MP3 and ADTS AAC -----------------------------------------------------------------------

_MP3_BITRATES = {  # kbit/s by (MPEG-1?, layer 3?) for bit-rate index 1..14
    (True, 3): (32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    (False, 3): (8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
_MP3_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}
_ADTS_RATES = (96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000)


def mp3_seconds(data: bytes) -> float | None:
    pos = 0
    if data.startswith(b"ID3") and len(data) >= 10:
        tag = data[6:10]
        pos = 10 + ((tag[0] << 21) | (tag[1] << 14) | (tag[2] << 7) | tag[3])
    while pos + 4 <= len(data) and not (data[pos] == 0xFF and data[pos + 1] & 0xE0 == 0xE0):
        pos += 1
        if pos > 65536:
            return None
    if pos + 4 > len(data):
        return None
    header = int.from_bytes(data[pos : pos + 4], "big")
    version, layer = (header >> 19) & 3, (header >> 17) & 3
    rate_index, bitrate_index = (header >> 10) & 3, (header >> 12) & 0xF
    if layer != 1 or version == 1 or rate_index == 3 or not 0 < bitrate_index < 15:
        return None  # only MPEG audio layer III is read
    mpeg1 = version == 3
    rate = _MP3_RATES[version][rate_index]
    samples_per_frame = 1152 if mpeg1 else 576
    frame = data[pos : pos + 200]
    for marker in (b"Xing", b"Info"):
        if (i := frame.find(marker)) >= 0 and len(frame) >= i + 12:
            flags = struct.unpack_from(">I", frame, i + 4)[0]
            if flags & 1:
                frames = struct.unpack_from(">I", frame, i + 8)[0]
                return frames * samples_per_frame / rate
    bitrate = _MP3_BITRATES[(mpeg1, 3)][bitrate_index - 1] * 1000
    return (len(data) - pos) * 8 / bitrate


def adts_seconds(data: bytes) -> float | None:
    pos, frames, rate = 0, 0, None
    while pos + 7 <= len(data) and data[pos] == 0xFF and data[pos + 1] & 0xF6 == 0xF0:
        rate_index = (data[pos + 2] >> 2) & 0xF
        if rate_index >= len(_ADTS_RATES):
            return None
        rate = _ADTS_RATES[rate_index]
        length = ((data[pos + 3] & 3) << 11) | (data[pos + 4] << 3) | (data[pos + 5] >> 5)
        if length < 7:
            break
        frames += 1 + (data[pos + 6] & 3)
        pos += length
    return frames * 1024 / rate if frames and rate else None


READERS = {
    "audio/wav": wav_seconds,
    "audio/flac": flac_seconds,
    "audio/ogg": ogg_seconds,
    "audio/mp4": mp4_seconds,
    "audio/webm": webm_seconds,
    "audio/mpeg": mp3_seconds,
    "audio/aac": adts_seconds,
}


def duration_seconds(data: bytes, content_type: str) -> float | None:
    """Seconds of audio in ``data`` (sniffed as ``content_type``), or None when unknown."""
    reader = READERS.get(content_type)
    if reader is None:
        return None
    try:
        return reader(data)
    except (ValueError, IndexError, struct.error, KeyError):
        return None
