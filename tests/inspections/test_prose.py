"""The `prose` filter: a report's plain text (summaries, findings) as paragraphs and real
bulleted lists, every text escaped (issue 16: summaries showed raw "- " bullets)."""

from http import HTTPStatus

import pytest
from django.template import Context, Template
from django.urls import reverse

from inspections.templatetags.prose import prose
from tests.factories import InspectionFactory

P = '<p class="govuk-body">'
UL = '<ul class="govuk-list govuk-list--bullet">'


def test_dash_lines_become_one_bulleted_list_between_paragraphs():
    text = (
        "I congratulate the force.\n\n- Sex offenders are managed well\n- A positive culture"
        "\n\nIt must improve."
    )
    assert prose(text) == (
        f"{P}I congratulate the force.</p>"
        f"{UL}<li>Sex offenders are managed well</li><li>A positive culture</li></ul>"
        f"{P}It must improve.</p>"
    )


def test_a_lead_in_and_its_list_in_one_paragraph_and_a_continued_bullet():
    text = "The force should:\n- review its policy\n  for custody\n- train staff\nThen report."
    assert prose(text) == (
        f"{P}The force should:</p>"
        f"{UL}<li>review its policy for custody</li><li>train staff</li></ul>"
        f"{P}Then report.</p>"
    )


def test_lines_inside_a_paragraph_keep_their_breaks():
    assert prose("Line one\nLine two") == f"{P}Line one<br>Line two</p>"


def test_every_text_is_escaped_so_no_markup_is_injected():
    text = '<script>alert("x")</script>\n- <b>bold</b> & <a href="x">link</a>'
    html = prose(text)
    assert "<script>" not in html and "<b>" not in html and "<a " not in html
    assert "&lt;script&gt;" in html and "<li>&lt;b&gt;bold&lt;/b&gt; &amp; &lt;a" in html


def test_a_hyphen_inside_a_line_and_empty_text_are_left_alone():
    assert prose("Well-led - and good") == f"{P}Well-led - and good</p>"
    assert prose("") == "" and prose(None) == ""


def test_the_filter_loads_in_a_template():
    rendered = Template("{% load prose %}{{ text|prose }}").render(Context({"text": "- a\n- b"}))
    assert rendered == f"{UL}<li>a</li><li>b</li></ul>"


@pytest.mark.django_db
def test_a_reports_summary_shows_its_bullets_as_a_list(client, analyst):
    inspection = InspectionFactory(
        summary="The force is good.\n\n- It manages offenders well\n- It is <innovative>"
    )
    client.force_login(analyst)

    page = client.get(reverse("inspections:detail", args=[inspection.pk]))

    assert page.status_code == HTTPStatus.OK
    html = page.content.decode()
    assert f"{UL}<li>It manages offenders well</li><li>It is &lt;innovative&gt;</li></ul>" in html
    assert "- It manages" not in html
