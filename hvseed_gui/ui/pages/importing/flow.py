"""The import side's pages, built together (they load the Hyper-V seam)."""

from __future__ import annotations

from PySide6.QtWidgets import QWizardPage

from hvseed_gui.ui.ids import PageId


def import_pages() -> dict[PageId, QWizardPage]:
    """Every page of the import path (they share the wizard's ``imp``, its ImportSession)."""
    from hvseed_gui.ui.pages.importing.check import CheckPage
    from hvseed_gui.ui.pages.importing.connect import ImportConnectPage
    from hvseed_gui.ui.pages.importing.done import ImportDonePage
    from hvseed_gui.ui.pages.importing.failover import TestFailoverPage
    from hvseed_gui.ui.pages.importing.folder import FindCopyPage
    from hvseed_gui.ui.pages.importing.many import ImportManyPage, ImportManyRunPage
    from hvseed_gui.ui.pages.importing.run import ImportRunPage
    from hvseed_gui.ui.pages.importing.vm import ReplicaVmPage

    return {
        PageId.IMPORT_CONNECT: ImportConnectPage(),
        PageId.IMPORT_VM: ReplicaVmPage(),
        PageId.IMPORT_FOLDER: FindCopyPage(),
        PageId.IMPORT_MANY: ImportManyPage(),
        PageId.IMPORT_CHECK: CheckPage(),
        PageId.IMPORT_RUN: ImportRunPage(),
        PageId.IMPORT_MANY_RUN: ImportManyRunPage(),
        PageId.IMPORT_FAILOVER: TestFailoverPage(),
        PageId.IMPORT_DONE: ImportDonePage(),
    }
