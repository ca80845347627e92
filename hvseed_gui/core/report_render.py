"""The handover report rendered for people: plain text (the file beside the export folders) and
HTML (the PDF), in the reader's language (``Words``; English unless a front end gives another).

Every label is a template marked for the catalogue; names, paths, IDs and hashes are data and
are shown, not obeyed (``core.visible``). No Qt here.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Sequence

from hvseed_gui.core.manifest import short_fingerprint
from hvseed_gui.core.report import HandoverReport
from hvseed_gui.core.said import ENGLISH, QT_TRANSLATE_NOOP, Size, Words, said, worded
from hvseed_gui.core.visible import visible


class _Say:
    """``say(template, **params)``: a template worded for one reader."""

    def __init__(self, words: Words) -> None:
        self.words = words

    def __call__(self, template: str, **params: object) -> str:
        return worded(said(template, **params), self.words)

    def text(self, value: object) -> str:
        return worded(value, self.words)


def _when(report: HandoverReport) -> str:
    local = report.created.astimezone()
    return f"{local:%Y-%m-%d %H:%M} {local.tzname() or ''}".rstrip()


def _grouped(n: int) -> str:
    """``25769803776`` -> ``"25 769 803 776"`` (no comma/point ambiguity across locales)."""
    return f"{n:,}".replace(",", "\u00a0")


def _size(say: _Say, n: int) -> str:
    if n < 1024:
        return say(QT_TRANSLATE_NOOP("Report", "{count} bytes"), count=_grouped(n))
    return say(
        QT_TRANSLATE_NOOP("Report", "{size} ({count} bytes)"), size=Size(n), count=_grouped(n)
    )


def _drive_rows(say: _Say, report: HandoverReport) -> list[tuple[str, str]]:
    v = report.volume
    drive, encryption = (
        say(QT_TRANSLATE_NOOP("Report", "Drive")),
        say(QT_TRANSLATE_NOOP("Report", "Encryption")),
    )
    if v is None:
        return [
            (drive, say(QT_TRANSLATE_NOOP("Report", "not identified"))),
            (encryption, say.text(report.encryption_text())),
        ]
    model = v.friendly_name or "–"
    bus = f", {v.bus_type}" if v.bus_type else ""
    return [
        (
            drive,
            say(
                QT_TRANSLATE_NOOP("Report", "{drive} on {host}"),
                drive=v.mount_point,
                host=report.source_host or said(QT_TRANSLATE_NOOP("Report", "the source host")),
            ),
        ),
        (
            say(QT_TRANSLATE_NOOP("Report", "Label")),
            v.label or say(QT_TRANSLATE_NOOP("Report", "(no label)")),
        ),
        (
            say(QT_TRANSLATE_NOOP("Report", "Serial number")),
            v.serial or say(QT_TRANSLATE_NOOP("Report", "(not reported)")),
        ),
        (say(QT_TRANSLATE_NOOP("Report", "Model")), f"{model}{bus}"),
        (
            say(QT_TRANSLATE_NOOP("Report", "File system")),
            say(
                QT_TRANSLATE_NOOP("Report", "{fs}, {total} total, {free} free"),
                fs=v.file_system,
                total=Size(v.total_bytes),
                free=Size(v.free_bytes),
            ),
        ),
        (encryption, say.text(report.encryption_text())),
    ]


def _unknown(say: _Say) -> str:
    return say(QT_TRANSLATE_NOOP("Report", "(unknown)"))


def _head(say: _Say, report: HandoverReport) -> list[tuple[str, str]]:
    return [
        (
            say(QT_TRANSLATE_NOOP("Report", "Source host (A)")),
            report.source_host or _unknown(say),
        ),
        (
            say(QT_TRANSLATE_NOOP("Report", "Replica server (B)")),
            report.replica_server or _unknown(say),
        ),
        (
            say(QT_TRANSLATE_NOOP("Report", "Folders in")),
            report.location or say(QT_TRANSLATE_NOOP("Report", "(see below)")),
        ),
    ]


def _signatures(say: _Say) -> tuple[str, str, str]:
    return (
        say(QT_TRANSLATE_NOOP("Report", "Handed over by:")),
        say(QT_TRANSLATE_NOOP("Report", "Received by:")),
        say(QT_TRANSLATE_NOOP("Report", "Date/time:")),
    )


def report_title(report: HandoverReport, words: Words = ENGLISH) -> str:
    """The PDF's title: the VMs the drive carries."""
    names = ", ".join(vm.name for vm in report.vms)
    return _Say(words)(QT_TRANSLATE_NOOP("Report", "Handover: {names}"), names=names)


