"""WARC archives, a record at a time: only HTTP responses carrying HTML or text are
articles. Each payload is read up to the per-document limit; a member that inflates
far past what was read of the file (a compression bomb) ends the file's reading."""
from __future__ import annotations

from collections.abc import Iterator

from ..document import Problem, RawDocument
from .decode import NotText, decode_bytes
from .formats import Source, fingerprint, replaced_note
from .streams import Counting, OverLimit, check_inflation

DRAIN_CHUNK = 1 << 20


def read_warc(source: Source, data: bytes | None = None) -> Iterator[RawDocument | Problem]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    raw = Counting(open(source.path, "rb"))
    inflated = 0
    try:
        for number, record in enumerate(ArchiveIterator(raw), start=1):
            where = f"{source.name}#record={number}"
            if is_article(record):
                payload = record.content_stream().read(source.limits.max_document_bytes + 1)
                inflated += len(payload)
                check_inflation(inflated, raw.count, source.limits)
                if len(payload) > source.limits.max_document_bytes:
                    inflated += drain(record, inflated, raw, source)
                yield from article_from(source, where, record, payload)
            else:
                inflated += drain(record, inflated, raw, source)
    except OverLimit as err:
        yield Problem(source.name, str(err))
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as err:
        yield Problem(source.name, f"unreadable or truncated WARC: {err}")
    finally:
        raw.close()


def is_article(record) -> bool:
    """Requests, metadata, images and the like are passed over without a word."""
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return "html" in content_type or "text/plain" in content_type


def drain(record, inflated: int, raw: Counting, source: Source) -> int:
    """Read past a record that is not an article, watching how far it inflates."""
    stream, size = record.raw_stream, 0
    while chunk := stream.read(DRAIN_CHUNK):
        size += len(chunk)
        check_inflation(inflated + size, raw.count, source.limits)
    return size


def article_from(source: Source, where: str, record, payload: bytes) -> Iterator[RawDocument | Problem]:
    url = record.rec_headers.get_header("WARC-Target-URI")
    if len(payload) > source.limits.max_document_bytes:
        yield Problem(where, f"{url}: {source.over('page')}")
        return
    try:
        decoded = decode_bytes(payload)
    except NotText as err:
        yield Problem(where, f"{url}: {err}")
        return
    if decoded.replaced:
        yield replaced_note(url or where, decoded.replaced)
    kind = "html" if "html" in (record.http_headers.get_header("Content-Type") or "").lower() else "text"
    yield RawDocument(url or where, decoded.text, kind, fingerprint(payload), url=url)
