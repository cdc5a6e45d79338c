"""The one terminal-safety and whitespace policy for text rlsbot did not write.

Article text is cleaned once when it is read (``clean_text``); anything shown
in a terminal is made visible-safe (``safe``), and anything meant to be one
line (a file name, a title, a question echoed back, every message on stderr)
cannot start another (``one_line``); JSON output escapes what json.dumps
leaves raw (``json_safe``); user input loses NULs (``clean_input``).
"""

from __future__ import annotations

import re

# Anything that could move the cursor, change colours or open a link in a
# terminal: C0/C1 controls, DEL, and bidi overrides/isolates.  Article text
# also loses zero-width characters; shown text keeps newlines.
_ARTICLE_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# One line: newlines and the Unicode line and paragraph separators too, or a
# file name could print a line of its own (a fake "added ..." or warning).
_LINE_BREAKS = re.compile(r"[\n\u2028\u2029]")
# json.dumps escapes C0 controls but not DEL, C1 (U+009B is an 8-bit CSI),
# bidi overrides or the line separators (str.splitlines splits a JSON line on
# them); as \uXXXX escapes they parse back to the very same string.
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# A file name rlsbot writes: no controls, line breaks, bidi overrides or path separators.
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069/\\]")


def clean_text(text: str) -> str:
    """Remove control characters (escape sequences included) from article text."""
    text = re.sub(r"\x1b\[[0-?]*[ -/]*[@-~]", "", text)  # whole CSI sequences
    text = re.sub(r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?", "", text)  # OSC sequences
    return _ARTICLE_CONTROL.sub("", text.replace("\t", " "))


def safe(text: str) -> str:
    """Text with terminal control characters shown as visible escapes, and no lone surrogates."""
    text = _UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    return text.encode("utf-8", "replace").decode("utf-8")


def one_line(text: str) -> str:
    """``safe``, and line breaks shown as visible escapes too: the text stays on one line."""
    return _LINE_BREAKS.sub(lambda m: f"\\x{ord(m.group()):02x}" if m.group() == "\n" else f"\\u{ord(m.group()):04x}", safe(text))


def json_safe(text: str) -> str:
    """JSON text with DEL, C1, bidi controls and line separators escaped as \\uXXXX: one line stays one line."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def safe_file_name(name: str) -> str:
    """A file name with controls, line breaks, bidi overrides and path separators replaced by ``_``."""
    return _UNSAFE_NAME.sub("_", name)


def clean_input(text: str) -> str:
    """Lone surrogates (undecodable argv bytes) become U+FFFD; NULs go."""
    return text.encode("utf-8", "replace").decode("utf-8").replace("\x00", " ")
