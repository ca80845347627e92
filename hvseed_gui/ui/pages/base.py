"""Common ground for pages that talk to a host: a worker slot, a busy bar, a message area."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget, QWizardPage

from hvseed_gui.ui.tasks import TaskRunner, describe_error
from hvseed_gui.ui.widgets.keyboard import usable
from hvseed_gui.ui.widgets.status import BusyIndicator, StatusLabel

if TYPE_CHECKING:
    from hvseed_gui.ui.context import WizardContext
    from hvseed_gui.ui.wizard import EnableReplicationWizard


class HostPage(QWizardPage):
    """A page with ``self.body`` (a QVBoxLayout), a message area and a busy indicator.

    ``run_host_call`` runs a function off the GUI thread; while it runs the page is incomplete
    (Next disabled). ``validate_async`` turns a host call into the page's *Next* check: the first
    press starts the call and stays; when the call succeeds the wizard moves on by itself.
    """

    def __init__(self, title: str, subtitle: str = "") -> None:
        super().__init__()
        self.setTitle(title)
        if subtitle:
            self.setSubTitle(subtitle)
        outer = QVBoxLayout(self)
        self.outer = outer
        self.body = QVBoxLayout()
        outer.addLayout(self.body)
        outer.addStretch(1)
        self.status = StatusLabel(self)
        self.busy = BusyIndicator(self)
        outer.addWidget(self.status)
        outer.addWidget(self.busy)
        self.runner = TaskRunner(self)
        self.runner.busyChanged.connect(self._busy_changed)
        self.busy.cancelRequested.connect(self.cancel_call)
        self._validated = False

    def grow_body(self) -> None:
        """Let the page's content (a table) take the free height instead of a blank gap."""
        self.outer.setStretch(0, 1)
        self.outer.setStretch(1, 0)

    # -- wiring ------------------------------------------------------------------------------

    @property
    def wiz(self) -> EnableReplicationWizard:
        return self.wizard()  # type: ignore[return-value]

    @property
    def ctx(self) -> WizardContext:
        return self.wiz.ctx

    # -- host calls --------------------------------------------------------------------------

    def run_host_call(
        self,
        what: str,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        *,
        cancellable: bool = True,
    ) -> None:
        """Run ``fn`` off the GUI thread. Pass ``cancellable=False`` for every call that
        changes the host: it offers no *Stop waiting* and its result is never dropped."""
        self.busy.start(what)
        self.runner.run(fn, on_done, on_error or self.show_error, cancellable=cancellable)
        self._show_stop_button()

    def _show_stop_button(self) -> None:
        changing = self.runner.changing
        self.busy.cancel_button.setVisible(not changing)
        self.busy.setToolTip(
            self.tr(
                "hvseed is changing the host and waits for its answer; stopping now would "
                "leave the change untracked."
            )
            if changing
            else ""
        )

    def cancel_call(self) -> None:
        if self.runner.changing:  # a change is under way: its answer must not be lost
            return
        self.runner.abandon()
        self.status.show_message("warning", self.tr("Stopped waiting for the host."))

    def show_error(self, exc: BaseException) -> None:
        self.status.show_message("error", describe_error(exc))

    def _busy_changed(self, busy: bool) -> None:
        if not busy:
            self.busy.stop()
        self._show_stop_button()
        self.completeChanged.emit()
        wiz = self.wizard()
        if (
            wiz is not None
            and wiz.currentPage() is self
            and hasattr(wiz, "focus_page")
            and not usable(QApplication.focusWidget())
        ):
            wiz.focus_page()  # Stop waiting went away (or Next came back): focus follows

    def focus_target(self) -> QWidget | None:
        """Override: the widget that takes the keyboard focus when the page opens (None: the
        first empty field, else Next)."""
        return None

    def isComplete(self) -> bool:
        return not self.runner.busy and self.page_complete()

    def page_complete(self) -> bool:
        """Override: whether the page's own inputs are valid."""
        return True

    # -- asynchronous Next -------------------------------------------------------------------

    def validate_async(
        self, what: str, fn: Callable[[], Any], on_done: Callable[[Any], bool]
    ) -> bool:
        """Use from ``validatePage``: ``on_done(result)`` returns True to move on."""
        if self._validated:
            self._validated = False
            return True
        self.status.clear_message()

        def done(result: Any) -> None:
            if self.wiz is None or self.wiz.currentPage() is not self:
                return  # the admin went Back meanwhile: this answer is for a page left behind
            if on_done(result):
                self._validated = True
                self.wiz.next()

        self.run_host_call(what, fn, done)
        return False

    def cleanupPage(self) -> None:  # noqa: N802 - Qt override (Back)
        """Back: drop a read-only call in flight (a pending Next check) and forget that the
        page was validated, so the next Next checks the inputs then on screen."""
        self.runner.abandon()
        self._validated = False
        super().cleanupPage()
