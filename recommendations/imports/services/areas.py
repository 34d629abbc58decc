"""Mapping the reader's area names onto a framework's areas."""

from __future__ import annotations

from django.db.models import Max

from inspections.models import Area, Framework
from inspections.report_reader import vocabulary as vocab


def _area_key(name: str) -> str:
    return vocab.plain(name)


def area_find(*, framework: Framework, name: str, areas: list[Area] | None = None) -> Area | None:
    """The framework's area with this name, or whose name the reader knows as an alias of it."""
    if not name:
        return None
    areas = list(framework.areas.all()) if areas is None else areas
    by_key = {_area_key(area.name): area for area in areas}
    canonical = vocab.canonical_area(framework.slug, name)
    for candidate in (name, canonical):
        if candidate and _area_key(candidate) in by_key:
            return by_key[_area_key(candidate)]
    return None


def areas_missing(*, framework: Framework | None, names: list[str]) -> list[str]:
    """Area names the framework does not have yet (they would be created), in first-seen order."""
    if framework is None:
        return []
    areas = list(framework.areas.all())
    missing: list[str] = []
    for name in names:
        if (
            name
            and area_find(framework=framework, name=name, areas=areas) is None
            and _area_key(name) not in {_area_key(m) for m in missing}
        ):
            missing.append(name)
    return missing


def area_get_or_create(framework: Framework, name: str, cache: dict[str, Area]) -> Area:
    key = _area_key(name)
    if key not in cache:
        area = area_find(framework=framework, name=name)
        if area is None:
            position = (framework.areas.aggregate(top=Max("position"))["top"] or 0) + 1
            area = Area(
                framework=framework,
                name=name.strip()[:200],
                kind=Area.Kind.QUESTION if name.strip().endswith("?") else Area.Kind.AREA,
                position=position,
            )
            area.full_clean()
            area.save()
        cache[key] = area
    return cache[key]
