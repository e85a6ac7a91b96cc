"""The records that flow through the pipeline.

A `RawDocument` is what ingest read: one article's decoded content and whatever the
container told us about it. A `Document` is the article as every later stage sees it;
`Document.to_record()` is the export contract of ARCHITECTURE.md.
"""
from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from typing import TYPE_CHECKING

from .records import ANNOTATIONS

if TYPE_CHECKING:
    from .store.indexing import Indexed


@dataclass
class RawDocument:
    source: str               # file path, "path#line=N", "path#record=N" or URL
    content: str              # decoded text or HTML
    kind: str                 # "text" or "html"
    fingerprint: str          # hash of the raw content: unchanged input is skipped
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None


@dataclass
class Problem:
    """A file or record that could not become a document, and why."""
    source: str
    reason: str
    reserved: str = ""        # the id the store reserved for it, to take back
    stage: str = ""           # the stage it failed in ("": reading it)
    severity: str = "error"   # "note": the document is kept, with something to report


@dataclass
class AlreadyStored:
    """A file this pipeline version has stored, unchanged since: nothing to do."""
    source: str


@dataclass
class Document:
    source: str
    fingerprint: str
    text: str = ""
    id: str = ""
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    language: str = "und"
    duplicate_of: str | None = None
    boilerplate: list[str] = field(default_factory=list)   # lines removed by clean
    text_key: str = ""                                     # hash of the normalised text
    signature: bytes | None = None                         # MinHash values, for dedup
    persons: list[dict] = field(default_factory=list)
    organizations: list[dict] = field(default_factory=list)
    places: list[dict] = field(default_factory=list)
    dates: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    topics: list[dict] = field(default_factory=list)
    constitution_refs: list[dict] = field(default_factory=list)
    skipped_stages: list[str] = field(default_factory=list)   # language stages with no pack for its language
    translations: list[dict] = field(default_factory=list)    # [{id, language}]: its versions in other languages
    indexed: Indexed | None = field(default=None, compare=False, repr=False)   # store index entries, from the worker
    original: Document | None = field(default=None, compare=False, repr=False)  # a copy's, between attach and inherit
    # a copy's: its original's tones by mention, between inherit and tone ({} from attach:
    # the stored original's tones are another pipeline version's, not to be taken)
    known_tones: dict | None = field(default=None, compare=False, repr=False)

    def to_record(self) -> dict:
        """The export contract: these keys may grow, never shrink or change."""
        record = {key: getattr(self, key) for key in EXPORT_FIELDS}
        record["url"] = self.url
        record.update((key, getattr(self, key)) for key in FACT_FIELDS + LINK_FIELDS)
        return record

    def annotations(self) -> dict:
        """The fields later stages fill, kept together in the store."""
        return {key: getattr(self, key) for key in ANNOTATION_FIELDS + FACT_FIELDS}

    def restore(self, annotations: dict) -> Document:
        """The fields `annotations()` gave, back from the store or a shard (a field the
        stored version did not have keeps its default)."""
        for key in ANNOTATION_FIELDS + FACT_FIELDS:
            setattr(self, key, annotations.get(key, FIELD_DEFAULTS[key]()))
        return self


ANNOTATION_FIELDS = tuple(ANNOTATIONS)      # each a list of the dicts of one record class (records.py)
# Per-document results that are not lists of records (what a stage counted or skipped):
# stored with the annotations and exported after the contract's fields.
FACT_FIELDS = ("skipped_stages",)
# Links to other stored articles, kept in their own table (a later article changes an
# earlier one's): read with the document, exported last, never in the annotations.
LINK_FIELDS = ("translations",)
FIELD_DEFAULTS = {f.name: f.default_factory if f.default_factory is not MISSING else (lambda v=f.default: v)
                  for f in fields(Document)}
EXPORT_FIELDS = (
    "id", "source", "outlet", "title", "published", "language", "text", "duplicate_of",
) + ANNOTATION_FIELDS

