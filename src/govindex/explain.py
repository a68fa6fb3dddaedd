"""Explanations (giải trình): how a number in a result came to be."""

from __future__ import annotations

from govindex.errors import UnknownNameError
from govindex.results import Result

__all__ = ["explain"]

_TEXT = {
    "en": {
        "total": "total",
        "given": "given as {value}",
        "sum": "sum of {parts} = {value}",
        "rule": "rule {rule} set {node} from {before} to {after}",
        "none": "not given",
        "band": "band {band}",
        "rank": "rank {rank} in group {group}",
        "max": "maximum {max}",
    },
    "vi": {
        "total": "tổng điểm",
        "given": "điểm đã chấm {value}",
        "sum": "tổng của {parts} = {value}",
        "rule": "quy tắc {rule} đặt {node} từ {before} thành {after}",
        "none": "chưa chấm",
        "band": "xếp loại {band}",
        "rank": "xếp hạng {rank} trong nhóm {group}",
        "max": "điểm tối đa {max}",
    },
}


def explain(result: Result, agency_id: str, node_id: str | None = None, *, lang: str = "en") -> str:
    """A readable account of the agency's score on ``node_id`` (default: the total)."""
    if lang not in _TEXT:
        raise UnknownNameError(f"unknown language {lang!r}; use 'en' or 'vi'")
    text = _TEXT[lang]
    row = result.agency(agency_id)
    group = result.rubric.group(row.agency.group)
    node = group.tree if node_id is None else result.rubric.node(group.id, node_id)
    name = node.name if lang == "vi" or not node.name_en else node.name_en
    lines = [f"{row.agency.name} ({row.agency.id}) - {node.id}: {name}, {text['max'].format(max=node.max_points)}"]
    value = row.scores[node.id]
    adjustments = result.adjustments_for(agency_id, node.id)
    if node.id in row.raw and not adjustments:
        lines.append("  " + text["given"].format(value=result.format(row.raw[node.id])))
    elif node.is_leaf and not adjustments:
        lines.append("  " + text["none"])
    for adj in adjustments:
        lines.append(
            "  "
            + text["rule"].format(
                rule=adj.rule, node=adj.node, before="-" if adj.before is None else adj.before, after=adj.after
            )
        )
        if adj.formula:
            lines.append(f"    {adj.formula}")
        if adj.legal_basis:
            lines.append(f"    {adj.legal_basis}")
    if node.children and node.id not in row.raw:
        parts = " + ".join(f"{child.id} {result.format(row.scores[child.id])}" for child in node.children)
        lines.append("  " + text["sum"].format(parts=parts, value=result.format(value)))
    if node is group.tree:
        if row.band is not None:
            lines.append(
                "  " + text["band"].format(band=row.band.label if lang == "vi" else row.band.label_en or row.band.id)
            )
        lines.append("  " + text["rank"].format(rank=row.rank, group=group.id))
    elif node.id in row.node_ranks:
        lines.append("  " + text["rank"].format(rank=row.node_ranks[node.id], group=group.id))
    return "\n".join(lines)
