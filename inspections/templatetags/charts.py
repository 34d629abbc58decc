from django import template

from inspections.charts import Chart, chart_svg

register = template.Library()


@register.simple_tag
def bar_chart(chart: Chart, chart_id: str, table_position: str = ""):
    """{% bar_chart chart "chart-id" "below" %}: the chart as SVG (inspections.charts)."""
    return chart_svg(chart, chart_id, table_position)
