"""What this computer's OS is asked about its volumes, one function per fact (psutil's habit):

- ``bus_type_of(device, mount_point)``: the storage bus of a psutil partition row, ``""`` when
  unknown (never psutil's ``removable``/``fixed``: USB hard disks are "fixed" to Windows);
- ``system_drive()``: the volume the OS runs from (``"C:\\"`` or ``"/"``);
- ``quiet_error_boxes()``: no OS dialog while the probe asks an empty drive;
- ``seek_penalty_of(path)``: whether the disk holding ``path`` seeks (a rotating disk: True),
  an SSD (False), or unknown (None), so hashing reads one file at a time where two would
  make the heads seek between them.

The platform module is chosen here, once; nothing else in ``core`` looks at ``sys.platform``.
"""

from __future__ import annotations

import sys

if sys.platform == "win32":
    from hvseed_gui.core.volumes._windows import (
        bus_type_of,
        quiet_error_boxes,
        seek_penalty_of,
        system_drive,
    )
elif sys.platform.startswith("linux"):
    from hvseed_gui.core.volumes._linux import (
        bus_type_of,
        quiet_error_boxes,
        seek_penalty_of,
        system_drive,
    )
else:
    from hvseed_gui.core.volumes._other import (
        bus_type_of,
        quiet_error_boxes,
        seek_penalty_of,
        system_drive,
    )

__all__ = ["bus_type_of", "quiet_error_boxes", "seek_penalty_of", "system_drive"]
