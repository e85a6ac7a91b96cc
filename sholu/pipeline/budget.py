"""A time budget for one document in one stage: past it, the stage is interrupted and
the document becomes a Problem naming the stage, so one pathological text never holds
its batch. It needs SIGALRM, so it works in a process's main thread (one job, and the
local engine's worker processes); elsewhere (Dask's worker threads) there is none."""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager


class OverBudget(BaseException):
    """The stage ran past the document's time budget (not an Exception, so a stage's
    own `except Exception` does not swallow it; it is raised again each second if it
    is)."""


def can_interrupt() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: float):
    """Raise OverBudget in this thread once `seconds` have passed (0: no budget)."""
    if not seconds or not can_interrupt():
        yield
        return

    def interrupt(signum, frame):
        raise OverBudget(f"over its time budget of {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds, 1.0)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
