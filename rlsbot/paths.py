"""Where rlsbot keeps its files: platformdirs' folders, or RLSBOT_DATA_DIR / RLSBOT_CACHE_DIR."""

from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    """Where rlsbot keeps the user's own articles and conversations."""
    env = os.environ.get("RLSBOT_DATA_DIR")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("rlsbot", appauthor=False))


def cache_dir() -> Path:
    env = os.environ.get("RLSBOT_CACHE_DIR")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("rlsbot", appauthor=False))


def user_corpus() -> Path:
    """The folder ``rlsbot add`` copies articles into."""
    return data_dir() / "articles"
