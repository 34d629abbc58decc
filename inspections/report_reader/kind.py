"""Document kind pass: what a document is, from evidence across it, with the evidence in words
(ParsedReport.document_kind and document_reasons).

In order of precedence:
- near miss: not an English or Welsh police force's inspection — Scottish policing (HMICS,
  Police Scotland), a fire and rescue service, an assessment framework, a page with no text
  left once its furniture is gone, an inspectorate letter that states no findings;
- register entry: an entry of the inspectorate's recommendation register (its number in
  brackets, a status history);
- letters: a cause of concern (accelerated) or a revisit of causes of concern;
- tracker listing: an OPCC page listing reports and responses, or grades, of several reports,
  or a third-party page (crediting its source, or a tracker) listing findings one per row;
- improvement plan: a committee paper or minutes on progress against the recommendations;
- PCC response: the commissioner's comments on a report;
- otherwise a report: a PEEL force report when it names an era or PEEL and a force, else a
  thematic (national or single-subject) report.

What is not a police force's document at all (news, government letters, Scotland, fire, …)
is told apart in not_force.py.
"""

from __future__ import annotations

import re

from inspections.report_reader import model
from inspections.report_reader.forces import forces_named
from inspections.report_reader.not_force import not_a_force_document, scottish_or_fire

# The body speaking of its own duty to respond ("Under section 55 of the Police Act 1996 I am
# required to publish my comments"), not a letter or a paper saying it will or did.
# The body saying it must publish its comments: "I am required to publish …", "the
# Commissioner must publish comments on any HMICFRS report …".
_OWN_STATUTORY_RE = re.compile(
    r"(?i)\b(?:(?:i|we)\s+(?:am|are)\s+(?:required|obliged)\s+to"
    r"|the\s+(?:(?:police(?:,\s+fire)?(?:\s+and\s+\w+)?\s+and\s+crime\s+)?commissioner|pcc|pfcc)\s+"
    r"(?:must|is\s+(?:required|obliged)\s+to|has\s+to))\s+publish\b"
)
_FRAMEWORK_DOC_RE = re.compile(
    r"(?i)\bassessment\s+framework\b|\bcharacteristics\s+of\s+good\b|\binspection\s+programme"
    r"\s+and\s+framework\b"
)
_TRACKER_RE = re.compile(
    r"(?i)\breports?\s+and\s+responses\b|\bresponses?\b[^.]{0,60}\b(?:can\s+be|are)\s+"
    r"(?:viewed|found|accessed|read)\s+below\b|\bspecified\s+information\b|^\s*date\s*\|"
    r"|\bdownload\s+the\s+\d{4}\s+(?:hmic|hmicfrs)\b[^.\n]{0,80}\breport\b|^rating\s+\w+"
    r"|\b(?:responses|reports)\b[^.\n]{0,60}\b(?:are\s+available|can\s+be\s+(?:viewed|found|accessed"
    r"|read))\b",
    re.MULTILINE,
)
_INSPECTORATE_TITLE_RE = re.compile(
    r"(?i)^(?:PEEL\b(?!.*\b(?:plan|update|progress|tracker|minutes|committee|panel|board)\b)"
    r"|an\s+inspection\s+of\b)"
)
_PLAN_RE = re.compile(
    r"(?i)\b(?:hmic|hmicfrs|inspections?)\s+update\b|\bprogress\s+update\b|\b(?:green|amber|red)\s+(?:responses|"
    r"recommendations|actions|status)\b|\bimprovement\s+plans?\b|\baction\s+plans?\s+progress\b"
    r"|\baudit\s+committee\b"
    # a status key: "Traffic Light Colour … GREEN The recommendation is implemented AMBER …"
    r"|\btraffic[\s-]+light\b|\bRAG\s+(?:status|rating)\b"
)
_PCC_RE = re.compile(
    r"(?i)\b(?:police,?\s+(?:fire\s+)?and\s+crime\s+commissioner|pcc|pfcc|commissioner)['’]?s?\b"
    r"[^.\n]{0,100}\b(?:said|says|comments?|commenting|response|responds?|responded|welcomes?"
    r"|introduced)\b|\b(?:commenting\s+on|in\s+response\s+to)\s+the\s+(?:above\s+)?(?:hmic|hmicfrs"
    r"|her\s+majesty|his\s+majesty|inspectorate)|^(?:pcc|pfcc|opcc)\s+comments?\b"
    # The commissioner in the first person ("I am writing to you in response to …", "I have
    # asked the Chief Constable to comment on the report"), or in a panel's minutes ("The PCC
    # explained that …").
    r"|\bI\s+(?:am\s+writing|write)\s+(?:to\s+you\s+)?in\s+response\s+to\b"
    r"|\bI\s+have\s+asked\s+the\s+chief\s+constable\s+to\s+(?:comment|respond|provide)\b"
    r"|\bthe\s+(?:pcc|pfcc|commissioner)\s+(?:explained|stressed|noted|advised|confirmed)\b"
    # a local policing body's board or panel receiving the report on an inspection
    r"|\bthe\s+(?:board|panel|(?:sub-?)?committee)\s+(?:received|considered|noted)\s+(?:a|the)\s+"
    r"report\s+of\s+the\s+(?:acting\s+)?(?:commissioner|pcc|pfcc|chief\s+constable)\b",
    re.MULTILINE,
)
# A title or heading of its own saying it is a response to the inspectorate's report, in a
# document naming a local policing body: the body's response, its name in a heading above
# ("Warwickshire Police and Crime Commissioner" / "Response to the HMICFRS report: …") rather
# than in the same sentence.
# A line that is a response's title ("PCC response to HMICFRS PEEL 2023–25"): not a sentence
# of a report that mentions one ("In response to HMICFRS's 2022 inspection, the force …").
_RESPONSE_TITLE_RE = re.compile(
    r"(?im)^(?!\s*in\s+response\b)[^\n.]{0,80}\bresponse\s+to\s+(?:the\s+)?"
    r"(?:hmic|hmicfrs|his\s+majesty|her\s+majesty)[^\n.]{0,160}$"
)
_BODY_RE = re.compile(
    r"(?i)\bpolice,?\s+(?:fire\s+)?(?:and\s+)?crime\s+commissioner|\b(?:pcc|opcc|pfcc)\b"
)
_PEEL_RE = re.compile(r"\bPEEL\b")
# An OPCC page listing several reports: "Read the PCC's response …" links, "Inspection for
# Lincolnshire was published July 2018" entries.
_OWN_SECTION_RE = re.compile(
    r"(?i)^response\s+to\s+(?:the\s+|our\s+|its\s+|each\s+)?(?:recommendations?|areas?\s+for"
    r"\s+improvement|afis?|causes?\s+of\s+concern|findings|report|inspection)\s*:?$"
)
_RESPONSE_LINK_RE = re.compile(
    r"(?im)^\s*read\s+the\s+(?:pcc|opcc|pfcc|commissioner)['’]?s?\s+(?:formal\s+)?response\b"
)
_LISTED_ENTRY_RE = re.compile(
    r"(?im)^[^.\n]{0,60}?\b(?:inspection|report|assessment)\s+(?:for|of|into)\s+[^.\n]{2,60}?\s+"
    r"was\s+published\s+(?:in\s+|on\s+)?(?:\d{1,2}\s+)?[A-Z][a-z]+\s+(?:19|20)\d\d\b"
)
_REPORT_LINK_RE = re.compile(
    r"(?im)^\s*read\s+the\s+(?:full\s+)?(?:hmic|hmicfrs)?\s*(?:inspection\s+)?report\b"
)


