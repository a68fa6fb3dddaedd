"""Charts (biểu đồ) with matplotlib (extra ``plot``): bands per group, rankings, rank movement.

Every function returns a :class:`matplotlib.figure.Figure` built without
pyplot, so nothing needs a display and no global state changes; save it with
:func:`save_figure` (PNG or SVG) or show it in Jupyter. Text is set in DejaVu
Sans, which has every Vietnamese glyph.

Every chart takes ``lang``: Vietnamese (the default) titles, labels and
legends with decimal commas, or English with decimal points; the words come
from the catalogue (:class:`~govindex.catalogue.reports.Chart`). Names are
drawn with control characters made visible (U+FFFD).

Points become floats only here, to be drawn.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govindex._optional import require
from govindex.catalogue import number
from govindex.catalogue.hostile import system_reason
from govindex.catalogue.render import RenderError
from govindex.catalogue.reports import Chart
from govindex.errors import FileFormatError, InputError, check_lang
from govindex.ranking import Rank
from govindex.render.safe import one_line
from govindex.render.wording import named
from govindex.results import Result
from govindex.stats import Statistics, statistics

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from govindex.bands import Band, BandScheme
    from govindex.results import AgencyResult
    from govindex.rubric import Group

__all__ = ["BAND_COLOURS", "band_distribution", "format_for_chart", "ranking_chart", "save_figure", "slope_chart"]

#: Colours of the usual four bands; other band ids take colours from :data:`_PALETTE`.
BAND_COLOURS = {"good": "#1a9850", "fair": "#4575b4", "average": "#f4a582", "weak": "#d73027"}
_PALETTE = ("#1b9e77", "#7570b3", "#e6ab02", "#d95f02", "#66a61e", "#a6761d", "#e7298a", "#666666")
_NO_BAND = "#999999"
_FORMATS = {".png": "png", ".svg": "svg"}
_STYLE: dict[str, Any] = {
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "svg.hashsalt": "govindex",
    "svg.fonttype": "path",
}


@contextmanager
def _style() -> Iterator[Any]:
    matplotlib = require("matplotlib", "plot")
    with matplotlib.rc_context(_STYLE):
        yield matplotlib


def _figure(width: float, height: float) -> Figure:  # float-ok: figure size in inches
    figure_module = require("matplotlib.figure", "plot")
    figure: Figure = figure_module.Figure(figsize=(width, height), layout="constrained")
    return figure


def _colours(band_ids: Sequence[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    spare = iter(_PALETTE)
    for band_id in band_ids:
        out[band_id] = BAND_COLOURS.get(band_id) or next(spare, _NO_BAND)
    return out


def _number(value: Decimal | int) -> float:  # float-ok: drawing only
    return float(value)  # float-ok: drawing only


def _text(value: Decimal | int, lang: str) -> str:
    """A rank or a number as the chart writes it: a decimal comma in Vietnamese."""
    return number(value, lang)


def _band_name(band: Band, lang: str) -> str:
    return one_line((band.label_en or band.label) if lang == "en" else band.label)


def _ticks(axes: Axes, lang: str, *axis: str) -> None:
    """Tick labels written for the language (``2,5`` in Vietnamese), whole numbers where counts are shown."""
    ticker = require("matplotlib.ticker", "plot")

    def label(value: float, _position: int) -> str:  # float-ok: a tick's position
        text = f"{value:g}"
        return text.replace(".", ",") if lang == "vi" else text

    for name in axis:
        getattr(axes, f"{name}axis").set_major_formatter(ticker.FuncFormatter(label))


def _stacks(axes: Axes, stats: Statistics, scheme: BandScheme, shares: bool, lang: str) -> None:
    """One stacked bar per group (and the overall bar last), worst band at the bottom."""
    values = [dict(g.band_shares if shares else g.band_counts) for g in stats.groups]
    if len(stats.groups) > 1:
        values.append(dict(stats.band_shares if shares else stats.band_counts))
    colours = _colours(scheme.ids)
    bottoms = [0.0] * len(values)
    positions = list(range(len(values)))
    for band in reversed(scheme.bands):
        heights = [_number(v[band.id]) for v in values]
        bars = axes.bar(
            positions,
            heights,
            bottom=bottoms,
            color=colours[band.id],
            label=_band_name(band, lang),
            edgecolor="white",
            width=0.6,
        )
        texts = [
            (Chart.SHARE.text(lang, share=v[band.id]) if shares else str(v[band.id])) if v[band.id] else ""
            for v in values
        ]
        axes.bar_label(bars, labels=texts, label_type="center", fontsize=9)
        bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]


def band_distribution(
    data: Result | Statistics, *, shares: bool = False, title: str | None = None, lang: str = "vi"
) -> Figure:
    """Stacked bars of the band counts (or shares, in %) per group, with the overall bar last.

    >>> from govindex import load_dataset, load_rubric, score
    >>> result = score(load_rubric("sonla-2017-it"), load_dataset("sonla-2017-it").assessments())
    >>> band_distribution(result).axes[0].get_xticklabels()[0].get_text()
    'Sở, ban, ngành cấp tỉnh'
    """
    check_lang(lang)
    stats = data if isinstance(data, Statistics) else statistics(data)
    rubric = stats.rubric
    scheme = rubric.bands
    if scheme is None:
        raise InputError(RenderError.CHART_NO_BANDS, rubric=repr(rubric.id))
    labels = [one_line(named(rubric.group(g.group), lang)) for g in stats.groups]
    if len(stats.groups) > 1:
        labels.append(Chart.OVERALL.text(lang))
    with _style():
        figure = _figure(max(7.0, 1.6 * len(labels) + 3.5), 4.2)
        axes = figure.subplots()
        _stacks(axes, stats, scheme, shares, lang)
        axes.set_xticks(list(range(len(labels))), labels)
        axes.set_ylabel((Chart.SHARE_AXIS if shares else Chart.COUNT_AXIS).text(lang))
        _ticks(axes, lang, "y")
        rubric_title = (rubric.title_en or rubric.title) if lang == "en" else rubric.title
        axes.set_title(one_line(title or Chart.BANDS_TITLE.text(lang, rubric=rubric_title)), fontsize=11)
        handles, names = axes.get_legend_handles_labels()
        axes.legend(handles[::-1], names[::-1], loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
        axes.spines[["top", "right"]].set_visible(False)
    return figure


def _panel(axes: Axes, result: Result, group: Group, rows: Sequence[AgencyResult], lang: str) -> None:
    """One group's bars: the totals, best at the top, coloured by band, with the band thresholds."""
    scheme = result.rubric.bands
    colours = _colours(scheme.ids if scheme else ())
    names = [one_line(Chart.RANKED.text(lang, rank=_text(row.rank, lang), name=row.agency.name)) for row in rows]
    bar_colours = [_NO_BAND if row.band is None else colours[row.band.id] for row in rows]
    positions = list(range(len(rows)))
    bars = axes.barh(positions, [_number(row.total) for row in rows], color=bar_colours, height=0.7)
    axes.bar_label(bars, labels=[_text(row.total, lang) for row in rows], padding=3, fontsize=8)
    axes.set_yticks(positions, names, fontsize=8)
    axes.invert_yaxis()
    top = _number(group.tree.max_points)
    axes.set_xlim(0, top * 1.08 if top else 1)
    _ticks(axes, lang, "x")
    if scheme is not None:
        for band in scheme.bands[:-1]:
            axes.axvline(_number(band.lower), color=colours[band.id], linestyle=":", linewidth=1)
    axes.set_title(one_line(named(group, lang)), fontsize=10, loc="left")
    axes.spines[["top", "right"]].set_visible(False)


