"""Explanations (giải trình): how a number in a result came to be.

:func:`explain` (also :meth:`Result.explain <govindex.results.Result.explain>`)
tells, for one agency and one node (default: the total), in English or
Vietnamese: the score as given, or the sum of its children with their
numbers; for a measured leaf, what the agency reported and how it gives
the points (``95/120 = 0,7917 × 2 = 1,58``); every rule that set or changed it, with the reason, the formula
with the actual numbers, the inputs and the legal basis; the rules that
changed a score below it; and for the total its band, rank and the
published scale.
"""

from __future__ import annotations

from decimal import Decimal

from govindex.errors import GovIndexError, UnknownNameError
from govindex.points import exact
from govindex.results import AgencyResult, NotAssessed, Result
from govindex.rubric import LegalBasis, Node
from govindex.rules import Adjustment

__all__ = ["LANGUAGES", "cite", "explain"]

#: The languages an explanation can be written in.
LANGUAGES = ("en", "vi")

_TEXT = {
    "en": {
        "heading": "{name} ({id}), group {group}",
        "node": "{id}: {name}, maximum {max}",
        "given": "given: {value}",
        "measured": "measured: {formula}",
        "given_whole": "given as a whole: {value} (its sub-criteria are not given separately)",
        "not_given": "not given",
        "no_score": "no score of its own: {parent} was given as a whole",
        "rule": "rule {rule}: {before} → {after}",
        "not_applied": "rule {rule} could not apply: {reason}",
        "why": "why: {text}",
        "formula": "formula: {text}",
        "inputs": "inputs: {text}",
        "basis": "legal basis: {text}",
        "sum": "sum of its {count} children: {parts} = {value}",
        "below": "changed by rules below it:",
        "below_item": "{node}: {before} → {after} ({rule})",
        "score": "score: {value}",
        "band": "band: {label} ({other}), {interval}",
        "rank": "rank: {rank} in group {group}",
        "scale": "published {label}: {formula} (rule {rule})",
        "published": "published {label}: {formula}",
        "view": "view {id}: {name}: {parts} = {points} of {max}",
        "view_value": "published {label}: {formula}; rank {rank} in group {group}",
        "view_heading": "view {id}: {name}, nodes {nodes}, maximum {max}",
        "view_missing": "no score: not every node of the view has one",
        "none": "-",
        "not_assessed": "{name} ({id}), group {group}: not assessed: {reason} (rule {rule})",
    },
    "vi": {
        "heading": "{name} ({id}), nhóm {group}",
        "node": "{id}: {name}, điểm tối đa {max}",
        "given": "điểm đã chấm: {value}",
        "measured": "số liệu: {formula}",
        "given_whole": "chấm chung cả tiêu chí: {value} (không chấm riêng các tiêu chí thành phần)",
        "not_given": "chưa chấm",
        "no_score": "không có điểm riêng: {parent} được chấm chung",
        "rule": "quy tắc {rule}: {before} → {after}",
        "not_applied": "quy tắc {rule} không áp dụng được: {reason}",
        "why": "lý do: {text}",
        "formula": "công thức: {text}",
        "inputs": "số liệu: {text}",
        "basis": "căn cứ: {text}",
        "sum": "tổng {count} tiêu chí con: {parts} = {value}",
        "below": "điểm được điều chỉnh ở các tiêu chí con:",
        "below_item": "{node}: {before} → {after} ({rule})",
        "score": "điểm: {value}",
        "band": "xếp loại: {label} ({other}), {interval}",
        "rank": "xếp hạng: {rank} trong nhóm {group}",
        "scale": "công bố theo thang {label}: {formula} (quy tắc {rule})",
        "published": "công bố theo thang {label}: {formula}",
        "view": "chỉ số tổng hợp {id}: {name}: {parts} = {points} trên {max}",
        "view_value": "công bố theo thang {label}: {formula}; xếp hạng {rank} trong nhóm {group}",
        "view_heading": "chỉ số tổng hợp {id}: {name}, gồm {nodes}, điểm tối đa {max}",
        "view_missing": "chưa có điểm: không phải mọi chỉ số của nó đều có điểm",
        "none": "-",
        "not_assessed": "{name} ({id}), nhóm {group}: không đánh giá: {reason} (quy tắc {rule})",
    },
}


