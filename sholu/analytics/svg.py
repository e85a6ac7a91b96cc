"""Charts as inline SVG strings: the report must open with no network, so no chart
library. Every text that reaches a chart is escaped here."""
from __future__ import annotations

import math
from html import escape

PALETTE = ("#2f6db5", "#e07b39", "#3a9a5b", "#b5475c", "#7d5cb3", "#8c8c3a", "#4a9fb0", "#9a6b3f")
WIDTH = 760
FONT = 'font-family="system-ui, sans-serif" font-size="12"'
LABEL_CHARS = 36
CHAR_WIDTH = 7          # a rough width of one 12px character, to lay out labels
LEGEND_ROW = 18
X_PADDING = 40          # keeps the first and last period labels inside the chart
MAX_X_LABELS = 12


def short(label: str, limit: int = LABEL_CHARS) -> str:
    return label if len(label) <= limit else label[:limit - 1] + "…"


def svg(height: int, title: str, body: list[str]) -> str:
    return (f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
            f'role="img" aria-label="{escape(title)}" {FONT}><title>{escape(title)}</title>'
            + "".join(body) + "</svg>")


def legend(names: list[str]) -> tuple[list[str], int]:
    """Colour keys in rows that wrap at the chart's width, and the height they take;
    nothing for a single series, which the heading already names."""
    if len(names) < 2:
        return [], 0
    parts, x, y = [], 10, 16
    for index, name in enumerate(names):
        label = short(name, 30)
        width = 28 + CHAR_WIDTH * len(label)
        if x > 10 and x + width > WIDTH - 10:
            x, y = 10, y + LEGEND_ROW
        colour = PALETTE[index % len(PALETTE)]
        parts.append(f'<rect x="{x}" y="{y - 10}" width="12" height="12" fill="{colour}"/>'
                     f'<text x="{x + 16}" y="{y}">{escape(label)}</text>')
        x += width
    return parts, y + 12


def nice_step(top: float, ticks: int = 5) -> int:
    """A round whole tick step (1, 2 or 5 times a power of ten) covering `top` in about
    `ticks` steps; charts here show counts, so never below one."""
    raw = max(top / ticks, 1)
    power = 10 ** math.floor(math.log10(raw))
    return next(factor * power for factor in (1, 2, 5, 10) if raw <= factor * power)