def document_kind(
    *,
    title: str,
    text: str,
    findings: list[model.ParsedFinding],
    judgments: list[model.ParsedJudgment],
    framework: str | None,
    force: str | None,
    is_letter: bool,
    is_register: bool,
    furniture_lines: int = 0,
    report_kind: str | None = None,
    row_findings: int = 0,
    status_lines: int = 0,
    credited: bool = False,
    furniture_text: str = "",
    letter_head: str = "",
) -> tuple[str, list[str]]:
    """(kind, reasons) for a document; `text` is its text without furniture; `letter_head` the
    lines above a letter's salutation (who it is from, what it is)."""
    head = f"{title}\n{letter_head}\n{text[:6000]}" if letter_head else f"{title}\n{text[:6000]}"
    found = not_a_force_document(title, text, head, furniture_text, is_letter, is_register)
    if found:
        return found
    found = scottish_or_fire(head, force)
    if found:
        return found
    words = len(re.findall(r"[A-Za-z]{2,}", text))
    if _FRAMEWORK_DOC_RE.search(title):
        return model.NEAR_MISS, [
            "It is an assessment framework: its statements are criteria, not findings."
        ]
    if words < 60 and furniture_lines >= 5 and not findings and not judgments:
        return model.NEAR_MISS, [
            "Once navigation, banners and other page furniture are set aside, there is almost "
            "no text left to read."
        ]
    if is_register:
        return model.REGISTER_ENTRY, [
            "An entry of HMICFRS's recommendation register (a register number or a status "
            "history): one recommendation of the report it names."
        ]
    # distinct lines: the title is read from the text, so head holds it twice
    # "Response to <a report>" lines, not a response's own sections ("Response to
    # recommendations").
    listed = len(
        {
            line
            for line in re.findall(
                r"(?im)^(?:(?:pcc|opcc|pfcc)\b[^\n]{0,20})?response\s+to\b.*$", head
            )
            if not _OWN_SECTION_RE.match(line.strip())
        }
    )
    links = len(_RESPONSE_LINK_RE.findall(head))
    entries = len(_LISTED_ENTRY_RE.findall(head))
    if links >= 2 or entries >= 2 or (links and entries + len(_REPORT_LINK_RE.findall(head)) >= 2):
        listed = 2
    if _third_party_listing(title, head, credited, row_findings, status_lines, findings):
        return model.TRACKER_LISTING, [
            "A page listing one report's findings, one per row or under status lines, made by "
            "someone else: the findings belong to the report it lists."
        ]
    found = _letter_kind(title, text, is_letter, findings)
    if found:
        return found
    if _TRACKER_RE.search(head) or listed >= 2:
        return model.TRACKER_LISTING, [
            "A page listing inspection reports, their grades or the responses to them: the "
            "findings belong to the reports it lists."
        ]
    if _OWN_STATUTORY_RE.search(head) and _BODY_RE.search(head[:2500]):
        return model.PCC_RESPONSE, [
            "The local policing body's comments on a report, published under section 55 of "
            "the Police Act 1996: findings it quotes are the report's, to match with those "
            "already recorded."
        ]
    # A paper says what it is at its top; the inspectorate's own report ("PEEL: Police
    # efficiency 2014") may name an audit committee or an action plan in passing.
    if _PLAN_RE.search(head[:2500]) and not _INSPECTORATE_TITLE_RE.match(title.strip()):
        return model.IMPROVEMENT_PLAN, [
            "A committee paper or minutes on progress against inspection findings: findings "
            "it quotes belong to the reports they come from."
        ]
    if (
        _PCC_RE.search(head[:2500])
        or (  # a response says so at its top, a report in passing
            _RESPONSE_TITLE_RE.search(head[:1500]) and _BODY_RE.search(head[:2500])
        )
    ):
        return model.PCC_RESPONSE, [
            "The police and crime commissioner's response to a report: findings it quotes are "
            "the report's, to match with those already recorded."
        ]
    if report_kind in ("peel_national", "thematic", "joint_thematic") or re.search(
        r"(?i)\bspotlight\b|\bstate\s+of\s+policing\b|\bnational\b", title
    ):
        return model.THEMATIC, [
            "A national or thematic report: its recommendations are owed by the bodies they "
            "are addressed to."
        ]
    if force and (framework or _PEEL_RE.search(head)):
        return model.PEEL_FORCE, ["A PEEL inspection of one force."]
    return model.THEMATIC, [
        "An inspection report that is not a PEEL assessment of one force (thematic, joint or "
        "single-subject)."
    ]


