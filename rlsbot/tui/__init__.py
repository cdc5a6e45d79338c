"""The chat screen: a Textual app over the same Answer the CLI prints.

Only this package imports Textual, so that the command line starts fast;
its entry point is :func:`rlsbot.tui.app.run_chat`.
"""
