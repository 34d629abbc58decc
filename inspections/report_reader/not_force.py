"""Documents that are not a police force's inspection findings, for the document kind pass
(kind.py): news items and government letters restating a report, Scottish policing, a fire and
rescue service, a parliamentary committee's conclusions, the inspectorate's press releases, a
glossary."""

from __future__ import annotations

import re

from inspections.report_reader import model

_SCOTTISH_RE = re.compile(
    r"\b(?:HMICS|HMCIC|Police\s+Scotland|Scottish\s+Police\s+Authority"
    r"|Scottish\s+(?:Executive|Government|Parliament|Criminal\s+Record\s+Office))\b"
)
_INSPECTORATE_NAME_RE = re.compile(
    r"(?i)\b(?:inspector(?:ate)?s?|inspection)\s+of\s+(?:constabulary\s+and\s+)?fire\s+(?:&|and)"
    r"\s+rescue\s+services?"
)
# A fire and rescue service, or a fire inspectorate's way of naming one ("HM Fire Service
# Inspectorate", "the Fire Board", "the fire authority").
_FIRE_RE = re.compile(
    r"(?i)\bfire\s+(?:&\s+|and\s+)?rescue\s+services?\b|\bFRS\b|\bfirefighters?\b"
    r"|\bfire\s+(?:services?|boards?|authorit(?:y|ies))\b"
)
_POLICE_RE = re.compile(r"(?i)\bpolice\b|\bconstabulary\b|\bthe\s+force\b")
# A Scottish body's own page: its name or its site near the top, whatever report it is about
# (the SPA's summary of HMICFRS's State of Policing names England and Wales more than Scotland).
_SCOTTISH_SOURCE_RE = re.compile(
    r"\b(?:Scottish\s+Police\s+Authority|SPA)\b|\.scot\b"
    r"|spa\.police\.uk"
)
# A news article about an inspection: a scraped page's date field, reported speech, a news or
# staff-association source. Two of these make a news item; minutes and papers are not news.
_NEWS_FEATURES = (
    re.compile(r"(?im)^\s*date\s+(?:19|20)\d\d-\d\d-\d\d"),
    re.compile(
        r"(?i)\b(?:the\s+inspectorate|hmicfrs|hmic|inspectors|the\s+watchdog|the\s+report)\s+"
        r"(?:said|says|found|concluded|warned|added|rated|graded"
        # what it told the force, in the third person: "the inspectorate has told the force"
        r"|has\s+(?:told|informed|advised|warned|notified))\b"
        # A journalist's "a report has found" (a report says "our/this inspection found"), or
        # "…, according to inspectors." closing a sentence.
        r"|\b(?:a\s+(?:new\s+)?(?:report|review)|an\s+inspection)\s+(?:has\s+)?"
        r"(?:found|said|concluded|warned)\b"
        r"|,\s+according\s+to\s+(?:the\s+)?(?:inspectors|inspectorate|watchdog|hmicfrs|hmic)\s*[.!]"
    ),
    re.compile(
        r"(?i)[”\"]\s*,?\s*(?:he|she|they|[A-Z][a-z]+)\s+(?:said|says|added)\b"
        r"|\b(?:said|says|added)\s*:\s*[“\"]|\b(?:commissioner|pcc|pfcc|chair|chairman|secretary"
        r"|chief\s+constable|spokesperson|spokesman|spokeswoman)\s+(?:said|says|added)\b"
        # "…, the Chief Inspector has said.", "Chair, Martin Hewitt, said:"
        r"|\bhas\s+said\s*[.:]|\b(?:chair|chief\s+executive|president|lead),\s+(?:[A-Z][\w'’-]+\s+){1,3}"
        r"[A-Z][\w'’-]+,\s+said\b"
    ),
    re.compile(
        r"\b(?:ITV|BBC|Sky\s+News|Police\s+Federation|[A-Z]\w+\s+Polfed|News\s+(?:Tyne|Yorkshire"
        r"|Anglia|Central|Meridian|West|London))\b|(?i:\brecently\s+(?:released|published)\b)"
        # national bodies' statements on a report
        r"|\bNational\s+Police\s+Chiefs['’]?\s+Council\b|\bAssociation\s+of\s+Police\s+and\s+Crime"
        r"\s+Commissioners\b"
    ),
)
# A news site's page furniture between paragraphs of an article.
_ADVERT_RE = re.compile(r"(?im)^\W*advert(?:isement)?s?\W*$")
_MINUTES_RE = re.compile(
    r"(?i)\bminutes\b|\bagenda\b|\bresolved\b|\bcommittee\b|\bmeeting\s+(?:held|of)\b"
    r"|\bmembers?\s+(?:asked|noted|queried|questioned)\b"
)
_PCC_NEWS_RE = re.compile(
    r"(?i)\b(?:police,?\s+(?:fire\s+)?and\s+crime\s+commissioner|pcc|pfcc|opcc|the\s+commissioner)\b"
)
# A government department writing back about an inspectorate's report.
_GOVERNMENT_RE = re.compile(
    r"\b(?:Home\s+Office|Ministry\s+of\s+Justice|Cabinet\s+Office|HM\s+Treasury"
    r"|Department\s+(?:for|of)\s+[A-Z]\w+)\b"
    # A minister signs it, or the department's address block gives only its web address.
    r"|^\s*(?:Home\s+Secretary|Secretary\s+of\s+State\b[^\n]{0,60}|Minister\s+(?:of|for)\s+"
    r"[A-Z][^\n]{0,60}|(?:The\s+)?Rt\.?\s+Hon\.?[^\n]{0,60})\s*$"
    r"|\bgov\.uk/(?:home-office|government/organisations/[a-z-]+)\b",
    re.MULTILINE,
)


