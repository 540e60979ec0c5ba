"""What the engine hands out: plain frozen dataclasses, so storage and UI never see parser state."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["quote", "statement", "numeric"]
Bound = Literal["gt", "lt", "gte", "lte"]
EntityKind = Literal["person", "outlet", "platform", "organisation", "document"]


@dataclass(frozen=True, slots=True)
class Claim:
    """One quote, reported statement or numeric claim.

    `start`/`end` index the decoded original text, so `text == original[start:end]` always.
    `speaker`/`source` are display names of entities in `Extraction.entities`, or None when the
    article itself states it.
    """

    kind: Kind
    text: str
    start: int
    end: int
    speaker: str | None = None
    source: str | None = None
    # numeric claims only
    value: float | None = None
    value_to: float | None = None  # upper end of a range ("between 3 and 5")
    unit: str | None = None  # ISO 4217 code, a duration unit, "percent", or None for a count
    thing: str | None = None  # what is counted ("Patriot systems"), if anything
    approx: bool = False
    bound: Bound | None = None
    # where the claim sits: the sentence around it (for the report's context column)
    sentence_start: int = 0
    sentence_end: int = 0


@dataclass(frozen=True, slots=True)
class Title:
    """A quoted name (newspaper, programme, channel): a possible source, never a statement."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Entity:
    """A speaker or source, with every spelling the article used for it."""

    name: str
    kind: EntityKind
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Extraction:
    text: str
    language: str  # "ar" or "en"
    claims: tuple[Claim, ...] = ()
    titles: tuple[Title, ...] = ()
    entities: tuple[Entity, ...] = field(default_factory=tuple)

    def of_kind(self, kind: Kind) -> list[Claim]:
        return [c for c in self.claims if c.kind == kind]
