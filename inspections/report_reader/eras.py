"""The PEEL eras (frameworks): the areas each one grades, the names its headings and sentences
use for them, and how a title or a date names an era. Data and small matchers only."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from inspections.report_reader.vocabulary import plain, plain_heading

# --- PEEL eras ------------------------------------------------------------------------------


@dataclass
class Era:
    slug: str
    pillars: tuple[str, ...] = ()
    # canonical area name → headings and phrases that mean it
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)


_PILLAR_ALIASES = {
    "Effectiveness": (
        "effectiveness",
        "police effectiveness",
        "how effective is the force at keeping people safe and reducing crime",
        "how effective is the constabulary at keeping people safe and reducing crime",
        "how effectively does the force reduce crime and keep people safe",
        "how effectively does the constabulary reduce crime and keep people safe",
    ),
    "Efficiency": (
        "efficiency",
        "police efficiency",
        "how efficient is the force at keeping people safe and reducing crime",
        "how efficient is the constabulary at keeping people safe and reducing crime",
        "how efficiently does the force operate and how sustainable are its services to the public",
        "how efficiently does the constabulary operate and how sustainable are its services to the "
        "public",
        "how efficiently does the force operate and how sustainable are its services",
    ),
    "Legitimacy": (
        "legitimacy",
        "police legitimacy",
        "how legitimate is the force at keeping people safe and reducing crime",
        "how legitimate is the constabulary at keeping people safe and reducing crime",
        "how legitimately does the force treat the public and its workforce",
        "how legitimately does the constabulary treat the public and its workforce",
    ),
    "Leadership": ("leadership", "police leadership", "how well led is the force"),
}

ERAS: dict[str, Era] = {
    slug: Era(slug=slug, pillars=pillars, aliases={p: _PILLAR_ALIASES[p] for p in pillars})
    for slug, pillars in (
        ("peel-2014", ("Effectiveness", "Efficiency", "Legitimacy")),
        ("peel-2015", ("Effectiveness", "Efficiency", "Legitimacy", "Leadership")),
        ("peel-2016", ("Effectiveness", "Efficiency", "Legitimacy", "Leadership")),
        ("peel-2017", ("Effectiveness", "Efficiency", "Legitimacy")),
        ("peel-2018-19", ("Effectiveness", "Efficiency", "Legitimacy")),
    )
}
ERAS["peel-2021-22"] = Era(
    slug="peel-2021-22",
    aliases={
        "Victim service assessment": (
            "victim service assessment",
            "providing a service to the victims of crime",
            "providing a service to victims of crime",
        ),
        "Treatment of the public": (
            "treatment of the public",
            "engaging with and treating the public with fairness and respect",
            "treating the public fairly",
        ),
        "Preventing crime": (
            "preventing crime",
            "preventing crime and antisocial behaviour",
            "prevention and deterrence",
        ),
        "Responding to the public": ("responding to the public",),
        "Investigating crime": ("investigating crime",),
        "Protecting vulnerable people": ("protecting vulnerable people",),
        "Managing offenders": ("managing offenders", "managing offenders and suspects"),
        "Disrupting serious organised crime": (
            "disrupting serious organised crime",
            "disrupting serious and organised crime",
            "serious and organised crime",
            "serious organised crime",
        ),
        "Developing a positive workplace": (
            "developing a positive workplace",
            "building supporting and protecting the workforce",
        ),
        "Vetting and counter corruption": ("vetting and counter corruption",),
        "Good use of resources": (
            "good use of resources",
            "use of resources",
            "strategic planning organisational management and value for money",
        ),
        "Recording data about crime": ("recording data about crime", "crime data integrity"),
    },
)
ERAS["peel-2023-25"] = Era(
    slug="peel-2023-25",
    aliases={
        "Police powers and public treatment": ("police powers and public treatment",),
        "Leadership and force management": ("leadership and force management",),
    },
)

_ALIAS_INDEX: dict[str, dict[str, str]] = {
    slug: {
        plain(alias): name for name, aliases in era.aliases.items() for alias in (name, *aliases)
    }
    for slug, era in ERAS.items()
}


def canonical_area(framework: str | None, heading: str) -> str | None:
    """The framework's own name for a section heading, if it is one we know."""
    key = plain(plain_heading(heading))
    if framework in _ALIAS_INDEX:
        return _ALIAS_INDEX[framework].get(key)
    return None


