# ruff: noqa: E501 -- long lines here are embedded PowerShell, kept one statement per line.
"""Render every ``HyperVHost`` operation as one Windows PowerShell 5.1 script.

Each ``render_*`` function is pure: it returns a ``Script`` whose source is fixed text plus ONE
string literal holding the operation's inputs as base64 of UTF-8 JSON. No VM name, path, server
name or other user text is ever spliced into PowerShell source; passwords never enter a script.

Inside a script:

* ``$in`` is the decoded input object; cmdlets are called by splatting literal hashtables whose
  keys are the cmdlet's documented parameter names and whose values come from ``$in``;
* VMs are resolved by ID (``Get-VM -Id``) and passed as objects (VMObject parameter sets);
* the result is ONE JSON document, base64 of UTF-8 on one line ``HVSEED-RESULT:<b64>`` so any
  console code page survives: ``{"ok": true, "data": …}`` or ``{"ok": false, "errors": [record]}``
  with records ``{category, cmdlet, message, fqid, hresult, code}``;
* every value is emitted in a plain shape (enums via ``[string]``, times via ``.ToString('o')``,
  GUIDs as strings, lists always inside ``@(...)`` properties), because Windows PowerShell 5.1's
  ``ConvertTo-Json`` turns enums into numbers and dates into ``"\\/Date(ms)\\/"``.

The scripts avoid constructs tree-sitter-powershell misreads (bare-word arrays as command
arguments, calculated properties, ``param([Parameter()])`` attributes, ``switch``); the tests
parse every script with it.
"""

from __future__ import annotations

import base64
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Any

from hvseed_gui.core.export_xml import MAX_XML_BYTES
from hvseed_gui.core.plan import (
    AuthenticationType,
    InitialReplicationMethod,
    ReplicationPlan,
    normalize_vm_id,
)
from hvseed_gui.core.untrusted import MAX_DEPTH, MAX_ENTRIES
from hvseed_gui.hyperv.host import (
    FIREWALL_RULE_HTTP,
    FIREWALL_RULE_HTTPS,
    HVSEED_RULE_PREFIX,
    ReplicaServerChange,
    VmRef,
)

RESULT_MARKER = "HVSEED-RESULT:"
FIREWALL_RULES = (FIREWALL_RULE_HTTP, FIREWALL_RULE_HTTPS)

#: Msvm_ConcreteJob.JobType values watched per job kind (WMI-msvm-concretejob):
#: 116 Sending Initial Replica, 118 Start Export Initial Replication, 95 Import Replication.
EXPORT_JOB_TYPES = (116, 118)
IMPORT_JOB_TYPES = (95,)
#: The job types whose completion means the copy is done (a completed 118 only means the export
#: was started: in the modelled sequence 116 does the copying; UNCONFIRMED on a real host).
EXPORT_DONE_JOB_TYPES = (116,)
EXPORT_START_JOB_TYPES = (118,)
IMPORT_DONE_JOB_TYPES = (95,)

_BLOB_PLACEHOLDER = "@@HVSEED_INPUT_BLOB@@"
_BLOB_RE = re.compile(r"FromBase64String\('([A-Za-z0-9+/=]*)'\)")
#: the readable form (scripts an admin saves): JSON in a single-quoted here-string
_HERE_RE = re.compile(r"= @'\n(.*?)\n'@$", re.DOTALL | re.MULTILINE)
#: characters that could end a single-quoted string in PowerShell (it takes the typographic
#: single quotes as quotes too)
_QUOTE_LIKE = "'\u2018\u2019\u201a\u201b"


@dataclass(frozen=True)
class Script:
    """One operation as PowerShell: ``source`` runs as is; ``data`` is what its blob carries."""

    operation: str
    source: str
    data: dict[str, Any] = field(default_factory=dict, repr=False)
    #: environment variables the runner sets for this script's process only (passwords):
    #: never part of ``source`` or ``data``, so never in a saved script or a temporary file
    secrets: dict[str, str] = field(default_factory=dict, repr=False)


