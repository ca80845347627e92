"""The step list on the left of the wizard, as in Hyper-V Manager's wizards: where am I, what is
done, what is left. Export and import each have their own list; skipped steps say so."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from hvseed_gui.ui.ids import PageId

EXPORT_STEPS: tuple[tuple[str, tuple[PageId, ...]], ...] = (
    (QT_TRANSLATE_NOOP("Steps", "Before You Begin"), (PageId.BEFORE,)),
    (QT_TRANSLATE_NOOP("Steps", "Connect to Host A"), (PageId.CONNECT,)),
    (QT_TRANSLATE_NOOP("Steps", "Choose VMs"), (PageId.VM,)),
    (QT_TRANSLATE_NOOP("Steps", "Specify Replica Server"), (PageId.REPLICA, PageId.CHECK)),
    (QT_TRANSLATE_NOOP("Steps", "Specify Connection Parameters"), (PageId.PARAMS,)),
    (QT_TRANSLATE_NOOP("Steps", "Choose Replication VHDs"), (PageId.VHDS,)),
    (QT_TRANSLATE_NOOP("Steps", "Configure Replication Frequency"), (PageId.FREQUENCY,)),
    (QT_TRANSLATE_NOOP("Steps", "Configure Additional Recovery Points"), (PageId.RECOVERY,)),
    (QT_TRANSLATE_NOOP("Steps", "Choose Initial Replication Method"), (PageId.METHOD,)),
    (QT_TRANSLATE_NOOP("Steps", "Choose the External Drive"), (PageId.MEDIA,)),
    (QT_TRANSLATE_NOOP("Steps", "Summary"), (PageId.SUMMARY,)),
    (QT_TRANSLATE_NOOP("Steps", "Enable and Export"), (PageId.PROGRESS,)),
    (QT_TRANSLATE_NOOP("Steps", "Completion"), (PageId.DONE,)),
)
IMPORT_STEPS: tuple[tuple[str, tuple[PageId, ...]], ...] = (
    (QT_TRANSLATE_NOOP("Steps", "Connect to Host B"), (PageId.IMPORT_CONNECT,)),
    (QT_TRANSLATE_NOOP("Steps", "Choose the Replica VM"), (PageId.IMPORT_VM,)),
    (QT_TRANSLATE_NOOP("Steps", "Find the Copy"), (PageId.IMPORT_FOLDER,)),
    (QT_TRANSLATE_NOOP("Steps", "Check the Copy"), (PageId.IMPORT_CHECK,)),
    (QT_TRANSLATE_NOOP("Steps", "Import"), (PageId.IMPORT_RUN,)),
    (QT_TRANSLATE_NOOP("Steps", "Test Failover"), (PageId.IMPORT_FAILOVER,)),
    (QT_TRANSLATE_NOOP("Steps", "Completion"), (PageId.IMPORT_DONE,)),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Steps", text)


class StepList(QWidget):
    """One label per step; the current one bold with a marker, done ones plain, the rest grey,
    skipped ones (the drive for a network copy) struck through."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepList")
        self.setMinimumWidth(190)
        self.setMaximumWidth(230)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(10, 12, 6, 12)
        self.layout_.setSpacing(6)
        self.labels: list[QLabel] = []
        self.steps: tuple[tuple[str, tuple[PageId, ...]], ...] = ()
        self.setAccessibleName(QCoreApplication.translate("Steps", "Steps of the wizard"))

    def show_for(self, page_id: int, skipped: frozenset[PageId] = frozenset()) -> None:
        """Mark ``page_id``'s step as current; hidden on the start page."""
        if page_id == PageId.START or page_id < 0:
            self.setVisible(False)
            return
        steps = IMPORT_STEPS if page_id >= PageId.IMPORT_CONNECT else EXPORT_STEPS
        if steps is not self.steps:
            self._build(steps)
        current = next((i for i, (_t, ids) in enumerate(steps) if page_id in ids), len(steps))
        for i, (label, (text, ids)) in enumerate(zip(self.labels, steps, strict=True)):
            words = _tr(text)
            if i == current:
                label.setText(f"▶ <b>{words}</b>")
                label.setStyleSheet("")
                label.setAccessibleDescription(QCoreApplication.translate("Steps", "current step"))
            elif any(page in skipped for page in ids):
                label.setText(f"<s>{words}</s>")
                label.setStyleSheet("color: #8a8a8a;")
                label.setAccessibleDescription(QCoreApplication.translate("Steps", "skipped"))
            elif i < current:
                label.setText(f"✔ {words}")
                label.setStyleSheet("")
                label.setAccessibleDescription(QCoreApplication.translate("Steps", "done"))
            else:
                label.setText(words)
                label.setStyleSheet("color: #6a6a6a;")
                label.setAccessibleDescription("")
        self.setVisible(True)

    def current_text(self) -> str:
        """The current step's words (for tests and screen readers)."""
        for label in self.labels:
            if label.text().startswith("▶"):
                return label.text().removeprefix("▶ <b>").removesuffix("</b>")
        return ""

    def _build(self, steps: tuple[tuple[str, tuple[PageId, ...]], ...]) -> None:
        for label in self.labels:
            self.layout_.removeWidget(label)
            label.deleteLater()
        self.labels = []
        while self.layout_.count():
            self.layout_.takeAt(0)
        for _text, _ids in steps:
            label = QLabel()
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            self.labels.append(label)
            self.layout_.addWidget(label)
        self.layout_.addStretch(1)
        self.steps = steps