# A letter that looks back on causes of concern raised before: a revisit or a move into
# enhanced monitoring (Engage), not a cause of concern raised now.
_REVISITS_RE = re.compile(
    r"(?i)\b(?:revisit\w*|engage|enhanced\s+monitoring|in\s+our\s+(?:\d{4}\s+)?report|we\s+(?:said|stated)"
    r"|remains?\s+(?:open|in\s+place)|since\s+(?:our|the)\s+(?:\w+\s+){0,3}(?:inspection|report)"
    r"|(?:earlier|previous|original)\s+(?:\w+\s+)?(?:inspection|report|cause))\b"
)


def _letter_kind(
    title: str, text: str, is_letter: bool, findings: list[model.ParsedFinding]
) -> tuple[str, list[str]] | None:
    """A revisit letter, a cause of concern published on its own, or an inspectorate letter
    that states no finding."""
    lowered_title = title.lower()
    cause_title = re.search(r"cause\s+of\s+concern|causes\s+of\s+concern", lowered_title)
    # The title says what the letter is before a word in its text does: an accelerated cause
    # of concern may say the force "closed the investigation" without being a revisit.
    if "revisit" in lowered_title or (
        is_letter and not cause_title and re.search(r"(?i)\bclose[ds]?\b", text)
    ):
        return model.REVISIT_LETTER, [
            "A revisit letter: it restates causes of concern of an earlier inspection and "
            "reports on them."
        ]
    if cause_title:
        return model.CAUSE_OF_CONCERN_LETTER, [
            "A cause of concern published on its own, with its recommendations."
        ]
    causes = is_letter and any(f.kind == model.CAUSE_OF_CONCERN for f in findings)
    if causes and not _REVISITS_RE.search(text):
        # A cause of concern raised by letter, before its report ("We are publishing this
        # cause of concern now"): owed a response as one.
        return model.CAUSE_OF_CONCERN_LETTER, [
            "A cause of concern published on its own, with its recommendations."
        ]
    if causes:
        # An inspector's letter restating a report's causes of concern under another title
        # ("… – move to Engage"): not the force's improvement plan it asks for.
        return model.REVISIT_LETTER, [
            "An inspectorate letter restating causes of concern of an earlier report (a "
            "revisit, or a move into enhanced monitoring) and reporting on them."
        ]
    if is_letter and not findings:
        return model.NEAR_MISS, [
            "A letter from the inspectorate that states no cause of concern, recommendation "
            "or area for improvement."
        ]
    return None


