"""Charts as inline SVG, drawn without any plotting library: bars of totals, bars of band shares.

The SVG is plain text built here (every label escaped), so an HTML page can
carry it inline and stay self-contained. Coordinates are written with one
decimal, from exact arithmetic, so the same data gives the same drawing.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from govindex.points import exact, quantize
from govindex.render.web import escape
from govindex.render.wording import plain_number

__all__ = ["bar_chart", "share_bars"]

#: Band colours, best first (colour-blind friendly, printable in grey).
PALETTE = ("#1b7837", "#7fbf7b", "#fdb863", "#d6604d", "#8073ac", "#999999")


def _n(value: Decimal | int) -> str:
    return f"{quantize(Decimal(value), 1):f}"


@exact
def bar_chart(
    bars: Sequence[tuple[str, Decimal, str]],
    *,
    maximum: Decimal,
    thresholds: Sequence[Decimal] = (),
    title: str = "",
    colours: dict[str, str] | None = None,
    lang: str = "vi",
) -> str:
    """Horizontal bars ``(label, value, value text)``, scaled to ``maximum``, with dashed band thresholds.

    The thresholds are written in ``lang`` (a decimal comma in Vietnamese).
    """
    label_width, bar_width, row, top = 230, 330, 18, 24
    height = top + row * len(bars) + 24
    width = label_width + bar_width + 60
    scale = Decimal(bar_width) / maximum if maximum > 0 else Decimal(0)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">',
        f"<title>{escape(title)}</title>",
    ]
    for index, (label, value, text) in enumerate(bars):
        y = top + index * row
        colour = (colours or {}).get(label, PALETTE[0])
        parts.append(
            f'<text x="{label_width - 6}" y="{y + 12}" text-anchor="end">{escape(label)}</text>'
            f'<rect x="{label_width}" y="{y + 2}" width="{_n(value * scale)}" height="{row - 5}" fill="{colour}"/>'
            f'<text x="{_n(label_width + value * scale + 4)}" y="{y + 12}">{escape(text)}</text>'
        )
    bottom = top + row * len(bars)
    for threshold in thresholds:
        x = _n(label_width + threshold * scale)
        parts.append(
            f'<line x1="{x}" y1="{top - 4}" x2="{x}" y2="{bottom}" stroke="#333" stroke-dasharray="3,3"/>'
            f'<text x="{x}" y="{top - 8}" text-anchor="middle">{escape(plain_number(threshold, lang))}</text>'
        )
    parts.append(
        f'<line x1="{label_width}" y1="{bottom}" x2="{label_width + bar_width}" y2="{bottom}" stroke="#000"/></svg>'
    )
    return "\n".join(parts)


@exact
def share_bars(rows: Sequence[tuple[str, Sequence[tuple[str, int | Decimal]]]], *, title: str = "") -> str:
    """One 100 % stacked bar per row ``(label, [(band label, percent), ...])``, with a legend."""
    label_width, bar_width, row, top = 160, 400, 26, 10
    legend = [label for label, _ in rows[0][1]] if rows else []
    height = top + row * len(rows) + 30
    width = label_width + bar_width + 20
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">',
        f"<title>{escape(title)}</title>",
    ]
    for index, (label, shares) in enumerate(rows):
        y = top + index * row
        parts.append(f'<text x="{label_width - 6}" y="{y + 15}" text-anchor="end">{escape(label)}</text>')
        x = Decimal(label_width)
        for position, (_band, percent) in enumerate(shares):
            w = Decimal(bar_width) * percent / 100
            if percent:
                colour = PALETTE[position % len(PALETTE)]
                parts.append(f'<rect x="{_n(x)}" y="{y + 3}" width="{_n(w)}" height="{row - 8}" fill="{colour}"/>')
                if percent >= 6:
                    parts.append(f'<text x="{_n(x + w / 2)}" y="{y + 16}" text-anchor="middle">{percent}%</text>')
            x += w
    legend_y = top + row * len(rows) + 12
    legend_x = label_width
    for position, label in enumerate(legend):
        colour = PALETTE[position % len(PALETTE)]
        parts.append(
            f'<rect x="{legend_x}" y="{legend_y}" width="10" height="10" fill="{colour}"/>'
            f'<text x="{legend_x + 14}" y="{legend_y + 9}">{escape(label)}</text>'
        )
        legend_x += 24 + 7 * len(label)
    parts.append("</svg>")
    return "\n".join(parts)
