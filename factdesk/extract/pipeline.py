"""The engine end to end: fold, split, find quotes, statements and numbers, attribute, map back.

Everything runs on the folded copy (factdesk.text.normalize); spans are mapped back to the
original once, at the end, so every claim satisfies `text[start:end] == claim.text`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field

from factdesk.extract import attribution as attr
from factdesk.extract.attribution import Cue, Mention
from factdesk.extract.cues import bare, cues, tokens
from factdesk.extract.entities import EntityBook
from factdesk.extract.model import Claim, Extraction, Title
from factdesk.extract.numbers import find_numbers
from factdesk.extract.quotes import find_quotes
from factdesk.text.normalize import fold_for_matching
from factdesk.text.sentences import paragraph_spans, sentence_spans

_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_TRAIL = " \t.!?؟…،,؛;:\"'»”’)"
_MAX_STATEMENT_GAP = 30  # tokens between a cue verb and its complementiser


def detect_language(x: str) -> str:
    sample = x[:4000]
    ar = len(_ARABIC_LETTER.findall(sample))
    en = len(_LATIN_LETTER.findall(sample))
    return "ar" if ar >= en else "en"


@dataclass
class _Item:
    kind: str  # quote / statement
    start: int
    end: int
    anchor: int  # where attribution looks from (quote open mark, cue verb)
    cue: Cue | None = None
    close: int = -1  # quote closing mark
    open: int = -1
    speaker: Mention | None = None
    source: Mention | None = None


@dataclass
class _Doc:
    x: str
    paras: list[tuple[int, int]]
    sents: list[tuple[int, int]]
    quote_spans: list[tuple[int, int]]  # contents of quotes and titles, to skip
    para_starts: list[int] = field(default_factory=list)
    sent_starts: list[int] = field(default_factory=list)
    quote_starts: list[int] = field(default_factory=list)
    cues: list[Cue] = field(default_factory=list)
    cue_starts: list[int] = field(default_factory=list)
    statement_quote_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.quote_spans = sorted(self.quote_spans)
        self.para_starts = [p[0] for p in self.paras]
        self.sent_starts = [s[0] for s in self.sents]
        self.quote_starts = [q[0] for q in self.quote_spans]

    def set_cues(self, found: list[Cue]) -> None:
        self.cues = found
        self.cue_starts = [c.start for c in found]

    def para_of(self, i: int) -> int:
        return max(0, bisect_right(self.para_starts, i) - 1)

    def sent_of(self, i: int) -> tuple[int, int]:
        k = max(0, bisect_right(self.sent_starts, i) - 1)
        return self.sents[k] if self.sents else (0, len(self.x))

    def in_quote(self, i: int) -> bool:
        k = bisect_right(self.quote_starts, i) - 1
        return k >= 0 and i < self.quote_spans[k][1]

    def quote_between(self, a: int, b: int) -> bool:
        """Does a quotation (not a quoted name) open in [a, b)?"""
        k = bisect_left(self.statement_quote_starts, a)
        return k < len(self.statement_quote_starts) and self.statement_quote_starts[k] < b

    def cues_in(self, a: int, b: int) -> list[Cue]:
        """The cue verbs starting in [a, b), in order (bisect: long texts stay linear)."""
        return self.cues[bisect_left(self.cue_starts, a):bisect_left(self.cue_starts, b)]


def extract(text: str, language: str | None = None) -> Extraction:
    folded = fold_for_matching(text)
    x = folded.text
    lang = language or detect_language(x)
    paras = paragraph_spans(x)
    pairs = find_quotes(x, paras)
    quotes = [q for q in pairs if q.kind == "quote"]
    sents = sentence_spans(x, paras, [(q.start, q.end) for q in quotes])
    doc = _Doc(x, paras, sents, [(q.open, q.close + 1) for q in pairs])
    doc.statement_quote_starts = [q.open for q in quotes]

    all_cues = [c for c in attr.find_cues(x, 0, len(x)) if not doc.in_quote(c.start)]
    doc.set_cues(all_cues)
    items = [_Item("quote", q.start, q.end, q.open, close=q.close, open=q.open) for q in quotes]
    items += _statements(doc, all_cues)
    items.sort(key=lambda it: it.start)
    _attribute(doc, items)

    book = EntityBook(folded)
    claims: list[Claim] = []
    for it in items:
        s, e = folded.span(it.start, it.end)
        ss, se = folded.span(*doc.sent_of(it.anchor))
        claims.append(
            Claim(
                kind=it.kind,  # type: ignore[arg-type]
                text=text[s:e],
                start=s,
                end=e,
                speaker=book.add(it.speaker, it.anchor),
                source=book.add(it.source, it.anchor),
                sentence_start=ss,
                sentence_end=se,
            )
        )
    by_sentence: dict[tuple[int, int], tuple[Mention | None, Mention | None]] = {}
    item_starts = [it.start for it in items]
    for n in find_numbers(x):
        speaker, source = _number_attribution(doc, items, item_starts, n.start, by_sentence)
        s, e = folded.span(n.start, n.end)
        ss, se = folded.span(*doc.sent_of(n.start))
        claims.append(
            Claim(
                kind="numeric",
                text=text[s:e],
                start=s,
                end=e,
                speaker=book.add(speaker, n.start),
                source=book.add(source, n.start),
                value=n.value,
                value_to=n.value_to,
                unit=n.unit,
                thing=n.thing,
                approx=n.approx,
                bound=n.bound,  # type: ignore[arg-type]
                sentence_start=ss,
                sentence_end=se,
            )
        )
    titles = []
    for q in pairs:
        if q.kind == "title":
            s, e = folded.span(q.start, q.end)
            titles.append(Title(text[s:e], s, e))
    claims = book.relink(claims)
    claims.sort(key=lambda c: (c.start, c.kind))
    return Extraction(text, lang, tuple(claims), tuple(titles), book.entities())


def _statements(doc: _Doc, all_cues: list[Cue]) -> list[_Item]:
    """Indirect speech: a cue verb, then أن/إن/that within the sentence; the clause after it."""
    x = doc.x
    lx = cues()
    out: list[_Item] = []
    used: set[int] = set()
    for k, c in enumerate(all_cues):
        _ss, se = doc.sent_of(c.start)
        if out and out[-1].start <= c.start < out[-1].end:
            continue  # reported speech inside a statement stays part of it
        comp = None
        for m in lx.complementiser.finditer(x, c.end, se):
            if (m.group("c") is not None) != c.arabic or doc.in_quote(m.start()):
                continue
            comp = m
            break
        if comp is None or comp.start() in used:
            continue  # "said in a post on X that": one statement, the earliest cue
        if any(
            c.end <= c2.start < comp.start() and _joins_a_new_clause(x, c2, c.end)
            for c2 in all_cues[k + 1 : k + 6]
        ):
            continue  # «أعلنت الوزارة …، فيما قالت الأمم المتحدة إن»: the later verb's clause
        if _words(x, c.end, comp.start()) > _MAX_STATEMENT_GAP:
            continue
        used.add(comp.start())
        if comp.group("en") and _EN_THAT_TIME.match(x, comp.end()):
            continue  # "responded that evening": a demonstrative, not a complementiser
        start = comp.end()
        while start < se and x[start].isspace():
            start += 1
        if start >= se or x[start] in "\"'«“„‘”":
            continue  # «قال إن "…"»: the quote itself is the claim
        end = se
        # a later cue with its own complementiser in the same sentence starts a new statement
        for c2 in doc.cues_in(start, se):  # not cue-like words before it ("said in a post on X")
            if not _joins_a_new_clause(x, c2, start):
                continue  # «قالت إنها تتوقع أن…»: nested reporting, the same statement
            m2 = lx.complementiser.search(x, c2.end, se)
            if m2 and _words(x, c2.end, m2.start()) <= _MAX_STATEMENT_GAP:
                end = c2.start
                break
        end = _trim_end(x, start, end)
        if end > start and x[start:end].endswith((" و", "،و")):
            end = _trim_end(x, start, end - 1)
        if end - start < 3:
            continue
        out.append(_Item("statement", start, end, c.start, cue=c))
    return out


def _joins_a_new_clause(x: str, cue: Cue, clause_start: int) -> bool:
    """«، وأضاف أن», ", adding that": a second reporting verb joined to the first."""
    if cue.start == clause_start:
        return False
    if cue.arabic and x[cue.start] in "وف":
        return True
    before = x[max(clause_start, cue.start - 8) : cue.start].rstrip()
    return before.endswith((",", "،", " and", " و", "فيما", "بينما", "كما", " while", " as"))


_CLOSER_OF = {"»": "«", "”": "“", '"': '"', "’": "‘", ")": "("}


def _trim_end(x: str, start: int, end: int) -> int:
    """Drop the sentence's final punctuation, but keep a closing mark whose opener is inside."""
    while end > start:
        ch = x[end - 1]
        if ch in _CLOSER_OF:
            opener = _CLOSER_OF[ch]
            inner = x[start : end - 1]
            if (inner.count(opener) % 2 == 1) if opener == ch else (opener in inner):
                break
        if ch not in _TRAIL:
            break
        end -= 1
    return end


