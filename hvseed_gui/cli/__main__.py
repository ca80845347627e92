"""``python -m hvseed_gui.cli``."""

from hvseed_gui.cli.main import main

raise SystemExit(main())
