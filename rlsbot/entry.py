"""The ``rlsbot`` command's entry point: Ctrl-C is handled from its first line on.

Importing the command line takes tens of milliseconds; a Ctrl-C in that
time used to print a KeyboardInterrupt traceback, because ``cli.main`` had
not yet installed its handling.  This module imports nothing heavy: it sets a
SIGINT handler that ends the process at once with one line (nothing has been
written yet), imports the command line, and hands Ctrl-C back to Python's
KeyboardInterrupt, which ``cli.main`` turns into the same line after cleaning
up (a half-written file is removed, never left).
"""

import os
import sys

try:
    import _signal as signal  # the C module: the signal module would import enum first, ~10 ms
except ImportError:  # not CPython
    import signal

INTERRUPTED = 130  # rlsbot.exitcodes.INTERRUPTED; not imported, so that nothing comes before the handler


def _interrupted_while_starting(signum, frame) -> None:
    os.write(2, b"\nrlsbot: interrupted\n")
    os._exit(INTERRUPTED)


def _handle(handler) -> bool:
    try:
        signal.signal(signal.SIGINT, handler)
        return True
    except (ValueError, TypeError):  # not the main thread, or a handler set outside Python: leave it
        return False


# Any of these set by the user is left as it is (OpenBLAS reads them in this order).
_BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS")


def _one_blas_thread() -> None:
    """Ask numpy's OpenBLAS for one thread, unless the user chose: rlsbot multiplies no matrices.

    OpenBLAS starts a thread per CPU as numpy is imported, ~60 ms of a cached
    answer's ~400; it reads the setting then, so it is set before any import.
    """
    if not any(name in os.environ for name in _BLAS_THREADS):
        os.environ["OPENBLAS_NUM_THREADS"] = "1"


def main() -> int:
    """Run the ``rlsbot`` command; Ctrl-C at any moment gives one line on stderr and exit status 130."""
    previous = signal.getsignal(signal.SIGINT)
    # An ignored Ctrl-C (a background job, nohup) stays ignored; a handler set outside Python stays.
    ours = previous is not None and previous != signal.SIG_IGN and _handle(_interrupted_while_starting)
    _one_blas_thread()
    from rlsbot.cli import main as cli_main

    if ours:
        _handle(previous)
    try:
        return cli_main()
    except KeyboardInterrupt:  # in the moment before cli.main's own handling
        print("\nrlsbot: interrupted", file=sys.stderr)
        return INTERRUPTED
