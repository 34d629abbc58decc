"""Deadlines and addressees pass: who a recommendation is addressed to and by when.

Addressees come only from the subject of a directive sentence ("By March 2022, chief
constables should …", "The Home Office and the NPCC should …"), and of its pieces only those
that name a body: the known ones (forces, chief constables, the Home Office, the College of
Policing, the NPCC …), acronyms ("HMCIC", "CPS Area leads") and phrases with an organisation
word ("the NPCC lead for mental health"). "Forces" with a qualifier stays whole ("forces using
a threat, harm and risk policy", "every police force in England and Wales"). The force the
report is about ("the force") is not a separate addressee unless it is named beside others;
a force named by its name ("Kent Police") is kept as worded. The first directive sentence
that names anyone gives the addressees; the first that states a deadline gives the deadline.
"""

from __future__ import annotations

import re

from inspections.report_reader import directives
from inspections.report_reader import vocabulary as vocab
from inspections.report_reader.forces import forces_named

DEADLINE_DATE_RE = re.compile(
    r"^(?P<deadline>(?:by|before|no\s+later\s+than|not\s+later\s+than)\s+(?:the\s+end\s+of\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{vocab.MONTHS})\s+(?:19|20)\d\d),?\s+(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
DEADLINE_LEAD_RE = re.compile(
    r"^(?:(?:we|i|hmic\w*)\s+(?:also\s+)?recommends?\s+that,?\s*)?(?:(?P<deadline>(?!by\s+[a-z]+ing\b)(?:by|before|no\s+later\s+than|within|from)\b[^,]{1,60}|immediately"
    # the inspectorate's other word for "immediately"
    r"|with\s+immediate\s+effect),"
    r"|(?P<period>within\s+(?:\w+|\d+)\s+(?:days?|weeks?|months?|years?))(?=\s+(?:the|all|forces|chief)\b))\s*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
# A deadline after the modal verb: a date ("should, by 31 December 2024, evaluate"), a period
# ("should within three months review"), any phrase set off by commas ("should, by the end of
# the year, review"), or "immediately". Not the words up to the next space: "by 31"; nor a
# means ("by working with its partners", here and at the start).
DEADLINE_INNER_RE = re.compile(
    rf"\b{directives.MODAL},?\s+(?P<deadline>"
    r"(?:by|before|no\s+later\s+than|not\s+later\s+than)\s+(?:the\s+end\s+of\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{vocab.MONTHS})\s+(?:19|20)\d\d"
    r"|within\s+(?:\w+|\d+)\s+(?:days?|weeks?|months?|years?)"
    r"|(?!by\s+[a-z]+ing\b)(?:by|before|no\s+later\s+than|within)\s+[^,.;:]{1,50}?(?=,)"
    r"|immediately|with\s+immediate\s+effect)(?=[,\s.;:])",
    re.IGNORECASE,
)
# A deadline between an opening clause and the subject: "To address this cause of concern,
# within three months the force should …".
# The deadline is a time: a date or a season ("by 31 March 2024", "by spring 2025") or a period
# ("within three months"), not a means ("by working with its partners, the force should …").
DEADLINE_BEFORE_SUBJECT_RE = re.compile(
    r",\s*(?P<deadline>(?:(?:by|before|no\s+later\s+than)\s+(?:the\s+end\s+of\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{vocab.MONTHS}|(?:19|20)\d\d|spring|summer|autumn"
    r"|winter)\b[^,]{0,30}?|within\s+[^,]{1,30}?\b(?:days?|weeks?|months?|years?))),?\s+"
    rf"(?=(?:the|all)\s+[^,.;:]{{1,60}}?\s+{directives.MODAL}\b|(?:forces|chief\s+constables?)\s+"
    rf"{directives.MODAL}\b)",
    re.IGNORECASE,
)
_ADDRESSEE_NAMES = {
    "forces": "all forces",
    "all forces": "all forces",
    "police forces": "all forces",
    "all police forces": "all forces",
    "all forces in england and wales": "all forces",
    "chief constables": "chief constables",
    "all chief constables": "chief constables",
    "chief officers": "chief constables",
    "all chief officers": "chief constables",
    "home office": "Home Office",
    "the home office": "Home Office",
    "npcc": "NPCC",
    "national police chiefs' council": "NPCC",
    "national police chiefs council": "NPCC",
    "college of policing": "College of Policing",
    "college": "College of Policing",
    "police and crime commissioners": "police and crime commissioners",
    "pccs": "police and crime commissioners",
    "local policing bodies": "local policing bodies",
    "crown prosecution service": "Crown Prosecution Service",
    "cps": "Crown Prosecution Service",
    "ministry of justice": "Ministry of Justice",
    "independent office for police conduct": "IOPC",
    "iopc": "IOPC",
}
# "Kent Police and Crime Commissioner": the force's body, named with the force's place.
_BODY_OF_FORCE_RE = re.compile(r"(?i)\bpolice,?\s+(?:fire\s+)?and\s+crime\b")
_FORCE_ITSELF_RE = re.compile(
    r"^(?:the\s+)?(?:force|constabulary|service)$|(?:constabulary|police|police\s+service)$",
    re.IGNORECASE,
)


# Bodies whose names hold "and" or commas (and "England and Wales", in "all forces in …").
_JOINED_NAME_RE = re.compile(
    r"\b(?:police,?\s+fire\s+and\s+crime\s+commissioners?|police\s+and\s+crime\s+"
    r"(?:commissioners?|panels?)|England\s+and\s+Wales|HM\s+Prison\s+and\s+Probation\s+Service"
    r"|(?:HM\s+)?Inspectorate\s+of\s+Constabulary\s+and\s+Fire\s+(?:&|and)\s+Rescue\s+Services"
    r"|fire\s+and\s+rescue\s+(?:services?|authorit(?:y|ies))"
    # Case matters here: the department's name is its capitalised words.
    r"|(?-i:Department\s+(?:of|for)\s+(?:[A-Z][\w-]*(?:\s+Up)?,\s+)*[A-Z][\w-]*\s+and"
    r"\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)"
    r"|Ministry\s+of\s+Housing,\s+Communities\s+and\s+Local\s+Government)\b",
    re.IGNORECASE,
)
# A piece of a subject that names a body.
_ORGANISATION_RE = re.compile(
    r"\b(?:police|constabular\w*|forces?|office|college|council|commissioners?"
    r"|services?|authorit\w+|agenc\w+|ministry|department|government|inspectorates?|boards?"
    r"|leads?|officers?|constables?|bodies|panels?|partnerships?|executive|secretary)\b",
    re.IGNORECASE,
)
_ACRONYM_RE = re.compile(r"\b[A-Z]{2,}s?\b")
_FORCES_WHOLE_RE = re.compile(
    r"^(?:those\s+|all\s+|every\s+|each\s+)?(?:police\s+)?forces?\b(?!\s*(?:,|and\b|&))\s+\S",
    re.IGNORECASE,
)


def _split_sentences(text: str) -> list[str]:
    return [
        " ".join(part.split())
        for part in re.split(r"(?<=[.!?])\s+(?=[A-Z])|\n+", text)
        if part.strip(" -")
    ]


def _subject_names(rest: str, recommended: bool = False) -> list[str]:
    recommend = _RECOMMEND_THAT_RE.match(rest)
    rest = rest[recommend.end() :] if recommend else rest
    subject_match = re.match(
        rf"^(?P<subject>[^.;:!?]{{1,200}}?)\s*,?\s+{directives.MODAL}\b", rest, re.IGNORECASE
    )
    if not subject_match:
        return _subjunctive_subject(rest) if recommend or recommended else []
    subject = re.sub(r"\([^)]*\)", "", subject_match.group("subject"))
    subject = re.sub(r"\s+(?:should|must)\s*$", "", subject).strip()
    subject = re.split(r",\s*(?:that|which|who)\b", subject, maxsplit=1)[0].strip(" ,")
    if _FORCES_WHOLE_RE.match(subject):
        name = re.sub(r"(?i)^those\s+", "", subject)
        return [_ADDRESSEE_NAMES.get(vocab.plain(name), name)]
    # Names with "and" or commas inside are one addressee each ("police and crime
    # commissioners", "HM Prison and Probation Service"), kept whole through the split below.
    subject = _JOINED_NAME_RE.sub(
        lambda match: match.group(0).replace(",", "\x01").replace(" and ", "\x00"), subject
    )
    # "…, working with the College of Policing, should …": everyone named is an addressee.
    subject = re.sub(
        r"\b(?:working|together)\s+with\b|\bin\s+(?:partnership|consultation)\s+with\b",
        ",",
        subject,
        flags=re.IGNORECASE,
    )
    names: list[str] = []
    itself = False  # the report's own force is named beside others ("The force and the PCC")
    for raw in _pieces(subject):
        piece = raw.replace("\x00", " and ").replace("\x01", ",")
        piece = re.sub(r"^\s*(?:the|all\s+the)\s+", "", piece.strip(), flags=re.IGNORECASE).strip(
            " ."
        )
        if not piece:
            continue
        lowered = vocab.plain(piece)
        worded = raw.replace("\x00", " and ").replace("\x01", ",").strip(" .")
        if (forces_named(piece) or forces_named(worded)) and not _BODY_OF_FORCE_RE.search(piece):
            # A force by its name ("Kent Police and the Home Office should …", "the Met") is
            # an addressee as worded: the import tells the report's own force from others.
            name = piece if forces_named(piece) else worded
            if name not in names:
                names.append(name)
            continue
        if _FORCE_ITSELF_RE.search(lowered) and lowered not in _ADDRESSEE_NAMES:
            # The force the report is about: no names at all mean it alone.
            itself = itself or bool(re.match(r"(?:the\s+)?(?:force|constabulary)$", lowered))
            continue
        name = _ADDRESSEE_NAMES.get(lowered) or _ADDRESSEE_NAMES.get(lowered.removeprefix("all "))
        if name is None:
            named = _ORGANISATION_RE.search(piece) or _ACRONYM_RE.search(piece)
            # A name carried on after "and" ("… lead for children and young people") may be
            # longer than a body's name usually is.
            longest = 12 if "\x00" in raw else 8
            if not named or len(vocab.words(piece)) > longest:
                continue  # "Future inspection procedures": not a body
            name = piece
        if name not in names:
            names.append(name)
    # Named beside others, the force owes it too: the others' names alone would take it away.
    return ["the force", *names] if itself and names else names


# "I recommend that …", "HMICFRS recommends that …", "To address this cause of concern, HMIC
# recommends that the force should …": the inspectorate speaking, before the recommendation's
# own subject (who is to act). Its verb may have no modal ("… that chief constables make sure").
_RECOMMEND_THAT_RE = re.compile(
    r"(?i)^(?:[^,.;:]{1,80},\s*)?(?:we|i|hmic\w*|hm\s+inspector(?:ate|s)?|the\s+inspectorate)"
    r"\s+(?:therefore\s+|also\s+)?recommends?\s+that,?\s*"
)
_JOINER_WORDS = {"and", "of", "for", "the", "with", "working", "&", "in", "on", "to"}


def _subjunctive_subject(clause: str) -> list[str]:
    """The bodies named at the start of a recommendation whose verb has no modal ("that chief
    constables make sure …"): the shortest opening that ends on a name's last word (a proper
    noun or a body's word) and names bodies, followed by a word in lower case that joins no
    names (the verb)."""
    words = clause.split()
    for count in range(1, min(len(words), 13)):
        following = words[count]
        if not following[:1].islower() or following.strip(",").lower() in _JOINER_WORDS:
            continue
        opening = " ".join(words[:count]).rstrip(",")
        last = words[count - 1].strip(",")
        if not (last[:1].isupper() or _ORGANISATION_RE.fullmatch(last)):
            continue  # a name ends on a proper noun or a body's word ("… commissioners")
        names = _subject_names(f"{opening} should act")
        if names:
            return names
    return []


def _pieces(subject: str) -> list[str]:
    """The subject cut at commas, "and", "&" and "with"; but words after "and" that start in
    lower case and name no one ("the NPCC lead for children and young people") carry on the
    name before them unless that is a name already known ("forces and their partners")."""
    parts = re.split(r"(,|\band\b|&|\bwith\b)", subject)
    pieces = [parts[0]]
    for separator, piece in zip(parts[1::2], parts[2::2], strict=True):
        words = piece.strip()
        continues = (
            separator == "and"
            and words[:1].islower()
            and not re.match(r"(?i)(?:the|all|each|every|other|their|its)\b", words)
            and vocab.plain(words) not in _ADDRESSEE_NAMES
            and vocab.plain(pieces[-1].strip()) not in _ADDRESSEE_NAMES
            and _ORGANISATION_RE.search(pieces[-1])
            and not _ORGANISATION_RE.search(words)
        )
        if continues:
            pieces[-1] = f"{pieces[-1].rstrip()}\x00{piece.lstrip()}"
        else:
            pieces.append(piece)
    return pieces


def _deadline_and_rest(sentence: str) -> tuple[str, str]:
    lead = DEADLINE_DATE_RE.match(sentence) or DEADLINE_LEAD_RE.match(sentence)
    if lead:
        return (lead.group("deadline") or lead.group("period")).strip(), lead.group("rest")
    before = DEADLINE_BEFORE_SUBJECT_RE.search(sentence[:300])
    if before:
        rest = sentence[: before.start("deadline")] + sentence[before.end() :]
        return before.group("deadline").strip(), rest
    # A date a sentence ends on is a deadline only in a directive: "All 214 referrals were
    # reviewed by 30 April 2024." (a force's answer) sets none.
    inner = DEADLINE_INNER_RE.search(sentence[:300]) or (
        _final_date(sentence) if directives.is_directive(sentence) else None
    )
    return (inner.group("deadline").strip() if inner else ""), sentence


def starts_with_subject(text: str) -> bool:
    """The paragraph opens on who is to act ("The force should …"), or does once a deadline
    set before it is read ("By 31 October 2024, the force should …", "Within three months,
    the force should …"), or on a body that is to act ("The College of Policing should …"): in
    a list of paragraphs, each such one is a finding of its own."""
    rest = _deadline_and_rest(_PARAGRAPH_NUMBER_RE.sub("", text.strip(), count=1))[1].lstrip()
    # "The College of Policing should …": a subject naming a body before the modal verb.
    return bool(directives.SUBJECT_START_RE.match(rest) or _subject_names(rest))


# A date the sentence ends on ("… should introduce a national standard by April 2025."): the
# directive's deadline, as at its start.
def _final_date(sentence: str) -> re.Match | None:
    """The date a directive ends on, unless it dates what was done ("… the data it collected
    by March 2021."): a past tense after "it", "they", "which" and the like."""
    match = _FINAL_DATE_RE.search(sentence)
    done = match and _DONE_BEFORE_RE.search(sentence[: match.start() + 1])
    return None if done else match


_DONE_BEFORE_RE = re.compile(r"(?i)\b(?:it|they|we|which|that|who|has|had|have)\s+\w+ed\s$")
_FINAL_DATE_RE = re.compile(
    r"\s(?P<deadline>(?:by|before|no\s+later\s+than)\s+(?:the\s+end\s+of\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{vocab.MONTHS})\s+(?:19|20)\d\d)\s*[.;]?\s*$",
    re.IGNORECASE,
)


_PARAGRAPH_NUMBER_RE = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2}){1,2}\.?\s+(?=[A-Z])")


