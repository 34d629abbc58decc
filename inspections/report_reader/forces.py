"""The 43 territorial police forces of England and Wales (data/forces.csv): name and slug in
HMICFRS's URL style, and how to find the one a document is about."""

from __future__ import annotations

import re
from collections import Counter

FORCES: dict[str, str] = {
    "Avon and Somerset Constabulary": "avon-and-somerset",
    "Bedfordshire Police": "bedfordshire",
    "Cambridgeshire Constabulary": "cambridgeshire",
    "Cheshire Constabulary": "cheshire",
    "City of London Police": "city-of-london",
    "Cleveland Police": "cleveland",
    "Cumbria Constabulary": "cumbria",
    "Derbyshire Constabulary": "derbyshire",
    "Devon and Cornwall Police": "devon-and-cornwall",
    "Dorset Police": "dorset",
    "Durham Constabulary": "durham",
    "Dyfed-Powys Police": "dyfed-powys",
    "Essex Police": "essex",
    "Gloucestershire Constabulary": "gloucestershire",
    "Greater Manchester Police": "greater-manchester",
    "Gwent Police": "gwent",
    "Hampshire and Isle of Wight Constabulary": "hampshire",
    "Hertfordshire Constabulary": "hertfordshire",
    "Humberside Police": "humberside",
    "Kent Police": "kent",
    "Lancashire Constabulary": "lancashire",
    "Leicestershire Police": "leicestershire",
    "Lincolnshire Police": "lincolnshire",
    "Merseyside Police": "merseyside",
    "Metropolitan Police Service": "metropolitan",
    "Norfolk Constabulary": "norfolk",
    "North Wales Police": "north-wales",
    "North Yorkshire Police": "north-yorkshire",
    "Northamptonshire Police": "northamptonshire",
    "Northumbria Police": "northumbria",
    "Nottinghamshire Police": "nottinghamshire",
    "South Wales Police": "south-wales",
    "South Yorkshire Police": "south-yorkshire",
    "Staffordshire Police": "staffordshire",
    "Suffolk Constabulary": "suffolk",
    "Surrey Police": "surrey",
    "Sussex Police": "sussex",
    "Thames Valley Police": "thames-valley",
    "Warwickshire Police": "warwickshire",
    "West Mercia Police": "west-mercia",
    "West Midlands Police": "west-midlands",
    "West Yorkshire Police": "west-yorkshire",
    "Wiltshire Police": "wiltshire",
}
# Older or shorter names the same forces go by.
_OTHER_PLACES = {"Hampshire and Isle of Wight Constabulary": ("Hampshire",)}


def _place(name: str) -> str:
    return re.sub(r"\s+(?:Police\s+Service|Police|Constabulary)$", "", name)


_PATTERNS = [
    (
        name,
        re.compile(
            rf"\b(?:{'|'.join(re.escape(p) for p in (_place(name), *_OTHER_PLACES.get(name, ())))})"
            r"(?:\s+(?:Police(?:\s+Service)?|Constabulary)\b|(?<=\w)['’]s\s+(?:police|force)\b)"
            rf"|\b(?:Commissioner|PCC|PFCC|OPCC)\s+for\s+(?:{re.escape(_place(name))})\b",
        ),
    )
    for name in FORCES
]


# Abbreviations a force goes by in its own papers and minutes, where only one force uses it
# ("WMP" is both West Midlands and West Mercia, so it is not here). Case-sensitive.
_ABBREVIATIONS = {
    "City of London Police": r"CoLP|COLP",
    "Greater Manchester Police": r"GMP",
    "Metropolitan Police Service": r"MPS|[Tt]he\s+Met(?!\s+Office)|Met\s+Police",
    "West Yorkshire Police": r"WYP",
    "South Yorkshire Police": r"SYP",
    "North Yorkshire Police": r"NYP",
    "Thames Valley Police": r"TVP",
    "Devon and Cornwall Police": r"DCP",
}
_ABBREVIATION_PATTERNS = [
    (name, re.compile(rf"\b(?:{pattern})\b")) for name, pattern in _ABBREVIATIONS.items()
]
# A force's area named on its own ("Inspection for Lincolnshire was published July 2018"),
# not as a council's, a fire service's or a mayor's.
_PLACE_PATTERNS = [
    (
        name,
        re.compile(
            rf"\b{re.escape(_place(name))}\b(?!\s+(?:Fire|County|Council|City\s+Council"
            r"|Corporation|Combined\s+Authority|Mayor|and\s+Rescue|Police|Constabulary))"
        ),
    )
    for name in FORCES
    if _place(name) not in ("Metropolitan",)
]


def forces_named(text: str) -> list[str]:
    """Each mention of one of the 43 forces, by its name as data/forces.csv spells it
    ('Kent Police' in 'PEEL Assessment of Kent Police'; 'Northamptonshire Police' in 'the
    Police, Fire and Crime Commissioner for Northamptonshire'), in no particular order."""
    found = []
    for name, pattern in (*_PATTERNS, *_ABBREVIATION_PATTERNS):
        found.extend(name for _ in pattern.finditer(text))
    return found


def _place_named(texts: tuple[str, ...]) -> str | None:
    """The force whose area alone is named, when it is the only force area named at all."""
    places = {name for text in texts for name, pattern in _PLACE_PATTERNS if pattern.search(text)}
    return places.pop() if len(places) == 1 else None


def many_forces(text: str) -> bool:
    """A national page that names many forces, none of them most of the time (a list of
    press releases, a table of grades): it is about no one force."""
    names = forces_named(text)
    return len(set(names)) >= 5 and 2 * Counter(names).most_common(1)[0][1] < len(names)


def main_force(*texts: str) -> str | None:
    """The force named most often in the first text that names any (title, then body);
    failing that, the one force whose area alone is named ("Inspection for Lincolnshire").
    None for a text that names many forces and none of them most of the time."""
    for text in texts:
        if _listed_areas(text):
            return None
        names = forces_named(text)
        if names:
            return None if many_forces(text) else Counter(names).most_common(1)[0][0]
    return _place_named(texts)


def _listed_areas(text: str) -> bool:
    """A national list of forces by their areas ("Avon & Somerset, Cambridgeshire, Cheshire,
    …" under each grade): ten areas or more, none named more than twice."""
    counts = Counter(name for name, pattern in _PLACE_PATTERNS for _ in pattern.finditer(text))
    return len(counts) >= 10 and max(counts.values()) <= 2


def around_findings(blocks: list, findings: list) -> list[str]:
    """The text of the blocks outside the findings. A force named inside a finding ("work
    with Kent Police to …") is not the subject: the title, headings and text around the
    findings are. A block that holds a finding and more (a flattened table's row) keeps the
    rest of its text."""
    kept = []
    for block in blocks:
        inside = [f for f in findings if f.lines and f.lines[0] <= block.line <= f.lines[1]]
        if not inside:
            kept.append(block.text)
            continue
        rest = block.text
        for finding in inside:
            rest = rest.replace(finding.text, " ") if finding.text in rest else ""
        kept.append(rest)
    return kept


def force_slug(name: str | None) -> str | None:
    return FORCES.get(name or "")
