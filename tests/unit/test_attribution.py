"""Speaker and source rules, each on a small text of its own (no story from the seed)."""

from factdesk.extract import extract
from factdesk.extract.evaluate import names_match


def only(text: str, kind: str):
    items = extract(text).of_kind(kind)
    assert len(items) == 1, items
    return items[0]


def test_verb_subject_order_with_title():
    q = only('وقال وزير المالية المصري أحمد كوجك: "سنخفض العجز هذا العام بشكل كبير".', "quote")
    assert names_match(q.speaker, ["كوجك"])


def test_apposition_after_the_name():
    s = only("وأفاد سامح شكري، وزير الخارجية، أن المحادثات كانت مثمرة للغاية.", "statement")
    assert names_match(s.speaker, ["شكري"])
    assert s.text == "المحادثات كانت مثمرة للغاية"


def test_speaker_named_after_the_quote():
    q = only("«لن نسمح بانهيار العملة مهما كلف الأمر»، قال محافظ البنك المركزي حسن عبد الله.",
             "quote")
    assert names_match(q.speaker, ["عبد الله"])


def test_dropped_subject_carries_the_last_speaker():
    r = extract(
        'قال رئيس الوزراء مصطفى مدبولي إن الأسعار ستستقر. وأضاف: "نحن نتابع الأسواق يوميا".'
    )
    (q,) = r.of_kind("quote")
    assert names_match(q.speaker, ["مدبولي"])


def test_outlet_as_subject_is_the_source_not_the_speaker():
    s = only("وذكرت وكالة رويترز أن الشركة ستغلق مصنعين في العام المقبل.", "statement")
    assert s.speaker is None
    assert names_match(s.source, ["رويترز", "Reuters"])


def test_platform_is_the_source_and_a_generic_mention_points_back():
    r = extract(
        'كتب الوزير خالد العنزي على منصة إكس: "الخدمة ستعود خلال ساعات قليلة". '
        'ثم كتب على المنصة نفسها: "نعتذر لجميع المتضررين من الانقطاع".'
    )
    q1, q2 = r.of_kind("quote")
    assert names_match(q1.source, ["إكس", "X"]) and names_match(q2.source, ["إكس", "X"])
    assert names_match(q2.speaker, ["العنزي"])


def test_english_speaker_after_quote_and_pronoun_carry_over():
    r = extract(
        "“We will not raise income tax,” said Rachel Reeves, the chancellor. "
        "“This budget is about growth,” she added."
    )
    q1, q2 = r.of_kind("quote")
    assert names_match(q1.speaker, ["Reeves"]) and names_match(q2.speaker, ["Reeves"])


def test_english_told_outlet_is_a_source():
    s = only("The minister told Reuters that talks would resume next week.", "statement")
    assert names_match(s.source, ["Reuters"])


def test_numbers_take_the_speaker_of_their_statement():
    r = extract("وأوضح المتحدث باسم الوزارة أحمد ناصر أن الحريق أتى على نحو 30 منزلا.")
    (n,) = r.of_kind("numeric")
    assert names_match(n.speaker, ["ناصر"])
    assert n.text == "نحو 30 منزلا" and n.approx


def test_narration_numbers_have_no_speaker():
    (n,) = extract("وصل الرئيس إلى المدينة بعد رحلة استغرقت ثلاث ساعات.").of_kind("numeric")
    assert n.speaker is None and n.source is None


def test_variants_of_one_name_are_one_entity():
    r = extract(
        'قال الرئيس الأمريكي دونالد ترامب: "سنعلن القرار قريبا جدا". '
        'وقال ترامب إن الاجتماع كان جيدا.'
    )
    people = [e for e in r.entities if e.kind == "person"]
    assert len(people) == 1
    assert people[0].name == "دونالد ترامب" and "ترامب" in people[0].aliases
    assert {c.speaker for c in r.claims if c.kind != "numeric"} == {"دونالد ترامب"}


def test_title_genitive_names_and_outlet_anaphor():
    r = extract(
        "من جانبه، حذر المفوض العام لوكالة الأونروا فيليب لازاريني من \"كارثة إنسانية غير "
        "مسبوقة\"، وكتب على منصة إكس: «لا يمكن للعالم أن يقف متفرجا بينما يموت الأطفال».\n\n"
        "وقالت صحيفة «نيويورك تايمز» الأمريكية إن المفاوضات قد تستأنف الأسبوع المقبل. "
        "وأضافت الصحيفة أن الوسطاء قدموا مقترحا يتضمن هدنة لمدة 60 يوما."
    )
    q1, q2 = r.of_kind("quote")
    assert names_match(q1.speaker, ["لازاريني"]) and q1.source is None
    assert names_match(q2.speaker, ["لازاريني"]) and names_match(q2.source, ["إكس"])
    s1, s2 = r.of_kind("statement")
    for s in (s1, s2):
        assert s.speaker is None and names_match(s.source, ["نيويورك تايمز"])


