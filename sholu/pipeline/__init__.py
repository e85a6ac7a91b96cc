"""The pipeline: the declared stages (`stages.py`) run over batches of documents.

Per-document stages run in a pool of worker processes; corpus stages (dedup, linking
people across articles, the writes) run in this process, one batch per transaction
(`batch.py`). Input already stored by this pipeline version is skipped before any work
(`runner.py`). A sharded run (`shards.py`) runs the per-document stages up to the
analysis into Parquet shards, with no store; `load_shards` continues from there.
"""
from __future__ import annotations

from .. import PIPELINE_VERSION
from ..engines.local import WorkerPool, load_models
from . import runner
from .batch import balanced
from .runner import BATCH_SIZE, Summary, analyse, prepare, process, run, run_records
from .shards import load_shards, run_to_shards
from .stages import STAGES

__all__ = ["BATCH_SIZE", "PIPELINE_VERSION", "STAGES", "Summary", "WorkerPool", "analyse", "balanced",
           "load_models", "load_shards", "prepare", "process", "run", "run_records", "run_to_shards"]

