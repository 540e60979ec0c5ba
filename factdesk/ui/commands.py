"""QUndoCommand wrappers around the services' undoable commands.

The service has already done the change when the wrapper is pushed, so the first `redo()`
(which QUndoStack.push calls) does nothing; later undo/redo call the service command again.
A command over many claims (a whole filter) undoes on a worker thread behind a modal busy
dialog: undo() still returns only when the database is done, but the window keeps painting.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, Slot
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QProgressDialog

from factdesk.services import Command, ServiceError
from factdesk.store import Database
from factdesk.ui.workers import Task


class _Waiter(QObject):
    """Receives the worker's result on the GUI thread and ends the local event loop."""

    def __init__(self, loop: QEventLoop) -> None:
        super().__init__()
        self.loop = loop
        self.error: BaseException | None = None

    @Slot(object)
    def ok(self, _result: object) -> None:
        self.loop.quit()

    @Slot(str, bool)
    def failed(self, message: str, _logged: bool) -> None:
        self.error = ServiceError(message)  # already one human line (logged if unexpected)
        self.loop.quit()


class ServiceUndo(QUndoCommand):
    def __init__(
        self,
        db: Database,
        command: Command,
        text: str,
        claim_ids: list[int],
        after: Callable[[ServiceUndo, str, BaseException | None], None],
        *,
        background: bool = False,
    ) -> None:
        super().__init__(text)
        self.db = db
        self.command = command
        self.claim_ids = claim_ids
        self.background = background
        self._after = after
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(self.command.redo, "redo")

    def undo(self) -> None:
        self._run(self.command.undo, "undo")

    def _run(self, fn: Callable[[Database], None], what: str) -> None:
        try:
            if self.background:
                self._in_worker(fn, what)
            else:
                fn(self.db)
        except Exception as exc:  # the window shows it as one line
            self.setObsolete(True)
            self._after(self, what, exc)
            return
        self._after(self, what, None)

    def _in_worker(self, fn: Callable[[Database], None], what: str) -> None:
        db = self.db
        loop = QEventLoop()
        waiter = _Waiter(loop)
        task = Task(lambda _p, _c: fn(db))
        task.succeeded.connect(waiter.ok, Qt.ConnectionType.QueuedConnection)
        task.failed.connect(waiter.failed, Qt.ConnectionType.QueuedConnection)
        label = (
            QCoreApplication.translate("ServiceUndo", "Undoing “%1”…")
            if what == "undo"
            else QCoreApplication.translate("ServiceUndo", "Redoing “%1”…")
        ).replace("%1", self.text())
        busy = QProgressDialog(label, "", 0, 0)
        busy.setCancelButton(None)  # type: ignore[arg-type]  # a half-undone change helps nobody
        busy.setWindowModality(Qt.WindowModality.ApplicationModal)
        busy.setMinimumDuration(300)
        busy.setObjectName("undoBusy")
        task.start()
        loop.exec()
        busy.close()
        busy.deleteLater()
        if waiter.error is not None:
            raise waiter.error
