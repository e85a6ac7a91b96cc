"""Benchmark start-up: how long the `sholu` command takes when there is little to do.

    .venv/bin/python bench/bench_startup.py               # median of 5 runs of each
    .venv/bin/python bench/bench_startup.py --repeat 3    # quicker, rougher

Each figure is the median wall time of the installed console script in a fresh
subprocess (imports included, which is what the user waits for):

- `sholu --help`;
- `sholu persons --db demo.db` on the demo corpus;
- the first run of the demo corpus (`sholu run sholu/samples/kz-referendum-2026`) into a
  new database, models loaded and all;
- the re-run of it into the same database, where everything is already stored.

The targets (issue 12) are printed beside them: --help under 0.25 s, the re-run under
0.4 s, and the first run at least 20 times the re-run.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "sholu" / "samples" / "kz-referendum-2026"
TARGETS = {"help": 0.25, "rerun": 0.4}     # seconds
RATIO_TARGET = 20


def sholu_command() -> list[str]:
    """The console script beside this interpreter, else the module."""
    script = Path(sys.executable).parent / "sholu"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "sholu"]


def timed(args: list[str]) -> float:
    """Seconds one `sholu ARGS` takes; a failure stops the benchmark."""
    started = time.perf_counter()
    result = subprocess.run(sholu_command() + args, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"sholu {' '.join(args)} failed ({result.returncode}):\n{result.stderr}")
    return seconds


def median_of(repeat: int, args_for) -> float:
    """The median over `repeat` runs; `args_for(n)` gives the n-th run's arguments."""
    return statistics.median(timed(args_for(n)) for n in range(repeat))


def measure(repeat: int, folder: Path) -> dict[str, float]:
    demo = str(folder / "demo.db")
    run = ["run", str(CORPUS), "--quiet", "--db"]
    return {
        "help": median_of(repeat, lambda n: ["--help"]),
        "first run": median_of(repeat, lambda n: run + [demo if n == 0 else str(folder / f"first-{n}.db")]),
        "rerun": median_of(repeat, lambda n: run + [demo]),
        "persons": median_of(repeat, lambda n: ["persons", "--db", demo]),
    }


def report(figures: dict[str, float]) -> None:
    for name, seconds in figures.items():
        target = TARGETS.get(name)
        verdict = "" if target is None else f"  target < {target:.2f} s: {'met' if seconds < target else 'MISSED'}"
        print(f"{name:<10} {seconds:7.3f} s{verdict}")
    ratio = figures["first run"] / figures["rerun"]
    verdict = "met" if ratio >= RATIO_TARGET else "MISSED"
    print(f"first run / re-run: {ratio:.1f}x  target >= {RATIO_TARGET}x: {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5, help="runs of each command (default 5)")
    args = parser.parse_args()
    print(f"sholu start-up, median of {args.repeat} runs ({' '.join(sholu_command())}), "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as folder:
        report(measure(args.repeat, Path(folder)))
    print(f"load average after: {os.getloadavg()[0]:.1f} (figures from a busy machine run long)")


if __name__ == "__main__":
    main()