def _pos(entry: tuple) -> int:
    return entry[0]


_INVERTED = re.compile(
    r",\s+(?P<who>(?:[A-Z][\w.'’-]*\s+){0,5}[A-Z][\w'’-]*)\s+(?:said|says|told|added|stated)\b"
)


def _inverted_speaker(doc: _Doc, pos: int, ss: int, se: int) -> Mention | None:
    """"The Pentagon will send 3,000 troops, Defense Secretary Lloyd Austin said": the clause
    before «, X said» is X's, as news wires write it."""
    m = _INVERTED.search(doc.x, pos, se)
    if m is None or doc.quote_between(ss, m.start()):
        return None
    mention = attr.classify(m.group("who").split())
    return mention if mention is not None and mention.kind == "person" else None


def _words(x: str, start: int, end: int) -> int:
    """About how many words x[start:end] holds (spaces counted in C, not tokens in Python)."""
    return x.count(" ", start, end) + x.count("\n", start, end)


def _cue_before(doc: _Doc, it: _Item) -> Cue | None:
    ss, _se = doc.sent_of(it.open)
    best = None
    for c in doc.cues_in(ss, it.open):
        if not doc.quote_between(c.end, it.open):
            best = c
    if best is None or _words(doc.x, best.end, it.open) > 14:
        return None
    return best


