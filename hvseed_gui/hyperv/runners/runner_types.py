"""What both runners share: the result of a run, the runner protocol, decoding of PowerShell's
output streams, and the script policies (execution policy, language mode) that stop hvseed's
scripts before they run."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from hvseed_gui.core.said import QT_TRANSLATE_NOOP, said
from hvseed_gui.hyperv.host_errors import HyperVError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RunResult:
    stdout: str
    stderr: str  # CLIXML already turned into readable text
    exit_code: int


class PowerShellRunner(Protocol):
    """Runs one script on one machine and returns its output."""

    description: str  # "this computer", "hv01.corp.local (WinRM, Kerberos over HTTP)"

    def run(
        self, script: str, *, timeout: float, secrets: Mapping[str, str] | None = None
    ) -> RunResult:
        """Run ``script``; raise HostUnreachable / AuthenticationFailed / AccessDenied /
        OperationTimeout for transport failures. ``timeout`` is our own deadline in seconds.

        ``secrets`` (name -> value) reach the script only as environment variables of its
        PowerShell process: never in the script text, a temporary file, or a log."""
        ...


# --- output decoding ------------------------------------------------------------------------

_CLIXML_HEADER = "#< CLIXML"
_CLIXML_NS = "{http://schemas.microsoft.com/powershell/2004/04}"
_CLIXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_OBJS = re.compile(r"<Objs\b.*?</Objs>", re.DOTALL)


def decode_output(data: bytes) -> str:
    """Bytes from a PowerShell stream as text: UTF-8 (bad bytes replaced), BOM dropped, LF ends."""
    text = data.decode("utf-8", errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n")


def oem_codepage() -> str:
    """This computer's OEM code page ("cp850" on German Windows): powershell.exe writes its
    console streams in it unless a script says otherwise. "cp437" off Windows."""
    if os.name == "nt":  # pragma: no cover - Windows only
        import ctypes

        return f"cp{ctypes.windll.kernel32.GetOEMCP()}"  # type: ignore[attr-defined]
    return "cp437"


def decode_console(data: bytes, codepage: str | None = None) -> str:
    """stderr of powershell.exe: UTF-8 when it is valid UTF-8, else the OEM code page (an error
    printed before our script set anything, e.g. the execution policy's, comes in that)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode(codepage or oem_codepage(), errors="replace")
        except LookupError:
            return decode_output(data)
        return text.replace("\r\n", "\n")
    return decode_output(data)


def _unescape_clixml(text: str) -> str:
    raw = _CLIXML_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    # _xD83D__xDE00_ style pairs decode to surrogates; join them into real characters.
    raw = raw.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return raw.replace("\r\n", "\n").replace("\r", "\n")


def clixml_to_text(stderr: str) -> str:
    """Turn PowerShell's CLIXML stderr (``#< CLIXML`` + ``<Objs>``) into the error text.

    Only the error stream (``<S S="Error">``) is kept; progress records and other streams are
    dropped. Text that is not CLIXML is returned unchanged, and so is CLIXML we cannot parse.
    """
    start = stderr.find(_CLIXML_HEADER)
    if start < 0:
        return stderr
    from defusedxml import ElementTree  # small, but only needed here

    before = stderr[:start]
    rest = stderr[start:].replace(_CLIXML_HEADER, "")
    parts: list[str] = []
    for match in _OBJS.finditer(rest):
        try:
            root = ElementTree.fromstring(match.group(0))
        except Exception:  # malformed or hostile XML: show it as it came
            return stderr
        for node in root.iter(f"{_CLIXML_NS}S"):
            if node.get("S", "").lower() == "error" and node.text:
                parts.append(_unescape_clixml(node.text))
    leftover = _OBJS.sub("", rest).strip()
    text = before + "".join(parts).rstrip()
    if leftover:
        text = f"{text}\n{leftover}" if text else leftover
    return text


# --- script policies that stop hvseed's scripts ----------------------------------------------

# Recognised by error IDs and exception type names, which Windows does not translate; the English
# words are a fallback only (a German host says "Sprachmodus" and "deaktiviert").
_POLICY_WORDS = (
    "running scripts is disabled on this system",
    "is not digitally signed",
    "about_execution_policies",
    "execution policy",
)
_POLICY_IDS = ("pssecurityexception",)  # "+ CategoryInfo : ... [], PSSecurityException"
_LANGUAGE_MODE_WORDS = (
    "language mode",  # "... is supported only on core types in this language mode."
)
#: MethodInvocationNotSupportedInConstrainedLanguage, CannotCreateTypeConstrainedLanguage,
#: ConversionSupportedOnlyToCoreTypes, PropertySetterNotSupportedInConstrainedLanguage …
_LANGUAGE_MODE_IDS = ("constrainedlanguage", "supportedonlytocoretypes")
_FQID_RE = re.compile(r"FullyQualifiedErrorId\s*:\s*([^\s,]+)", re.IGNORECASE)


def error_ids(text: str) -> list[str]:
    """The FullyQualifiedErrorIds PowerShell printed in ``text`` (its labels are not localized)."""
    return _FQID_RE.findall(text)


def policy_problem(text: str, where: str = "this computer", fqid: str = "") -> HyperVError | None:
    """The sentence for PowerShell output that says a script policy stopped hvseed's script.

    Group Policy's "Turn on Script Execution" (MachinePolicy/UserPolicy AllSigned or
    RemoteSigned) overrides ``-ExecutionPolicy Bypass``; AppLocker or WDAC script rules put
    PowerShell in ConstrainedLanguage mode, where the .NET calls the scripts need fail. Judged by
    the error IDs and exception type names in ``text`` (and ``fqid``), which are the same in
    every Windows language; English words only as a fallback.
    """
    lowered = " ".join(text.lower().split())
    ids = " ".join([fqid, *error_ids(text)]).lower()
    language = any(i in ids for i in _LANGUAGE_MODE_IDS) or any(
        word in lowered for word in (*_LANGUAGE_MODE_WORDS, *_LANGUAGE_MODE_IDS)
    )
    if language:
        return HyperVError(
            said(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "PowerShell on {where} runs in ConstrainedLanguage mode (AppLocker or Windows "
                    "Defender Application Control script rules), which blocks the .NET calls "
                    "hvseed's scripts need.",
                ),
                where=where,
            ),
            said(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Ask the administrator of the application control policy to let "
                    "administrators run PowerShell in FullLanguage mode there, or run hvseed from "
                    "a computer where they do.",
                )
            ),
            detail=text[-2000:],
        )
    if any(word in lowered for word in (*_POLICY_WORDS, *_POLICY_IDS)):
        return HyperVError(
            said(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Windows PowerShell on {where} refused to run hvseed's script: the script "
                    "execution policy does not allow it. A policy set by Group Policy "
                    '("Turn on Script Execution", AllSigned or RemoteSigned) overrides '
                    "hvseed's -ExecutionPolicy Bypass.",
                ),
                where=where,
            ),
            said(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Run Get-ExecutionPolicy -List to see which scope sets it; ask for the policy "
                    "to allow local scripts for administrators, or manage this host from another "
                    "computer over WinRM (--host), which runs no script files.",
                )
            ),
            detail=text[-2000:],
        )
    return None
