"""The claim panel: speaker and source pickers, status, tags, notes, evidence and history.

The panel only displays a `ClaimDetail` and emits what the analyst asked for; the window
turns each request into a service command on the undo stack.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from factdesk.services import ClaimDetail
from factdesk.services.claims import HistoryEntry
from factdesk.services.edits import StatusInfo
from factdesk.ui.claims_model import format_value, is_rtl, kind_label, status_icon


def _align(widget: QLineEdit | QLabel, text: str) -> None:
    """Direction of an editable or label text by its own content."""
    rtl = is_rtl(text)
    widget.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    )


class EntityPicker(QComboBox):
    """An editable combo over known speakers/sources; Enter applies, a new name creates one."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._names = QStringListModel(self)  # completion: the names only
        self._items = QStringListModel(self)  # the drop-down: "New…" first, then the names
        self.setModel(self._items)
        comp = QCompleter(self._names, self)  # after setModel, which would replace its model
        comp.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        comp.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(comp)
        self._shown = ""
        self.set_names([])
        le = self.lineEdit()
        le.setClearButtonEnabled(True)
        le.returnPressed.connect(self._apply)
        self.activated.connect(self._activated)

    def set_names(self, names: list[str]) -> None:
        current = self.currentText()
        self._names.setStringList(names)
        self._items.setStringList([self.tr("New…"), *names])
        self.setEditText(current)

    def show_value(self, value: str | None) -> None:
        self._shown = value or ""
        self.setEditText(self._shown)
        _align(self.lineEdit(), self._shown)

    def _activated(self, i: int) -> None:
        if i == 0:  # "New…": ask for the name instead of taking the item's text
            self.setEditText(self._shown)
            self.ask_new()
            return
        self._apply()

    def ask_new(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        name, ok = QInputDialog.getText(self, self.tr("New name"), self.tr("Name:"))
        name = " ".join(name.split())
        if ok and name:
            self.setEditText(name)
            self._apply()

    def _apply(self) -> None:
        text = " ".join(self.currentText().split())
        if text != self._shown:
            self._shown = text
            self.chosen.emit(text)


class ClaimPanel(QWidget):
    statusChosen = Signal(str)
    speakerChosen = Signal(str)
    sourceChosen = Signal(str)
    noteAdded = Signal(str)
    tagAdded = Signal(str)
    tagRemoved = Signal(str)
    evidenceUrlRequested = Signal()
    evidenceFileRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimPanel")
        self.detail: ClaimDetail | None = None
        self._statuses: list[StatusInfo] = []
        self.arabic_labels = False

        self.heading = QLabel()
        self.heading.setObjectName("claimHeading")
        self.claim_text = QLabel()
        self.claim_text.setWordWrap(True)
        self.claim_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.claim_text.setObjectName("claimText")
        self.status = QComboBox()
        self.status.setObjectName("statusPicker")
        self.status.activated.connect(self._status_activated)
        self.speaker = EntityPicker()
        self.speaker.setObjectName("speakerPicker")
        self.speaker.chosen.connect(self.speakerChosen)
        self.source = EntityPicker()
        self.source.setObjectName("sourcePicker")
        self.source.chosen.connect(self.sourceChosen)
        self.value = QLabel()
        self.tags = QListWidget()
        self.tags.setFlow(QListWidget.Flow.LeftToRight)
        self.tags.setWrapping(True)
        self.tags.setMaximumHeight(56)
        self.tags.setObjectName("tagList")
        self.tag_edit = QLineEdit()
        self.tag_edit.setObjectName("tagEdit")
        self._tag_names = QStringListModel(self)
        tag_comp = QCompleter(self._tag_names, self)
        tag_comp.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tag_edit.setCompleter(tag_comp)
        self.tag_edit.returnPressed.connect(self._add_tag)
        remove_tag = QPushButton()
        remove_tag.clicked.connect(self._remove_tag)
        self._remove_tag_button = remove_tag

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._labels = [QLabel() for _ in range(5)]
        form.addRow(self._labels[0], self.status)
        form.addRow(self._labels[1], self.speaker)
        form.addRow(self._labels[2], self.source)
        form.addRow(self._labels[3], self.value)
        tag_row = QHBoxLayout()
        tag_row.addWidget(self.tag_edit, 1)
        tag_row.addWidget(remove_tag)
        tag_box = QVBoxLayout()
        tag_box.addWidget(self.tags)
        tag_box.addLayout(tag_row)
        form.addRow(self._labels[4], tag_box)

        # notes, evidence, history
        self.tabs = QTabWidget()
        notes = QWidget()
        self.notes = QListWidget()
        self.notes.setWordWrap(True)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setObjectName("noteEdit")
        self.note_edit.setMaximumHeight(70)
        self.add_note_button = QPushButton()
        self.add_note_button.clicked.connect(self._add_note)
        QShortcut(QKeySequence("Ctrl+Return"), self.note_edit, self._add_note)
        nl = QVBoxLayout(notes)
        nl.addWidget(self.notes, 1)
        nl.addWidget(self.note_edit)
        nl.addWidget(self.add_note_button, 0, Qt.AlignmentFlag.AlignTrailing)
        ev = QWidget()
        self.evidence = QListWidget()
        self.evidence.itemActivated.connect(self._open_evidence)
        self.add_url_button = QPushButton()
        self.add_url_button.clicked.connect(self.evidenceUrlRequested)
        self.add_file_button = QPushButton()
        self.add_file_button.clicked.connect(self.evidenceFileRequested)
        el = QVBoxLayout(ev)
        el.addWidget(self.evidence, 1)
        eb = QHBoxLayout()
        eb.addStretch(1)
        eb.addWidget(self.add_url_button)
        eb.addWidget(self.add_file_button)
        el.addLayout(eb)
        self.history = QListWidget()
        self.history.setWordWrap(True)
        self.tabs.addTab(notes, "")
        self.tabs.addTab(ev, "")
        self.tabs.addTab(self.history, "")

        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.claim_text)
        lay.addLayout(form)
        lay.addWidget(self.tabs, 1)
        self.retranslate()
        self.show_claim(None)

    def retranslate(self) -> None:
        for label, text in zip(
            self._labels,
            (
                self.tr("S&tatus"),
                self.tr("&Speaker"),
                self.tr("S&ource"),
                self.tr("Value"),
                self.tr("Tags"),
            ),
            strict=True,
        ):
            label.setText(text)
        self._labels[0].setBuddy(self.status)
        self._labels[1].setBuddy(self.speaker)
        self._labels[2].setBuddy(self.source)
        self.speaker.lineEdit().setPlaceholderText(
            self.tr("Who said it (type a new name to add one)")
        )
        self.source.lineEdit().setPlaceholderText(self.tr("Where it was published"))
        self.tag_edit.setPlaceholderText(self.tr("Add a tag and press Enter"))
        self._remove_tag_button.setText(self.tr("Remove tag"))
        self.note_edit.setPlaceholderText(self.tr("Write a note (Ctrl+Enter adds it)"))
        self.add_note_button.setText(self.tr("Add note"))
        self.add_url_button.setText(self.tr("Add URL…"))
        self.add_file_button.setText(self.tr("Add file…"))
        self.tabs.setTabText(0, self.tr("Notes"))
        self.tabs.setTabText(1, self.tr("Evidence"))
        self.tabs.setTabText(2, self.tr("History"))

    # --- data in -------------------------------------------------------------------------
    def set_statuses(self, statuses: list[StatusInfo]) -> None:
        self._statuses = statuses
        self.status.clear()
        for n, s in enumerate(statuses, 1):
            label = (s.label_ar or s.label) if self.arabic_labels else s.label
            prefix = f"{n}  " if n <= 9 else ""
            self.status.addItem(status_icon(s.key), f"{prefix}{label}", s.key)

    def set_names(self, names: list[str], tags: list[str]) -> None:
        self.speaker.set_names(names)
        self.source.set_names(names)
        self._tag_names.setStringList(tags)

    def set_read_only(self, ro: bool) -> None:
        for w in (
            self.status,
            self.speaker,
            self.source,
            self.tag_edit,
            self.note_edit,
            self.add_note_button,
            self.add_url_button,
            self.add_file_button,
            self._remove_tag_button,
        ):
            w.setEnabled(not ro)

    def show_claim(self, d: ClaimDetail | None) -> None:
        self.detail = d
        self.setEnabled(d is not None)
        if d is None:
            self.heading.setText(self.tr("No claim selected"))
            self.claim_text.clear()
            self.value.clear()
            for w in (self.tags, self.notes, self.evidence, self.history):
                w.clear()
            self.speaker.show_value("")
            self.source.show_value("")
            return
        r = d.row
        self.heading.setText(
            self.tr("Claim #%1 · %2").replace("%1", str(r.id)).replace("%2", kind_label(r.kind))
        )
        self.claim_text.setText(r.text)
        rtl = is_rtl(r.text)
        self.claim_text.setAlignment(
            (Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
            | Qt.AlignmentFlag.AlignAbsolute
        )
        self.claim_text.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        i = self.status.findData(r.status)
        self.status.setCurrentIndex(i)
        self.speaker.show_value(r.speaker)
        self.source.show_value(r.source)
        self.value.setText(format_value(r, self.arabic_labels) or "—")
        self.tags.clear()
        for t in d.tags:
            self.tags.addItem(t)
        self.notes.clear()
        for n in d.notes:
            item = QListWidgetItem(f"{n.text}\n— {n.author or ''}, {n.created_at:%Y-%m-%d %H:%M}")
            item.setTextAlignment(_item_alignment(n.text))
            self.notes.addItem(item)
        self.evidence.clear()
        for e in d.evidence:
            ref = e.url or e.file_ref or ""
            item = QListWidgetItem(f"{e.description + ': ' if e.description else ''}{ref}")
            item.setData(Qt.ItemDataRole.UserRole, ref)
            item.setToolTip(ref)
            self.evidence.addItem(item)
        self.history.clear()
        for h in reversed(d.history):
            self.history.addItem(QListWidgetItem(self._history_text(h)))

    def _history_text(self, h: HistoryEntry) -> str:
        """Two lines, each piece bidi-isolated: Arabic values never reorder the English ones."""
        fields = {
            "status": self.tr("Status"),
            "speaker": self.tr("Speaker"),
            "source": self.tr("Source"),
            "note": self.tr("Note"),
            "evidence": self.tr("Evidence"),
            "tag": self.tr("Tag"),
            "entity": self.tr("Speaker or source"),
        }
        actions = {
            "set": self.tr("set"),
            "add": self.tr("added"),
            "remove": self.tr("removed"),
            "undo": self.tr("undone"),
            "merge": self.tr("merged"),
        }

        def value(v: str | None) -> str:
            if not v:
                return "∅"
            if h.field == "status":
                label = next(
                    (
                        (st.label_ar or st.label) if self.arabic_labels else st.label
                        for st in self._statuses
                        if st.key == v
                    ),
                    v,
                )
                return _iso(label)
            return _iso(v if len(v) <= 80 else v[:79] + "…")

        arrow = "←" if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else "→"
        what = f"{fields.get(h.field or '', h.field or '')} ({actions.get(h.action, h.action)})"
        head = f"{_iso(f'{h.at:%Y-%m-%d %H:%M}')} · {_iso(h.analyst or '')}"
        return f"{head}\n{what}: {value(h.old_value)} {arrow} {value(h.new_value)}"

    # --- requests out ----------------------------------------------------------------------
    def _status_activated(self, i: int) -> None:
        key = self.status.itemData(i)
        if self.detail is not None and key and key != self.detail.row.status:
            self.statusChosen.emit(key)

    def _add_note(self) -> None:
        text = self.note_edit.toPlainText().strip()
        if text and self.detail is not None:
            self.noteAdded.emit(text)
            self.note_edit.clear()

    def _add_tag(self) -> None:
        text = " ".join(self.tag_edit.text().split())
        if text and self.detail is not None:
            self.tagAdded.emit(text)
            self.tag_edit.clear()

    def _remove_tag(self) -> None:
        item = self.tags.currentItem()
        if item is not None:
            self.tagRemoved.emit(item.text())

    def _open_evidence(self, item: QListWidgetItem) -> None:
        ref = item.data(Qt.ItemDataRole.UserRole) or ""
        url = QUrl(ref) if "://" in ref else QUrl.fromLocalFile(ref)
        QDesktopServices.openUrl(url)

    def focus_note(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.note_edit.setFocus()


def _iso(text: str) -> str:
    """First-strong isolate (FSI … PDI): the piece keeps its own direction inside the line."""
    return f"\u2068{text}\u2069"


def _item_alignment(text: str) -> Qt.AlignmentFlag:
    side = Qt.AlignmentFlag.AlignRight if is_rtl(text) else Qt.AlignmentFlag.AlignLeft
    return side | Qt.AlignmentFlag.AlignAbsolute


__all__ = ["ClaimPanel", "EntityPicker"]