def is_known_area(heading: str) -> bool:
    key = plain(plain_heading(heading))
    return any(key in index for index in _ALIAS_INDEX.values())


_PILLAR_KEYWORDS = (
    ("Efficiency", r"efficien|sustainab|value\s+for\s+money"),
    ("Legitimacy", r"legitima|treats?\b|treating|fair|ethical|respect"),
    ("Leadership", r"\bled\b|leadership"),
    ("Effectiveness", r"effective|reduc\w*\s+crime|keeping\s+people\s+safe|keeps\s+people\s+safe"),
)


def area_for_grade_phrase(framework: str | None, phrase: str) -> str | None:
    """The area a sentence such as 'is good in the efficient way it operates' grades, when
    it stands outside any area section (summaries, OPCC key findings)."""
    era = ERAS.get(framework or "")
    if era is None:
        return None
    if era.pillars:
        for pillar, pattern in _PILLAR_KEYWORDS:
            if pillar in era.pillars and re.search(pattern, phrase, re.IGNORECASE):
                return pillar
        return None
    tokens = set(plain(phrase).split())
    for name, aliases in era.aliases.items():
        for alias in (name, *aliases):
            alias_tokens = set(plain(alias).split()) - {"and", "the", "of", "a", "to"}
            if alias_tokens and alias_tokens <= tokens:
                return name
    return None


_ERA_YEARS = (
    (r"2023\s*[-–/]\s*(?:20)?25", "peel-2023-25"),
    (r"2021\s*[-–/]\s*(?:20)?22", "peel-2021-22"),
    (r"2018\s*[-–/]\s*(?:20)?19", "peel-2018-19"),
    (r"2017\b", "peel-2017"),
    (r"2016\b", "peel-2016"),
    (r"2015\b", "peel-2015"),
    (r"2014\b", "peel-2014"),
)
_FRAMEWORK_PATTERNS = (
    (r"integrated\s+peel", "peel-2018-19"),
    *((rf"\bpeel\b[^\n]{{0,40}}?\b{years}", slug) for years, slug in _ERA_YEARS),
    *((rf"\b{years}[^\n]{{0,20}}?\bpeel\b", slug) for years, slug in _ERA_YEARS[:3]),
)


# The programme's history, which later reports retell ("In 2014, we introduced our police
# effectiveness, efficiency and legitimacy (PEEL) inspections …"): the year is not the era.
_HISTORY_RE = re.compile(
    r"(?i)\b(?:in|since)\s+(?:19|20)\d\d,?\s+(?:we|hmic(?:frs)?|the\s+inspectorate)\s+"
    r"(?:introduced|began|started|launched|first)\b[^.]*\.?"
)


def framework_from_text(text: str) -> str | None:
    """The PEEL era a title names ('PEEL 2021/22', 'Integrated PEEL Assessment 2018/19');
    None for spotlight and thematic reports, which are not graded."""
    if re.search(r"spotlight", text, re.IGNORECASE):
        return None
    text = _HISTORY_RE.sub(" ", text)
    for pattern, slug in _FRAMEWORK_PATTERNS:
        if re.search(pattern, text, re.IGNORECASE):
            return slug
    return None


def framework_from_year(year: int) -> str | None:
    for first, slug in (
        (2023, "peel-2023-25"),
        (2021, "peel-2021-22"),
        (2018, "peel-2018-19"),
        (2017, "peel-2017"),
        (2016, "peel-2016"),
        (2015, "peel-2015"),
        (2014, "peel-2014"),
    ):
        if year >= first:
            return slug
    return None
