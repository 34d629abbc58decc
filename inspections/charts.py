"""Simple server-rendered SVG bar charts. No JavaScript, no queries: views pass numbers they
already have; chart_svg() draws the rectangles. Every chart is shown with a table of the same
numbers (WCAG: information is never in the picture alone)."""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

BAR_HEIGHT = 22
BAR_GAP = 6
LABEL_WIDTH = 260
PLOT_WIDTH = 380
VALUE_WIDTH = 60
LEGEND_PER_ROW = 3
LEGEND_WIDTH = 140
LABEL_CHARS = 34


@dataclass
class Bar:
    label: str
    series: str
    value: int
    x: int
    y: int
    width: int
    height: int
    css: str
    text_x: int
    text_y: int


@dataclass
class Chart:
    title: str
    width: int
    height: int
    bars: list[Bar] = field(default_factory=list)
    labels: list[dict] = field(default_factory=list)
    legend: list[dict] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not any(bar.value for bar in self.bars)


def horizontal_bar_chart(
    title: str,
    categories: Sequence[str],
    series: dict[str, Sequence[int]],
) -> Chart:
    """One row per category, one bar per series in that row, scaled to the largest value."""
    names = list(series)
    largest = max((max(values, default=0) for values in series.values()), default=0) or 1
    row_height = len(names) * BAR_HEIGHT + BAR_GAP * 2
    legend_rows = -(-len(names) // LEGEND_PER_ROW) if len(names) > 1 else 0
    legend_height = 24 * legend_rows
    chart = Chart(
        title=title,
        width=LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH,
        height=legend_height + row_height * len(categories) + BAR_GAP,
    )
    for index, name in enumerate(names):
        if legend_height:
            row, column = divmod(index, LEGEND_PER_ROW)
            chart.legend.append(
                {
                    "x": LABEL_WIDTH + column * LEGEND_WIDTH,
                    "y": 4 + row * 24,
                    "label": name,
                    "css": _css(index),
                }
            )
    for row, category in enumerate(categories):
        top = legend_height + row * row_height + BAR_GAP
        chart.labels.append(
            {"text": category, "x": LABEL_WIDTH - 8, "y": top + len(names) * BAR_HEIGHT / 2 + 5}
        )
        for index, name in enumerate(names):
            value = series[name][row]
            width = round(PLOT_WIDTH * value / largest)
            y = top + index * BAR_HEIGHT
            chart.bars.append(
                Bar(
                    label=category,
                    series=name,
                    value=value,
                    x=LABEL_WIDTH,
                    y=y,
                    width=width,
                    height=BAR_HEIGHT - 4,
                    css=_css(index),
                    text_x=LABEL_WIDTH + width + 6,
                    text_y=y + BAR_HEIGHT - 8,
                )
            )
    return chart


def _css(index: int) -> str:
    # Distinct fills per series; the legend names each and every bar is labelled with its value.
    return f"app-chart__bar app-chart__bar--{index % 6}"


def chart_svg(chart: Chart, chart_id: str, table_position: str = "") -> SafeString:
    """The chart as an <svg> element, named by its <title> (chart_id + "-title"), each bar with
    its own <title> and value. Built here rather than in a template: at national scale a chart
    has hundreds of bars, and the template language took 60 ms to draw one. Every text is
    escaped; the numbers are the chart's own integers and floats."""
    where = f" {table_position}" if table_position else ""
    parts = [
        f'<svg class="app-chart" viewBox="0 0 {chart.width} {chart.height}" '
        f'width="{chart.width}" height="{chart.height}" role="img" '
        f'aria-labelledby="{escape(chart_id)}-title" focusable="false">'
        f'<title id="{escape(chart_id)}-title">{escape(chart.title)} '
        f"(the numbers are in the table{escape(where)})</title>"
    ]
    for item in chart.legend:
        x, y = item["x"], item["y"]
        parts.append(
            f'<rect class="{escape(item["css"])}" x="{x}" y="{y}" width="14" height="14"></rect>'
            f'<text class="app-chart__label" x="{x + 20}" y="{y + 12}">'
            f"{escape(item['label'])}</text>"
        )
    for label in chart.labels:
        text = escape(Truncator(label["text"]).chars(LABEL_CHARS))
        parts.append(
            f'<text class="app-chart__label" x="{label["x"]}" y="{label["y"]}" '
            f'text-anchor="end">{text}</text>'
        )
    for bar in chart.bars:
        parts.append(
            f'<rect class="{escape(bar.css)}" x="{bar.x}" y="{bar.y}" width="{bar.width}" '
            f'height="{bar.height}"><title>{escape(bar.label)}, {escape(bar.series)}: '
            f"{bar.value}</title></rect>"
            f'<text class="app-chart__label" x="{bar.text_x}" y="{bar.text_y}">{bar.value}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above is escaped
