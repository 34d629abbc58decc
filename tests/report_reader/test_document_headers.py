"""A document's own header block names and dates it: an email's headers (an OPCC officer
forwarding a report's recommendations) and a Markdown converter's front matter (the ninth
blind set: the email was titled by its "Sent:" line, the converted chapter by its raw front
matter)."""

from inspections.report_reader import parse_text


def test_an_emails_subject_and_sent_date_are_its_title_and_date():
    report = parse_text(
        "From: A Officer <a.officer@example.pcc.police.uk>\n"
        "Sent: Tuesday, 19 November 2024 09:42\n"
        "To: OPCC Policy Team <policy@example.pcc.police.uk>\n"
        "Subject: FW: HMICFRS stalking inspection - recommendations for the board\n"
        "\n"
        "Hi all,\n\n"
        "Below are the recommendations:\n\n"
        "1. By 31 March 2025, chief constables should review their stalking protection orders.\n"
    )
    assert report.title == "HMICFRS stalking inspection - recommendations for the board"
    assert report.published.isoformat() == "2024-11-19"
    assert "From:" not in "\n".join(f.text for f in report.findings)


def test_a_converters_front_matter_names_the_document_and_is_not_its_text():
    report = parse_text(
        "---\n"
        "title: 'Found but not safe: an inspection of how the police respond'\n"
        "subtitle: 'Chapter 6: Recommendations'\n"
        "---\n\n"
        "# Found but not safe\n\n"
        "## Recommendations\n\n"
        "By 31 March 2026, chief constables should make sure every child is risk assessed.\n"
    )
    assert report.title == "Found but not safe: an inspection of how the police respond"
    assert [f.addressees for f in report.findings] == [["chief constables"]]