def render_text(report: HandoverReport, words: Words = ENGLISH) -> str:
    say = _Say(words)
    title = say(
        QT_TRANSLATE_NOOP("Report", "hvseed handover report: initial copy for Hyper-V Replica")
    )
    lines = [title, "=" * len(title), ""]
    head = [
        (
            say(QT_TRANSLATE_NOOP("Report", "Created")),
            say(
                QT_TRANSLATE_NOOP("Report", "{when} by hvseed {version}"),
                when=_when(report),
                version=report.tool_version,
            ),
        ),
        *_head(say, report),
        (
            say(QT_TRANSLATE_NOOP("Report", "Content")),
            say(
                QT_TRANSLATE_NOOP("Report", "VMs: {count}, {size}"),
                count=len(report.vms),
                size=_size(say, report.total_bytes),
            ),
        ),
    ]
    width = max(len(k) for k, _ in head) + 2
    lines += [f"{k + ':':<{width}}{v}" for k, v in head]
    lines += ["", say(QT_TRANSLATE_NOOP("Report", "DRIVE"))]
    drive = _drive_rows(say, report)
    width = max(len(k) for k, _ in drive) + 2
    lines += [f"  {k + ':':<{width}}{v}" for k, v in drive]
    warnings = report.warnings()
    if warnings:
        lines += ["", say(QT_TRANSLATE_NOOP("Report", "WARNINGS"))]
        for w in warnings:
            lines += _wrap(f"!! {say.text(w)}", "   ")
    lines += ["", say(QT_TRANSLATE_NOOP("Report", "VIRTUAL MACHINES"))]
    for n, vm in enumerate(report.vms, 1):
        manifest = (
            say(QT_TRANSLATE_NOOP("Report", "beside the folder (.hvseed-manifest.json, .sha256)"))
            if vm.has_manifest
            else say(QT_TRANSLATE_NOOP("Report", "none (no SHA-256 values)"))
        )
        rows = [
            (say(QT_TRANSLATE_NOOP("Report", "VM ID")), vm.vm_id or _unknown(say)),
            (say(QT_TRANSLATE_NOOP("Report", "Folder")), vm.folder),
            (
                say(QT_TRANSLATE_NOOP("Report", "Files")),
                f"{len(vm.files)}, {_size(say, vm.total_bytes)}",
            ),
            (say(QT_TRANSLATE_NOOP("Report", "Manifest")), manifest),
        ]
        width = max(len(k) for k, _ in rows) + 2
        lines += ["", f"{n}. {vm.name}"]
        lines += [f"   {k + ':':<{width}}{v}" for k, v in rows]
        if vm.fingerprint:
            lines += [
                "   "
                + say(
                    QT_TRANSLATE_NOOP("Report", "Manifest fingerprint (SHA-256 of {file}):"),
                    file=vm.manifest_name,
                ),
                "     "
                + say(
                    QT_TRANSLATE_NOOP("Report", "{short}   (in full: {full})"),
                    short=short_fingerprint(vm.fingerprint),
                    full=vm.fingerprint,
                ),
                "     "
                + say(
                    QT_TRANSLATE_NOOP(
                        "Report",
                        "Pass it on apart from the drive (mail, phone): the replica side "
                        "checks it.",
                    )
                ),
            ]
        for f in vm.files:
            lines.append(f"   - {f.path}")
            lines.append(f"       {_size(say, f.size)}")
            lines.append(
                "       SHA-256 " + (f.sha256 or say(QT_TRANSLATE_NOOP("Report", "(not computed)")))
            )
        for label, commands in report.vm_command_groups(vm):
            lines.append(f"   {say.text(label)}")
            lines += [f"     {c}" for c in commands]
    lines += ["", say(QT_TRANSLATE_NOOP("Report", "CHECKLIST FOR THE REPLICA SIDE"))]
    for n, step in enumerate(report.checklist(), 1):
        lines += _wrap(f"[ ] {n}. {say.text(step)}", "       ")
    for note in report.notes:
        lines += [""] + _wrap(say.text(note), "")
    by, received, when = _signatures(say)
    width = max(len(by), len(received)) + 1
    lines += [
        "",
        say(QT_TRANSLATE_NOOP("Report", "HANDOVER")),
        f"  {by:<{width}}______________________  {when} ______________",
        f"  {received:<{width}}______________________  {when} ______________",
        "",
    ]
    return visible("\n".join(lines), keep="\n")  # names from the drive: shown, not obeyed


def _wrap(text: str, indent: str, width: int = 96) -> list[str]:
    return textwrap.wrap(text, width, subsequent_indent=indent, break_on_hyphens=False) or [""]


