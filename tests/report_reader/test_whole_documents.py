"""Shapes of whole documents, as a user's upload gives them, that the reader got wrong while
being probed with full-length made-up texts in the inspectorate's and OPCCs' layouts (national
thematics, joint inspections, letters, PCC responses, plans, register pages): one small
made-up text per shape, with controls."""

from inspections.report_reader import model, parse_text

HEADER = "An inspection of vetting, misconduct, and misogyny in the police service"


def _pages(*pages: str) -> str:
    """pdfminer's text: the page's number alone on a line at its foot, a form feed, the
    running header at the top of the next page."""
    out = []
    for number, page in enumerate(pages, start=1):
        top = f"{HEADER}\n\n" if number > 1 else ""
        out.append(f"{top}{page}\n\n{number}\n\n")
    return "\f".join(out)


def test_a_long_running_header_between_two_halves_of_a_finding_is_furniture():
    """A whole title as the running header was kept (longer than a name, few capitals): it
    cut the finding at the page break and the body's repeat of it no longer matched the
    summary, so both were proposed."""
    text = _pages(
        f"{HEADER}\n\nNovember 2024\n\nSummary of recommendations\n\nRecommendation 1\n"
        "By 31 March 2026, the National Police Chiefs' Council lead for counter-corruption should",
        "establish a national framework for the monitoring of police IT systems.\n\n"
        "Counter-corruption\n\nOnly three forces could monitor all their systems.",
        "Recommendation 1\nBy 31 March 2026, the National Police Chiefs' Council lead for "
        "counter-corruption should establish a national framework for the monitoring of police "
        "IT systems.\n\nConclusion\n\nWe will monitor progress.",
    )
    findings = parse_text(text).findings
    assert len(findings) == 1
    assert findings[0].text.endswith("for the monitoring of police IT systems.")


def test_a_heading_repeated_by_each_section_is_not_a_running_header():
    text = _pages(
        "Areas for improvement\n\nThe force should improve how it records crime.",
        "Areas for improvement\n\nThe force should improve how it supervises investigations.",
        "Areas for improvement\n\nThe force should improve how it answers calls.",
    )
    assert [f.kind for f in parse_text(text).findings] == [model.AFI] * 3