def _cue_after(doc: _Doc, it: _Item) -> Cue | None:
    _ss, se = doc.sent_of(it.open)
    head = tokens(doc.x, it.close + 1, min(se + 1, it.close + 160))[:12]
    for c in doc.cues_in(it.close + 1, se):
        if not head or c.start > head[-1][0]:
            break
        return c
    return None


def _attribute(doc: _Doc, items: list[_Item]) -> None:
    x = doc.x
    current: Mention | None = None
    current_source: Mention | None = None
    source_para = -1
    last_platform: Mention | None = None
    last_outlet: Mention | None = None
    # every named person so far, with the words around the name (its apposition), for «المصدر»
    history: list[tuple[int, set[str], Mention, Mention | None]] = _marker_people(doc)
    for it in items:
        para = doc.para_of(it.anchor)
        ss, se = doc.sent_of(it.anchor)
        speaker: Mention | None = None
        source: Mention | None = None
        explicit = False
        cue = it.cue
        subject: list[str] = []
        if it.kind == "quote":
            before = _cue_before(doc, it)
            after = _cue_after(doc, it)
            if before is not None:
                cue = before
                subject = _subject(x, before, _clause_start(x, ss, before.start), it.open)
            elif after is not None:
                cue = after
                subject = _subject(x, after, it.close + 1, se)
        elif cue is not None:
            comp = cues().complementiser.search(x, cue.end, it.start)
            stop = comp.start() if comp else it.start
            subject = _subject(x, cue, _clause_start(x, ss, cue.start), stop)
            quoted_from = re.search(r"(?<![\w])عن\s+", x[cue.end : stop])
            if subject and quoted_from:
                # «نقلت وكالة رويترز عن مسؤول»: the outlet is the source, the other the speaker
                src = attr.classify(subject)
                who = attr.classify(attr.subject_after(x, cue.end + quoted_from.end(), stop))
                if src and src.kind != "person" and who and who.kind == "person":
                    source, speaker, explicit = src, who, True
                    words = _role_words(_following(x, cue.end))
                    insort(history, (it.anchor, words, who, src), key=_pos)
                    subject = []
        continues = False
        if subject and last_outlet is not None and attr.is_outlet_anaphor(subject):
            source, explicit, subject = last_outlet, True, []  # «وأضافت الصحيفة أن»
        if subject and attr.is_anaphoric(subject):
            head = attr.role_head(subject)
            body = attr.is_body_anaphor(subject)
            for pos, words, earlier, earlier_source in reversed(history):
                if pos < it.anchor and (
                    head in words or (body and not attr.has_given_name(earlier.name.split()))
                ):
                    speaker, explicit, subject = earlier, True, []
                    continues = True
                    if earlier != current:
                        current_source = earlier_source
                    break
            else:
                named_before = _antecedent(x, subject, it.anchor)
                if named_before is not None:
                    speaker, explicit, subject = named_before, True, []
        if subject:
            mention = attr.classify(subject)
            if mention is not None and mention.kind == "person":
                speaker, explicit = mention, True
                words = _role_words(subject + _around(x, ss, se, mention))
                insort(history, (it.anchor, words, mention, None), key=_pos)
            elif mention is not None:
                source, explicit = mention, True
        skip = doc.in_quote
        if source is None:
            lo, hi = _clause(doc, it, cue)
            source = attr.source_in(x, lo, hi, skip, last_platform)
        if speaker is None and source is None and cue is not None:
            speaker = attr.marker_speaker(x, ss, se, skip)
            explicit = speaker is not None
        if not explicit and (cue is None or not subject):
            # «وقال:»، "he told AFP": the person named as the subject of this sentence or of an
            # earlier one in the paragraph, before the speaker carried over from before
            named = _named_in_paragraph(doc, para, it.open if it.kind == "quote" else it.anchor)
            if named is not None and named != current:
                speaker, explicit = named, True
                words = _role_words(_around(x, doc.paras[para][0], se, named))
                insort(history, (it.anchor, words, named, None), key=_pos)
        if not explicit:
            speaker = current
            if source is None and para == source_para:
                source = current_source
        elif continues and source is None:
            source = current_source  # «وأضاف المصدر»: the same speaker, through the same outlet
        it.speaker, it.source = speaker, source
        if speaker is not None:
            current = speaker
        current_source, source_para = source, para
        if source is not None and source.kind == "platform":
            last_platform = source
        if source is not None and source.kind == "outlet":
            last_outlet = source


