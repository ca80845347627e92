<#
.SYNOPSIS
    Build hvseed-gui for Windows: the PyInstaller onedir, then the MSI, signed when a certificate
    is given.

.DESCRIPTION
    powershell -ExecutionPolicy Bypass -File installer\build.ps1 [-OutDir installer\out] [-Python python]

    1. installs the project and PyInstaller (installer\requirements.txt) into OutDir\venv
    2. freezes OutDir\hvseed-gui\ with installer\hvseed-gui.spec (hvseed-gui.exe, hvseed.exe)
       and checks that hvseed.exe --version prints pyproject.toml's version
    3. signs hvseed-gui.exe and hvseed.exe (when a certificate is given)
    4. lists the onedir's files (installer\harvest.py) and builds
       OutDir\hvseed-gui-<version>.msi from installer\hvseed-gui.wxs with WiX Toolset v3
       (candle, light)
    5. signs the MSI (when a certificate is given)

    The same spec and WiX source are checked on Linux by installer/build-check.sh (with wixl).

    Signing (never put a certificate or its password in the repository):
      HVSEED_SIGN_THUMBPRINT     SHA-1 thumbprint of a code-signing certificate in the
                                 current user's or the machine's certificate store, or
      HVSEED_SIGN_PFX            path of a .pfx file, with
      HVSEED_SIGN_PFX_PASSWORD   its password (optional)
      HVSEED_SIGN_TIMESTAMP_URL  RFC 3161 time-stamp server (default http://timestamp.digicert.com)
    Without them the build says so and leaves both unsigned.

    HVSEED_HELP_LINK sets the help link of Add/Remove Programs (installer\version.py).
#>
[CmdletBinding()]
param(
    [string]$OutDir = (Join-Path $PSScriptRoot 'out'),
    [string]$Python = 'python'
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$Root = Split-Path -Parent $PSScriptRoot
New-Item -ItemType Directory -Force -Path $OutDir | Out-Null
$OutDir = (Resolve-Path $OutDir).Path
Set-Content -Path (Join-Path $OutDir '.gitignore') -Value '*' # build output: never committed

function Say([string]$Text) { Write-Host "build: $Text" }
function Fail([string]$Text) { throw "build: $Text" }
function Invoke-Checked([string]$What, [scriptblock]$Command) {
    & $Command
    if ($LASTEXITCODE -ne 0) { Fail "$What failed (exit code $LASTEXITCODE)." }
}

function Find-WixTool([string]$Name) {
    $candidates = @()
    if ($env:WIX) { $candidates += Join-Path $env:WIX "bin\$Name" }
    $onPath = Get-Command $Name -ErrorAction SilentlyContinue
    if ($onPath) { $candidates += $onPath.Source }
    $candidates += Get-ChildItem "${env:ProgramFiles(x86)}\WiX Toolset v3*\bin\$Name" -ErrorAction SilentlyContinue |
        Sort-Object FullName -Descending | ForEach-Object FullName
    foreach ($candidate in $candidates) { if (Test-Path $candidate) { return $candidate } }
    Fail "$Name not found: install WiX Toolset v3 (choco install wixtoolset, or https://github.com/wixtoolset/wix3/releases)."
}

function Find-SignTool {
    $onPath = Get-Command signtool.exe -ErrorAction SilentlyContinue
    if ($onPath) { return $onPath.Source }
    $kit = Get-ChildItem "${env:ProgramFiles(x86)}\Windows Kits\10\bin\*\x64\signtool.exe" -ErrorAction SilentlyContinue |
        Sort-Object FullName -Descending | Select-Object -First 1
    if ($kit) { return $kit.FullName }
    Fail 'signtool.exe not found: install the Windows SDK (its "Signing Tools" part).'
}

# signtool arguments for the certificate in the environment, or $null (then nothing is signed)
function Get-SignArguments {
    $timestamp = if ($env:HVSEED_SIGN_TIMESTAMP_URL) { $env:HVSEED_SIGN_TIMESTAMP_URL } else { 'http://timestamp.digicert.com' }
    $common = @('sign', '/fd', 'SHA256', '/tr', $timestamp, '/td', 'SHA256', '/d', 'hvseed-gui')
    if ($env:HVSEED_SIGN_THUMBPRINT) {
        return $common + @('/sha1', $env:HVSEED_SIGN_THUMBPRINT)
    }
    if ($env:HVSEED_SIGN_PFX) {
        if (-not (Test-Path $env:HVSEED_SIGN_PFX)) { Fail "HVSEED_SIGN_PFX names no file: $env:HVSEED_SIGN_PFX" }
        $pfx = $common + @('/f', $env:HVSEED_SIGN_PFX)
        if ($env:HVSEED_SIGN_PFX_PASSWORD) { $pfx += @('/p', $env:HVSEED_SIGN_PFX_PASSWORD) }
        return $pfx
    }
    return $null
}

function Invoke-Sign([string[]]$Files) {
    $arguments = Get-SignArguments
    if (-not $arguments) { return }
    $signtool = Find-SignTool
    foreach ($file in $Files) {
        # the arguments may hold the PFX password: never echo them
        & $signtool @arguments $file | Out-Null
        if ($LASTEXITCODE -ne 0) { Fail "signtool could not sign $file (exit code $LASTEXITCODE); check the certificate in HVSEED_SIGN_*." }
        Say "signed $(Split-Path -Leaf $file)"
    }
}

# --- 1. the build environment --------------------------------------------------------------------
$venv = Join-Path $OutDir 'venv'
Invoke-Checked 'creating the virtual environment' { & $Python -m venv $venv }
$py = Join-Path $venv 'Scripts\python.exe'
Say "installing the project and PyInstaller into $venv"
Invoke-Checked 'pip install' {
    & $py -m pip install -q --disable-pip-version-check $Root -r (Join-Path $PSScriptRoot 'requirements.txt')
}
$version = & $py (Join-Path $PSScriptRoot 'version.py')
$msiVersion = & $py (Join-Path $PSScriptRoot 'version.py') --msi
$helpLink = & $py (Join-Path $PSScriptRoot 'version.py') --help-link

# --- 2. the onedir --------------------------------------------------------------------------------
Say 'freezing the onedir (installer\hvseed-gui.spec)'
$app = Join-Path $OutDir 'hvseed-gui'
if (Test-Path $app) { Remove-Item -Recurse -Force $app }
Invoke-Checked 'PyInstaller' {
    & $py -m PyInstaller --noconfirm --log-level WARN --distpath $OutDir --workpath (Join-Path $OutDir 'work') (Join-Path $PSScriptRoot 'hvseed-gui.spec')
}
$said = & (Join-Path $app 'hvseed.exe') --version
if ($said -ne "hvseed $version") { Fail "the frozen hvseed.exe --version says '$said', pyproject.toml says $version." }
Say "hvseed.exe --version: $said"

# --- 3. sign the programs before they go into the MSI -------------------------------------------
$signing = [bool](Get-SignArguments)
if ($signing) {
    Invoke-Sign @((Join-Path $app 'hvseed-gui.exe'), (Join-Path $app 'hvseed.exe'))
} else {
    Say 'NOT SIGNED: no certificate given (set HVSEED_SIGN_THUMBPRINT, or HVSEED_SIGN_PFX and HVSEED_SIGN_PFX_PASSWORD). SmartScreen and AppLocker may refuse unsigned programs.'
}

# --- 4. the MSI -----------------------------------------------------------------------------------
$fragment = Join-Path $OutDir 'appfiles.wxs'
Invoke-Checked 'harvest.py' { & $py (Join-Path $PSScriptRoot 'harvest.py') $app $fragment }
$candle = Find-WixTool 'candle.exe'
$light = Find-WixTool 'light.exe'
$obj = Join-Path $OutDir 'obj'
New-Item -ItemType Directory -Force -Path $obj | Out-Null
$msi = Join-Path $OutDir "hvseed-gui-$version.msi"
Say "compiling installer\hvseed-gui.wxs with $candle"
$defines = @("-dVersion=$msiVersion", "-dAppDir=$app", '-dExeSuffix=.exe',
    "-dIconFile=$(Join-Path $Root 'resources\hvseed.ico')", "-dHelpLink=$helpLink")
# one call per source, each with its own -out file (a folder ending in "\" would break the
# quoting of a path with spaces)
$objects = @()
foreach ($source in @((Join-Path $PSScriptRoot 'hvseed-gui.wxs'), $fragment)) {
    $object = Join-Path $obj ([IO.Path]::GetFileNameWithoutExtension($source) + '.wixobj')
    Invoke-Checked "candle $(Split-Path -Leaf $source)" {
        & $candle -nologo -arch x64 @defines -out $object $source
    }
    $objects += $object
}
# ICE43 and ICE57 assume shortcuts in the Start menu belong to one user (key path under HKCU):
# this package is per machine only (ALLUSERS=1), its shortcuts go to the all-users Start menu
# and are tracked by the program they start, so no registry value is written for them.
Invoke-Checked 'light' {
    & $light -nologo -spdb -sice:ICE43 -sice:ICE57 -out $msi @objects
}

# --- 5. sign the MSI -----------------------------------------------------------------------------
if ($signing) { Invoke-Sign @($msi) } else { Say 'NOT SIGNED: the MSI (no certificate given).' }
Say "OK: $msi (version $msiVersion)"