_CSS = """
body { font-family: 'Segoe UI', 'DejaVu Sans', sans-serif; font-size: 9.5pt; color: #1a1a1a; }
h1 { font-size: 17pt; font-weight: 600; margin: 0 0 2px 0; color: #0b3d6b; }
h2 { font-size: 11.5pt; font-weight: 600; margin: 14px 0 4px 0; color: #0b3d6b; }
h3 { font-size: 10.5pt; font-weight: 600; margin: 10px 0 2px 0; }
.sub { color: #555555; margin: 0 0 8px 0; }
td.k { color: #555555; padding-right: 10px; }
.mono { font-family: 'Consolas', 'DejaVu Sans Mono', monospace; font-size: 8pt; }
.hash { font-family: 'Consolas', 'DejaVu Sans Mono', monospace; font-size: 7.5pt;
        color: #333333; }
.small { font-size: 8pt; color: #555555; }
"""


def render_html(report: HandoverReport, words: Words = ENGLISH) -> str:
    """The report as HTML for ``QTextDocument`` (Qt's HTML subset: tables, inline CSS).

    Page 1 is the cover sheet (hosts, warnings, drive, VMs, checklist, signatures); the files
    with sizes and SHA-256 follow from page 2 on.
    """
    say = _Say(words)
    e = html.escape
    out: list[str] = [f"<html><head><style>{_CSS}</style></head><body>"]
    title = say(QT_TRANSLATE_NOOP("Report", "Handover: initial copy for Hyper-V Replica"))
    out.append(f"<h1>{e(title)}</h1>")
    out.append(
        "<p class='sub'>"
        + e(
            say(
                QT_TRANSLATE_NOOP(
                    "Report", "VMs: {count}, {size} · created {when} by hvseed {version}"
                ),
                count=len(report.vms),
                size=Size(report.total_bytes),
                when=_when(report),
                version=report.tool_version,
            )
        )
        + "</p>"
    )
    out.append(_kv_table(_head(say, report)))
    warning = e(say(QT_TRANSLATE_NOOP("Report", "Warning.")))
    for w in report.warnings():
        out.append(
            "<table width='100%' cellspacing='0' cellpadding='6' style='margin-top: 8px;'>"
            "<tr><td style='background-color: #fdecea; color: #8a1c12; "
            "border-left: 4px solid #c62828;'>"
            f"<b>{warning}</b> {e(say.text(w))}</td></tr></table>"
        )

    out.append(f"<h2>{e(say(QT_TRANSLATE_NOOP('Report', 'Drive')))}</h2>")
    colour = "#1b5e20" if report.encrypted else "#b71c1c"
    encryption = say(QT_TRANSLATE_NOOP("Report", "Encryption"))
    out.append(_kv_table(_drive_rows(say, report), highlight={encryption: colour}))

    out.append(f"<h2>{e(say(QT_TRANSLATE_NOOP('Report', 'Virtual machines')))}</h2>")
    heads = [
        e(say(QT_TRANSLATE_NOOP("Report", "VM"))),
        e(say(QT_TRANSLATE_NOOP("Report", "VM ID"))),
        e(say(QT_TRANSLATE_NOOP("Report", "Files"))),
        e(say(QT_TRANSLATE_NOOP("Report", "Size"))),
        e(say(QT_TRANSLATE_NOOP("Report", "Manifest"))),
    ]
    out.append(
        "<table width='100%' cellspacing='0' cellpadding='3' style='border-collapse: collapse;'>"
        f"<tr style='background-color: #e8eef5;'><td><b>{heads[0]}</b></td>"
        f"<td><b>{heads[1]}</b></td><td align='right'><b>{heads[2]}</b></td>"
        f"<td align='right'><b>{heads[3]}</b></td>"
        f"<td style='padding-left: 12px;'><b>{heads[4]}</b></td></tr>"
    )
    for vm in report.vms:
        if vm.has_manifest:
            manifest = e(say(QT_TRANSLATE_NOOP("Report", "yes")))
        else:
            none = e(say(QT_TRANSLATE_NOOP("Report", "none")))
            manifest = f"<b style='color: #b71c1c;'>{none}</b>"
        if vm.fingerprint:
            fingerprint = say(
                QT_TRANSLATE_NOOP("Report", "fingerprint {short}"),
                short=short_fingerprint(vm.fingerprint),
            )
            manifest += f"<br><span class='mono'>{e(fingerprint)}</span>"
        out.append(
            f"<tr><td>{e(vm.name)}</td><td class='mono'>{e(vm.vm_id or _unknown(say))}</td>"
            f"<td align='right'>{len(vm.files)}</td>"
            f"<td align='right'>{e(say.text(Size(vm.total_bytes)))}</td>"
            f"<td style='padding-left: 12px;'>{manifest}</td></tr>"
        )
    out.append("</table>")
    follows = say(
        QT_TRANSLATE_NOOP(
            "Report", "Files, sizes and SHA-256 values of every folder follow on the next page(s)."
        )
    )
    out.append(f"<p class='small'>{e(follows)}</p>")

    checklist = say(QT_TRANSLATE_NOOP("Report", "Checklist for the replica side"))
    out.append(f"<h2>{e(checklist)}</h2>")
    out.append("<table width='100%' cellspacing='0' cellpadding='3'>")
    for n, step in enumerate(report.checklist(), 1):
        out.append(
            f"<tr><td valign='top' style='white-space: nowrap;'>☐&nbsp;<b>{n}.</b></td>"
            f"<td valign='top'>{e(say.text(step))}</td></tr>"
        )
    out.append("</table>")
    for note in report.notes:
        out.append(f"<p class='small'>{e(say.text(note))}</p>")
    by, received, when = (e(t) for t in _signatures(say))
    out.append(f"<h2>{e(say(QT_TRANSLATE_NOOP('Report', 'Handover')))}</h2>")
    out.append(
        "<table width='100%' cellspacing='0' cellpadding='6'>"
        f"<tr><td width='55%'>{by}<br/><br/>______________________________</td>"
        f"<td>{when}<br/><br/>______________________</td></tr>"
        f"<tr><td>{received}<br/><br/>______________________________</td>"
        f"<td>{when}<br/><br/>______________________</td></tr></table>"
    )

    files_head = say(QT_TRANSLATE_NOOP("Report", "Files and SHA-256"))
    out.append(f"<h2 style='page-break-before: always;'>{e(files_head)}</h2>")
    file_head = e(say(QT_TRANSLATE_NOOP("Report", "File")))
    for n, vm in enumerate(report.vms, 1):
        out.append(f"<h3>{n}. {e(vm.name)}</h3>")
        if vm.has_manifest:
            manifest = e(
                say(
                    QT_TRANSLATE_NOOP(
                        "Report", "beside the folder (.hvseed-manifest.json, .sha256)"
                    )
                )
            )
        else:
            none = e(say(QT_TRANSLATE_NOOP("Report", "none: no SHA-256 values")))
            manifest = f"<span style='color: #b71c1c;'>{none}</span>"
        out.append(
            _kv_table(
                [
                    (
                        say(QT_TRANSLATE_NOOP("Report", "VM ID")),
                        f"<span class='mono'>{e(vm.vm_id or _unknown(say))}</span>",
                    ),
                    (
                        say(QT_TRANSLATE_NOOP("Report", "Folder")),
                        f"<span class='mono'>{e(vm.folder)}</span>",
                    ),
                    (
                        say(QT_TRANSLATE_NOOP("Report", "Files")),
                        f"{len(vm.files)}, {e(_size(say, vm.total_bytes))}",
                    ),
                    (say(QT_TRANSLATE_NOOP("Report", "Manifest")), manifest),
                ],
                raw=True,
            )
        )
        out.append(
            "<table width='100%' cellspacing='0' cellpadding='3' "
            "style='border-collapse: collapse; margin-top: 4px;'>"
            f"<tr style='background-color: #e8eef5;'><td><b>{file_head}</b></td>"
            f"<td align='right'><b>{heads[3]}</b></td></tr>"
        )
        not_computed = e(say(QT_TRANSLATE_NOOP("Report", "(not computed)")))
        for i, f in enumerate(vm.files):
            shade = " style='background-color: #f6f8fa;'" if i % 2 else ""
            digest = e(f.sha256) if f.sha256 else not_computed
            exact = say(QT_TRANSLATE_NOOP("Report", "{count} bytes"), count=_grouped(f.size))
            out.append(
                f"<tr{shade}><td>{e(f.path)}<br/><span class='hash'>SHA-256 {digest}</span>"
                f"</td><td align='right' valign='top' style='white-space: nowrap;'>"
                f"{e(say.text(Size(f.size)))}<br/>"
                f"<span class='small'>{e(exact)}</span></td></tr>"
            )
        out.append("</table>")
        for label, commands in report.vm_command_groups(vm):
            cmds = "<br/>".join(e(c) for c in commands)
            out.append(
                f"<p class='small' style='margin-top: 4px;'>{e(say.text(label))}<br/>"
                f"<span class='mono'>{cmds}</span></p>"
            )
    out.append("</body></html>")
    return visible("\n".join(out), keep="\n")


def _kv_table(
    rows: Sequence[tuple[str, str]], *, raw: bool = False, highlight: dict[str, str] | None = None
) -> str:
    cells = []
    for key, value in rows:
        shown = value if raw else html.escape(value)
        colour = (highlight or {}).get(key)
        if colour:
            shown = f"<b style='color: {colour};'>{shown}</b>"
        cells.append(f"<tr><td class='k' valign='top'>{html.escape(key)}</td><td>{shown}</td></tr>")
    return "<table cellspacing='0' cellpadding='2'>" + "".join(cells) + "</table>"