def encode_blob(data: dict[str, Any]) -> str:
    """Base64 of the UTF-8 JSON of ``data``: the only form in which inputs enter a script."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def readable_json(data: dict[str, Any]) -> str:
    """``data`` as indented JSON that can sit in a single-quoted here-string: every quote-like
    character (' ‘ ’ ‚ ‛), control, format (bidirectional) and line-separator
    character is escaped as \\uXXXX, so no value can end the string or hide what it says.
    Other text (umlauts) stays readable."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    out: list[str] = []
    for char in text:
        if char in _QUOTE_LIKE or (
            char != "\n" and unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp")
        ):
            units = char.encode("utf-16-be")
            for i in range(0, len(units), 2):
                out.append(f"\\u{int.from_bytes(units[i : i + 2], 'big'):04x}")
        else:
            out.append(char)
    return "".join(out)


def decode_blob(source: str) -> dict[str, Any]:
    """The input data embedded in a rendered script (for tests, --debug and the plan viewer):
    the base64 blob of an operation, or the readable JSON here-string of a saved script."""
    match = _BLOB_RE.search(source)
    if match:
        return json.loads(base64.b64decode(match.group(1)).decode("utf-8"))
    here = _HERE_RE.search(source)
    if here:
        return json.loads(here.group(1))
    raise ValueError("The script carries no input blob.")


def blob_span(source: str) -> tuple[int, int]:
    """Start and end offset of the input data (base64 literal or JSON here-string)."""
    match = _BLOB_RE.search(source) or _HERE_RE.search(source)
    if not match:
        raise ValueError("The script carries no input blob.")
    return match.span(1)


# --- PowerShell building blocks -----------------------------------------------------------------
# Plain strings (not f-strings): PowerShell braces stay as they are.

_HEADER = r"""# hvseed operation: @@OPERATION@@
# Inputs arrive as ONE base64 JSON blob; nothing else in this script comes from the user.
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$in = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('@@HVSEED_INPUT_BLOB@@')) | ConvertFrom-Json
$script:hvseedFailure = $null
"""

_CORE_FUNCTIONS = r"""
function Write-HvseedResult {
    # The one result line: JSON as base64 of UTF-8, so no console code page can mangle it.
    param($Document)
    $json = ConvertTo-Json -InputObject $Document -Depth 6 -Compress
    $bytes = [Text.Encoding]::UTF8.GetBytes([string]$json)
    Write-Output ('HVSEED-RESULT:' + [Convert]::ToBase64String($bytes))
}

function ConvertTo-HvseedTime {
    # Windows PowerShell 5.1 would emit a DateTime as "\/Date(ms)\/"; send ISO 8601 instead.
    param($Value)
    if ($null -eq $Value) { return $null }
    if ($Value -is [datetime]) { return $Value.ToString('o') }
    return [string]$Value
}

function New-HvseedError {
    param($Category, $Cmdlet, $Message, $Id, $Code)
    return [pscustomobject]@{
        category = [string]$Category
        cmdlet = [string]$Cmdlet
        message = [string]$Message
        fqid = 'Hvseed.' + [string]$Id
        hresult = $null
        code = $Code
    }
}

function Stop-Hvseed {
    # End the operation with our own error record (a failed precondition, a WMI return code).
    param($Category, $Cmdlet, $Message, $Id, $Code)
    $script:hvseedFailure = New-HvseedError -Category $Category -Cmdlet $Cmdlet -Message $Message -Id $Id -Code $Code
    throw ('hvseed: ' + [string]$Message)
}

function ConvertTo-HvseedErrorRecord {
    # An ErrorRecord as a plain record: category, cmdlet, message, fully qualified id, HRESULT.
    param($Record)
    $hresult = $null
    $message = ''
    if ($null -ne $Record.Exception) {
        $hresult = $Record.Exception.HResult
        $message = [string]$Record.Exception.Message
    }
    if ($null -ne $Record.ErrorDetails -and [string]$Record.ErrorDetails.Message) {
        $message = [string]$Record.ErrorDetails.Message
    }
    $cmdlet = ''
    if ($null -ne $Record.InvocationInfo -and $null -ne $Record.InvocationInfo.MyCommand) {
        $cmdlet = [string]$Record.InvocationInfo.MyCommand.Name
    }
    return [pscustomobject]@{
        category = [string]$Record.CategoryInfo.Category
        cmdlet = $cmdlet
        message = $message
        fqid = [string]$Record.FullyQualifiedErrorId
        hresult = $hresult
        code = $null
    }
}
"""

#: Every script but ``readiness`` (which reports the version) refuses an older PowerShell in
#: one sentence: hvseed's scripts and parsers are written for Windows PowerShell 5.1.
_VERSION_CHECK = r"""
    if ($PSVersionTable.PSVersion.Major -lt 5 -or ($PSVersionTable.PSVersion.Major -eq 5 -and $PSVersionTable.PSVersion.Minor -lt 1)) {
        Stop-Hvseed -Category 'NotInstalled' -Cmdlet 'hvseed' -Id 'PowerShellTooOld' -Message ('Windows PowerShell ' + [string]$PSVersionTable.PSVersion + ' on ' + $env:COMPUTERNAME + ' is too old: hvseed needs Windows PowerShell 5.1.')
    }
"""

_HYPERV_CHECK = r"""
    if (-not (Get-Module -ListAvailable -Name 'Hyper-V')) {
        Stop-Hvseed -Category 'NotInstalled' -Cmdlet 'Get-Module' -Id 'HyperVModuleMissing' -Message ('The Hyper-V PowerShell module is not installed on ' + $env:COMPUTERNAME + '.')
    }
"""

_FOOTER = r"""
    Write-HvseedResult -Document ([ordered]@{ ok = $true; data = $result })
} catch {
    $failure = $script:hvseedFailure
    if ($null -eq $failure) { $failure = ConvertTo-HvseedErrorRecord -Record $_ }
    Write-HvseedResult -Document ([ordered]@{ ok = $false; errors = @($failure) })
}
"""

# Helpers an operation may need; each is included only where used. Order matters for
# dependencies only in that every function must be defined before the body runs.
_HELPERS: dict[str, str] = {
    "Get-HvseedVM": r"""
function Get-HvseedVM {
    # Resolve a VM by its ID: names repeat, and -VMName treats * and ? as wildcards.
    param($Id)
    $vmGuid = [guid][string]$Id
    $found = @(Hyper-V\Get-VM -Id $vmGuid)
    if ($found.Count -eq 0 -or $null -eq $found[0]) {
        Stop-Hvseed -Category 'ObjectNotFound' -Cmdlet 'Get-VM' -Id 'VMNotFound' -Message ('No virtual machine with ID ' + $vmGuid.ToString().ToUpper() + ' exists on ' + $env:COMPUTERNAME + '.')
    }
    return $found[0]
}
""",
    "Get-HvseedVhds": r"""
function Get-HvseedVhds {
    # Disks of a VM with format, type, sizes and the parent chain (nearest parent first).
    param($VM)
    $disks = New-Object -TypeName System.Collections.ArrayList
    foreach ($drive in @(Hyper-V\Get-VMHardDiskDrive -VM $VM)) {
        $path = [string]$drive.Path
        if (-not $path) { continue }
        $controller = [string]$drive.ControllerType + ' ' + [string]$drive.ControllerNumber + ':' + [string]$drive.ControllerLocation
        $format = ''
        $vhdType = ''
        $fileSize = [int64]0
        $maxSize = [int64]0
        # Parents travel as two flat lists: objects nested one level deeper could pass
        # ConvertTo-Json -Depth 6 if 5.1 counts arrays as a level (it then prints them as text).
        $parentPaths = New-Object -TypeName System.Collections.ArrayList
        $parentSizes = New-Object -TypeName System.Collections.ArrayList
        try {
            $vhd = Hyper-V\Get-VHD -Path $path
            $format = [string]$vhd.VhdFormat
            $vhdType = [string]$vhd.VhdType
            $fileSize = [int64]$vhd.FileSize
            $maxSize = [int64]$vhd.Size
            $parentPath = [string]$vhd.ParentPath
            $depth = 0
            while ($parentPath -and $depth -lt 64) {
                $parent = Hyper-V\Get-VHD -Path $parentPath
                [void]$parentPaths.Add($parentPath)
                [void]$parentSizes.Add([int64]$parent.FileSize)
                $parentPath = [string]$parent.ParentPath
                $depth = $depth + 1
            }
        } catch {
            # Get-VHD fails for a disk this host does not own (shared VHDX, another node's CSV):
            # report the file size alone.
            if (Test-Path -LiteralPath $path -PathType Leaf) {
                $fileSize = [int64](Get-Item -LiteralPath $path -Force).Length
            }
        }
        [void]$disks.Add([pscustomobject]@{
            path = $path
            format = $format
            vhd_type = $vhdType
            file_size = $fileSize
            max_size = $maxSize
            controller = $controller
            parent_paths = @($parentPaths)
            parent_sizes = @($parentSizes)
        })
    }
    return $disks
}
""",
    "Get-HvseedDrivePaths": r"""
function Get-HvseedDrivePaths {
    # The light inventory's disks: path and controller only (no Get-VHD, which opens each file).
    param($VM)
    $disks = New-Object -TypeName System.Collections.ArrayList
    foreach ($drive in @(Hyper-V\Get-VMHardDiskDrive -VM $VM)) {
        $path = [string]$drive.Path
        if (-not $path) { continue }
        $controller = [string]$drive.ControllerType + ' ' + [string]$drive.ControllerNumber + ':' + [string]$drive.ControllerLocation
        [void]$disks.Add([pscustomobject]@{ path = $path; controller = $controller; details = $false })
    }
    return $disks
}
""",
    "Find-HvseedTestVm": r"""
function Find-HvseedTestVm {
    # The test-failover VM of a replica VM, or ''.
    param($VM)
    $replication = $null
    try { $replication = Hyper-V\Get-VMReplication -VM $VM -ReplicationRelationshipType 'Simple' } catch { $replication = $null }
    if ($null -ne $replication -and $null -ne $replication.PSObject.Properties['TestVirtualMachine']) {
        if ($null -ne $replication.TestVirtualMachine) { return [string]$replication.TestVirtualMachine.Name }
        return ''
    }
    # UNCONFIRMED: VMReplication.TestVirtualMachine is known only from a decompiled copy of the
    # module. Without it, look for the documented test VM name '<VM> - Test' (exact match) on a
    # VM in mode TestReplica (documented enum value): an ordinary VM of that name is not one.
    $wanted = [string]$VM.Name + ' - Test'
    foreach ($candidate in @(Hyper-V\Get-VM)) {
        if ([string]$candidate.Name -ceq $wanted -and [string]$candidate.ReplicationMode -eq 'TestReplica') { return $wanted }
    }
    return ''
}
""",
    "Get-HvseedStatus": r"""
function Get-HvseedStatus {
    # Get-VMReplication and Measure-VMReplication merged for one VM.
    param($VM)
    $replication = $null
    $measure = $null
    # UNCONFIRMED whether Get-VMReplication fails or returns nothing for a VM without
    # replication: both outcomes fall back to the VM's own replication properties.
    try { $replication = Hyper-V\Get-VMReplication -VM $VM -ReplicationRelationshipType 'Simple' } catch { $replication = $null }
    if ($null -ne $replication) {
        try { $measure = Hyper-V\Measure-VMReplication -VM $VM -ReplicationRelationshipType 'Simple' } catch { $measure = $null }
    }
    $state = [string]$VM.ReplicationState
    $mode = [string]$VM.ReplicationMode
    $health = [string]$VM.ReplicationHealth
    if ($null -ne $replication) {
        $state = [string]$replication.ReplicationState
        $mode = [string]$replication.ReplicationMode
        $health = [string]$replication.ReplicationHealth
    }
    $details = New-Object -TypeName System.Collections.ArrayList
    $pending = $null
    $initial = $null
    $lastTime = $null
    if ($null -ne $replication) { $lastTime = ConvertTo-HvseedTime -Value $replication.LastReplicationTime }
    if ($null -ne $measure) {
        foreach ($detail in $measure.ReplicationHealthDetails) {
            # UNCONFIRMED whether details are strings or objects with a Message: take either.
            $text = [string]$detail
            if ($null -ne $detail -and $null -ne $detail.PSObject.Properties['Message']) { $text = [string]$detail.Message }
            if ($text) { [void]$details.Add($text) }
        }
        if ($null -ne $measure.PSObject.Properties['PendingReplicationSize'] -and $null -ne $measure.PendingReplicationSize) { $pending = [int64]$measure.PendingReplicationSize }
        if ($null -ne $measure.PSObject.Properties['InitialReplicationSize'] -and $null -ne $measure.InitialReplicationSize) { $initial = [int64]$measure.InitialReplicationSize }
        if ($null -eq $lastTime) { $lastTime = ConvertTo-HvseedTime -Value $measure.LastReplicationTime }
    }
    $deltas = New-Object -TypeName System.Collections.ArrayList
    if ($mode -eq 'Replica' -or $mode -eq 'ExtendedReplica') {
        # The replica VM keeps the deltas that arrive before the import as .avhdx files.
        foreach ($drive in @(Hyper-V\Get-VMHardDiskDrive -VM $VM)) {
            $chainPath = [string]$drive.Path
            $depth = 0
            while ($chainPath -and $depth -lt 64) {
                $parentPath = ''
                try {
                    if ($chainPath.EndsWith('.avhdx', [StringComparison]::OrdinalIgnoreCase) -or $chainPath.EndsWith('.avhd', [StringComparison]::OrdinalIgnoreCase)) {
                        $item = Get-Item -LiteralPath $chainPath -Force
                        [void]$deltas.Add([pscustomobject]@{ path = $chainPath; file_size = [int64]$item.Length })
                    }
                    $parentPath = [string](Hyper-V\Get-VHD -Path $chainPath).ParentPath
                } catch { $parentPath = '' }
                $chainPath = $parentPath
                $depth = $depth + 1
            }
        }
    }
    return [pscustomobject]@{
        vm_name = [string]$VM.Name
        vm_id = [string]$VM.Id
        mode = $mode
        state = $state
        health = $health
        health_details = @($details)
        primary_server = [string]$replication.PrimaryServerName
        replica_server = [string]$replication.ReplicaServerName
        replica_port = [int]$replication.ReplicaServerPort
        authentication = [string]$replication.AuthenticationType
        frequency_sec = [int]$replication.ReplicationFrequencySec
        last_replication_time = $lastTime
        pending_replication_bytes = $pending
        initial_replication_bytes = $initial
        test_vm_name = (Find-HvseedTestVm -VM $VM)
        replica_delta_files = @($deltas)
    }
}
""",
    "Get-HvseedReplicaConfig": r"""
function Get-HvseedReplicaConfig {
    # Get-VMReplicationServer, its authorization entries and the listener firewall rules.
    param($RuleNames, $RulePrefix)
    $server = Hyper-V\Get-VMReplicationServer
    $entries = New-Object -TypeName System.Collections.ArrayList
    foreach ($entry in @(Hyper-V\Get-VMReplicationAuthorizationEntry)) {
        if ($null -eq $entry) { continue }
        [void]$entries.Add([pscustomobject]@{
            allowed_primary_server = [string]$entry.AllowedPrimaryServer
            storage_location = [string]$entry.ReplicaStorageLocation
            trust_group = [string]$entry.TrustGroup
        })
    }
    # The built-in rules open ports 80 and 443 only: read each rule's port filter, and look
    # for hvseed's own rule for a listener on another port (its name is our prefix + a number).
    $names = New-Object -TypeName System.Collections.ArrayList
    foreach ($ruleName in $RuleNames) { [void]$names.Add([string]$ruleName) }
    foreach ($listenerPort in @([int]$server.KerberosAuthenticationPort, [int]$server.CertificateAuthenticationPort)) {
        $ownName = [string]$RulePrefix + [string]$listenerPort
        if ($listenerPort -gt 0 -and -not $names.Contains($ownName)) { [void]$names.Add($ownName) }
    }
    $rules = New-Object -TypeName System.Collections.ArrayList
    foreach ($ruleName in $names) {
        $found = @(Get-NetFirewallRule -Name ([string]$ruleName) -ErrorAction SilentlyContinue)
        if ($found.Count -gt 0 -and $null -ne $found[0]) {
            $ports = New-Object -TypeName System.Collections.ArrayList
            try {
                $filter = Get-NetFirewallPortFilter -AssociatedNetFirewallRule $found[0]
                foreach ($localPort in @($filter.LocalPort)) { if ($null -ne $localPort) { [void]$ports.Add([string]$localPort) } }
            } catch { $ports.Clear() }
            [void]$rules.Add([pscustomobject]@{ name = [string]$ruleName; display_name = [string]$found[0].DisplayName; present = $true; enabled = [string]$found[0].Enabled; local_ports = (@($ports) -join ',') })
        } elseif (-not ([string]$ruleName).StartsWith([string]$RulePrefix)) {
            [void]$rules.Add([pscustomobject]@{ name = [string]$ruleName; display_name = ''; present = $false; enabled = 'False'; local_ports = '' })
        }
    }
    $hostName = [string]$server.ComputerName
    if (-not $hostName) { $hostName = $env:COMPUTERNAME }
    # A clustered Replica server is named by its Replica Broker's client access point.
    $clusterName = ''
    $broker = ''
    try {
        $clusters = @(Get-CimInstance -Namespace 'root\MSCluster' -ClassName 'MSCluster_Cluster')
        if ($clusters.Count -gt 0 -and $null -ne $clusters[0]) { $clusterName = [string]$clusters[0].Name }
        foreach ($resource in @(Get-CimInstance -Namespace 'root\MSCluster' -ClassName 'MSCluster_Resource')) {
            if ([string]$resource.Type -eq 'Virtual Machine Replication Broker') { $broker = [string]$resource.OwnerGroup }
        }
    } catch { $clusterName = '' }
    return [pscustomobject]@{
        host_name = $hostName
        cluster_name = $clusterName
        replica_broker = $broker
        replication_enabled = [bool]$server.ReplicationEnabled
        allowed_authentication = [string]$server.AllowedAuthenticationType
        kerberos_port = [int]$server.KerberosAuthenticationPort
        certificate_port = [int]$server.CertificateAuthenticationPort
        allow_any_server = [bool]$server.ReplicationAllowedFromAnyServer
        default_storage_location = [string]$server.DefaultStorageLocation
        certificate_thumbprint = [string]$server.CertificateThumbprint
        authorization_entries = @($entries)
        firewall_rules = @($rules)
    }
}
""",
    "Get-HvseedJobs": r"""
function ConvertTo-HvseedJob {
    # One Msvm_ConcreteJob as a plain record.
    param($Job, $MatchedBy)
    return [pscustomobject]@{
        job_id = [string]$Job.InstanceID
        job_type = [int]$Job.JobType
        job_state = [int]$Job.JobState
        percent = [int]$Job.PercentComplete
        error_code = [int]$Job.ErrorCode
        error_description = [string]$Job.ErrorDescription
        start_time = (ConvertTo-HvseedTime -Value $Job.StartTime)
        matched_by = $MatchedBy
    }
}

function Get-HvseedJobs {
    # Hyper-V's own jobs (Msvm_ConcreteJob) of one VM: first the job hvseed started, found by
    # its InstanceID (compared as data, never put into a WQL filter), then the jobs of the given
    # types that Msvm_AffectedJobElement links to this VM.
    param($VmId, $JobTypes, $JobId)
    $wanted = [string]$JobId
    $tracked = $null
    $candidates = New-Object -TypeName System.Collections.ArrayList
    foreach ($job in @(Get-CimInstance -Namespace 'root\virtualization\v2' -ClassName 'Msvm_ConcreteJob')) {
        if ($null -eq $job) { continue }
        if ($wanted -and [string]$job.InstanceID -eq $wanted) { $tracked = $job; continue }
        if ($JobTypes -contains [int]$job.JobType) { [void]$candidates.Add($job) }
    }
    $out = New-Object -TypeName System.Collections.ArrayList
    if ($null -ne $tracked) { [void]$out.Add((ConvertTo-HvseedJob -Job $tracked -MatchedBy 'tracked')) }
    # UNCONFIRMED whether Hyper-V links replication jobs to the VM via Msvm_AffectedJobElement.
    # A job linked to this VM is attributed; a running job linked to no VM is counted (it may be
    # ours: the poll then says "running"), but never credited: its end may be another VM's end.
    $unattributed = 0
    $runningStates = @(2, 3, 4, 5, 6, 11)
    foreach ($job in $candidates) {
        $elements = @()
        try {
            $elements = @(Get-CimAssociatedInstance -InputObject $job -Association 'Msvm_AffectedJobElement' -ResultClassName 'Msvm_ComputerSystem')
        } catch { $elements = @() }
        $linked = $false
        $mine = $false
        foreach ($element in $elements) {
            if ($null -eq $element) { continue }
            $linked = $true
            if ([string]$element.Name -eq [string]$VmId) { $mine = $true }
        }
        if ($mine) {
            [void]$out.Add((ConvertTo-HvseedJob -Job $job -MatchedBy 'association'))
        } elseif (-not $linked -and $runningStates -contains [int]$job.JobState) {
            $unattributed = $unattributed + 1
        }
    }
    return [pscustomobject]@{ jobs = @($out); unattributed_running = $unattributed; tracked_found = ($null -ne $tracked) }
}
""",
    "Get-HvseedTree": r"""
function Get-HvseedTree {
    # Every plain file below a folder, one level at a time: in Windows PowerShell 5.1 the
    # recursion of Get-ChildItem follows junctions and directory links out of the folder. A reparse
    # point (symbolic link, junction, mount point or other) is never entered or read; it is
    # named in 'refused' (LinkType says which kind, when PowerShell knows). UNCONFIRMED whether
    # deduplicated or cloud files (reparse points too) ever reach an export drive: refused alike.
    param($Root, $MaxEntries = 200000, $MaxDepth = 32)
    $rootPath = ([string](Get-Item -LiteralPath $Root -Force).FullName).TrimEnd('\')
    $files = New-Object -TypeName System.Collections.ArrayList
    $refused = New-Object -TypeName System.Collections.ArrayList
    $pending = New-Object -TypeName System.Collections.Stack
    $pending.Push(@($rootPath, 0))
    $seen = 0
    while ($pending.Count -gt 0) {
        $next = $pending.Pop()
        $depth = [int]$next[1]
        foreach ($item in @(Get-ChildItem -LiteralPath ([string]$next[0]) -Force)) {
            $seen = $seen + 1
            if ($seen -gt [int]$MaxEntries) { throw ('The folder ' + $rootPath + ' holds more than ' + [string]$MaxEntries + ' entries; it is not an export folder.') }
            $relative = ([string]$item.FullName).Substring($rootPath.Length).TrimStart('\').Replace('\', '/')
            if (([int]$item.Attributes -band 1024) -ne 0) {
                [void]$refused.Add([pscustomobject]@{ path = $relative; kind = 'link'; link_type = [string]$item.LinkType })
            } elseif ($item.PSIsContainer) {
                if ($depth + 1 -ge [int]$MaxDepth) {
                    [void]$refused.Add([pscustomobject]@{ path = $relative; kind = 'too_deep'; link_type = '' })
                } else {
                    $pending.Push(@([string]$item.FullName, ($depth + 1)))
                }
            } else {
                [void]$files.Add([pscustomobject]@{ path = $relative; size = [int64]$item.Length; full = [string]$item.FullName })
            }
        }
    }
    return [pscustomobject]@{ root = $rootPath; files = @($files); refused = @($refused) }
}
""",
    "Measure-HvseedFolder": r"""
function Measure-HvseedFolder {
    # Bytes and number of the plain files below a folder (reparse points not followed), or
    # $null when it does not exist.
    # UNCONFIRMED whether Hyper-V writes VHDX files sparse or preallocated: the sum is what
    # the file system reports as file lengths.
    param($Folder)
    if (-not $Folder) { return $null }
    if (-not (Test-Path -LiteralPath $Folder -PathType Container)) { return $null }
    $total = [int64]0
    $count = 0
    foreach ($file in @((Get-HvseedTree -Root $Folder).files)) {
        $total = $total + [int64]$file.size
        $count = $count + 1
    }
    return [pscustomobject]@{ bytes = $total; count = $count }
}
""",
    "Get-HvseedFolderBytes": r"""
function Get-HvseedFolderBytes {
    # Bytes already in a folder (all files below it), or $null when it does not exist.
    param($Folder)
    $measured = Measure-HvseedFolder -Folder $Folder
    if ($null -eq $measured) { return $null }
    return [int64]$measured.bytes
}
""",
    "Find-HvseedExportFolder": r"""
function Find-HvseedExportFolder {
    # The <VMName>_<VMId> folder Hyper-V writes below the destination, or ''.
    param($Destination, $VM)
    if (-not $Destination) { return '' }
    $vmId = [string]$VM.Id
    $expected = $Destination.TrimEnd('\') + '\' + [string]$VM.Name + '_' + $vmId.ToUpper()
    try {
        if (Test-Path -LiteralPath $expected -PathType Container) { return $expected }
    } catch { $expected = '' }
    # UNCONFIRMED: the letter case of the ID in the folder name; accept any child folder that
    # ends in _<VMId>, ignoring case.
    if (Test-Path -LiteralPath $Destination -PathType Container) {
        foreach ($dir in @(Get-ChildItem -LiteralPath $Destination -Directory -Force)) {
            if ($dir.Name.EndsWith('_' + $vmId, [StringComparison]::OrdinalIgnoreCase)) { return $dir.FullName }
        }
    }
    return ''
}
""",
    "Get-HvseedInitialSize": r"""
function Get-HvseedInitialSize {
    # Size of the initial copy: Measure-VMReplication's InitialReplicationSize where it exists
    # (UNCONFIRMED, known from a decompiled copy), else the VHD files plus their parents.
    param($VM)
    try {
        $measure = Hyper-V\Measure-VMReplication -VM $VM -ReplicationRelationshipType 'Simple'
        if ($null -ne $measure -and $null -ne $measure.PSObject.Properties['InitialReplicationSize']) {
            if ([int64]$measure.InitialReplicationSize -gt 0) { return [int64]$measure.InitialReplicationSize }
        }
    } catch { $measure = $null }
    $total = [int64]0
    foreach ($vhd in @(Get-HvseedVhds -VM $VM)) {
        $total = $total + [int64]$vhd.file_size
        foreach ($parentSize in $vhd.parent_sizes) { $total = $total + [int64]$parentSize }
    }
    return $total
}
""",
    "Invoke-HvseedReplicationService": r"""
function Invoke-HvseedReplicationService {
    # Call a Msvm_ReplicationService method for one VM; the work runs in Hyper-V's own job.
    param($VM, $MethodName, $Arguments)
    $namespace = 'root\virtualization\v2'
    $vmGuid = [guid][string]$VM.Id
    # The filter is built from a parsed GUID (hex digits and dashes only), never from user text.
    $systems = @(Get-CimInstance -Namespace $namespace -ClassName 'Msvm_ComputerSystem' -Filter ("Name='" + $vmGuid.ToString() + "'"))
    if ($systems.Count -eq 0 -or $null -eq $systems[0]) {
        Stop-Hvseed -Category 'ObjectNotFound' -Cmdlet 'Get-CimInstance' -Id 'VMNotFound' -Message ('Hyper-V WMI has no virtual machine with ID ' + $vmGuid.ToString().ToUpper() + '.')
    }
    $service = @(Get-CimInstance -Namespace $namespace -ClassName 'Msvm_ReplicationService')[0]
    $Arguments['ComputerSystem'] = $systems[0]
    $call = Invoke-CimMethod -InputObject $service -MethodName $MethodName -Arguments $Arguments
    $code = [int]$call.ReturnValue
    if ($code -ne 0 -and $code -ne 4096) {
        $category = 'NotSpecified'
        if ($code -eq 32769) { $category = 'PermissionDenied' }
        elseif ($code -eq 32775) { $category = 'InvalidOperation' }
        elseif ($code -eq 32779) { $category = 'ObjectNotFound' }
        elseif ($code -eq 32773) { $category = 'InvalidArgument' }
        Stop-Hvseed -Category $category -Cmdlet ('Msvm_ReplicationService.' + $MethodName) -Id ('Wmi' + [string]$code) -Code $code -Message ('Hyper-V refused ' + $MethodName + ' for ' + [string]$VM.Name + ' (WMI return code ' + [string]$code + ').')
    }
    # 4096: the work runs in the job named by the Job out parameter (CIM_ConcreteJob REF, MS
    # Learn). Its InstanceID lets every later poll find exactly this job. UNCONFIRMED whether
    # that job is the copy itself (Sending Initial Replica) or only its start: parse_progress
    # does not take a completed "Start Export Initial Replication" job as the end of the copy.
    $jobId = ''
    if ($code -eq 4096 -and $null -ne $call.Job) { $jobId = [string]$call.Job.InstanceID }
    return [pscustomobject]@{ code = $code; job_id = $jobId }
}
""",
    "Test-HvseedAbsolutePath": r"""
function Test-HvseedAbsolutePath {
    # Hyper-V resolves paths on the host; a relative path would land somewhere unexpected.
    param($Path, $What)
    # IsPathRooted would also accept 'E:Seed' (relative to E:'s current folder) and '\Seed'
    # (relative to the current drive): only X:\... and \\server\share\... are full paths.
    $rooted = ([string]$Path) -match '^([A-Za-z]:\\|\\\\[^\\]+\\[^\\]+)'
    if (-not $rooted) {
        Stop-Hvseed -Category 'InvalidArgument' -Cmdlet 'hvseed' -Id 'RelativePath' -Message ('The ' + $What + ' must be a full path such as E:\Seed, not ' + [string]$Path + '.')
    }
}
""",
}

# Which helpers a helper needs (so only what is used ends up in a script).
_HELPER_DEPENDS: dict[str, tuple[str, ...]] = {
    "Get-HvseedStatus": ("Find-HvseedTestVm",),
    "Get-HvseedInitialSize": ("Get-HvseedVhds",),
    "Get-HvseedFolderBytes": ("Measure-HvseedFolder",),
    "Measure-HvseedFolder": ("Get-HvseedTree",),
}


def _render(
    operation: str,
    body: str,
    data: dict[str, Any],
    *,
    helpers: tuple[str, ...] = (),
    needs_hyperv: bool = True,
) -> Script:
    wanted: list[str] = []

    def add(name: str) -> None:
        for dep in _HELPER_DEPENDS.get(name, ()):
            add(dep)
        if name not in wanted:
            wanted.append(name)

    for name in helpers:
        add(name)
    parts = [
        _HEADER.replace("@@OPERATION@@", operation),
        _CORE_FUNCTIONS,
        *(_HELPERS[name] for name in wanted),
        "\ntry {\n",
        "" if operation == "readiness" else _VERSION_CHECK,
        _HYPERV_CHECK if needs_hyperv else "",
        body,
        _FOOTER,
    ]
    source = "".join(parts).replace(_BLOB_PLACEHOLDER, encode_blob(data))
    return Script(operation=operation, source=source, data=data)


def _vm_id(vm: VmRef) -> str:
    try:
        return normalize_vm_id(vm.id)
    except ValueError:
        raise ValueError(f"'{vm.id}' is not a valid VM ID (a GUID) for VM '{vm.name}'.") from None


# --- one script per HyperVHost operation --------------------------------------------------------


def render_inventory(details: bool = True) -> Script:
    """Host facts and every VM with its disks and replication state; without ``details`` the
    disks' paths only (Get-VMHardDiskDrive), for hosts with hundreds of VMs."""
    body = r"""
    $os = Get-CimInstance -ClassName 'Win32_OperatingSystem'
    $computer = Get-CimInstance -ClassName 'Win32_ComputerSystem'
    $hostName = [string]$computer.DNSHostName
    if (-not $hostName) { $hostName = $env:COMPUTERNAME }
    if ($computer.PartOfDomain -and [string]$computer.Domain) { $hostName = $hostName + '.' + [string]$computer.Domain }
    $clusterName = ''
    $broker = ''
    try {
        $clusters = @(Get-CimInstance -Namespace 'root\MSCluster' -ClassName 'MSCluster_Cluster')
        if ($clusters.Count -gt 0 -and $null -ne $clusters[0]) { $clusterName = [string]$clusters[0].Name }
        foreach ($resource in @(Get-CimInstance -Namespace 'root\MSCluster' -ClassName 'MSCluster_Resource')) {
            # UNCONFIRMED: the broker's role (owner group) carries its client access point name
            # unless renamed; the admin can correct it in the wizard.
            if ([string]$resource.Type -eq 'Virtual Machine Replication Broker') { $broker = [string]$resource.OwnerGroup }
        }
    } catch {
        # No cluster service on this host (namespace missing) or no right to read it.
        $clusterName = ''
    }
    $moduleFound = [bool](Get-Module -ListAvailable -Name 'Hyper-V')
    $vmmsFound = @(Get-CimInstance -ClassName 'Win32_Service' -Filter "Name='vmms'").Count -gt 0
    $vms = New-Object -TypeName System.Collections.ArrayList
    if ($moduleFound -and $vmmsFound) {
        foreach ($vm in @(Hyper-V\Get-VM)) {
            [void]$vms.Add([pscustomobject]@{
                name = [string]$vm.Name
                id = [string]$vm.Id
                state = [string]$vm.State
                generation = [int]$vm.Generation
                replication_state = [string]$vm.ReplicationState
                replication_mode = [string]$vm.ReplicationMode
                replication_health = [string]$vm.ReplicationHealth
                is_clustered = [bool]$vm.IsClustered
                vhds = $(if ([bool]$in.Details) { @(Get-HvseedVhds -VM $vm) } else { @(Get-HvseedDrivePaths -VM $vm) })
            })
        }
    }
    $systemDrive = [string]$os.SystemDrive
    if ($systemDrive -and -not $systemDrive.EndsWith('\')) { $systemDrive = $systemDrive + '\' }
    $result = [ordered]@{
        host_name = $hostName
        os_version = [string]$os.Caption
        os_build = [string]$os.BuildNumber
        hyperv_present = ($moduleFound -and $vmmsFound)
        is_cluster_node = [bool]$clusterName
        cluster_name = $clusterName
        replica_broker = $broker
        system_drive = $systemDrive
        vms = @($vms)
    }
"""
    return _render(
        "inventory",
        body,
        {"Details": bool(details)},
        helpers=("Get-HvseedVhds", "Get-HvseedDrivePaths"),
        needs_hyperv=False,
    )


def render_vm_disks(vm_ids: Sequence[str]) -> Script:
    """Get-VHD details (sizes, type, parent chain) of the disks of the VMs ``vm_ids``."""
    body = r"""
    $found = New-Object -TypeName System.Collections.ArrayList
    foreach ($id in @($in.VmIds)) {
        $vm = $null
        # a VM that is gone (or an ID that is no GUID) is left out, not an error
        try { $vm = @(Hyper-V\Get-VM -Id ([guid][string]$id))[0] } catch { $vm = $null }
        if ($null -eq $vm) { continue }
        [void]$found.Add([pscustomobject]@{ id = [string]$vm.Id; vhds = @(Get-HvseedVhds -VM $vm) })
    }
    $result = [ordered]@{ vms = @($found) }
"""
    return _render(
        "vm_disks", body, {"VmIds": [str(i) for i in vm_ids]}, helpers=("Get-HvseedVhds",)
    )


#: Defender ASR rule "Block process creations originating from PSExec and WMI commands": it
#: blocks the hashing worker's Win32_Process.Create (event 1121).
ASR_WMI_PROCESS_RULE = "d1e49aac-8f56-4280-b9ba-993a6d77406c"


def render_readiness() -> Script:
    """Read-only facts for ``hvseed doctor``, gathered in one round trip. Nothing is changed;
    every fact that cannot be read (no module, no right, a client OS) is reported empty."""
    body = r"""
    $os = Get-CimInstance -ClassName 'Win32_OperatingSystem'
    $computer = Get-CimInstance -ClassName 'Win32_ComputerSystem'
    $hostName = [string]$computer.DNSHostName
    if (-not $hostName) { $hostName = $env:COMPUTERNAME }
    if ($computer.PartOfDomain -and [string]$computer.Domain) { $hostName = $hostName + '.' + [string]$computer.Domain }
    $moduleFound = [bool](Get-Module -ListAvailable -Name 'Hyper-V')
    $vmms = @(Get-CimInstance -ClassName 'Win32_Service' -Filter "Name='vmms'")
    $vmmsRunning = ($vmms.Count -gt 0 -and $null -ne $vmms[0] -and [string]$vmms[0].State -eq 'Running')
    $replica = $null
    $certificate = [ordered]@{ found = $null; ekus = @(); not_after = $null; has_private_key = $false }
    $storage = New-Object -TypeName System.Collections.ArrayList
    if ($moduleFound -and $vmmsRunning) {
        $replica = Get-HvseedReplicaConfig -RuleNames @($in.FirewallRules) -RulePrefix ([string]$in.RulePrefix)
        $thumbprint = [string]$replica.certificate_thumbprint
        if ($thumbprint) {
            $certificate['found'] = $false
            foreach ($candidate in @(Get-ChildItem -Path 'Cert:\LocalMachine\My')) {
                if ([string]$candidate.Thumbprint -ne $thumbprint) { continue }
                $usages = New-Object -TypeName System.Collections.ArrayList
                foreach ($usage in $candidate.EnhancedKeyUsageList) { [void]$usages.Add([string]$usage.ObjectId) }
                $certificate['found'] = $true
                $certificate['ekus'] = @($usages)
                $certificate['not_after'] = ConvertTo-HvseedTime -Value $candidate.NotAfter
                $certificate['has_private_key'] = [bool]$candidate.HasPrivateKey
            }
        }
        $locations = New-Object -TypeName System.Collections.ArrayList
        if ([string]$replica.default_storage_location) { [void]$locations.Add([string]$replica.default_storage_location) }
        foreach ($entry in @($replica.authorization_entries)) {
            if ($null -ne $entry -and [string]$entry.storage_location -and -not $locations.Contains([string]$entry.storage_location)) { [void]$locations.Add([string]$entry.storage_location) }
        }
        foreach ($location in $locations) {
            $free = $null
            try {
                $root = [System.IO.Path]::GetPathRoot([string]$location)
                $drive = New-Object -TypeName 'System.IO.DriveInfo' -ArgumentList $root
                if ($drive.IsReady) { $free = [int64]$drive.AvailableFreeSpace }
            } catch { $free = $null }
            [void]$storage.Add([pscustomobject]@{ path = [string]$location; free_bytes = $free })
        }
    }
    $listeners = New-Object -TypeName System.Collections.ArrayList
    try {
        foreach ($listener in @(Get-WSManInstance -ResourceURI 'winrm/config/listener' -Enumerate)) {
            if ($null -ne $listener) { [void]$listeners.Add(([string]$listener.Transport).ToUpper() + ':' + [string]$listener.Port) }
        }
    } catch { $listeners.Clear() }
    $fips = $null
    try {
        $fipsValue = [Microsoft.Win32.Registry]::GetValue('HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\Lsa\FipsAlgorithmPolicy', 'Enabled', $null)
        if ($null -ne $fipsValue) { $fips = ([int]$fipsValue -ne 0) } else { $fips = $false }
    } catch { $fips = $null }
    $asr = ''
    try {
        $preference = Get-MpPreference
        $ids = @($preference.AttackSurfaceReductionRules_Ids)
        $actions = @($preference.AttackSurfaceReductionRules_Actions)
        $asr = 'Disabled'
        for ($index = 0; $index -lt $ids.Count; $index++) {
            if ([string]$ids[$index] -eq [string]$in.AsrRule -and $index -lt $actions.Count) {
                $action = [int]$actions[$index]
                if ($action -eq 1) { $asr = 'Block' } elseif ($action -eq 2) { $asr = 'Audit' } elseif ($action -eq 6) { $asr = 'Warn' } else { $asr = 'Disabled' }
            }
        }
    } catch { $asr = '' }
    $bitlockerFeature = ''
    if ([int]$os.ProductType -ne 1) {
        try {
            $feature = Get-WindowsFeature -Name 'BitLocker'
            if ($null -ne $feature) { $bitlockerFeature = [string]$feature.InstallState }
        } catch { $bitlockerFeature = '' }
    }
    $clusterName = ''
    $broker = ''
    try {
        $clusters = @(Get-CimInstance -Namespace 'root\MSCluster' -ClassName 'MSCluster_Cluster')
        if ($clusters.Count -gt 0 -and $null -ne $clusters[0]) { $clusterName = [string]$clusters[0].Name }
        foreach ($resource in @(Get-CimInstance -Namespace 'root\MSCluster' -ClassName 'MSCluster_Resource')) {
            if ([string]$resource.Type -eq 'Virtual Machine Replication Broker') { $broker = [string]$resource.OwnerGroup }
        }
    } catch { $clusterName = '' }
    $result = [ordered]@{
        host_name = $hostName
        os_caption = [string]$os.Caption
        os_build = [string]$os.BuildNumber
        is_server = ([int]$os.ProductType -ne 1)
        powershell_version = [string]$PSVersionTable.PSVersion
        hyperv_module = $moduleFound
        vmms_running = $vmmsRunning
        replica = $replica
        certificate = $certificate
        winrm_listeners = @($listeners)
        clock_utc = [DateTime]::UtcNow.ToString('o')
        fips_enabled = $fips
        asr_wmi_process_rule = $asr
        bitlocker_cmdlets = [bool](Get-Command -Name 'Enable-BitLocker' -ErrorAction SilentlyContinue)
        bitlocker_feature = $bitlockerFeature
        storage = @($storage)
        is_cluster_node = [bool]$clusterName
        cluster_name = $clusterName
        replica_broker = $broker
    }
"""
    data = {
        "FirewallRules": list(FIREWALL_RULES),
        "RulePrefix": HVSEED_RULE_PREFIX,
        "AsrRule": ASR_WMI_PROCESS_RULE,
    }
    return _render(
        "readiness", body, data, helpers=("Get-HvseedReplicaConfig",), needs_hyperv=False
    )


def render_replica_server_config() -> Script:
    """Get-VMReplicationServer, authorization entries, and the two listener firewall rules."""
    body = r"""
    $result = Get-HvseedReplicaConfig -RuleNames @($in.FirewallRules) -RulePrefix ([string]$in.RulePrefix)
"""
    data = {"FirewallRules": list(FIREWALL_RULES), "RulePrefix": HVSEED_RULE_PREFIX}
    return _render("replica_server_config", body, data, helpers=("Get-HvseedReplicaConfig",))


def render_configure_replica_server(change: ReplicaServerChange) -> Script:
    """Only the settings the change modifies: Set-VMReplicationServer with exactly those keys,
    then at most one New-VMReplicationAuthorizationEntry, then the requested listener rules."""
    unknown = [r for r in change.enable_firewall_rules if r not in FIREWALL_RULES]
    if unknown:
        raise ValueError(
            f"hvseed only enables the Hyper-V Replica listener rules, not {', '.join(unknown)}."
        )
    refusal = change.refusal()
    if refusal:
        raise ValueError(refusal)
    settings = change.server_settings()
    entry = change.add_authorization_entry
    # Set-VMReplicationServer first (it may enable the server), then the entry: public scripts
    # enable a server with AllowedFromAnyServer off and add entries afterwards. Whether an entry
    # can be added to a server that is not enabled yet is UNCONFIRMED; this order avoids needing it.
    body = r"""
    $set = @{ Force = $true; Confirm = $false }
    if ($null -ne $in.ReplicationEnabled) { $set['ReplicationEnabled'] = [bool]$in.ReplicationEnabled }
    if ($null -ne $in.AllowedAuthenticationType) { $set['AllowedAuthenticationType'] = [string]$in.AllowedAuthenticationType }
    if ($null -ne $in.KerberosAuthenticationPort) { $set['KerberosAuthenticationPort'] = [int]$in.KerberosAuthenticationPort }
    if ($null -ne $in.CertificateAuthenticationPort) { $set['CertificateAuthenticationPort'] = [int]$in.CertificateAuthenticationPort }
    if ($null -ne $in.CertificateThumbprint) { $set['CertificateThumbprint'] = [string]$in.CertificateThumbprint }
    if ($null -ne $in.ReplicationAllowedFromAnyServer) { $set['ReplicationAllowedFromAnyServer'] = [bool]$in.ReplicationAllowedFromAnyServer }
    if ($null -ne $in.DefaultStorageLocation) { $set['DefaultStorageLocation'] = [string]$in.DefaultStorageLocation }
    if ($set.Count -gt 2) { Hyper-V\Set-VMReplicationServer @set }
    if ($null -ne $in.AuthorizationEntry) {
        $entry = @{
            AllowedPrimaryServer = [string]$in.AuthorizationEntry.AllowedPrimaryServer
            ReplicaStorageLocation = [string]$in.AuthorizationEntry.ReplicaStorageLocation
            TrustGroup = [string]$in.AuthorizationEntry.TrustGroup
            Confirm = $false
        }
        $null = Hyper-V\New-VMReplicationAuthorizationEntry @entry  # it returns the new entry
    }
    foreach ($ruleName in $in.EnableFirewallRules) {
        $enableRule = @{ Name = [string]$ruleName }
        Enable-NetFirewallRule @enableRule
    }
    if ($null -ne $in.OpenFirewallPort) {
        # A Replica server on another port than 80/443: the built-in rules do not open it.
        $listenerPort = [int]$in.OpenFirewallPort
        $ownName = [string]$in.RulePrefix + [string]$listenerPort
        if (@(Get-NetFirewallRule -Name $ownName -ErrorAction SilentlyContinue).Count -gt 0) {
            $enableOwn = @{ Name = $ownName }
            Enable-NetFirewallRule @enableOwn
        } else {
            $newRule = @{
                Name = $ownName
                DisplayName = 'Hyper-V Replica listener, TCP ' + [string]$listenerPort + ' (hvseed)'
                Direction = 'Inbound'
                Protocol = 'TCP'
                LocalPort = [string]$listenerPort
                Action = 'Allow'
                Profile = 'Any'
                Enabled = 'True'
            }
            $null = New-NetFirewallRule @newRule
        }
    }
    $result = Get-HvseedReplicaConfig -RuleNames @($in.FirewallRules) -RulePrefix ([string]$in.RulePrefix)
"""
    data: dict[str, Any] = {
        # null = leave as is: the script adds a key to the splat only when it has a value
        name: settings.get(name)
        for name in (
            "ReplicationEnabled",
            "AllowedAuthenticationType",
            "KerberosAuthenticationPort",
            "CertificateAuthenticationPort",
            "CertificateThumbprint",
            "ReplicationAllowedFromAnyServer",
            "DefaultStorageLocation",
        )
    }
    data["AuthorizationEntry"] = (
        None
        if entry is None
        else {
            "AllowedPrimaryServer": entry.allowed_primary_server.strip(),
            "ReplicaStorageLocation": entry.storage_location.strip(),
            "TrustGroup": entry.trust_group.strip(),
        }
    )
    data["EnableFirewallRules"] = list(change.enable_firewall_rules)
    data["OpenFirewallPort"] = change.open_firewall_port
    data["FirewallRules"] = list(FIREWALL_RULES)
    data["RulePrefix"] = HVSEED_RULE_PREFIX
    return _render("configure_replica_server", body, data, helpers=("Get-HvseedReplicaConfig",))


def render_machine_certificates() -> Script:
    """Certificates of the computer's personal store with their EKUs and DNS names."""
    body = r"""
    $certificates = New-Object -TypeName System.Collections.ArrayList
    foreach ($certificate in @(Get-ChildItem -Path 'Cert:\LocalMachine\My')) {
        $usages = New-Object -TypeName System.Collections.ArrayList
        foreach ($usage in $certificate.EnhancedKeyUsageList) { [void]$usages.Add([string]$usage.ObjectId) }
        $names = New-Object -TypeName System.Collections.ArrayList
        foreach ($dnsName in $certificate.DnsNameList) { [void]$names.Add([string]$dnsName.Unicode) }
        [void]$certificates.Add([pscustomobject]@{
            thumbprint = [string]$certificate.Thumbprint
            subject = [string]$certificate.Subject
            issuer = [string]$certificate.Issuer
            not_after = (ConvertTo-HvseedTime -Value $certificate.NotAfter)
            has_private_key = [bool]$certificate.HasPrivateKey
            ekus = @($usages)
            dns_names = @($names)
        })
    }
    $result = [ordered]@{ certificates = @($certificates) }
"""
    return _render("machine_certificates", body, {}, needs_hyperv=False)


def _auth_data(plan: ReplicationPlan) -> dict[str, Any]:
    thumbprint = ""
    if plan.authentication is AuthenticationType.CERTIFICATE:
        thumbprint = plan.certificate_thumbprint.replace(" ", "")
    return {
        "ReplicaServer": plan.replica_server.strip(),
        "ReplicaPort": int(plan.replica_port),
        "AuthenticationType": plan.authentication.value,
        "CertificateThumbprint": thumbprint,
        "BypassProxy": bool(plan.bypass_proxy),
    }


def render_test_replication_connection(plan: ReplicationPlan) -> Script:
    """Test-VMReplicationConnection with the plan's server, port and authentication."""
    body = r"""
    $test = @{
        ReplicaServerName = [string]$in.ReplicaServer
        ReplicaServerPort = [int]$in.ReplicaPort
        AuthenticationType = [string]$in.AuthenticationType
        BypassProxyServer = [bool]$in.BypassProxy
    }
    if ([string]$in.CertificateThumbprint) { $test['CertificateThumbprint'] = [string]$in.CertificateThumbprint }
    $connected = $true
    $failure = $null
    $lines = New-Object -TypeName System.Collections.ArrayList
    try {
        foreach ($line in @(Hyper-V\Test-VMReplicationConnection @test)) { [void]$lines.Add([string]$line) }
    } catch {
        $connected = $false
        $failure = ConvertTo-HvseedErrorRecord -Record $_
    }
    $message = (@($lines) -join ' ').Trim()
    if ($null -ne $failure) { $message = [string]$failure.message }
    $result = [ordered]@{ ok = $connected; message = $message; error = $failure }
"""
    return _render("test_replication_connection", body, _auth_data(plan))


def render_enable_replication(plan: ReplicationPlan, vm: VmRef) -> Script:
    """Enable-VMReplication for one VM (VMObject set) with every setting of the plan."""
    vm_id = _vm_id(vm)
    excluded: tuple[str, ...] = ()
    for plan_vm in plan.vms:
        try:
            same = normalize_vm_id(plan_vm.id) == vm_id
        except ValueError:
            same = False
        if same:
            excluded = plan_vm.excluded_vhd_paths
    body = r"""
    $vm = Get-HvseedVM -Id $in.VMId
    $enable = @{
        VM = $vm
        ReplicaServerName = [string]$in.ReplicaServer
        ReplicaServerPort = [int]$in.ReplicaPort
        AuthenticationType = [string]$in.AuthenticationType
        CompressionEnabled = [bool]$in.Compression
        BypassProxyServer = [bool]$in.BypassProxy
        ReplicationFrequencySec = [int]$in.FrequencySec
        RecoveryHistory = [int]$in.RecoveryHistory
        Confirm = $false
    }
    if ([string]$in.CertificateThumbprint) { $enable['CertificateThumbprint'] = [string]$in.CertificateThumbprint }
    if ([int]$in.VssFrequencyHours -gt 0) { $enable['VSSSnapshotFrequencyHour'] = [int]$in.VssFrequencyHours }
    $excluded = New-Object -TypeName System.Collections.ArrayList
    foreach ($excludedPath in $in.ExcludedVhdPaths) { if ([string]$excludedPath) { [void]$excluded.Add([string]$excludedPath) } }
    if ($excluded.Count -gt 0) { $enable['ExcludedVhdPath'] = [string[]]@($excluded) }
    Hyper-V\Enable-VMReplication @enable
    $result = Get-HvseedStatus -VM (Get-HvseedVM -Id $in.VMId)
"""
    data = {
        **_auth_data(plan),
        "VMId": vm_id,
        "Compression": bool(plan.compression),
        "FrequencySec": int(plan.frequency_sec),
        "RecoveryHistory": int(plan.recovery_history_hours),
        "VssFrequencyHours": int(plan.vss_frequency_hours),
        "ExcludedVhdPaths": list(excluded),
    }
    return _render("enable_replication", body, data, helpers=("Get-HvseedVM", "Get-HvseedStatus"))


_PROGRESS_RESULT = r"""
    $jobInfo = Get-HvseedJobs -VmId ([string]$vm.Id) -JobTypes @($in.JobTypes) -JobId $jobId
    $result = [ordered]@{
        vm_name = [string]$vm.Name
        vm_id = [string]$vm.Id
        kind = [string]$in.Kind
        replication_state = [string]$vm.ReplicationState
        jobs = @($jobInfo.jobs)
        unattributed_running = [int]$jobInfo.unattributed_running
        job_id = $jobId
        tracked_found = [bool]$jobInfo.tracked_found
        folder = $folder
        bytes_done = $bytesDone
        bytes_total = $bytesTotal
        started = $started
        method_return = $methodReturn
        stopped = $stopped
    }
"""


def _progress_data(vm: VmRef, kind: str, job_id: str = "", **extra: Any) -> dict[str, Any]:
    job_types = EXPORT_JOB_TYPES if kind == "export" else IMPORT_JOB_TYPES
    return {
        "VMId": _vm_id(vm),
        "Kind": kind,
        "JobTypes": list(job_types),
        "JobId": job_id.strip(),
        **extra,
    }


_EXPORT_HELPERS = (
    "Get-HvseedVM",
    "Get-HvseedJobs",
    "Get-HvseedFolderBytes",
    "Find-HvseedExportFolder",
    "Get-HvseedInitialSize",
)


def render_start_export(vm: VmRef, destination: str) -> Script:
    """Start the export in Hyper-V's own job (Msvm_ReplicationService.StartReplication, type 2).

    Returns at once; the export writes ``<destination>\\<VMName>_<VMId>`` and survives our
    disconnecting. An existing folder of that name is never overwritten.
    """
    body = (
        r"""
    $vm = Get-HvseedVM -Id $in.VMId
    $destination = [string]$in.Destination
    Test-HvseedAbsolutePath -Path $destination -What 'destination folder'
    $drive = [System.IO.Path]::GetPathRoot($destination)
    if (-not (Test-Path -LiteralPath $drive -PathType Container)) {
        Stop-Hvseed -Category 'ObjectNotFound' -Cmdlet 'Test-Path' -Id 'DriveNotFound' -Message ('The drive ' + $drive + ' is not attached to ' + $env:COMPUTERNAME + '.')
    }
    $mode = [string]$vm.ReplicationMode
    if ($mode -ne 'Primary') {
        # StartReplication on a replica would start extended replication (MS Learn): refuse.
        Stop-Hvseed -Category 'InvalidOperation' -Cmdlet 'Start-VMInitialReplication' -Id 'NotAPrimary' -Code 32775 -Message ('The initial copy is exported on the primary server; ' + [string]$vm.Name + ' on ' + $env:COMPUTERNAME + ' is not a primary VM (mode ' + $mode + ').')
    }
    $state = [string]$vm.ReplicationState
    if ($state -and $state -ne 'ReadyForInitialReplication') {
        Stop-Hvseed -Category 'InvalidOperation' -Cmdlet 'Start-VMInitialReplication' -Id 'InvalidReplicationState' -Code 32775 -Message ('The initial copy of ' + [string]$vm.Name + ' can only be exported while replication waits for it (state ReadyForInitialReplication); its state is ' + $state + '.')
    }
    $existing = Find-HvseedExportFolder -Destination $destination -VM $vm
    if ($existing) {
        Stop-Hvseed -Category 'ResourceExists' -Cmdlet 'Start-VMInitialReplication' -Id 'ExportFolderExists' -Message ('The folder ' + $existing + ' already exists. hvseed never overwrites an export.')
    }
    [void][System.IO.Directory]::CreateDirectory($destination)
    $arguments = @{ InitialReplicationType = [uint16]2; InitialReplicationExportLocation = $destination }
    $call = Invoke-HvseedReplicationService -VM $vm -MethodName 'StartReplication' -Arguments $arguments
    $methodReturn = [int]$call.code
    $jobId = [string]$call.job_id
    $started = [datetime]::Now.ToString('o')
    $stopped = $false
    $vm = Get-HvseedVM -Id $in.VMId
    $folder = Find-HvseedExportFolder -Destination $destination -VM $vm
    if (-not $folder) { $folder = $destination.TrimEnd('\') + '\' + [string]$vm.Name + '_' + ([string]$vm.Id).ToUpper() }
    $bytesDone = Get-HvseedFolderBytes -Folder $folder
    $bytesTotal = Get-HvseedInitialSize -VM $vm
"""
        + _PROGRESS_RESULT
    )
    data = _progress_data(vm, "export", Destination=destination)
    helpers = (*_EXPORT_HELPERS, "Invoke-HvseedReplicationService", "Test-HvseedAbsolutePath")
    return _render("start_export", body, data, helpers=helpers)


def render_export_progress(vm: VmRef, destination: str = "", job_id: str = "") -> Script:
    """One poll: Hyper-V's export job, bytes in the export folder, replication state.

    ``job_id`` is the InstanceID of the job ``start_export`` got from Hyper-V (or "").
    """
    body = (
        r"""
    $vm = Get-HvseedVM -Id $in.VMId
    $jobId = [string]$in.JobId
    $started = $null
    $methodReturn = $null
    $stopped = $false
    $folder = Find-HvseedExportFolder -Destination ([string]$in.Destination) -VM $vm
    $bytesDone = Get-HvseedFolderBytes -Folder $folder
    $bytesTotal = Get-HvseedInitialSize -VM $vm
"""
        + _PROGRESS_RESULT
    )
    data = _progress_data(vm, "export", job_id, Destination=destination)
    return _render("export_progress", body, data, helpers=_EXPORT_HELPERS)


def render_cancel_export(vm: VmRef, destination: str = "", job_id: str = "") -> Script:
    """Stop-VMInitialReplication, only while an export job of this VM still runs.

    Hyper-V refuses once the export has finished; this script says so in its own sentence
    (``Hvseed.ExportFinished``) instead of calling Stop-VMInitialReplication at all.
    """
    body = (
        r"""
    $vm = Get-HvseedVM -Id $in.VMId
    $jobId = [string]$in.JobId
    $state = [string]$vm.ReplicationState
    if ($state -ne 'InitialReplicationInProgress') {
        Stop-Hvseed -Category 'InvalidOperation' -Cmdlet 'Stop-VMInitialReplication' -Id 'InvalidReplicationState' -Code 32775 -Message ('No export of ' + [string]$vm.Name + ' is running on ' + $env:COMPUTERNAME + ' (replication state ' + $state + '); nothing was stopped.')
    }
    $before = Get-HvseedJobs -VmId ([string]$vm.Id) -JobTypes @($in.JobTypes) -JobId $jobId
    $running = ([int]$before.unattributed_running -gt 0)
    foreach ($job in @($before.jobs)) {
        if (@(2, 3, 4, 5, 6, 11) -contains [int]$job.job_state) { $running = $true }
    }
    if (-not $running) {
        Stop-Hvseed -Category 'InvalidOperation' -Cmdlet 'Stop-VMInitialReplication' -Id 'ExportFinished' -Message ('The initial replication of ' + [string]$vm.Name + ' cannot be stopped: Hyper-V runs no export job for it any more, so the export to external media has already ended.')
    }
    $stop = @{ VM = $vm; Confirm = $false }
    Hyper-V\Stop-VMInitialReplication @stop
    $stopped = $true
    $started = $null
    $methodReturn = $null
    $vm = Get-HvseedVM -Id $in.VMId
    $folder = Find-HvseedExportFolder -Destination ([string]$in.Destination) -VM $vm
    $bytesDone = Get-HvseedFolderBytes -Folder $folder
    # The size of the whole copy does not matter for a cancel (and may read every VHD chain).
    $bytesTotal = $null
"""
        + _PROGRESS_RESULT
    )
    data = _progress_data(vm, "export", job_id, Destination=destination)
    helpers = ("Get-HvseedVM", "Get-HvseedJobs", "Get-HvseedFolderBytes", "Find-HvseedExportFolder")
    return _render("cancel_export", body, data, helpers=helpers)


_IMPORT_HELPERS = ("Get-HvseedVM", "Get-HvseedJobs", "Get-HvseedFolderBytes")


def render_start_import(vm: VmRef, folder: str) -> Script:
    """Start the import in Hyper-V's own job (Msvm_ReplicationService.ImportInitialReplica)."""
    body = (
        r"""
    $vm = Get-HvseedVM -Id $in.VMId
    $folder = [string]$in.Folder
    Test-HvseedAbsolutePath -Path $folder -What 'export folder'
    if (-not (Test-Path -LiteralPath $folder -PathType Container)) {
        Stop-Hvseed -Category 'ObjectNotFound' -Cmdlet 'Test-Path' -Id 'ImportFolderNotFound' -Message ('The folder ' + $folder + ' does not exist on ' + $env:COMPUTERNAME + '.')
    }
    $mode = [string]$vm.ReplicationMode
    $state = [string]$vm.ReplicationState
    if ($mode -and $mode -ne 'Replica' -and $mode -ne 'ExtendedReplica') {
        Stop-Hvseed -Category 'InvalidOperation' -Cmdlet 'Import-VMInitialReplication' -Id 'NotAReplica' -Code 32775 -Message ('The initial copy is imported into the replica VM; ' + [string]$vm.Name + ' on ' + $env:COMPUTERNAME + ' is not one (mode ' + $mode + ').')
    }
    if ($state -and $state -ne 'WaitingForInitialReplication') {
        Stop-Hvseed -Category 'InvalidOperation' -Cmdlet 'Import-VMInitialReplication' -Id 'InvalidReplicationState' -Code 32775 -Message ('The replica VM ' + [string]$vm.Name + ' does not wait for its initial copy (state ' + $state + ').')
    }
    $arguments = @{ InitialReplicationImportLocation = $folder }
    $call = Invoke-HvseedReplicationService -VM $vm -MethodName 'ImportInitialReplica' -Arguments $arguments
    $methodReturn = [int]$call.code
    $jobId = [string]$call.job_id
    $started = [datetime]::Now.ToString('o')
    $stopped = $false
    $vm = Get-HvseedVM -Id $in.VMId
    $bytesDone = $null
    $bytesTotal = Get-HvseedFolderBytes -Folder $folder
"""
        + _PROGRESS_RESULT
    )
    data = _progress_data(vm, "import", Folder=folder)
    helpers = (*_IMPORT_HELPERS, "Invoke-HvseedReplicationService", "Test-HvseedAbsolutePath")
    return _render("start_import", body, data, helpers=helpers)


def render_import_progress(vm: VmRef, folder: str = "", job_id: str = "") -> Script:
    """One poll of the import: Hyper-V's import job and the replica's replication state."""
    body = (
        r"""
    $vm = Get-HvseedVM -Id $in.VMId
    $jobId = [string]$in.JobId
    $folder = [string]$in.Folder
    $started = $null
    $methodReturn = $null
    $stopped = $false
    $bytesDone = $null
    $bytesTotal = Get-HvseedFolderBytes -Folder $folder
"""
        + _PROGRESS_RESULT
    )
    data = _progress_data(vm, "import", job_id, Folder=folder)
    return _render("import_progress", body, data, helpers=_IMPORT_HELPERS)


def render_replication_status(vm: VmRef) -> Script:
    """Get-VMReplication and Measure-VMReplication merged for one VM."""
    body = r"""
    $vm = Get-HvseedVM -Id $in.VMId
    $result = Get-HvseedStatus -VM $vm
"""
    data = {"VMId": _vm_id(vm)}
    return _render("replication_status", body, data, helpers=("Get-HvseedVM", "Get-HvseedStatus"))


def render_resume_replication(vm: VmRef, resynchronize: bool = False) -> Script:
    """Resume-VMReplication for one VM (VMObject set), with -Resynchronize when asked.

    Hyper-V decides whether the state allows it (Suspended, Error, WaitingForStartResynchronize,
    ResynchronizeSuspended); its refusal comes back as an error record.
    """
    body = r"""
    $vm = Get-HvseedVM -Id $in.VMId
    $resume = @{ VM = $vm; ReplicationRelationshipType = 'Simple'; Confirm = $false }
    if ([bool]$in.Resynchronize) { $resume['Resynchronize'] = $true }
    Hyper-V\Resume-VMReplication @resume
    $result = Get-HvseedStatus -VM (Get-HvseedVM -Id $in.VMId)
"""
    data = {"VMId": _vm_id(vm), "Resynchronize": bool(resynchronize)}
    return _render("resume_replication", body, data, helpers=("Get-HvseedVM", "Get-HvseedStatus"))


def render_start_test_failover(vm: VmRef) -> Script:
    """Start-VMFailover -AsTest on the replica VM: Hyper-V creates '<VM> - Test'."""
    body = r"""
    $vm = Get-HvseedVM -Id $in.VMId
    $failover = @{ VM = $vm; AsTest = $true; Confirm = $false }
    Hyper-V\Start-VMFailover @failover
    $testName = Find-HvseedTestVm -VM $vm
    $result = [ordered]@{
        vm_name = [string]$vm.Name
        vm_id = [string]$vm.Id
        test_vm_name = $testName
        expected_test_vm_name = [string]$vm.Name + ' - Test'
        running = [bool]$testName
    }
"""
    data = {"VMId": _vm_id(vm)}
    return _render("start_test_failover", body, data, helpers=("Get-HvseedVM", "Find-HvseedTestVm"))


def render_stop_test_failover(vm: VmRef) -> Script:
    """Stop-VMFailover on the replica VM, only when a test VM exists (never a real failover)."""
    body = r"""
    $vm = Get-HvseedVM -Id $in.VMId
    $testName = Find-HvseedTestVm -VM $vm
    $message = ''
    if ($testName) {
        # Stop-VMFailover also cancels a (planned) failover: only a replica that replicates (or
        # is suspended, or in error) can be in a test failover. UNCONFIRMED whether a running
        # test failover shows as FiredrillInProgress on newer hosts; it is accepted as well.
        $replicaState = [string]$vm.ReplicationState
        if (@('Replicating', 'Suspended', 'Error', 'FiredrillInProgress') -notcontains $replicaState) {
            Stop-Hvseed -Category 'InvalidOperation' -Cmdlet 'Stop-VMFailover' -Id 'InvalidReplicationState' -Code 32775 -Message ('Not stopping anything: ' + [string]$vm.Name + ' is in replication state ' + $replicaState + ', which belongs to a real failover, not a test failover.')
        }
        $stop = @{ VM = $vm; Confirm = $false }
        Hyper-V\Stop-VMFailover @stop
        $testName = Find-HvseedTestVm -VM $vm
    } else {
        $message = 'No test failover VM exists; nothing was changed.'
    }
    $result = [ordered]@{
        vm_name = [string]$vm.Name
        vm_id = [string]$vm.Id
        test_vm_name = $testName
        expected_test_vm_name = [string]$vm.Name + ' - Test'
        running = [bool]$testName
        message = $message
    }
"""
    data = {"VMId": _vm_id(vm)}
    return _render("stop_test_failover", body, data, helpers=("Get-HvseedVM", "Find-HvseedTestVm"))


def render_usb_volumes() -> Script:
    """Volumes on USB disks (Get-Disk BusType USB, as a name or as the number 7)."""
    body = r"""
    $canBitLocker = [bool](Get-Command -Name 'Get-BitLockerVolume' -ErrorAction SilentlyContinue)
    $volumes = New-Object -TypeName System.Collections.ArrayList
    foreach ($disk in @(Get-Disk)) {
        # Storage formats BusType as 'USB'; the underlying MSFT_Disk value is 7. Accept both.
        $bus = [string]$disk.BusType
        if ($bus -ne 'USB' -and $bus -ne '7') { continue }
        $partitions = @()
        try { $partitions = @(Get-Partition -DiskNumber ([int]$disk.Number)) } catch { $partitions = @() }
        foreach ($partition in $partitions) {
            $volume = $null
            try { $volume = Get-Volume -Partition $partition } catch { $volume = $null }
            if ($null -eq $volume) { continue }
            $mount = ''
            $letter = [string]$partition.DriveLetter
            if ($letter -match '^[A-Za-z]$') {
                $mount = $letter.ToUpper() + ':\'
            } else {
                foreach ($accessPath in $partition.AccessPaths) {
                    if ([string]$accessPath -and -not ([string]$accessPath).StartsWith('\\?\')) { $mount = [string]$accessPath; break }
                }
            }
            if (-not $mount) { continue }
            $protection = 'Unknown'
            if ($canBitLocker) {
                try {
                    $bitLockerMount = $mount.TrimEnd('\')
                    $protection = [string](Get-BitLockerVolume -MountPoint $bitLockerMount).ProtectionStatus
                } catch { $protection = 'Unknown' }
            }
            $fileSystem = [string]$volume.FileSystem
            if (-not $fileSystem -and $null -ne $volume.PSObject.Properties['FileSystemType']) { $fileSystem = [string]$volume.FileSystemType }
            [void]$volumes.Add([pscustomobject]@{
                mount_point = $mount
                label = [string]$volume.FileSystemLabel
                file_system = $fileSystem
                total_bytes = [int64]$volume.Size
                free_bytes = [int64]$volume.SizeRemaining
                bus_type = 'USB'
                removable = ([string]$volume.DriveType -eq 'Removable')
                is_system = ([bool]$disk.IsSystem -or [bool]$disk.IsBoot)
                bitlocker = $protection
                serial = ([string]$disk.SerialNumber).Trim()
                friendly_name = [string]$disk.FriendlyName
            })
        }
    }
    $result = [ordered]@{ volumes = @($volumes) }
"""
    return _render("usb_volumes", body, {}, needs_hyperv=False)


#: AES-CBC 128, not Windows' default XTS-AES 128: Microsoft's Enable-BitLocker reference says
#: removable media that is to be read on Windows 8.1 / Server 2012 R2 must use AES-128 or
#: AES-256, and a seeding drive travels to a replica host whose version we cannot know.
BITLOCKER_ENCRYPTION_METHOD = "Aes128"


#: the environment variable that carries the BitLocker password to the script's process
BITLOCKER_PASSWORD_ENV = "HVSEED_SECRET_BITLOCKER"


def render_enable_bitlocker(mount_point: str, password: str) -> Script:
    """BitLocker To Go: Enable-BitLocker with a password protector, then a recovery password.

    The password never enters the script or its blob: the runner hands it to the PowerShell
    process as an environment variable (``Script.secrets``), which the script reads once,
    removes, and turns into a SecureString. The whole volume is encrypted (not only
    used space): data deleted earlier from the drive must not travel readable. Refuses a
    volume that is not fully decrypted; says so when the BitLocker feature is missing.
    """
    body = r"""
    $mount = ([string]$in.MountPoint).TrimEnd('\')
    if (-not (Get-Command -Name 'Enable-BitLocker' -ErrorAction SilentlyContinue)) {
        Stop-Hvseed -Category 'NotInstalled' -Cmdlet 'Get-Command' -Id 'BitLockerMissing' -Message ('BitLocker Drive Encryption is not installed on ' + $env:COMPUTERNAME + '.')
    }
    $before = Get-BitLockerVolume -MountPoint $mount
    $volumeStatus = [string]$before.VolumeStatus
    if ($volumeStatus -ne 'FullyDecrypted') {
        Stop-Hvseed -Category 'InvalidOperation' -Cmdlet 'Enable-BitLocker' -Id 'BitLockerBusy' -Message ('BitLocker already protects ' + $mount + ' on ' + $env:COMPUTERNAME + ' (volume status ' + $volumeStatus + ').')
    }
    $known = New-Object -TypeName System.Collections.ArrayList
    foreach ($protector in @($before.KeyProtector)) { [void]$known.Add([string]$protector.KeyProtectorId) }
    $plain = [Environment]::GetEnvironmentVariable([string]$in.PasswordVariable)
    [Environment]::SetEnvironmentVariable([string]$in.PasswordVariable, $null)
    if (-not $plain) {
        Stop-Hvseed -Category 'InvalidArgument' -Cmdlet 'Enable-BitLocker' -Id 'PasswordMissing' -Message 'No BitLocker password reached the script.'
    }
    # Built character by character, never through a cmdlet parameter: module logging (event
    # 4103) records cmdlet parameter values, and would keep the password in the event log.
    $secure = New-Object -TypeName 'System.Security.SecureString'
    foreach ($character in $plain.ToCharArray()) { $secure.AppendChar($character) }
    $secure.MakeReadOnly()
    $plain = $null
    $enable = @{
        MountPoint = $mount
        EncryptionMethod = [string]$in.EncryptionMethod
        PasswordProtector = $true
        Password = $secure
        Confirm = $false
    }
    $null = Enable-BitLocker @enable
    $secure = $null
    $recoveryArgs = @{
        MountPoint = $mount
        RecoveryPasswordProtector = $true
        Confirm = $false
    }
    try {
        $null = Add-BitLockerKeyProtector @recoveryArgs
    } catch {
        Stop-Hvseed -Category 'InvalidResult' -Cmdlet 'Add-BitLockerKeyProtector' -Id 'RecoveryPasswordMissing' -Message ('BitLocker started encrypting ' + $mount + ' with your password, but no recovery password could be added: ' + [string]$_.Exception.Message)
    }
    $after = Get-BitLockerVolume -MountPoint $mount
    $recovery = $null
    foreach ($protector in @($after.KeyProtector)) {
        if ([string]$protector.KeyProtectorType -eq 'RecoveryPassword' -and -not $known.Contains([string]$protector.KeyProtectorId)) { $recovery = $protector }
    }
    if ($null -eq $recovery -or -not [string]$recovery.RecoveryPassword) {
        Stop-Hvseed -Category 'InvalidResult' -Cmdlet 'Add-BitLockerKeyProtector' -Id 'RecoveryPasswordMissing' -Message ('BitLocker started encrypting ' + $mount + ' with your password, but it did not report the new recovery password.')
    }
    $result = [ordered]@{
        mount_point = [string]$after.MountPoint
        status = [string]$after.VolumeStatus
        protection = [string]$after.ProtectionStatus
        encryption_method = [string]$after.EncryptionMethod
        recovery_password = [string]$recovery.RecoveryPassword
        protector_id = [string]$recovery.KeyProtectorId
    }
"""
    data = {
        "MountPoint": mount_point,
        "PasswordVariable": BITLOCKER_PASSWORD_ENV,
        "EncryptionMethod": BITLOCKER_ENCRYPTION_METHOD,
    }
    script = _render("enable_bitlocker", body, data, needs_hyperv=False)
    return replace(script, secrets={BITLOCKER_PASSWORD_ENV: password})


def render_export_folders(path: str) -> Script:
    """``<VMName>_<VMId>`` folders: ``path`` itself, or below it and one level deeper (a drive's
    root finds ``E:\\HyperV-Seed\\SQL01_<id>`` too), with sizes."""
    body = r"""
    $root = [string]$in.Path
    if (-not (Test-Path -LiteralPath $root -PathType Container)) {
        # a file in the way (the path itself or the first part of it that exists) is not "missing"
        $probe = $root
        while ($probe -and -not (Test-Path -LiteralPath $probe)) { $probe = [System.IO.Path]::GetDirectoryName($probe) }
        if ($probe -and (Test-Path -LiteralPath $probe -PathType Leaf)) {
            Stop-Hvseed -Category 'InvalidArgument' -Cmdlet 'Test-Path' -Id 'PathIsFile' -Message ('The path ' + $root + ' on ' + $env:COMPUTERNAME + ' runs into the file ' + $probe + ', not a folder.')
        }
        Stop-Hvseed -Category 'ObjectNotFound' -Cmdlet 'Test-Path' -Id 'FolderNotFound' -Message ('The folder ' + $root + ' does not exist on ' + $env:COMPUTERNAME + '.')
    }
    # the same rule as core.folder_name: any name (even empty), then _<VMId>, braces allowed
    $pattern = '^(.*)_\{?([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})\}?$'
    $candidates = New-Object -TypeName System.Collections.ArrayList
    [void]$candidates.Add((Get-Item -LiteralPath $root -Force))
    foreach ($dir in @(Get-ChildItem -LiteralPath $root -Directory -Force)) {
        [void]$candidates.Add($dir)
        if (-not ([string]$dir.Name -match $pattern)) {
            foreach ($sub in @(Get-ChildItem -LiteralPath ([string]$dir.FullName) -Directory -Force -ErrorAction SilentlyContinue)) { [void]$candidates.Add($sub) }
        }
    }
    $folders = New-Object -TypeName System.Collections.ArrayList
    foreach ($dir in $candidates) {
        # a junction or link posing as a VM folder is not followed (and not offered)
        if (([int]$dir.Attributes -band 1024) -ne 0) { continue }
        if ([string]$dir.Name -match $pattern) {
            $vmName = [string]$Matches[1]
            $vmId = ([string]$Matches[2]).ToUpper()
            $measured = Measure-HvseedFolder -Folder ([string]$dir.FullName)
            [void]$folders.Add([pscustomobject]@{ path = [string]$dir.FullName; vm_name = $vmName; vm_id = $vmId; total_bytes = [int64]$measured.bytes; file_count = [int]$measured.count })
        }
    }
    $result = [ordered]@{ folders = @($folders) }
"""
    return _render(
        "export_folders",
        body,
        {"Path": path},
        helpers=("Measure-HvseedFolder",),
        needs_hyperv=False,
    )


def render_read_export_folder(folder: str, max_xml_bytes: int = MAX_XML_BYTES) -> Script:
    """Every plain file below ``folder`` with its size, the text of XML files up to a limit, and
    every reparse point (link, junction) by name in ``refused``: never followed or read."""
    body = r"""
    $folder = [string]$in.Folder
    $limit = [int64]$in.MaxXmlBytes
    $files = New-Object -TypeName System.Collections.ArrayList
    $xmlTexts = New-Object -TypeName System.Collections.ArrayList
    $xmlErrors = New-Object -TypeName System.Collections.ArrayList
    $refused = @()
    $exists = Test-Path -LiteralPath $folder -PathType Container
    if ($exists -and (([int](Get-Item -LiteralPath $folder -Force).Attributes -band 1024) -ne 0)) {
        $refused = @([pscustomobject]@{ path = '.'; kind = 'link'; link_type = [string](Get-Item -LiteralPath $folder -Force).LinkType })
    } elseif ($exists) {
        $tree = Get-HvseedTree -Root $folder -MaxEntries ([int]$in.MaxEntries) -MaxDepth ([int]$in.MaxDepth)
        $refused = @($tree.refused)
        foreach ($file in @($tree.files)) {
            [void]$files.Add([pscustomobject]@{ path = $file.path; size = [int64]$file.size })
            if (-not ([string]$file.path).EndsWith('.xml', [StringComparison]::OrdinalIgnoreCase)) { continue }
            if ([int64]$file.size -gt $limit) {
                [void]$xmlErrors.Add([pscustomobject]@{ path = $file.path; error = 'larger than ' + [string]$limit + ' bytes; not read' })
                continue
            }
            $stream = $null
            try {
                # never more than the limit in memory, even if the file grows while it is read
                $stream = [IO.File]::Open([string]$file.full, [IO.FileMode]::Open, [IO.FileAccess]::Read, [IO.FileShare]::Read)
                $reader = New-Object -TypeName System.IO.StreamReader -ArgumentList $stream, $true
                $chars = New-Object -TypeName 'char[]' -ArgumentList ($limit + 1)
                $count = $reader.ReadBlock($chars, 0, $chars.Length)
                if ($count -gt $limit) {
                    [void]$xmlErrors.Add([pscustomobject]@{ path = $file.path; error = 'larger than ' + [string]$limit + ' bytes; not read' })
                } else {
                    [void]$xmlTexts.Add([pscustomobject]@{ path = $file.path; text = [string]::new($chars, 0, $count) })
                }
            } catch {
                [void]$xmlErrors.Add([pscustomobject]@{ path = $file.path; error = [string]$_.Exception.Message })
            } finally {
                if ($null -ne $stream) { $stream.Dispose() }
            }
        }
    }
    $result = [ordered]@{ path = $folder; exists = [bool]$exists; files = @($files); xml_texts = @($xmlTexts); xml_errors = @($xmlErrors); refused = @($refused) }
"""
    data = {
        "Folder": folder,
        "MaxXmlBytes": int(max_xml_bytes),
        "MaxEntries": MAX_ENTRIES,
        "MaxDepth": MAX_DEPTH,
    }
    return _render(
        "read_export_folder", body, data, helpers=("Get-HvseedTree",), needs_hyperv=False
    )


# --- the hand-runnable plan script --------------------------------------------------------------


def _plan_data(plan: ReplicationPlan) -> dict[str, Any]:
    start = None
    if plan.start_time is not None:
        when = plan.start_time
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        start = when.isoformat()
    return {
        **_auth_data(plan),
        "Compression": bool(plan.compression),
        "FrequencySec": int(plan.frequency_sec),
        "RecoveryHistory": int(plan.recovery_history_hours),
        "VssFrequencyHours": int(plan.vss_frequency_hours),
        "InitialMethod": plan.initial_method.value,
        "DestinationPath": plan.destination_path,
        "StartTime": start,
        "VMs": [
            {
                "Id": _vm_id(VmRef(vm.name, vm.id)),
                "Name": vm.name,
                "ExcludedVhdPaths": list(vm.excluded_vhd_paths),
                "DestinationPath": vm.destination(plan.destination_path),
            }
            for vm in plan.vms
        ],
    }


_PLAN_BODY = r"""
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'Continue'
if (-not (Get-Module -ListAvailable -Name 'Hyper-V')) { throw 'The Hyper-V PowerShell module is not installed on this computer.' }

Write-Host ('Replica server:  ' + [string]$plan.ReplicaServer + ', port ' + [string]$plan.ReplicaPort + ', ' + [string]$plan.AuthenticationType)
Write-Host ('Initial copy:    ' + [string]$plan.InitialMethod + ' ' + [string]$plan.DestinationPath)

foreach ($item in $plan.VMs) {
    # 1. Find the VM by its ID: names can repeat, and -VMName treats * and ? as wildcards.
    $vm = Hyper-V\Get-VM -Id ([guid][string]$item.Id)
    Write-Host ('--- ' + [string]$vm.Name + ' (' + [string]$vm.Id + ')')

    # 2. Enable replication, unless a previous run already did (then continue with step 3).
    if ([string]$vm.ReplicationState -eq 'Disabled') {
        $enable = @{
            VM = $vm
            ReplicaServerName = [string]$plan.ReplicaServer
            ReplicaServerPort = [int]$plan.ReplicaPort
            AuthenticationType = [string]$plan.AuthenticationType
            CompressionEnabled = [bool]$plan.Compression
            BypassProxyServer = [bool]$plan.BypassProxy
            ReplicationFrequencySec = [int]$plan.FrequencySec
            RecoveryHistory = [int]$plan.RecoveryHistory
        }
        if ([string]$plan.CertificateThumbprint) { $enable['CertificateThumbprint'] = [string]$plan.CertificateThumbprint }
        if ([int]$plan.VssFrequencyHours -gt 0) { $enable['VSSSnapshotFrequencyHour'] = [int]$plan.VssFrequencyHours }
        $excluded = New-Object -TypeName System.Collections.ArrayList
        foreach ($excludedPath in $item.ExcludedVhdPaths) { if ([string]$excludedPath) { [void]$excluded.Add([string]$excludedPath) } }
        if ($excluded.Count -gt 0) { $enable['ExcludedVhdPath'] = [string[]]@($excluded) }
        Write-Host 'Enabling replication (Hyper-V creates the replica VM on the Replica server) ...'
        Hyper-V\Enable-VMReplication @enable
        $vm = Hyper-V\Get-VM -Id ([guid][string]$item.Id)
    } else {
        Write-Host ('Replication is already enabled (state ' + [string]$vm.ReplicationState + ').')
    }

    # 3. Send the initial copy.
    if ([string]$vm.ReplicationState -ne 'ReadyForInitialReplication') {
        Write-Host 'The initial copy is already on its way or done; skipping.'
        continue
    }
    $start = @{ VM = $vm }
    if ([string]$plan.InitialMethod -eq 'ExternalMedia') {
        # Export to the external drive. This call is synchronous: it returns when the copy is
        # written to <DestinationPath>\<VMName>_<VMId>. An existing folder is never overwritten.
        # Each VM may have its own drive (several VMs spread over several drives).
        $destination = [string]$item.DestinationPath
        if (-not $destination) { $destination = [string]$plan.DestinationPath }
        # The same checks as hvseed's own export: a full path, on a drive that is attached.
        if (-not ($destination -match '^([A-Za-z]:\\|\\\\[^\\]+\\[^\\]+)')) { throw ('The destination folder must be a full path such as E:\Seed, not ' + $destination + '.') }
        $drive = [System.IO.Path]::GetPathRoot($destination)
        if (-not (Test-Path -LiteralPath $drive -PathType Container)) { throw ('The drive ' + $drive + ' is not attached to ' + $env:COMPUTERNAME + '.') }
        $folder = $destination.TrimEnd('\') + '\' + [string]$vm.Name + '_' + ([string]$vm.Id).ToUpper()
        $existing = Find-HvseedExportFolder -Destination $destination -VM $vm
        if ($existing) { throw ('The folder ' + $existing + ' already exists; move it away or choose another folder.') }
        # Hyper-V writes <destination>\<VMName>_<VMId> but does not create <destination> itself.
        [void][System.IO.Directory]::CreateDirectory($destination)
        $start['DestinationPath'] = $destination
        Write-Host ('Exporting the initial copy to ' + $folder + ' ...')
    } elseif ([string]$plan.InitialMethod -eq 'ExistingVM') {
        # Use the VM already restored on the Replica server as the initial copy.
        $start['UseBackup'] = $true
    }
    if ([string]$plan.InitialMethod -ne 'ExternalMedia' -and $null -ne $plan.StartTime) {
        # Scheduled start (network and existing-VM seeding only; Hyper-V ignores it for exports).
        $when = $plan.StartTime
        if (-not ($when -is [datetime])) { $when = [DateTimeOffset]::Parse([string]$when).LocalDateTime }
        $start['InitialReplicationStartTime'] = $when
    }
    Hyper-V\Start-VMInitialReplication @start
    Write-Host 'Done.'
}

# Next: carry the drive to the Replica server and import each folder there
# (Hyper-V Manager: replica VM > Replication > Import Initial Replica, or hvseed import).
"""


def render_plan_script(plan: ReplicationPlan) -> str:
    """A readable script that carries out ``plan`` on Host A when run by hand.

    For every VM: Enable-VMReplication, then Start-VMInitialReplication (for external media with
    -DestinationPath, synchronous). The settings are one readable JSON document in a
    single-quoted here-string (``readable_json``: no value can end it), read with
    ConvertFrom-Json: data only, never code. Base64 would hide them from the admin and looks like
    malware to AMSI and EDR products. The comments hold no user text and no UNCONFIRMED notes
    (those stay in this module). Raises ValueError for a VM ID that is not a GUID.
    """
    data = _plan_data(plan)
    method = {
        InitialReplicationMethod.EXTERNAL_MEDIA: "export to external media",
        InitialReplicationMethod.NETWORK: "send over the network",
        InitialReplicationMethod.EXISTING_VM: "use an existing VM on the Replica server",
    }[plan.initial_method]
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# hvseed: enable Hyper-V Replica and send the initial copy",
        f"# Written by hvseed on {stamp}.",
        "# Run it on the primary host (Host A) in an elevated Windows PowerShell 5.1.",
        "#",
        f"# {len(plan.vms)} VM(s); authentication {plan.authentication.value}, "
        f"port {int(plan.replica_port)}, replication every {int(plan.frequency_sec)} s,",
        f"# recovery history {int(plan.recovery_history_hours)} h, "
        f"compression {'on' if plan.compression else 'off'}; initial copy: {method}.",
        "# Server, VM names and paths are in the settings below: plain JSON, read as data only",
        "# (ConvertFrom-Json). Quote-like and control characters in them are written as \\uXXXX.",
        "# They contain no password.",
        "",
        "$planJson = @'",
        readable_json(data),
        "'@",
        "$plan = ConvertFrom-Json -InputObject $planJson",
    ]
    # the same existing-export check as start_export (any child folder ending in _<VMId>)
    body = _HELPERS["Find-HvseedExportFolder"] + _PLAN_BODY
    return for_admins("\n".join(lines) + "\n" + body)


