"""Small bar charts drawn on the server as SVG: one bar per week with its
number written above it, no JavaScript. The SVG is `role="img"` with the
figure's name and every week's number as its accessible name, so a screen
reader hears what a sighted reader sees."""

from django.utils.translation import gettext as _

WIDTH = 288
HEIGHT = 96
BAR = 16
GAP = 8
TOP = 14  # room for the number above the tallest bar
BOTTOM = 14  # room for the first and last weeks' dates


def bar_chart(values, labels, *, title, formatted):
    """Returns what `health/chart.html` draws: a bar for each of `values`
    (None draws no bar and the text "–"), `formatted` the numbers to write,
    `labels` each bar's week."""
    peak = max((value for value in values if value), default=0)
    room = HEIGHT - TOP - BOTTOM
    bars = []
    for index, (value, text, label) in enumerate(zip(values, formatted, labels, strict=True)):
        height = round(room * value / peak) if value and peak else 0
        x = index * (BAR + GAP) + GAP // 2
        y = HEIGHT - BOTTOM - height
        bars.append(
            {
                "x": x,
                "y": y,
                "height": height,
                "width": BAR,
                "text": text or "–",
                "text_x": x + BAR // 2,
                "text_y": y - 3,
                "week": label,
            }
        )
    described = "; ".join(f"{bar['week']}: {bar['text']}" for bar in bars)
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "baseline": HEIGHT - BOTTOM,
        "label_y": HEIGHT - 2,
        "first": bars[0] if bars else None,
        "last": bars[-1] if bars else None,
        "last_x": WIDTH - GAP // 2,
        "bars": bars,
        "name": _("%(figure)s, last 12 weeks: %(weeks)s") % {"figure": title, "weeks": described},
    }
