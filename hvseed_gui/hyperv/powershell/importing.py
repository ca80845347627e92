"""Import the initial copy into the replica VM (start, poll) on the Replica server."""

from __future__ import annotations

from hvseed_gui.hyperv.host import VmRef
from hvseed_gui.hyperv.powershell.compose import ps1, render
from hvseed_gui.hyperv.powershell.progress import progress_data
from hvseed_gui.hyperv.powershell.script import Script

_IMPORT_HELPERS = ("Get-HvseedVM", "Get-HvseedJobs", "Get-HvseedFolderBytes")


def render_start_import(vm: VmRef, folder: str) -> Script:
    """Start the import in Hyper-V's own job (Msvm_ReplicationService.ImportInitialReplica)."""
    body = ps1("start_import") + ps1("progress_result")
    data = progress_data(vm, "import", Folder=folder)
    helpers = (*_IMPORT_HELPERS, "Invoke-HvseedReplicationService", "Test-HvseedAbsolutePath")
    return render("start_import", body, data, helpers=helpers)


def render_import_progress(vm: VmRef, folder: str = "", job_id: str = "") -> Script:
    """One poll of the import: Hyper-V's import job and the replica's replication state."""
    body = ps1("import_progress") + ps1("progress_result")
    data = progress_data(vm, "import", job_id, Folder=folder)
    return render("import_progress", body, data, helpers=_IMPORT_HELPERS)