def number(value: float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def bar_chart(labels: list[str], series: dict[str, list[float]], title: str) -> str:
    """Horizontal bars, one group per label and one bar per series, value at the bar's end."""
    if not labels:
        return empty_chart(title)
    names = list(series)
    bar, gap, left, right = 14, 10, 270, 50
    body, legend_height = legend(names)
    top = legend_height + 8
    group = bar * len(names) + gap
    height = top + group * len(labels) + 8
    peak = max((v for values in series.values() for v in values), default=0) or 1
    scale = (WIDTH - left - right) / peak
    for row, label in enumerate(labels):
        y = top + row * group
        body.append(f'<text x="{left - 8}" y="{y + bar * len(names) / 2 + 4:.0f}" text-anchor="end">'
                    f'<title>{escape(label)}</title>{escape(short(label))}</text>')
        for index, name in enumerate(names):
            value = series[name][row]
            width = max(value * scale, 1 if value else 0)
            by = y + index * bar
            body.append(f'<rect x="{left}" y="{by}" width="{width:.1f}" height="{bar - 2}" '
                        f'fill="{PALETTE[index % len(PALETTE)]}"><title>{escape(label)} — '
                        f'{escape(name)}: {number(value)}</title></rect>'
                        f'<text x="{left + width + 4:.1f}" y="{by + bar - 4}">{number(value)}</text>')
    return svg(height, title, body)


TONE_COLOURS = ("#3a9a5b", "#b8b8b8", "#b5475c")    # positive, neutral, negative


def stacked_shares(labels: list[str], series: dict[str, list[float]], title: str,
                   colours: tuple[str, ...] = TONE_COLOURS) -> str:
    """One bar per label split into its series' shares of the label's total (100 %
    wide), each part's percentage on it when it fits: tone distributions."""
    if not labels:
        return empty_chart(title)
    names = list(series)
    bar, gap, left, right = 16, 8, 270, 20
    legend_parts, legend_height = legend(names)
    body = [part.replace(PALETTE[i % len(PALETTE)], colours[i % len(colours)], 1)
            for i, part in enumerate(legend_parts)]
    top = legend_height + 8
    span = WIDTH - left - right
    for row, label in enumerate(labels):
        y, x = top + row * (bar + gap), float(left)
        whole = sum(series[name][row] for name in names)
        body.append(f'<text x="{left - 8}" y="{y + bar - 4}" text-anchor="end"><title>{escape(label)}</title>'
                    f'{escape(short(label))}</text>')
        for index, name in enumerate(names):
            value = series[name][row]
            width = span * value / whole if whole else 0
            if width:
                body.append(f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{bar}" '
                            f'fill="{colours[index % len(colours)]}"><title>{escape(label)} — {escape(name)}: '
                            f'{number(value)}</title></rect>')
            if width > 34:
                body.append(f'<text x="{x + 4:.1f}" y="{y + bar - 4}" fill="#fff">{value / whole:.0%}</text>')
            x += width
        if not whole:
            body.append(f'<text x="{left}" y="{y + bar - 4}" fill="#777">—</text>')
    return svg(top + len(labels) * (bar + gap) + 8, title, body)


def line_chart(periods: list[str], series: dict[str, list[float]], title: str) -> str:
    """Lines over evenly spaced periods with a dot at each value; y from zero."""
    if not periods:
        return empty_chart(title)
    names = list(series)
    left, right, bottom = 46, 20, 44
    body, legend_height = legend(names)
    top = legend_height + 14
    height = top + 240 + bottom
    peak = max((v for values in series.values() for v in values), default=0)
    step = nice_step(peak)
    y_max = max(step * math.ceil(peak / step), step)     # at least one step: an all-zero line
    plot_h, plot_w = height - top - bottom, WIDTH - left - right - 2 * X_PADDING

    def x_at(i: int) -> float:
        start = left + X_PADDING
        return start + (plot_w / 2 if len(periods) == 1 else plot_w * i / (len(periods) - 1))

    def y_at(value: float) -> float:
        return top + plot_h * (1 - value / y_max)

    body += y_axis(step, y_max, y_at, left) + x_axis(periods, x_at, left, height - bottom)
    for index, name in enumerate(names):
        colour = PALETTE[index % len(PALETTE)]
        points = [(x_at(i), y_at(v)) for i, v in enumerate(series[name])]
        body.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="'
                    + " ".join(f"{x:.1f},{y:.1f}" for x, y in points) + '"/>')
        for (x, y), period, value in zip(points, periods, series[name]):
            body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}">'
                        f'<title>{escape(name)}, {escape(period)}: {number(value)}</title></circle>')
    return svg(height, title, body)


def y_axis(step: float, y_max: float, y_at, left: int) -> list[str]:
    parts, value = [], 0
    while value <= y_max:
        y = y_at(value)
        parts.append(f'<line x1="{left}" x2="{WIDTH - 20}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
                     f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{number(value)}</text>')
        value += step
    return parts


def x_axis(periods: list[str], x_at, left: int, baseline: float) -> list[str]:
    """Period labels under the axis, thinned so they never overlap."""
    every = max(1, math.ceil(len(periods) / MAX_X_LABELS))
    parts = [f'<line x1="{left}" x2="{WIDTH - 20}" y1="{baseline}" y2="{baseline}" stroke="#888"/>']
    for i, period in enumerate(periods):
        if i % every == 0:
            parts.append(f'<text x="{x_at(i):.1f}" y="{baseline + 18}" text-anchor="middle">'
                         f'{escape(period)}</text>')
    return parts


def empty_chart(title: str) -> str:
    return svg(40, title, ['<text x="10" y="24" fill="#666">нет данных</text>'])
