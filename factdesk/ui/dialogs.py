"""Import, export, merge and preferences dialogs; long work runs in a `Task` with Cancel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from factdesk.services import ArticleMeta, ClaimFilter, ImportReport
from factdesk.store import Database
from factdesk.ui.errors import log_path
from factdesk.ui.workers import Task


def show_error(parent: QWidget | None, title: str, message: str, logged: bool = False) -> None:
    """One human line; for an unexpected error, where the details were written."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent
    )
    if logged:
        box.setInformativeText(
            QCoreApplication.translate("Dialogs", "The details were written to %1").replace(
                "%1", str(log_path())
            )
        )
    box.setObjectName("errorBox")
    box.open()


class _WorkDialog(QDialog):
    """Shared: a progress bar, a status line, Start/Cancel/Close."""

    done = Signal()

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.task: Task | None = None
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.start_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setVisible(False)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self._cancel)
        self.close_button.clicked.connect(self.accept)

    def start(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _run(self, job: Any) -> None:
        self.task = Task(job, self)
        self.task.progress.connect(self._progress)
        self.task.succeeded.connect(self._succeeded)
        self.task.failed.connect(self._failed)
        self.task.finished.connect(self._finished)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.start_button.setEnabled(False)
        self.task.start()

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.setFormat(f"{done:,} / {total:,}")

    def _cancel(self) -> None:
        if self.task is not None and self.task.running:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))
        else:
            self.reject()

    def _succeeded(self, result: object) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _failed(self, message: str, logged: bool) -> None:
        self.status.setText(message)
        show_error(self, self.windowTitle(), message, logged)

    def _finished(self) -> None:
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.close_button.setVisible(True)
        self.close_button.setDefault(True)
        self.done.emit()

    def reject(self) -> None:
        if self.task is not None and self.task.running:
            self.task.cancel()  # let it stop after the current article/batch
            return
        super().reject()


