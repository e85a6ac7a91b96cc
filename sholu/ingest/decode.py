"""Bytes to text: detect the encoding from the bytes themselves, never assume one.

Kazakh and Russian sites still serve Windows-1251 and KOI8-R; exports from Windows tools
come as UTF-16. BOMs are trusted; otherwise strict UTF-8 is tried (it almost never
decodes text that is not UTF-8) and then charset-normalizer's statistical detection.
"""
from __future__ import annotations

import codecs
import re


BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
MIN_LETTER_SHARE = 0.5      # of the non-space characters, for text to count as text
MAX_CONTROL_SHARE = 0.01
SAMPLE_CHARS = 20000
LETTER = re.compile(r"[^\W\d_]")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd]")
SPACE = re.compile(r"\s")


class NotText(ValueError):
    """The bytes are not a document in any text encoding we read."""


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding) or raise NotText with the reason."""
    if not data.strip():
        raise NotText("empty file")
    encoding = detect_encoding(data)
    text = data.decode(encoding, errors="strict").lstrip("\ufeff")
    check_readable(text)
    return text, encoding


def detect_encoding(data: bytes) -> str:
    for bom, name in BOMS:
        if data.startswith(bom):
            return name
    utf16 = sniff_utf16_without_bom(data)
    if utf16:
        return utf16
    if b"\x00" in data:
        raise NotText("binary data (NUL bytes), not text")
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    import charset_normalizer   # only for bytes that are not UTF-8 (most re-runs read none)

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise NotText("no text encoding fits these bytes (binary or corrupt file)")
    return best.encoding


def sniff_utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text of a Cyrillic or Latin script has a zero in every other byte, or a
    Cyrillic high byte (0x04) there."""
    sample = data[:4000]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if share_of(odd, (0, 4)) > 0.9:
        return "utf-16-le"
    if share_of(even, (0, 4)) > 0.9:
        return "utf-16-be"
    return None


def share_of(data: bytes, values: tuple[int, ...]) -> float:
    return sum(data.count(v) for v in values) / max(len(data), 1)


def check_readable(text: str) -> None:
    """Random bytes sometimes decode in a single-byte code page; such text is mostly
    symbols and control characters, not letters."""
    sample = text[:SAMPLE_CHARS]
    visible = len(sample) - len(SPACE.findall(sample))
    if not visible:
        raise NotText("empty file")
    if (len(CONTROL.findall(sample)) / visible > MAX_CONTROL_SHARE
            or len(LETTER.findall(sample)) / visible < MIN_LETTER_SHARE):
        raise NotText("binary data, not text (too few letters)")
