"""Page ids of the wizard, in page order: the Enable side (10-120), the import side (200-260)."""

from __future__ import annotations

from enum import IntEnum


class PageId(IntEnum):
    START = 0
    BEFORE = 5  # Before You Begin: prerequisites and what changes on which host
    CONNECT = 10
    VM = 20
    REPLICA = 30
    CHECK = 35  # optional: both hosts' readiness (hvseed doctor), when the admin asks
    PARAMS = 40
    VHDS = 50
    FREQUENCY = 60
    RECOVERY = 70
    METHOD = 80
    MEDIA = 90
    SUMMARY = 100
    PROGRESS = 110
    DONE = 120
    IMPORT_CONNECT = 200
    IMPORT_VM = 210
    IMPORT_FOLDER = 220
    IMPORT_MANY = 225  # every copy on a drive (instead of Check and Import)
    IMPORT_CHECK = 230
    IMPORT_RUN = 240
    IMPORT_MANY_RUN = 245
    IMPORT_FAILOVER = 250
    IMPORT_DONE = 260


#: QSettings key: the admin ticked "Do not show this page again" on Before You Begin
SKIP_BEFORE_KEY = "wizard/skip_before_you_begin"
