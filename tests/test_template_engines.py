"""The Jinja2 twin of the findings list's table in benchmarks/template_engines.py renders the
same HTML as the Django template it is timed against, for every kind of row the table has:
otherwise `make bench-templates` would compare two different pages."""

import pytest
from django.template.loader import get_template
from django.urls import reverse

from benchmarks.template_engines import TABLE_TEMPLATE, jinja_table, same_html
from tests.factories import FindingFactory, FindingStatusFactory, InspectionFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ["", "?sort=status", "?sort=-published&page=1"])
def test_the_jinja2_table_is_the_django_table(client, analyst, force, settings, query):
    settings.PAGE_CACHE_SECONDS = 0
    open_status = FindingStatusFactory(force=force, finding__inspection__force=force)
    FindingStatusFactory(force=force, status="complete", status_since=None)
    national = InspectionFactory(national=True, title="A national thematic & <its> title")
    recommendation = FindingFactory(inspection=national, recommendation=True, area=None)
    FindingFactory(
        inspection=national, good_practice=True, area=None, position=recommendation.position + 1
    )
    FindingStatusFactory(
        force=force,
        finding__carried_forward_from=open_status.finding,
        finding__inspection__force=force,
    )
    client.force_login(analyst)
    response = client.get(reverse("recommendations:list") + query)
    context = response.context[0].flatten()
    assert len(context["rows"]) == 5

    django_html = get_template(TABLE_TEMPLATE).render(context)
    jinja_html = jinja_table().render(context)

    assert "A national thematic &amp; &lt;its&gt; title" in jinja_html
    assert same_html(jinja_html) == same_html(django_html)
