"""The Enable Replication wizard (Host A): pages, shared context, and the plan they build."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractButton, QPushButton, QWidget, QWizard

from hvseed_gui.ui.context import RunningExport, SecretStore, WizardContext
from hvseed_gui.ui.export_session import ExportSession
from hvseed_gui.ui.ids import PageId
from hvseed_gui.ui.pages.start import StartPage
from hvseed_gui.ui.prompt import Prompt
from hvseed_gui.ui.widgets.keyboard import first_control, first_input, usable
from hvseed_gui.ui.widgets.steps import StepList

if TYPE_CHECKING:
    from hvseed_gui.core.plan import ReplicationPlan
    from hvseed_gui.hyperv.host import VirtualMachine

DEMO_REPLICA = "hv-b.lab.local"


class EnableReplicationWizard(QWizard):
    """Enable replication for one or more VMs and export their initial copies to USB drives.

    ``settings`` (QSettings) remembers connection choices and a running export; ``prompt``
    asks every question (tests pass a ScriptedPrompt); ``secrets`` stores remembered passwords.
    With ``defer_pages`` only the start page exists until it is first painted; the other pages
    (and the Hyper-V seam they import) are built right after, so the window appears at once.
    ``pagesReady`` is emitted when every page exists.
    """

    pagesReady = Signal()

    importRequested = Signal()

    def __init__(
        self,
        *,
        settings: QSettings | None = None,
        prompt: Prompt | None = None,
        secrets: SecretStore | None = None,
        demo: bool = False,
        lab_dir: str = "",
        poll_ms: int = 1000,
        defer_pages: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("hvseed — Enable Replication"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.prompt = prompt or Prompt()
        self.poll_ms = poll_ms
        settings = settings or QSettings()
        self.ctx = WizardContext(
            settings=settings, secrets=secrets or SecretStore(), demo=demo, lab_dir=lab_dir
        )
        self.ctx.reattach_peek = RunningExport.peek(settings)
        self.session = ExportSession()  # the Enable side's choices, written by its pages
        self.pages_ready = False
        self.pages = {PageId.START: StartPage()}
        for page_id, page in self.pages.items():
            self.setPage(page_id, page)
        self.setStartId(PageId.START)
        self.importRequested.connect(self.switch_to_import)
        self.currentIdChanged.connect(self._keep_enter_for_next)
        self.currentIdChanged.connect(lambda _id: QTimer.singleShot(0, self.focus_page))
        self.steps = StepList()  # where am I, what is left: as Hyper-V Manager's wizards
        self.setSideWidget(self.steps)
        self.steps.hide()
        self.currentIdChanged.connect(self._show_step)
        self.resize(1000, 640)  # the step list takes the left 200 pixels
        if defer_pages:
            self.pages[PageId.START].firstPainted.connect(
                lambda: QTimer.singleShot(0, self.build_pages)
            )
        else:
            self.build_pages()

    def build_pages(self) -> None:
        """Create every page after the start page (imports the seam)."""
        if self.pages_ready:
            return
        from hvseed_gui.ui.pages.export.before import BeforePage
        from hvseed_gui.ui.pages.export.check import CheckPage
        from hvseed_gui.ui.pages.export.connect import ConnectPage
        from hvseed_gui.ui.pages.export.done import DonePage
        from hvseed_gui.ui.pages.export.media import MediaPage
        from hvseed_gui.ui.pages.export.method import MethodPage
        from hvseed_gui.ui.pages.export.params import ParamsPage
        from hvseed_gui.ui.pages.export.progress import ProgressPage
        from hvseed_gui.ui.pages.export.replica import ReplicaPage
        from hvseed_gui.ui.pages.export.schedule import FrequencyPage, RecoveryPage
        from hvseed_gui.ui.pages.export.summary import SummaryPage
        from hvseed_gui.ui.pages.export.vhds import VhdsPage
        from hvseed_gui.ui.pages.export.vm import VmPage

        self.ctx.reattach = RunningExport.load(self.ctx.settings)
        more = {
            PageId.BEFORE: BeforePage(),
            PageId.CONNECT: ConnectPage(),
            PageId.VM: VmPage(),
            PageId.REPLICA: ReplicaPage(),
            PageId.CHECK: CheckPage(),
            PageId.PARAMS: ParamsPage(),
            PageId.VHDS: VhdsPage(),
            PageId.FREQUENCY: FrequencyPage(),
            PageId.RECOVERY: RecoveryPage(),
            PageId.METHOD: MethodPage(),
            PageId.MEDIA: MediaPage(),
            PageId.SUMMARY: SummaryPage(),
            PageId.PROGRESS: ProgressPage(),
            PageId.DONE: DonePage(),
        }
        for page_id, page in more.items():
            self.setPage(page_id, page)
        from hvseed_gui.ui.flow_bridge import FlowBridge
        from hvseed_gui.ui.import_state import ImportSession
        from hvseed_gui.ui.pages.importing.flow import import_pages

        # the import side's session, and the bridge its flow reports through
        self.imp = ImportSession(bridge=FlowBridge(self))
        imports = import_pages()
        for page_id, page in imports.items():
            self.setPage(page_id, page)
        more.update(imports)
        self.pages.update(more)
        self.pages_ready = True
        self.pages[PageId.START].completeChanged.emit()
        self.pagesReady.emit()

    def _keep_enter_for_next(self, _page_id: int) -> None:
        """Enter means Next (or Finish), never a button inside the page.

        In a dialog every push button is an auto-default: while Next is disabled (a host call
        runs), Enter would press the first one on the page, e.g. "Stop waiting"."""
        page = self.currentPage()
        if page is not None:
            for button in page.findChildren(QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)

    def _show_step(self, page_id: int) -> None:
        skipped: set[PageId] = set()
        method = self.pages.get(PageId.METHOD)
        if method is not None and page_id > PageId.METHOD and method.nextId() != PageId.MEDIA:
            skipped.add(PageId.MEDIA)  # a network copy needs no drive
        self.steps.show_for(page_id, frozenset(skipped))

    def forward_button(self) -> QAbstractButton | None:
        """The button that moves on from the current page (Next, Commit or Finish), if shown."""
        for which in (
            QWizard.WizardButton.CommitButton,
            QWizard.WizardButton.NextButton,
            QWizard.WizardButton.FinishButton,
        ):
            button = self.button(which)
            if button.isVisible():
                return button
        return None

    def focus_page(self) -> None:
        """Put the keyboard focus where the admin continues: the page's own choice
        (``focus_target``), else its first empty field, else Next, else its first control.
        Never on a hidden widget such as the busy indicator's *Stop waiting*."""
        page = self.currentPage()
        if page is None or not self.isVisible():
            return
        pick = getattr(page, "focus_target", None)
        target = pick() if pick is not None else None
        if not usable(target):
            target = first_input(page)
        if not usable(target):
            forward = self.forward_button()
            target = forward if usable(forward) else first_control(page)
        if not usable(target):
            target = self.button(QWizard.WizardButton.CancelButton)
        if usable(target):
            target.setFocus(Qt.FocusReason.TabFocusReason)

    def switch_to_import(self) -> None:
        """The Done page's Import button: start over on the import side (replica host)."""
        self.restart()
        self.ctx.forget_run()
        self.pages[PageId.START].import_.setChecked(True)
        self.next()

    # -- typed access to pages ---------------------------------------------------------------

    def page_of(self, page_id: PageId):
        return self.pages[page_id]

    def excluded_paths(self) -> tuple[str, ...]:
        """Left-out disks of every chosen VM (disk paths are unique, so one list serves all)."""
        self.pages[PageId.VHDS].contribute(self.session)
        return self.session.excluded_paths

    def excluded_for(self, vm: VirtualMachine) -> tuple[str, ...]:
        """The left-out disks of one VM, in the VM's disk order."""
        self.excluded_paths()
        return self.session.excluded_for(vm)

    def chosen_vms(self) -> list[VirtualMachine]:
        """Every VM of this run (several share one set of replication settings)."""
        return list(self.ctx.vms) or ([self.ctx.vm] if self.ctx.vm else [])

    def vm_changed(self, vm: VirtualMachine) -> None:
        """A different VM was chosen: the drive checks and chosen drives of the old one go."""
        self.ctx.vm = vm
        self.ctx.drives = []
        self.pages[PageId.MEDIA].forget_vm_state()

    def demo_replica_name(self) -> str:
        """The replica host of the lab the wizard is connected to (``lab_info``), else the
        lab's usual name. Only a lab already opened is read: nothing is created from here."""
        from hvseed_gui.hyperv.host_target import HostKind, lab_info

        target = self.ctx.target
        if target is not None and target.kind is HostKind.LAB and target.lab_dir:
            try:
                return lab_info(target.lab_dir).replica
            except (OSError, ValueError):  # damaged or gone: the usual name will do
                pass
        return DEMO_REPLICA

    #: the settings pages, in page order: each writes its part of the session
    SETTINGS_PAGES = (
        PageId.REPLICA,
        PageId.PARAMS,
        PageId.VHDS,
        PageId.FREQUENCY,
        PageId.RECOVERY,
        PageId.METHOD,
        PageId.MEDIA,
    )

    def build_plan(self) -> ReplicationPlan:
        """The plan from the session, as the pages describe it now (may be invalid before the
        last page): each settings page writes its own part, none reads another's widgets."""
        for page_id in self.SETTINGS_PAGES:
            if page_id in self.pages:
                self.pages[page_id].contribute(self.session)
        inventory = self.ctx.inventory
        return self.session.plan(inventory.host_name if inventory else "", self.chosen_vms())

    # -- closing -----------------------------------------------------------------------------

    def done(self, result: int) -> None:
        """Closing never stops an export: stop polling; the running export stays remembered.

        Closing is refused while a BitLocker recovery key would be lost (unless the admin
        insists): it exists only in memory until it is saved to a file."""
        if not self._recovery_key_safe():
            return
        for page in self.pages.values():
            timer = getattr(page, "timer", None)
            if timer is not None:
                timer.stop()
        if PageId.MEDIA in self.pages:  # drive polling and the Windows device filter end too
            self.pages[PageId.MEDIA].stop_polling()
        if PageId.PROGRESS in self.pages:
            self.pages[PageId.PROGRESS].stop_watching()
        if PageId.IMPORT_RUN in self.pages:  # the import goes on in Hyper-V; hashing stops
            self.pages[PageId.IMPORT_RUN].stop_watching()
            self.pages[PageId.IMPORT_CHECK].cancel_verify(quiet=True)
            self.pages[PageId.IMPORT_MANY_RUN].stop_watching()
        super().done(result)

    def _recovery_key_safe(self) -> bool:
        """Whether closing now loses no BitLocker recovery key (asks the admin if it would)."""
        media = self.pages.get(PageId.MEDIA)
        if media is None:
            return True
        panel = media.bitlocker
        if panel.runner.busy:
            return self.prompt.confirm(
                self,
                self.tr("BitLocker is being turned on"),
                self.tr(
                    "hvseed is still turning on BitLocker for the drive; its recovery key "
                    "arrives when that finishes. Close anyway, without the recovery key file?"
                ),
            )
        if panel.unsaved is None:
            return True
        if self.prompt.confirm(
            self,
            self.tr("The recovery key is not saved"),
            self.tr(
                "BitLocker is on, but its recovery key is not saved in a file yet. Close without "
                "saving it? Without the key, a forgotten password locks the drive for good."
            ),
        ):
            return True
        panel.choose_key_file()  # the save dialog; the window stays open either way
        return False
