"""Every ``HyperVHost`` operation as one Windows PowerShell 5.1 script, and how its answer is read.

One module per operation family holds its render and its parse side by side: ``inventory``,
``replica_server``, ``host_readiness``, ``export`` (enable and export), ``importing``,
``replication_status`` (status, resume and test failover), ``volumes`` (and BitLocker),
``files``, ``hash_jobs`` and ``plan_script``. The PowerShell itself lives in ``scripts/*.ps1``
(package data): one body per operation, the frame and the shared helpers in
``scripts/common/``; ``compose`` joins them.
``script`` holds ``Script`` and the input blob, ``results`` the result line and error mapping,
``ps_json`` the shapes of Windows PowerShell 5.1 JSON. ``hvseed_gui.hyperv.ps_host`` is the host
that runs the pairs.

Scripts take data only as ONE JSON document (see ``script``); no user text is ever spliced
into PowerShell source, and passwords never enter a script.
"""

from __future__ import annotations

from hvseed_gui.hyperv.powershell.export import (
    render_cancel_export,
    render_enable_replication,
    render_export_progress,
    render_start_export,
    render_test_replication_connection,
)
from hvseed_gui.hyperv.powershell.files import render_export_folders, render_read_export_folder
from hvseed_gui.hyperv.powershell.host_readiness import ASR_WMI_PROCESS_RULE, render_readiness
from hvseed_gui.hyperv.powershell.importing import render_import_progress, render_start_import
from hvseed_gui.hyperv.powershell.inventory import render_inventory, render_vm_disks
from hvseed_gui.hyperv.powershell.plan_script import render_plan_script
from hvseed_gui.hyperv.powershell.progress import (
    EXPORT_DONE_JOB_TYPES,
    EXPORT_JOB_TYPES,
    EXPORT_START_JOB_TYPES,
    IMPORT_DONE_JOB_TYPES,
    IMPORT_JOB_TYPES,
)
from hvseed_gui.hyperv.powershell.replica_server import (
    FIREWALL_RULES,
    render_configure_replica_server,
    render_machine_certificates,
    render_replica_server_config,
)
from hvseed_gui.hyperv.powershell.replication_status import (
    render_replication_status,
    render_resume_replication,
    render_start_test_failover,
    render_stop_test_failover,
)
from hvseed_gui.hyperv.powershell.script import (
    _BLOB_RE,
    _HERE_RE,
    _QUOTE_LIKE,
    RESULT_MARKER,
    Script,
    blob_span,
    decode_blob,
    encode_blob,
    for_admins,
    for_review,
    readable_json,
)
from hvseed_gui.hyperv.powershell.volumes import (
    BITLOCKER_ENCRYPTION_METHOD,
    BITLOCKER_PASSWORD_ENV,
    render_enable_bitlocker,
    render_staging_volumes,
    render_usb_volumes,
)

__all__ = [
    "_BLOB_RE",
    "_HERE_RE",
    "_QUOTE_LIKE",
    "ASR_WMI_PROCESS_RULE",
    "BITLOCKER_ENCRYPTION_METHOD",
    "BITLOCKER_PASSWORD_ENV",
    "EXPORT_DONE_JOB_TYPES",
    "EXPORT_JOB_TYPES",
    "EXPORT_START_JOB_TYPES",
    "FIREWALL_RULES",
    "IMPORT_DONE_JOB_TYPES",
    "IMPORT_JOB_TYPES",
    "RESULT_MARKER",
    "Script",
    "blob_span",
    "decode_blob",
    "encode_blob",
    "for_admins",
    "for_review",
    "readable_json",
    "render_cancel_export",
    "render_configure_replica_server",
    "render_enable_bitlocker",
    "render_enable_replication",
    "render_export_folders",
    "render_export_progress",
    "render_import_progress",
    "render_inventory",
    "render_machine_certificates",
    "render_plan_script",
    "render_read_export_folder",
    "render_readiness",
    "render_replica_server_config",
    "render_replication_status",
    "render_resume_replication",
    "render_start_export",
    "render_start_import",
    "render_start_test_failover",
    "render_stop_test_failover",
    "render_test_replication_connection",
    "render_staging_volumes",
    "render_usb_volumes",
    "render_vm_disks",
]