def deadline_and_addressees(text: str) -> tuple[str, list[str]]:
    """'By July 2021, forces should …' → ('By July 2021', ['all forces']);
    'The Home Office and the NPCC should …' → ('', ['Home Office', 'NPCC'])."""
    deadline, names = "", []
    # "2.1 By 31 May 2025, chief constables should …": a report's paragraph number before it.
    text = _PARAGRAPH_NUMBER_RE.sub("", text, count=1)
    for sentence in _split_sentences(text)[:12]:
        found_deadline, rest = _deadline_and_rest(sentence)
        recommended = bool(_RECOMMEND_THAT_RE.match(sentence))
        directive = bool(found_deadline) or recommended or directives.is_directive(sentence)
        if not directive:
            continue
        if not names:
            names = _subject_names(rest, recommended)
        if not deadline and found_deadline:
            deadline = found_deadline
        if names and deadline:
            break
    if not deadline and names:
        # a recommendation cut into bullets whose last one ends with its date ("- publish the
        # analysis and the action by July 2018.")
        closing = _CLOSING_DATE_RE.search(text)
        deadline = closing.group("deadline") if closing else ""
    if deadline:
        deadline = deadline[0].upper() + deadline[1:]
    return deadline, names


_CLOSING_DATE_RE = re.compile(
    r"(?im)^\s*-\s+[^\n]*\s(?P<deadline>by\s+(?:the\s+end\s+of\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"
    rf"(?:{vocab.MONTHS})\s+(?:19|20)\d\d)\s*[.;]?\s*$"
)
