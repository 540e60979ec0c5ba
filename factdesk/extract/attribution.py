"""Who said it (speaker) and who published it (source).

Rules, in the order a reader applies them:
- the cue verb next to a quote (before it in the sentence, or right after its closing mark);
- the subject after the verb (Arabic verb–subject order: «وقال ترامب»), else before it
  («ترامب قال», "Smith said"); titles and appositions are peeled off to find the name;
- a subject that is an outlet («أفادت صحيفة …», "Reuters reported") is the source, not the
  speaker;
- source phrases in the sentence: على/عبر + platform, لـ + outlet, بحسب/وفقا لـ, "told X",
  "according to X"; a generic «الشبكة الاجتماعية» points back to the last platform named;
- no subject («وقال:», «وأضاف», "he said") or no cue at all: the current speaker carries over,
  and the source too while the paragraph goes on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from factdesk.extract.cues import bare, cues, tokens, without_prefix

_MAX_SUBJECT = 8
_EN_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "you", "who", "which"])
_EN_STOP = frozenset(
    (
        "that on in at to during when after before while as for from with by about of and but "
        "earlier later today yesterday also again then told this last monday"
    ).split()
)
_LATIN_NAME = re.compile(r"[A-Z][\w.'’\-]*")
_PLATFORM_PREP = re.compile(r"(?:علي|عبر|في|on|via)\s*(?:ال)?$|حساب\w*\s+(?:علي|في)\s*$")
_ON_NAME = re.compile(r"(?<![\w])(?:علي|عبر|on|via)\s+(\S+(?:\s+\S+){0,2})")
_TO_QUOTED_NAME = re.compile(
    r"(?<![\w])(?:ل|لـ|told|to)\s*[\"«“](?P<n>[^\"»”\n]{2,40}?)[\"»”]"
)
_TO_OUTLET = re.compile(
    r"(?<![\w])(?:ل|لـ|told|to|with|في مقابلة مع|في حديث ل|في تصريح ل)\s*(?P<w>(?:\S+\s*){1,4})"
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A name found in the text, as written (folded coordinates)."""

    name: str
    kind: str  # "person" (or body) / "outlet" / "platform"
    canonical: str | None = None  # from a lexicon, when known


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    form: str
    section: str
    arabic: bool


def find_cues(x: str, start: int, end: int) -> list[Cue]:
    lx = cues()
    out = []
    for m in lx.verb.finditer(x, start, end):
        form = (m.group("ar") or m.group("en")).casefold()
        section = lx.section_of.get(form, "speech")
        out.append(Cue(m.start(), m.end(), form, section, m.group("ar") is not None))
    return out


def _lexicon_name(
    words: list[str], table: dict[str, str], max_words: int
) -> tuple[int, str] | None:
    """Longest run of `words` from the first one that names a lexicon entry."""
    for n in range(min(max_words, len(words)), 0, -1):
        phrase = " ".join(words[:n]).casefold()
        hit = (
            table.get(phrase)
            or (table.get(phrase[2:]) if phrase.startswith("ال") else None)
            or (without_prefix(phrase, table) and table[without_prefix(phrase, table)])
        )
        if hit:
            return n, hit
    return None