_EN_OBJECT_VERBS = frozenset(("tell", "tells", "told"))
_EN_THAT_TIME = re.compile(
    r"\s+(?:evening|morning|night|day|week|month|year|time|afternoon|weekend)\b", re.I
)


def _clause(doc: _Doc, it: _Item, cue: Cue | None) -> tuple[int, int]:
    """Where a claim's source phrase may stand: from its cue to the next cue of the sentence."""
    ss, se = doc.sent_of(it.anchor)
    if cue is None:
        return ss, se
    if it.kind == "statement":
        return ss, max(it.end, cue.end)
    after = max(cue.end, it.close + 1)
    ends = [c.start for c in doc.cues_in(after, se) if _joins_a_new_clause(doc.x, c, after)]
    return min(cue.start, it.open), min(ends) if ends else se


def _subject(x: str, cue: Cue, clause_start: int, stop: int) -> list[str]:
    """The cue's subject: after the verb first in Arabic, before it first in English."""
    if cue.arabic:
        return attr.subject_after(x, cue.end, stop) or attr.subject_before(
            x, clause_start, cue.start
        )
    before = attr.subject_before(x, clause_start, cue.start)
    if cue.form in _EN_OBJECT_VERBS or before:
        return before
    if x[max(clause_start, cue.start - 5) : cue.start].rstrip().endswith(" and"):
        return []  # "X called it … and said the party would …": the subject is X, further back
    return attr.subject_after(x, cue.end, stop)


def _marker_people(doc: _Doc) -> list[tuple[int, set[str], Mention, Mention | None]]:
    """People named by «نقلا عن مصدر قضائي», "according to officials": antecedents too."""
    lx = cues()
    out = []
    for m in lx.marker.finditer(doc.x):
        if doc.in_quote(m.start()):
            continue
        ss, se = doc.sent_of(m.start())
        words = attr.subject_after(doc.x, m.end(), se)
        if words and words[0].startswith("ل") and not words[0].startswith("ال"):
            words[0] = words[0][1:]
        mention = attr.classify(words) if words else None
        if mention is not None and mention.kind == "person":
            source = attr.source_in(doc.x, ss, se, doc.in_quote, None, markers_only=True)
            out.append((m.start(), _role_words(words), mention, source))
    return out


