"""What the command line's commands share: the usage error, warnings, colour, JSON output."""

from __future__ import annotations

import json
import os
import sys

from rlsbot.text import json_safe, one_line


class UsageError(Exception):
    """Bad command-line input: reported as one line, exit status 2."""


def color(stream) -> bool:
    """Colour only on a terminal, never with NO_COLOR or TERM=dumb."""
    return stream.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def warn(message: str) -> None:
    """One line on stderr, terminal controls and line breaks made visible."""
    print(f"rlsbot: {one_line(message)}", file=sys.stderr)


def count(n: int, noun: str) -> str:
    """ "1 passage", "2 passages"."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def print_json(obj) -> None:
    """One JSON value on one line of stdout."""
    text = json.dumps(obj, ensure_ascii=False)
    sys.stdout.write(json_safe(text) + "\n")
