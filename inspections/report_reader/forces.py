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


def forces_named(text: str) -> list[str]:
    """Each mention of one of the 43 forces, by its name as data/forces.csv spells it
    ('Kent Police' in 'PEEL Assessment of Kent Police'; 'Northamptonshire Police' in 'the
    Police, Fire and Crime Commissioner for Northamptonshire'), in no particular order."""
    found = []
    for name, pattern in _PATTERNS:
        found.extend(name for _ in pattern.finditer(text))
    return found


def main_force(*texts: str) -> str | None:
    """The force named most often in the first text that names any (title, then body)."""
    for text in texts:
        names = forces_named(text)
        if names:
            return Counter(names).most_common(1)[0][0]
    return None


def force_slug(name: str | None) -> str | None:
    return FORCES.get(name or "")
