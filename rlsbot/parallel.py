"""Work on many articles spread over worker processes, results in the input's order.

Parsing and analysing an article are pure Python and depend on that article
alone: a build of thousands of them uses every CPU this way.  A small job
(the bundled articles, a test's) stays in the calling process, where starting
workers would cost more than it saves.  Results come back through
multiprocessing's pipes (pickled in transit, never stored).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Worker processes pay off from this many items (a forked worker starts in
# milliseconds, but each chunk's results are pickled back).
MIN_ITEMS = 400
# Items per task: enough that sending each task's results costs little,
# few enough that the workers finish together.
CHUNK = 100


def processes(n_items: int) -> int:
    """How many processes a job of ``n_items`` is worth: 1 means in this one."""
    if n_items < MIN_ITEMS:
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, -(-n_items // CHUNK)))


def map_chunks(work: Callable[[list[T]], R], items: Sequence[T], prepare: Callable[[], object] | None = None) -> Iterator[R]:
    """``work`` of each run of CHUNK consecutive items, in order; in worker processes when worth it.

    ``prepare`` runs first in this process (a cache filled here is inherited
    by forked workers rather than filled again in each).  ``work`` must be a
    module-level function.  An exception in a worker is raised here.
    """
    chunks = [list(items[lo : lo + CHUNK]) for lo in range(0, len(items), CHUNK)]
    n = processes(len(items))
    if prepare is not None:
        prepare()
    if n < 2:
        yield from map(work, chunks)
        return
    import multiprocessing
    import threading
    from concurrent.futures import ProcessPoolExecutor

    # fork: workers start at once with everything imported and prepared.  Not
    # from a process running other threads (a lock one of them holds would stay
    # held in the worker for ever), nor where there is no fork: there workers
    # start afresh and import what they need.
    methods = multiprocessing.get_all_start_methods()
    method = "fork" if "fork" in methods and threading.active_count() == 1 else "spawn"
    # concurrent.futures, not multiprocessing.Pool: a worker that dies (the OOM
    # killer) raises BrokenProcessPool here instead of leaving the build waiting.
    pool = ProcessPoolExecutor(n, mp_context=multiprocessing.get_context(method), initializer=_ignore_interrupts)
    finished = False
    try:
        yield from pool.map(work, chunks)
        finished = True
    finally:
        if not finished:
            # Ctrl-C, an error, a consumer that stopped: no queued chunk starts,
            # and no worker outlives this call
            pool.shutdown(wait=False, cancel_futures=True)
            for process in list((getattr(pool, "_processes", None) or {}).values()):
                process.terminate()
        pool.shutdown(wait=True)


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group: the parent alone handles it
    # (and ends the workers), so no worker prints a traceback.
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
