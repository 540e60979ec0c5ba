"""The claims table: ids first, rows fetched a page at a time through the services.

The model holds the ordered ids of the current filter (or, for the whole desk in id order, just
a range: no list at all) and an LRU of row pages. Filtering and sorting happen in SQL on a
worker thread; the first 2,000 ids arrive first so the table shows rows at once, the rest are
appended when read. Memory is 8 bytes per matching claim plus a few pages of rows.
"""

from __future__ import annotations

import contextlib
import functools
import time
import unicodedata
from array import array
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from factdesk.services import ClaimFilter, ClaimRow
from factdesk.services import ui_support as support
from factdesk.store import Database
from factdesk.ui.errors import describe

PAGE = 200
MAX_PAGES = 24
COLUMNS = ("id", "kind", "text", "value", "speaker", "source", "status", "article")
SORT_FOR_COLUMN = {i: c for i, c in enumerate(COLUMNS)}
ID_ROLE = Qt.ItemDataRole.UserRole
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
RTL_ROLE = Qt.ItemDataRole.UserRole + 2

STATUS_COLOURS = {
    "unverified": "#8a8f98",
    "in_progress": "#2f6fdf",
    "true": "#1e8e3e",
    "mostly_true": "#7cb342",
    "misleading": "#e8710a",
    "false": "#d93025",
    "unverifiable": "#8e44ad",
}
_EXTRA = ["#00897b", "#6d4c41", "#c2185b", "#5c6bc0", "#827717"]

_RTL_CLASSES = {"R", "AL"}
_LTR_CLASSES = {"L"}


def is_rtl(text: str | None) -> bool:
    """The direction of a text by its first strong character (Unicode bidi rule P2)."""
    for ch in text or "":
        cls = unicodedata.bidirectional(ch)
        if cls in _RTL_CLASSES:
            return True
        if cls in _LTR_CLASSES:
            return False
    return False


def status_colour(key: str) -> QColor:
    if key in STATUS_COLOURS:
        return QColor(STATUS_COLOURS[key])
    return QColor(_EXTRA[sum(map(ord, key)) % len(_EXTRA)])


_dots: dict[str, QIcon] = {}


def status_icon(key: str) -> QIcon:
    """A filled dot in the status colour (the word is always shown beside it)."""
    icon = _dots.get(key)
    if icon is None:
        pm = QPixmap(12, 12)
        pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setBrush(status_colour(key))
        p.setPen(status_colour(key).darker(130))
        p.drawEllipse(1, 1, 10, 10)
        p.end()
        icon = _dots[key] = QIcon(pm)
    return icon


def kind_label(kind: str) -> str:
    return {
        "quote": QCoreApplication.translate("Kinds", "quote"),
        "statement": QCoreApplication.translate("Kinds", "statement"),
        "numeric": QCoreApplication.translate("Kinds", "number"),
    }.get(kind, kind)


@functools.cache
def unit_names() -> dict[str, tuple[str, str, str]]:
    """canonical unit -> (Arabic, English singular, English plural), from the lexicons the
    engine uses (resources/lexicons/units.txt, currencies.txt), so the two never disagree."""
    from factdesk.text.lexicon import LexiconError, load_rows

    out: dict[str, tuple[str, str, str]] = {}
    try:
        rows = [r for sec, rs in load_rows("units.txt").items() if sec != "dual" for r in rs]
        rows += list(load_rows("currencies.txt").get("default", ()))
    except LexiconError:
        return out
    for canon, *forms in rows:
        if canon in out:
            continue
        arabic = next((f for f in forms if is_rtl(f) or not f.isascii()), canon)
        latin = [f for f in forms if f.isascii() and f[:1].isalpha() and f.islower()]
        singular = next((f for f in latin if not f.endswith("s")), latin[0] if latin else canon)
        plural = next((f for f in latin if f.endswith("s")), singular)
        if canon.isupper():  # currencies: the ISO code reads best in English
            singular = plural = canon
        if canon == "percent":
            arabic = singular = plural = "%"
        out[canon] = (arabic, singular, plural)
    return out


def format_value(row: ClaimRow, arabic: bool = False) -> str:
    """«~40 minutes», «2–3 %», «100,000,000,000 دولار»: the number and its unit in the UI's
    language (the unit's canonical name when the lexicons do not know it)."""
    if row.value is None:
        return ""

    def num(v: float) -> str:
        return f"{int(v):,}" if float(v).is_integer() and abs(v) < 1e15 else f"{v:,.6g}"

    text = num(row.value)
    if row.value_to is not None:
        text += f"–{num(row.value_to)}"
    if row.approx:
        text = "~" + text
    if row.unit:
        ar, one, many = unit_names().get(row.unit, (row.unit, row.unit, row.unit))
        name = ar if arabic else (one if row.value == 1 and row.value_to is None else many)
        text += name if name == "%" else f" {name}"
    return text


