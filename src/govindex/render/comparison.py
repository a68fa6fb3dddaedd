"""A comparison across years (so sánh qua các năm) as a table, as data and as a DataFrame.

One row per agency: its rank, score and band in each period, the places
gained (+) or lost (-) and the score change between them, and what happened
to it (merged, abolished, new...), worded from the catalogue. In Vietnamese
every agency is named; in English the ids stand as they are.

>>> from decimal import Decimal
>>> from govindex.comparison import Period, Standing, compare
>>> old = Period("2021", (Standing("a", "Sở A", "g", Decimal("70"), 2), Standing("b", "Sở B", "g", Decimal("80"), 1)))
>>> new = Period("2022", (Standing("a", "Sở A", "g", Decimal("90"), 1),))
>>> table = comparison_document(compare(old, new), "vi").table().shown("vi")
>>> table.headings("vi")
['Khối', 'Tên cơ quan', 'Xếp hạng 2021', 'Điểm 2021', 'Xếp loại 2021', 'Xếp hạng 2022', 'Điểm 2022', 'Xếp loại 2022', 'Số bậc thay đổi 2021→2022', 'Thay đổi điểm 2021→2022', 'Tình trạng']
>>> [row[-1] for row in table.text_rows("vi")]
['tiếp tục', 'không còn trong kết quả (không có trong kết quả sau)']
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from govindex.catalogue.notranked import NotRankedWords, ShareChangeWords
from govindex.catalogue.reports import Compared
from govindex.catalogue.words import HeadingText
from govindex.comparison import NoteKind, Status
from govindex.render.model import Cell, Column, Document, Table

if TYPE_CHECKING:
    import pandas as pd

    from govindex.comparison import Comparison, ComparisonRow, Note, Period, Standing, Step
    from govindex.ranking import Rank
    from govindex.shares import ShareChange

__all__ = ["comparison_data", "comparison_document", "comparison_frame", "status_text"]


class _Names:
    """Agencies and groups by name (in Vietnamese) or id (in English)."""

    def __init__(self, comparison: Comparison, lang: str) -> None:
        self.lang = lang
        self.agencies = {row.agency: row.name for row in comparison.rows}
        registry = comparison.registry
        if registry is not None:
            for record in registry.agencies:
                self.agencies.setdefault(record.id, record.name)
        self.groups: dict[str, str] = {}
        for period in comparison.periods:
            for group, (name, name_en) in period.group_names.items():
                self.groups[group] = (name_en or name) if lang == "en" else name

    def agency(self, agency_id: str | None) -> str:
        if agency_id is None:
            return "-"
        return self.agencies.get(agency_id, agency_id) if self.lang == "vi" else agency_id

    def listed(self, agencies: tuple[str, ...]) -> str:
        return ", ".join(self.agency(a) for a in agencies)

    def group(self, group_id: str) -> str:
        return self.groups.get(group_id, group_id)


def _step_words(step: Step, names: _Names) -> str:
    lang = names.lang
    status = step.status
    if status is Status.MERGED:
        entry = Compared.MERGED_ABSORBED if step.old is not None else Compared.MERGED_FORMED
        text = entry.text(lang, agencies=names.listed(step.predecessors))
    elif status is Status.MERGED_INTO:
        text = Compared.MERGED_INTO.text(lang, successor=names.agency(step.successor))
    elif status is Status.NEW and step.predecessors:
        text = Compared.NEW_SPLIT.text(lang, agencies=names.listed(step.predecessors))
    else:
        text = _PLAIN[status].text(lang)
    return Compared.WHEN.text(lang, status=text, when=step.when) if step.when else text


_PLAIN = {
    Status.CONTINUING: Compared.CONTINUING,
    Status.MERGED: Compared.MERGED_ABSORBED,
    Status.MERGED_INTO: Compared.MERGED_INTO,
    Status.ABOLISHED: Compared.ABOLISHED,
    Status.NEW: Compared.NEW,
    Status.ENTERED: Compared.ENTERED,
    Status.LEFT: Compared.LEFT,
    Status.ABSENT: Compared.ABSENT,
}

_NOTES: dict[NoteKind, Callable[[Note, _Names], str]] = {
    NoteKind.RENAMED: lambda n, w: Compared.RENAMED.text(w.lang, name=n.previous_name, when=n.when),
    NoteKind.SPLIT_OFF: lambda n, w: Compared.SPLIT_OFF.text(w.lang, agency=w.agency(n.agency), when=n.when),
    NoteKind.GROUP_CHANGED: lambda n, w: Compared.GROUP_CHANGED.text(
        w.lang, old=w.group(n.old or ""), new=w.group(n.new or "")
    ),
    NoteKind.SCALE_CHANGED: lambda n, w: Compared.SCALE_CHANGED.text(w.lang, old=n.old, new=n.new),
}


def note_text(note: Note, names: _Names) -> str:
    return _NOTES[note.kind](note, names)


def _step_text(step: Step, names: _Names) -> str:
    return "; ".join([_step_words(step, names), *(note_text(note, names) for note in step.notes)])


def status_text(comparison: Comparison, row: ComparisonRow, lang: str = "vi") -> str:
    """What happened to the agency, in words; with three periods or more each step that changed is named."""
    names = _Names(comparison, lang)
    return _status(comparison, row, names)


def _status(comparison: Comparison, row: ComparisonRow, names: _Names) -> str:
    if len(row.steps) == 1:
        text = _step_text(row.steps[0], names)
    else:
        text = " | ".join(_step_text(step, names) for step in row.changed) or Compared.CONTINUING.text(names.lang)
    unassessed = [
        Compared.NOT_ASSESSED.text(names.lang, period=label, reason=reason)
        for label, reason in comparison.standing_notes(row)
    ]
    unranked = [
        NotRankedWords.IN_PERIOD.text(names.lang, period=period.label, reason=standing.not_ranked)
        for period, standing in zip(comparison.periods, row.standings, strict=True)
        if standing is not None and standing.not_ranked
    ]
    return "; ".join([text, *unassessed, *unranked])


def _spans(periods: tuple[Period, ...]) -> list[tuple[Period, Period]]:
    spans = list(pairwise(periods))
    if len(periods) > 2:
        spans.append((periods[0], periods[-1]))
    return spans


def _columns(comparison: Comparison, lang: str) -> list[Column]:
    columns = [Column("group", key=True), Column("group_name"), Column("agency", key=True), Column("name")]
    for period in comparison.periods:
        label = period.label
        columns += [
            Column(f"rank {label}", HeadingText.RANK_IN.text(lang, period=label)),
            Column(f"score {label}", HeadingText.SCORE_IN.text(lang, period=label), period.decimals),
            Column(f"band {label}", HeadingText.BAND_IN.text(lang, period=label)),
        ]
    for old, new in _spans(comparison.periods):
        ids = f"{old.label}→{new.label}"
        columns += [
            Column(f"places {ids}", HeadingText.PLACES_BETWEEN.text(lang, old=old.label, new=new.label), signed=True),
            Column(
                f"change {ids}",
                HeadingText.CHANGE_BETWEEN.text(lang, old=old.label, new=new.label),
                comparison.change_decimals(old, new),
                signed=True,
            ),
        ]
    columns.append(Column("status"))
    return columns


def _band(standing: Standing, lang: str) -> str | None:
    if lang == "en":
        return standing.band_label_en or standing.band_label or standing.band
    return standing.band_label or standing.band


def _cells(comparison: Comparison, row: ComparisonRow, names: _Names) -> list[Cell]:
    cells: list[Cell] = [row.group, names.group(row.group), row.agency, row.name]
    for standing in row.standings:
        cells += (
            [None, None, None] if standing is None else [standing.rank, standing.score, _band(standing, names.lang)]
        )
    for step in row.steps:
        cells += [step.places, step.score_change]
    if len(comparison.periods) > 2:
        cells += [row.places, row.score_change]
    cells.append(_status(comparison, row, names))
    return cells


def _share_table(comparison: Comparison, names: _Names) -> Table | None:
    """Each band's share per period and its change in percentage points (điểm phần trăm), per group and for all
    groups together; the change of all groups worded in the notes ("giảm 33,34 điểm phần trăm")."""
    spans = comparison.share_changes
    if not spans:
        return None
    lang = names.lang
    rows: list[list[Cell]] = []
    notes: list[str] = []
    for span in spans:
        for change in span.changes:
            group = ShareChangeWords.ALL_GROUPS.text(lang) if change.group is None else names.group(change.group)
            band = (change.label_en or change.label) if lang == "en" else change.label
            rows.append([span.old, span.new, change.group or "", group, change.band, band, *_shares(change)])
            if change.group is None:
                notes.append(f"{span.old} → {span.new}: {change.describe(lang)}")
    columns = [
        Column("from", ShareChangeWords.FROM.text(lang)),
        Column("to", ShareChangeWords.TO.text(lang)),
        Column("group", key=True),
        Column("group_name"),
        Column("band_id", key=True),
        Column("band"),
        Column("share_before", ShareChangeWords.BEFORE.text(lang)),
        Column("share_after", ShareChangeWords.AFTER.text(lang)),
        Column("change_points", ShareChangeWords.CHANGE.text(lang), signed=True),
    ]
    title = ShareChangeWords.TITLE.text(lang)
    return Table("share_changes", columns, rows, title, notes, label=ShareChangeWords.SHORT.text(lang))


def _shares(change: ShareChange) -> list[Cell]:
    return [change.before, change.after, change.points]


def comparison_document(comparison: Comparison, lang: str = "vi") -> Document:
    """The comparison, one agency per row: rank, score and band per period, places and changes, status; then,
    between periods scored under the same bands, each band's share change in percentage points."""
    names = _Names(comparison, lang)
    rows = [_cells(comparison, row, names) for row in comparison.rows]
    periods = " → ".join(comparison.labels)
    table = Table("comparison", _columns(comparison, lang), rows, periods, label=Compared.TABLE.text(lang))
    shares = _share_table(comparison, names)
    return Document(Compared.TITLE.text(lang, periods=periods), (table,) if shares is None else (table, shares), lang)


