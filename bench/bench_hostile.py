"""Benchmark hostile and huge input (issue 18): time and peak memory of each probe.

    nice .venv/bin/python bench/bench_hostile.py             # modest sizes (a few minutes)
    nice .venv/bin/python bench/bench_hostile.py --full      # the issue's sizes (GiB of disk, longer)
    nice .venv/bin/python bench/bench_hostile.py --only stages

Each file probe runs `sholu run … -j 1` (or a small reading script) in a fresh process
and prints its wall time, its peak resident memory (the process's ru_maxrss, from
wait4), its exit status and what it stored or reported. The stage probe times every
per-document stage on one document of each pathological shape at three sizes, so a
stage whose time grows faster than its input shows as a ratio well above 2 per doubling.
Inputs are generated in a temporary folder, removed afterwards.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sholu" / "samples" / "kz-referendum-2026"
MIB = 1 << 20
PARAGRAPH = ("Жители микрорайона обсудили с депутатами строительство школы, ремонт дорог и "
             "освещение дворов, а также попросили открыть поликлинику рядом с домами.")
MEETING = ("{n} марта в Темиртау на территории комбината состоялась встреча членов партии с "
           "трудовым коллективом, во встрече приняли участие депутат Ерлан Сагинов и аким города.")
SAID = "— Работы начнутся весной, — сказал он."
TOWNS = ("Темиртау", "Караганде", "Актобе", "Атырау", "Костанае", "Павлодаре", "Семее", "Таразе")
TOUR = "{n} марта в {town} состоялась встреча депутата Ерлана Сагинова с работниками ТОО «Завод {n}»."

STAGE_SHAPES = {    # name: (builder of n units, three sizes modest, three sizes full)
    "ordinary prose": (lambda n: "\n\n".join(PARAGRAPH for _ in range(n)), (50, 100, 200), (250, 500, 1000)),
    "meeting sentences": (lambda n: " ".join(MEETING.format(n=1 + i % 28) for i in range(n)), (125, 250, 500),
                          (500, 1000, 2000)),
    "meeting tour": (lambda n: " ".join(TOUR.format(n=1 + i % 28, town=TOWNS[i % len(TOWNS)]) for i in range(n)),
                     (125, 250, 500), (500, 1000, 2000)),       # a new town, so a new event, each sentence
    "quote + '— сказал он'": (lambda n: " ".join(SAID for _ in range(n)), (625, 1250, 2500), (2500, 5000, 10000)),
    "'— сказал он' repeated": (lambda n: " ".join("— сказал он." for _ in range(n)), (1250, 2500, 5000),
                               (2500, 5000, 10000)),
    "nested «»": (lambda n: "Он сказал: " + "«" * n + "слово" + "»" * n + ".", (1000, 2000, 4000),
                  (1000, 2000, 4000)),
    "nested «» with words": (lambda n: "Он сказал: " + "«слово " * n + "»" * n + ".", (1000, 2000, 4000),
                             (1000, 2000, 4000)),
}


def sholu() -> list[str]:
    script = Path(sys.executable).parent / "sholu"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "sholu"]


def measured(command: list[str], env: dict | None = None, timeout: float = 900) -> dict:
    """Run `command`; its wall time, peak memory (MiB, from wait4), exit status and output."""
    import threading

    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen(command, stdout=out, stderr=err, env={**os.environ, **(env or {})})
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        _, status, usage = os.wait4(process.pid, 0)
        timer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return {"seconds": time.perf_counter() - started, "peak_mib": usage.ru_maxrss / 1024,
                "rc": process.returncode, "out": out.read(), "err": err.read()}


def run_probe(name: str, folder: Path, db: Path, extra=()) -> None:
    result = measured([*sholu(), "run", str(folder), "--db", str(db), "-j", "1", "-q", "--json", *extra],
                      env={"PYTHONPATH": str(ROOT)})
    try:
        summary = json.loads(result["out"])
        what = (f"stored {summary['new']}, errors {len(summary['errors'])}, notes {len(summary.get('notes', []))}: "
                + "; ".join(f"{Path(e['source']).name}: {e['reason'][:70]}" for e in summary["errors"][:4]))
    except (json.JSONDecodeError, KeyError):
        what = (result["err"].strip().splitlines() or ["(no output)"])[-1][:160]
    report(name, result, what)


def report(name: str, result: dict, what: str) -> None:
    print(f"{name:<38} {result['seconds']:8.1f} s {result['peak_mib']:8.0f} MiB  rc={result['rc']}  {what}", flush=True)


# -- inputs ----------------------------------------------------------------------------------

def good_files(folder: Path, count: int = 10) -> None:
    for i in range(count):
        (folder / f"good-{i}.txt").write_text(f"Статья {i}.\n\n" + "\n\n".join(
            PARAGRAPH.replace("школы", f"школы № {i}-{j}") for j in range(5)), encoding="utf-8")


def gzip_of_zeros(path: Path, inflated: int, prefix: bytes = b"", suffix: bytes = b"") -> None:
    with gzip.open(path, "wb", compresslevel=9) as out:
        out.write(prefix)
        chunk = b"a" * (16 * MIB)
        for _ in range(inflated // len(chunk)):
            out.write(chunk)
        out.write(suffix)


def warc_bomb(path: Path, inflated: int) -> None:
    """One gzip member holding a response whose payload is `inflated` bytes of one letter."""
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://bomb.test/\r\n"
            f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
            f"WARC-Date: 2026-03-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {inflated + 44}\r\n\r\n").encode()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    gzip_of_zeros(path, inflated, head + http[:44], b"\r\n\r\n")


def probes(work: Path, full: bool) -> None:
    scale = 1 if full else 0
    # 1. a file name that is not UTF-8
    folder = work / "names"
    folder.mkdir()
    for path in sorted(SAMPLES.glob("*.txt")):
        shutil.copy(path, folder)
    first = sorted(SAMPLES.glob("*.txt"))[0]
    shutil.copy(first, os.fsencode(folder) + b"/x\xff.txt")
    run_probe("non-UTF-8 file name", folder, work / "names.db")
    # 3. one CSV row with a huge field, beside ten good files
    folder = work / "csv"
    folder.mkdir()
    good_files(folder)
    field = (60 if full else 20) * MIB
    with open(folder / "huge.csv", "w", encoding="utf-8") as out:
        out.write('text,title\n"' + "ж" * (field // 2) + '",huge\n"' + PARAGRAPH + '",small\n')
    run_probe(f"CSV with a {field >> 20} MB field + 10 good", folder, work / "csv.db")
    # 3. a huge text
    folder = work / "text"
    folder.mkdir()
    size = (200 if full else 64) * MIB
    with open(folder / "huge.txt", "w", encoding="utf-8") as out:
        for _ in range(size // (len(PARAGRAPH.encode()) + 2)):
            out.write(PARAGRAPH + "\n\n")
    good_files(folder, 2)
    run_probe(f"{size >> 20} MB text + 2 good", folder, work / "text.db")
    # 4. compression bombs
    inflated = (3072 if full else 1024) * MIB
    folder = work / "bombs"
    folder.mkdir()
    gzip_of_zeros(folder / "bomb.jsonl.gz", inflated, b'{"text": "', b'"}\n')
    warc_bomb(folder / "bomb.warc.gz", inflated)
    good_files(folder, 2)
    sizes = ", ".join(f"{p.name} {p.stat().st_size / MIB:.1f} MB" for p in sorted(folder.glob("bomb*")))
    run_probe(f"bombs inflating to {inflated >> 20} MiB ({sizes})", folder, work / "bombs.db")
    # 5. a large JSONL read (ingest alone: the pipeline's speed is bench_run's subject)
    path = work / "big.jsonl"
    lines = 0
    with open(path, "w", encoding="utf-8") as out:
        while out.tell() < (345 if full else 96) * MIB:
            out.write(json.dumps({"text": PARAGRAPH + f" {lines}", "url": f"http://x.test/{lines}"},
                                 ensure_ascii=False) + "\n")
            lines += 1
            if lines % 1000 == 0:
                out.write("{broken line\n")
    script = ("import sys, time; from pathlib import Path; from sholu.ingest import read_file\n"
              "t = time.perf_counter(); n = bad = 0; first = None\n"
              "for item in read_file(Path(sys.argv[1])):\n"
              "    n += 1\n"
              "    if hasattr(item, 'reason') and first is None: first = time.perf_counter() - t\n"
              "    bad += hasattr(item, 'reason')\n"
              "print(n, bad, round(first, 3), round(n / (time.perf_counter() - t)))\n")
    result = measured([sys.executable, "-c", script, str(path)], env={"PYTHONPATH": str(ROOT)})
    n, bad, first, rate = (result["out"].split() + ["?"] * 4)[:4]
    report(f"JSONL {path.stat().st_size >> 20} MB read ({lines} lines)", result,
           f"{n} items, {bad} bad lines, first reported after {first} s, {rate} lines/s read")
    # 6. deep nesting, as a page
    folder = work / "deep"
    folder.mkdir()
    (folder / "deep.html").write_text("<html><head><title>Глубоко</title></head><body>" + "<div>" * 100_000
                                      + f"<p>{PARAGRAPH}</p>" * 3 + "</div>" * 100_000 + "</body></html>")
    run_probe("100,000 nested <div>", folder, work / "deep.db")


def stage_probe(full: bool) -> None:
    """Every per-document stage on each shape at three sizes (in this process: the
    models load once)."""
    sys.path.insert(0, str(ROOT))
    from sholu.document import Problem, RawDocument
    from sholu.pipeline.batch import run_stage
    from sholu.pipeline.stages import document_stages

    stages = document_stages()
    warm = [RawDocument("bench:warm-up", "\n\n".join([PARAGRAPH, SAID, MEETING.format(n=3)]), "text", "x")]
    for stage in stages:                # models load here, not in the first measurement
        warm = run_stage(stage, warm, seconds=0)
    for shape, (build, modest, large) in STAGE_SHAPES.items():
        for n in (large if full else modest):
            text = build(n)
            docs, times = [RawDocument(f"bench:{shape}:{n}", text, "text", "x")], {}
            for stage in stages:
                started = time.perf_counter()
                docs = run_stage(stage, docs, seconds=0)
                times[stage.name] = time.perf_counter() - started
                if isinstance(docs[0], Problem):
                    break
            shown = "  ".join(f"{name} {t:.2f}" for name, t in times.items() if t >= 0.01)
            print(f"{shape:<24} n={n:<6} {len(text):>8} chars  {shown}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--full", action="store_true", help="the issue's sizes (slow, GiB of disk)")
    parser.add_argument("--only", choices=["files", "stages"], help="one half of the benchmark")
    args = parser.parse_args()
    if args.only != "stages":
        print(f"{'probe':<38} {'time':>10} {'peak':>12}")
        with tempfile.TemporaryDirectory(prefix="sholu-hostile-") as folder:
            probes(Path(folder), args.full)
    if args.only != "files":
        print("\nstage seconds per document (three sizes of each shape):")
        stage_probe(args.full)


if __name__ == "__main__":
    main()
