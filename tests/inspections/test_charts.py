"""The SVG bar charts: geometry scaled to the largest value, every text escaped, the chart named
for assistive technology and each bar labelled with its value."""

import re

from inspections.charts import LABEL_CHARS, chart_svg, horizontal_bar_chart


def test_bars_are_scaled_to_the_largest_value_and_carry_their_values():
    chart = horizontal_bar_chart("Open findings", ["Avon", "Kent"], {"Open": [10, 5]})
    assert [(bar.label, bar.value) for bar in chart.bars] == [("Avon", 10), ("Kent", 5)]
    assert chart.bars[0].width == 2 * chart.bars[1].width
    assert not chart.is_empty
    assert horizontal_bar_chart("None", ["Avon"], {"Open": [0]}).is_empty


def test_svg_is_named_by_its_title_and_has_a_rect_and_value_per_bar():
    chart = horizontal_bar_chart(
        "Grades", ["PEEL 2016", "PEEL 2017"], {"Good": [3, 1], "Poor": [0, 2]}
    )
    svg = chart_svg(chart, "chart-grades", "below")
    assert svg.startswith('<svg class="app-chart"') and svg.endswith("</svg>")
    assert 'role="img" aria-labelledby="chart-grades-title"' in svg
    assert (
        '<title id="chart-grades-title">Grades (the numbers are in the table below)</title>' in svg
    )
    assert len(re.findall(r"<rect class=\"app-chart__bar ", svg)) == 4 + 2  # bars + legend
    assert "<title>PEEL 2017, Poor: 2</title>" in svg
    assert f'width="{chart.width}" height="{chart.height}"' in svg


def test_every_text_is_escaped_and_long_labels_are_cut():
    name = '<script>alert("x")</script> & a very long force name that goes on and on'
    chart = horizontal_bar_chart('Title "quoted" <b>', [name], {"A & B": [1], "C": [2]})
    svg = chart_svg(chart, "chart-x")
    assert "<script>" not in svg and "<b>" not in svg
    assert "&lt;script&gt;" in svg and "A &amp; B" in svg and "&quot;quoted&quot;" in svg
    label = re.search(r'text-anchor="end">([^<]*)</text>', svg).group(1)
    assert (
        label.endswith("…")
        and len(
            label.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", '"')
            .replace("&amp;", "&")
        )
        == LABEL_CHARS
    )