# --- data and DataFrame ----------------------------------------------------------------------------


def _rank(value: Rank | None) -> int | str | None:
    return value if value is None or isinstance(value, int) else f"{value:f}"


def _standing_data(period: Period, item: Standing | None) -> dict[str, Any] | None:
    if item is None:
        return None
    data: dict[str, Any] = {
        "name": item.name,
        "group": item.group,
        "rank": _rank(item.rank),
        "score": None if item.score is None else period.format(item.score),
        "band": item.band,
    }
    if item.note is not None:
        data["note"] = item.note
    if item.not_ranked is not None:
        data["not_ranked"] = item.not_ranked
    return data


def _note_data(note: Note) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": note.kind.value}
    for name in ("agency", "previous_name", "when", "old", "new"):
        value = getattr(note, name)
        if value is not None:
            data[name] = value
    return data


def _step_data(old: Period, new: Period, step: Step) -> dict[str, Any]:
    return {
        "from": old.label,
        "to": new.label,
        "status": step.status.value,
        "places": _rank(step.places),
        "score_change": None if step.score_change is None else f"{step.score_change:f}",
        "band_change": step.band_change,
        "predecessors": list(step.predecessors),
        "successor": step.successor,
        "notes": [_note_data(note) for note in step.notes],
    }


def _row_data(comparison: Comparison, row: ComparisonRow) -> dict[str, Any]:
    periods = comparison.periods
    return {
        "agency": row.agency,
        "name": row.name,
        "group": row.group,
        "status": row.status.value,
        "predecessors": list(row.predecessors),
        "successor": row.successor,
        "places": _rank(row.places),
        "score_change": None if row.score_change is None else f"{row.score_change:f}",
        "band_change": row.band_change,
        "standings": {p.label: _standing_data(p, s) for p, s in zip(periods, row.standings, strict=True)},
        "steps": [_step_data(old, new, step) for (old, new), step in zip(pairwise(periods), row.steps, strict=True)],
    }