def test_a_later_clause_owns_its_complementiser():
    r = extract(
        "أعلنت وزارة الصحة ارتفاع عدد الضحايا، فيما قالت الأمم المتحدة إن مليوني شخص يعانون الجوع."
    )
    (s,) = r.of_kind("statement")
    assert names_match(s.speaker, ["الأمم المتحدة"])


def test_a_report_is_spoken_for_by_its_author():
    r = extract("وبحسب تقرير لبرنامج الأغذية العالمي، ارتفعت أسعار الدقيق 400 في المئة.")
    (n,) = r.of_kind("numeric")
    assert n.speaker == "برنامج الأغذية العالمي"


def test_english_coordinated_said_keeps_the_sentence_subject():
    r = extract(
        'Opposition leader Kemi Badenoch called the figures "a drop in the ocean" and said '
        "the Conservatives would cut taxes."
    )
    (q,) = r.of_kind("quote")
    assert names_match(q.speaker, ["Badenoch"])


def test_outlet_attached_to_the_speaker_is_the_source():
    r = extract("قال الخبير الاقتصادي هاني توفيق لـ«الشروق» إن القرار «جاء متأخرا» في رأيه.")
    (s,) = r.of_kind("statement")
    assert s.speaker == "هاني توفيق" and s.source == "الشروق"


def test_english_descriptions_bodies_and_ages():
    r = extract(
        '"We are not going to accept this deal," a senior EU official said.\n\n'
        "According to the World Health Organization, at least 2,000 people have died. "
        'The agency said that the outbreak was "the worst in a decade".\n\n'
        '"It\'s a disaster," said Maria Gonzalez, 54, whose house was flooded.'
    )
    q1, q2, q3 = r.of_kind("quote")
    assert q1.speaker == "senior EU official"
    assert q2.speaker == "World Health Organization"
    assert q3.speaker == "Maria Gonzalez"
    assert [n.text for n in r.of_kind("numeric")] == ["at least 2,000 people"]


def test_a_surname_links_to_the_full_name_met_before_it():
    r = extract(
        "قال الوزير خالد عبدالغفار إن الوضع مستقر.\n\n"
        '"لا صحة للشائعات"، قال عبدالغفار للصحفيين بعد الاجتماع.\n\n'
        "وقال المتحدث حسام عبدالغفار إن الإصابات طبيعية."
    )
    (q,) = r.of_kind("quote")
    assert q.speaker == "خالد عبدالغفار"


def test_names_after_titles_adverbs_and_quoted_names_in_subjects():
    r = extract(
        'وعلّقت الإعلامية لميس الحديدي على القرار، قائلة: "هذه الزيادات كانت كبيرة جدا".\n\n'
        "وكان وزير الخارجية الأردني أيمن الصفدي قد أكد مرارا أن المملكة تستضيف مليون سوري.\n\n"
        "وأعلنت جمعية «غيث» الخيرية أنها خصصت 15 مليون ريال لشراء خيام."
    )
    (q,) = r.of_kind("quote")
    s1, s2 = r.of_kind("statement")
    assert names_match(q.speaker, ["الحديدي"])
    assert names_match(s1.speaker, ["الصفدي"])
    assert names_match(s2.speaker, ["جمعية غيث"])


def test_field_of_a_title_quoted_outlet_and_agency_name():
    r = extract(
        'وقال الباحث في الشؤون الاقتصادية محمد عادل، في تصريحات لـ"الجزيرة نت"، إن '
        '"الأرقام الرسمية لا تعكس الواقع"، موضحا أن آلاف الأسر فقدت مصدر دخلها.\n\n'
        "ونقلت وكالة الأنباء السعودية (واس) عن مصدر مسؤول قوله إن قوات الأمن اعتقلت 15 شخصا.\n\n"
        "ويعيش ما يقارب 35 مليون نسمة تحت خط الفقر، وفق تقديرات الأمم المتحدة."
    )
    (q,) = r.of_kind("quote")
    assert q.speaker == "محمد عادل" and q.source == "الجزيرة نت"
    s1, s2 = r.of_kind("statement")
    assert s1.speaker == "محمد عادل"
    assert s2.speaker == "مصدر مسؤول" and s2.source == "وكالة الأنباء السعودية"
    assert r.of_kind("numeric")[-1].speaker == "الأمم المتحدة"