class ImportDialog(_WorkDialog):
    """Files, a folder, URLs, or pasted text; a summary at the end."""

    def __init__(self, db: Database, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.db = db
        self.settings = settings
        self.report: ImportReport | None = None
        self.extractor: Any = None  # None: the engine (tests pass a slower or fake one)
        self.analyst: str | None = None  # None: the services' default ($FACTDESK_ANALYST, login)
        self.setWindowTitle(self.tr("Import articles"))
        self.tabs = QTabWidget()
        files = QWidget()
        self.paths = QListWidget()
        self.paths.setObjectName("importPaths")
        add_files = QPushButton(self.tr("Add files…"))
        add_files.clicked.connect(self.choose_files)
        add_folder = QPushButton(self.tr("Add folder…"))
        add_folder.clicked.connect(self.choose_folder)
        clear = QPushButton(self.tr("Clear"))
        clear.clicked.connect(self.paths.clear)
        self.url = QLineEdit()
        self.url.setObjectName("importUrl")
        self.url.setPlaceholderText(self.tr("https://… an article or a feed"))
        self.url.returnPressed.connect(self.add_url)
        add_url = QPushButton(self.tr("Add URL"))
        add_url.clicked.connect(self.add_url)
        fl = QVBoxLayout(files)
        fl.addWidget(
            QLabel(
                self.tr(
                    "Text files (.txt, .md), saved pages (.html), Word files (.docx), "
                    "feeds (.rss, .atom, .xml), folders of them, and web addresses:"
                )
            )
        )
        fl.addWidget(self.paths, 1)
        ul = QHBoxLayout()
        ul.addWidget(self.url, 1)
        ul.addWidget(add_url)
        fl.addLayout(ul)
        fb = QHBoxLayout()
        fb.addWidget(add_files)
        fb.addWidget(add_folder)
        fb.addStretch(1)
        fb.addWidget(clear)
        fl.addLayout(fb)
        paste = QWidget()
        self.paste_title = QLineEdit()
        self.paste_outlet = QLineEdit()
        self.paste_url = QLineEdit()
        self.paste_text = QPlainTextEdit()
        self.paste_text.setObjectName("pasteText")
        pl = QFormLayout(paste)
        pl.addRow(self.tr("Title"), self.paste_title)
        pl.addRow(self.tr("Outlet"), self.paste_outlet)
        pl.addRow(self.tr("URL"), self.paste_url)
        pl.addRow(self.tr("Text"), self.paste_text)
        self.tabs.addTab(files, self.tr("Files, folders and URLs"))
        self.tabs.addTab(paste, self.tr("Pasted text"))
        self.tabs.addTab(self._feed_tab(), self.tr("Feed"))
        self.summary = QPlainTextEdit()
        self.summary.setReadOnly(True)
        self.summary.setVisible(False)
        self.summary.setObjectName("importSummary")
        self.start_button.setText(self.tr("Import"))
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(self.summary, 1)
        lay.addWidget(self.progress)
        lay.addWidget(self.status)
        lay.addWidget(self.buttons)
        self.resize(640, 460)

    def _last_folder(self) -> str:
        return str(self.settings.value("folders/import", str(Path.home())))

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import files"),
            self._last_folder(),
            self.tr(
                "Articles (*.txt *.text *.md *.html *.htm *.docx *.rss *.atom *.xml);;"
                "All files (*)"
            ),
        )
        self.add_paths(files)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Import a folder"), self._last_folder()
        )
        if folder:
            self.add_paths([folder])

    def add_paths(self, paths: list[str]) -> None:
        for p in paths:
            self.paths.addItem(p)
        if paths:
            first = Path(paths[0])
            self.settings.setValue("folders/import", str(first if first.is_dir() else first.parent))
        self.tabs.setCurrentIndex(0)

    def _feed_tab(self) -> QWidget:
        """An RSS/Atom feed (URL or file): list its items, tick the ones to import."""
        tab = QWidget()
        self.feed_source = QLineEdit()
        self.feed_source.setObjectName("feedSource")
        self.feed_source.setPlaceholderText(self.tr("https://…/rss, or a .rss/.atom/.xml file"))
        self.feed_source.returnPressed.connect(self.list_feed_items)
        list_button = QPushButton(self.tr("List items"))
        list_button.clicked.connect(self.list_feed_items)
        self.feed_items = QListWidget()
        self.feed_items.setObjectName("feedItems")
        self._feed_task: Task | None = None
        self._feed_listed: str | None = None  # the source the list shows
        self._feed_pending = ""
        row = QHBoxLayout()
        row.addWidget(self.feed_source, 1)
        row.addWidget(list_button)
        lay = QVBoxLayout(tab)
        lay.addLayout(row)
        lay.addWidget(QLabel(self.tr("Tick the items to import:")))
        lay.addWidget(self.feed_items, 1)
        return tab

    def list_feed_items(self) -> None:
        """Read the feed on a worker thread (a URL may take up to the fetch deadline)."""
        from factdesk.services import list_feed

        source = self.feed_source.text().strip()
        if not source:
            self.status.setText(self.tr("Enter a feed address or file first."))
            return
        self.status.setText(self.tr("Reading the feed…"))
        self.feed_items.clear()
        self._feed_listed = None
        self._feed_pending = source
        task = Task(lambda _progress, _cancelled: list_feed(source), self)
        # bound methods, not lambdas: Qt then runs them on this (the GUI) thread
        task.succeeded.connect(self._show_feed)
        task.failed.connect(self._feed_failed)
        self._feed_task = task
        task.start()

    def _feed_failed(self, message: str, _logged: bool) -> None:
        self.status.setText(message)

    def _show_feed(self, feed: Any) -> None:
        source = self._feed_pending
        for item in feed.items:
            when = item.published.isoformat() if item.published else ""
            label = f"{item.number}. {item.title or self.tr('(no title)')}  {when}".rstrip()
            entry = QListWidgetItem(item.problem or label)
            entry.setData(Qt.ItemDataRole.UserRole, item.number)
            if item.problem:
                entry.setFlags(Qt.ItemFlag.NoItemFlags)  # broken: shown, not choosable
            else:
                entry.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                entry.setCheckState(Qt.CheckState.Unchecked)
            self.feed_items.addItem(entry)
        self._feed_listed = source
        self.status.setText(
            self.tr("%1: %2 item(s).")
            .replace("%1", feed.title or source)
            .replace("%2", str(len(feed.items)))
        )

    def chosen_feed_items(self) -> list[int]:
        return [
            int(it.data(Qt.ItemDataRole.UserRole))
            for it in (self.feed_items.item(i) for i in range(self.feed_items.count()))
            if it.checkState() == Qt.CheckState.Checked
        ]

    def add_url(self) -> None:
        """An http(s) address from the URL field joins the list (fetched when importing)."""
        from factdesk.sources.fetch import is_url

        url = self.url.text().strip()
        if not is_url(url):
            self.status.setText(self.tr("Enter an address starting with http:// or https://."))
            return
        self.paths.addItem(url)
        self.url.clear()
        self.status.clear()
        self.tabs.setCurrentIndex(0)

    def start(self) -> None:
        from factdesk.services import import_paths, import_texts

        db, extractor, analyst = self.db, self.extractor, self.analyst
        if self.tabs.currentIndex() == 2:
            from factdesk.services import import_feed

            source, numbers = self._feed_listed, self.chosen_feed_items()
            if source is None or not numbers:
                self.status.setText(self.tr("List the feed and tick the items to import first."))
                return
            self.status.setText(self.tr("Importing the chosen items…"))
            self._run(
                lambda progress, _cancelled: import_feed(
                    db, source, numbers, progress=progress, extractor=extractor, analyst=analyst
                )
            )
            return
        if self.tabs.currentIndex() == 1:
            text = self.paste_text.toPlainText()
            if not text.strip():
                self.status.setText(self.tr("Paste the article's text first."))
                return
            meta = ArticleMeta(
                title=self.paste_title.text().strip() or None,
                outlet=self.paste_outlet.text().strip() or None,
                url=self.paste_url.text().strip() or None,
            )
            self.status.setText(self.tr("Importing the pasted text…"))
            self._run(
                lambda progress, cancelled: import_texts(
                    db,
                    [(text, meta)],
                    progress=progress,
                    cancelled=cancelled,
                    extractor=extractor,
                    analyst=analyst,
                )
            )
            return
        paths = [self.paths.item(i).text() for i in range(self.paths.count())]
        if not paths:
            self.status.setText(self.tr("Add files, a folder or a URL first."))
            return
        self.status.setText(self.tr("Importing…"))
        self._run(
            lambda progress, cancelled: import_paths(
                db,
                paths,
                progress=progress,
                cancelled=cancelled,
                extractor=extractor,
                analyst=analyst,
            )
        )

    def _succeeded(self, result: object) -> None:
        assert isinstance(result, ImportReport)
        self.report = result
        lines = [
            self.tr("Imported %1 article(s) with %2 claim(s).")
            .replace("%1", str(len(result.imported)))
            .replace("%2", str(result.claims)),
        ]
        if result.duplicates:
            lines.append(
                self.tr("Skipped %1 already in the desk:").replace(
                    "%1", str(len(result.duplicates))
                )
            )
            lines += [
                f"  • {Path(d.source).name} → #{d.article_id} {d.title}" for d in result.duplicates
            ]
        if result.failed:
            lines.append(
                self.tr("%1 could not be imported:").replace("%1", str(len(result.failed)))
            )
            lines += [f"  • {Path(src).name}: {why}" for src, why in result.failed]
        if result.cancelled:
            lines.append(self.tr("Cancelled: the articles already imported were kept."))
        self.status.setText(lines[0])
        self.tabs.setVisible(False)
        self.summary.setVisible(True)
        self.summary.setPlainText("\n".join(lines))