# A local policing body's comments under the statute ("Under section 55 of the Police Act 1996,
# I am required to publish a response …"): the body's own record, not news about the report.
_STATUTORY_RESPONSE_RE = re.compile(
    r"(?i)\b(?:section\s+55|s\.?\s?55\s*\(\s*5)|\bpolice\s+act\s+1996\b"
    r"|\brequired\s+to\s+publish\s+(?:a\s+|my\s+|its\s+)?(?:response|comments)\b"
)


# Near misses about another body than a police force of England and Wales: no force's.
SCOTLAND = (
    "It is about policing in Scotland (HMICS, Police Scotland, the Scottish Police "
    "Authority), which HMICFRS does not inspect: no police findings for a force of "
    "England and Wales."
)
FIRE = (
    "It is about a fire and rescue service, not a police force: its findings are not "
    "a police force's."
)
NORTHERN_IRELAND = (
    "It is about policing or justice in Northern Ireland, which is not one of the "
    "forces of England and Wales HMICFRS reports on for this tracker."
)
PROBATION_OR_PRISON = (
    "It is about a probation service or a prison (HM Inspectorate of Probation or of "
    "Prisons, HMPPS), not a police force: its ratings and findings are not a police "
    "force's."
)
OTHER_BODIES = (SCOTLAND, FIRE, NORTHERN_IRELAND, PROBATION_OR_PRISON)


def news_item(title: str, text: str, furniture_text: str = "") -> bool:
    """A news article or a news item restating an inspection report (not minutes or a
    committee paper): at least two news features in its opening (an advertisement among its
    paragraphs is one)."""
    head = f"{title}\n{text[:4000]}"
    if _MINUTES_RE.search(head[:1500]) or _STATUTORY_RESPONSE_RE.search(head):
        return False
    adverts = bool(_ADVERT_RE.search(f"{head}\n{furniture_text}"))
    return adverts + sum(1 for pattern in _NEWS_FEATURES if pattern.search(head)) >= 2


# Written to a minister (a PCC's s.55 comments are usually a letter to the Home Secretary,
# with the Home Office's address at the top), or signed by a local policing body: not a
# department's own letter, whatever address block it carries.
_TO_GOVERNMENT_RE = re.compile(
    r"(?im)^\s*dear\s+(?:home\s+secretary|secretary\s+of\s+state|minister)\b"
    r"|\b(?:police,?\s+(?:fire\s+)?and\s+crime\s+commissioner|office\s+of\s+the\s+pcc|opcc"
    r"|pfcc|mayor['’]s\s+office\s+for\s+policing)\b"
)


def government_letter(head: str, furniture_text: str) -> bool:
    """A government department's letter ("Dear Andy,", the department's address) responding
    to an inspectorate report; not one written to a department by a local policing body."""
    opening = f"{head[:1500]}\n{furniture_text}"
    return bool(
        _GOVERNMENT_RE.search(opening)
        and not _TO_GOVERNMENT_RE.search(f"{furniture_text}\n{head}")
        and re.search(r"(?im)^\s*dear\s+\w", f"{furniture_text}\n{head}")
        and re.search(r"(?i)\bresponse\s+to\b|\brespond(?:s|ing)?\s+to\b", head)
        and not re.search(r"(?i)\bletter\s+information\b", furniture_text)
    )


def restated(title: str, text: str, furniture_text: str) -> bool:
    """A news item or a government letter: grades in it restate the report's."""
    return news_item(title, text) or government_letter(f"{title}\n{text[:6000]}", furniture_text)


