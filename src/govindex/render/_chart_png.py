"""Pictures of a document's charts for Word: the SVG of a :class:`~govindex.render.model.Figure`, drawn as PNG.

The charts of :mod:`govindex.render.svg` are made of a few SVG elements
(``rect``, ``line``, ``text``, a ``title``) in plain coordinates. This module
reads exactly those and draws the same shapes with matplotlib (extra
``plot``) at the size a browser shows them (one SVG pixel is 1/96 inch),
192 dots per inch, so the Word appendix carries the chart the HTML page
shows. Anything else in the SVG (a transform, a path, a ``tspan``) is not
guessed at: the chart is reported as not drawable, with the element named.

A chart taller than a page is cut into page-high pictures between its rows,
never through a bar or a label; a chart that would need more than a few
pages is refused (its figures are in the table it illustrates). Each refusal
is a :class:`NotDrawn` whose words the Word writer prints in place of the
picture, so a chart is never dropped silently.

Points become floats only here, to be drawn.
"""

from __future__ import annotations

import bisect
import io
import itertools
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import attrs

from govindex._optional import require
from govindex.catalogue.docx import DocxWords
from govindex.errors import MissingDependencyError

__all__ = ["EMU_PER_PX", "NotDrawn", "Picture", "chart_pictures"]

#: English Metric Units per CSS pixel (914,400 per inch, 96 pixels per inch).
EMU_PER_PX = 9525
#: Dots per inch of the pictures: two image pixels per SVG pixel, sharp when printed.
DPI = 192
_SVG = "{http://www.w3.org/2000/svg}"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"\s+")
_NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)(?:px)?")
_ANCHORS = {"start": "left", "middle": "center", "end": "right"}
#: Attributes read per element (inherited ones pass from ``svg`` and ``g`` to what they hold); any other is refused.
_INHERITED = {
    "fill",
    "stroke",
    "stroke-width",
    "stroke-dasharray",
    "font-size",
    "font-weight",
    "font-family",
    "text-anchor",
}
_IGNORED = {"role", "class", "id", "aria-label", "aria-labelledby", "aria-hidden", "version"}
_ALLOWED = {
    "svg": {"width", "height", "viewBox"},
    "g": set(),
    "rect": {"x", "y", "width", "height"},
    "line": {"x1", "y1", "x2", "y2"},
    "text": {"x", "y"},
}


class NotDrawn(Exception):
    """Why a chart has no picture: a catalogue entry and its parameters (the caption is added by the writer)."""

    def __init__(self, reason: DocxWords, **params: Any) -> None:
        super().__init__(reason.code)
        self.reason = reason
        self.params = params

    def text(self, lang: str, caption: str) -> str:
        """The notice printed in place of the picture."""
        return self.reason.text(lang, caption=caption, **self.params)


@attrs.frozen
class Picture:
    """One PNG picture and its size in the document (EMU)."""

    png: bytes
    width: int
    height: int


@attrs.frozen
class _Shape:
    """A shape to draw: its kind, its vertical extent (SVG units) and what matplotlib needs."""

    kind: str
    top: float  # float-ok: drawing only
    bottom: float  # float-ok: drawing only
    values: tuple[float, ...]  # float-ok: drawing only
    style: Mapping[str, str]
    text: str = ""


@attrs.frozen
class _Drawing:
    left: float  # float-ok: drawing only
    top: float  # float-ok: drawing only
    width: float  # float-ok: drawing only
    height: float  # float-ok: drawing only
    pixels: float  # float-ok: drawing only (CSS pixels per SVG unit)
    shapes: tuple[_Shape, ...]


def _undrawable(element: str) -> NotDrawn:
    return NotDrawn(DocxWords.FIGURE_UNDRAWABLE, element=element)


def _number(value: str | None, element: str) -> float:  # float-ok: drawing only
    if value is None or not _NUMBER.fullmatch(value.strip()):
        raise _undrawable(f"<{element}> {value!r}")
    return float(value.strip().removesuffix("px"))  # float-ok: drawing only


def _local(tag: str) -> str:
    return tag[len(_SVG) :] if tag.startswith(_SVG) else tag


def _style(element: ET.Element, name: str, inherited: Mapping[str, str]) -> dict[str, str]:
    style = dict(inherited)
    for key, value in element.attrib.items():
        if key in _INHERITED:
            style[key] = value
        elif key not in _ALLOWED[name] and key not in _IGNORED:
            raise _undrawable(f"<{name} {key}>")
    return style


