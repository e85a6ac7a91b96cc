"""The pipeline's stages, declared once, in order.

A stage names what it reads (`requires`) and what it writes (`assigns`), and which
documents it runs on: every document, originals only, copies only, or the whole batch
at once (`CORPUS`: dedup, linking people across articles, the writes), which runs in the
main process where the store is. `check_order` refuses a list in which a stage reads
what no earlier stage writes. Functions are named "module:attribute" and imported on
first use, so declaring the pipeline costs nothing at start-up.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from importlib import import_module
from typing import Callable

EVERY, ORIGINALS, COPIES, CORPUS = "every", "originals", "copies", "corpus"
# What ingest gives a stage to start from (a RawDocument's fields).
RAW_FIELDS = ("source", "content", "kind", "fingerprint", "url", "title", "published", "outlet")


class StageOrderError(ValueError):
    """A stage list in which a stage reads what no earlier stage writes."""


@dataclass(frozen=True)
class Stage:
    name: str
    function: str                   # "module:attribute"
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    on: str = EVERY
    needs_language: bool = False    # runs only where the document's language has a pack
    together: str | None = None     # does a chunk's costly common part at once (see below)

    @cached_property
    def run(self) -> Callable:
        return resolve(self.function)

    @cached_property
    def run_together(self) -> Callable | None:
        """`together(docs)` -> one dict of keyword arguments for `run` per document."""
        return resolve(self.together) if self.together else None

    def runs_on(self, doc) -> bool:
        """True when this stage is for this kind of document (its language aside)."""
        copy = getattr(doc, "duplicate_of", None) is not None
        return self.on == EVERY or (self.on == COPIES) == copy

    @property
    def corpus(self) -> bool:
        return self.on == CORPUS


def resolve(reference: str) -> Callable:
    module, _, attribute = reference.partition(":")
    return getattr(import_module(module), attribute)


STAGES: tuple[Stage, ...] = (
    Stage("clean", "sholu.clean:clean", ("content", "kind"),
          ("text", "title", "outlet", "published", "language", "boilerplate")),
    Stage("sign", "sholu.dedup:sign_document", ("text",), ("text_key", "signature")),
    Stage("dedup", "sholu.dedup.corpus:place_documents", ("text_key", "signature"),
          ("id", "duplicate_of"), on=CORPUS),
    Stage("nlp", "sholu.nlp:annotate", ("text", "published"),
          ("persons", "organizations", "places", "dates"), on=ORIGINALS, needs_language=True,
          together="sholu.nlp:parse_together"),
    Stage("attach", "sholu.dedup.corpus:attach_originals", ("duplicate_of", "persons"),
          ("original",), on=CORPUS),
    Stage("inherit", "sholu.dedup.inherit:inherit_from_original", ("original", "text"),
          ("persons", "organizations", "places", "known_tones"), on=COPIES),
    Stage("dates", "sholu.nlp:annotate_dates", ("text", "published"), ("dates",),
          on=COPIES, needs_language=True),
    Stage("link", "sholu.nlp.link:link_people", ("persons",), ("persons",), on=CORPUS),
    Stage("quotes", "sholu.quotes:annotate_quotes", ("text", "persons", "organizations", "places"),
          ("quotes",), needs_language=True),
    Stage("events", "sholu.events:annotate_events",
          ("text", "title", "published", "persons", "organizations", "places", "dates", "quotes"),
          ("events",), needs_language=True),
    Stage("topics", "sholu.topics:annotate_topics", ("text", "organizations"),
          ("topics", "constitution_refs"), needs_language=True),
    Stage("quote topics", "sholu.topics:annotate_quote_topics", ("text", "quotes"),
          ("quotes",), needs_language=True),
    Stage("tone", "sholu.tone:annotate_tone", ("text", "language", "persons", "organizations", "quotes"),
          ("persons", "organizations", "quotes"), needs_language=True, together="sholu.tone:tone_together"),
    Stage("index", "sholu.store.indexing:index_document", ("title", "text", "quotes"),
          ("indexed",)),
    Stage("event groups", "sholu.events.groups:group_events", ("events", "duplicate_of"), ("events",), on=CORPUS),
    Stage("translations", "sholu.dedup.translations:link_translations",
          ("id", "duplicate_of", "outlet", "published", "language", "persons", "organizations", "places", "dates"),
          ("translations",), on=CORPUS),
    Stage("store", "sholu.store.stage:store_documents",
          ("id", "duplicate_of", "persons", "organizations", "places", "dates", "quotes",
           "events", "topics", "constitution_refs", "translations"), (), on=CORPUS),
)


def check_order(stages: tuple[Stage, ...], given: tuple[str, ...] = RAW_FIELDS) -> tuple[Stage, ...]:
    """`stages` unchanged when each reads only what the input or an earlier stage
    writes; else StageOrderError naming the stage, the field and who writes it."""
    written = set(given)
    for stage in stages:
        missing = [field for field in stage.requires if field not in written]
        if missing:
            raise StageOrderError(order_problem(stage, missing[0], stages))
        written.update(stage.assigns)
    return stages


def order_problem(stage: Stage, field: str, stages: tuple[Stage, ...]) -> str:
    writers = [other.name for other in stages if field in other.assigns and other is not stage]
    later = f"; {', '.join(repr(w) for w in writers)} writes it, after it" if writers else ""
    return f"stage {stage.name!r} requires {field!r}, which no earlier stage assigns{later}"


def named(*names: str, stages: tuple[Stage, ...] = STAGES) -> tuple[Stage, ...]:
    """The stages of these names, in pipeline order (an unknown name is an error)."""
    unknown = set(names) - {stage.name for stage in stages}
    if unknown:
        raise KeyError(f"no stage named {', '.join(sorted(unknown))}")
    return tuple(stage for stage in stages if stage.name in names)


def without(*names: str, stages: tuple[Stage, ...] = STAGES) -> tuple[Stage, ...]:
    return tuple(stage for stage in stages if stage.name not in names)


def document_stages(stages: tuple[Stage, ...] = STAGES) -> tuple[Stage, ...]:
    """The stages that read one document alone (what runs without a store)."""
    return tuple(stage for stage in stages if not stage.corpus)


def phases(stages: tuple[Stage, ...]) -> list[tuple[Stage, ...]]:
    """Runs of consecutive per-document stages (one trip to the workers each) and
    corpus stages, alone, between them."""
    groups: list[tuple[Stage, ...]] = []
    for stage in stages:
        if groups and not stage.corpus and not groups[-1][-1].corpus:
            groups[-1] += (stage,)
        else:
            groups.append((stage,))
    return groups


check_order(STAGES)
# A sharded run's workers stop where the store is first needed after the analysis; the
# load that imports the shards continues from there.
SHARD_STAGES = named("clean", "sign", "nlp")
LOAD_STAGES = without("clean", "sign", "nlp")
