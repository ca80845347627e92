"""Frozen entry point of ``hvseed.exe`` (console): the command line, or the volume probe.

When frozen, ``sys.executable`` is this very program, so ``volumes.probe_command()`` starts it
again with ``--volume-probe`` instead of ``python -m hvseed_gui.core.volumes.probe_child``.
"""

import sys

from hvseed_gui.core.volumes import PROBE_ARGUMENT

if sys.argv[1:2] == [PROBE_ARGUMENT]:
    from hvseed_gui.core.volumes.probe_child import main as probe_main

    raise SystemExit(probe_main())

from hvseed_gui.cli import main  # noqa: E402

raise SystemExit(main())