def _share_data(comparison: Comparison) -> list[dict[str, Any]]:
    return [
        {
            "from": span.old,
            "to": span.new,
            "group": change.group,
            "band": change.band,
            "share_before": f"{change.before:f}",
            "share_after": f"{change.after:f}",
            "change_percentage_points": f"{change.points:f}",
        }
        for span in comparison.share_changes
        for change in span.changes
    ]


def comparison_data(comparison: Comparison) -> dict[str, Any]:
    """JSON-ready data; scores and changes are strings, ranks integers (or strings when fractional);
    ``share_changes``: each band's share per period and its change in percentage points (``group`` null: all
    groups together)."""
    return {
        "periods": [{"label": p.label, "year": p.year, "source": p.source} for p in comparison.periods],
        "registry": None if comparison.registry is None else comparison.registry.id,
        "rows": [_row_data(comparison, row) for row in comparison.rows],
        "share_changes": _share_data(comparison),
    }


def _record(comparison: Comparison, row: ComparisonRow) -> dict[str, Any]:
    record: dict[str, Any] = {"agency": row.agency, "name": row.name, "group": row.group}
    for period, standing in zip(comparison.periods, row.standings, strict=True):
        record[f"rank {period.label}"] = None if standing is None else standing.rank
        record[f"score {period.label}"] = None if standing is None else standing.score
        record[f"band {period.label}"] = None if standing is None else standing.band
    record["places"] = row.places
    record["score_change"] = row.score_change
    record["band_change"] = row.band_change
    record["status"] = row.status.value
    record["predecessors"] = ", ".join(row.predecessors)
    record["successor"] = row.successor
    record["notes"] = "; ".join(f"{label}: {reason}" for label, reason in comparison.standing_notes(row)) or None
    return record


def comparison_frame(comparison: Comparison) -> pd.DataFrame:
    """The comparison as a pandas DataFrame indexed by agency (needs the ``pandas`` extra).

    Columns ``rank <label>``, ``score <label>``, ``band <label>`` per period,
    ``places``, ``score_change`` and ``band_change`` first to last,
    ``status`` (its code), ``predecessors``, ``successor`` and ``notes`` (why
    an agency listed in a period was not assessed). Scores stay
    :class:`~decimal.Decimal`; ranks are nullable integers.
    """
    from govindex._optional import require

    pandas = require("pandas", "pandas")
    records = [_record(comparison, row) for row in comparison.rows]
    columns: dict[str, list[Any]] = {}
    for record in records:
        for name, value in record.items():
            columns.setdefault(name, []).append(value)
    data: dict[str, Any] = {}
    for name, values in columns.items():
        whole = all(v is None or (isinstance(v, int) and not isinstance(v, bool)) for v in values)
        data[name] = pandas.array(values, dtype="Int64") if whole and any(v is not None for v in values) else values
    frame: pd.DataFrame = pandas.DataFrame(data)
    return frame.set_index("agency") if records else frame
