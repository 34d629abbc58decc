"""The SVG bar charts: geometry scaled to the largest value, every text escaped, the chart named
for assistive technology and each bar labelled with its value."""

import re

import pytest
from django.utils.html import escape

from inspections.charts import (
    LABEL_LINES,
    LABEL_TEXT_WIDTH,
    chart_svg,
    horizontal_bar_chart,
    text_width,
    wrap_label,
)


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
    name = '<script>alert("x")</script> & a very long force name that goes on and on and on'
    chart = horizontal_bar_chart('Title "quoted" <b>', [name], {"A & B": [1], "C": [2]})
    svg = chart_svg(chart, "chart-x")
    assert "<script>" not in svg and "<b>" not in svg
    assert "&lt;script&gt;" in svg and "A &amp; B" in svg and "&quot;quoted&quot;" in svg
    label = re.search(r'text-anchor="end"><title>([^<]*)</title>(.*?)</text>', svg)
    assert label.group(1) == escape(name)  # the full text, escaped
    lines = re.findall(r"<tspan [^>]*>([^<]*)</tspan>", label.group(2))
    assert len(lines) == LABEL_LINES and lines[-1].endswith("…")


@pytest.mark.parametrize(
    "title",
    [
        "Integrated PEEL Assessment 2018/19",
        "PEEL 2021/22: An inspection of Cumbria Constabulary",
        "Diverging under pressure: PEEL 2018/19 spotlight report on the police service in "
        "England and Wales",
        "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW",
        "Avon",
    ],
)
def test_a_label_wraps_to_lines_that_fit_beside_the_bars(title):
    """Issue 16: "tegrated PEEL Assessment 2018/1…" was cut at the SVG's left edge. Each line
    fits the label column (an upper estimate of the drawn width), words are kept whole where
    they fit, and nothing is lost silently: a cut label ends with "…"."""
    lines = wrap_label(title)
    assert 1 <= len(lines) <= LABEL_LINES
    assert all(text_width(line) <= LABEL_TEXT_WIDTH for line in lines)
    joined = " ".join(lines)
    assert joined == title or (joined.endswith("…") and title.startswith(lines[0]))


def test_short_labels_keep_one_line_and_rows_grow_only_for_wrapped_labels():
    short = horizontal_bar_chart("Short", ["Avon", "Kent"], {"Open": [1, 2]})
    long = horizontal_bar_chart(
        "Long", ["Integrated PEEL Assessment 2018/19", "Kent"], {"Open": [1, 2]}
    )
    assert [label["lines"] for label in short.labels] == [["Avon"], ["Kent"]]
    assert long.labels[0]["lines"] == ["Integrated PEEL Assessment", "2018/19"]
    assert long.height > short.height


def test_the_legend_spans_the_width_so_long_series_names_fit():
    chart = horizontal_bar_chart(
        "Grades",
        ["PEEL 2017"],
        {"Outstanding": [1], "Good": [2], "Requires improvement": [3], "Inadequate": [0]},
    )
    for item in chart.legend:
        assert item["x"] + 20 + text_width(" ".join(item["lines"])) <= chart.width
    assert chart.legend[2]["lines"] == ["Requires improvement"]