class ExportDialog(_WorkDialog):
    """CSV of the current filter or of everything, to a chosen file."""

    def __init__(
        self,
        db: Database,
        settings: QSettings,
        current: ClaimFilter,
        current_count: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.db = db
        self.settings = settings
        self.current = current
        self.written: int | None = None
        self.setWindowTitle(self.tr("Export the report"))
        self.only_filtered = QRadioButton(
            self.tr("The claims in the table now (%n)", "", current_count)
        )
        self.everything = QRadioButton(self.tr("All claims"))
        group = QButtonGroup(self)
        group.addButton(self.only_filtered)
        group.addButton(self.everything)
        (self.only_filtered if current != ClaimFilter() else self.everything).setChecked(True)
        self.path = QLineEdit()
        self.path.setObjectName("exportPath")
        folder = Path(str(settings.value("folders/export", str(Path.home()))))
        self.path.setText(str(folder / "factdesk-report.csv"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.choose)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.start_button.setText(self.tr("Export"))
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("Write a CSV report (UTF-8, opens in Excel) of:")))
        lay.addWidget(self.only_filtered)
        lay.addWidget(self.everything)
        lay.addLayout(row)
        lay.addWidget(self.progress)
        lay.addWidget(self.status)
        lay.addWidget(self.buttons)
        self.resize(560, 220)

    def choose(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the report"), self.path.text(), self.tr("CSV files (*.csv)")
        )
        if name:
            self.path.setText(name)

    def start(self) -> None:
        from factdesk.reports import write_claims_csv

        out = self.path.text().strip()
        if not out:
            self.status.setText(self.tr("Choose a file to write."))
            return
        if not out.lower().endswith(".csv"):
            out += ".csv"
            self.path.setText(out)
        self.settings.setValue("folders/export", str(Path(out).parent))
        filters = self.current if self.only_filtered.isChecked() else None
        db = self.db
        self.status.setText(self.tr("Writing %1…").replace("%1", out))
        self._run(
            lambda progress, cancelled: write_claims_csv(
                db, out, filters, progress=progress, cancelled=cancelled
            )
        )

    def _succeeded(self, result: object) -> None:
        self.written = int(result)  # type: ignore[call-overload]
        self.status.setText(
            self.tr("Wrote %1 claim(s) to %2.")
            .replace("%1", f"{self.written:,}")
            .replace("%2", self.path.text())
        )

    def _failed(self, message: str, logged: bool) -> None:
        if self.task is not None and self.task.cancelled:
            self.status.setText(self.tr("Export cancelled; nothing was written."))
            return
        super()._failed(message, logged)


