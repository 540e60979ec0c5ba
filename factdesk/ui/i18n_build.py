"""Rebuild the Arabic UI translation: pyside6-lupdate, fill from AR below, pyside6-lrelease.

    .venv/bin/python -m factdesk.ui.i18n_build

The .ts (for Qt Linguist) and the .qm (loaded at run time) are both committed under
resources/translations/. A source string missing from AR stays "unfinished" and a test fails.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "factdesk_ar.ts"

# Arabic plural forms in Qt's order: 0, 1, 2, 3-10, 11-99, 100+
AR: dict[str, str | tuple[str, ...]] = {
    "%1 is already open in FactDesk.": "‏%1 مفتوحة بالفعل في FactDesk.",
    "Switch to that window, or open a read-only copy here?": (
        "هل تنتقل إلى تلك النافذة، أم تفتح هنا نسخة للقراءة فقط؟"
    ),
    "Switch to the open window": "الانتقال إلى النافذة المفتوحة",
    "Open read-only": "فتح للقراءة فقط",
    "The details were written to %1": "كُتبت التفاصيل في %1",
    "Select a claim to read its article.": "اختر ادعاءً لقراءة مقاله.",
    "%1 checked": "تم التحقق من %1",
    "S&tatus": "ال&حالة",
    "&Speaker": "القا&ئل",
    "S&ource": "ال&مصدر",
    "Value": "القيمة",
    "Tags": "الوسوم",
    "Who said it (type a new name to add one)": "من قاله (اكتب اسمًا جديدًا لإضافته)",
    "Where it was published": "أين نُشر",
    "Add a tag and press Enter": "أضف وسمًا واضغط Enter",
    "Remove tag": "إزالة الوسم",
    "Write a note (Ctrl+Enter adds it)": "اكتب ملاحظة (Ctrl+Enter لإضافتها)",
    "Add note": "إضافة ملاحظة",
    "Add URL…": "إضافة رابط…",
    "Add file…": "إضافة ملف…",
    "Notes": "الملاحظات",
    "Evidence": "الأدلة",
    "History": "السجل",
    "No claim selected": "لم يُختر أي ادعاء",
    "Claim #%1 · %2": "الادعاء رقم %1 · %2",
    "#": "#",
    "Kind": "النوع",
    "Claim": "الادعاء",
    "Speaker": "القائل",
    "Source": "المصدر",
    "Status": "الحالة",
    "Article": "المقال",
    "Export the report": "تصدير التقرير",
    "The claims in the table now (%n)": ("الادعاءات المعروضة في الجدول الآن (%n)",) * 6,
    "All claims": "كل الادعاءات",
    "Browse…": "استعراض…",
    "Export": "تصدير",
    "Write a CSV report (UTF-8, opens in Excel) of:": (
        "كتابة تقرير CSV (‏UTF-8، يُفتح في Excel) يضم:"
    ),
    "CSV files (*.csv)": "ملفات CSV (*.csv)",
    "Choose a file to write.": "اختر ملفًا للكتابة فيه.",
    "Writing %1…": "جارٍ كتابة %1…",
    "Wrote %1 claim(s) to %2.": "كُتب %1 ادعاء في %2.",
    "Export cancelled; nothing was written.": "أُلغي التصدير؛ لم يُكتب شيء.",
    "Search claims (Ctrl+F) — اجتماع finds والاجتماع": (
        "ابحث في الادعاءات (Ctrl+F) — «اجتماع» تجد «والاجتماع»"
    ),
    "All kinds": "كل الأنواع",
    "All statuses": "كل الحالات",
    "Any speaker": "أي قائل",
    "Any source": "أي مصدر",
    "Any tag": "أي وسم",
    "Import articles": "استيراد مقالات",
    "Add files…": "إضافة ملفات…",
    "Add folder…": "إضافة مجلد…",
    "Clear": "مسح",
    "Text files (.txt, .md) and folders of them:": "ملفات نصية (‎.txt و‎.md) ومجلدات تضمها:",
    "Title": "العنوان",
    "Outlet": "الوسيلة الإعلامية",
    "URL": "الرابط",
    "Text": "النص",
    "Files and folders": "ملفات ومجلدات",
    "Pasted text": "نص ملصوق",
    "Import": "استيراد",
    "Import files": "استيراد ملفات",
    "Text files (*.txt *.text *.md);;All files (*)": (
        "ملفات نصية (*.txt *.text *.md);;كل الملفات (*)"
    ),
    "Import a folder": "استيراد مجلد",
    "Paste the article's text first.": "الصق نص المقال أولًا.",
    "Importing the pasted text…": "جارٍ استيراد النص الملصوق…",
    "Add files or a folder first.": "أضف ملفات أو مجلدًا أولًا.",
    # issue 7: saved pages, URLs, Word files and feeds
    "https://… an article or a feed": "https://… مقال أو موجز أخبار",
    "Add URL": "إضافة رابط",
    "Text files (.txt, .md), saved pages (.html), Word files (.docx), "
    "feeds (.rss, .atom, .xml), folders of them, and web addresses:": (
        "ملفات نصية (‎.txt و‎.md) وصفحات محفوظة (‎.html) وملفات وورد (‎.docx) "
        "وموجزات (‎.rss و‎.atom و‎.xml) ومجلدات تضمها، وروابط ويب:"
    ),
    "Files, folders and URLs": "ملفات ومجلدات وروابط",
    "Articles (*.txt *.text *.md *.html *.htm *.docx *.rss *.atom *.xml);;All files (*)": (
        "مقالات (*.txt *.text *.md *.html *.htm *.docx *.rss *.atom *.xml);;كل الملفات (*)"
    ),
    "Enter an address starting with http:// or https://.": (
        "أدخل عنوانًا يبدأ بـ http:// أو https://."
    ),
    "Add files, a folder or a URL first.": "أضف ملفات أو مجلدًا أو رابطًا أولًا.",
    "Feed": "موجز أخبار",
    "https://…/rss, or a .rss/.atom/.xml file": "https://…/rss أو ملف ‎.rss أو ‎.atom أو ‎.xml",
    "List items": "عرض العناصر",
    "Tick the items to import:": "اختر العناصر المراد استيرادها:",
    "Enter a feed address or file first.": "أدخل عنوان الموجز أو ملفه أولًا.",
    "Reading the feed…": "جارٍ قراءة الموجز…",
    "(no title)": "(بلا عنوان)",
    "%1: %2 item(s).": "‏%1: %2 عنصر.",
    "List the feed and tick the items to import first.": (
        "اعرض عناصر الموجز واختر ما تريد استيراده أولًا."
    ),
    "Importing the chosen items…": "جارٍ استيراد العناصر المختارة…",
    "Importing…": "جارٍ الاستيراد…",
    "Imported %1 article(s) with %2 claim(s).": "استُورد %1 مقال تضم %2 ادعاء.",
    "Skipped %1 already in the desk:": "تُخطي %1 موجود من قبل في المكتب:",
    "%1 could not be imported:": "تعذّر استيراد %1:",
    "Cancelled: the articles already imported were kept.": (
        "أُلغي الاستيراد: احتُفظ بالمقالات التي استُوردت قبل ذلك."
    ),
    "quote": "اقتباس",
    "statement": "تصريح",
    "number": "رقم",
    "&File": "&ملف",
    "&Edit": "&تحرير",
    "&Claim": "ا&دعاء",
    "Set &status": "تعيين ال&حالة",
    "&View": "&عرض",
    "&Help": "م&ساعدة",
    "&Import files…": "ا&ستيراد ملفات…",
    "Import a &folder…": "استيراد م&جلد…",
    "Import &pasted text…": "استيراد نص م&لصوق…",
    "&Export report (CSV)…": "ت&صدير التقرير (CSV)…",
    "&Preferences…": "ال&تفضيلات…",
    "&Quit": "إ&نهاء",
    "&Undo": "ت&راجع",
    "&Redo": "إ&عادة",
    "&Find…": "&بحث…",
    "&Clear filters": "م&سح عوامل التصفية",
    "&Merge speakers or sources…": "&دمج القائلين أو المصادر…",
    "&Next claim": "الادعاء ال&تالي",
    "&Previous claim": "الادعاء ال&سابق",
    "Edit &speaker": "تحرير ال&قائل",
    "Edit s&ource": "تحرير ال&مصدر",
    "Write a &note": "كتابة &ملاحظة",
    "Add a &tag": "إضافة &وسم",
    "Add &evidence URL…": "إضافة رابط &دليل…",
    "&Refresh": "&تحديث",
    "&About FactDesk": "&عن FactDesk",
    "Read-only": "للقراءة فقط",
    "read-only": "للقراءة فقط",
    "FactDesk": "FactDesk",
    "Article #%1 ✕": "المقال رقم %1 ✕",
    "Searching…": "جارٍ البحث…",
    "%n claim(s) in %1 ms": (
        "لا ادعاءات (%1 م.ث)",
        "ادعاء واحد في %1 م.ث",
        "ادعاءان في %1 م.ث",
        "%n ادعاءات في %1 م.ث",
        "%n ادعاءً في %1 م.ث",
        "%n ادعاء في %1 م.ث",
    ),
    "%n claim(s)": (
        "لا ادعاءات",
        "ادعاء واحد",
        "ادعاءان",
        "%n ادعاءات",
        "%n ادعاءً",
        "%n ادعاء",
    ),
    "%n claim(s) were changed by someone else since and were left alone": (
        "غيّر شخص آخر الادعاءات منذ ذلك الحين فتُركت كما هي",
        "غيّر شخص آخر ادعاءً واحدًا منذ ذلك الحين فتُرك كما هو",
        "غيّر شخص آخر ادعاءين منذ ذلك الحين فتُركا كما هما",
        "غيّر شخص آخر %n ادعاءات منذ ذلك الحين فتُركت كما هي",
        "غيّر شخص آخر %n ادعاءً منذ ذلك الحين فتُركت كما هي",
        "غيّر شخص آخر %n ادعاء منذ ذلك الحين فتُركت كما هي",
    ),
    "Set status “%1” on %n claim(s)": (
        "تعيين الحالة «%1»",
        "تعيين الحالة «%1» لادعاء واحد",
        "تعيين الحالة «%1» لادعاءين",
        "تعيين الحالة «%1» لـ%n ادعاءات",
        "تعيين الحالة «%1» لـ%n ادعاءً",
        "تعيين الحالة «%1» لـ%n ادعاء",
    ),
    "Set the speaker of claim #%1": "تعيين قائل الادعاء رقم %1",
    "Set the source of claim #%1": "تعيين مصدر الادعاء رقم %1",
    "Note on claim #%1": "ملاحظة على الادعاء رقم %1",
    "Tag “%1”": "الوسم «%1»",
    "Remove tag “%1”": "إزالة الوسم «%1»",
    "Add evidence": "إضافة دليل",
    "URL:": "الرابط:",
    "Evidence on claim #%1": "دليل على الادعاء رقم %1",
    "Add an evidence file": "إضافة ملف دليل",
    "Merge speakers or sources": "دمج القائلين أو المصادر",
    "About FactDesk": "عن FactDesk",
    "FactDesk %1 — a claim-tracking desk for fact-checkers.\n\nArabic text is set in Noto Sans "
    "Arabic and Noto Naskh Arabic (SIL Open Font License 1.1, Google LLC).": (
        "FactDesk %1 — مكتب لتتبّع الادعاءات لمدققي الحقائق.\n\n"
        "يُعرض النص العربي بخطَّي Noto Sans Arabic وNoto Naskh Arabic "
        "(رخصة SIL Open Font License 1.1، ‏Google LLC)."
    ),
    "Merge": "دمج",
    "into": "في",
    "Its claims move to the second one; its spelling is kept as an alias. You can undo this.": (
        "تنتقل ادعاءاته إلى الثاني، ويُحتفظ بتهجئته اسمًا بديلًا. يمكنك التراجع عن ذلك."
    ),
    "Preferences": "التفضيلات",
    "System default": "لغة النظام",
    "Stay on the claim": "البقاء على الادعاء",
    "Move to the next claim": "الانتقال إلى الادعاء التالي",
    "Language": "اللغة",
    "After setting a status": "بعد تعيين الحالة",
    "A new language applies when FactDesk restarts.": (
        "تُطبَّق اللغة الجديدة عند إعادة تشغيل FactDesk."
    ),
    "Cancelling…": "جارٍ الإلغاء…",
    "Set status": "تعيين الحالة",
    "Claims": "الادعاءات",
    "Articles": "المقالات",
    "Article text": "نص المقال",
    "Search claims": "البحث في الادعاءات",
    "Selected claim": "الادعاء المختار",
    "Your name in the history": "اسمك في السجل",
    "Undoing “%1”…": "جارٍ التراجع عن «%1»…",
    "Redoing “%1”…": "جارٍ إعادة «%1»…",
    "There is no desk at %1. Create a new, empty one?": (
        "لا يوجد مكتب في %1. هل تنشئ مكتبًا جديدًا فارغًا؟"
    ),
    "Restart FactDesk now to show the new language?": (
        "هل تعيد تشغيل FactDesk الآن لعرض اللغة الجديدة؟"
    ),
    "New…": "جديد…",
    "New name": "اسم جديد",
    "Name:": "الاسم:",
    "Articles (newest first)": "المقالات (الأحدث أولًا)",
    "Note": "ملاحظة",
    "Tag": "وسم",
    "Speaker or source": "قائل أو مصدر",
    "set": "عُيّن",
    "added": "أُضيف",
    "removed": "أُزيل",
    "undone": "تراجع",
    "merged": "دُمج",
    "Set the status of %1 claims to “%2”?": "هل تعيّن حالة %1 ادعاء إلى «%2»؟",
    "Setting the status of %1 claims…": "جارٍ تعيين حالة %1 ادعاء…",
    "This desk is empty: import articles with File → Import files (Ctrl+O).": (
        "هذا المكتب فارغ: استورد مقالات من ملف ← استيراد ملفات (Ctrl+O)."
    ),
}


def _tool(name: str) -> str:
    here = Path(sys.executable).with_name(name)
    return str(here) if here.exists() else (shutil.which(name) or name)


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "factdesk" / "ui").glob("*.py"))
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            *sources,
            "-no-obsolete",
            "-ts",
            str(TS),
            "-target-language",
            "ar",
        ],
        cwd=ROOT,
        check=True,
    )
    tree = ET.parse(TS)
    missing = []
    for msg in tree.getroot().iter("message"):
        src = msg.findtext("source") or ""
        tr = msg.find("translation")
        assert tr is not None
        want = AR.get(src)
        if want is None:
            missing.append(src)
            continue
        tr.attrib.pop("type", None)
        for child in list(tr):
            tr.remove(child)
        if msg.get("numerus") == "yes":
            tr.text = None
            forms = want if isinstance(want, tuple) else (want,) * 6
            for form in forms:
                ET.SubElement(tr, "numerusform").text = form
        else:
            tr.text = want if isinstance(want, str) else want[0]
    ET.indent(tree)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([_tool("pyside6-lrelease"), str(TS)], cwd=ROOT, check=True)
    for m in missing:
        print(f"untranslated: {m!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
