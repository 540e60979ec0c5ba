"""The main window: articles | filter bar + claims table + article text | claim panel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QItemSelectionModel,
    QModelIndex,
    QSettings,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QScreen,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from factdesk import __version__
from factdesk.services import (
    ClaimFilter,
    Command,
    add_evidence,
    add_note,
    change_tags,
    get_claim,
    list_entities,
    list_statuses,
    merge_entities,
    set_status,
    tag_claim,
)
from factdesk.services import ui_support as support
from factdesk.store import Database
from factdesk.ui.claim_panel import ClaimPanel
from factdesk.ui.claims_model import ClaimsModel, Query, kind_label, status_icon
from factdesk.ui.commands import ServiceUndo
from factdesk.ui.dialogs import (
    ExportDialog,
    ImportDialog,
    MergeDialog,
    PreferencesDialog,
    show_error,
)
from factdesk.ui.errors import describe
from factdesk.ui.views import ArticlesModel, ArticleView, BidiDelegate, ClaimsView
from factdesk.ui.workers import Task

ARTICLES_SHOWN = 2000


class FilterBar(QWidget):
    """Kind, status, speaker, source, tag and an Arabic-aware search; applies as you type."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setClearButtonEnabled(True)
        self.kind = QComboBox()
        self.status = QComboBox()
        self.speaker = QComboBox()
        self.source = QComboBox()
        self.tag = QComboBox()
        for combo in (self.speaker, self.source, self.tag):
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
            combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            combo.setMinimumContentsLength(10)
        self.article_chip = QToolButton()
        self.article_chip.setVisible(False)
        self.article_chip.setObjectName("articleChip")
        self.count = QLabel()
        self.count.setObjectName("claimCount")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.search, 3)
        for w in (self.kind, self.status, self.speaker, self.source, self.tag):
            lay.addWidget(w, 1)
        lay.addWidget(self.article_chip)
        lay.addWidget(self.count)
        self.article: int | None = None

    def fill(self, statuses: list[tuple[str, str]], names: list[str], tags: list[str]) -> None:
        self.search.setPlaceholderText(self.tr("Search claims (Ctrl+F) — اجتماع finds والاجتماع"))
        keep = self.current()
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItem(self.tr("All kinds"), None)
        for k in ("quote", "statement", "numeric"):
            self.kind.addItem(kind_label(k), k)
        self.kind.blockSignals(False)
        self.status.blockSignals(True)
        self.status.clear()
        self.status.addItem(self.tr("All statuses"), None)
        for key, label in statuses:
            self.status.addItem(status_icon(key), label, key)
        self.status.blockSignals(False)
        for combo, all_text, values in (
            (self.speaker, self.tr("Any speaker"), names),
            (self.source, self.tr("Any source"), names),
            (self.tag, self.tr("Any tag"), tags),
        ):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("", None)
            for v in values:
                combo.addItem(v, v)
            combo.lineEdit().setPlaceholderText(all_text)
            combo.blockSignals(False)
        self.set_current(keep)

    def current(self) -> ClaimFilter:
        def text(combo: QComboBox) -> str | None:
            t = " ".join(combo.currentText().split())
            return t or None

        return ClaimFilter(
            kind=self.kind.currentData(),
            status=self.status.currentData(),
            speaker=text(self.speaker),
            source=text(self.source),
            tag=text(self.tag),
            article=self.article,
            search=self.search_query(),
        )

    def search_query(self) -> str | None:
        """The search as typed, the last word as a prefix while it is being typed
        («بوت» already finds «بوتين»; a space or a word under 3 letters keeps it whole)."""
        text = self.search.text()
        q = text.strip()
        if not q:
            return None
        last = q.split()[-1]
        if not text.endswith(" ") and not last.endswith("*") and len(last) >= 3:
            q += "*"
        return q

    def set_current(self, f: ClaimFilter) -> None:
        for combo, value in ((self.kind, f.kind), (self.status, f.status)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        for combo, value in ((self.speaker, f.speaker), (self.source, f.source), (self.tag, f.tag)):
            combo.blockSignals(True)
            combo.setEditText(str(value) if value is not None else "")
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.setText((f.search or "").removesuffix("*"))
        self.search.blockSignals(False)


def first_run_size(screen: QScreen | None) -> QSize:
    """1440x880, but never larger than the screen's free area (a 1366x768 newsroom laptop
    would otherwise get a window whose edges and status bar are off screen)."""
    size = QSize(1440, 880)
    if screen is not None:
        free = screen.availableGeometry()
        size = size.boundedTo(QSize(int(free.width() * 0.96), int(free.height() * 0.92)))
    return size


class MainWindow(QMainWindow):
    def __init__(
        self,
        db: Database,
        settings: QSettings,
        *,
        read_only: bool = False,
        arabic: bool = False,
    ) -> None:
        super().__init__()
        self.setAcceptDrops(True)
        self.setObjectName("mainWindow")
        self.db = db
        self.settings = settings
        self.read_only = read_only
        self.arabic = arabic
        self.undo = QUndoStack(self)
        self._article_id: int | None = None
        self._statuses = list_statuses(db)
        self._pending_select: int | None = None
        self._tasks: set[Task] = set()

        self.model = ClaimsModel(db, self)
        self.model.arabic_labels = arabic
        self.table = ClaimsView()
        self.table.setModel(self.model)
        self.table.default_widths()
        self.filter_bar = FilterBar()
        self.article_view = ArticleView()
        self.panel = ClaimPanel()
        self.panel.arabic_labels = arabic
        self.panel.set_statuses(self._statuses)
        self.panel.set_read_only(read_only)
        self.articles = ArticlesModel(self)
        self.articles_view = QListView()
        self.articles_view.setObjectName("articlesList")
        self.articles_view.setModel(self.articles)
        self.articles_view.setItemDelegate(BidiDelegate(self.articles_view))
        self.articles_view.setUniformItemSizes(True)
        self.articles_view.setAlternatingRowColors(True)
        self.articles_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.articles_view.setWordWrap(False)
        self.articles_view.setTextElideMode(Qt.TextElideMode.ElideMiddle)

        center = QWidget()
        cl = QVBoxLayout(center)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.filter_bar)
        self.v_split = QSplitter(Qt.Orientation.Vertical)
        self.v_split.setObjectName("centerSplitter")
        self.v_split.addWidget(self.table)
        self.v_split.addWidget(self.article_view)
        self.v_split.setStretchFactor(0, 3)
        self.v_split.setStretchFactor(1, 2)
        cl.addWidget(self.v_split, 1)
        self.h_split = QSplitter(Qt.Orientation.Horizontal)
        self.h_split.setObjectName("mainSplitter")
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.articles_label = QLabel()
        self.articles_label.setObjectName("paneHeading")
        font = self.articles_label.font()
        font.setBold(True)
        self.articles_label.setFont(font)
        ll.addWidget(self.articles_label)
        ll.addWidget(self.articles_view, 1)
        self.h_split.addWidget(left)
        self.h_split.addWidget(center)
        self.h_split.addWidget(self.panel)
        self.h_split.setStretchFactor(0, 1)
        self.h_split.setStretchFactor(1, 4)
        self.h_split.setStretchFactor(2, 2)
        self.h_split.setSizes([230, 900, 360])
        self.setCentralWidget(self.h_split)

        self.loading_label = QLabel()
        self.mode_label = QLabel()
        self.statusBar().addWidget(self.loading_label, 1)
        self.statusBar().addPermanentWidget(self.mode_label)

        self._detail_timer = QTimer(self)
        self._detail_timer.setSingleShot(True)
        self._detail_timer.setInterval(40)
        self._detail_timer.timeout.connect(self._load_detail)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(150)
        self._filter_timer.timeout.connect(self.apply_filters)

        self._build_actions()
        self._wire()
        self.retranslate()
        self._restore_state()
        self.refresh_lookups()
        self.apply_filters()
        self.load_articles()

    # --- actions and menus -----------------------------------------------------------------------
    def _action(
        self,
        name: str,
        shortcut: str | QKeySequence.StandardKey | None,
        slot: object,
        *,
        edit: bool = False,
    ) -> QAction:
        a = QAction(self)
        a.setObjectName(name)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        a.triggered.connect(slot)  # type: ignore[arg-type]
        if edit and self.read_only:
            a.setEnabled(False)
        self.addAction(a)
        return a

    def _build_actions(self) -> None:
        A = self._action
        K = QKeySequence.StandardKey
        self.act_import = A("importFiles", "Ctrl+O", self.import_files, edit=True)
        self.act_import_folder = A("importFolder", "Ctrl+Shift+O", self.import_folder, edit=True)
        self.act_paste = A("importPaste", "Ctrl+Shift+V", self.import_paste, edit=True)
        self.act_export = A("export", "Ctrl+E", self.export)
        self.act_prefs = A("preferences", "Ctrl+,", self.preferences)
        self.act_quit = A("quit", "Ctrl+Q", self.close)
        self.act_undo = self.undo.createUndoAction(self, self.tr("&Undo"))
        self.act_undo.setShortcut(QKeySequence(K.Undo))
        self.act_redo = self.undo.createRedoAction(self, self.tr("&Redo"))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.act_find = A("find", "Ctrl+F", self.focus_search)
        self.act_merge = A("merge", "Ctrl+M", self.merge_entities, edit=True)
        self.act_next = A("nextClaim", "J", self.next_claim)
        self.act_prev = A("previousClaim", "K", self.previous_claim)
        self.act_speaker = A("focusSpeaker", "S", self.focus_speaker, edit=True)
        self.act_source = A("focusSource", "O", self.focus_source, edit=True)
        self.act_note = A("focusNote", "N", self.focus_note, edit=True)
        self.act_tag = A("focusTag", "T", self.focus_tag, edit=True)
        self.act_evidence = A("addEvidence", "E", self.add_evidence_url, edit=True)
        self.act_refresh = A("refresh", "F5", self.refresh_all)
        self.act_clear = A("clearFilters", "Ctrl+Backspace", self.clear_filters)
        self.act_about = A("about", None, self.about)
        self.status_actions: list[QAction] = []
        for n, s in enumerate(self._statuses[:9], 1):
            a = A(f"status_{s.key}", str(n), lambda _=False, k=s.key: self.set_status(k), edit=True)
            a.setIcon(status_icon(s.key))
            self.status_actions.append(a)

        mb = self.menuBar()
        self.m_file = mb.addMenu("")
        for a in (self.act_import, self.act_import_folder, self.act_paste):
            self.m_file.addAction(a)
        self.m_file.addSeparator()
        self.m_file.addAction(self.act_export)
        self.m_file.addSeparator()
        self.m_file.addAction(self.act_prefs)
        self.m_file.addAction(self.act_quit)
        self.m_edit = mb.addMenu("")
        self.m_edit.addAction(self.act_undo)
        self.m_edit.addAction(self.act_redo)
        self.m_edit.addSeparator()
        self.m_edit.addAction(self.act_find)
        self.m_edit.addAction(self.act_clear)
        self.m_edit.addSeparator()
        self.m_edit.addAction(self.act_merge)
        self.m_claim = mb.addMenu("")
        self.m_claim.addAction(self.act_next)
        self.m_claim.addAction(self.act_prev)
        self.m_claim.addSeparator()
        self.m_status = self.m_claim.addMenu("")
        for a in self.status_actions:
            self.m_status.addAction(a)
        self.m_claim.addSeparator()
        for a in (
            self.act_speaker,
            self.act_source,
            self.act_note,
            self.act_tag,
            self.act_evidence,
        ):
            self.m_claim.addAction(a)
        self.m_view = mb.addMenu("")
        self.m_view.addAction(self.act_refresh)
        self.m_help = mb.addMenu("")
        self.m_help.addAction(self.act_about)

    def retranslate(self) -> None:
        ro = self.tr("read-only")
        self.setWindowTitle(f"FactDesk — {self.db.label}" + (f" [{ro}]" if self.read_only else ""))
        self.m_file.setTitle(self.tr("&File"))
        self.m_edit.setTitle(self.tr("&Edit"))
        self.m_claim.setTitle(self.tr("&Claim"))
        self.m_status.setTitle(self.tr("Set &status"))
        self.m_view.setTitle(self.tr("&View"))
        self.m_help.setTitle(self.tr("&Help"))
        self.act_import.setText(self.tr("&Import files…"))
        self.act_import_folder.setText(self.tr("Import a &folder…"))
        self.act_paste.setText(self.tr("Import &pasted text…"))
        self.act_export.setText(self.tr("&Export report (CSV)…"))
        self.act_prefs.setText(self.tr("&Preferences…"))
        self.act_quit.setText(self.tr("&Quit"))
        self.act_find.setText(self.tr("&Find…"))
        self.act_clear.setText(self.tr("&Clear filters"))
        self.act_merge.setText(self.tr("&Merge speakers or sources…"))
        self.act_next.setText(self.tr("&Next claim"))
        self.act_prev.setText(self.tr("&Previous claim"))
        self.act_speaker.setText(self.tr("Edit &speaker"))
        self.act_source.setText(self.tr("Edit s&ource"))
        self.act_note.setText(self.tr("Write a &note"))
        self.act_tag.setText(self.tr("Add a &tag"))
        self.act_evidence.setText(self.tr("Add &evidence URL…"))
        self.act_refresh.setText(self.tr("&Refresh"))
        self.act_about.setText(self.tr("&About FactDesk"))
        for a, s in zip(self.status_actions, self._statuses, strict=False):
            a.setText((s.label_ar or s.label) if self.arabic else s.label)
        self.articles_label.setText(self.tr("Articles (newest first)"))
        # names for screen readers
        self.table.setAccessibleName(self.tr("Claims"))
        self.articles_view.setAccessibleName(self.tr("Articles"))
        self.article_view.setAccessibleName(self.tr("Article text"))
        self.filter_bar.search.setAccessibleName(self.tr("Search claims"))
        self.panel.setAccessibleName(self.tr("Selected claim"))
        self.mode_label.setText(self.tr("Read-only") if self.read_only else "")

    def _wire(self) -> None:
        fb = self.filter_bar
        fb.search.textChanged.connect(self._filter_timer.start)
        for combo in (fb.kind, fb.status):
            combo.currentIndexChanged.connect(self.apply_filters)
        for combo in (fb.speaker, fb.source, fb.tag):
            # a half-typed name would match nothing: apply a known name, a cleared box, Enter
            combo.currentTextChanged.connect(self._name_filter_typed)
            combo.lineEdit().returnPressed.connect(self.apply_filters)
        fb.article_chip.clicked.connect(self.clear_article_filter)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.loading.connect(self._loading)
        self.model.first_rows.connect(self._first_rows)
        self.model.loaded.connect(self._loaded)
        self.model.failed.connect(self._model_failed)
        self.model.modelReset.connect(self._after_reset)
        self.article_view.claimClicked.connect(self.select_claim)
        self.articles_view.clicked.connect(self._article_clicked)
        self.articles_view.activated.connect(self._article_clicked)
        p = self.panel
        p.statusChosen.connect(self.set_status)
        p.speakerChosen.connect(self.set_speaker)
        p.sourceChosen.connect(self.set_source)
        p.noteAdded.connect(self.add_note)
        p.tagAdded.connect(self.add_tag)
        p.tagRemoved.connect(self.remove_tag)
        p.evidenceUrlRequested.connect(self.add_evidence_url)
        p.evidenceFileRequested.connect(self.add_evidence_file)

    # --- settings --------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        s = self.settings
        geo = s.value("window/geometry")
        if isinstance(geo, QByteArray):
            self.restoreGeometry(geo)
        else:
            self.resize(first_run_size(self.screen()))
        for key, split in (
            ("window/mainSplitter", self.h_split),
            ("window/centerSplitter", self.v_split),
        ):
            state = s.value(key)
            if isinstance(state, QByteArray):
                split.restoreState(state)
        header = s.value("table/header")
        if isinstance(header, QByteArray):
            self.table.horizontalHeader().restoreState(header)  # sorts the model too

    def save_state(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/mainSplitter", self.h_split.saveState())
        s.setValue("window/centerSplitter", self.v_split.saveState())
        s.setValue("table/header", self.table.horizontalHeader().saveState())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        Task.cancel_all_and_wait()
        self.model.pool.clear()
        self.model.pool.waitForDone(3000)
        super().closeEvent(event)

    # --- lookups ---------------------------------------------------------------------------------
    def refresh_lookups(self) -> None:
        try:
            names = support.entity_names(self.db)
            tags = support.list_tags(self.db)
        except Exception as exc:
            self.report(exc)
            return
        labels = [((s.label_ar or s.label) if self.arabic else s.label) for s in self._statuses]
        self.filter_bar.fill(
            [(s.key, lab) for s, lab in zip(self._statuses, labels, strict=True)], names, tags
        )
        self.panel.set_names(names, tags)

    def load_articles(self) -> None:
        db = self.db
        # the newest articles: the pane is for reading, the filter bar finds the rest
        task = Task(lambda _p, _c: support.list_articles(db, limit=ARTICLES_SHOWN), self)
        task.succeeded.connect(self._articles_loaded)
        task.failed.connect(self._task_failed)
        self._keep(task)
        task.start()  # not the model's pool: a search never waits behind this

    def _keep(self, task: Task) -> None:
        self._tasks.add(task)
        task.finished.connect(self._task_done)

    def _task_done(self) -> None:
        self._tasks = {t for t in self._tasks if t.running}

    def _articles_loaded(self, articles: object) -> None:
        assert isinstance(articles, list)
        self.articles.set_articles(articles, [s.key for s in self._statuses])

    def _task_failed(self, message: str, logged: bool) -> None:
        show_error(self, self.tr("FactDesk"), message, logged)

    # --- filtering -------------------------------------------------------------------------------
    def apply_filters(self) -> None:
        self._filter_timer.stop()
        q = Query(self.filter_bar.current(), self.model.query.sort, self.model.query.descending)
        if q != self.model.query or self.model.rowCount() == 0:
            self.model.set_query(q)

    def _name_filter_typed(self, text: str) -> None:
        combo = self.sender()
        name = " ".join(text.split())
        if not name or (isinstance(combo, QComboBox) and combo.findText(name) >= 0):
            self._filter_timer.start()

    def clear_filters(self) -> None:
        self.filter_bar.article = None
        self.filter_bar.article_chip.setVisible(False)
        self.filter_bar.set_current(ClaimFilter())
        self.apply_filters()

    def clear_article_filter(self) -> None:
        self.filter_bar.article = None
        self.filter_bar.article_chip.setVisible(False)
        self.apply_filters()

    def _article_clicked(self, index: QModelIndex) -> None:
        aid = index.data(Qt.ItemDataRole.UserRole)
        if aid is None:
            return
        self.filter_bar.article = int(aid)
        self.filter_bar.article_chip.setText(self.tr("Article #%1 ✕").replace("%1", str(aid)))
        self.filter_bar.article_chip.setVisible(True)
        self.apply_filters()

    def _loading(self) -> None:
        self.loading_label.setText(self.tr("Searching…"))

    def _first_rows(self, n: int, ms: float) -> None:
        self._show_count(n)
        if self.model.pool.activeThreadCount():  # the rest of a big match is still coming
            self.filter_bar.count.setText(self.filter_bar.count.text() + "…")

    def _loaded(self, n: int, ms: float) -> None:
        self._show_count(n)
        if n == 0 and self.model.query.filters == ClaimFilter():
            self.loading_label.setText(
                self.tr("This desk is empty: import articles with File → Import files (Ctrl+O).")
            )
            return
        self.loading_label.setText(
            self.tr("%n claim(s) in %1 ms", "", n)
            .replace("%1", f"{ms:.0f}")
            .replace(str(n), f"{n:,}", 1)
        )

    def _show_count(self, n: int) -> None:
        # %n picks the plural form; the figure itself gets thousands separators
        self.filter_bar.count.setText(self.tr("%n claim(s)", "", n).replace(str(n), f"{n:,}"))

    def _model_failed(self, message: str) -> None:
        self.loading_label.setText(message)

    def _after_reset(self) -> None:
        want = self._pending_select
        if want is None and self.panel.detail is not None:
            want = self.panel.detail.row.id
        row = self.model.row_of(want) if want is not None else -1
        if row < 0 and self.model.rowCount() > 0 and want is None:
            row = 0
        if row >= 0:
            self._select_row(row)
            self._pending_select = None

    # --- selection -------------------------------------------------------------------------------
    def _select_row(self, row: int) -> None:
        idx = self.model.index(row, 2)
        self.table.selectionModel().setCurrentIndex(
            idx,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(idx)

    def select_claim(self, claim_id: int) -> None:
        row = self.model.row_of(claim_id)
        if row >= 0:
            self._select_row(row)
        else:  # not in the current filter: show it anyway in the panel and article
            self._show_detail(claim_id)

    def next_claim(self) -> None:
        cur = self.table.currentIndex()
        row = 0 if not cur.isValid() else min(cur.row() + 1, self.model.rowCount() - 1)
        if row >= 0:
            self._select_row(row)

    def previous_claim(self) -> None:
        cur = self.table.currentIndex()
        row = 0 if not cur.isValid() else max(cur.row() - 1, 0)
        if self.model.rowCount():
            self._select_row(row)

    def selected_ids(self) -> list[int]:
        """Ids of the selected rows, from the selection's ranges: Shift+Ctrl+End over a
        million rows must not build a million QModelIndex objects."""
        out: list[int] = []
        for rng in self.table.selectionModel().selection():
            out.extend(self.model.id_window(rng.top(), rng.bottom() + 1))
        out = list(dict.fromkeys(out))
        if not out and self.panel.detail is not None:
            out = [self.panel.detail.row.id]
        return out

    def current_id(self) -> int | None:
        return self.panel.detail.row.id if self.panel.detail is not None else None

    def _current_changed(self, current: QModelIndex, _prev: QModelIndex) -> None:
        self._detail_timer.start()

    def _load_detail(self) -> None:
        cid = self.model.claim_id(self.table.currentIndex().row())
        self._show_detail(cid)

    def _show_detail(self, claim_id: int | None) -> None:
        if claim_id is None:
            self.panel.show_claim(None)
            return
        try:
            detail = get_claim(self.db, claim_id)
            if detail.row.article_id != self._article_id:
                self.article_view.show_article(support.get_article(self.db, detail.row.article_id))
                self._article_id = detail.row.article_id
        except Exception as exc:
            self.report(exc)
            return
        self.panel.show_claim(detail)
        self.panel.set_read_only(self.read_only)
        self.article_view.mark_claim(claim_id)

    # --- edits (each through a service command, on the undo stack) ----------------------------
    def _push(self, command: Command, text: str, claim_ids: list[int]) -> None:
        self.undo.push(
            ServiceUndo(
                self.db,
                command,
                text,
                claim_ids,
                self._after_edit,
                background=len(claim_ids) > self.BIG_SELECTION,
            )
        )
        self._after_edit(None, "do", None, claim_ids=claim_ids, command=command)

    def _after_edit(
        self,
        undo: ServiceUndo | None,
        what: str,
        error: BaseException | None,
        *,
        claim_ids: list[int] | None = None,
        command: Command | None = None,
    ) -> None:
        if undo is not None:
            claim_ids, command = undo.claim_ids, undo.command
        assert claim_ids is not None and command is not None
        if error is not None:
            self.report(error)
        elif command.skipped:
            self.statusBar().showMessage(
                self.tr(
                    "%n claim(s) were changed by someone else since and were left alone",
                    "",
                    len(command.skipped),
                ),
                8000,
            )
        self.model.refresh_claims(claim_ids)
        cur = self.current_id()
        if cur is not None and cur in claim_ids:
            self._show_detail(cur)

    def _edit(self, fn: object, text: str, claim_ids: list[int]) -> Command | None:
        if self.read_only or not claim_ids:
            return None
        try:
            command = fn()  # type: ignore[operator]
        except Exception as exc:
            self.report(exc)
            return None
        self._push(command, text, claim_ids)
        return command

    def set_status(self, key: str) -> None:
        ids = self.selected_ids()
        label = next(
            (
                (s.label_ar or s.label) if self.arabic else s.label
                for s in self._statuses
                if s.key == key
            ),
            key,
        )
        text = self.tr("Set status “%1” on %n claim(s)", "", len(ids)).replace("%1", label)
        if len(ids) > self.BIG_SELECTION and not self.read_only:
            self._big_status(ids, key, label, text)
            return
        if (
            self._edit(lambda: set_status(self.db, ids, key, analyst=self.analyst), text, ids)
            is not None
        ):
            self.statusBar().showMessage(text, 4000)
            if str(self.settings.value("triage/advance", "false")).lower() == "true":
                self.next_claim()

    BIG_SELECTION = 2000

    @property
    def analyst(self) -> str | None:
        """The name recorded in the history: Preferences, else $FACTDESK_ANALYST or the login."""
        name = " ".join(str(self.settings.value("analyst/name", "") or "").split())
        return name or None

    def _big_status(self, ids: list[int], key: str, label: str, text: str) -> None:
        """Many claims (a whole filter): ask first, then write on a worker thread."""
        question = (
            self.tr("Set the status of %1 claims to “%2”?")
            .replace("%1", f"{len(ids):,}")
            .replace("%2", label)
        )
        answer = QMessageBox.question(self, self.tr("Set status"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, analyst = self.db, self.analyst
        task = Task(lambda _p, _c: set_status(db, ids, key, analyst=analyst), self)
        self._big_pending = (text, ids)
        task.succeeded.connect(self._big_status_done)
        task.failed.connect(self._task_failed)
        self._keep(task)
        self.loading_label.setText(
            self.tr("Setting the status of %1 claims…").replace("%1", f"{len(ids):,}")
        )
        task.start()

    def _big_status_done(self, command: object) -> None:
        assert isinstance(command, Command)
        text, ids = self._big_pending
        self._push(command, text, ids)
        self.loading_label.setText(text)

    def set_speaker(self, name: str) -> None:
        cid = self.current_id()
        if cid is not None:
            self._edit(
                lambda: tag_claim(self.db, cid, speaker=name, analyst=self.analyst),
                self.tr("Set the speaker of claim #%1").replace("%1", str(cid)),
                [cid],
            )
            self.refresh_lookups()
            self.table.setFocus()  # Enter applies and hands the keyboard back to triage

    def set_source(self, name: str) -> None:
        cid = self.current_id()
        if cid is not None:
            self._edit(
                lambda: tag_claim(self.db, cid, source=name, analyst=self.analyst),
                self.tr("Set the source of claim #%1").replace("%1", str(cid)),
                [cid],
            )
            self.refresh_lookups()
            self.table.setFocus()  # Enter applies and hands the keyboard back to triage

    def add_note(self, text: str) -> None:
        cid = self.current_id()
        if cid is not None:
            self._edit(
                lambda: add_note(self.db, cid, text, analyst=self.analyst),
                self.tr("Note on claim #%1").replace("%1", str(cid)),
                [cid],
            )
            self.table.setFocus()

    def add_tag(self, tag: str) -> None:
        ids = self.selected_ids()
        self._edit(
            lambda: change_tags(self.db, ids, add=[tag], analyst=self.analyst),
            self.tr("Tag “%1”").replace("%1", tag),
            ids,
        )
        self.refresh_lookups()
        self.table.setFocus()

    def remove_tag(self, tag: str) -> None:
        ids = self.selected_ids()
        self._edit(
            lambda: change_tags(self.db, ids, remove=[tag], analyst=self.analyst),
            self.tr("Remove tag “%1”").replace("%1", tag),
            ids,
        )

    def add_evidence_url(self) -> None:
        cid = self.current_id()
        if cid is None or self.read_only:
            return
        url, ok = QInputDialog.getText(self, self.tr("Add evidence"), self.tr("URL:"))
        if ok and url.strip():
            self._edit(
                lambda: add_evidence(self.db, cid, url=url.strip(), analyst=self.analyst),
                self.tr("Evidence on claim #%1").replace("%1", str(cid)),
                [cid],
            )

    def add_evidence_file(self) -> None:
        cid = self.current_id()
        if cid is None or self.read_only:
            return
        folder = str(self.settings.value("folders/evidence", str(Path.home())))
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Add an evidence file"), folder)
        if name:
            self.settings.setValue("folders/evidence", str(Path(name).parent))
            self._edit(
                lambda: add_evidence(self.db, cid, file_ref=name, analyst=self.analyst),
                self.tr("Evidence on claim #%1").replace("%1", str(cid)),
                [cid],
            )

    def merge_entities(self) -> None:
        try:
            ents = list_entities(self.db)
        except Exception as exc:
            self.report(exc)
            return
        names = [(e.id, f"{e.name}  ({e.speaker_claims + e.source_claims})") for e in ents]
        dlg = MergeDialog(names, self)
        if dlg.exec() != MergeDialog.DialogCode.Accepted:
            return
        self.merge(*dlg.choice())

    def merge(self, source_id: int, target_id: int) -> None:
        """Merge one speaker/source into another, as one undoable step."""
        if self.read_only:
            return
        try:
            cmd = merge_entities(self.db, source_id, target_id, analyst=self.analyst)
        except Exception as exc:
            self.report(exc)
            return
        self.undo.push(
            ServiceUndo(self.db, cmd, self.tr("Merge speakers or sources"), [], self._after_merge)
        )
        self._after_merge(None, "do", None)

    def _after_merge(
        self, _undo: ServiceUndo | None, _what: str, error: BaseException | None
    ) -> None:
        if error is not None:
            self.report(error)
        self.refresh_lookups()
        self.model.refresh()
        cur = self.current_id()
        if cur is not None:
            self._show_detail(cur)

    # --- focus shortcuts -------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.filter_bar.search.setFocus()
        self.filter_bar.search.selectAll()

    def focus_speaker(self) -> None:
        self.panel.speaker.setFocus()
        self.panel.speaker.lineEdit().selectAll()

    def focus_source(self) -> None:
        self.panel.source.setFocus()
        self.panel.source.lineEdit().selectAll()

    def focus_note(self) -> None:
        self.panel.focus_note()

    def focus_tag(self) -> None:
        self.panel.tag_edit.setFocus()

    def keyPressEvent(self, event: object) -> None:
        from PySide6.QtGui import QKeyEvent

        if isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape:
            if self.filter_bar.search.hasFocus() and self.filter_bar.search.text():
                self.filter_bar.search.clear()  # first Esc clears the search, the next leaves
                return
            self.table.setFocus()
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]

    # --- import / export -------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if not self.read_only and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Files, folders or browser links dropped on the window open the import dialog."""
        urls = event.mimeData().urls()
        paths = [u.toLocalFile() for u in urls if u.isLocalFile()]
        web = [u.toString() for u in urls if u.scheme() in ("http", "https")]
        if (paths or web) and not self.read_only:
            dlg = self._import_dialog()
            dlg.add_paths(paths)
            for link in web:  # a link dragged from the browser's address bar or a page
                dlg.url.setText(link)
                dlg.add_url()
            dlg.show()
            event.acceptProposedAction()

    def _import_dialog(self) -> ImportDialog:
        dlg = ImportDialog(self.db, self.settings, self)
        dlg.analyst = self.analyst
        dlg.done.connect(self._after_import)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.import_dialog = dlg
        return dlg

    def import_files(self) -> None:
        dlg = self._import_dialog()
        dlg.show()
        dlg.choose_files()

    def import_folder(self) -> None:
        dlg = self._import_dialog()
        dlg.show()
        dlg.choose_folder()

    def import_paste(self) -> None:
        dlg = self._import_dialog()
        dlg.tabs.setCurrentIndex(1)
        dlg.show()

    def _after_import(self) -> None:
        self.refresh_all()

    def export(self) -> None:
        dlg = ExportDialog(
            self.db, self.settings, self.model.query.filters, self.model.rowCount(), self
        )
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.export_dialog = dlg
        dlg.show()

    def refresh_all(self) -> None:
        self.refresh_lookups()
        self.model.refresh()
        self.load_articles()

    restart_requested = False

    def preferences(self) -> None:
        before = str(self.settings.value("ui/language", "") or "")
        if PreferencesDialog(self.settings, self).exec() != PreferencesDialog.DialogCode.Accepted:
            return
        if str(self.settings.value("ui/language", "") or "") == before:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Preferences"),
            self.tr("Restart FactDesk now to show the new language?"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restart_requested = True  # run() starts a new copy once this one has closed
            self.close()

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About FactDesk"),
            self.tr(
                "FactDesk %1 — a claim-tracking desk for fact-checkers.\n\n"
                "Arabic text is set in Noto Sans Arabic and Noto Naskh Arabic "
                "(SIL Open Font License 1.1, Google LLC)."
            ).replace("%1", __version__),
        )

    def report(self, exc: BaseException) -> None:
        message, logged = describe(exc)
        show_error(self, self.tr("FactDesk"), message, logged)
