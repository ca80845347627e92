#!/usr/bin/env bash
# usage: bash installer/build-check.sh OUTDIR
#
# The Linux check of the Windows packaging, run on every change (.ci/run's last step). It is NOT a
# Windows build: it freezes this platform's onedir with the same PyInstaller spec and compiles
# the same WiX source with wixl (msitools), so a change that breaks the spec, the WiX source or
# the file list fails here long before someone builds the MSI on Windows with installer/build.ps1.
#
# Installs what it lacks (Debian's wixl and msitools, Qt's runtime libraries, binutils for
# PyInstaller, python3-venv; PyInstaller from PyPI into OUTDIR/venv), then:
#   1. OUTDIR/hvseed-gui/      the onedir (installer/hvseed-gui.spec)
#   2. checks that `hvseed --version` prints pyproject's version, that `hvseed-gui --demo` starts
#      offscreen and keeps running, and that the frozen `hvseed` exports on the simulated lab and
#      writes the PDF report
#   3. OUTDIR/hvseed-gui-<version>.msi from installer/hvseed-gui.wxs and the harvested file list,
#      refusing any element or attribute wixl would silently ignore
#   4. prints the MSI's Property, Shortcut and File tables, checks the entries that matter, and
#      runs hvseed unpacked from the MSI.
set -euo pipefail

