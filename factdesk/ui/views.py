"""The claims table view (per-cell direction), the article text view and the articles list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QMouseEvent, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTextBrowser,
    QTextEdit,
    QWidget,
)

from factdesk.services import ui_support as support
from factdesk.ui.claims_model import RTL_ROLE, is_rtl

KIND_COLOURS = {"quote": "#fff2b3", "statement": "#d7ecff", "numeric": "#d9f5dc"}


class BidiDelegate(QStyledItemDelegate):
    """Lays each cell out in its own text's direction (an Arabic claim in an English UI...)."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        rtl = index.data(RTL_ROLE)
        if rtl is not None:
            option.direction = (
                Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
            )


class ClaimsView(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(BidiDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSortingEnabled(True)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vh = self.verticalHeader()
        vh.setVisible(False)
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # 1M rows: no per-row sizing
        vh.setDefaultSectionSize(max(24, self.fontMetrics().height() + 8))
        hh = self.horizontalHeader()
        hh.setStretchLastSection(False)
        hh.setSectionsMovable(True)
        hh.setHighlightSections(False)
        hh.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.setObjectName("claimsTable")

    def default_widths(self) -> None:
        """First-run layout: the status shown second (triage reads it first), the claim wide.
        The analyst's own order and widths are restored from the settings afterwards."""
        widths = (56, 80, 380, 120, 130, 120, 130, 240)
        for col, w in enumerate(widths):
            self.setColumnWidth(col, w)
        hh = self.horizontalHeader()
        hh.moveSection(hh.visualIndex(6), 1)


class ArticleView(QTextBrowser):
    """The article's original text, every claim highlighted by kind; click one to select it."""

    claimClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setObjectName("articleView")
        self.article: support.ArticleText | None = None
        self._current: int | None = None
        # reading text: Noto Naskh Arabic (bundled) a little larger than the UI, Latin falls
        # back to the UI font
        font = self.font()
        base = [f for f in (font.families() or [font.family()]) if f != "Noto Naskh Arabic"]
        font.setFamilies(["Noto Naskh Arabic", *base])
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.15)
        self.document().setDefaultFont(font)
        self.setPlaceholderText(
            QCoreApplication.translate("ArticleView", "Select a claim to read its article.")
        )

    def show_article(self, article: support.ArticleText | None) -> None:
        self.article = article
        self._current = None
        self.setExtraSelections([])
        doc = self.document()
        doc.clear()
        if article is None:
            return
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        for i, para in enumerate(article.text.split("\n")):
            fmt = QTextBlockFormat()
            rtl = is_rtl(para) if para.strip() else article.language == "ar"
            fmt.setLayoutDirection(
                Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
            )
            fmt.setAlignment(
                (Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
                | Qt.AlignmentFlag.AlignAbsolute
            )
            fmt.setBottomMargin(4)
            if i == 0:
                cursor.setBlockFormat(fmt)
            else:
                cursor.insertBlock(fmt)
            cursor.insertText(para)
        # highlight spans: longest first so a number inside a quote keeps its own colour
        for span in sorted(article.spans, key=lambda s: s.start - s.end):
            c = QTextCursor(doc)
            c.setPosition(span.start)
            c.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
            f = QTextCharFormat()
            f.setBackground(QColor(KIND_COLOURS.get(span.kind, "#eeeeee")))
            f.setToolTip(f"#{span.id}")
            c.mergeCharFormat(f)
        cursor.endEditBlock()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def mark_claim(self, claim_id: int | None) -> None:
        """Outline the claim's span and scroll it into view."""
        self._current = claim_id
        if self.article is None or claim_id is None:
            self.setExtraSelections([])
            return
        span = next((s for s in self.article.spans if s.id == claim_id), None)
        if span is None:
            self.setExtraSelections([])
            return
        sel = QTextEdit.ExtraSelection()
        c = QTextCursor(self.document())
        c.setPosition(span.start)
        c.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = c  # type: ignore[attr-defined]
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#ffd54f"))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(QColor("#b26a00"))
        sel.format = fmt  # type: ignore[attr-defined]
        self.setExtraSelections([sel])
        view = QTextCursor(self.document())
        view.setPosition(span.end)
        self.setTextCursor(view)
        self.ensureCursorVisible()
        view.setPosition(span.start)
        self.setTextCursor(view)
        self.ensureCursorVisible()

    def claim_at(self, pos: int) -> int | None:
        if self.article is None:
            return None
        hits = [s for s in self.article.spans if s.start <= pos < s.end]
        if not hits:
            return None
        return min(hits, key=lambda s: s.end - s.start).id

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        pos = self.cursorForPosition(event.position().toPoint()).position()
        claim = self.claim_at(pos)
        if claim is not None:
            self.claimClicked.emit(claim)


class ArticlesModel(QAbstractListModel):
    """Articles with their claim counts by status (one line each, a tooltip with the rest)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.articles: list[support.ArticleSummary] = []
        self.status_order: list[str] = []

    def set_articles(self, articles: list[support.ArticleSummary], order: list[str]) -> None:
        self.beginResetModel()
        self.articles = articles
        self.status_order = order
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.articles)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.articles):
            return None
        a = self.articles[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            meta = " · ".join(
                x for x in (a.outlet or "", a.published.isoformat() if a.published else "") if x
            )
            counts = self.tr("%n claim(s)", "", a.claims).replace(str(a.claims), f"{a.claims:,}")
            done = sum(n for k, n in a.by_status.items() if k not in ("unverified", "in_progress"))
            checked = self.tr("%1 checked")
            line2 = f"{counts} · " + checked.replace("%1", str(done))
            # each line isolated (FSI…PDI): an English count under an Arabic title keeps its order
            return f"{a.title}\n\u2068{meta + ' · ' if meta else ''}{line2}\u2069"
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(
                f"{k}: {a.by_status[k]}" for k in self.status_order if k in a.by_status
            )
        if role == Qt.ItemDataRole.UserRole:
            return a.id
        if role == RTL_ROLE:
            return is_rtl(a.title)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            side = Qt.AlignmentFlag.AlignRight if is_rtl(a.title) else Qt.AlignmentFlag.AlignLeft
            return side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.DecorationRole:
            # the colour of the most common verdict other than "unverified" (grey if none)
            from factdesk.ui.claims_model import status_icon

            checked = {k: n for k, n in a.by_status.items() if k != "unverified"}
            key = max(checked, key=lambda k: checked[k]) if checked else "unverified"
            return status_icon(key)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        return None


__all__ = ["ArticleView", "ArticlesModel", "BidiDelegate", "ClaimsView"]
