"""The package's layering: every import inside rlsbot points to a lower floor, and there is no circle.

Imports inside functions count too (a lazy import is still a dependency).
Modules under rlsbot/tui/ are the top floor whatever their names, so new
screens and widgets need no entry here.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "rlsbot"

# module -> floor; a module may import only from strictly lower floors.
FLOORS = {
    # leaves: no rlsbot imports
    "rlsbot.exitcodes": 0,
    "rlsbot.paths": 0,
    "rlsbot.text": 0,
    "rlsbot.storage": 0,
    "rlsbot.phrases": -1,  # data: the two-word phrases rlsbot.analysis reads
    "rlsbot.analysis": 0,
    "rlsbot.patterns": 0,
    "rlsbot.ask_type": 0.25,  # the record of an ask, its patterns rlsbot.patterns'
    "rlsbot.relation_asks": 0.4,  # which is better, what it leads to: asks of the asks' kind
    "rlsbot.asks": 0.5,  # its question patterns are rlsbot.patterns'
    "rlsbot.leaning": 1,  # a pattern of the asks' kind
    "rlsbot.populations": 1,  # its patterns are the asks' kind
    "rlsbot.english": 0,
    "rlsbot.bm25": 0,
    "rlsbot.typos": 0,
    "rlsbot.sorted_table": 0,
    "rlsbot.stem_bound": 0,
    "rlsbot.parallel": 0,
    # articles
    "rlsbot.article": 1,
    "rlsbot.chrome": 1,
    "rlsbot.formats": 2,
    "rlsbot.html": 2,
    "rlsbot.corpus": 3,
    # passages and ranking
    "rlsbot.passages": 4,
    "rlsbot.walk": 4,
    "rlsbot.passage_table": 5,
    "rlsbot.index_meta": 5,
    "rlsbot.postings": 5,  # BM25 over term columns, plain Python or numpy: below the index
    "rlsbot.analyser": 5.5,  # articles into postings, in worker processes when many: below the index
    "rlsbot.index": 6,
    "rlsbot.article_cache": 6,
    "rlsbot.cache_check": 6.5,  # the index cache's checks, and the note that a file passed them
    "rlsbot.index_cache": 7,
    # answering
    "rlsbot.query": 7,
    "rlsbot.quotes": 7,
    "rlsbot.subject": 2,
    "rlsbot.question_subject": 7.5,
    "rlsbot.needs": 7.75,  # what a sentence must have for one question: above the question subject, below answer
    "rlsbot.answer": 8,
    "rlsbot.bot": 9,
    "rlsbot.conversation": 10,
    "rlsbot.library": 10,
    # shells
    "rlsbot.render": 11,
    "rlsbot.store": 11,  # conversations in SQLite, above the Conversation it saves
    "rlsbot.cli_io": 12,  # what the commands share
    "rlsbot.cli_history": 13,
    "rlsbot.cli": 14,  # above the TUI, which it starts
    "rlsbot.entry": 15,  # the console script: Ctrl-C handled before the CLI is imported
    "rlsbot.__main__": 16,
    "rlsbot": 15,  # __init__: the public API, lazily
}
TUI_FLOOR = 12  # rlsbot.tui and everything under it
SHELLS = ("rlsbot.render", "rlsbot.cli", "rlsbot.cli_io", "rlsbot.cli_history", "rlsbot.tui", "rlsbot.entry", "rlsbot.__main__", "rlsbot")
MAX_LINES = 450


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def is_tui(module: str) -> bool:
    return module == "rlsbot.tui" or module.startswith("rlsbot.tui.")


def floor(module: str) -> int:
    if is_tui(module):
        return TUI_FLOOR
    return FLOORS[module]


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def rlsbot_imports(path: Path, module: str) -> set[str]:
    """The rlsbot modules a module imports anywhere in its body, as their module names."""
    known = modules()
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            # "from rlsbot import answer" imports the module rlsbot.answer
            names = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        else:
            continue
        for name in names:
            if name == "rlsbot" or name.startswith("rlsbot."):
                while name not in known:  # rlsbot.tui.app.run_chat -> rlsbot.tui.app
                    name = name.rpartition(".")[0]
                if name != module:
                    found.add(name)
    return found


def graph() -> dict[str, set[str]]:
    return {m: rlsbot_imports(p, m) for m, p in modules().items()}


def test_every_module_has_a_floor():
    assert [m for m in modules() if not is_tui(m) and m not in FLOORS] == []
    assert [m for m in FLOORS if m not in modules()] == []


def test_every_import_points_down():
    upward = [
        f"{m} (floor {floor(m)}) imports {d} (floor {floor(d)})"
        for m, deps in graph().items()
        for d in deps
        if floor(d) >= floor(m) and not (is_tui(m) and is_tui(d))  # the TUI's own modules share its floor
    ]
    # the version string is the one thing the CLI takes from the package itself
    upward = [u for u in upward if u != "rlsbot.cli (floor 14) imports rlsbot (floor 15)"]
    assert upward == []


def test_there_is_no_import_circle():
    edges = graph()
    done: set[str] = set()
    path: list[str] = []

    def visit(m: str) -> None:
        if m in path:
            pytest.fail("import circle: " + " -> ".join(path[path.index(m) :] + [m]))
        if m in done:
            return
        path.append(m)
        for d in sorted(edges[m]):
            if m == "rlsbot.cli" and d == "rlsbot":
                continue  # __version__ only; see test_every_import_points_down
            visit(d)
        path.pop()
        done.add(m)

    for m in sorted(edges):
        visit(m)


def test_the_engine_imports_no_shell():
    engine = {m: deps for m, deps in graph().items() if m not in SHELLS and not is_tui(m)}
    assert {m: sorted(d for d in deps if d in SHELLS or is_tui(d)) for m, deps in engine.items()} == {m: [] for m in engine}


def test_no_engine_module_is_over_450_lines():
    long = {m: n for m, p in modules().items() if not is_tui(m) and (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


@pytest.mark.parametrize("command", ["add", "sources"])
def test_add_and_sources_import_neither_numpy_nor_textual(command, tmp_path):
    """``rlsbot add`` and a warm ``rlsbot sources`` load no index: no numpy, no Textual.

    ``sources`` reads the passage counts from the cache's metadata; the first
    run, with no cache yet, builds the index as ``ask`` would.
    """
    article = tmp_path / "note.md"
    article.write_text("# A note\n\nMagnesium is a mineral found in leafy greens and nuts.\n", encoding="utf-8")
    args = ["add", str(article)] if command == "add" else ["sources", "--json"]
    script = (
        "import sys; from rlsbot.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print('IMPORTED', sorted(m for m in ('numpy', 'textual') if m in sys.modules), file=sys.stderr)\n"
    )
    env = {
        "RLSBOT_DATA_DIR": str(tmp_path / "data"),
        "RLSBOT_CACHE_DIR": str(tmp_path / "cache"),
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(ROOT),
    }

    def run() -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)

    if command == "sources":
        cold = run()  # builds the cache
        assert cold.returncode == 0 and "IMPORTED ['numpy']" in cold.stderr, cold.stderr
    done = run()
    assert done.returncode == 0, done.stderr
    assert "IMPORTED []" in done.stderr, done.stderr
    if command == "sources":
        assert done.stdout == cold.stdout  # the same listing, warm or cold
