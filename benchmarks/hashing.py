"""Hashing throughput: hvseed's in-process verify against ``sha256sum`` on the same files.

Creates ``--files`` files of ``--size-mib`` MiB each (pseudo-random data) in an export-like
folder, writes its manifest, then times ``sha256sum`` over the files and ``verify_manifest`` on
the folder (each the best of ``--repeat`` runs, files warm in the page cache for both, so the
comparison is of the hashing, not of the disk). Our verify runs in a fresh child process so its
peak RSS is its own; a second child verifies a folder with one file 1/16 the size, to show that
memory does not grow with file size. Target: ratio (sha256sum time / ours) >= 0.9.

A single large file is also timed against ``openssl dgst -sha256``, net of process start (the
time openssl takes for an empty file is subtracted; hvseed's time is measured inside its child,
after its imports). Target: ratio (openssl / ours) >= 0.9.

    python benchmarks/hashing.py [--size-mib 512] [--files 4] [--repeat 3] [--dir DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VM_ID = "6F1C2A3B-1111-4222-8333-944455556666"
MIB = 1024 * 1024


def peak_rss_mib() -> float:
    """This process's peak resident set size, in MiB."""
    try:  # Linux: VmHWM belongs to this image; ru_maxrss would carry the parent's over exec
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS
    return kib / (1024 * 1024 if sys.platform == "darwin" else 1024)


def child(folder: str, workers: int | None) -> None:
    sys.path.insert(0, str(ROOT))
    from hvseed_gui.core.manifest import verify_manifest

    base = peak_rss_mib()
    t0 = time.perf_counter()
    report = verify_manifest(Path(folder), workers=workers)
    seconds = time.perf_counter() - t0
    print(
        json.dumps(
            {
                "seconds": seconds,
                "ok": report.ok,
                "bytes": report.bytes_hashed,
                "base_rss_mib": base,
                "peak_rss_mib": peak_rss_mib(),
            }
        )
    )


def child_file(path: str) -> None:
    """Hash one file with hvseed's hasher (one worker: a single file), timing only the hash."""
    sys.path.insert(0, str(ROOT))
    from hvseed_gui.core.hashing import hash_file

    t0 = time.perf_counter()
    digest = hash_file(Path(path))
    print(json.dumps({"seconds": time.perf_counter() - t0, "sha256": digest}))


def single_file_ratio(path: Path, repeat: int) -> None:
    """hvseed's hash of one large file against ``openssl dgst -sha256``, net of process start."""
    openssl = shutil.which("openssl")
    if openssl is None:
        print("  openssl is not installed: no single-file comparison")
        return

    def timed(target: str) -> float:
        t0 = time.perf_counter()
        subprocess.run([openssl, "dgst", "-sha256", target], check=True, stdout=subprocess.DEVNULL)
        return time.perf_counter() - t0

    start = best_of(repeat, lambda: timed(os.devnull))
    t_openssl = max(1e-6, best_of(repeat, lambda: timed(str(path))) - start)

    def ours() -> float:
        cmd = [sys.executable, __file__, "--child-file", str(path)]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        return json.loads(out.strip().splitlines()[-1])["seconds"]

    t_ours = best_of(repeat, ours)
    mib = path.stat().st_size / MIB
    print(
        f"  one {mib:.0f} MiB file: openssl {t_openssl:.2f} s (net of {start:.3f} s start), "
        f"hvseed {t_ours:.2f} s"
    )
    ratio = t_openssl / t_ours
    print(f"SINGLE-FILE RATIO {ratio:.2f} (target >= 0.90): {'PASS' if ratio >= 0.9 else 'FAIL'}")


