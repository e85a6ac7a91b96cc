"""Bytes to text: detect the encoding from the bytes themselves, never assume one.

Kazakh and Russian sites still serve Windows-1251 and KOI8-R; exports from Windows tools
come as UTF-16. BOMs are trusted; otherwise strict UTF-8 is tried (it almost never
decodes text that is not UTF-8) and then charset-normalizer's statistical detection.
Text that is UTF-8 but for a stray byte or a last character cut in half keeps the
article: the bad bytes become U+FFFD and are counted, for the run to report.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from html import unescape

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
MIN_LETTER_SHARE = 0.5      # of the non-space characters, for text to count as text
MAX_CONTROL_SHARE = 0.01
MIN_VALID_PER_INVALID = 10  # non-ASCII UTF-8 characters per bad byte, for "UTF-8 with strays"
SAMPLE_CHARS = 20000
LETTER = re.compile(r"[^\W\d_]")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd]")
SPACE = re.compile(r"\s")
NUMERIC_REFERENCE = re.compile(r"&#(?:[0-9]{1,7}|[xX][0-9a-fA-F]{1,6});")


class NotText(ValueError):
    """The bytes are not a document in any text encoding we read."""


@dataclass
class Decoded:
    text: str
    encoding: str
    replaced: int = 0        # undecodable byte sequences, each now one U+FFFD


def decode_bytes(data: bytes) -> Decoded:
    """The text, or NotText with the reason."""
    if not data.strip():
        raise NotText("empty file")
    encoding = detect_encoding(data)
    text = data.decode(encoding, errors="replace").lstrip("\ufeff")
    check_readable(text)
    return Decoded(text, encoding, replaced_count(text, data))


def replaced_count(text: str, data: bytes) -> int:
    return max(0, text.count("\ufffd") - data.count("\ufffd".encode()))


def detect_encoding(data: bytes, whole: bool = True) -> str:
    """The encoding of `data` (a prefix of the file when not `whole`: a character cut
    at its end is no evidence against UTF-8)."""
    for bom, name in BOMS:
        if data.startswith(bom):
            return name
    utf16 = sniff_utf16_without_bom(data)
    if utf16:
        return utf16
    if b"\x00" in data:
        raise NotText("binary data (NUL bytes), not text")
    if is_utf8(data, whole):
        return "utf-8"
    import charset_normalizer   # only for bytes that are not UTF-8 (most re-runs read none)

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise NotText("no text encoding fits these bytes (binary or corrupt file)")
    return best.encoding


def is_utf8(data: bytes, whole: bool = True) -> bool:
    """Strict UTF-8, or UTF-8 whose only faults are a cut last character or a few stray
    bytes among many well-formed non-ASCII characters (text in another code page has
    almost none of those)."""
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError as err:
        if err.start >= len(data) - 3 and err.reason == "unexpected end of data":
            return True
    text = data.decode("utf-8", errors="replace")
    bad = replaced_count(text, data)
    wide = sum(1 for char in text if char > "\x7f") - text.count("\ufffd")
    return wide >= MIN_VALID_PER_INVALID * bad


def sniff_utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text of a Cyrillic or Latin script has a zero in every other byte, or a
    Cyrillic high byte (0x04) there."""
    sample = data[:4000]
    sample = sample[:len(sample) - len(sample) % 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if share_of(odd, (0, 4)) > 0.9:
        return "utf-16-le"
    if share_of(even, (0, 4)) > 0.9:
        return "utf-16-be"
    return None


def share_of(data: bytes, values: tuple[int, ...]) -> float:
    return sum(data.count(v) for v in values) / max(len(data), 1)


def decode_numeric_references(text: str) -> str:
    """&#1058;&#1077;&#1082;&#1089;&#1090; as the letters they stand for."""
    return NUMERIC_REFERENCE.sub(lambda m: unescape(m.group()), text) if "&#" in text else text


def check_readable(text: str) -> None:
    """Random bytes sometimes decode in a single-byte code page; such text is mostly
    symbols and control characters, not letters (character references count as the
    letters they stand for)."""
    sample = decode_numeric_references(text[:SAMPLE_CHARS])
    visible = len(sample) - len(SPACE.findall(sample))
    if not visible:
        raise NotText("empty file")
    letters = len(LETTER.findall(sample))
    strays = min(sample.count("\ufffd"), letters // MIN_VALID_PER_INVALID)   # reported, not fatal
    if ((len(CONTROL.findall(sample)) - strays) / visible > MAX_CONTROL_SHARE
            or letters / visible < MIN_LETTER_SHARE):
        raise NotText("binary data, not text (too few letters)")
