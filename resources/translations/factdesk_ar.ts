<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ar">
  <context>
    <name>App</name>
    <message>
      <location filename="../../factdesk/ui/app.py" line="177" />
      <source>%1 is already open in FactDesk.</source>
      <translation>‏%1 مفتوحة بالفعل في FactDesk.</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/app.py" line="182" />
      <source>Switch to that window, or open a read-only copy here?</source>
      <translation>هل تنتقل إلى تلك النافذة، أم تفتح هنا نسخة للقراءة فقط؟</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/app.py" line="185" />
      <source>Switch to the open window</source>
      <translation>الانتقال إلى النافذة المفتوحة</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/app.py" line="189" />
      <source>Open read-only</source>
      <translation>فتح للقراءة فقط</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/app.py" line="252" />
      <source>There is no desk at %1. Create a new, empty one?</source>
      <translation>لا يوجد مكتب في %1. هل تنشئ مكتبًا جديدًا فارغًا؟</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/app.py" line="272" />
      <source>The details were written to %1</source>
      <translation>كُتبت التفاصيل في %1</translation>
    </message>
  </context>
  <context>
    <name>ArticleView</name>
    <message>
      <location filename="../../factdesk/ui/views.py" line="100" />
      <source>Select a claim to read its article.</source>
      <translation>اختر ادعاءً لقراءة مقاله.</translation>
    </message>
  </context>
  <context>
    <name>ArticlesModel</name>
    <message numerus="yes">
      <location filename="../../factdesk/ui/views.py" line="213" />
      <source>%n claim(s)</source>
      <translation>
        <numerusform>لا ادعاءات</numerusform>
        <numerusform>ادعاء واحد</numerusform>
        <numerusform>ادعاءان</numerusform>
        <numerusform>%n ادعاءات</numerusform>
        <numerusform>%n ادعاءً</numerusform>
        <numerusform>%n ادعاء</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/views.py" line="215" />
      <source>%1 checked</source>
      <translation>تم التحقق من %1</translation>
    </message>
  </context>
  <context>
    <name>ClaimPanel</name>
    <message>
      <location filename="../../factdesk/ui/claim_panel.py" line="209" />
      <source>S&amp;tatus</source>
      <translation>ال&amp;حالة</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claim_panel.py" line="210" />
      <source>&amp;Speaker</source>
      <translation>القا&amp;ئل</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claim_panel.py" line="211" />
      <source>S&amp;ource</source>
      <translation>ال&amp;مصدر</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claim_panel.py" line="212" />
      <source>Value</source>
      <translation>القيمة</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claim_panel.py" line="213" />
      <source>Tags</source>
      <translation>الوسوم</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claim_panel.py" line="222" />
      <source>Who said it (type a new name to add one)</source>
      <translation>من قاله (اكتب اسمًا جديدًا لإضافته)</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claim_panel.py" line="224" />
      <source>Where it was published</source>
      <translation>أين نُشر</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claim_panel.py" line="225" />
      <source>Add a tag and press Enter</source>
      <translation>أضف وسمًا واضغط Enter</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claim_panel.py" line="226" />
      <source>Remove tag</source>
      <translation>إزالة الوسم</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claim_panel.py" line="227" />
      <source>Write a note (Ctrl+Enter adds it)</source>
      <translation>اكتب ملاحظة (Ctrl+Enter لإضافتها)</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claim_panel.py" line="228" />
      <source>Add note</source>
      <translation>إضافة ملاحظة</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claim_panel.py" line="229" />
      <source>Add URL…</source>
      <translation>إضافة رابط…</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claim_panel.py" line="230" />
      <source>Add file…</source>
      <translation>إضافة ملف…</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claim_panel.py" line="231" />
      <source>Notes</source>
      <translation>الملاحظات</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claim_panel.py" line="232" />
      <location filename="../../factdesk/ui/claim_panel.py" line="319" />
      <source>Evidence</source>
      <translation>الأدلة</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claim_panel.py" line="233" />
      <source>History</source>
      <translation>السجل</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claim_panel.py" line="267" />
      <source>No claim selected</source>
      <translation>لم يُختر أي ادعاء</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claim_panel.py" line="277" />
      <source>Claim #%1 · %2</source>
      <translation>الادعاء رقم %1 · %2</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claim_panel.py" line="315" />
      <source>Status</source>
      <translation>الحالة</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claim_panel.py" line="316" />
      <source>Speaker</source>
      <translation>القائل</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claim_panel.py" line="317" />
      <source>Source</source>
      <translation>المصدر</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claim_panel.py" line="318" />
      <source>Note</source>
      <translation>ملاحظة</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claim_panel.py" line="320" />
      <source>Tag</source>
      <translation>وسم</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claim_panel.py" line="321" />
      <source>Speaker or source</source>
      <translation>قائل أو مصدر</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claim_panel.py" line="324" />
      <source>set</source>
      <translation>عُيّن</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claim_panel.py" line="325" />
      <source>added</source>
      <translation>أُضيف</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claim_panel.py" line="326" />
      <source>removed</source>
      <translation>أُزيل</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claim_panel.py" line="327" />
      <source>undone</source>
      <translation>تراجع</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claim_panel.py" line="328" />
      <source>merged</source>
      <translation>دُمج</translation>
    </message>
  </context>
  <context>
    <name>ClaimsModel</name>
    <message>
      <location filename="../../factdesk/ui/claims_model.py" line="454" />
      <source>#</source>
      <translation>#</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claims_model.py" line="455" />
      <source>Kind</source>
      <translation>النوع</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claims_model.py" line="456" />
      <source>Claim</source>
      <translation>الادعاء</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claims_model.py" line="457" />
      <source>Value</source>
      <translation>القيمة</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claims_model.py" line="458" />
      <source>Speaker</source>
      <translation>القائل</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claims_model.py" line="459" />
      <source>Source</source>
      <translation>المصدر</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claims_model.py" line="460" />
      <source>Status</source>
      <translation>الحالة</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claims_model.py" line="461" />
      <source>Article</source>
      <translation>المقال</translation>
    </message>
  </context>
  <context>
    <name>Dialogs</name>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="44" />
      <source>The details were written to %1</source>
      <translation>كُتبت التفاصيل في %1</translation>
    </message>
  </context>
  <context>
    <name>EntityPicker</name>
    <message>
      <location filename="../../factdesk/ui/claim_panel.py" line="67" />
      <source>New…</source>
      <translation>جديد…</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claim_panel.py" line="85" />
      <source>New name</source>
      <translation>اسم جديد</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claim_panel.py" line="85" />
      <source>Name:</source>
      <translation>الاسم:</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="415" />
      <location filename="../../factdesk/ui/dialogs.py" line="446" />
      <source>Export the report</source>
      <translation>تصدير التقرير</translation>
    </message>
    <message numerus="yes">
      <location filename="../../factdesk/ui/dialogs.py" line="417" />
      <source>The claims in the table now (%n)</source>
      <translation>
        <numerusform>الادعاءات المعروضة في الجدول الآن (%n)</numerusform>
        <numerusform>الادعاءات المعروضة في الجدول الآن (%n)</numerusform>
        <numerusform>الادعاءات المعروضة في الجدول الآن (%n)</numerusform>
        <numerusform>الادعاءات المعروضة في الجدول الآن (%n)</numerusform>
        <numerusform>الادعاءات المعروضة في الجدول الآن (%n)</numerusform>
        <numerusform>الادعاءات المعروضة في الجدول الآن (%n)</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="419" />
      <source>All claims</source>
      <translation>كل الادعاءات</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="428" />
      <source>Browse…</source>
      <translation>استعراض…</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="433" />
      <source>Export</source>
      <translation>تصدير</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="435" />
      <source>Write a CSV report (UTF-8, opens in Excel) of:</source>
      <translation>كتابة تقرير CSV (‏UTF-8، يُفتح في Excel) يضم:</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="446" />
      <source>CSV files (*.csv)</source>
      <translation>ملفات CSV (*.csv)</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="456" />
      <source>Choose a file to write.</source>
      <translation>اختر ملفًا للكتابة فيه.</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="464" />
      <source>Writing %1…</source>
      <translation>جارٍ كتابة %1…</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="474" />
      <source>Wrote %1 claim(s) to %2.</source>
      <translation>كُتب %1 ادعاء في %2.</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="481" />
      <source>Export cancelled; nothing was written.</source>
      <translation>أُلغي التصدير؛ لم يُكتب شيء.</translation>
    </message>
  </context>
  <context>
    <name>FilterBar</name>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="102" />
      <source>Search claims (Ctrl+F) — اجتماع finds والاجتماع</source>
      <translation>ابحث في الادعاءات (Ctrl+F) — «اجتماع» تجد «والاجتماع»</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="106" />
      <source>All kinds</source>
      <translation>كل الأنواع</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="112" />
      <source>All statuses</source>
      <translation>كل الحالات</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="117" />
      <source>Any speaker</source>
      <translation>أي قائل</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="118" />
      <source>Any source</source>
      <translation>أي مصدر</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="119" />
      <source>Any tag</source>
      <translation>أي وسم</translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="133" />
      <source>Import articles</source>
      <translation>استيراد مقالات</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="138" />
      <source>Add files…</source>
      <translation>إضافة ملفات…</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="140" />
      <source>Add folder…</source>
      <translation>إضافة مجلد…</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="142" />
      <source>Clear</source>
      <translation>مسح</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="177" />
      <source>Title</source>
      <translation>العنوان</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="178" />
      <source>Outlet</source>
      <translation>الوسيلة الإعلامية</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="179" />
      <source>URL</source>
      <translation>الرابط</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="180" />
      <source>Text</source>
      <translation>النص</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="182" />
      <source>Pasted text</source>
      <translation>نص ملصوق</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="188" />
      <source>Import</source>
      <translation>استيراد</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="203" />
      <source>Import files</source>
      <translation>استيراد ملفات</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="214" />
      <source>Import a folder</source>
      <translation>استيراد مجلد</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="333" />
      <source>Paste the article's text first.</source>
      <translation>الصق نص المقال أولًا.</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="340" />
      <source>Importing the pasted text…</source>
      <translation>جارٍ استيراد النص الملصوق…</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="146" />
      <source>https://… an article or a feed</source>
      <translation>https://… مقال أو موجز أخبار</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="148" />
      <source>Add URL</source>
      <translation>إضافة رابط</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="154" />
      <source>Text files (.txt, .md), saved pages (.html), Word files (.docx), feeds (.rss, .atom, .xml), folders of them, and web addresses:</source>
      <translation>ملفات نصية (‎.txt و‎.md) وصفحات محفوظة (‎.html) وملفات وورد (‎.docx) وموجزات (‎.rss و‎.atom و‎.xml) ومجلدات تضمها، وروابط ويب:</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="181" />
      <source>Files, folders and URLs</source>
      <translation>ملفات ومجلدات وروابط</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="183" />
      <source>Feed</source>
      <translation>موجز أخبار</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="206" />
      <source>Articles (*.txt *.text *.md *.html *.htm *.docx *.rss *.atom *.xml);;All files (*)</source>
      <translation>مقالات (*.txt *.text *.md *.html *.htm *.docx *.rss *.atom *.xml);;كل الملفات (*)</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="232" />
      <source>https://…/rss, or a .rss/.atom/.xml file</source>
      <translation>https://…/rss أو ملف ‎.rss أو ‎.atom أو ‎.xml</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="234" />
      <source>List items</source>
      <translation>عرض العناصر</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="246" />
      <source>Tick the items to import:</source>
      <translation>اختر العناصر المراد استيرادها:</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="256" />
      <source>Enter a feed address or file first.</source>
      <translation>أدخل عنوان الموجز أو ملفه أولًا.</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="258" />
      <source>Reading the feed…</source>
      <translation>جارٍ قراءة الموجز…</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="287" />
      <source>%1: %2 item(s).</source>
      <translation>‏%1: %2 عنصر.</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="305" />
      <source>Enter an address starting with http:// or https://.</source>
      <translation>أدخل عنوانًا يبدأ بـ http:// أو https://.</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="321" />
      <source>List the feed and tick the items to import first.</source>
      <translation>اعرض عناصر الموجز واختر ما تريد استيراده أولًا.</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="323" />
      <source>Importing the chosen items…</source>
      <translation>جارٍ استيراد العناصر المختارة…</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="354" />
      <source>Add files, a folder or a URL first.</source>
      <translation>أضف ملفات أو مجلدًا أو رابطًا أولًا.</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="356" />
      <source>Importing…</source>
      <translation>جارٍ الاستيراد…</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="372" />
      <source>Imported %1 article(s) with %2 claim(s).</source>
      <translation>استُورد %1 مقال تضم %2 ادعاء.</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="378" />
      <source>Skipped %1 already in the desk:</source>
      <translation>تُخطي %1 موجود من قبل في المكتب:</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="387" />
      <source>%1 could not be imported:</source>
      <translation>تعذّر استيراد %1:</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="391" />
      <source>Cancelled: the articles already imported were kept.</source>
      <translation>أُلغي الاستيراد: احتُفظ بالمقالات التي استُوردت قبل ذلك.</translation>
    </message>
  </context>
  <context>
    <name>Kinds</name>
    <message>
      <location filename="../../factdesk/ui/claims_model.py" line="99" />
      <source>quote</source>
      <translation>اقتباس</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claims_model.py" line="100" />
      <source>statement</source>
      <translation>تصريح</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/claims_model.py" line="101" />
      <source>number</source>
      <translation>رقم</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="358" />
      <source>read-only</source>
      <translation>للقراءة فقط</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="360" />
      <source>&amp;File</source>
      <translation>&amp;ملف</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="361" />
      <source>&amp;Edit</source>
      <translation>&amp;تحرير</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="362" />
      <source>&amp;Claim</source>
      <translation>ا&amp;دعاء</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="363" />
      <source>Set &amp;status</source>
      <translation>تعيين ال&amp;حالة</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="364" />
      <source>&amp;View</source>
      <translation>&amp;عرض</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="365" />
      <source>&amp;Help</source>
      <translation>م&amp;ساعدة</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="366" />
      <source>&amp;Import files…</source>
      <translation>ا&amp;ستيراد ملفات…</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="367" />
      <source>Import a &amp;folder…</source>
      <translation>استيراد م&amp;جلد…</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="368" />
      <source>Import &amp;pasted text…</source>
      <translation>استيراد نص م&amp;لصوق…</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="369" />
      <source>&amp;Export report (CSV)…</source>
      <translation>ت&amp;صدير التقرير (CSV)…</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="370" />
      <source>&amp;Preferences…</source>
      <translation>ال&amp;تفضيلات…</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="371" />
      <source>&amp;Quit</source>
      <translation>إ&amp;نهاء</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="297" />
      <source>&amp;Undo</source>
      <translation>ت&amp;راجع</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="299" />
      <source>&amp;Redo</source>
      <translation>إ&amp;عادة</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="372" />
      <source>&amp;Find…</source>
      <translation>&amp;بحث…</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="373" />
      <source>&amp;Clear filters</source>
      <translation>م&amp;سح عوامل التصفية</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="374" />
      <source>&amp;Merge speakers or sources…</source>
      <translation>&amp;دمج القائلين أو المصادر…</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="375" />
      <source>&amp;Next claim</source>
      <translation>الادعاء ال&amp;تالي</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="376" />
      <source>&amp;Previous claim</source>
      <translation>الادعاء ال&amp;سابق</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="377" />
      <source>Edit &amp;speaker</source>
      <translation>تحرير ال&amp;قائل</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="378" />
      <source>Edit s&amp;ource</source>
      <translation>تحرير ال&amp;مصدر</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="379" />
      <source>Write a &amp;note</source>
      <translation>كتابة &amp;ملاحظة</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="380" />
      <source>Add a &amp;tag</source>
      <translation>إضافة &amp;وسم</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="381" />
      <source>Add &amp;evidence URL…</source>
      <translation>إضافة رابط &amp;دليل…</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="382" />
      <source>&amp;Refresh</source>
      <translation>&amp;تحديث</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="383" />
      <source>&amp;About FactDesk</source>
      <translation>&amp;عن FactDesk</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="386" />
      <source>Articles (newest first)</source>
      <translation>المقالات (الأحدث أولًا)</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="388" />
      <source>Claims</source>
      <translation>الادعاءات</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="389" />
      <source>Articles</source>
      <translation>المقالات</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="390" />
      <source>Article text</source>
      <translation>نص المقال</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="391" />
      <source>Search claims</source>
      <translation>البحث في الادعاءات</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="392" />
      <source>Selected claim</source>
      <translation>الادعاء المختار</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="393" />
      <source>Read-only</source>
      <translation>للقراءة فقط</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="493" />
      <location filename="../../factdesk/ui/main_window.py" line="969" />
      <source>FactDesk</source>
      <translation>FactDesk</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="524" />
      <source>Article #%1 ✕</source>
      <translation>المقال رقم %1 ✕</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="529" />
      <source>Searching…</source>
      <translation>جارٍ البحث…</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="540" />
      <source>This desk is empty: import articles with File → Import files (Ctrl+O).</source>
      <translation>هذا المكتب فارغ: استورد مقالات من ملف ← استيراد ملفات (Ctrl+O).</translation>
    </message>
    <message numerus="yes">
      <location filename="../../factdesk/ui/main_window.py" line="544" />
      <source>%n claim(s) in %1 ms</source>
      <translation>
        <numerusform>لا ادعاءات (%1 م.ث)</numerusform>
        <numerusform>ادعاء واحد في %1 م.ث</numerusform>
        <numerusform>ادعاءان في %1 م.ث</numerusform>
        <numerusform>%n ادعاءات في %1 م.ث</numerusform>
        <numerusform>%n ادعاءً في %1 م.ث</numerusform>
        <numerusform>%n ادعاء في %1 م.ث</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../factdesk/ui/main_window.py" line="551" />
      <source>%n claim(s)</source>
      <translation>
        <numerusform>لا ادعاءات</numerusform>
        <numerusform>ادعاء واحد</numerusform>
        <numerusform>ادعاءان</numerusform>
        <numerusform>%n ادعاءات</numerusform>
        <numerusform>%n ادعاءً</numerusform>
        <numerusform>%n ادعاء</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../factdesk/ui/main_window.py" line="664" />
      <source>%n claim(s) were changed by someone else since and were left alone</source>
      <translation>
        <numerusform>غيّر شخص آخر الادعاءات منذ ذلك الحين فتُركت كما هي</numerusform>
        <numerusform>غيّر شخص آخر ادعاءً واحدًا منذ ذلك الحين فتُرك كما هو</numerusform>
        <numerusform>غيّر شخص آخر ادعاءين منذ ذلك الحين فتُركا كما هما</numerusform>
        <numerusform>غيّر شخص آخر %n ادعاءات منذ ذلك الحين فتُركت كما هي</numerusform>
        <numerusform>غيّر شخص آخر %n ادعاءً منذ ذلك الحين فتُركت كما هي</numerusform>
        <numerusform>غيّر شخص آخر %n ادعاء منذ ذلك الحين فتُركت كما هي</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../factdesk/ui/main_window.py" line="696" />
      <source>Set status “%1” on %n claim(s)</source>
      <translation>
        <numerusform>تعيين الحالة «%1»</numerusform>
        <numerusform>تعيين الحالة «%1» لادعاء واحد</numerusform>
        <numerusform>تعيين الحالة «%1» لادعاءين</numerusform>
        <numerusform>تعيين الحالة «%1» لـ%n ادعاءات</numerusform>
        <numerusform>تعيين الحالة «%1» لـ%n ادعاءً</numerusform>
        <numerusform>تعيين الحالة «%1» لـ%n ادعاء</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="719" />
      <source>Set the status of %1 claims to “%2”?</source>
      <translation>هل تعيّن حالة %1 ادعاء إلى «%2»؟</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="723" />
      <source>Set status</source>
      <translation>تعيين الحالة</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="733" />
      <source>Setting the status of %1 claims…</source>
      <translation>جارٍ تعيين حالة %1 ادعاء…</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="748" />
      <source>Set the speaker of claim #%1</source>
      <translation>تعيين قائل الادعاء رقم %1</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="759" />
      <source>Set the source of claim #%1</source>
      <translation>تعيين مصدر الادعاء رقم %1</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="770" />
      <source>Note on claim #%1</source>
      <translation>ملاحظة على الادعاء رقم %1</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="779" />
      <source>Tag “%1”</source>
      <translation>الوسم «%1»</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="789" />
      <source>Remove tag “%1”</source>
      <translation>إزالة الوسم «%1»</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="797" />
      <source>Add evidence</source>
      <translation>إضافة دليل</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="797" />
      <source>URL:</source>
      <translation>الرابط:</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="801" />
      <location filename="../../factdesk/ui/main_window.py" line="815" />
      <source>Evidence on claim #%1</source>
      <translation>دليل على الادعاء رقم %1</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="810" />
      <source>Add an evidence file</source>
      <translation>إضافة ملف دليل</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="841" />
      <source>Merge speakers or sources</source>
      <translation>دمج القائلين أو المصادر</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="949" />
      <source>Preferences</source>
      <translation>التفضيلات</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="950" />
      <source>Restart FactDesk now to show the new language?</source>
      <translation>هل تعيد تشغيل FactDesk الآن لعرض اللغة الجديدة؟</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="959" />
      <source>About FactDesk</source>
      <translation>عن FactDesk</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/main_window.py" line="961" />
      <source>FactDesk %1 — a claim-tracking desk for fact-checkers.

