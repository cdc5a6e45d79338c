"""python -m rlsbot"""

from rlsbot.entry import main

raise SystemExit(main())
