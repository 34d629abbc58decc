"""Simple server-rendered SVG bar charts. No JavaScript, no queries: views pass numbers they
already have; chart_svg() draws the rectangles. Every chart is shown with a table of the same
numbers (WCAG: information is never in the picture alone)."""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

BAR_HEIGHT = 22
BAR_GAP = 6
LABEL_WIDTH = 260
PLOT_WIDTH = 380
VALUE_WIDTH = 60
LEGEND_PER_ROW = 3
LEGEND_ROW_HEIGHT = 24
LEGEND_SWATCH = 20  # the coloured square and the gap before its label
# Labels (.app-chart__label: 14px Arial, or DejaVu Sans where Arial is missing) are wrapped to
# at most LABEL_LINES lines that fit LABEL_TEXT_WIDTH, the rest cut with "…"; the full text is
# each label's <title> and is in the table beside every chart.
FONT_PX = 14
LINE_HEIGHT = 15
LABEL_LINES = 2
LABEL_TEXT_WIDTH = LABEL_WIDTH - 8 - 4  # right-aligned 8px before the bars, 4px from the edge


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


# Advance widths in em, as wide as the wider of Arial and DejaVu Sans (the font a browser
# without Arial falls back to), so an estimated line is never wider than the drawn one.
_NARROW = set(" ilj.,:;'!|`")
_SLIM = set('frt()[]{}-/\\"')
_WIDE = set("mwMW@%…—")
_CAPS_NARROW = set("IJ")


def text_width(text: str, font_px: int = FONT_PX) -> float:
    """An upper estimate of the drawn width of `text` in pixels, without a browser."""
    em = 0.0
    for char in text:
        if char in _NARROW or char in _CAPS_NARROW:
            em += 0.34
        elif char in _SLIM:
            em += 0.43
        elif char in _WIDE:
            em += 1.0
        elif char.isupper():
            em += 0.79
        elif char.islower() or char.isdigit():
            em += 0.65
        else:
            em += 0.8
    return em * font_px


def wrap_label(text: str, width: float = LABEL_TEXT_WIDTH, lines: int = LABEL_LINES) -> list[str]:
    """`text` in at most `lines` lines no wider than `width`, broken between words (inside a
    word only when it is wider than a line); what does not fit is cut with "…"."""
    words = text.split()
    result: list[str] = []
    current = ""
    while words:
        word = words[0]
        candidate = f"{current} {word}" if current else word
        if text_width(candidate) <= width:
            current, words = candidate, words[1:]
            continue
        if not current:  # one word wider than a line: break it
            cut = max(1, _fitting(word, width))
            current, words = word[:cut], [word[cut:], *words[1:]]
        result.append(current)
        current = ""
        if len(result) == lines:
            break
    if current and len(result) < lines:
        result.append(current)
    if words and result:  # text left over: the last line ends with "…"
        last = f"{result[-1]} {' '.join(words)}"
        kept = last[: _fitting(last, width, suffix="…")]
        if " " in kept[len(kept) // 2 :]:  # end at a word rather than inside one
            kept = kept[: kept.rindex(" ")]
        result[-1] = kept.rstrip(" ,;:–-") + "…"
    return result


def _fitting(text: str, width: float, suffix: str = "") -> int:
    """How many leading characters of `text` (followed by `suffix`) fit `width`."""
    count = 0
    while count < len(text) and text_width(text[: count + 1] + suffix) <= width:
        count += 1
    return count


def horizontal_bar_chart(
    title: str,
    categories: Sequence[str],
    series: dict[str, Sequence[int]],
) -> Chart:
    """One row per category, one bar per series in that row, scaled to the largest value."""
    names = list(series)
    largest = max((max(values, default=0) for values in series.values()), default=0) or 1
    wrapped = [wrap_label(category) for category in categories]
    label_lines = max((len(lines) for lines in wrapped), default=1)
    bars_height = len(names) * BAR_HEIGHT
    # A row is as tall as its bars or its label, whichever is taller.
    content_height = max(bars_height, label_lines * LINE_HEIGHT + 2)
    row_height = content_height + BAR_GAP * 2
    legend_rows = -(-len(names) // LEGEND_PER_ROW) if len(names) > 1 else 0
    legend_height = LEGEND_ROW_HEIGHT * legend_rows
    width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH
    chart = Chart(
        title=title,
        width=width,
        height=legend_height + row_height * len(categories) + BAR_GAP,
    )
    # The legend spans the whole width, so a long series name ("Requires improvement") is not
    # cut at the right-hand edge.
    legend_column = width // LEGEND_PER_ROW
    for index, name in enumerate(names):
        if legend_height:
            row, column = divmod(index, LEGEND_PER_ROW)
            chart.legend.append(
                {
                    "x": 4 + column * legend_column,
                    "y": 4 + row * LEGEND_ROW_HEIGHT,
                    "label": name,
                    "lines": wrap_label(name, legend_column - LEGEND_SWATCH - 12, lines=1),
                    "css": _css(index),
                }
            )
    for row, category in enumerate(categories):
        top = legend_height + row * row_height + BAR_GAP
        middle = top + content_height / 2
        lines = wrapped[row]
        chart.labels.append(
            {
                "text": category,
                "lines": lines,
                "x": LABEL_WIDTH - 8,
                # The first line's baseline, so that the lines are centred on the row.
                "y": middle - (len(lines) - 1) * LINE_HEIGHT / 2 + 5,
            }
        )
        bars_top = middle - bars_height / 2
        for index, name in enumerate(names):
            value = series[name][row]
            bar_width = round(PLOT_WIDTH * value / largest)
            y = bars_top + index * BAR_HEIGHT
            chart.bars.append(
                Bar(
                    label=category,
                    series=name,
                    value=value,
                    x=LABEL_WIDTH,
                    y=y,
                    width=bar_width,
                    height=BAR_HEIGHT - 4,
                    css=_css(index),
                    text_x=LABEL_WIDTH + bar_width + 6,
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
            f'<text class="app-chart__label" x="{x + LEGEND_SWATCH}" y="{y + 12}">'
            f"<title>{escape(item['label'])}</title>{escape(' '.join(item['lines']))}</text>"
        )
    for label in chart.labels:
        # Each line a <tspan>; the whole label is the text's <title> (shown on hover).
        x = label["x"]
        lines = "".join(
            f'<tspan x="{x}" dy="{0 if number == 0 else LINE_HEIGHT}">{escape(line)}</tspan>'
            for number, line in enumerate(label["lines"])
        )
        parts.append(
            f'<text class="app-chart__label" x="{x}" y="{label["y"]}" text-anchor="end">'
            f"<title>{escape(label['text'])}</title>{lines}</text>"
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
