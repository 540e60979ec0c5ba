"""One entity per speaker or source, however many spellings the article used.

«ترامب», «دونالد ترامب» and «الرئيس الأمريكي دونالد ترامب» are one person: a name whose words
all appear in a longer name of the same kind is linked to it, and the longest spelling is the
one the analyst is offered, with the others as aliases.
"""

from __future__ import annotations

from dataclasses import replace

from factdesk.extract.attribution import Mention
from factdesk.extract.model import Claim, Entity
from factdesk.text.normalize import Folded, fold


class EntityBook:
    def __init__(self, folded: Folded) -> None:
        self._folded = folded
        self._spelling: dict[tuple[str, str], str] = {}  # (kind, folded name) -> as written
        self._canonical: dict[tuple[str, str], str] = {}
        self._first_at: dict[str, int] = {}  # spelling as written -> first position seen

    def _as_written(self, name: str, near: int) -> str:
        x = self._folded.text
        i = x.find(name, max(0, near - 600))
        if i < 0:
            i = x.find(name)
        if i < 0:
            return name
        s, e = self._folded.span(i, i + len(name))
        return self._folded.original[s:e]

    def add(self, mention: Mention | None, near: int) -> str | None:
        if mention is None or not mention.name:
            return None
        kind = "person" if mention.kind == "person" else mention.kind
        key = (kind, mention.name)
        if key not in self._spelling:
            self._spelling[key] = self._as_written(mention.name, near)
            if mention.canonical:
                self._canonical[key] = mention.canonical
        written = self._spelling[key]
        self._first_at[written] = min(near, self._first_at.get(written, near))
        return written

    def _groups(self) -> dict[str, list[str]]:
        """Display name -> all spellings, linking names contained in longer ones."""
        by_kind: dict[str, list[str]] = {}
        for (kind, _name), written in self._spelling.items():
            by_kind.setdefault(kind, []).append(written)
        groups: dict[str, list[str]] = {}
        for kind, names in by_kind.items():
            names = sorted(set(names), key=lambda n: (-len(fold(n).split()), n))
            heads: list[tuple[str, set[str]]] = []
            for n in names:
                words = set(fold(n).split())
                fits = [head for head, head_words in heads if words <= head_words]
                if fits:
                    # two people sharing a surname: the full name met last before this one
                    at = self._first_at.get(n, 0)
                    before = [h for h in fits if self._first_at.get(h, 0) <= at]
                    latest = max(before, key=lambda h: self._first_at.get(h, 0), default=None)
                    head = latest or fits[0]
                    groups[f"{kind}\0{head}"].append(n)
                else:
                    heads.append((n, words))
                    groups[f"{kind}\0{n}"] = [n]
        return groups

    def relink(self, claims: list[Claim]) -> list[Claim]:
        display: dict[str, str] = {}
        for key, names in self._groups().items():
            head = key.split("\0", 1)[1]
            for n in names:
                display[n] = head
        out = []
        for c in claims:
            speaker = display.get(c.speaker, c.speaker) if c.speaker else None
            source = display.get(c.source, c.source) if c.source else None
            changed = speaker != c.speaker or source != c.source
            out.append(replace(c, speaker=speaker, source=source) if changed else c)
        return out

    def entities(self) -> tuple[Entity, ...]:
        canon_by_written = {
            self._spelling[k]: v for k, v in self._canonical.items() if k in self._spelling
        }
        out = []
        for key, names in self._groups().items():
            kind, head = key.split("\0", 1)
            aliases = [n for n in names if n != head]
            for n in names:
                c = canon_by_written.get(n)
                if c and c != head and c not in aliases:
                    aliases.append(c)
            out.append(Entity(head, kind, tuple(aliases)))  # type: ignore[arg-type]
        return tuple(sorted(out, key=lambda e: (e.kind, e.name)))
