"""Background work: a QRunnable on a thread pool, results and progress back as queued signals.

The database is touched from the pool through the same `Database` (each call checks out its
own connection); the window only ever receives finished values on the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from factdesk.ui.errors import describe

# fn(progress, cancelled) -> result
Job = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class Task(QObject):
    """One job: `progress(done, total)`, then `succeeded(result)` or `failed(message, logged)`."""

    running_tasks: ClassVar[set[Task]] = set()  # not yet finished (the window waits on close)

    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str, bool)
    finished = Signal()

    def __init__(self, job: Job, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = job
        self._cancel = threading.Event()
        self.running = False

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def start(self, pool: QThreadPool | None = None) -> None:
        self.running = True
        Task.running_tasks.add(self)
        (pool or QThreadPool.globalInstance()).start(_Runner(self))

    def _run(self) -> None:
        try:
            result = self._job(lambda d, t: self.progress.emit(d, t), self._cancel.is_set)
        except BaseException as exc:  # shown as one line; unexpected ones are logged
            message, logged = describe(exc)
            self.failed.emit(message, logged)
        else:
            self.succeeded.emit(result)
        finally:
            self.running = False
            Task.running_tasks.discard(self)
            self.finished.emit()

    @classmethod
    def cancel_all_and_wait(cls, msecs: int = 10_000) -> bool:
        """On quit: ask every running job to stop (imports keep finished articles, exports
        leave nothing half-written) and wait for the threads."""
        for task in list(cls.running_tasks):
            task.cancel()
        return QThreadPool.globalInstance().waitForDone(msecs)


class _Runner(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task._run()