def ranking_chart(result: Result, group: str | None = None, *, title: str | None = None, lang: str = "vi") -> Figure:
    """Horizontal bars of the totals, best at the top, coloured by band, one panel per group.

    ``group`` limits the chart to one ranking group. Band thresholds are
    drawn as dotted lines.
    """
    check_lang(lang)
    rubric = result.rubric
    groups = [rubric.group(group)] if group is not None else list(rubric.groups)
    panels = [(g, rows) for g in groups if (rows := result.group(g.id))]
    if not panels:
        raise InputError(RenderError.CHART_NOTHING, group=group)
    scheme = rubric.bands
    with _style():
        heights = [max(1.5, 0.32 * len(rows) + 0.9) for _, rows in panels]
        figure = _figure(9.0, sum(heights) + 0.6)
        axes_list = figure.subplots(len(panels), 1, squeeze=False, height_ratios=heights)[:, 0]
        for axes, (grp, rows) in zip(axes_list, panels, strict=True):
            _panel(axes, result, grp, rows, lang)
        if scheme is not None:
            patches = require("matplotlib.patches", "plot")
            colours = _colours(scheme.ids)
            handles = [patches.Patch(color=colours[b.id], label=_band_name(b, lang)) for b in scheme.bands]
            figure.legend(handles=handles, loc="outside lower center", ncols=len(handles), frameon=False)
        rubric_title = (rubric.title_en or rubric.title) if lang == "en" else rubric.title
        figure.suptitle(one_line(title or Chart.RANKING_TITLE.text(lang, rubric=rubric_title)))
    return figure