def cite(basis: LegalBasis, lang: str = "en") -> str:
    """A legal basis as a reader cites it, in ``lang``.

    >>> import datetime as dt
    >>> basis = LegalBasis("922/QĐ-BTTTT", dt.date(2022, 5, 20), "Bộ Thông tin và Truyền thông")
    >>> cite(basis)
    'Decision 922/QĐ-BTTTT of 2022-05-20 (Bộ Thông tin và Truyền thông)'
    >>> cite(basis, "vi")
    'Quyết định số 922/QĐ-BTTTT ngày 20/5/2022 của Bộ Thông tin và Truyền thông'

    A basis that is not a numbered decision is cited as it is named:

    >>> cite(LegalBasis("PAR INDEX 2022", dt.date(2023, 4, 19), "Bộ Nội vụ"), "vi")
    'PAR INDEX 2022 ngày 19/4/2023 của Bộ Nội vụ'

    A decision whose date the sources do not give is cited by its year:

    >>> cite(LegalBasis("1287/QĐ-UBND", None, "UBND tỉnh Sơn La", year=2024), "vi")
    'Quyết định số 1287/QĐ-UBND năm 2024 của UBND tỉnh Sơn La'
    """
    article = f", {basis.article}" if basis.article else ""
    numbered = "/" in basis.decision
    date = basis.date
    if lang != "vi":
        return basis.cite() if numbered else f"{basis.decision} of {basis.when} ({basis.issuer}){article}"
    head = f"Quyết định số {basis.decision}" if numbered else basis.decision
    if date is not None:
        when = f"ngày {date.day}/{date.month}/{date.year}"
    else:
        when = f"năm {basis.year}" if basis.year is not None else "(không rõ ngày)"
    return f"{head} {when} của {basis.issuer}{article}"


def _check_lang(lang: str) -> dict[str, str]:
    if lang not in _TEXT:
        raise UnknownNameError(f"unknown language {lang!r}; use {' or '.join(repr(code) for code in LANGUAGES)}")
    return _TEXT[lang]


def _fmt(result: Result, value: Decimal | None, none: str) -> str:
    if value is None:
        return none
    try:
        return result.format(value)
    except GovIndexError:
        return f"{value:f}"


def _name(node_name: str, node_name_en: str | None, lang: str) -> str:
    if lang == "vi" or not node_name_en:
        return node_name
    return f"{node_name_en} ({node_name})"


def _adjustment_lines(result: Result, adj: Adjustment, text: dict[str, str], lang: str) -> list[str]:
    none = text["none"]
    lines = [
        "  "
        + text["rule"].format(rule=adj.rule, before=_fmt(result, adj.before, none), after=_fmt(result, adj.after, none))
    ]
    reason = adj.reason_in(lang)
    if reason:
        lines.append("    " + text["why"].format(text=reason))
    if adj.formula:
        lines.append("    " + text["formula"].format(text=adj.formula))
    if adj.inputs:
        shown = ", ".join(f"{key} = {value}" for key, value in adj.inputs.items())
        lines.append("    " + text["inputs"].format(text=shown))
    if adj.legal_basis is not None:
        lines.append("    " + text["basis"].format(text=cite(adj.legal_basis, lang)))
    return lines


def _not_assessed(result: Result, skipped: NotAssessed, text: dict[str, str], lang: str) -> str:
    agency = skipped.agency
    line = text["not_assessed"].format(
        name=agency.name, id=agency.id, group=agency.group, reason=skipped.reason, rule=skipped.rule
    )
    for ref in result.rubric.rules:
        if ref.name == skipped.rule and ref.legal_basis is not None:
            return line + "\n  " + text["basis"].format(text=cite(ref.legal_basis, lang))
    return line


def _parent_given(row: AgencyResult, tree: Node, node_id: str) -> str | None:
    """The nearest ancestor of ``node_id`` that was scored as a whole."""
    path: list[Node] = []

    def find(node: Node) -> bool:
        if node.id == node_id:
            return True
        path.append(node)
        if any(find(child) for child in node.children):
            return True
        path.pop()
        return False

    find(tree)
    for ancestor in reversed(path):
        if ancestor.id in row.scores:
            return ancestor.id
    return None