class MergeDialog(QDialog):
    """Fold one speaker/source into another (e.g. «ترامب» into «Trump»)."""

    def __init__(self, names: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("Merge speakers or sources"))
        self.source = QComboBox()
        self.target = QComboBox()
        for combo in (self.source, self.target):
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            for eid, label in names:
                combo.addItem(label, eid)
        if len(names) > 1:
            self.target.setCurrentIndex(1)
        form = QFormLayout()
        form.addRow(self.tr("Merge"), self.source)
        form.addRow(self.tr("into"), self.target)
        hint = QLabel(
            self.tr(
                "Its claims move to the second one; its spelling is kept as an "
                "alias. You can undo this."
            )
        )
        hint.setWordWrap(True)
        bb = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        bb.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Merge"))
        bb.accepted.connect(self.accept)
        bb.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(hint)
        lay.addWidget(bb)
        self.setMinimumWidth(440)

    def choice(self) -> tuple[int, int]:
        return int(self.source.currentData()), int(self.target.currentData())


LANGUAGES = (("en", "English"), ("ar", "العربية"))


class PreferencesDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        self.language = QComboBox()
        self.language.addItem(self.tr("System default"), "")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        i = self.language.findData(str(settings.value("ui/language", "")))
        self.language.setCurrentIndex(max(0, i))
        self.advance = QComboBox()
        self.advance.addItem(self.tr("Stay on the claim"), False)
        self.advance.addItem(self.tr("Move to the next claim"), True)
        adv = str(settings.value("triage/advance", "false")).lower() == "true"
        self.advance.setCurrentIndex(1 if adv else 0)
        self.analyst = QLineEdit(str(settings.value("analyst/name", "") or ""))
        self.analyst.setObjectName("analystName")
        from factdesk.services import default_analyst

        self.analyst.setPlaceholderText(default_analyst())
        form = QFormLayout()
        form.addRow(self.tr("Your name in the history"), self.analyst)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("After setting a status"), self.advance)
        note = QLabel(self.tr("A new language applies when FactDesk restarts."))
        note.setWordWrap(True)
        bb = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        bb.accepted.connect(self.accept)
        bb.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(note)
        lay.addWidget(bb)

    def accept(self) -> None:
        self.settings.setValue("ui/language", self.language.currentData())
        self.settings.setValue("analyst/name", " ".join(self.analyst.text().split()))
        self.settings.setValue("triage/advance", "true" if self.advance.currentData() else "false")
        super().accept()


__all__ = ["ExportDialog", "ImportDialog", "MergeDialog", "PreferencesDialog", "show_error"]
