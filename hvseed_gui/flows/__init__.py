"""The sequences that change a host, written once (no Qt): the CLI and the wizard are two faces.

``ExportRun`` (Host A): preflight everything -> enable -> export -> hash -> manifest -> handover.
``ImportRun`` (replica host): find -> gate -> verify -> import -> follow health -> test failover.
Each step reports typed ``FlowEvent``s to a callback and honours a ``CancelToken``; only this
package calls a host's enable, export, import and failover operations.
"""

from hvseed_gui.flows.events import CancelToken, FlowEvent, Phase, Refused, Status

__all__ = ["CancelToken", "FlowEvent", "Phase", "Refused", "Status"]