if (($# != 1)); then
    echo "usage: bash installer/build-check.sh OUTDIR" >&2
    exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$1"
out=$(cd "$1" && pwd)
echo "*" >"$out/.gitignore" # build output, wherever it is: never committed
start=$SECONDS

say() { printf 'build-check: %s\n' "$*"; }
fail() {
    printf 'build-check: FAILED: %s\n' "$*" >&2
    exit 1
}

say "a Linux check of the packaging, not a Windows build (that is installer/build.ps1)."

# --- what a fresh Debian machine lacks ------------------------------------------------------------
declare -A provides=(
    [wixl]=wixl [msitools]=msiinfo [binutils]=objdump
)
packages=(libgl1 libegl1 libxkbcommon0 libglib2.0-0 libfontconfig1 libdbus-1-3 fonts-dejavu-core)
missing=()
for pkg in wixl msitools binutils; do
    command -v "${provides[$pkg]}" >/dev/null 2>&1 || missing+=("$pkg")
done
command -v python3 >/dev/null 2>&1 || missing+=(python3)
python3 -c "import ensurepip" >/dev/null 2>&1 || missing+=(python3-venv) # venv needs it
if command -v dpkg >/dev/null 2>&1; then
    for pkg in "${packages[@]}"; do
        dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done
fi
if ((${#missing[@]})); then
    command -v apt-get >/dev/null 2>&1 || fail "install ${missing[*]} (no apt-get here)."
    as_root=()
    if ((EUID != 0)); then
        command -v sudo >/dev/null 2>&1 || fail "install ${missing[*]} as root (no sudo here)."
        as_root=(sudo)
    fi
    say "installing ${missing[*]}"
    "${as_root[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
fi

# --- 1. the onedir --------------------------------------------------------------------------------
python3 -m venv "$out/venv"
py="$out/venv/bin/python"
say "installing the project and PyInstaller into $out/venv"
"$py" -m pip install -q --disable-pip-version-check "$root" -r "$root/installer/requirements.txt" \
    2>&1 | grep -v "^WARNING: Location" || true
(cd / && "$py" -c "import PyInstaller, hvseed_gui") || fail "pip could not install the project and PyInstaller."
version=$("$py" "$root/installer/version.py")
msi_version=$("$py" "$root/installer/version.py" --msi)
help_link=$("$py" "$root/installer/version.py" --help-link)

say "freezing the onedir (installer/hvseed-gui.spec)"
rm -rf "$out/hvseed-gui"
"$py" -m PyInstaller --noconfirm --log-level ERROR --distpath "$out" --workpath "$out/work" \
    "$root/installer/hvseed-gui.spec" 2>&1 | grep -v -E "Library not found| INFO: " || true
app="$out/hvseed-gui"
[[ -x $app/hvseed && -x $app/hvseed-gui ]] || fail "PyInstaller left no $app/hvseed and hvseed-gui."

# --- 2. the frozen programs run -------------------------------------------------------------------
said=$("$app/hvseed" --version) || fail "the frozen hvseed --version failed."
[[ $said == "hvseed $version" ]] || fail "frozen hvseed --version says '$said', pyproject says $version."
said=$(QT_QPA_PLATFORM=offscreen "$app/hvseed-gui" --version) || fail "frozen hvseed-gui --version failed."
[[ $said == "hvseed-gui $version" ]] || fail "frozen hvseed-gui --version says '$said'."
"$app/hvseed" --volume-probe | grep '"done": true' >/dev/null || fail "the frozen hvseed --volume-probe failed."
say "hvseed --version and hvseed-gui --version: $version; the volume probe runs from the frozen program"
set +e
QT_QPA_PLATFORM=offscreen timeout 10 "$app/hvseed-gui" --demo --lab "$out/lab" >"$out/gui.log" 2>&1
code=$?
set -e
if ((code != 124)); then
    cat "$out/gui.log" >&2
    fail "the frozen hvseed-gui --demo ended by itself (exit $code) instead of running until killed."
fi
say "hvseed-gui --demo ran offscreen for 10 s until stopped"
# the frozen command line, end to end on a simulated lab: export, then the PDF report (QtGui's
# QPdfWriter: proves the onedir carries what the PDF needs)
lab="$out/cli-lab"
rm -rf "$lab" "$out/handover.pdf"
"$app/hvseed" --lab "$lab" plan --example >"$out/plan.json" || fail "frozen hvseed plan --example failed."
"$app/hvseed" --lab "$lab" run "$out/plan.json" >"$out/run.log" 2>&1 || {
    cat "$out/run.log" >&2
    fail "the frozen hvseed run failed on the simulated lab."
}
folder=$(grep -o -m 1 'E:\\HyperV-Seed\\[^ ]*' "$out/run.log") ||
    fail "the frozen hvseed run named no export folder."
QT_QPA_PLATFORM=offscreen "$app/hvseed" --lab "$lab" report "$folder" --pdf "$out/handover.pdf" ||
    fail "the frozen hvseed report --pdf failed."
[[ $(head -c 5 "$out/handover.pdf") == "%PDF-" ]] || fail "the frozen hvseed wrote no PDF."
say "the frozen hvseed exported on the simulated lab and wrote the PDF report"
# the PowerShell scripts are package data: the frozen hvseed must find and render every one
rm -rf "$out/scripts"
"$app/hvseed" scripts "$out/scripts" >/dev/null || fail "the frozen hvseed scripts failed."
grep -q 'Get-HvseedCluster' "$out/scripts/01-inventory.ps1" ||
    fail "the frozen hvseed wrote no whole inventory script (are the .ps1 files in the spec?)."
say "the frozen hvseed rendered every PowerShell script from its package data"

# --- 3. the MSI, with wixl, from the same WiX source ---------------------------------------------
say "harvesting the onedir's files and compiling installer/hvseed-gui.wxs with wixl"
"$py" "$root/installer/harvest.py" "$app" "$out/appfiles.wxs"
cp "$root/resources/hvseed.ico" "$out/hvseed.ico" # wixl finds sources relative to where it runs
msi="hvseed-gui-$version.msi"
rm -f "$out/$msi"
(
    cd "$out"
    wixl -a x64 -D Version="$msi_version" -D AppDir=hvseed-gui -D ExeSuffix= \
        -D IconFile=hvseed.ico -D HelpLink="$help_link" \
        -o "$msi" "$root/installer/hvseed-gui.wxs" appfiles.wxs
) 2>"$out/wixl.log" || {
    cat "$out/wixl.log" >&2
    fail "wixl could not build the MSI from installer/hvseed-gui.wxs."
}
if grep -E "WARNING|CRITICAL|has no property" "$out/wixl.log" >&2; then
    fail "wixl ignored part of installer/hvseed-gui.wxs (above): keep to the subset it understands."
fi

# --- 4. the tables --------------------------------------------------------------------------------
for table in Property Shortcut File; do
    echo "=== $msi: $table table"
    msiinfo export "$out/$msi" "$table" | tr -d '\r' | tail -n +4 | tee "$out/$table.idt"
done
grep -q '^UpgradeCode	{65A52414-96F4-4982-8755-C47A3E63B7A7}$' "$out/Property.idt" ||
    fail "the Property table lacks the stable UpgradeCode."
grep -q '^ALLUSERS	1$' "$out/Property.idt" || fail "the Property table lacks ALLUSERS 1."
grep -q "^ProductVersion	$msi_version\$" "$out/Property.idt" ||
    fail "ProductVersion is not pyproject's $msi_version."
msiinfo export "$out/$msi" LaunchCondition | tr -d '\r' >"$out/LaunchCondition.idt"
grep -q "^NOT WIX_DOWNGRADE_DETECTED	" "$out/LaunchCondition.idt" ||
    fail "no downgrade refusal (MajorUpgrade) in the LaunchCondition table."
grep -q "^Installed OR ALLUSERS = 1	" "$out/LaunchCondition.idt" ||
    fail "no refusal of a per-user install in the LaunchCondition table."
for name in "hvseed-gui" "hvseed command prompt"; do
    cut -f3 "$out/Shortcut.idt" | grep -x "$name" >/dev/null || fail "no '$name' shortcut."
done
for name in hvseed-gui hvseed hvseed_de.qm qtbase_de.qm; do
    cut -f3 "$out/File.idt" | grep -x "$name" >/dev/null || fail "the File table does not carry $name."
done
# the MSI carries the whole onedir: unpacked, its hvseed runs (msiextract drops the exec bits)
rm -rf "$out/unpacked"
msiextract -C "$out/unpacked" "$out/$msi" >/dev/null || fail "msiextract could not unpack the MSI."
chmod +x "$out/unpacked/hvseed-gui/hvseed"
[[ $("$out/unpacked/hvseed-gui/hvseed" --version) == "hvseed $version" ]] ||
    fail "the hvseed unpacked from the MSI does not run."
files=$(wc -l <"$out/File.idt")
size=$(du -m "$out/$msi" | cut -f1)
say "OK: $out/$msi ($size MB, $files files, version $msi_version) in $((SECONDS - start)) s." \
    "Not a Windows build: it proves the spec and the WiX source stay valid."