class IdRange:
    """The whole desk in id order when ids are dense: row -> id is arithmetic."""

    def __init__(self, lo: int, count: int, descending: bool) -> None:
        self.lo, self.count, self.descending = lo, count, descending

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, row: int) -> int:
        return self.lo + (self.count - 1 - row if self.descending else row)

    def window(self, start: int, stop: int) -> list[int]:
        return [self[r] for r in range(start, min(stop, self.count))]

    def find(self, claim_id: int) -> int:
        off = claim_id - self.lo
        if not 0 <= off < self.count:
            return -1
        return self.count - 1 - off if self.descending else off


class IdArray:
    def __init__(self, ids: array[int]) -> None:
        self.ids = ids

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, row: int) -> int:
        return self.ids[row]

    def window(self, start: int, stop: int) -> list[int]:
        return list(self.ids[start:stop])

    def find(self, claim_id: int) -> int:
        try:
            return self.ids.index(claim_id)
        except ValueError:
            return -1


@dataclass(frozen=True, slots=True)
class Query:
    filters: ClaimFilter = field(default_factory=ClaimFilter)
    sort: str = "id"
    descending: bool = False


class _LoaderSignals(QObject):
    first = Signal(int, object)
    done = Signal(int, object)
    failed = Signal(int, str)


class _IdLoader(QRunnable):
    def __init__(
        self,
        db: Database,
        query: Query,
        gen: int,
        signals: _LoaderSignals,
        span: IdRange | None = None,
    ) -> None:
        super().__init__()
        self.db, self.query, self.gen, self.signals, self.span = db, query, gen, signals, span

    def run(self) -> None:
        with contextlib.suppress(RuntimeError):  # the model was deleted while we read
            self._run()

    def _run(self) -> None:
        q = self.query
        whole = q.filters == ClaimFilter() and q.sort == "id"
        if whole and self.span is not None:
            self.signals.done.emit(self.gen, IdRange(self.span.lo, self.span.count, q.descending))
            return
        try:
            parts = support.iter_claim_ids(self.db, q.filters, q.sort, q.descending)
            ids = array("q")
            for i, part in enumerate(parts):
                ids.extend(part)
                if i == 0:
                    self.signals.first.emit(self.gen, IdArray(array("q", ids)))
                    if whole:  # the whole desk: a range when ids are dense (no list at all)
                        n, lo, hi = support.id_span(self.db)
                        if hi - lo + 1 == n:
                            parts.close()
                            self.signals.done.emit(self.gen, IdRange(lo, n, q.descending))
                            return
            if whole and not ids:
                self.signals.done.emit(self.gen, IdRange(0, 0, q.descending))
                return
            self.signals.done.emit(self.gen, IdArray(ids))
        except RuntimeError:
            raise
        except BaseException as exc:
            self.signals.failed.emit(self.gen, describe(exc)[0])


