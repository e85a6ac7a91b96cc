"""Ingest: files and folders in, one RawDocument per article out (or a Problem naming
the file and the reason). Nothing here raises for bad input, and no file costs more
memory than the per-document limit (see limits.py), whatever its size."""
from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path

from ..document import AlreadyStored, Problem, RawDocument
from .files import display_name, list_files
from .dispatch import reader_for
from .formats import Source, fingerprint, read_decoded, whole
from .limits import DEFAULT, Limits
from .streams import OverLimit

__all__ = ["display_name", "list_files", "read_file", "never_stored", "Limits"]


def never_stored(source: str, fingerprint: str) -> bool:
    return False


def read_file(path: Path, is_stored=never_stored, limits: Limits = DEFAULT
              ) -> Iterator[RawDocument | Problem | AlreadyStored]:
    """The file's documents; a one-article file stored whole before and unchanged is
    not decoded again (`is_stored(source, fingerprint)` asks the store)."""
    source = Source(Path(path), display_name(path), limits)
    try:
        yield from read_source(source, is_stored)
    except OverLimit as err:
        yield Problem(source.name, str(err))
    except (gzip.BadGzipFile, zlib.error, EOFError) as err:
        yield Problem(source.name, f"corrupt or truncated gzip data: {err}")
    except OSError as err:
        yield Problem(source.name, f"unreadable: {err.strerror or err}")


def read_source(source: Source, is_stored) -> Iterator[RawDocument | Problem | AlreadyStored]:
    reader = reader_for(source.path)
    kind = {"read_text": "text", "read_html": "html"}.get(reader.__name__)
    if kind is None:
        yield from reader(source)
        return
    if source.path.stat().st_size > source.limits.max_document_bytes:
        data = None
    else:
        data = whole(source)
    if data is None:
        yield Problem(source.name, source.over("text" if kind == "text" else "page"))
    elif is_stored(source.name, fingerprint(data)):
        yield AlreadyStored(source.name)
    else:
        yield from read_decoded(source, data, kind)
