"""Phrases that name what a grade is for: a PEEL pillar ("the efficiency with which …"), an
area written as a clause ("in the way it plans for the future" → "Planning for the future"),
and a grade word's value."""

from __future__ import annotations

import re

_ABBREVIATIONS = (
    (r"\bASB\b", "anti-social behaviour"),
    (r"\bSOC\b", "serious and organised crime"),
)


def expand_abbreviations(area: str) -> str:
    """'Preventing crime and ASB/ keeping people safe' → '… anti-social behaviour …': the
    abbreviations OPCC papers use in area names."""
    for pattern, words in _ABBREVIATIONS:
        area = re.sub(pattern, words, area)
    return area


OWNER_RE = re.compile(
    r"(?i)^(?:and\s+|but\s+)?(?:the\s+(?:force|constabulary|service)['’]s|its|their)\s+"
)
_PILLARS = (
    ("Efficiency", r"efficien|sustainab"),
    ("Legitimacy", r"legitima|treats?\s+the\s+public\s+and\s+its\s+workforce"),
    (
        "Effectiveness",
        r"effective|reducing\s+crime\s+and\s+keeping\s+people\s+safe"
        r"|keeping\s+people\s+safe\s+and\s+reducing\s+crime",
    ),
)


def pillar_of(phrase: str) -> str | None:
    """The PEEL pillar a phrase names ('at keeping people safe and reducing crime', 'in
    respect of the efficiency with which …'), if it names one."""
    for pillar, pattern in _PILLARS:
        if re.search(pattern, phrase, re.IGNORECASE):
            return pillar
    return None


def is_pillar_area(area: str) -> bool:
    return area in ("Effectiveness", "Efficiency", "Legitimacy")


def grade_value(word: str) -> str:
    word = " ".join(word.lower().split())
    return "requires_improvement" if word.startswith("requir") else word.replace(" ", "_")


def area_phrase(text: str) -> str:
    """'in the way it plans for the future' → 'Planning for the future'; 'the force's
    understanding of demand' → 'Understanding of demand'."""
    text = re.sub(r"(?i)^(?:at|in|for|with)\s+", "", text.strip()).strip(" .;,")
    text = OWNER_RE.sub("", text)
    way = re.match(
        r"(?i)^the\s+way\s+(?:that\s+)?it\s+(?P<verb>[a-z]+?)(?:e?s)\s+(?P<rest>.+)$", text
    )
    if way:
        text = f"{_gerund(way.group('verb'))} {way.group('rest')}"
    return text[:1].upper() + text[1:]


def _gerund(stem: str) -> str:
    """'plan' → 'planning', 'manag' → 'managing', 'protect' → 'protecting' (from a verb in
    the third person with its -s or -es taken off)."""
    vowels = "aeiou"
    if (
        3 <= len(stem) <= 4
        and stem[-1] not in vowels + "wxy"
        and stem[-2] in vowels
        and stem[-3] not in vowels
    ):
        return f"{stem}{stem[-1]}ing"
    return f"{stem.removesuffix('e')}ing"


_QUESTION_RE = re.compile(
    r"(?i)^how\s+(?:well|effectively|efficiently|legitimately|effective|efficient|legitimate)\s+"
    r"(?:does|is)\s+the\s+(?:force|constabulary)\s+(?:at\s+)?(?P<rest>.+?)\s*\?$"
)


def question_area(question: str) -> str:
    """The area a PEEL question grades, as a phrase: "How well does the force understand
    demand?" → "Understanding demand"; "How well is the force planning for demand in the
    future?" → "Planning for demand in the future"; any other text as it is."""
    match = _QUESTION_RE.match(question.strip())
    if not match:
        return question
    verb, _, rest = match.group("rest").partition(" ")
    phrase = verb if verb.lower().endswith("ing") else _gerund(verb.lower())
    phrase = f"{phrase} {rest}".strip()
    return phrase[:1].upper() + phrase[1:]
