"""``hvseed``: the wizard's operations without Qt, for scripting and for support."""

from hvseed_gui.cli.main import build_parser, main, run

__all__ = ["build_parser", "main", "run"]
