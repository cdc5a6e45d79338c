"""rlsbot: answers questions about restless legs syndrome by quoting articles verbatim.

The public API::

    from rlsbot import Bot
    bot = Bot.load()                       # bundled articles, cached index
    answer = bot.ask("does magnesium help in pregnancy?")
    for c in answer.citations:
        print(c.n, c.title, c.quote)
"""

from __future__ import annotations

# Not typing.TYPE_CHECKING: importing typing costs milliseconds before the
# command (rlsbot.entry) can handle Ctrl-C; type checkers read this name alike.
TYPE_CHECKING = False

__version__ = "0.1.0"
__all__ = ["Answer", "Bot", "Citation", "Conversation", "__version__"]

if TYPE_CHECKING:
    from rlsbot.answer import Answer, Citation
    from rlsbot.bot import Bot
    from rlsbot.conversation import Conversation


def __getattr__(name: str):
    # Lazy, so that `rlsbot --version` and the CLI's start-up stay cheap.
    if name == "Bot":
        from rlsbot.bot import Bot

        return Bot
    if name in ("Answer", "Citation"):
        from rlsbot import answer

        return getattr(answer, name)
    if name == "Conversation":
        from rlsbot.conversation import Conversation

        return Conversation
    raise AttributeError(f"module 'rlsbot' has no attribute {name!r}")
