"""Numeric claims: what is one, what its value and unit are, and what is not a claim."""

import pytest

from factdesk.extract import extract


def numbers(text: str):
    return [c for c in extract(text).of_kind("numeric")]


@pytest.mark.parametrize(
    "text, claim, value, unit",
    [
        ("عرضت شراء أسلحة بقيمة 100 مليار دولار", "100 مليار دولار", 1e11, "USD"),
        ("عرضت شراء أسلحة بقيمة ١٠٠ مليار دولار", "١٠٠ مليار دولار", 1e11, "USD"),
        ("بلغت الخسائر 1.5 مليون يورو", "1.5 مليون يورو", 1.5e6, "EUR"),
        ("بلغت الخسائر ٣٫٥ مليار جنيه مصري", "٣٫٥ مليار جنيه", 3.5e9, "EGP"),
        ("خصصت ١٬٢٠٠ ريال لكل أسرة", "١٬٢٠٠ ريال", 1200, "SAR"),
        ("استمر الاجتماع ساعتين", "ساعتين", 2, "hour"),
        ("بقي هناك يومين", "يومين", 2, "day"),
        ("بعد عامين من الحرب", "عامين", 2, "year"),
        ("استمر الاجتماع ساعة ونصف", "ساعة ونصف", 1.5, "hour"),
        ("استمر ثلاث ساعات ونصف", "ثلاث ساعات ونصف", 3.5, "hour"),
        ("خسر مئتي مليون دولار", "مئتي مليون دولار", 2e8, "USD"),
        ("حصلت على مليارين دولار", "مليارين دولار", 2e9, "USD"),
        ("بلغ الدين مليون ونصف دولار", "مليون ونصف دولار", 1.5e6, "USD"),
        ("عُقد بعد ثلاثة أيام فقط", "ثلاثة أيام", 3, "day"),
        ("نزح خمسة وعشرون ألفا", "خمسة وعشرون ألفا", 25000, None),
        ("ارتفع التضخم إلى 15% الشهر الماضي", "15%", 15, "percent"),
        ("ارتفع التضخم إلى 15 % الشهر الماضي", "15 %", 15, "percent"),
        ("ارتفع التضخم إلى 15 في المئة", "15 في المئة", 15, "percent"),
        ("ارتفع التضخم إلى ٢٠ بالمئة", "٢٠ بالمئة", 20, "percent"),
        ("Ukraine offered $100bn in purchases", "$100bn", 1e11, "USD"),
        ("a package worth $100 billion", "$100 billion", 1e11, "USD"),
        ("a €90bn loan", "€90bn", 9e10, "EUR"),
        ("a £1.5m grant", "£1.5m", 1.5e6, "GBP"),
        ("the fund raised EUR 90bn", "EUR 90bn", 9e10, "EUR"),
        ("a loan of 500 million dollars", "500 million dollars", 5e8, "USD"),
        ("after a 40-minute call", "40-minute", 40, "minute"),
        ("inflation hit 15 per cent", "15 per cent", 15, "percent"),
        ("1.5m people fled", "1.5m people", 1.5e6, None),
        ("they sent 10 Patriot systems", "10 Patriot systems", 10, None),
        ("قتل 12 شخصا في الانفجار", "12 شخصا", 12, None),
        ("سافة 27 كيلومترا عن المدينة", "27 كيلومترا", 27, "km"),
    ],
)
def test_claims_value_and_unit(text, claim, value, unit):
    got = numbers(text)
    assert [c.text for c in got] == [claim]
    assert got[0].value == pytest.approx(value)
    assert got[0].unit == unit


@pytest.mark.parametrize(
    "text, claim, approx, bound",
    [
        ("استغرق اللقاء أكثر من ساعتين", "أكثر من ساعتين", False, "gt"),
        ("استمر الحديث حوالي 40 دقيقة", "حوالي 40 دقيقة", True, None),
        ("الحرب التي استمرت قرابة أربع سنوات", "قرابة أربع سنوات", True, None),
        ("قتل زهاء 800 شخص", "زهاء 800 شخص", True, None),
        ("وصل ما يقارب 50 مليون دولار", "ما يقارب 50 مليون دولار", True, None),
        ("نزح ما لا يقل عن 300 شخص", "ما لا يقل عن 300 شخص", False, "gte"),
        ("أقل من 5%", "أقل من 5%", False, "lt"),
        ("تضرر 20 منزلا على الأقل", "20 منزلا على الأقل", False, "gte"),
        ("استمر 40 دقيقة تقريبا", "40 دقيقة تقريبا", True, None),
        ("it lasted more than two hours", "more than two hours", False, "gt"),
        ("about 40 minutes later", "about 40 minutes", True, None),
        ("at least 3,000 troops", "at least 3,000 troops", False, "gte"),
        ("nearly four years of war", "nearly four years", True, None),
    ],
)
def test_modifiers_are_in_the_span_and_recorded(text, claim, approx, bound):
    (got,) = numbers(text)
    assert (got.text, got.approx, got.bound) == (claim, approx, bound)


