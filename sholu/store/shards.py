"""Parquet shards: what a sharded run (`sholu run PATH --shards DIR`) writes instead of
a store, and what `sholu load` reads back.

Each batch of analysed documents becomes one file, `part-NNNNNN.parquet`, written by
whoever analysed it (a Dask worker on shared storage, or a local worker) under a hidden
temporary name and renamed when complete, so a file that carries the part name is
whole. A row holds every field needed to rebuild the Document exactly; the id and the
original of a copy are not in it, because dedup decides them where the store is, at
load time. `_manifest.json`, written last, says which pipeline version made the
folder, from which inputs, and how many documents it holds.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .. import PIPELINE_VERSION
from ..document import Document
from ..export.files import StagedFiles
from .base import now

MANIFEST = "_manifest.json"
VERSION_KEY = b"sholu.pipeline_version"
TEXT_FIELDS = ("source", "fingerprint", "url", "outlet", "title", "published", "language",
               "text", "text_key")
# boilerplate and annotations are JSON text: nested records of any shape come back as
# they went in, which Arrow struct columns would not promise
SCHEMA = pa.schema(
    [pa.field(name, pa.string()) for name in TEXT_FIELDS]
    + [pa.field("signature", pa.binary()), pa.field("boilerplate", pa.string()),
       pa.field("annotations", pa.string())],
    metadata={VERSION_KEY: PIPELINE_VERSION.encode()},
)


class ShardError(ValueError):
    """A shard that cannot be loaded; the message names the file and the reason."""


# -- writing ------------------------------------------------------------------------

def part_path(folder: str | Path, number: int) -> Path:
    return Path(folder) / f"part-{number:06d}.parquet"


def new_shard_folder(folder: str | Path) -> Path:
    """The folder for a sharded run, created when missing; one already holding shards
    is refused, since mixing two runs' parts would load documents twice over."""
    path = Path(folder)
    if path.exists() and not path.is_dir():
        raise ShardError(f"{path}: not a folder")
    if path.is_dir() and (any(path.glob("*.parquet")) or (path / MANIFEST).exists()):
        raise ShardError(f"{path}: already holds shards; give an empty or new folder")
    path.mkdir(parents=True, exist_ok=True)
    return path


def write_shard(docs: list[Document], path: str | Path) -> None:
    """One batch as one Parquet file, whole or not at all."""
    staged = StagedFiles()
    pq.write_table(pa.Table.from_pylist([shard_row(doc) for doc in docs], schema=SCHEMA),
                   staged.path_for(Path(path)), compression="zstd")
    staged.commit()


def shard_row(doc: Document) -> dict:
    row = {name: getattr(doc, name) for name in TEXT_FIELDS}
    row["signature"] = doc.signature
    row["boilerplate"] = json.dumps(doc.boilerplate, ensure_ascii=False)
    row["annotations"] = json.dumps(doc.annotations(), ensure_ascii=False)
    return row


def write_manifest(folder: Path, inputs: list[str], documents: int, errors: int) -> None:
    manifest = {
        "pipeline_version": PIPELINE_VERSION,
        "inputs": [os.path.abspath(p) for p in inputs],
        "documents": documents,
        "shards": sorted(p.name for p in folder.glob("part-*.parquet")),
        "errors": errors,
        "created": now(),
    }
    staged = StagedFiles()
    staged.path_for(folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2),
                                                  encoding="utf-8")
    staged.commit()


# -- reading ------------------------------------------------------------------------

def shard_files(paths: list[str]) -> list[tuple[Path, int]]:
    """(file, rows) of every shard given, folders in name order, each checked for its
    format, version and columns before anything is loaded."""
    found = []
    for given in map(Path, paths):
        if given.is_dir():
            found += checked_folder(given)
        elif given.is_file():
            found.append((given, checked_rows(given)))
        else:
            raise ShardError(f"{given}: no such file or folder")
    return found


def checked_folder(folder: Path) -> list[tuple[Path, int]]:
    """A finished run's folder: the manifest is written last, and its count tells a
    folder with a part missing (an incomplete copy from shared storage)."""
    manifest = folder / MANIFEST
    if not manifest.is_file():
        raise ShardError(f"{folder}: no {MANIFEST}, so the sharded run did not finish "
                         "(give the part files themselves to load what it wrote)")
    try:
        expected = json.loads(manifest.read_text(encoding="utf-8"))["documents"]
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise ShardError(f"{manifest}: unreadable manifest ({err})") from err
    files = [(path, checked_rows(path)) for path in sorted(folder.glob("*.parquet"))]
    held = sum(rows for _, rows in files)
    if held != expected:
        raise ShardError(f"{folder}: its shards hold {held} documents, its manifest says "
                         f"{expected}: a part is missing or does not belong")
    return files


def checked_rows(path: Path) -> int:
    """The number of rows of a shard whose footer says it can be loaded."""
    try:
        meta = pq.ParquetFile(path).metadata
    except (pa.ArrowException, OSError) as err:
        raise ShardError(f"{path}: not a readable Parquet file ({err})") from err
    schema = meta.schema.to_arrow_schema()
    version = (schema.metadata or {}).get(VERSION_KEY)
    if version is None:
        raise ShardError(f"{path}: not a Sholu shard (no pipeline version in its metadata)")
    if version.decode() != PIPELINE_VERSION:
        raise ShardError(f"{path}: written by pipeline version {version.decode()}, this Sholu "
                         f"runs version {PIPELINE_VERSION}; run the sharded run again")
    missing = [name for name in SCHEMA.names if name not in schema.names]
    if missing:
        raise ShardError(f"{path}: missing column(s) {', '.join(missing)}")
    return meta.num_rows


def read_shard(path: Path) -> list[Document]:
    """The shard's documents in row order; any damage raises ShardError."""
    try:
        rows = pq.read_table(path, columns=SCHEMA.names).to_pylist()
        return [shard_document(row) for row in rows]
    except (pa.ArrowException, OSError, ValueError, KeyError, TypeError) as err:
        raise ShardError(f"{path}: damaged shard ({type(err).__name__}: {err})") from err


def shard_document(row: dict) -> Document:
    doc = Document(**{name: row[name] for name in TEXT_FIELDS}, signature=row["signature"])
    doc.boilerplate = json.loads(row["boilerplate"])
    return doc.restore(json.loads(row["annotations"]))