def _third_party_listing(
    title: str,
    head: str,
    credited: bool,
    row_findings: int,
    status_lines: int,
    findings: list[model.ParsedFinding],
) -> bool:
    """A page crediting its source ("Source · HMICFRS"), calling itself a tracker or saying
    the findings are "tracked by HMICFRS", with a report's findings one per table row or each
    under a status line ("Completed"): someone else's listing of them, whatever its title."""
    third_party = (
        credited
        or re.search(r"(?i)\btracker\b|\blisting\b", title)
        or re.search(r"(?i)\b(?:tracked|listed|monitored)\s+by\s+(?:hmic|hmicfrs)\b", head[:1000])
    )
    return bool(third_party) and (row_findings >= 2 or (status_lines >= 2 and len(findings) >= 2))


_RESPONDS_TO_RES = (
    # "… report:" may be left out: "Response to HMICFRS PEEL 2023–25: An inspection of …"
    re.compile(
        # On the line it starts on ("PCC response to HMICFRS Inspection" above the letter's
        # first sentence names no report: the title is not the next line).
        r"\bresponse[ \t]+to[ \t]+(?:the[ \t]+)?(?:HMIC|HMICFRS)(?:['’]s)?[ \t]+"
        r"(?:(?:report|inspection)(?:[ \t]+(?:on|into|of|entitled|titled))?[ \t]*[:,–-]?[ \t]*)?"
        r"(?P<title>[^\n(]{8,160})",
        re.IGNORECASE,
    ),
    re.compile(
        r"^(?:HMIC|HMICFRS)\s+(?:inspection\s+report|inspection\s+on|report\s+on)\s*[:–-]?\s*"
        r"(?P<title>[^\n(]{8,160})",
        re.IGNORECASE | re.MULTILINE,
    ),
)


def responds_to(title: str, text: str) -> str:
    """The report a response names: 'response to the HMIC report Core Business: …',
    'HMICFRS Inspection Report: PEEL 2021/22 - An Inspection of West Mercia Police',
    "HMICFRS Inspection on Fraud: 'A Time to Choose'"."""
    for source in (title, text[:3000]):
        for pattern in _RESPONDS_TO_RES:
            match = pattern.search(source)
            if not match:
                continue
            name = re.sub(r"[‘’“”\"]|(?<!\w)'|'(?!\w)", "", match.group("title"))
            name = " ".join(name.split()).strip(" .,;:")
            # "…, published 5 September 2024": the report's date, not its title
            name = re.sub(r"(?i)[\s,;–-]+(?:published|dated)\b.*$", "", name).strip(" .,;:")
            if len(name.split()) >= 3:
                return name
    # an OPCC page titled with the report's own title, perhaps after the inspectorate's name
    # ("HMICFRS: An inspection of how well the police …")
    own = re.sub(r"(?i)^(?:hmic|hmicfrs)(?:\s+(?:report|inspection))?\s*[:–-]\s*", "", title)
    if re.match(r"(?i)^(?:an?\s+)?(?:joint\s+)?(?:inspection|review)\b|^PEEL\b", own):
        return own
    return ""


# The body a response comes from, as it names itself: "Police and Crime Commissioner for
# Cheshire" under the signature, "OFFICE OF THE POLICE AND CRIME COMMISSIONER FOR CHESHIRE" as
# the letterhead.
_BODY_FOR_RE = re.compile(
    r"(?im)\b(?:commissioner|pcc|pfcc|opcc)\s+for\s+"
    r"(?P<place>[a-z][a-z ,&'’-]{2,60}?)\s*(?:$|[.;:(])"
)


def body_force(text: str) -> str | None:
    """The force whose local policing body a response names itself as, when it names one
    body only: a response is its body's, whatever other forces its text mentions ("the City
    of London Police as the national lead force" in a response by Cheshire's commissioner)."""
    named = set()
    for match in _BODY_FOR_RE.finditer(text):
        place = re.sub(
            r"\b(And|Of|The)\b", lambda m: m.group(1).lower(), match.group("place").title()
        )
        named.update(forces_named(f"Commissioner for {place.strip(' ,')}"))
    return named.pop() if len(named) == 1 else None