def classify(phrase_words: list[str]) -> Mention | None:
    """Person (or body), outlet or platform, from the words of a subject phrase."""
    if not phrase_words:
        return None
    lx = cues()
    words = [bare(w) for w in phrase_words if bare(w)]
    if len(words) > 1 and words[0].casefold() == "the":
        words = words[1:]
    if len(words) > 1 and without_prefix(words[0].casefold(), lx.document_nouns) is not None:
        # «تقرير لبرنامج الأغذية العالمي», "a report by the IMF": the body that wrote it
        rest = words[1:]
        if rest[0].casefold() in ("by", "of", "from", "the") and len(rest) > 1:
            rest = rest[1:]
        elif rest[0].startswith("ل") and not rest[0].startswith("ال"):
            rest = [rest[0][1:], *rest[1:]]
        elif rest[0] in ("صادر", "صادرة", "الصادر", "الصادرة") and len(rest) > 2:
            rest = rest[2:]  # «تقرير صادر عن البنك الدولي»
        words = [w for w in rest if w]
        if not words:
            return None
    first = words[0].casefold()
    # an outlet noun: صحيفة …، وكالة …، the newspaper …
    noun = without_prefix(first, lx.outlet_nouns)
    the_noun = first == "the" and len(words) > 1 and words[1].casefold() in lx.outlet_nouns
    if noun is not None or the_noun:
        rest = words[1:] if noun is not None else words[2:]
        if not rest:
            return None
        known = _lexicon_name(words, lx.outlet_of, lx.max_outlet_words)
        if known:  # «وكالة الأنباء السعودية»: the whole name is in the lexicon
            return Mention(" ".join(words[: known[0]]), "outlet", known[1])
        known = _lexicon_name(rest, lx.outlet_of, lx.max_outlet_words)
        if known:
            return Mention(" ".join(rest[: known[0]]), "outlet", known[1])
        if (
            noun is not None
            and noun.endswith(("وكالة", "وكاله"))
            and not any("انباء" in w for w in rest)
        ):
            return Mention(person_name(words), "person")  # وكالة الطاقة الدولية: a body
        name = []
        for w in rest:
            if (
                name
                and w.startswith("ال")
                and w.endswith(("يه", "ية", "ي"))
                and not (name[0].startswith("ال"))
            ):
                break  # a nationality adjective after a name: نيويورك تايمز الأمريكية
            if name and not w.startswith("ال") and name[0].startswith("ال"):
                break  # وكالة الأنباء الكويتية كونا
            name.append(w)
            if len(name) == 4:
                break
        if name and name[0].startswith("ال"):
            return Mention(" ".join(words[: len(name) + 1]), "outlet")
        return Mention(" ".join(name), "outlet")
    for table, kind in ((lx.outlet_of, "outlet"), (lx.platform_of, "platform")):
        known = _lexicon_name(words, table, lx.max_outlet_words)
        if known and known[0] >= len(words) - 1:
            return Mention(" ".join(words[: known[0]]), kind, known[1])
    return Mention(person_name(words), "person")


def person_name(words: list[str]) -> str:
    """Peel titles and descriptions off a subject phrase to the name it holds."""
    lx = cues()
    folded = [w.casefold() for w in words]
    for i, w in enumerate(folded):
        if i + 1 < len(folded) and f"{w} {folded[i + 1]}" in lx.given_pairs:
            return " ".join(words[i:])
        if w in lx.given and not w.startswith("ال"):
            return " ".join(words[i:])
    if words[0].isascii():
        if words[-1].islower() and len(words) > 1:
            # "a senior EU official": a description, not the name inside it
            return " ".join(words[1:] if words[0].casefold() in ("a", "an", "the") else words)
        caps = [w for w in words if _LATIN_NAME.fullmatch(w)]
        name = [w for w in caps if w.casefold().rstrip(".") not in lx.titles_en]
        return " ".join(name) if name else " ".join(words)
    # Arabic: after a title and its complements, the first plain word starts the name
    # («الإعلامية لميس الحديدي», «الأمين العام للأمم المتحدة أنطونيو غوتيريش»)
    if words[0] in lx.titles or words[0].casefold() in lx.titles:
        for i, w in enumerate(words[1:], 1):
            if w in lx.titles or w.startswith(("ال", "لل", "بال", "باسم", "لشؤون", "لدي")):
                continue
            return " ".join(words[i:])
    # else the trailing run of words that are neither titles nor definite descriptions
    tail: list[str] = []
    for w in reversed(words):
        if w.startswith("ال") or w in lx.titles or w.casefold() in lx.titles:
            break
        tail.insert(0, w)
    if tail and len(tail) < len(words):
        return " ".join(tail)
    return " ".join(words)


def _short_title_at(toks: list[tuple[int, int, str]], k: int) -> bool:
    """Does a quotation of at most three words open at token k?"""
    for j in range(k, min(k + 3, len(toks))):
        t = toks[j][2].rstrip("،,:.")
        if len(t) > 1 and t[-1] in '"»”“' and (j > k or len(t) > 2):
            return True
    return False


