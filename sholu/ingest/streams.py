"""Files read as streams, never whole: a gzip file inflates through a counter that
stops it at the size and ratio limits; JSONL lines and CSV records come one at a time,
and one over the per-document limit is skipped to its end without being kept."""
from __future__ import annotations

import gzip
import io
from collections.abc import Iterator
from typing import BinaryIO

from .limits import Limits, megabytes

GZIP_MAGIC = b"\x1f\x8b"
PIECE_CHARS = 1 << 20       # a long line is read in pieces of this size
SAMPLE_BYTES = 64 * 1024    # what the encoding is detected from


class OverLimit(ValueError):
    """A file, record or member passed one of the limits; the message names it."""


class Counting(io.RawIOBase):
    """A binary file that counts what has been read from it."""

    def __init__(self, raw: BinaryIO):
        self.raw, self.count = raw, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        n = self.raw.readinto(buffer)
        self.count += n or 0
        return n

    def close(self) -> None:
        self.raw.close()
        super().close()


class Inflating(io.RawIOBase):
    """A gzip file's content, refused past `max_inflated_bytes` or once it inflates
    more than `max_ratio` times what was read of the file (a compression bomb)."""

    def __init__(self, raw: BinaryIO, limits: Limits):
        self.compressed = Counting(raw)
        self.inflater = gzip.GzipFile(fileobj=io.BufferedReader(self.compressed, 1 << 16))
        self.limits, self.count = limits, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        n = self.inflater.readinto(buffer)
        self.count += n
        check_inflation(self.count, self.compressed.count, self.limits)
        return n

    def close(self) -> None:
        self.inflater.close()
        self.compressed.close()
        super().close()


def check_inflation(inflated: int, compressed: int, limits: Limits) -> None:
    if inflated > limits.max_inflated_bytes:
        raise OverLimit(f"compressed content inflates past {megabytes(limits.max_inflated_bytes)} "
                        "(limit on inflated size); the rest is not read")
    if inflated > limits.ratio_grace_bytes and inflated > limits.max_ratio * max(compressed, 1):
        raise OverLimit(f"compression bomb: inflates more than {limits.max_ratio:.0f} times its "
                        "compressed size (limit on the ratio); the rest is not read")


def open_bytes(path, limits: Limits) -> BinaryIO:
    """The file's content as a buffered stream, inflated if it is gzip."""
    raw = open(path, "rb")
    if raw.read(2) == GZIP_MAGIC:
        raw.seek(0)
        return io.BufferedReader(Inflating(raw, limits), 1 << 16)
    raw.seek(0)
    return io.BufferedReader(Counting(raw), 1 << 16)


def read_capped(stream: BinaryIO, limit: int) -> bytes | None:
    """All of the stream, or None when it holds more than `limit` bytes."""
    data = stream.read(limit + 1)
    return None if len(data) > limit else data


def capped_lines(text: io.TextIOBase, limit: int) -> Iterator[tuple[int, str | None]]:
    """(line number, line) for every line; a line over `limit` characters is None,
    read past in pieces."""
    number = 0
    while True:
        piece = text.readline(min(limit + 1, PIECE_CHARS))
        if not piece:
            return
        number += 1
        if piece.endswith("\n") and len(piece) <= limit:
            yield number, piece
            continue
        size, kept = len(piece), [piece]
        while not piece.endswith("\n") and (piece := text.readline(PIECE_CHARS)):
            size += len(piece)
            kept = kept if size <= limit else []
            if kept:
                kept.append(piece)
        yield number, "".join(kept) if size <= limit else None


def csv_records(text: io.TextIOBase, limit: int) -> Iterator[str | None]:
    """Each CSV record's text (a record ends at a line end outside quotes, so a quoted
    field may hold line breaks); a record over `limit` characters is None, skipped to
    its end without being kept."""
    parts, size, quotes = [], 0, 0
    while piece := text.readline(PIECE_CHARS):
        size += len(piece)
        quotes += piece.count('"')
        if size <= limit:
            parts.append(piece)
        else:
            parts = []
        if piece[-1] in "\r\n" and quotes % 2 == 0:
            yield "".join(parts) if size <= limit else None
            parts, size, quotes = [], 0, 0
    if size:
        yield "".join(parts) if size <= limit else None
