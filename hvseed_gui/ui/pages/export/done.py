"""Done: where the copy is, what it holds, and what to do next."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hvseed_gui.core.export_folder import FolderListing
from hvseed_gui.core.manifest import short_fingerprint
from hvseed_gui.core.volumes import BitLockerStatus
from hvseed_gui.ui.format import shown, size
from hvseed_gui.ui.handover import HandoverBox
from hvseed_gui.ui.manifests import ManifestHasher, Outcome
from hvseed_gui.ui.pages.base import HostPage
from hvseed_gui.ui.widgets.hashing_box import HashingBox

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class FingerprintBox(QWidget):
    """Each manifest's fingerprint (SHA-256 of the manifest file), short and in full, to pass
    on apart from the drive: whoever rewrites files and manifest on the way cannot match it."""

    def __init__(self, hasher: ManifestHasher, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hasher = hasher
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        heading = QLabel(self.tr("Manifest fingerprints"))
        heading.setStyleSheet("font-weight: 600;")
        layout.addWidget(heading)
        self.advice = QLabel(
            self.tr(
                "Pass these on apart from the drive, by mail or phone: on the replica host, "
                "hvseed checks that the manifest that arrives is the one written here."
            )
        )
        self.advice.setWordWrap(True)
        layout.addWidget(self.advice)
        self.values = QLabel()
        self.values.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.values.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.values.setAccessibleName(self.tr("Manifest fingerprints"))
        # never squeezed: a clipped fingerprint cannot be read out (the file list gives way)
        self.values.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.values)
        hasher.changed.connect(self.refresh)
        self.refresh()

    def lines(self) -> list[str]:
        """``VM: 1A2B 3C4D 5E6F 7A8B · SHA-256 <all 64 digits>``, one line per manifest."""
        return [
            f"{job.vm.name}: {short_fingerprint(job.fingerprint)} · SHA-256 {job.fingerprint}"
            for job in self.hasher.jobs
            if job.outcome is Outcome.WRITTEN and job.fingerprint
        ]

    def refresh(self) -> None:
        lines = self.lines()
        self.values.setText("\n".join(lines))
        self.setVisible(bool(lines))


class DonePage(HostPage):
    def __init__(self) -> None:
        super().__init__(
            self.tr("The initial copy is ready"),
            self.tr("Replication is enabled and the initial copy is on the drive."),
        )
        # several drives make a long page: it scrolls instead of clipping the next steps
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        scroll.setWidget(inner)
        self.scroll, self.inner = scroll, inner
        self.body.addWidget(scroll)
        self.grow_body()
        self.body = QVBoxLayout(inner)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.body.addWidget(self.where)
        self.files = QTreeWidget()
        self.files.setHeaderLabels([self.tr("File"), self.tr("Size")])
        self.files.setRootIsDecorated(False)
        self.files.setMaximumHeight(150)
        self.files.setMinimumHeight(60)
        self.body.addWidget(self.files)
        self.hashing_box: HashingBox | None = None  # bound to the progress page's hasher
        self.fingerprints: FingerprintBox | None = None  # the same hasher's fingerprints
        self.steps_heading = QLabel(self.tr("What to do next"))
        self.steps_heading.setStyleSheet("font-weight: 600; margin-top: 8px;")
        self.body.addWidget(self.steps_heading)
        self.steps = QLabel()  # written for the drives of this run (encrypted or not)
        self.steps.setWordWrap(True)
        self.steps.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # never squeezed: the file list gives way first
        self.steps.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.body.addWidget(self.steps)
        row = QHBoxLayout()
        self.import_button = QPushButton(self.tr("&Import an initial copy on the replica…"))
        self.import_button.clicked.connect(self._import)
        row.addWidget(self.import_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.handover = HandoverBox(self)  # text report beside the folder, PDF on request
        self.body.addWidget(self.handover)
        self.listing: FolderListing | None = None  # the first folder's
        self.listings: list[FolderListing] = []  # every exported folder's
        self._hashed: set[str] = set()  # folders whose manifest the handover report includes

    def initializePage(self) -> None:
        from hvseed_gui.ui.ids import PageId

        hasher = self.wiz.page_of(PageId.PROGRESS).hasher
        if self.hashing_box is None:
            self.hashing_box = HashingBox(hasher, self)
            self.body.insertWidget(self.body.indexOf(self.files) + 1, self.hashing_box)
            # a parent first: a parentless widget made visible would open as a window of its own
            self.fingerprints = FingerprintBox(hasher, self)
            self.body.insertWidget(self.body.indexOf(self.hashing_box) + 1, self.fingerprints)
            hasher.finished.connect(self._rehashed)
        self.hashing_box.refresh()
        self.fingerprints.refresh()
        self.steps.setText(self.next_steps())
        folder = self.ctx.export_folder
        folders = list(self.ctx.export_folders) or ([folder] if folder else [])
        network = not folders
        self.files.setVisible(not network)
        self.handover.setVisible(not network)
        self.steps.setVisible(not network)  # the steps are about the drive
        self.steps_heading.setVisible(not network)
        if network:
            self.setSubTitle(self.tr("Replication is enabled."))
            self.where.setText(
                self.tr(
                    "Replication is enabled. hvseed sends initial copies only on external media: "
                    "start the "
                    "initial replication in Hyper-V Manager (Replication → Start Initial "
                    "Replication) or with the script from the Summary page's Save as .ps1."
                )
            )
            return
        self.where.setText(
            self.tr("The copy is in %1 on Host A.").replace("%1", shown(", ".join(folders)))
        )
        host = self.ctx.host
        self.run_host_call(
            self.tr("Reading the export folder…"),
            lambda: [host.read_export_folder(f) for f in folders],
            self._listed,
        )

    def next_steps(self) -> str:
        """What to do next, for the drives of this run as they are now: encrypted or not,
        where the recovery key went, how to eject them."""
        from hvseed_gui.ui.ids import PageId

        media = self.wiz.page_of(PageId.MEDIA)
        volumes = (
            media.planned_volumes() if self.ctx.export_folders or self.ctx.export_folder else []
        )
        host = shown(self.ctx.inventory.host_name) if self.ctx.inventory else "Host A"
        lines: list[str] = []
        saved = media.bitlocker.saved_keys
        locked = [v for v in volumes if v.bitlocker is BitLockerStatus.ON]
        plain = [v for v in volumes if v.bitlocker is not BitLockerStatus.ON]
        if locked:  # one sentence per kind, not per drive: several drives stay readable
            text = self.tr(
                "%1 is encrypted with BitLocker. Keep its recovery key apart from the drive "
                "(in your password safe, printed in a locked drawer, or backed up to Active "
                "Directory or Microsoft Entra ID if your policy does that), never on the "
                "drive, and pass the password on by another way than the drive."
            ).replace("%1", ", ".join(shown(v.display_name) for v in locked))
            for v in locked:
                if saved.get(v.mount_point.lower()):
                    text += " " + self.tr("hvseed saved its recovery key to %1.").replace(
                        "%1", shown(saved[v.mount_point.lower()])
                    )
            lines.append(text)
        if plain:
            lines.append(
                self.tr(
                    "%1 is not encrypted, and it carries the VMs' full disks: turn on BitLocker "
                    "To Go before it leaves the building (Explorer: right-click the drive, Turn "
                    "on BitLocker), or hand it over in person."
                ).replace("%1", ", ".join(shown(v.display_name) for v in plain))
            )
        if not volumes:  # reattached after a restart: the drive's state is not known here
            lines.append(
                self.tr(
                    "Encrypt the drive with BitLocker To Go unless it is already (Explorer "
                    "shows a lock on it): it carries the VMs' full disks. Keep its recovery key "
                    "apart from the drive."
                )
            )
        mounts = ", ".join(shown(v.mount_point) for v in volumes) or self.tr("the drive")
        lines.append(
            self.tr(
                "Eject %1 safely on %2 before you unplug it: in File Explorer right-click the "
                "drive and choose Eject (or Safely Remove Hardware in the notification area), "
                "and unplug it only when Windows says it is safe to remove."
            )
            .replace("%1", mounts)
            .replace("%2", host)
        )
        lines.append(
            self.tr(
                "Meanwhile changes keep flowing to the Replica server over the network and wait "
                "there until the import; leave replication running."
            )
        )
        lines.append(
            self.tr(
                "On the Replica server (Host B), connect the drive and run hvseed: Import an "
                "initial copy."
            )
        )
        return "\n".join(f"{n}. {line}" for n, line in enumerate(lines, 1))

    def _listed(self, listings: list[FolderListing] | FolderListing) -> None:
        if isinstance(listings, FolderListing):
            listings = [listings]
        self.listings = listings
        self.listing = listings[0]
        self.files.clear()
        several = len(listings) > 1
        self.files.setRootIsDecorated(several)
        lines = []
        for listing in listings:
            total = sum(entry.size for entry in listing.files)
            parent = None
            if several:
                parent = QTreeWidgetItem([listing.path, size(total)])
                parent.setTextAlignment(1, RIGHT)
                self.files.addTopLevelItem(parent)
            for entry in listing.files:
                item = QTreeWidgetItem([entry.path, size(entry.size)])
                item.setTextAlignment(1, RIGHT)
                if parent is None:
                    self.files.addTopLevelItem(item)
                else:
                    parent.addChild(item)
            lines.append(
                self.tr("%1: %n file(s), %3.", "", len(listing.files))
                .replace("%1", listing.path)
                .replace("%3", size(total))
            )
        self.files.resizeColumnToContents(0)
        if several:
            self.where.setText(self.tr("The copies are on Host A:") + "\n" + "\n".join(lines))
        else:
            listing = listings[0]
            self.where.setText(
                self.tr("The copy is in %1 on Host A: %n file(s), %3.", "", len(listing.files))
                .replace("%1", listing.path)
                .replace("%3", size(sum(entry.size for entry in listing.files)))
            )
        self._start_report(rewrite=False)

    def _start_report(self, *, rewrite: bool) -> None:
        hasher = self.hashing_box.hasher if self.hashing_box is not None else None
        jobs = hasher.jobs if hasher is not None else []
        self._hashed = {j.folder for j in jobs if j.outcome is Outcome.WRITTEN}
        notes = [j.sentence(in_report=True) for j in jobs if j.outcome is not Outcome.WRITTEN]
        self.handover.start(self.wiz, self.listings, notes=notes, rewrite=rewrite)

    def _rehashed(self) -> None:
        """Hash again wrote manifests after the report: write a report that includes them."""
        if self.wiz is None or self.wiz.currentPage() is not self or not self.listings:
            return
        hasher = self.hashing_box.hasher
        written = {j.folder for j in hasher.jobs if j.outcome is Outcome.WRITTEN}
        if written - self._hashed:
            self._start_report(rewrite=True)

    def _import(self) -> None:
        self.wiz.importRequested.emit()

    def nextId(self) -> int:
        return -1