def subject_after(x: str, start: int, end: int) -> list[str]:
    """Words of the subject right after a cue verb (verb–subject order)."""
    lx = cues()
    out: list[str] = []
    in_title = False
    toks = tokens(x, start, min(end, start + 240))[: _MAX_SUBJECT + 3]
    for k, (_s, _e, tok) in enumerate(toks):
        if in_title or (tok[0] in '"«“„' and out and _short_title_at(toks, k)):
            # صحيفة "فاينانشال تايمز", جمعية «غيث» الخيرية: a quoted name inside the subject
            in_title = not (len(tok) > 1 and tok.rstrip("،,:.")[-1] in '"»”“')
            if bare(tok):
                out.append(bare(tok))
            if not in_title and without_prefix(out[0].casefold(), lx.outlet_nouns):
                break
            continue
        if tok[0] in "\"'«»“”„‘’(:" or any(q in tok[1:] for q in '«"“'):
            break  # a quotation starts («لـ«الشروق»»): the subject has ended
        b = bare(tok)
        if not b:
            break
        low = b.casefold()
        general = b in ("العام", "العامة") and out and out[-1] in lx.titles  # الأمين العام
        # «الباحث في الشؤون الاقتصادية محمد عادل»: a title's field, then the name
        field_of = b == "في" and out and out[-1] in lx.titles and not has_given_name(out)
        if not (general or field_of) and (
            without_prefix(b, lx.stop) is not None or low in lx.stop
        ):
            if not out and without_prefix(b, lx.time_words) is not None:
                continue  # «وقال أمس الوزير»: skip the time word
            break
        if low in _EN_STOP or low in _EN_PRONOUNS:
            break
        if lx.complementiser.fullmatch(b):
            break
        if b.startswith(("لل", "لوكال", "لصحيف", "لقناه", "لقناة", "لشبك", "لموقع")) and (
            not out or has_given_name(out) or not b[1:].startswith(("وكال", "شبك"))
        ):
            break  # «للصحفيين»، «لوكالة رويترز»: an audience or outlet, not the subject
        if b.isascii() and out and not _LATIN_NAME.fullmatch(b) and low not in lx.titles_en:
            break
        if b.isascii() and not out and low not in ("the", "a") and not _LATIN_NAME.fullmatch(b):
            break
        if (
            out
            and not b.isascii()
            and not b.startswith(("ال", "ب", "ل", "عبد", "ابو", "بن", "ابن"))
            and out[-1].startswith("ال")
            and out[-1] not in lx.titles
            and b.casefold() not in lx.given
        ):
            break  # «أكد المجتمعون ضرورة …»: the object begins, the subject has ended
        out.append(b)
        if len(out) >= _MAX_SUBJECT or tok[-1] in "،,:؛;.":
            break
    if out and out[0].casefold() in ("the", "a") and len(out) == 1:
        return []
    return out


def subject_before(x: str, clause_start: int, cue_start: int) -> list[str]:
    """Words of the subject just before a cue verb ("Smith said", «ترامب قال»)."""
    clause_start = max(clause_start, cue_start - 240)
    words = [bare(t) for _s, _e, t in tokens(x, clause_start, cue_start)][-_MAX_SUBJECT:]
    words = [w for w in words if w]
    if not words:
        return []
    if words[-1].casefold() in _EN_PRONOUNS:
        return []
    # an apposition: "Jane Doe, the finance minister, said": prefer the name before the comma
    chunk = x[clause_start:cue_start]
    parts = [p.strip() for p in re.split(r"[,،]", chunk) if p.strip()]
    named = [p for p in parts if has_given_name(p.split()) and len(p.split()) <= 5]
    if len(parts) >= 2 and named:
        words = [bare(t) for t in named[-1].split()]
    elif len(parts) >= 2 and parts[-1].split()[0].casefold() in ("the", "a", "an"):
        words = [bare(t) for t in parts[-2].split()][-_MAX_SUBJECT:]
    elif len(parts) >= 1:
        words = [bare(t) for t in parts[-1].split()][-_MAX_SUBJECT:]
    words = [w for w in words if w]
    if words and words[0].isascii():
        # keep the trailing capitalised run ("Finance Minister Rachel Reeves")
        run: list[str] = []
        for w in reversed(words):
            if _LATIN_NAME.fullmatch(w) or (run and w.casefold() in ("the",)):
                run.insert(0, w)
            else:
                break
        if not run:
            low = [w.casefold() for w in words]
            if low and low[0] in ("the", "a") and len(words) <= 4:
                return words  # "the ministry said"
            return []
        return run
    lx = cues()
    # Arabic subject-verb order: only a short clause that starts the sentence or follows a comma
    if len(words) > 5 or any(without_prefix(w, lx.stop) is not None for w in words):
        return []
    return words