Arabic text is set in Noto Sans Arabic and Noto Naskh Arabic (SIL Open Font License 1.1, Google LLC).</source>
      <translation>FactDesk %1 — مكتب لتتبّع الادعاءات لمدققي الحقائق.

يُعرض النص العربي بخطَّي Noto Sans Arabic وNoto Naskh Arabic (رخصة SIL Open Font License 1.1، ‏Google LLC).</translation>
    </message>
  </context>
  <context>
    <name>MergeDialog</name>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="492" />
      <source>Merge speakers or sources</source>
      <translation>دمج القائلين أو المصادر</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="503" />
      <location filename="../../factdesk/ui/dialogs.py" line="515" />
      <source>Merge</source>
      <translation>دمج</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="504" />
      <source>into</source>
      <translation>في</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="507" />
      <source>Its claims move to the second one; its spelling is kept as an alias. You can undo this.</source>
      <translation>تنتقل ادعاءاته إلى الثاني، ويُحتفظ بتهجئته اسمًا بديلًا. يمكنك التراجع عن ذلك.</translation>
    </message>
  </context>
  <context>
    <name>PreferencesDialog</name>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="536" />
      <source>Preferences</source>
      <translation>التفضيلات</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="538" />
      <source>System default</source>
      <translation>لغة النظام</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="544" />
      <source>Stay on the claim</source>
      <translation>البقاء على الادعاء</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="545" />
      <source>Move to the next claim</source>
      <translation>الانتقال إلى الادعاء التالي</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="554" />
      <source>Your name in the history</source>
      <translation>اسمك في السجل</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="555" />
      <source>Language</source>
      <translation>اللغة</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="556" />
      <source>After setting a status</source>
      <translation>بعد تعيين الحالة</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="557" />
      <source>A new language applies when FactDesk restarts.</source>
      <translation>تُطبَّق اللغة الجديدة عند إعادة تشغيل FactDesk.</translation>
    </message>
  </context>
  <context>
    <name>ServiceUndo</name>
    <message>
      <location filename="../../factdesk/ui/commands.py" line="88" />
      <source>Undoing “%1”…</source>
      <translation>جارٍ التراجع عن «%1»…</translation>
    </message>
    <message>
      <location filename="../../factdesk/ui/commands.py" line="90" />
      <source>Redoing “%1”…</source>
      <translation>جارٍ إعادة «%1»…</translation>
    </message>
  </context>
  <context>
    <name>_WorkDialog</name>
    <message>
      <location filename="../../factdesk/ui/dialogs.py" line="97" />
      <source>Cancelling…</source>
      <translation>جارٍ الإلغاء…</translation>
    </message>
  </context>
</TS>