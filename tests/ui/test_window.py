"""Driving the real window: keyboard triage, undo, the panel, the article view, filters."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from factdesk.services import ClaimFilter, get_claim


def select_first(qtbot, w) -> int:
    w.table.setFocus()
    w._select_row(0)
    qtbot.waitUntil(lambda: w.panel.detail is not None)
    return w.panel.detail.row.id


def test_press_4_sets_the_status_in_the_database_and_undo_restores_it(qtbot, window, db):
    w = window
    cid = select_first(qtbot, w)
    assert get_claim(db, cid).row.status == "unverified"
    qtbot.keyClick(w.table, Qt.Key.Key_4)
    assert get_claim(db, cid).row.status == "mostly_true"
    assert w.model.index(0, 6).data() == "Mostly true"  # the table shows it at once
    assert w.panel.status.currentData() == "mostly_true"
    qtbot.keyClick(w.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert get_claim(db, cid).row.status == "unverified"
    assert w.model.index(0, 6).data() == "Unverified"
    qtbot.keyClick(
        w.table,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert get_claim(db, cid).row.status == "mostly_true"
    history = get_claim(db, cid).history
    assert [h.action for h in history] == ["set", "undo", "set"]


def test_j_and_k_move_and_a_selection_gets_one_status(qtbot, window, db):
    w = window
    first = select_first(qtbot, w)
    qtbot.keyClick(w.table, Qt.Key.Key_J)
    qtbot.waitUntil(lambda: w.panel.detail.row.id == w.model.claim_id(1))
    qtbot.keyClick(w.table, Qt.Key.Key_K)
    qtbot.waitUntil(lambda: w.panel.detail.row.id == first)
    w.table.selectRow(0)
    qtbot.keyClick(w.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(w.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    ids = w.selected_ids()
    assert len(ids) == 3
    qtbot.keyClick(w.table, Qt.Key.Key_6)
    assert {get_claim(db, i).row.status for i in ids} == {"false"}
    assert w.undo.undoText().startswith("Set status")
    w.undo.undo()
    assert {get_claim(db, i).row.status for i in ids} == {"unverified"}


def test_panel_edits_go_through_services_and_undo(qtbot, window, db):
    w = window
    cid = select_first(qtbot, w)
    qtbot.keyClick(w.table, Qt.Key.Key_S)
    assert w.panel.speaker.hasFocus() or w.panel.speaker.lineEdit().hasFocus()
    w.panel.speaker.setEditText("Trump")
    qtbot.keyClick(w.panel.speaker.lineEdit(), Qt.Key.Key_Return)
    assert get_claim(db, cid).row.speaker == "Trump"
    assert w.table.hasFocus()  # back to triage after Enter
    assert w.act_undo.text().startswith("&Undo") and "#" in w.act_undo.text()
    w.panel.tag_edit.setText("budget")
    qtbot.keyClick(w.panel.tag_edit, Qt.Key.Key_Return)
    assert get_claim(db, cid).tags == ("budget",)
    w.panel.note_edit.setPlainText("ملاحظة: تحقق من الرقم")
    qtbot.mouseClick(w.panel.add_note_button, Qt.MouseButton.LeftButton)
    assert [n.text for n in get_claim(db, cid).notes] == ["ملاحظة: تحقق من الرقم"]
    assert w.panel.notes.count() == 1
    for _ in range(3):
        w.undo.undo()
    d = get_claim(db, cid)
    assert d.notes == [] and d.tags == () and d.row.speaker != "Trump"


def test_article_view_marks_the_claim_and_a_click_selects_one(qtbot, window):
    w = window
    select_first(qtbot, w)
    art = w.article_view.article
    assert art is not None and art.spans
    target = art.spans[3]
    assert w.article_view.claim_at(target.start + 1) in {s.id for s in art.spans}
    with qtbot.waitSignal(w.article_view.claimClicked) as sig:
        c = w.article_view.textCursor()
        c.setPosition(target.start + 1)
        w.article_view.setTextCursor(c)
        rect = w.article_view.cursorRect(c)
        qtbot.mouseClick(w.article_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    clicked = sig.args[0]
    qtbot.waitUntil(lambda: w.panel.detail is not None and w.panel.detail.row.id == clicked)
    sels = w.article_view.extraSelections()
    assert len(sels) == 1
    sel = QTextCursor(sels[0].cursor)
    span = next(s for s in art.spans if s.id == clicked)
    assert (sel.selectionStart(), sel.selectionEnd()) == (span.start, span.end)


def test_search_filters_as_you_type(qtbot, window, db):
    w = window
    total = w.model.rowCount()
    qtbot.keyClick(w.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert w.filter_bar.search.hasFocus()
    for ch in "بوتين":  # QTest.keyClicks aborts on non-Latin text: type by insert()
        w.filter_bar.search.insert(ch)
    qtbot.waitUntil(lambda: 0 < w.model.rowCount() < total)
    assert all("بوتين" in w.model.index(r, 2).data() for r in range(w.model.rowCount()))
    w.filter_bar.search.clear()
    qtbot.waitUntil(lambda: w.model.rowCount() == total)
    w.filter_bar.status.setCurrentIndex(w.filter_bar.status.findData("false"))
    qtbot.waitUntil(lambda: w.model.rowCount() == 0)


def test_clicking_an_article_filters_to_it(qtbot, window):
    w = window
    total = w.model.rowCount()
    idx = w.articles.index(0, 0)
    w._article_clicked(idx)
    qtbot.waitUntil(lambda: 0 < w.model.rowCount() < total)
    assert w.filter_bar.article_chip.isVisible()
    w.clear_article_filter()
    qtbot.waitUntil(lambda: w.model.rowCount() == total)


def test_menus_show_every_shortcut(window):
    w = window
    actions = [
        a
        for m in (w.m_file, w.m_edit, w.m_claim, w.m_status)
        for a in m.actions()
        if not a.isSeparator() and a.menu() is None
    ]
    missing = [a.text() for a in actions if a.shortcut().isEmpty()]
    assert missing == []


def test_read_only_window_refuses_edits(qtbot, db):
    from factdesk.ui.app import settings
    from factdesk.ui.main_window import MainWindow

    w = MainWindow(db, settings(), read_only=True)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.model.rowCount() > 0)
    cid = select_first(qtbot, w)
    qtbot.keyClick(w.table, Qt.Key.Key_4)
    assert get_claim(db, cid).row.status == "unverified"
    assert not w.act_import.isEnabled()
    assert "read-only" in w.windowTitle()


def test_settings_remember_geometry_and_columns(qtbot, window):
    w = window
    w.table.setColumnWidth(2, 333)
    w.save_state()
    assert w.settings.value("table/header") is not None
    assert w.settings.value("window/mainSplitter") is not None


def test_merge_two_spellings_and_undo(qtbot, window, db):
    from factdesk.services import list_entities, tag_claim

    w = window
    tag_claim(db, 1, speaker="Trump")
    ents = {e.name: e for e in list_entities(db)}
    src, dst = ents["دونالد ترامب"], ents["Trump"]
    w.merge(src.id, dst.id)
    names = {e.name for e in list_entities(db)}
    assert "دونالد ترامب" not in names
    assert get_claim(db, 2).row.speaker == "Trump"
    w.undo.undo()
    assert get_claim(db, 2).row.speaker == "دونالد ترامب"


def test_a_database_that_cannot_be_opened_is_one_line(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from factdesk.ui import app as appmod

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    bad = tmp_path / "notes.db"
    bad.write_text("this is not a database\n" * 20)
    assert appmod.run(str(bad), lang="en") == 2
    assert len(shown) == 1 and "not a FactDesk database" in shown[0] and "\n" not in shown[0]


def test_a_big_selection_asks_first_and_writes_on_a_worker(qtbot, window, db, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from factdesk.services import count_claims

    w = window
    w.BIG_SELECTION = 10
    asked: list[str] = []

    def yes(*args, **_kw):
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    select_first(qtbot, w)
    w.table.selectAll()
    n = count_claims(db)
    assert len(w.selected_ids()) == n
    qtbot.keyClick(w.table, Qt.Key.Key_7)
    assert asked and f"{n:,}" in asked[0]
    qtbot.waitUntil(lambda: w.undo.count() == 1, timeout=10000)
    assert count_claims(db, ClaimFilter(status="unverifiable")) == n
    assert w.undo.command(0).background  # undone on a worker behind a busy dialog
    w.undo.undo()
    assert count_claims(db, ClaimFilter(status="unverifiable")) == 0
    assert w.model.index(0, 6).data() == "Unverified"
    w.undo.redo()
    assert count_claims(db, ClaimFilter(status="unverifiable")) == n


def test_escape_clears_the_search_then_returns_to_the_table(qtbot, window):
    w = window
    w.focus_search()
    w.filter_bar.search.setText("x")
    qtbot.keyClick(w.filter_bar.search, Qt.Key.Key_Escape)
    assert w.filter_bar.search.text() == ""


def test_speaker_picker_completes_known_names_and_offers_new(qtbot, window, db, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    w = window
    cid = select_first(qtbot, w)
    picker = w.panel.speaker
    assert picker.itemText(0) == "New…"
    assert "يوري أوشاكوف" in picker.completer().model().stringList()
    assert "New…" not in picker.completer().model().stringList()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("سيرغي لافروف", True))
    picker.activated.emit(0)
    assert get_claim(db, cid).row.speaker == "سيرغي لافروف"


def test_changing_the_language_offers_a_restart(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from factdesk.ui.dialogs import PreferencesDialog

    w = window

    def pick_arabic(dlg):
        dlg.language.setCurrentIndex(dlg.language.findData("ar"))
        dlg.accept()
        return PreferencesDialog.DialogCode.Accepted

    monkeypatch.setattr(PreferencesDialog, "exec", pick_arabic)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    w.preferences()
    assert w.settings.value("ui/language") == "ar"
    assert w.restart_requested and not w.isVisible()


def test_search_matches_the_word_being_typed_as_a_prefix(qtbot, window):
    w = window
    w.filter_bar.search.setText("بوت")
    assert w.filter_bar.current().search == "بوت*"
    w.apply_filters()
    qtbot.waitUntil(lambda: w.model.query.filters.search == "بوت*")
    qtbot.waitUntil(lambda: 0 < w.model.rowCount() < 40)
    w.filter_bar.search.setText("بوتين ")
    assert w.filter_bar.current().search == "بوتين"
    w.filter_bar.search.setText("ال")
    assert w.filter_bar.current().search == "ال"


def test_speaker_filter_waits_for_a_known_name(qtbot, window):
    w = window
    total = w.model.rowCount()
    combo = w.filter_bar.speaker
    combo.setEditText("يوري")  # half typed: nothing happens yet
    qtbot.wait(250)
    assert w.model.rowCount() == total and w.model.query.filters.speaker is None
    combo.setEditText("يوري أوشاكوف")  # a known name: applied
    qtbot.waitUntil(lambda: 0 < w.model.rowCount() < total)
    combo.setEditText("")
    qtbot.waitUntil(lambda: w.model.rowCount() == total)


def test_a_missing_desk_is_offered_not_failed(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QApplication, QMessageBox

    from factdesk.ui import app as appmod

    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No
    )
    assert appmod.run(str(tmp_path / "new.db"), lang="en") == 0
    assert asked and "Create a new, empty one?" in asked[0]
    assert not (tmp_path / "new.db").exists()
    assert QApplication.instance() is not None


def test_the_analyst_name_from_preferences_goes_into_the_history(qtbot, window, db):
    w = window
    w.settings.setValue("analyst/name", "Rania")
    cid = select_first(qtbot, w)
    qtbot.keyClick(w.table, Qt.Key.Key_3)
    assert get_claim(db, cid).history[-1].analyst == "Rania"
    w.undo.undo()
    assert get_claim(db, cid).history[-1].analyst == "Rania"


def test_first_window_fits_the_screen(window):
    """No saved geometry: the window is sized to the screen's free area, not beyond it (the
    offscreen screen here is 800x600, smaller than the 1440x880 default)."""
    from factdesk.ui.main_window import first_run_size

    free = window.screen().availableGeometry()
    assert free.width() < 1440
    size = first_run_size(window.screen())
    assert size.width() <= free.width() and size.height() <= free.height()
    # the window only goes past the screen where its layout's minimum is wider than the screen
    least = window.minimumSizeHint()
    assert window.width() <= max(free.width(), least.width())
    assert window.height() <= max(free.height(), least.height())
    assert first_run_size(None).width() == 1440
