"""Volumes a copy can go to: one ``Volume`` type, whatever found it (psutil, Get-Disk, the lab).

- ``volume``: ``Volume`` and ``BitLockerStatus``;
- ``probe``: this computer's volumes, found by a short-lived helper process (``probe_child``)
  with a timeout, because psutil <= 7.2.2 holds the GIL in ``disk_partitions()`` on Windows;
- ``scan``: psutil rows -> ``Volume``s (inside the helper);
- ``os_facts``: one function per fact the OS is asked (bus type, system drive), its platform
  module (``_windows``, ``_linux``, ``_other``) chosen once.
"""

from __future__ import annotations

from hvseed_gui.core.volumes._linux import linux_bus_type
from hvseed_gui.core.volumes._windows import windows_bus_type
from hvseed_gui.core.volumes.bus_types import STORAGE_BUS_TYPES, bus_type_name
from hvseed_gui.core.volumes.os_facts import bus_type_of, system_drive
from hvseed_gui.core.volumes.probe import (
    ALL_DRIVES,
    PROBE_ARGUMENT,
    VolumeProbeError,
    VolumeProbeTimeout,
    probe_command,
    probe_local_volumes,
)
from hvseed_gui.core.volumes.scan import scan_volumes, usb_only, volume_from_psutil
from hvseed_gui.core.volumes.volume import BitLockerStatus, Volume

__all__ = [
    "ALL_DRIVES",
    "PROBE_ARGUMENT",
    "STORAGE_BUS_TYPES",
    "BitLockerStatus",
    "Volume",
    "VolumeProbeError",
    "VolumeProbeTimeout",
    "bus_type_name",
    "bus_type_of",
    "linux_bus_type",
    "probe_command",
    "probe_local_volumes",
    "scan_volumes",
    "system_drive",
    "usb_only",
    "volume_from_psutil",
    "windows_bus_type",
]