def make_folder(parent: Path, name: str, files: int, size: int) -> list[Path]:
    folder = parent / f"{name}_{VM_ID}"
    (folder / "Virtual Hard Disks").mkdir(parents=True)
    block = bytearray(os.urandom(16 * MIB))
    paths = []
    for i in range(files):
        path = folder / "Virtual Hard Disks" / f"disk{i}.vhdx"
        with open(path, "wb") as f:
            written = 0
            while written < size:
                block[:16] = f"{i:08d}{written:08x}".encode()[:16]  # every block differs
                n = min(len(block), size - written)
                f.write(memoryview(block)[:n])
                written += n
        paths.append(path)
    sys.path.insert(0, str(ROOT))
    from hvseed_gui.core.manifest import write_manifest

    t0 = time.perf_counter()
    write_manifest(folder, vm_name=name, vm_id=VM_ID, source_host="a", replica_server="b")
    print(f"  manifest of {folder.name} written in {time.perf_counter() - t0:.2f} s")
    return paths


def run_child(folder: Path, workers: int | None) -> dict:
    cmd = [sys.executable, __file__, "--child", str(folder)]
    if workers is not None:
        cmd += ["--workers", str(workers)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def best_of(repeat: int, fn) -> float:
    return min(fn() for _ in range(repeat))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mib", type=int, default=512)
    ap.add_argument("--files", type=int, default=4)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--dir", default=None, help="where to create the files (default: temp)")
    ap.add_argument("--child", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--workers", type=int, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--child-file", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.workers)
        return
    if args.child_file:
        child_file(args.child_file)
        return
    tool = shutil.which("sha256sum")
    if tool is None:
        sys.exit("sha256sum is not installed; nothing to compare with.")
    size = args.size_mib * MIB
    total = size * args.files
    work = Path(tempfile.mkdtemp(prefix="hvseed-bench-", dir=args.dir))
    try:
        print(f"{args.files} x {args.size_mib} MiB under {work}; {os.cpu_count()} CPUs")
        from hvseed_gui.core.hashing import plan_workers
        from hvseed_gui.core.volumes.os_facts import seek_penalty_of

        seeks = seek_penalty_of(str(work))
        readers, adaptive = plan_workers(None, args.files, seeks)
        print(
            f"  the disk seeks: {seeks} -> {readers} file(s) read at once"
            + (" at most, starting with one (measured)" if adaptive else "")
        )
        paths = make_folder(work, "Bench", args.files, size)
        small = make_folder(work, "Small", 1, max(MIB, size // 16))

        def sha256sum() -> float:
            t0 = time.perf_counter()
            subprocess.run([tool, *map(str, paths)], check=True, stdout=subprocess.DEVNULL)
            return time.perf_counter() - t0

        sha256sum()  # warm the page cache for both contenders
        t_tool = best_of(args.repeat, sha256sum)
        results = {}
        for label, workers in (("hvseed verify (auto workers)", None), ("hvseed verify (1)", 1)):
            runs = [run_child(paths[0].parent.parent, workers) for _ in range(args.repeat)]
            assert all(r["ok"] and r["bytes"] == total for r in runs), runs
            results[label] = min(runs, key=lambda r: r["seconds"])
        small_run = run_child(small[0].parent.parent, None)

        rate = total / MIB
        print(f"  sha256sum                      {t_tool:7.2f} s  {rate / t_tool:8.0f} MiB/s")
        for label, r in results.items():
            s = r["seconds"]
            print(
                f"  {label:30s} {s:7.2f} s  {rate / s:8.0f} MiB/s  ratio {t_tool / s:5.2f}  "
                f"peak RSS {r['peak_rss_mib']:.0f} MiB (after imports {r['base_rss_mib']:.0f})"
            )
        print(
            f"  memory vs file size: {args.size_mib} MiB files -> peak RSS "
            f"{results['hvseed verify (auto workers)']['peak_rss_mib']:.0f} MiB; "
            f"one {max(MIB, size // 16) // MIB} MiB file -> {small_run['peak_rss_mib']:.0f} MiB"
        )
        ratio = t_tool / results["hvseed verify (auto workers)"]["seconds"]
        print(f"RATIO {ratio:.2f} (target >= 0.90): {'PASS' if ratio >= 0.9 else 'FAIL'}")
        single_file_ratio(paths[0], args.repeat)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
