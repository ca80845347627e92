"""Page ids of the Enable Replication wizard, in page order."""

from __future__ import annotations

from enum import IntEnum


class PageId(IntEnum):
    START = 0
    IMPORT = 1
    CONNECT = 10
    VM = 20
    REPLICA = 30
    PARAMS = 40
    VHDS = 50
    FREQUENCY = 60
    RECOVERY = 70
    METHOD = 80
    MEDIA = 90
    SUMMARY = 100
    PROGRESS = 110
    DONE = 120
