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


def main() -> int:
    """Run the ``rlsbot`` command; Ctrl-C at any moment gives one line on stderr and exit status 130."""
    previous = signal.getsignal(signal.SIGINT)
    # An ignored Ctrl-C (a background job, nohup) stays ignored; a handler set outside Python stays.
    ours = previous is not None and previous != signal.SIG_IGN and _handle(_interrupted_while_starting)
    # rlsbot never multiplies matrices, yet numpy's import starts a BLAS thread
    # per core: ~0.05-0.1 s of a 0.4 s `rlsbot ask`. Set here, not on import
    # of the package, so that a program using rlsbot as a library keeps its own.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from rlsbot.cli import main as cli_main

    if ours:
        _handle(previous)
    try:
        return cli_main()
    except KeyboardInterrupt:  # in the moment before cli.main's own handling
        print("\nrlsbot: interrupted", file=sys.stderr)
        return INTERRUPTED