@pytest.mark.parametrize(
    "text, claim, low, high",
    [
        ("سجن بين 3 و5 سنوات", "بين 3 و5 سنوات", 3, 5),
        ("غرامة من 10 إلى 20 ألف دولار", "من 10 إلى 20 ألف دولار", 10000, 20000),
        ("growth between 3 and 5 percent", "between 3 and 5 percent", 3, 5),
        ("two or three people", "two or three people", 2, 3),
    ],
)
def test_ranges_are_one_claim(text, claim, low, high):
    (got,) = numbers(text)
    assert (got.text, got.value, got.value_to) == (claim, low, high)


@pytest.mark.parametrize(
    "text",
    [
        "عقد الاجتماع يوم 17 أغسطس 2025 في العاصمة",
        "اجتمعوا الليلة بين الاثنين والثلاثاء",
        "في الساعة 10 صباحا",
        "بدأ اللقاء عند 10:30",
        "The meeting was on August 18 at 3 p.m. in 2025.",
        "He came 1st and she came 2nd.",
        "the Covid-19 pandemic and F-16 jets at the G7",
        "وفق المادة 5 من القرار 2334",
        "Call +44 20 7946 0958 or see https://example.com/story/12345",
        "a 45-year-old man was arrested",
        "وصل الرئيسين ووفدي البلدين إلى القمة الثلاثية في اليوم الأول",
        "التقى أحد المسؤولين بآلاف المحتجين",
    ],
)
def test_not_claims(text):
    assert [c.text for c in numbers(text)] == []


def test_span_maps_back_over_harakat():
    text = "استمرَّ الحديثُ حوالَي ٤٠ دقيقةً."
    (got,) = numbers(text)
    assert got.text == text[got.start:got.end]
    assert got.text.startswith("حوالَي") and got.value == 40 and got.unit == "minute"


@pytest.mark.parametrize(
    "text, claim, value, unit",
    [
        ("خفض الإنتاج 75 ألف برميل يوميا", "75 ألف برميل يوميا", 75000, "barrel"),
        ("رفع الفائدة 150 نقطة أساس", "150 نقطة أساس", 150, "basis_point"),
        ("تراجع 25 نقطة مئوية", "25 نقطة مئوية", 25, "percentage_point"),
        ("عاد 437 ألفا و586 لاجئا", "437 ألفا و586 لاجئا", 437586, None),
        ("بلغ العدد 1.346.485 شخصا", "1.346.485 شخصا", 1346485, None),
        ("عرض 40 إلى 45 مليون يورو", "40 إلى 45 مليون يورو", 40e6, "EUR"),
    ],
)
def test_rates_points_and_compound_numbers(text, claim, value, unit):
    (got,) = numbers(text)
    assert (got.text, got.value, got.unit) == (claim, pytest.approx(value), unit)


@pytest.mark.parametrize(
    "text",
    [
        "raise about a record share by 2029-30 and 2030-31",
        "the quarter ended Oct. 26 was strong",
        "في ختام الاجتماع الوزاري الـ13 للمنظمة",
        "the two-child limit and a 10-point plan",
    ],
)
def test_more_not_claims(text):
    assert [c.text for c in numbers(text)] == []


def test_two_scale_numbers_joined_by_wa_are_a_range():
    (got,) = numbers("تستهدف الحكومة خفضه بما يتراوح بين مليار وملياري دولار سنويا.")
    assert got.text == "بين مليار وملياري دولار سنويا"
    assert (got.value, got.value_to, got.unit) == (1e9, 2e9, "USD")


def test_wire_style_clause_before_said_is_the_speakers():
    (n,) = numbers(
        "The Pentagon will send 3,000 more troops to the region, Defense Secretary Lloyd "
        "Austin said Tuesday."
    )
    assert n.text == "3,000 more troops" and n.speaker == "Lloyd Austin"