def _shape(element: ET.Element, name: str, style: Mapping[str, str]) -> _Shape:
    size = _number(style.get("font-size", "16"), name)
    if name == "rect":
        x, y, w, h = (_number(element.get(k), name) for k in ("x", "y", "width", "height"))
        return _Shape("rect", y, y + h, (x, y, w, h), style)
    if name == "line":
        x1, y1, x2, y2 = (_number(element.get(k), name) for k in ("x1", "y1", "x2", "y2"))
        half = _number(style.get("stroke-width", "1"), name) / 2
        return _Shape("line", min(y1, y2) - half, max(y1, y2) + half, (x1, y1, x2, y2), style)
    x, y = _number(element.get("x", "0"), name), _number(element.get("y", "0"), name)
    text = _SPACES.sub(" ", "".join(element.itertext())).strip()
    return _Shape("text", y - size, y + size * 0.3, (x, y, size), style, text)


def _shapes(element: ET.Element, inherited: Mapping[str, str]) -> Iterator[_Shape]:
    for child in element:
        name = _local(child.tag)
        if name in {"title", "desc"}:
            continue
        if name not in _ALLOWED or name == "svg":
            raise _undrawable(f"<{name}>")
        style = _style(child, name, inherited)
        if name == "g":
            yield from _shapes(child, style)
        elif name == "text" and len(child):
            raise _undrawable(f"<{_local(child[0].tag)}>")
        else:
            yield _shape(child, name, style)


def _root(svg: str) -> ET.Element:
    """The ``svg`` element alone (its attributes), read without parsing what it holds."""
    parser: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("start",))
    end = svg.find(">", svg.find("<svg"))
    try:
        parser.feed(svg[: end + 1] if end >= 0 else svg)
        for event in parser.read_events():
            element = event[-1] if isinstance(event, tuple) else None
            if isinstance(element, ET.Element):
                return element
    except ET.ParseError as error:
        raise _undrawable(f"SVG: {error}") from None
    raise _undrawable("SVG")


def _frame(root: ET.Element) -> tuple[float, float, float, float, float]:  # float-ok: drawing only
    """The view box (left, top, width, height) and the CSS pixels per unit of an ``svg`` element."""
    if _local(root.tag) != "svg":
        raise _undrawable(f"<{_local(root.tag)}>")
    width, height = _number(root.get("width"), "svg"), _number(root.get("height"), "svg")
    box = (root.get("viewBox") or f"0 0 {width} {height}").replace(",", " ").split()
    if len(box) != 4:
        raise _undrawable(f"<svg viewBox> {root.get('viewBox')!r}")
    left, top, box_width, box_height = (_number(value, "svg") for value in box)
    if min(width, height, box_width, box_height) <= 0:
        raise _undrawable(f"<svg> {width}×{height}")
    return left, top, box_width, box_height, width / box_width


def _read(svg: str) -> _Drawing:
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as error:
        raise _undrawable(f"SVG: {error}") from None
    left, top, width, height, pixels = _frame(root)
    return _Drawing(left, top, width, height, pixels, tuple(_shapes(root, _style(root, "svg", {}))))


def _cuts(drawing: _Drawing, window: float) -> list[float]:  # float-ok: drawing only
    """Where the pictures of a tall drawing end: at most ``window`` apart, between shapes where possible."""
    spans: list[list[float]] = []  # float-ok: drawing only
    for top, bottom in sorted((s.top, s.bottom) for s in drawing.shapes if s.bottom - s.top < window / 2):
        if spans and top < spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], bottom)
        else:
            spans.append([top, bottom])
    tops = [span[0] for span in spans]
    end = drawing.top + drawing.height
    cuts = [drawing.top]
    while end - cuts[-1] > window:
        limit = cuts[-1] + window
        at = bisect.bisect_right(tops, limit) - 1
        cut = spans[at][0] if at >= 0 and spans[at][0] < limit < spans[at][1] else limit
        cuts.append(cut if cut > cuts[-1] + window / 4 else limit)
    cuts.append(end)
    return cuts


@attrs.frozen
class _Tools:
    figure: Any
    canvas: Any
    rectangle: Any


@contextmanager
def _matplotlib() -> Iterator[_Tools]:
    """matplotlib's Figure, Agg canvas and Rectangle, with its default settings whatever the caller changed."""
    try:
        matplotlib = require("matplotlib", "plot")
        figure = require("matplotlib.figure", "plot")
        agg = require("matplotlib.backends.backend_agg", "plot")
        patches = require("matplotlib.patches", "plot")
    except MissingDependencyError:
        raise NotDrawn(DocxWords.FIGURE_NEEDS_PLOT) from None
    with matplotlib.rc_context():
        matplotlib.rcdefaults()
        matplotlib.rcParams.update({"font.family": "sans-serif", "font.sans-serif": ["DejaVu Sans"]})
        yield _Tools(figure.Figure, agg.FigureCanvasAgg, patches.Rectangle)


