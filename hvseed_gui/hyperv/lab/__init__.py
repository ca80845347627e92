"""The simulated Hyper-V lab: hosts, VMs, replication states and USB drives in a directory.

Demo mode, the CLI (``hvseed --lab DIR``) and most GUI tests run on it. It follows Hyper-V's
state machine and refusals (hyperv-reference.md c-f) and is never kinder than a real host.

    lab = Lab.open(tmp_dir, clock=ManualClock())
    a, b = lab.host("hv-a"), lab.host("hv-b")
"""

from .defaults import PRIMARY as PRIMARY_NAME
from .defaults import REPLICA as REPLICA_NAME
from .defaults import SPARE as SPARE_NAME
from .lab_host import LabHost
from .labdir import Lab
from .state import ManualClock
from .world import World

__all__ = [
    "PRIMARY_NAME",
    "REPLICA_NAME",
    "SPARE_NAME",
    "Lab",
    "LabHost",
    "ManualClock",
    "World",
]