class ClaimsModel(QAbstractTableModel):
    """Rows of claims for a `Query`; `loaded(rows, ms)` when a query has been fully read."""

    loading = Signal()
    first_rows = Signal(int, float)
    loaded = Signal(int, float)
    failed = Signal(str)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.query = Query()
        self.arabic_labels = False
        self._ids: IdRange | IdArray = IdArray(array("q"))
        self._pages: OrderedDict[int, dict[int, ClaimRow]] = OrderedDict()
        self._cells: dict[int, tuple[Any, ...]] = {}
        self._gen = 0
        self._last_error = ""
        self._span: IdRange | None = None  # the whole desk, remembered until refresh()
        self._started = 0.0
        self._status_labels: dict[str, tuple[str, str | None]] = {}
        self._signals = _LoaderSignals(self)
        self._signals.first.connect(self._on_first, Qt.ConnectionType.QueuedConnection)
        self._signals.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.reload_statuses()

    # --- the query --------------------------------------------------------------------
    def reload_statuses(self) -> None:
        from factdesk.services import list_statuses

        self._status_labels = {s.key: (s.label, s.label_ar) for s in list_statuses(self.db)}

    def status_label(self, key: str) -> str:
        en, ar = self._status_labels.get(key, (key, None))
        return (ar or en) if self.arabic_labels else en

    def set_query(self, query: Query) -> None:
        """Run `query` in the background; the table keeps its rows until the first ids come."""
        self.query = query
        self._gen += 1
        self._started = time.perf_counter()
        self.loading.emit()
        self.pool.start(_IdLoader(self.db, query, self._gen, self._signals, self._span))

    def refresh(self) -> None:
        """Re-read the current query (after an import, or F5 for other analysts' work)."""
        self._span = None
        self.set_query(self.query)

    def _install(self, ids: IdRange | IdArray) -> None:
        self.beginResetModel()
        self._ids = ids
        self._pages.clear()
        self._cells.clear()
        self.endResetModel()

    def _on_first(self, gen: int, ids: IdArray) -> None:
        if gen != self._gen:
            return
        self._install(ids)
        self.first_rows.emit(len(ids), (time.perf_counter() - self._started) * 1000)

    def _on_done(self, gen: int, ids: IdRange | IdArray) -> None:
        if gen != self._gen:
            return
        if isinstance(ids, IdRange):
            self._span = IdRange(ids.lo, ids.count, False)
        have = len(self._ids)
        same_start = (
            isinstance(self._ids, IdArray)
            and 0 < have <= len(ids)
            and list(self._ids.ids) == ids.window(0, have)
        )
        if same_start and have < len(ids):
            self.beginInsertRows(QModelIndex(), have, len(ids) - 1)
            self._ids = ids
            self.endInsertRows()
        elif same_start:
            self._ids = ids
        else:
            self._install(ids)
            self.first_rows.emit(len(ids), (time.perf_counter() - self._started) * 1000)
        self.loaded.emit(len(ids), (time.perf_counter() - self._started) * 1000)

    def _on_failed(self, gen: int, message: str) -> None:
        if gen == self._gen:
            self.failed.emit(message)

    # --- rows -----------------------------------------------------------------------------
    def claim_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def id_window(self, start: int, stop: int) -> list[int]:
        """The ids of rows start..stop-1 (no row is fetched)."""
        return self._ids.window(max(0, start), min(stop, len(self._ids)))

    def row_of(self, claim_id: int) -> int:
        return self._ids.find(claim_id)

    def claim_row(self, row: int) -> ClaimRow | None:
        if not 0 <= row < len(self._ids):
            return None
        page_no = row // PAGE
        page = self._pages.get(page_no)
        if page is None:
            start = page_no * PAGE
            ids = self._ids.window(start, start + PAGE)
            try:
                page = support.rows_for_ids(self.db, ids)
            except Exception as exc:  # a locked or vanished database: blanks, said once
                message = describe(exc)[0]
                if message != self._last_error:
                    self._last_error = message
                    self.failed.emit(message)
                return None  # not cached: the next paint tries again
            self._last_error = ""
            self._pages[page_no] = page
            while len(self._pages) > MAX_PAGES:
                old, _ = self._pages.popitem(last=False)
                for r in range(old * PAGE, old * PAGE + PAGE):
                    self._cells.pop(r, None)
        else:
            self._pages.move_to_end(page_no)
        return page.get(self._ids[row])

    def _cells_for(self, row: int) -> tuple[Any, ...] | None:
        cells = self._cells.get(row)
        if cells is None:
            r = self.claim_row(row)
            if r is None:
                return None
            texts = (
                str(r.id),
                kind_label(r.kind),
                r.text.replace("\n", " "),
                format_value(r, self.arabic_labels),
                r.speaker or "",
                r.source or "",
                self.status_label(r.status),
                r.article_title,
            )
            cells = (texts, tuple(is_rtl(t) for t in texts), r)
            self._cells[row] = cells
        return cells

    def refresh_claims(self, claim_ids: list[int]) -> None:
        """Re-read the cached rows of these claims (after an edit or an undo)."""
        wanted = set(claim_ids)
        for page_no, page in list(self._pages.items()):
            if wanted & page.keys():
                start = page_no * PAGE
                ids = self._ids.window(start, start + PAGE)
                self._pages[page_no] = support.rows_for_ids(self.db, ids)
                for r in range(start, start + len(ids)):
                    self._cells.pop(r, None)
                self.dataChanged.emit(
                    self.index(start, 0), self.index(start + len(ids) - 1, len(COLUMNS) - 1)
                )

    # --- Qt model API ---------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == ID_ROLE:
            return self.claim_id(row)
        if role not in _ROLES:
            return None
        cells = self._cells_for(row)
        if cells is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole else None
        texts, rtl, r = cells
        if role == Qt.ItemDataRole.DisplayRole:
            return texts[col]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            # each cell by its own text: Arabic right, Latin left, in either UI direction
            side = Qt.AlignmentFlag.AlignRight if rtl[col] else Qt.AlignmentFlag.AlignLeft
            return side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
        if role == RTL_ROLE:
            return rtl[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return texts[col] if col in (2, 3, 4, 5, 7) and texts[col] else None
        if role == STATUS_ROLE:
            return r.status
        if role == Qt.ItemDataRole.DecorationRole and col == 6:
            return status_icon(r.status)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (
            QCoreApplication.translate("ClaimsModel", "#"),
            QCoreApplication.translate("ClaimsModel", "Kind"),
            QCoreApplication.translate("ClaimsModel", "Claim"),
            QCoreApplication.translate("ClaimsModel", "Value"),
            QCoreApplication.translate("ClaimsModel", "Speaker"),
            QCoreApplication.translate("ClaimsModel", "Source"),
            QCoreApplication.translate("ClaimsModel", "Status"),
            QCoreApplication.translate("ClaimsModel", "Article"),
        )
        return names[section] if 0 <= section < len(names) else None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_FOR_COLUMN.get(column, "id")
        desc = order == Qt.SortOrder.DescendingOrder
        if (key, desc) != (self.query.sort, self.query.descending):
            self.set_query(Query(self.query.filters, key, desc))


_ROLES = {
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.DecorationRole,
    STATUS_ROLE,
    RTL_ROLE,
}
