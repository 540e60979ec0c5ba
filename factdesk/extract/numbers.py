"""Numeric claims: money, durations, percentages, measures and counts, Arabic and English.

One compiled alternation finds number cores (digits, Arabic-Indic digits already folded to
ASCII, number words with their gender and dual forms, $100bn); each core is then widened with
anchored regexes for scale words, units, modifiers (approximate, bounds) and ranges, and
dropped when it is a date, a year, a time of day, an age, a label (المادة 5) or part of a URL or
phone number. The per-core work is a handful of `match` calls, so the cost stays linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from factdesk.text import lexicon
from factdesk.text.lexicon import alternation

_AR_CLITIC = "(?:[وفبلك])?"


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """A numeric claim in folded-text coordinates."""

    start: int
    end: int
    value: float
    unit: str | None = None
    thing: str | None = None
    approx: bool = False
    bound: str | None = None
    value_to: float | None = None


@dataclass(frozen=True)
class _Lex:
    core: re.Pattern[str]
    scale_after: re.Pattern[str]
    unit_after: re.Pattern[str]
    unit_of: dict[str, tuple[str, str]]  # folded form -> (kind, canonical)
    half_after: re.Pattern[str]
    mod_before: re.Pattern[str]
    mod_of: dict[str, str]
    mod_after: re.Pattern[str]
    mod_after_of: dict[str, str]
    range_left: re.Pattern[str]
    range_mid: re.Pattern[str]
    label_before: re.Pattern[str]
    time_before: re.Pattern[str]
    time_after: re.Pattern[str]
    year_before: re.Pattern[str]
    age_before: re.Pattern[str]
    month_near_before: re.Pattern[str]
    month_near_after: re.Pattern[str]
    masks: re.Pattern[str]
    next_token: re.Pattern[str]
    ar_value: dict[str, tuple[str, float]]
    en_value: dict[str, tuple[str, float]]
    scale_value: dict[str, float]
    stop_ar: frozenset[str]
    stop_en: frozenset[str]
    currency_qualified: re.Pattern[str]
    currency_code: dict[str, str]


def _forms(name: str, section: str) -> dict[str, str]:
    return lexicon.mapping(name, section)


@cache
def _lex() -> _Lex:
    ar_value: dict[str, tuple[str, float]] = {}
    for section in ("unit", "teen", "ten", "hundred", "scale", "dual_scale", "fraction"):
        for form, value in _forms("numbers.ar.txt", section).items():
            if form != lexicon.match_form(value):
                ar_value.setdefault(form, (section, float(value)))
    en_value: dict[str, tuple[str, float]] = {}
    for section in ("unit", "ten", "scale", "fraction"):
        for form, value in _forms("numbers.en.txt", section).items():
            if form != value:
                en_value.setdefault(form.casefold(), (section, float(value)))

    ar_words = alternation(list(ar_value))
    # inside a compound only: أحد عشر، إحدى عشرة
    ar_value.setdefault("احد", ("unit", 1.0))
    ar_value.setdefault("احدي", ("unit", 1.0))
    en_words = alternation(
        [f for f, (s, _) in en_value.items() if s in ("unit", "ten") and " " not in f]
    )
    en_scale_words = alternation([f for f, (s, _) in en_value.items() if s == "scale"])

    unit_of: dict[str, tuple[str, str]] = {}
    for section in ("duration", "dual", "percent", "measure"):
        for form, canon in _forms("units.txt", section).items():
            if section == "dual" and form == lexicon.match_form(canon):
                continue  # a dual row's first field names the unit; it is not a dual form
            unit_of.setdefault(form.casefold(), (section, canon))
    currency_code: dict[str, str] = {}
    for section in ("default", "dinar"):
        for form, code in _forms("currencies.txt", section).items():
            currency_code.setdefault(form.casefold(), code)
    for form in list(currency_code):
        unit_of.setdefault(form, ("currency", currency_code[form]))
    qualified = _forms("currencies.txt", "qualified")

    dual_units = alternation([f for f, (s, _) in unit_of.items() if s == "dual"])
    duration_units = alternation([f for f, (s, _) in unit_of.items() if s == "duration"])
    codes = sorted({c for c in currency_code.values() if len(c) == 3 and c.isupper()})
    symbols = rf"US\$|[$€£¥]|(?:{'|'.join(codes)})(?=\s?\d)"
    digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3}){2,}(?!\d)|\d+(?:\.\d+)?"

    arabic_word = (
        rf"(?P<dual>{_AR_CLITIC}(?:{dual_units}))(?!\w)"
        rf"|(?P<half>{_AR_CLITIC}(?:نصف|ربع)\s+(?:ال)?(?:{duration_units}))(?!\w)"
        rf"|(?P<unithalf>{_AR_CLITIC}(?:{duration_units})\s+و(?:نصف|ربع))(?!\w)"
        rf"|(?P<ar>{_AR_CLITIC}(?:{ar_words})(?:\s+و?(?:{ar_words}))*)(?!\w)"
    )
    # Each branch opens with a one-character test, so most positions fail at once.
    core = re.compile(
        rf"(?=[$€£¥A-Z])(?P<money>(?P<sym>{symbols})\s?(?P<mnum>{digits})"
        rf"(?:\s?(?P<msc>(?i:{en_scale_words}))\b)?)"
        rf"|(?=\d)(?<![A-Za-z0-9_.,/:])(?<![^\W\d_]-)(?<!\d{{4}}-)(?<!ال)"
        rf"(?P<num>{digits})(?!\d|[,.:/]\d)"
        rf"|(?=[\u0621-\u064a])(?<![\w-])(?:{arabic_word})"
        rf"|(?=[A-Za-z])(?<![\w-])"
        rf"(?P<en>(?i:(?:{en_words})(?:(?:\s+|-)(?:and\s+)?(?:{en_words}))*))(?!\w)"
    )
    scale_after = re.compile(
        rf"\s?(?P<w>(?:{alternation([f for f, (s, _) in ar_value.items() if s == 'scale'])})"
        rf"|(?:{en_scale_words}))(?!\w)",
        re.IGNORECASE,
    )
    all_units = alternation(list(unit_of))
    unit_after = re.compile(
        rf"(?:\s?-\s?(?P<hyph>{duration_units})(?P<old>-old)?\b)"
        rf"|(?P<sp>\s*)(?P<u>{all_units})(?![\w])",
        re.IGNORECASE,
    )
    currency_qualified = re.compile(
        rf"\s+(?P<q>{alternation(list(qualified))})(?!\w)", re.IGNORECASE
    )
    half_after = re.compile(r"\s+(?P<h>ونصف|وربع|and a half)(?!\w)", re.IGNORECASE)

    mod_of: dict[str, str] = {}
    for section in ("approx", "gt", "lt", "gte", "lte"):
        for form in lexicon.words("number_modifiers.txt", section):
            mod_of.setdefault(form.casefold(), section)
    mod_before = re.compile(
        rf"(?:^|(?<=[\s(«\"“]))(?P<clitic>[وفبلك]?)(?P<m>{alternation(list(mod_of))})\s*$",
        re.IGNORECASE,
    )
    mod_after_of: dict[str, str] = {}
    for section, tag in (("approx_after", "approx"), ("gte_after", "gte")):
        for form in lexicon.words("number_modifiers.txt", section):
            mod_after_of.setdefault(form.casefold(), tag)
    mod_after = re.compile(rf"\s+(?P<m>{alternation(list(mod_after_of))})(?!\w)", re.IGNORECASE)

    def before(section: str) -> re.Pattern[str]:
        forms = alternation(list(lexicon.words("labels.txt", section)))
        return re.compile(rf"(?:^|(?<=[\s(]))[وفبلك]?(?:{forms})\s*$", re.IGNORECASE)

    months = alternation(
        list(lexicon.words("months.txt", "ar") | lexicon.words("months.txt", "en"))
    )
    time_after_forms = alternation(list(lexicon.words("labels.txt", "time_after")))
    stop_ar = lexicon.words("stopwords.ar.txt") | lexicon.words("months.txt")
    return _Lex(
        core=core,
        scale_after=scale_after,
        unit_after=unit_after,
        unit_of=unit_of,
        half_after=half_after,
        mod_before=mod_before,
        mod_of=mod_of,
        mod_after=mod_after,
        mod_after_of=mod_after_of,
        range_left=re.compile(r"(?:^|(?<=\s))و?(?P<r>ما بين|بين|من|between|from)\s*$", re.I),
        range_mid=re.compile(r"\s*(?:و|او|الي|حتي|-|to|and|or)\s*", re.IGNORECASE),
        label_before=before("label"),
        time_before=before("time"),
        time_after=re.compile(rf"\s*(?:{time_after_forms})(?![\w])", re.IGNORECASE),
        year_before=before("year"),
        age_before=before("age"),
        month_near_before=re.compile(rf"(?:{months})\.?\s*(?:من\s+)?$", re.IGNORECASE),
        month_near_after=re.compile(rf"\s*(?:من\s+)?(?:شهر\s+)?(?:{months})(?!\w)", re.I),
        masks=re.compile(
            r"(?=[+0])(?<![\w.])(?:\+|00)\d[\d \-]{7,}\d"
            r"|(?=\d)(?<![\w.])\d{2,4}[ \-]\d{3,4}[ \-]\d{3,4}(?![\w])"
            r"|(?=\d)\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}"
        ),
        next_token=re.compile(r"\s+(?P<t>[^\W\d_](?:[^\W\d_]|['’\-](?=[^\W\d_]))*)(?!\d)"),
        ar_value=ar_value,
        en_value=en_value,
        scale_value={
            **{f: v for f, (s, v) in ar_value.items() if s in ("scale", "dual_scale")},
            **{f: v for f, (s, v) in en_value.items() if s == "scale"},
        },
        stop_ar=stop_ar,
        stop_en=frozenset(
            (
                "of in the and to for on at by with from a an was were is are be been has "
                "have had will would could should may might more than less per cent percent "
                "each every this that these those its their his her who which said says after "
                "before since over under about into as or but not"
            ).split()
        ),
        currency_qualified=currency_qualified,
        currency_code=currency_code,
    )


_RATE = re.compile(
    r"\s+(?:يوميا|سنويا|شهريا|اسبوعيا|في اليوم|في السنه|في الشهر|a day|per day|a year|per year|"
    r"a month|per month|a week|per week|annually)(?!\w)",
    re.IGNORECASE,
)
_AGE_APPOSITION = re.compile(r"[A-Za-z\u0621-\u064a](?:,\s*|\s*\()$")
_COMPOUND = re.compile(r"-[A-Za-z]")
_LINKS = re.compile(r"https?://\S+|www\.\S+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

_EN_PLURAL_IRREGULAR = frozenset(
    (
        "people children men women police staff personnel troops cattle sheep fish aircraft "
        "deer feet teeth mice"
    ).split()
)


def _digits_value(s: str) -> float:
    if s.count(".") > 1:  # 1.346.485: dots as thousands separators
        s = s.replace(".", "")
    return float(s.replace(",", ""))


def _words_value(words: list[str], table: dict[str, tuple[str, float]]) -> float | None:
    total = 0.0
    current = 0.0
    last_scale = 0.0
    seen_number = False
    for w in words:
        entry = table.get(w) or table.get(w.casefold())
        if entry is None:
            continue
        kind, v = entry
        if kind in ("unit", "teen", "ten"):
            current += v
            seen_number = True
        elif kind == "hundred":
            current = current * 100 if 0 < current < 10 and v == 100 else current + v
            seen_number = True
        elif kind in ("scale", "dual_scale"):
            if kind == "dual_scale" and not current:
                current = 2
            if v == 100:  # English "hundred"
                current = (current or 1) * 100
            else:
                total += (current or 1) * v
                current = 0
                last_scale = v
            seen_number = True
        elif kind == "fraction":
            if current == 0 and last_scale:
                total += v * last_scale  # مليون ونصف
            else:
                current += v
    if not seen_number:
        return None
    return total + current


def _strip_clitic(word: str, table: dict) -> str:
    if word in table:
        return word
    if word and word[0] in "وفبلك" and word[1:] in table:
        return word[1:]
    return word


def find_numbers(x: str) -> list[NumberMatch]:
    """Every numeric claim in folded text `x`, in order, without overlaps."""
    lx = _lex()
    masked = [(m.start(), m.end()) for m in lx.masks.finditer(x)]
    if "@" in x or "http" in x or "www." in x:
        masked = sorted(masked + [(m.start(), m.end()) for m in _LINKS.finditer(x)])
    out: list[NumberMatch] = []
    mi = 0
    last_end = 0
    pos = 0
    while True:
        m = lx.core.search(x, pos)
        if m is None:
            break
        s = m.start()
        pos = m.end()
        if s < last_end:
            continue
        while mi < len(masked) and masked[mi][1] <= s:
            mi += 1
        if mi < len(masked) and masked[mi][0] <= s < masked[mi][1]:
            continue
        cut = _second_number(m, lx) if m.lastgroup == "ar" else None
        if cut is not None:
            # «بين مليار وملياري دولار»: two numbers; take the first, look again from the second
            pos = cut
            m = lx.core.match(x[:cut], s) or m
        got = _widen(x, m, lx)
        if got is None:
            continue
        if out and got.start < out[-1].end:
            continue
        out.append(got)
        last_end = got.end
    return _merge_ranges(x, out, lx)


def _second_number(m: re.Match[str], lx: _Lex) -> int | None:
    """Where a second number starts inside a run of number words: a scale word joined by و
    to a number that already ended in a scale («مليار وملياري»)."""
    text = m.group("ar")
    prev_scale = False
    for w in re.finditer(r"\S+", text):
        word = w.group()
        kind = lx.ar_value.get(_strip_clitic(word, lx.ar_value), ("", 0))[0]
        is_scale = kind in ("scale", "dual_scale")
        if prev_scale and is_scale and word.startswith("و") and w.start() > 0:
            return m.start("ar") + w.start()
        prev_scale = is_scale
    return None


def _widen(x: str, m: re.Match[str], lx: _Lex) -> NumberMatch | None:
    s, e = m.start(), m.end()
    unit: str | None = None
    value: float
    is_digits = False
    kind = m.lastgroup
    approx = False
    bound: str | None = None
    if kind == "money":
        value = _digits_value(m.group("mnum"))
        if m.group("msc"):
            value *= lx.scale_value.get(m.group("msc").casefold(), 1)
        sym = m.group("sym")
        is_code = sym.isalpha() and sym.isupper()
        unit = sym if is_code else lx.currency_code.get(sym.casefold(), "USD")
        is_digits = True
    elif kind == "dual":
        form = _strip_clitic(m.group("dual").casefold(), lx.unit_of)
        unit = lx.unit_of[form][1]
        value = 2.0
        s = m.start("dual") + (len(m.group("dual")) - len(form))
    elif kind == "half":
        words = m.group("half").split()
        head = _strip_clitic(words[0], {"نصف": 1, "ربع": 1})
        value = 0.5 if head == "نصف" else 0.25
        unit_word = words[-1][2:] if words[-1].startswith("ال") else words[-1]
        unit = lx.unit_of.get(unit_word, ("", None))[1]
        s = m.start("half") + (len(words[0]) - len(head))
    elif kind == "unithalf":
        words = m.group("unithalf").split()
        form = _strip_clitic(words[0].casefold(), lx.unit_of)
        unit = lx.unit_of[form][1]
        value = 1.5 if words[1] == "ونصف" else 1.25
        s = m.start("unithalf") + (len(words[0]) - len(form))
    elif kind == "num":
        value = _digits_value(m.group("num"))
        is_digits = True
    elif kind == "ar":
        words = m.group("ar").split()
        first = _strip_clitic(words[0], lx.ar_value)
        s += len(words[0]) - len(first)
        words[0] = first
        words = [w[1:] if w.startswith("و") and w[1:] in lx.ar_value else w for w in words]
        # a lone plural scale (آلاف، ملايين) or "one" is not a count by itself
        v = _words_value(words, lx.ar_value)
        if v is None:
            return None
        if (
            len(words) == 1
            and lx.ar_value[words[0]][0] == "scale"
            and words[0] not in ("الف", "مليون", "مليار", "بليون", "تريليون", "مئه", "مئة", "مائة")
        ):
            return None
        value = v
    else:  # English words
        words = re.split(r"[\s-]+", m.group("en"))
        v = _words_value([w for w in words if w.casefold() != "and"], lx.en_value)
        if v is None:
            return None
        value = v

    # scale words after digits: 100 مليار، 1.5 million, 15m
    if is_digits and kind != "money":
        sm = lx.scale_after.match(x, e)
        if sm and not (sm.group("w").casefold() in ("m", "b", "k") and x[e : sm.start("w")]):
            value *= lx.scale_value.get(sm.group("w").casefold(), 1)
            e = sm.end()

    # "ونصف" after a number word's scale (مليون ونصف)
    hm = lx.half_after.match(x, e)
    if hm and kind in ("ar", "num") and value >= 1000:
        value += 0.5 * _last_scale(value)
        e = hm.end()
        hm = None

    thing: str | None = None
    if unit is None:
        um = lx.unit_after.match(x, e)
        if um:
            if um.group("hyph"):
                if um.group("old"):
                    return None  # a 45-year-old: an age in a description
                unit = lx.unit_of[um.group("hyph").casefold()][1]
                e = um.end()
            else:
                form = um.group("u").casefold()
                ukind, canon = lx.unit_of[form]
                # an attached unit only for symbols and Latin abbreviations (15%, 10km)
                if um.group("sp") or not form.isalpha() or form.isascii():
                    if ukind == "dual":
                        canon = canon
                    unit = canon
                    e = um.end()
                    if ukind == "currency":
                        qm = lx.currency_qualified.match(x, um.start("u") - 1)
                        if qm:
                            unit = _forms("currencies.txt", "qualified").get(
                                lexicon.match_form(qm.group("q")), unit
                            )
    if unit is not None:
        rm = _RATE.match(x, e)
        if rm:
            e = rm.end()  # 75 ألف برميل يوميا, 1m barrels a day
    # ساعة ونصف after a unit: 3 ساعات ونصف
    hm = lx.half_after.match(x, e)
    if hm and unit is not None and value < 1000:
        value += 0.5 if hm.group("h").casefold() in ("ونصف", "and a half") else 0.25
        e = hm.end()

    if is_digits and e == m.end() and e < len(x) and x[e].isascii() and x[e].isalpha():
        return None  # 1st, 2nd, 5G: an ordinal or a name, not a quantity
    if unit is None and _COMPOUND.match(x, e):
        return None  # "a two-child limit", "a 10-point plan": a descriptor, not a quantity

    # a counted thing: 12 شخصا، 10 Patriot systems
    if unit is None:
        thing_end = _counted_thing(x, e, lx)
        if thing_end is not None:
            thing = x[e:thing_end].strip()
            e = thing_end

    # what makes it not a claim
    if _not_a_claim(x, s, e, m, unit, thing, value, is_digits, lx):
        return None

    # modifiers before and after
    mb = lx.mod_before.search(x, max(0, s - 30), s)
    if mb:
        tag = lx.mod_of[mb.group("m").casefold()]
        approx = tag == "approx"
        bound = None if approx else tag
        s = mb.start("m")
    ma = lx.mod_after.match(x, e)
    if ma:
        tag = lx.mod_after_of[ma.group("m").casefold()]
        if tag == "approx":
            approx = True
        elif bound is None:
            bound = tag
        e = ma.end()
    if kind == "en" and value == 1 and unit is None:
        return None  # "one of", "no one"
    if kind == "ar" and value == 1 and unit is None and thing is None:
        return None
    return NumberMatch(s, e, value, unit, thing, approx, bound)


def _last_scale(value: float) -> float:
    for scale in (1e12, 1e9, 1e6, 1e3):
        if value >= scale:
            return scale
    return 1.0


def _counted_thing(x: str, e: int, lx: _Lex) -> int | None:
    tm = lx.next_token.match(x, e)
    if not tm:
        return None
    tok = tm.group("t")
    if tok[0].isascii():
        # English: up to three words, ending at the first plural noun
        pos = e
        for _ in range(3):
            tm = lx.next_token.match(x, pos)
            if not tm:
                return None
            word = tm.group("t")
            low = word.casefold()
            if low in ("more", "additional", "extra", "other", "new") and pos == e:
                pos = tm.end()  # "3,000 more troops"
                continue
            if not word.isascii() or low in lx.stop_en:
                return None
            pos = tm.end()
            if low in _EN_PLURAL_IRREGULAR or (len(low) > 3 and low.endswith("s")):
                return pos
        return None
    bare = tok[1:] if tok[0] in "وفبلك" and len(tok) > 3 else tok
    if tok in lx.stop_ar or bare in lx.stop_ar or tok.startswith("ال"):
        return None
    if tok[0] == "و" and len(tok) > 3 and tok[1] in "اينت":
        return None  # "وأصيب": a verb after "and", not a counted noun
    if _strip_clitic(tok, lx.ar_value) in lx.ar_value or tok in lx.unit_of:
        return None
    return tm.end()


def _not_a_claim(
    x: str,
    s: int,
    e: int,
    m: re.Match[str],
    unit: str | None,
    thing: str | None,
    value: float,
    is_digits: bool,
    lx: _Lex,
) -> bool:
    window = max(0, s - 40)
    if lx.label_before.search(x, window, s) and unit is None:
        return True
    if _AGE_APPOSITION.search(x, window, s) and (
        (unit is None and thing is None and x[e : e + 1] == ",")
        or (unit == "year" and x[e : e + 1] == ")")
    ):
        return True  # "Maria Gonzalez, 54, said", «فلان (45 عاما)»: an age
    if lx.age_before.search(x, window, s):
        return True
    if is_digits and m.lastgroup == "num":
        raw = m.group("num")
        if lx.time_after.match(x, m.end()) or lx.time_before.search(x, window, s):
            return True
        if unit is None and len(raw) == 4 and raw.isdigit() and 1800 <= value <= 2100:
            return True  # a year
        if (
            value <= 31
            and "." not in raw
            and unit is None
            and (lx.month_near_after.match(x, m.end()) or lx.month_near_before.search(x, window, s))
        ):
            return True  # a date
        if unit is None and lx.year_before.search(x, window, s) and len(raw) == 4:
            return True
    return False


def _merge_ranges(x: str, found: list[NumberMatch], lx: _Lex) -> list[NumberMatch]:
    """بين 3 و5 سنوات، من 10 إلى 20 ألفا، between 3 and 5 percent: one claim each."""
    out: list[NumberMatch] = []
    i = 0
    while i < len(found):
        a = found[i]
        if i + 1 < len(found):
            b = found[i + 1]
            mid = lx.range_mid.fullmatch(x, a.end, b.start)
            left = lx.range_left.search(x, max(0, a.start - 12), a.start)
            word = x[a.end : b.start].strip()
            hyphen = mid is not None and word in ("-", "او", "or")
            # «40 إلى 45 مليون يورو»: a bare number up to a number with its unit or scale
            upto = (
                mid is not None
                and word in ("الي", "حتي", "to")
                and a.unit is None
                and b.value >= 1000 > a.value
            )
            if (
                word == "و"
                and not left
                and a.unit is None
                and b.unit is None
                and not a.thing
                and a.value >= 1000
                and b.value < _last_scale(a.value)
                and not a.approx
                and not b.approx
            ):
                # «437 ألفا و586»: one number written in two parts
                out.append(replace(a, end=b.end, value=a.value + b.value, thing=b.thing))
                i += 2
                continue
            if mid and (left or hyphen or upto) and not a.thing:
                low = a.value
                if a.unit is None and b.value >= 1000 > low:
                    low *= _last_scale(b.value)
                start = left.start("r") if left else a.start
                out.append(
                    replace(
                        b,
                        start=start,
                        value=low,
                        value_to=b.value,
                        unit=b.unit or a.unit,
                        approx=a.approx or b.approx,
                        bound=a.bound or b.bound,
                    )
                )
                i += 2
                continue
        out.append(a)
        i += 1
    return out
