"""python -m rlsbot"""

import sys

try:
    from rlsbot.cli import main
except KeyboardInterrupt:  # Ctrl-C while Python is still starting up
    print("\nrlsbot: interrupted", file=sys.stderr)
    raise SystemExit(130) from None

raise SystemExit(main())
