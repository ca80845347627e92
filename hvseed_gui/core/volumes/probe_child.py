"""Helper process: list this computer's volumes and print them as JSON lines.

Run as ``python -m hvseed_gui.core.volumes.probe_child`` (or as the frozen app with
``--volume-probe``) by ``probe.probe_local_volumes``, which
kills it after a timeout: psutil <= 7.2.2 holds the GIL in ``disk_partitions()`` on Windows, so
a slow drive must freeze this throw-away process, never the application.

Output, one JSON object per line, flushed at once so a hang still leaves what was found:
``{"probing": "E:\\\\"}`` before each volume is asked, ``{"volume": {...}}`` per volume,
``{"skipped": {"mount_point": ..., "reason": ...}}``, and ``{"done": true}`` at the end.
"""

from __future__ import annotations

import json
import sys


def _emit(record: dict) -> None:
    sys.stdout.write(json.dumps(record, ensure_ascii=True) + "\n")
    sys.stdout.flush()


def main() -> int:
    from hvseed_gui.core.volumes.os_facts import quiet_error_boxes

    quiet_error_boxes()  # no "There is no disk in the drive" box on Windows
    import psutil

    from hvseed_gui.core.volumes.probe import ALL_DRIVES
    from hvseed_gui.core.volumes.scan import scan_volumes

    _emit({"probing": ALL_DRIVES})  # disk_partitions() itself may hang
    partitions = psutil.disk_partitions(all=False)
    for part in partitions:  # one at a time, so a later hang keeps the earlier answers
        volumes, skipped = scan_volumes(
            [part], psutil.disk_usage, on_progress=lambda mount: _emit({"probing": mount})
        )
        for volume in volumes:
            _emit({"volume": volume.to_dict()})
        for mount, reason in skipped:
            _emit({"skipped": {"mount_point": mount, "reason": reason}})
    _emit({"done": True})
    return 0


if __name__ == "__main__":
    sys.exit(main())
