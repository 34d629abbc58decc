"""The hand-written template tags say what Django's filters and the old include said."""

import datetime
import zoneinfo

from django.template import Context, Template
from django.utils import timezone


def render(source: str, **context) -> str:
    return Template(source).render(Context(context))


def test_long_date_matches_djangos_date_filter():
    for day in (datetime.date(2024, 3, 3), datetime.date(2019, 12, 31), datetime.date(2016, 1, 1)):
        ours = render("{% load dates %}{{ d|long_date }}", d=day)
        assert ours == render('{{ d|date:"j F Y" }}', d=day)
    assert (
        render("{% load dates %}{{ d|long_date }}", d=datetime.date(2024, 3, 3)) == "3 March 2024"
    )


def test_long_date_of_nothing_is_empty_so_default_applies():
    out = render('{% load dates %}{{ d|long_date|default:"Not stated" }}', d=None)
    assert out == "Not stated"
    assert render("{% load dates %}{{ d|long_date }}", d="2024-03-03") == ""


def test_long_date_of_a_moment_is_the_day_in_london():
    # 23:30 UTC on 31 March 2024 is already 1 April in London (BST began that morning).
    moment = datetime.datetime(2024, 3, 31, 23, 30, tzinfo=zoneinfo.ZoneInfo("UTC"))
    with timezone.override("Europe/London"):
        assert render("{% load dates %}{{ m|long_date }}", m=moment) == "1 April 2024"


def test_status_tag_has_words_and_colour():
    out = render('{% load status_tag %}{% status_tag "complete" "Complete" %}')
    assert out == '<strong class="govuk-tag govuk-tag--green">Complete</strong>'
    other = render('{% load status_tag %}{% status_tag "withdrawn" "Withdrawn" %}')
    assert 'govuk-tag--grey">Withdrawn<' in other


def test_status_tag_escapes_its_label_and_says_when_there_is_none():
    out = render('{% load status_tag %}{% status_tag "complete" label %}', label="<b>x</b>")
    assert "&lt;b&gt;x&lt;/b&gt;" in out
    none = render('{% load status_tag %}{% status_tag "" "" none_text="Not yet recorded" %}')
    assert 'aria-hidden="true">—<' in none
    assert 'govuk-visually-hidden">Not yet recorded<' in none
