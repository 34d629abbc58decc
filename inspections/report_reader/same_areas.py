"""One area named twice in a report. PEEL 2014–2016 reports name each question in full at
its section ("How effective is the force at investigating crime and reducing re-offending?"),
shortly in the overview's table ("Investigating crime and reducing re-offending") and more
shortly still in the summary's prose ("… requires improvement in the way it investigates
crime"). Each gave a judgment of its own: one question graded three times over. A judgment
whose area's words all stand in another's, with the same grade, in the same report, is that
area again: one judgment is kept, where the first was read, under the shorter name."""

from __future__ import annotations

import re

from inspections.report_reader import model

# Words of a question's frame, not of what it asks about.
_FRAME = {
    "how", "what", "to", "extent", "does", "is", "the", "force", "effective", "at", "and",
    "of", "a", "an", "in", "its", "it", "well", "by", "for", "on", "with", "including",
}  # fmt: skip
_LEAST = 2  # content words the shorter name must hold


def _words(area: str) -> set[str]:
    return {word for word in re.findall(r"[a-z]+", area.lower()) if word not in _FRAME}


def same_areas(judgments: list[model.ParsedJudgment]) -> list[model.ParsedJudgment]:
    kept: list[model.ParsedJudgment] = []
    for judgment in judgments:
        words = _words(judgment.area)
        same = next(
            (
                other
                for other in kept
                if len(words) >= _LEAST
                and other.report == judgment.report
                and other.grade == judgment.grade
                and len(_words(other.area)) >= _LEAST
                and (words <= _words(other.area) or _words(other.area) <= words)
            ),
            None,
        )
        if same is None:
            kept.append(judgment)
        elif len(words) < len(_words(same.area)):
            # The shorter name: the longer may run two areas together ("good at preventing
            # crime …, and at tackling serious and organised crime").
            same.area = judgment.area
    return kept
