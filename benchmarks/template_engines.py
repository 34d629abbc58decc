"""`make bench-templates`: is Django's template engine still the cost of the findings list, and
would Jinja2 (Django's own backend for it) render it faster by a clear ratio? (Issue 17.)

On the database in DATABASE_URL (e.g. one `generate_national_dataset` filled), signed in as an
analyst with the page cache off (the counts it keeps are warm, as on any request but the first
after a change), this prints:

- the findings list's server time (p50 over REPEATS requests, the test client);
- of it, the time Django's engine takes to render the page's template, and the rows' table
  alone (the part of the page that grows with its rows);
- the same table rendered by Jinja2 from JINJA_TABLE below, after checking that both engines
  give the same HTML (whitespace between tags aside), and the ratio.

The Jinja2 template is the table's, line for line, with the same Python helpers (status_tag,
long_date, reverse); tests/test_template_engines.py holds it to the same HTML.
"""

import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REPEATS = int(os.environ.get("REPEATS", "30"))
URL = os.environ.get("BENCH_URL", "/findings/")
TABLE_TEMPLATE = "recommendations/_finding_table.html"

JINJA_TABLE = """\
{%- macro sort_heading(heading, label) -%}
<th scope="col" class="govuk-table__header app-sortable"{% if heading.aria_sort %} \
aria-sort="{{ heading.aria_sort }}"{% endif %}><a class="govuk-link app-sort-link" \
href="{{ heading.url }}">{{ label }}<span class="govuk-visually-hidden"> – sort by: \
{{ heading.action }}</span></a>{% if heading.aria_sort %} <span class="app-sort-arrow" \
aria-hidden="true">{% if heading.aria_sort == "ascending" %}▲{% else %}▼{% endif %}</span>\
{% endif %}</th>
{%- endmacro %}
<p class="govuk-body-s app-scroll-hint">Scroll the table sideways to see every column.</p>
  <div class="app-table-wrapper">
<table class="govuk-table app-table--compact">
  <caption class="govuk-table__caption govuk-table__caption--s">Findings \
{{ page_obj.start_index() }} to {{ page_obj.end_index() }} of {{ page_obj.paginator.count }}\
</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">
      {{ sort_heading(sort_headings.finding, "Finding") }}
      {{ sort_heading(sort_headings.force, "Force") }}
      {{ sort_heading(sort_headings.report, "Report") }}
      {{ sort_heading(sort_headings.status, "Status") }}
      {{ sort_heading(sort_headings.since, "Since") }}
    </tr>
  </thead>
  <tbody class="govuk-table__body">
    {% for row in rows %}
    <tr class="govuk-table__row">
      <td class="govuk-table__cell">
        <a class="govuk-link" href="{{ url('recommendations:detail', row.pk) }}">\
{{ row.headline }}</a>
        <span class="govuk-body-s govuk-!-display-block govuk-!-margin-top-1 \
govuk-!-margin-bottom-0">{{ row.label }}{% if row.area %} · {{ row.area.name }}{% endif %}\
{% if row.carried_forward_from_id %} · carried forward from an earlier report{% endif %}</span>
      </td>
      <td class="govuk-table__cell">{% if row.row_force_slug %}<a class="govuk-link" \
href="{{ url('inspections:force', row.row_force_slug) }}">{{ row.row_force_name }}</a>\
{% else %}{{ row.row_force_name or "National report" }}{% endif %}</td>
      <td class="govuk-table__cell"><a class="govuk-link" \
href="{{ url('inspections:detail', row.inspection_id) }}">{{ row.inspection.title }}</a>\
<span class="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">\
{{ row.inspection.published_display() }}</span></td>
      <td class="govuk-table__cell">{% if row.row_status %}\
{{ status_tag(row.row_status, row.status_label) }}{% elif row.is_trackable %}\
{{ status_tag("", none_text="No status recorded") }}{% else %}\
{{ status_tag("", none_text="No status: good practice is not tracked") }}{% endif %}</td>
      <td class="govuk-table__cell">{% if row.row_status %}\
{{ row.row_status_since|long_date or "Not stated" }}{% else %}\
<span aria-hidden="true">—</span><span class="govuk-visually-hidden">Not applicable</span>\
{% endif %}</td>
    </tr>
    {% endfor %}
  </tbody>
</table>
</div>
"""


def jinja_table():
    """The table as a Jinja2 template, with the Python helpers the Django one uses."""
    import jinja2
    from django.urls import reverse

    from inspections.templatetags.dates import long_date
    from recommendations.templatetags.status_tag import status_tag

    environment = jinja2.Environment(autoescape=True, trim_blocks=False)
    environment.filters["long_date"] = long_date
    environment.globals |= {
        "url": lambda name, *args: reverse(name, args=args),
        "status_tag": status_tag,
    }
    return environment.from_string(JINJA_TABLE)


def same_html(html: str) -> str:
    """HTML compared across engines: whitespace between tags and at the ends left out."""
    return re.sub(r">\s+<", "><", html).strip()


def median_ms(render, repeats: int = REPEATS) -> float:
    render()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        render()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peel_tracker.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth.models import Group, User
    from django.template.loader import get_template
    from django.test import Client
    from django.test.utils import setup_test_environment

    from inspections.access import ANALYST_GROUP

    setup_test_environment()  # the test client then records each response's context
    settings.PAGE_CACHE_SECONDS = 0
    analyst, _ = User.objects.get_or_create(username="bench-templates-analyst")
    analyst.groups.add(Group.objects.get(name=ANALYST_GROUP))
    client = Client()
    client.force_login(analyst)

    def page():
        response = client.get(URL)
        assert response.status_code == 200, response.status_code
        return response

    # The context the page template was rendered with (the first the test client recorded).
    context = page().context[0].flatten()
    page_ms = median_ms(page)
    page_template = get_template("recommendations/finding_list.html")
    table = get_template(TABLE_TEMPLATE)
    jinja = jinja_table()
    django_html, jinja_html = table.render(context), jinja.render(context)
    if same_html(django_html) != same_html(jinja_html):
        sys.exit("The two engines' tables differ: fix JINJA_TABLE before comparing their times.")
    template_ms = median_ms(lambda: page_template.render(context))
    django_ms = median_ms(lambda: table.render(context))
    jinja_ms = median_ms(lambda: jinja.render(context))
    rows = len(context["rows"])
    print(f"{URL} ({rows} rows, {len(page().content):,} bytes), median of {REPEATS}:")
    print(f"  whole request, page cache off       {page_ms:7.2f} ms")
    print(f"  its template, Django's engine       {template_ms:7.2f} ms")
    print(f"  the rows' table, Django's engine    {django_ms:7.2f} ms")
    print(
        f"  the rows' table, Jinja2             {jinja_ms:7.2f} ms  ({django_ms / jinja_ms:.1f}×)"
    )
    saved = template_ms * (1 - jinja_ms / django_ms)
    print(
        f"  the whole template at the table's ratio would save {saved:.1f} ms of "
        f"{page_ms:.1f} ({saved / page_ms:.0%} of the request)"
    )


if __name__ == "__main__":
    main()
