"""Frozen entry point of ``hvseed-gui.exe`` (windowed): the wizard, or the volume probe."""

from hvseed_gui.app import main

raise SystemExit(main())