def _colour(value: str | None, default: str) -> str:
    return default if value is None else value


def _dashes(style: Mapping[str, str], points: float, width: float) -> tuple[float, ...]:  # float-ok: drawing only
    """A dash pattern in line widths (as matplotlib scales it) from SVG units."""
    values = [v for v in re.split(r"[ ,]+", style.get("stroke-dasharray", "").strip()) if v and v != "none"]
    return tuple(_number(v, "line") * points / max(width, 0.01) for v in values)


def _draw(axes: Any, shape: _Shape, points: float, tools: _Tools) -> None:  # float-ok: drawing only
    """One shape on ``axes`` (SVG units); ``points`` is the size of one unit in points."""
    style = shape.style
    width = _number(style.get("stroke-width", "1"), shape.kind) * points
    if shape.kind == "rect":
        x, y, w, h = shape.values
        stroke = _colour(style.get("stroke"), "none")
        fill = _colour(style.get("fill"), "black")
        axes.add_patch(tools.rectangle((x, y), w, h, facecolor=fill, edgecolor=stroke, linewidth=width))
    elif shape.kind == "line":
        x1, y1, x2, y2 = shape.values
        dashes = _dashes(style, points, width)
        axes.plot(
            [x1, x2],
            [y1, y2],
            color=_colour(style.get("stroke"), "none"),
            linewidth=width,
            linestyle=(0, tuple(dashes)) if dashes else "solid",
            solid_capstyle="butt",
            dash_capstyle="butt",
        )
    else:
        x, y, size = shape.values
        axes.text(
            x,
            y,
            shape.text,
            ha=_ANCHORS.get(style.get("text-anchor", "start"), "left"),
            va="baseline",
            fontsize=size * points,
            fontweight="bold" if style.get("font-weight") in {"bold", "700"} else "normal",
            color=_colour(style.get("fill"), "black"),
            parse_math=False,
            clip_on=True,
        )


def _png(tools: _Tools, drawing: _Drawing, top: float, bottom: float, scale: float) -> bytes:  # float-ok: drawing
    """One picture: the part of ``drawing`` from ``top`` to ``bottom`` (SVG units), as PNG."""
    inches = drawing.pixels * scale / 96
    figure = tools.figure(figsize=(drawing.width * inches, (bottom - top) * inches), dpi=DPI)
    tools.canvas(figure)
    axes = figure.add_axes((0.0, 0.0, 1.0, 1.0))
    axes.set_axis_off()
    axes.set_xlim(drawing.left, drawing.left + drawing.width)
    axes.set_ylim(bottom, top)
    points = inches * 72
    for shape in drawing.shapes:
        if shape.bottom > top and shape.top < bottom:
            _draw(axes, shape, points, tools)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, facecolor="white", metadata={"Software": None})
    return buffer.getvalue()


def chart_pictures(svg: str, *, max_width: int, page_height: int, max_pages: int) -> tuple[Picture, ...]:
    """The pictures of one chart: at most ``max_width`` EMU wide, each at most ``page_height`` EMU high.

    Raises :class:`NotDrawn` when the SVG holds what this module does not draw,
    when the chart would need more than ``max_pages`` pictures, or when
    matplotlib is not installed.
    """
    svg = _NOT_XML.sub("\ufffd", svg)
    _left, _top, width, height, pixels = _frame(_root(svg))
    scale = min(1.0, max_width / (width * pixels * EMU_PER_PX))
    emu = pixels * EMU_PER_PX * scale
    window = page_height / emu
    if math.ceil(height / window) > max_pages:  # known from the size alone: nothing more is read
        raise NotDrawn(DocxWords.FIGURE_TOO_LONG, pages=math.ceil(height / window), limit=max_pages)
    drawing = _read(svg)
    cuts = _cuts(drawing, window)
    if len(cuts) - 1 > max_pages:
        raise NotDrawn(DocxWords.FIGURE_TOO_LONG, pages=len(cuts) - 1, limit=max_pages)
    with _matplotlib() as tools:
        return tuple(
            Picture(_png(tools, drawing, top, bottom, scale), round(width * emu), round((bottom - top) * emu))
            for top, bottom in itertools.pairwise(cuts)
        )