@exact
def explain(result: Result, agency_id: str, node_id: str | None = None, *, lang: str = "en") -> str:
    """A readable account of the agency's score on ``node_id`` (default: the total).

    ``lang`` is ``"en"`` or ``"vi"``. An agency that a rule kept out of the
    assessment is explained as not assessed, with the reason.

    >>> from govindex import Agency, Assessment, load_rubric, score
    >>> rubric = load_rubric("sonla-2017-web")
    >>> result = score(rubric, [Assessment(Agency("so-noi-vu", "Sở Nội vụ", "provincial"), {"total": "81,5"})])
    >>> print(explain(result, "so-noi-vu"))
    Sở Nội vụ (so-noi-vu), group provincial
    total: Web portal total (Tổng điểm Trang thông tin điện tử), maximum 100
      given: 81.5
      score: 81.5
      band: Good (Tốt), [80, ∞)
      rank: 1 in group provincial
    """
    text = _check_lang(lang)
    for skipped in result.not_assessed:
        if skipped.agency.id == agency_id:
            if node_id is not None:
                result.rubric.node(skipped.agency.group, node_id)
            return _not_assessed(result, skipped, text, lang)
    row = result.agency(agency_id)
    group = result.rubric.group(row.agency.group)
    tree = group.tree
    if node_id is not None and tree.find(node_id) is None and any(v.id == node_id for v in result.rubric.views):
        return _explain_view(result, row, node_id, text, lang)
    node = tree if node_id is None else result.rubric.node(group.id, node_id)
    none = text["none"]
    lines = [
        text["heading"].format(name=row.agency.name, id=row.agency.id, group=group.id),
        text["node"].format(id=node.id, name=_name(node.name, node.name_en, lang), max=f"{node.max_points:f}"),
    ]
    if node.id not in row.scores:
        parent = _parent_given(row, tree, node.id)
        lines.append("  " + text["no_score"].format(parent=parent or tree.id))
        return "\n".join(lines)

    adjustments = result.adjustments_for(agency_id, node.id)
    if node.id in row.raw:
        key = "given_whole" if node.children and not any(c.id in row.scores for c in node.children) else "given"
        lines.append("  " + text[key].format(value=_fmt(result, row.raw[node.id], none)))
        measurement = result.measurements.get(agency_id, {}).get(node.id)
        if measurement is not None:
            lines.append("  " + text["measured"].format(formula=measurement.formula_in(lang)))
    elif node.is_leaf:
        lines.append("  " + text["not_given"])
    for adj in adjustments:
        lines.extend(_adjustment_lines(result, adj, text, lang))
    for item in result.not_applied_for(agency_id):
        if node is tree or item.node == node.id:
            lines.append("  " + text["not_applied"].format(rule=item.rule, reason=item.reason_in(lang) or none))
    if node.children and all(child.id in row.scores for child in node.children):
        parts = " + ".join(f"{child.id} {_fmt(result, row.scores[child.id], none)}" for child in node.children)
        lines.append(
            "  "
            + text["sum"].format(count=len(node.children), parts=parts, value=_fmt(result, row.scores[node.id], none))
        )
        below_ids = {below.id for below in node.walk() if below is not node}
        below = [adj for adj in result.adjustments_for(agency_id) if adj.node in below_ids]
        if below:
            lines.append("  " + text["below"])
            for adj in below:
                lines.append(
                    "    "
                    + text["below_item"].format(
                        node=adj.node,
                        before=_fmt(result, adj.before, none),
                        after=_fmt(result, adj.after, none),
                        rule=adj.rule,
                    )
                )
    lines.append("  " + text["score"].format(value=_fmt(result, row.scores[node.id], none)))
    if node is tree:
        if row.band is not None:
            band = row.band
            label, other = (
                (band.label, band.label_en or band.id) if lang == "vi" else (band.label_en or band.id, band.label)
            )
            lines.append("  " + text["band"].format(label=label, other=other, interval=band.describe()))
        lines.append("  " + text["rank"].format(rank=row.rank, group=group.id))
        scale = result.scale
        if scale is not None and row.normalised is not None:
            lines.append(
                "  "
                + text["scale"].format(
                    label=scale.label or f"× {scale.numerator:f} / {scale.denominator:f}",
                    formula=scale.formula(row.total),
                    rule=scale.rule or none,
                )
            )
            if scale.legal_basis is not None:
                lines.append("    " + text["basis"].format(text=cite(scale.legal_basis, lang)))
        elif result.rubric.publication is not None:
            lines.extend(_published_lines(result, row.scores[node.id], node.max_points, text))
        for view_id in row.views:
            lines.extend(_view_lines(result, row, view_id, text, lang))
    else:
        if node.id in row.node_ranks:
            lines.append("  " + text["rank"].format(rank=row.node_ranks[node.id], group=group.id))
        if result.rubric.publication is not None:
            lines.extend(_published_lines(result, row.scores[node.id], node.max_points, text))
    return "\n".join(lines)


def _published_lines(result: Result, points: Decimal, maximum: Decimal, text: dict[str, str]) -> list[str]:
    publication = result.rubric.publication
    if publication is None or maximum == 0:
        return []
    return ["  " + text["published"].format(label=publication.name, formula=publication.formula(points, maximum))]


def _view_lines(result: Result, row: AgencyResult, view_id: str, text: dict[str, str], lang: str) -> list[str]:
    view = result.rubric.view(view_id)
    scored = row.views[view_id]
    publication = view.publication or result.rubric.publication
    assert publication is not None
    none = text["none"]
    parts = " + ".join(f"{node_id} {_fmt(result, row.scores[node_id], none)}" for node_id in view.nodes)
    return [
        "  "
        + text["view"].format(
            id=view.id,
            name=_name(view.name, view.name_en, lang),
            parts=parts,
            points=_fmt(result, scored.points, none),
            max=f"{scored.maximum:f}",
        ),
        "    "
        + text["view_value"].format(
            label=publication.name,
            formula=publication.formula(scored.points, scored.maximum),
            rank=scored.rank,
            group=row.agency.group,
        ),
    ]


def _explain_view(result: Result, row: AgencyResult, view_id: str, text: dict[str, str], lang: str) -> str:
    view = result.rubric.view(view_id)
    tree = result.rubric.tree(row.agency.group)
    maximum = sum((node.max_points for node in tree.walk() if node.id in view.nodes), Decimal(0))
    lines = [
        text["heading"].format(name=row.agency.name, id=row.agency.id, group=row.agency.group),
        text["view_heading"].format(
            id=view.id, name=_name(view.name, view.name_en, lang), nodes=", ".join(view.nodes), max=f"{maximum:f}"
        ),
    ]
    if view_id not in row.views:
        lines.append("  " + text["view_missing"])
    else:
        lines.extend(_view_lines(result, row, view_id, text, lang))
    return "\n".join(lines)
