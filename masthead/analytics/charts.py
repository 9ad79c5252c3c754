"""Charts drawn on the server as SVG: no script, nothing fetched from elsewhere, and every number
also in the table beside the chart. Each bar says its number to a pointer (its <title>); the
chart as a whole is an image described in words for a screen reader."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

WIDTH, HEIGHT = 720, 200
TOP, BOTTOM, LEFT = 10, 28, 44


def _nice_ceiling(value: int) -> int:
    """A round number at or above `value` for the top of the scale (10, 20, 50, 100, …)."""
    step = 1
    while step * 10 <= value:
        step *= 10
    for multiple in (1, 2, 5, 10):
        if value <= step * multiple:
            return step * multiple
    return step * 10


def bars(points: list[tuple[str, int]], *, title: str, unit: str = "views") -> SafeString:
    """A bar per (label, number), oldest left; labels under every few bars."""
    top = _nice_ceiling(max((n for _label, n in points), default=0) or 1)
    inner_w, inner_h = WIDTH - LEFT - 4, HEIGHT - TOP - BOTTOM
    slot = inner_w / max(len(points), 1)
    every = max(1, len(points) // 8)
    shapes = []
    for i, (label, number) in enumerate(points):
        h = inner_h * number / top
        x = LEFT + i * slot
        shapes.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" class="chart__bar">'
                "<title>{}: {} {}</title></rect>",
                _n(x + slot * 0.15),
                _n(TOP + inner_h - h),
                _n(slot * 0.7),
                _n(h),
                label,
                f"{number:,}",
                unit,
            )
        )
        if i % every == 0:
            shapes.append(
                format_html(
                    '<text x="{}" y="{}" class="chart__label">{}</text>',
                    _n(x + slot / 2),
                    HEIGHT - 8,
                    label,
                )
            )
    rules = [_n(TOP + inner_h * (1 - share)) for share in (0, 0.5, 1)]
    scale = format_html_join(
        "",
        '<line x1="{}" x2="{}" y1="{}" y2="{}" class="chart__rule"></line>'
        '<text x="{}" y="{}" class="chart__scale">{}</text>',
        (
            (LEFT, WIDTH - 4, y, y, LEFT - 6, _n(float(y) + 4), f"{round(top * share):,}")
            for y, share in zip(rules, (0, 0.5, 1), strict=True)
        ),
    )
    total = sum(n for _label, n in points)
    highest = max(points, key=lambda p: p[1], default=("", 0))
    description = (
        f"{len(points)} bars, {total:,} {unit} in all; the most, {highest[1]:,}, "
        f"in {highest[0]}." if points else "No data yet."
    )  # fmt: skip
    return format_html(
        '<svg class="chart" viewBox="0 0 {} {}" role="img" aria-labelledby="{}-t {}-d">'
        '<title id="{}-t">{}</title><desc id="{}-d">{}</desc>{}{}</svg>',
        WIDTH,
        HEIGHT,
        _id(title),
        _id(title),
        _id(title),
        title,
        _id(title),
        description,
        scale,
        SafeString("".join(shapes)),
    )


def _n(number: float) -> str:
    return f"{number:.1f}"


def _id(title: str) -> str:
    return "chart-" + "".join(c if c.isalnum() else "-" for c in title.lower())