def source_in(
    x: str,
    start: int,
    end: int,
    in_quote: Callable[[int], bool],
    last_platform: Mention | None,
    markers_only: bool = False,
) -> Mention | None:
    """An outlet or platform a statement in x[start:end] is published through.

    `markers_only` keeps to بحسب / وفقا لـ / according to, for sentences with no cue verb,
    where «على إكس» is more likely what the sentence is about than where it was said.
    """
    lx = cues()

    def outside(i: int) -> bool:
        return not in_quote(i)

    if markers_only:
        return _marker_source(x, start, end, outside)

    # على/عبر + platform noun phrase (+ name), "on X", "in a post on X"
    for m in lx.platform_nouns.finditer(x, start, end):
        if not outside(m.start()):
            continue
        before = x[max(start, m.start() - 12) : m.start()]
        if not _PLATFORM_PREP.search(before):
            continue
        after = [bare(t) for _s, _e, t in tokens(x, m.end(), min(end, m.end() + 60))][:4]
        after = [w for w in after if w]
        known = _lexicon_name(after, lx.platform_of, lx.max_outlet_words) if after else None
        if known:
            return Mention(" ".join(after[: known[0]]), "platform", known[1])
        if after and after[0].isascii() and _LATIN_NAME.fullmatch(after[0]):
            name = [after[0]] + [w for w in after[1:2] if _LATIN_NAME.fullmatch(w)]
            return Mention(" ".join(name), "platform")
        if last_platform is not None:
            return last_platform  # «على الشبكة الاجتماعية التي يملكها»
    # «على إكس», "on X", "wrote on Truth Social"
    for m in _ON_NAME.finditer(x, start, end):
        if not outside(m.start()):
            continue
        words = [bare(w) for w in m.group(1).split()]
        known = _lexicon_name([w for w in words if w], lx.platform_of, lx.max_outlet_words)
        if known:
            return Mention(" ".join(words[: known[0]]), "platform", known[1])
    # لـ + outlet («قال لوكالة رويترز»), told / in an interview with + outlet
    for m in _TO_QUOTED_NAME.finditer(x, start, end):
        # «في تصريحات لـ"الجزيرة نت"», "told «Le Monde»": a quoted name after لـ is an outlet
        known = _lexicon_name(m.group("n").split(), lx.outlet_of, lx.max_outlet_words)
        return Mention(m.group("n"), "outlet", known[1] if known else None)
    for m in _TO_OUTLET.finditer(x, start, end):
        if not outside(m.start()):
            continue
        words = [bare(w) for w in m.group("w").split()]
        words = [w for w in words if w]
        if not words:
            continue
        head = words[0].casefold()
        if head == "the":
            words = words[1:]
            head = words[0].casefold() if words else ""
        known = _lexicon_name(words, lx.outlet_of, lx.max_outlet_words)
        if known:
            return Mention(" ".join(words[: known[0]]), "outlet", known[1])
        if head in lx.outlet_nouns:
            mention = classify(words)
            if mention and mention.kind == "outlet" and mention.name:
                return mention
    return _marker_source(x, start, end, outside)


def _marker_source(x: str, start: int, end: int, outside) -> Mention | None:
    """بحسب / وفقا لـ / according to + outlet."""
    lx = cues()
    for m in lx.marker.finditer(x, start, end):
        if not outside(m.start()):
            continue
        words = [bare(t) for _s, _e, t in tokens(x, m.end(), min(end, m.end() + 80))][:5]
        words = [w for w in words if w]
        if words and words[0].startswith("ل") and not words[0].startswith("ال"):
            words[0] = words[0][1:]  # «وفقا لصحيفة»
        mention = classify(words) if words else None
        if mention and mention.kind in ("outlet", "platform"):
            return mention
    return None


def marker_speaker(x: str, start: int, end: int, in_quote: Callable[[int], bool]) -> Mention | None:
    """A person or body named by بحسب / وفقا لـ / according to."""
    lx = cues()
    for m in lx.marker.finditer(x, start, end):
        if in_quote(m.start()):
            continue
        words = subject_after(x, m.end(), end)
        if words and words[0].startswith("ل") and not words[0].startswith("ال"):
            words[0] = words[0][1:]
        mention = classify(words)
        if mention and mention.kind == "person":
            return mention
    return None