def _check_movements(movements: Sequence[tuple[str, Rank | None, Rank | None]]) -> None:
    if not movements:
        raise InputError(RenderError.CHART_NO_MOVEMENT)
    for entry in movements:
        if len(entry) != 3:
            raise InputError(RenderError.CHART_MOVEMENT_SHAPE, value=repr(entry))
        name, old, new = entry
        if old is None and new is None:
            raise InputError(RenderError.CHART_NO_RANK, agency=str(name))
        for value in (old, new):
            if value is not None and (isinstance(value, bool) or not isinstance(value, (int, Decimal)) or value < 1):
                raise InputError(RenderError.CHART_BAD_RANK, value=repr(value), agency=str(name))


def _movement(axes: Axes, name: str, old: Rank | None, new: Rank | None, lang: str) -> None:
    """One agency's line (or point) and its labels on either side."""
    if old is not None and new is not None:
        colour = "#1a9850" if new < old else "#d73027" if new > old else "#666666"
        axes.plot([0, 1], [_number(old), _number(new)], color=colour, marker="o", linewidth=1.5)
    elif old is not None:
        axes.plot([0], [_number(old)], color="#999999", marker="o")
    elif new is not None:
        axes.plot([1], [_number(new)], color="#4575b4", marker="o")
    label = one_line(name)
    if old is not None:
        axes.text(-0.04, _number(old), f"{label} ({_text(old, lang)})", ha="right", va="center", fontsize=8)
    if new is not None:
        axes.text(1.04, _number(new), f"({_text(new, lang)}) {label}", ha="left", va="center", fontsize=8)


def slope_chart(
    movements: Sequence[tuple[str, Rank | None, Rank | None]],
    *,
    labels: tuple[str, str] | None = None,
    title: str | None = None,
    lang: str = "vi",
) -> Figure:
    """Rank movement between two rankings (plain data, any source).

    ``movements`` holds ``(label, old_rank, new_rank)``; a ``None`` rank is an
    agency absent from that ranking (new, merged or abolished) and is drawn
    as a single point. Rank 1 is at the top; a line going up is a gain.
    ``labels`` name the two sides (by default "Trước" and "Sau").

    >>> figure = slope_chart([("Sở Nội vụ", 2, 1), ("Sở Y tế", 1, 3), ("Sở Công Thương", None, 2)],
    ...                      labels=("2023", "2024"))
    >>> [t.get_text() for t in figure.axes[0].get_xticklabels()]
    ['2023', '2024']
    """
    check_lang(lang)
    _check_movements(movements)
    sides = labels or (Chart.BEFORE.text(lang), Chart.AFTER.text(lang))
    worst = max(_number(r) for _, old, new in movements for r in (old, new) if r is not None)
    with _style():
        figure = _figure(7.5, max(3.0, 0.3 * len(movements) + 1.4))
        axes = figure.subplots()
        for name, old, new in movements:
            _movement(axes, name, old, new, lang)
        axes.set_xlim(-0.9, 1.9)
        axes.set_ylim(worst + 0.7, 0.3)
        axes.set_xticks([0, 1], [one_line(side) for side in sides])
        axes.set_yticks([])
        axes.spines[["top", "right", "left"]].set_visible(False)
        axes.set_title(one_line(title or Chart.MOVEMENT_TITLE.text(lang, old=sides[0], new=sides[1])))
    return figure


def format_for_chart(path: str | Path) -> str:
    """``png`` or ``svg``, by the file's extension; any other is refused."""
    suffix = Path(path).suffix.lower()
    if suffix not in _FORMATS:
        raise FileFormatError(RenderError.CHART_FORMAT, suffix=repr(suffix or "(none)"), file=str(path))
    return _FORMATS[suffix]


def save_figure(figure: Figure, path: str | Path, *, dpi: int = 150, overwrite: bool = False) -> None:
    """Save a chart as PNG or SVG, by the file's extension; an existing file is refused unless ``overwrite``."""
    fmt = format_for_chart(path)
    if not overwrite and Path(path).exists():
        raise FileFormatError(RenderError.EXISTS, file=str(path))
    suffix = Path(path).suffix.lower()
    metadata: dict[str, Any] = {"Software": None} if suffix == ".png" else {"Date": None, "Creator": None}
    with _style():
        try:
            figure.savefig(path, format=fmt, dpi=dpi, metadata=metadata)
        except OSError as error:
            raise FileFormatError(
                RenderError.CHART_CANNOT_WRITE, reason=system_reason(error), file=str(path)
            ) from None
