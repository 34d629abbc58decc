"""Wording helpers for messages built from parts: counts with the right plural, and sentences
joined without doubled full stops. Templates use Django's `pluralize` filter; Python messages
use these, so every message follows one rule."""

from collections.abc import Iterable

# A sentence already ends when its last character (before any closing quote or bracket) is one
# of these.
_TERMINAL = ".!?…"
_CLOSERS = "”’\"')]"


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """ "1 finding", "0 findings", "2 finding statuses": the count and the noun that agrees
    with it. `plural` defaults to the singular + "s"."""
    return f"{count} {singular if count == 1 else (plural or singular + 's')}"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """The word alone, agreeing with `count`: plural(2, "has", "have") == "have"."""
    return singular if count == 1 else (plural_form or singular + "s")


def sentence(text: str) -> str:
    """`text` as one sentence: stripped, with a full stop added only if it has no end mark
    (so "Plan agreed." stays "Plan agreed.", never "Plan agreed..")."""
    text = text.strip()
    end = text.rstrip(_CLOSERS)[-1:]
    if not text or (end and end in _TERMINAL):
        return text
    return text + "."


def sentences(parts: Iterable[str]) -> str:
    """Texts joined as consecutive sentences, each ending in exactly one end mark; empty parts
    are left out."""
    return " ".join(sentence(part) for part in parts if part and part.strip())
