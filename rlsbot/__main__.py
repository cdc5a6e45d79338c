"""python -m rlsbot"""

from rlsbot.cli import main

raise SystemExit(main())
