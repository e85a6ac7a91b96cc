"""One batch through the declared stages, phase by phase.

Consecutive per-document stages go to the workers together, in chunks of about equal
text; a corpus stage runs here, on the whole batch in input order, with the store. A
document that fails a stage becomes a Problem, is noted, and leaves the batch (its
reservation in the store taken back); the others go on.
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from functools import partial

from ..document import Problem
from .budget import OverBudget, time_budget
from .stages import STAGES, Stage, named, phases

CHUNKS_PER_WORKER = 2     # a phase's documents go to the workers in this many chunks each


@dataclass
class Batch:
    """What a corpus stage works with besides the documents: the store, the workers,
    the run's summary, and the stage list this batch follows."""
    pool: object
    store: object
    summary: object
    stages: tuple[Stage, ...] = STAGES
    stored: list[str] = field(default_factory=list)
    stage_seconds: float = 0.0      # each document's budget in each stage; 0: none

    def run(self, docs: list, stages: tuple[Stage, ...] | None = None) -> list:
        """`docs` through `stages` (default: this batch's), phase by phase; returns the
        documents that came through, in input order."""
        for phase in phases(self.stages if stages is None else stages):
            if not docs:
                break
            docs = phase[0].run(docs, self) if phase[0].corpus else self.run_phase(phase, docs)
        return docs

    def run_earlier(self, docs: list, stage_name: str, on: str) -> list:
        """The per-document stages for `on` documents that come before `stage_name` in
        this batch's list: for documents that changed kind there (a copy whose original
        failed is analysed as an original)."""
        names = [stage.name for stage in self.stages]
        earlier = self.stages[:names.index(stage_name)]
        return self.run_phase(tuple(s for s in earlier if s.on == on), docs) if docs else []

    def run_phase(self, phase: tuple[Stage, ...], docs: list) -> list:
        todo = [doc for doc in docs if any(stage.runs_on(doc) for stage in phase)]
        self.summary.analysed += sum(1 for doc in todo if named_runs_on(phase, "nlp", doc))
        results = dict(zip(map(id, todo), in_chunks(self.pool, partial(run_chunk, tuple(s.name for s in phase), seconds=self.stage_seconds), todo)))
        return [kept for doc in docs if (kept := self.keep(results.get(id(doc), doc))) is not None]

    def keep(self, result):
        """The document, or None for a Problem: noted, and its reservation released."""
        if not isinstance(result, Problem):
            return result
        self.summary.add(result)
        if result.reserved:
            self.store.release(result.reserved)
        return None


def named_runs_on(phase: tuple[Stage, ...], name: str, doc) -> bool:
    return any(stage.name == name and stage.runs_on(doc) for stage in phase)


# -- in a worker --------------------------------------------------------------------

def run_chunk(names: tuple[str, ...], docs: list, seconds: float = 0.0) -> list:
    """Stages of one phase over a chunk of documents, stage by stage, so a stage that
    works better on many texts at once (Slovnet's taggers) gets them all."""
    for stage in named(*names):
        docs = run_stage(stage, docs, seconds)
    return docs


def run_stage(stage: Stage, docs: list, seconds: float = 0.0) -> list:
    todo = [i for i, doc in enumerate(docs) if not isinstance(doc, Problem) and stage.runs_on(doc)]
    todo = [i for i in todo if speaks(stage, docs[i])]
    extras = shared_work(stage, [docs[i] for i in todo], seconds)
    done = list(docs)
    for i, extra in zip(todo, extras):
        done[i] = run_one(stage, docs[i], extra, seconds)
    return done


def speaks(stage: Stage, doc) -> bool:
    """False, and the skip recorded, for a language stage whose language has no pack:
    a stage never runs one language's models on another's text."""
    from ..lang import has_pack

    if not stage.needs_language or has_pack(doc.language):
        return True
    if stage.name not in doc.skipped_stages:
        doc.skipped_stages.append(stage.name)
    return False


def shared_work(stage: Stage, docs: list, seconds: float = 0.0) -> list[dict]:
    """Keyword arguments for each document from the stage's work done for all at once
    (within all their budgets together); if that fails, none (each document then does
    its own, and fails alone)."""
    if stage.run_together is None or not docs:
        return [{}] * len(docs)
    try:
        with time_budget(seconds * len(docs)):
            return stage.run_together(docs)
    except (Exception, OverBudget):  # noqa: BLE001 - the documents retry one by one
        return [{}] * len(docs)


def run_one(stage: Stage, doc, extra: dict, seconds: float = 0.0):
    """One stage on one document; its failure is the document's Problem, not the batch's."""
    try:
        with time_budget(seconds):
            result = stage.run(doc, **extra)
    except OverBudget as err:
        return Problem(doc.source, f"{stage.name}: {err}", getattr(doc, "id", "") or "", stage.name)
    except Exception as err:  # one bad page must not stop the corpus
        return Problem(doc.source, f"{stage.name} failed: {type(err).__name__}: {err}",
                       getattr(doc, "id", "") or "", stage.name)
    return result


def run_alone(item, stages: tuple[Stage, ...]):
    """Per-document stages over one document here, without a store (corpus stages are
    left out): a Document, or the first Problem."""
    docs = [item]
    for stage in stages:
        if not stage.corpus:
            docs = run_stage(stage, docs)
    return docs[0]


# -- chunks ---------------------------------------------------------------------------

def in_chunks(pool, function, docs: list) -> list:
    """`function` over chunks of `docs`, a couple per worker, results in input order.
    Chunks hold about equal amounts of text, the largest sent first, so no worker is
    left with a long tail while the other waits."""
    jobs = getattr(pool, "jobs", 1)
    chunks = balanced([text_size(doc) for doc in docs], 1 if jobs == 1 else CHUNKS_PER_WORKER * jobs)
    results: list = [None] * len(docs)
    for chunk, done in zip(chunks, pool.map(function, [[docs[i] for i in chunk] for chunk in chunks])):
        for index, result in zip(chunk, done):
            results[index] = result
    return results


def text_size(doc) -> int:
    return len(getattr(doc, "text", None) or getattr(doc, "content", ""))


def balanced(sizes: list[int], count: int) -> list[list[int]]:
    """Indices of `sizes` in at most `count` non-empty groups of about equal total,
    largest group first (each item, largest first, to the lightest group, or of equally
    light ones to the one with fewest items)."""
    groups = [(0, 0, n, []) for n in range(min(count, len(sizes)))]
    for index in sorted(range(len(sizes)), key=lambda i: -sizes[i]):
        total, items, n, members = heapq.heappop(groups)
        members.append(index)
        heapq.heappush(groups, (total + sizes[index], items + 1, n, members))
    return [group[3] for group in sorted(groups, key=lambda g: -g[0]) if group[3]]
