"""QUndoCommand wrappers around the services' undoable commands.

The service has already done the change when the wrapper is pushed, so the first `redo()`
(which QUndoStack.push calls) does nothing; later undo/redo call the service command again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from factdesk.services import Command
from factdesk.store import Database


class ServiceUndo(QUndoCommand):
    def __init__(
        self,
        db: Database,
        command: Command,
        text: str,
        claim_ids: list[int],
        after: Callable[[ServiceUndo, str, BaseException | None], None],
    ) -> None:
        super().__init__(text)
        self.db = db
        self.command = command
        self.claim_ids = claim_ids
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
            fn(self.db)
        except Exception as exc:  # the window shows it as one line
            self.setObsolete(True)
            self._after(self, what, exc)
            return
        self._after(self, what, None)
