"""``python -m hvseed_gui`` starts the GUI."""

from hvseed_gui.app import main

raise SystemExit(main())
