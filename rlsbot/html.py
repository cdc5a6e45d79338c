"""Saved web pages: the article's main text and its metadata, as Markdown.

The extraction (boilerplate, navigation, sidebars, ads, cookie banners and
footers out) is trafilatura's; it parses the page text it is handed and never
fetches anything or runs a script.  It is imported only when an HTML file is
read, because it takes longer to import than the rest of rlsbot takes to
start; and what it extracted is kept in the cache folder, keyed by the page's
text, so that an unchanged page costs no import at all on the next start.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from pathlib import Path

from rlsbot.storage import atomic_write_bytes

# Part of the extraction cache's key: bump it when the options below change.
EXTRACTION_VERSION = "rlsbot-html-1"

# Only dates the page states (meta tags, <time>): not a year guessed from a
# copyright line in the footer.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_EXTRACT_OPTIONS = {
    "output_format": "markdown",  # keeps headings and list items, which the passages follow
    "include_comments": False,
    "include_tables": False,
    "include_images": False,
    "include_links": False,
    "with_metadata": False,
    "deduplicate": False,
}
_URL = re.compile(r"https?://\S+\Z")

for _name in ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer"):
    # Their warnings ("discarding data", "empty HTML") are not the user's
    # business; rlsbot reports a page it cannot use in its own words.
    logging.getLogger(_name).addHandler(logging.NullHandler())


def html_to_markdown(source: str, cache: bool = True) -> tuple[dict, str]:
    """The main text of a saved page as Markdown, and its title, author, date, URL and site.

    Raises ValueError (with a reason) when the page cannot be parsed or
    trafilatura is not installed.
    """
    path = _cache_path(source) if cache else None
    if path is not None:
        try:
            kept = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(kept.get("meta"), dict) and isinstance(kept.get("body"), str):
                return {str(k): str(v) for k, v in kept["meta"].items()}, kept["body"]
        except (OSError, ValueError, AttributeError):
            pass  # not there yet, or damaged: extract again
    meta, body = _extract(source)
    if path is not None:
        _save(path, {"meta": meta, "body": body})
    return meta, body


def _cache_path(source: str) -> Path | None:
    try:
        from rlsbot.paths import cache_dir

        key = hashlib.sha256(EXTRACTION_VERSION.encode() + b"\0" + source.encode("utf-8", "surrogatepass")).hexdigest()
        return cache_dir() / "html" / f"{key}.json"
    except Exception:  # noqa: BLE001 - no cache folder to be had: extract every time
        return None


def _save(path: Path, record: dict) -> None:
    """Write through a temp file and rename; a cache that cannot be written is no error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps(record, ensure_ascii=False).encode("utf-8", "surrogatepass")
        atomic_write_bytes(path, data)
    except (OSError, ValueError):
        pass


def _extract(source: str) -> tuple[dict, str]:
    try:
        import trafilatura
    except ImportError as exc:
        raise ValueError(f"is an HTML page, and reading HTML needs the trafilatura package ({exc})") from None
    if not source.strip():
        return {}, ""
    # lxml refuses a str that declares its own encoding; the bytes were decoded already.
    source = re.sub(r"\A\s*<\?xml[^>]*\?>", "", source)
    try:
        body = trafilatura.extract(source, favor_precision=True, **_EXTRACT_OPTIONS)
        if not body:
            # A short page (a clinic's note of three paragraphs) can look like
            # boilerplate to the precise setting; take what the default keeps.
            body = trafilatura.extract(source, **_EXTRACT_OPTIONS)
        found = trafilatura.extract_metadata(source, date_config=_DATE_PARAMS)
    except Exception as exc:  # noqa: BLE001 - lxml and trafilatura raise many kinds on broken pages
        raise ValueError(f"could not be read as an HTML page ({type(exc).__name__}: {exc})") from None
    meta: dict[str, str] = {}
    if found is not None:
        for key, attr in (("title", "title"), ("author", "author"), ("date", "date"), ("url", "url"), ("publisher", "sitename")):
            value = " ".join(str(getattr(found, attr, None) or "").split())
            if value:
                meta[key] = value
    if "url" in meta and not _URL.match(meta["url"]):
        del meta["url"]
    if meta.get("publisher") and meta["publisher"] in (meta.get("author"), meta.get("title")):
        del meta["publisher"]
    return meta, body or ""
