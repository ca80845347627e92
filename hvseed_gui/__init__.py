"""hvseed-gui: seed Hyper-V Replica through an external USB drive."""

__version__ = "0.1.0"