def scottish_or_fire(head: str, force: str | None) -> tuple[str, list[str]] | None:
    """Scottish policing (named often, or the Scottish body's own page: its name or site at
    the top, or its full name in a page about no English or Welsh force), or a fire and
    rescue service: not a police force of England and Wales."""
    fire_text = _INSPECTORATE_NAME_RE.sub(" ", head)
    fire = len(_FIRE_RE.findall(fire_text))
    police = len(_POLICE_RE.findall(fire_text))
    scottish = len(_SCOTTISH_RE.findall(head)) + len(re.findall(r"\bScotland\b", head))
    english = len(re.findall(r"\bEngland\b|\bWales\b|\bHMICFRS\b|\bHome\s+Office\b", head))
    if (
        (scottish >= 2 and scottish > english)
        or _SCOTTISH_SOURCE_RE.search(head[:1500])
        or (force is None and re.search(r"\bScottish\s+Police\s+Authority\b", head))
    ):
        return model.NEAR_MISS, [SCOTLAND]
    if fire and fire >= police:
        return model.NEAR_MISS, [FIRE]
    return _other_jurisdiction(head, police, english)


# Northern Ireland's police and criminal justice inspectorate; probation and prison services.
_NORTHERN_IRELAND_RE = re.compile(
    r"\bNorthern\s+Ireland\b|\bPSNI\b|\bCJI(?:NI)?\b|\bPolice\s+Service\s+of\s+Northern\s+Ireland\b"
)
_PROBATION_RE = re.compile(
    r"(?i)\bprobation\b|\bHMPPS\b|\bprison\s+and\s+probation\b|\bprisons?\b|\bprisoners?\b"
    r"|\bHMP\s+[A-Z]|\bHMYOI\b"
)


def _other_jurisdiction(head: str, police: int, english: int) -> tuple[str, list[str]] | None:
    """Policing in Northern Ireland (the PSNI, its criminal justice inspectorate), or a
    probation service or a prison (HM Inspectorate of Probation or of Prisons, HMPPS, "HMP
    Ashwell Grange"): named more than England, Wales or a police force (a police custody
    inspection, made with HM Inspectorate of Prisons, names the police more)."""
    northern = len(_NORTHERN_IRELAND_RE.findall(head))
    if northern >= 2 and northern > english:
        return model.NEAR_MISS, [NORTHERN_IRELAND]
    probation = len(_PROBATION_RE.findall(head))
    if probation >= 2 and probation > police:
        return model.NEAR_MISS, [PROBATION_OR_PRISON]
    return None


def not_a_force_document(
    title: str, text: str, head: str, furniture_text: str, is_letter: bool, is_register: bool
) -> tuple[str, list[str]] | None:
    """A news item about an inspection, or a government department's letter about one:
    neither is the inspectorate's report nor a police force's document."""
    if is_register or is_letter:
        return None
    if news_item(title, text, furniture_text):
        # A news site (its date field, its advertisements) quoting a commissioner is still
        # the news site's article; a commissioner's own news page has neither.
        news_site = _NEWS_FEATURES[0].search(head) or _ADVERT_RE.search(f"{head}\n{furniture_text}")
        if _PCC_NEWS_RE.search(head[:3000]) and not news_site:
            return model.PCC_RESPONSE, [
                "A police and crime commissioner's news item on a report: grades and findings "
                "it restates are the report's, taken from the inspectorate's own page."
            ]
        return model.NEAR_MISS, [
            "A news article about an inspection, not the inspectorate's report: grades and "
            "findings it quotes are taken from the report itself."
        ]
    if government_letter(head, furniture_text):
        return model.NEAR_MISS, [
            "A government department's letter responding to an inspectorate report: not a "
            "police force's document, with no police findings or grades of its own."
        ]
    return _about_inspections(title, text, head, furniture_text)


# A parliamentary committee's conclusions cite the paragraph each rests on: "(Paragraph 8)".
_COMMITTEE_PARAGRAPH_RE = re.compile(r"(?i)\(\s*paragraphs?\s+\d+(?:\s*(?:[-–,]|and)\s*\d+)*\s*\)")
_PRESS_RELEASES_RE = re.compile(r"(?i)\bpress\s+releases?\b")
_GLOSSARY_RE = re.compile(r"(?im)^\W*(?:back\s+to\s+(?:the\s+)?)?glossary(?:\s+of\s+terms)?\W*$")


def _about_inspections(
    title: str, text: str, head: str, furniture_text: str
) -> tuple[str, list[str]] | None:
    """Pages about inspections written by someone else or for another purpose: a
    parliamentary committee's conclusions, the inspectorate's press releases, a glossary."""
    if len(_COMMITTEE_PARAGRAPH_RE.findall(text)) >= 2:
        return model.NEAR_MISS, [
            "A parliamentary committee's conclusions (each cites its paragraph): its "
            "recommendations are to the government, not an inspectorate's findings."
        ]
    if _PRESS_RELEASES_RE.search(title) and not _PCC_NEWS_RE.search(head[:3000]):
        return model.NEAR_MISS, [
            "A press release, or a page of them: grades and findings it mentions are the "
            "reports' own, read from the reports."
        ]
    words = len(re.findall(r"[A-Za-z]{2,}", text))
    if words < 400 and _GLOSSARY_RE.search(f"{text}\n{furniture_text}"):
        return model.NEAR_MISS, ["A glossary entry: it defines a term, it reports on no force."]
    return None