def is_anaphoric(words: list[str]) -> bool:
    """«المصدر»، «الوزير»، «رئيس الوزراء»، "the minister": a role that points back to a name."""
    lx = cues()
    words = [w for w in words if w not in ("ذاته", "نفسه", "ذاتها", "نفسها")]
    if not words or len(words) > 3:
        return False
    if words[0].isascii():
        low = [w.casefold() for w in words]
        return low[0] == "the" and len(low) >= 2 and all(w.islower() for w in words[1:])
    if person_name(words) != " ".join(words):
        return False  # it holds a name
    return all(w.startswith("ال") or w in lx.titles for w in words)


def role_head(words: list[str]) -> str:
    """The role noun an anaphor names, folded for comparison: المصدر -> مصدر."""
    w = words[-1] if words[0].isascii() else words[0]
    w = w.casefold()
    return w[2:] if w.startswith("ال") else w


def has_given_name(words: list[str]) -> bool:
    lx = cues()
    folded = [bare(w).casefold() for w in words]
    return any(
        (w in lx.given and not w.startswith("ال"))
        or (i + 1 < len(folded) and f"{w} {folded[i + 1]}" in lx.given_pairs)
        for i, w in enumerate(folded)
    )


def name_in_subject_position(x: str, start: int, end: int) -> list[str]:
    """A given-name-led name in the first words of x[start:end] (the sentence's subject)."""
    lx = cues()
    toks = tokens(x, start, end)[:5]
    for i, (_s, _e, tok) in enumerate(toks):
        b = bare(tok)
        low = b.casefold()
        pair = f"{low} {bare(toks[i + 1][2]).casefold()}" if i + 1 < len(toks) else ""
        if low in lx.stop:
            continue  # «على» folds to the name «علي»
        if (low in lx.given and not low.startswith("ال")) or pair in lx.given_pairs:
            words: list[str] = []
            for _s2, _e2, t in tokens(x, toks[i][0], end)[:5]:
                w = bare(t)
                if not w or without_prefix(w, lx.stop) is not None or w.casefold() in _EN_STOP:
                    break
                if w.isascii() and not _LATIN_NAME.fullmatch(w):
                    break
                words.append(w)
                if t[-1] in "،,:؛;.":
                    break
            return words
    # «وعلّقت الإعلامية لميس الحديدي على …»: a title among the first words, then a name
    for i, (_s, _e, tok) in enumerate(toks[:3]):
        if bare(tok) in lx.titles and not bare(tok).isascii():
            phrase = subject_after(x, toks[i][0], end)
            name = (person_name(phrase) if phrase else "").split()
            # «لميس الحديدي», not «شدة الأعراض»: a first name, then a family name in ال
            family = len(name) == 2 and name[1].startswith("ال") and not name[0].endswith("ة")
            if name and name != phrase and (has_given_name(name) or family):
                return name
            break
    # "Obaidullah Stoman, a 26-year-old …": two or more capitalised words opening the sentence
    run = []
    for _s, _e, tok in toks:
        b = bare(tok)
        if not (b.isascii() and _LATIN_NAME.fullmatch(b)) or b.casefold() in _EN_STOP:
            break
        run.append(b)
        if tok[-1] in ",;:":
            break
    if len(run) >= 2 and run[0].casefold() not in ("the", "a", "an", "in", "on", "at"):
        return run
    return []


def is_outlet_anaphor(words: list[str]) -> bool:
    """«الصحيفة»، «الوكالة»، "the newspaper": the outlet named before."""
    lx = cues()
    low = [bare(w).casefold() for w in words if bare(w)]
    if low and low[0] == "the":
        low = low[1:]
    return (
        len(low) == 1
        and low[0] in lx.outlet_nouns
        and (low[0].startswith("ال") or words[0].casefold() == "the")
    )


_EN_BODIES = frozenset(
    "agency organization organisation ministry company firm group government department bank "
    "club party court council army police union body authority commission office".split()
)


def is_body_anaphor(words: list[str]) -> bool:
    """ "The agency", "the company": a body named before, whatever its name's words."""
    low = [w.casefold() for w in words]
    return len(low) == 2 and low[0] == "the" and low[1] in _EN_BODIES
