"""Cue verbs, complementisers and name-shaped phrases, compiled once from the lexicons."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from factdesk.text import lexicon
from factdesk.text.lexicon import alternation

_TOKEN = re.compile(r"\S+")
_EDGE_PUNCT = "،,:؛;.!?؟()[]{}\"'«»“”„‘’<>"
PREFIXES = ("وب", "ول", "فل", "و", "ف", "ب", "ل", "ك")


@dataclass(frozen=True)
class CueLexicon:
    verb: re.Pattern[str]  # a cue verb form, Arabic or English
    section_of: dict[str, str]  # folded form -> speech / written / continuation / stance
    complementiser: re.Pattern[str]
    stop: frozenset[str]
    time_words: frozenset[str]
    titles: frozenset[str]
    titles_en: frozenset[str]
    given: frozenset[str]
    given_pairs: frozenset[str]
    outlet_of: dict[str, str]  # folded/casefolded variant -> canonical outlet
    platform_of: dict[str, str]
    outlet_nouns: frozenset[str]
    platform_nouns: re.Pattern[str]
    document_nouns: frozenset[str]
    marker: re.Pattern[str]
    max_outlet_words: int


@cache
def cues() -> CueLexicon:
    section_of: dict[str, str] = {}
    for name in ("cue_verbs.ar.txt", "cue_verbs.en.txt"):
        for section, rows in lexicon.load_rows(name).items():
            for row in rows:
                for form in row:
                    section_of.setdefault(lexicon.match_form(form).casefold(), section)
    ar_forms = [f for f in section_of if not f.isascii()]
    en_forms = [f for f in section_of if f.isascii()]
    verb = re.compile(
        rf"(?<![\w-])(?:[وف])?(?P<ar>{alternation(ar_forms)})(?![\w-])"
        rf"|\b(?P<en>(?i:{alternation(en_forms)}))\b",
    )
    comp_ar = lexicon.words("complementisers.txt", "ar")
    complementiser = re.compile(
        rf"(?<![\w-])(?:و)?(?P<c>{alternation(comp_ar)})(?![\w-])|\b(?P<en>that)\b",
        re.IGNORECASE,
    )
    given = lexicon.words("given_names.txt")
    outlet_of = {k.casefold(): v for k, v in lexicon.mapping("outlets.txt").items()}
    platform_of = {k.casefold(): v for k, v in lexicon.mapping("platforms.txt").items()}
    platform_nouns = lexicon.words("source_nouns.txt", "platform")
    markers = lexicon.words("source_markers.txt")
    return CueLexicon(
        verb=verb,
        section_of=section_of,
        complementiser=complementiser,
        stop=lexicon.words("stopwords.ar.txt"),
        time_words=lexicon.words("stopwords.ar.txt", "time"),
        titles=lexicon.words("titles.txt", "ar"),
        titles_en=frozenset(w.casefold().rstrip(".") for w in lexicon.words("titles.txt", "en")),
        given=frozenset(g.casefold() for g in given if " " not in g),
        given_pairs=frozenset(g.casefold() for g in given if " " in g),
        outlet_of=outlet_of,
        platform_of=platform_of,
        outlet_nouns=frozenset(w.casefold() for w in lexicon.words("source_nouns.txt", "outlet")),
        platform_nouns=re.compile(
            rf"(?<![\w])(?:ال)?(?P<n>{alternation(platform_nouns)})(?![\w])", re.IGNORECASE
        ),
        document_nouns=frozenset(
            w.casefold() for w in lexicon.words("source_nouns.txt", "document")
        ),
        marker=re.compile(
            rf"(?<![\w])(?:و)?(?P<m>{alternation(markers)})(?:\s|(?<=ل)|(?<=لـ))",
            re.IGNORECASE,
        ),
        max_outlet_words=max(
            (len(k.split()) for k in list(outlet_of) + list(platform_of)), default=1
        ),
    )


def tokens(x: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(x, start, end)]


def bare(token: str) -> str:
    return token.strip(_EDGE_PUNCT).rstrip("ـ")


def without_prefix(word: str, known: frozenset[str] | dict) -> str | None:
    """`word` itself, or `word` less a clitic prefix, if that is in `known`."""
    if word in known:
        return word
    for p in PREFIXES:
        if word.startswith(p) and word[len(p) :] in known:
            return word[len(p) :]
    return None