def _antecedent(x: str, anaphor: list[str], pos: int) -> Mention | None:
    """«المجموعة» after «مجموعة أبحاث التضخم» in the narration: the fuller earlier name."""
    head = attr.role_head(anaphor)
    if len(head) < 3 or head.isascii():
        return None
    found = None
    for m in re.finditer(rf"(?<!\w)(?:ال)?{re.escape(head)}(?!\w)", x[max(0, pos - 4000) : pos]):
        found = max(0, pos - 4000) + m.end()
    if found is None:
        return None
    words = attr.subject_after(x, found, min(len(x), found + 120))[:3]
    words = [w for w in words if not w.isascii() or w[:1].isupper()]
    if not words:
        return None
    start = x.rfind(head, 0, found)
    name = x[start - 2 if x[start - 2 : start] == "ال" else start : found] + " " + " ".join(words)
    return attr.Mention(name.strip(), "person")


def _around(x: str, start: int, end: int, mention: Mention) -> list[str]:
    """Words after the first mention of a name in x[start:end]: its title and apposition."""
    i = x.find(mention.name, start, end)
    return _following(x, i) if i >= 0 else []


def _following(x: str, pos: int) -> list[str]:
    """Words after a name, where its apposition stands: «…، رئيس مجلس الوزراء،»."""
    return [bare(t) for _s, _e, t in tokens(x, pos, min(len(x), pos + 200))[:14]]


def _named_in_paragraph(doc: _Doc, para: int, pos: int) -> Mention | None:
    """The latest sentence of the paragraph (up to `pos`) whose subject is a named person."""
    ps = doc.paras[para][0]
    k = max(0, bisect_right(doc.sent_starts, pos) - 1)
    while k >= 0 and doc.sents[k][0] >= ps:
        ss, se = doc.sents[k]
        words = attr.name_in_subject_position(doc.x, ss, min(se, pos))
        if words:
            m = attr.classify(words)
            if m is not None and m.kind == "person":
                return m
        k -= 1
    return None


def _role_words(subject: list[str]) -> set[str]:
    out = set()
    for w in subject:
        w = w.casefold()
        out.add(w[2:] if w.startswith("ال") else w)
    return out


def _clause_start(x: str, sentence_start: int, cue_start: int) -> int:
    """Where the clause holding a cue verb begins: the sentence, or after a closing quote."""
    chunk = x[sentence_start:cue_start]
    cut = max(chunk.rfind(m) for m in ('"', "»", "”", "’"))
    return sentence_start + cut + 1 if cut >= 0 else sentence_start


def _number_attribution(
    doc: _Doc,
    items: list[_Item],
    starts: list[int],
    pos: int,
    by_sentence: dict[tuple[int, int], tuple[Mention | None, Mention | None]],
) -> tuple[Mention | None, Mention | None]:
    """The quote or statement a number sits in; else its sentence's «بحسب X»; else a
    statement the sentence carries on."""
    k = bisect_right(starts, pos)
    for it in reversed(items[max(0, k - 4):k]):  # the innermost claim holding the number
        if pos < it.end:
            return it.speaker, it.source
    sent = doc.sent_of(pos)
    if sent in by_sentence:
        return by_sentence[sent]
    ss, se = sent
    para = doc.para_of(pos)
    source = attr.source_in(doc.x, ss, se, doc.in_quote, None, markers_only=True)
    speaker = attr.marker_speaker(doc.x, ss, se, doc.in_quote)
    found: tuple[Mention | None, Mention | None] = (None, None)
    if not (source or speaker):
        speaker = _inverted_speaker(doc, pos, ss, se)
    if source or speaker:
        found = (speaker, source)
    else:
        # a sentence that carries a reported statement on (same paragraph, nothing new said)
        last = items[k - 1] if k else None
        own_cue = bool(doc.cues_in(ss, se))
        if last and doc.para_of(last.start) == para and last.kind == "statement" and not own_cue:
            found = (last.speaker, last.source)
    by_sentence[sent] = found
    return found


__all__ = ["detect_language", "extract"]
