"""Sholu's whole pipeline against a hand-written single-process Natasha loop, side by
side in one run, on the same texts: the factRuEval-2016 development texts plus the
sample corpus (bundled), repeated to the requested sizes.

    .venv/bin/python bench/bench_natasha.py                    # 127 texts, then x8 (1,016); medians of 3
    .venv/bin/python bench/bench_natasha.py --sizes 127 1016 10160 --repeat 5

The Natasha loop segments, tags morphology and NER and normalises every span, one
document after another, reading the same files. Sholu runs `pipeline.run` on the folder
with all cores into a fresh SQLite file: clean, dedup, NER and normalisation, quotes,
events, themes and the store. Repeated texts are distinct files with a line of their
own ("Выпуск N."), so dedup sees them as near copies (as a real feed's reprints are).

Each side runs in a fresh Python process, so neither profits from the other's loaded
models or warmed caches. For each side three figures:

- load: imports and model loading (Navec, Slovnet, pymorphy; for Sholu also the
  gazetteer, the theme vectors and the language model), paid once per process;
- work: the documents alone, after loading (for Sholu this includes starting the
  worker processes, which fork after loading, and every write to the store);
- end to end: load + work, what a user waits for.

Under each size also the CPU seconds of each side's load and work (Sholu's work: the main
process and its workers together), and the load average at the end: on a machine other
jobs keep busy, the wall-clock ratios say little and the CPU seconds still do.

The ratio is Natasha's time over Sholu's, for work and for end to end. Also printed: the
re-run (a fresh process running the same folder again: nothing new, so no models load)
and peak RSS of Sholu's main process and of its largest worker. Last, each per-document
stage's share of the pipeline's time, measured on the first size in one process.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TEXTS = [ROOT / "bench" / "data" / "factrueval-dev", ROOT / "sholu" / "samples" / "kz-referendum-2026"]


def real_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for folder in TEXTS for p in sorted(folder.glob("*.txt"))]


def build_corpus(folder: Path, size: int, texts: list[str]) -> int:
    folder.mkdir(parents=True)
    chars = 0
    for number in range(size):
        text = texts[number % len(texts)]
        if number >= len(texts):
            text = f"Выпуск {number // len(texts)}.\n{text}"
        (folder / f"{number:06d}.txt").write_text(text, encoding="utf-8")
        chars += len(text)
    return chars


# -- the two sides, each run in a process of its own ----------------------------------

def natasha_side(folder: Path) -> dict:
    """The baseline: what a user of Natasha alone would write."""
    started = time.perf_counter()
    from natasha import Doc, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    embedding = NewsEmbedding()
    segmenter, vocab = Segmenter(), MorphVocab()
    morph_tagger, ner_tagger = NewsMorphTagger(embedding), NewsNERTagger(embedding)
    loaded, loaded_cpu = time.perf_counter(), cpu_seconds()
    for path in sorted(folder.glob("*.txt")):
        doc = Doc(path.read_text(encoding="utf-8"))
        doc.segment(segmenter)
        doc.tag_morph(morph_tagger)
        doc.tag_ner(ner_tagger)
        for span in doc.spans:
            span.normalize(vocab)
    return {"load": loaded - started, "work": time.perf_counter() - loaded,
            "load_cpu": loaded_cpu, "work_cpu": cpu_seconds() - loaded_cpu}


def sholu_side(folder: Path, db: Path, jobs: int) -> dict:
    started = time.perf_counter()
    from sholu import pipeline
    from sholu.store import open_store

    pipeline.load_models()
    loaded, loaded_cpu = time.perf_counter(), cpu_seconds()
    store = open_store(str(db))
    summary = pipeline.run([str(folder)], store, jobs=jobs)
    store.close()
    return {"load": loaded - started, "work": time.perf_counter() - loaded, **peak_rss_mib(),
            "load_cpu": loaded_cpu, "work_cpu": cpu_seconds() - loaded_cpu,
            "copies": summary.duplicates, "analysed": summary.analysed}


def rerun_side(folder: Path, db: Path, jobs: int) -> dict:
    """The same folder again into the same store, in a fresh process, models not loaded."""
    from sholu import pipeline
    from sholu.nlp.models import taggers
    from sholu.store import open_store

    store = open_store(str(db))
    started = time.perf_counter()
    summary = pipeline.run([str(folder)], store, jobs=jobs)
    seconds = time.perf_counter() - started
    store.close()
    return {"work": seconds, "skipped": summary.skipped, "models_loaded": taggers.cache_info().currsize}


def stages_side(folder: Path) -> dict:
    """Seconds of each per-document stage over the folder, in one process, models loaded
    first: where the pipeline's time goes (the quotes stage's share among them)."""
    from sholu import pipeline
    from sholu.document import Problem, RawDocument
    from sholu.pipeline.batch import run_stage
    from sholu.pipeline.stages import document_stages

    pipeline.load_models()
    docs = [RawDocument(str(p), p.read_text(encoding="utf-8"), "text", p.name) for p in sorted(folder.glob("*.txt"))]
    seconds = {}
    for stage in document_stages():
        started = time.perf_counter()
        docs = [doc for doc in run_stage(stage, docs, seconds=0) if not isinstance(doc, Problem)]
        seconds[stage.name] = time.perf_counter() - started
    return seconds


def print_stage_shares(seconds: dict) -> None:
    total = sum(seconds.values()) or 1.0
    print("  stage shares (one process): " + " | ".join(
        f"{name} {100 * value / total:.1f}%" for name, value in seconds.items()), flush=True)


def cpu_seconds() -> float:
    """User and system CPU of this process and of its ended children (the workers): on
    a machine other jobs load, wall-clock time says little and CPU time still does."""
    import resource

    return sum(usage.ru_utime + usage.ru_stime
               for usage in map(resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)))


def peak_rss_mib() -> dict:
    import resource

    return {"rss_main": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "rss_worker": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def in_fresh_process(side: str, *args) -> dict:
    command = [sys.executable, __file__, "--side", side, *map(str, args)]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


# -- the comparison ---------------------------------------------------------------------

def compare(folder: Path, chars: int, work: Path, jobs: int, repeat: int) -> None:
    documents = len(list(folder.glob("*.txt")))
    runs: dict[str, list[dict]] = {"natasha": [], "sholu": []}
    for attempt in range(repeat):
        db = work / f"sholu-{attempt}.db"
        # the sides take turns going first, so a machine slowing down or speeding up
        # during the runs favours neither
        for side in ("natasha", "sholu") if attempt % 2 == 0 else ("sholu", "natasha"):
            arguments = (folder,) if side == "natasha" else (folder, db, jobs)
            runs[side].append(in_fresh_process(side, *arguments))
    rerun = in_fresh_process("rerun", folder, db, jobs)
    natasha, sholu = median_of(runs["natasha"]), median_of(runs["sholu"])
    last = runs["sholu"][-1]
    print(f"{documents:>6} docs, {chars:,} chars ({'median of ' + str(repeat) if repeat > 1 else 'one run'})")
    for name, side in (("natasha loop, 1 process", natasha), (f"sholu, {jobs} workers", sholu)):
        total = side["load"] + side["work"]
        print(f"  {name:<24} load {side['load']:5.2f} s | work {documents / side['work']:6.1f} docs/s "
              f"{chars / side['work']:9,.0f} chars/s | end to end {total:6.2f} s, {documents / total:6.1f} docs/s")
    print(f"  ratio sholu/natasha      work x{natasha['work'] / sholu['work']:.2f} | end to end "
          f"x{(natasha['load'] + natasha['work']) / (sholu['load'] + sholu['work']):.2f} | "
          f"copies {last['copies']}, analysed {last['analysed']}")
    print(f"  CPU seconds              natasha load {natasha['load_cpu']:.2f} + work {natasha['work_cpu']:.2f} | "
          f"sholu load {sholu['load_cpu']:.2f} + work {sholu['work_cpu']:.2f} (main and workers) | "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"  re-run {rerun['work']:.3f} s, skipped {rerun['skipped']}, models loaded {rerun['models_loaded']} "
          f"(x{sholu['work'] / max(rerun['work'], 1e-9):.0f} faster than the first run's work) | "
          f"peak RSS main {last['rss_main']:.0f} MiB, worker {last['rss_worker']:.0f} MiB", flush=True)


def median_of(runs: list[dict]) -> dict:
    return {key: statistics.median(run[key] for run in runs) for key in ("load", "work", "load_cpu", "work_cpu")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each side; medians are printed")
    parser.add_argument("--side", choices=("natasha", "sholu", "rerun", "stages"), help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.side:
        run_side(args.side, args.paths)
        return
    texts = real_texts()
    work = Path(tempfile.mkdtemp(prefix="sholu-bench-natasha-"))
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; {len(texts)} real texts", flush=True)
    try:
        warm_up(work, texts)
        for size in args.sizes or [len(texts), 8 * len(texts)]:
            run_dir = work / str(size)
            chars = build_corpus(run_dir / "corpus", size, texts)
            compare(run_dir / "corpus", chars, run_dir, args.jobs, args.repeat)
        print_stage_shares(in_fresh_process("stages", work / str(len(texts)) / "corpus")
                           if (work / str(len(texts))).exists() else in_fresh_process("stages", run_dir / "corpus"))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def warm_up(work: Path, texts: list[str]) -> None:
    """One small run of each side first, so the model files are in the OS cache for both;
    and Sholu's sources compiled, as installing it compiles them (Natasha's were when it
    was installed): with PYTHONDONTWRITEBYTECODE set, every start compiled them again."""
    import compileall

    compileall.compile_dir(ROOT / "sholu", quiet=1)
    build_corpus(work / "warm-up", 2, texts)
    in_fresh_process("natasha", work / "warm-up")
    in_fresh_process("sholu", work / "warm-up", work / "warm-up.db", 1)


def run_side(side: str, paths: list[str]) -> None:
    folder = Path(paths[0])
    if side == "natasha":
        result = natasha_side(folder)
    elif side == "stages":
        result = stages_side(folder)
    elif side == "sholu":
        result = sholu_side(folder, Path(paths[1]), int(paths[2]))
    else:
        result = rerun_side(folder, Path(paths[1]), int(paths[2]))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