_IN_LINE = (
    "$in = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('{blob}'))"
    " | ConvertFrom-Json"
)


def for_review(script: Script) -> str:
    """``script`` as a security team reads it: its inputs as readable JSON in a single-quoted
    here-string (``readable_json``) instead of base64, no UNCONFIRMED notes. It runs the same:
    ConvertFrom-Json reads the same document either way."""
    line = _IN_LINE.replace("{blob}", encode_blob(script.data))
    if line not in script.source:
        raise ValueError(f"{script.operation}: no input line to show readably")
    readable = (
        "$inJson = @'\n" + readable_json(script.data) + "\n'@\n"
        "$in = ConvertFrom-Json -InputObject $inJson"
    )
    source = script.source.replace(line, readable, 1).replace(
        "# Inputs arrive as ONE base64 JSON blob; nothing else in this script comes from the user.",
        "# Inputs arrive as ONE JSON document; nothing else in this script comes from the user.",
        1,
    )
    return for_admins(source)


def for_admins(source: str) -> str:
    """``source`` without the comment blocks that hold UNCONFIRMED notes: what admins and
    security teams read says what the script does; open questions stay in hvseed's code."""
    lines = source.split("\n")
    out: list[str] = []
    block: list[str] = []

    def flush() -> None:
        if not any("UNCONFIRMED" in line for line in block):
            out.extend(block)
        block.clear()

    for line in lines:
        if line.lstrip().startswith("#") and not line.lstrip().startswith("#>"):
            block.append(line)
            continue
        flush()
        out.append(line)
    flush()
    return "\n".join(out)
