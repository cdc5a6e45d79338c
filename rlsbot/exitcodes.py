"""Exit statuses of the rlsbot command, in one place."""

OK = 0  # answered (or the command did what it was asked)
NOT_COVERED = 1  # the articles do not cover the question
USAGE = 2  # usage or input error; a one-line message went to stderr
INTERRUPTED = 130  # Ctrl-C
