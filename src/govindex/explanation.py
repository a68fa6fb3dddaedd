"""Explanations (giải trình): how a number in a result came to be.

An explanation is data first: :func:`explanation` gathers, for one agency
and one node (default: the total), the :class:`Step` s that made its score:
the score as given (for a measured leaf, what the agency reported and how
it gives the points, ``95/120 = 0,7917 × 2 = 1,58``), or the sum of its
children with their numbers; every
rule that set or changed it (the :class:`~govindex.rules.Adjustment`, with
its reason, inputs and legal basis); the rules that changed a score below
it; and for the total its band, rank and the published scale.
:func:`describe` words an :class:`Explanation` in English or Vietnamese,
and :func:`explain` (also :meth:`Result.explain
<govindex.results.Result.explain>`) does both.

The Vietnamese wording is meant to be published: node, group and agency
names instead of ids, decimal commas, bands in the words of the decisions
("từ 70 điểm đến dưới 85 điểm"), rule names and formula words in
Vietnamese. The English wording keeps the ids beside the names, for the
people who write rubrics and rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from govindex._convert import to_dict
from govindex.agency import Agency
from govindex.bands import Band
from govindex.errors import GovIndexError, UnknownNameError
from govindex.points import exact, format_points
from govindex.ranking import Rank
from govindex.results import AgencyResult, NotAssessed, Result
from govindex.rubric import Group, LegalBasis, Node, Rubric
from govindex.rules import Adjustment, NotApplied, Scale
from govindex.rules._text import exact_quotient, number_text

if TYPE_CHECKING:
    from govindex.measures import Measurement
    from govindex.views import Publication, View, ViewScore

__all__ = ["LANGUAGES", "Explanation", "Step", "cite", "describe", "explain", "explanation"]

#: The languages an explanation can be written in.
LANGUAGES = ("en", "vi")

#: The kinds of :class:`Step`, in the order they can appear.
STEP_KINDS = (
    "given",
    "measured",
    "given_whole",
    "not_given",
    "no_score",
    "rule",
    "not_applied",
    "sum",
    "below",
    "score",
    "band",
    "rank",
    "scale",
    "published",
    "view",
    "view_missing",
)


@attrs.frozen
class Step:
    """One step of an explanation.

    ``kind`` is one of :data:`STEP_KINDS`; the other fields are set as the
    kind needs: ``value`` (given, given_whole, sum, score), ``node`` (the
    ancestor scored as a whole, for no_score), ``adjustment`` (rule),
    ``parts`` (the children and their scores, for sum), ``changes`` (the
    adjusted nodes below, for below), ``band``, ``rank``, ``scale`` and
    ``total`` (the total the scale applies to); for published (a value on
    the rubric's publication scale) ``value`` and ``maximum`` with
    ``publication``; for view (an aggregate overlapping the tree, such as
    a DTI pillar) ``view``, ``view_score``, the parts and ``publication``;
    for measured (a leaf scored from what the agency reported)
    ``measurement``; for not_applied (a rule that concerned the agency but
    could not act on it) ``not_applied``.
    """

    kind: str
    value: Decimal | None = None
    node: Node | None = None
    adjustment: Adjustment | None = None
    parts: tuple[tuple[Node, Decimal], ...] = ()
    changes: tuple[tuple[Node, Adjustment], ...] = ()
    band: Band | None = None
    rank: Rank | None = None
    scale: Scale | None = None
    total: Decimal | None = None
    maximum: Decimal | None = None
    publication: Publication | None = None
    view: View | None = None
    view_score: ViewScore | None = None
    measurement: Measurement | None = None
    not_applied: NotApplied | None = None


@attrs.frozen
class Explanation:
    """How one agency's score on one node came to be: data, worded by :func:`describe`.

    ``not_assessed`` is set (and ``steps`` empty) for an agency a rule kept
    out; ``basis`` is then the legal basis of that rule. ``names`` maps the
    ids of the result's agencies to their names (a rule's inputs may name
    other agencies). ``view`` is set when the explanation is of a view of
    the rubric (an aggregate overlapping the tree); ``node`` is then the
    group's tree and ``maximum`` the view's maximum.
    """

    rubric: Rubric
    agency: Agency
    group: Group
    node: Node
    steps: tuple[Step, ...] = ()
    not_assessed: NotAssessed | None = None
    basis: LegalBasis | None = None
    names: Mapping[str, str] = attrs.field(factory=dict, converter=to_dict, hash=False)
    view: View | None = None
    maximum: Decimal | None = None


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


def _check_lang(lang: str) -> None:
    if lang not in LANGUAGES:
        raise UnknownNameError(f"unknown language {lang!r}; use {' or '.join(repr(code) for code in LANGUAGES)}")


def _parent_given(row: AgencyResult, tree: Node, node_id: str) -> Node | None:
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
            return ancestor
    return None


@exact
def explanation(result: Result, agency_id: str, node_id: str | None = None) -> Explanation:
    """The steps that made the agency's score on ``node_id`` (default: the total).

    An agency that a rule kept out of the assessment is explained as not
    assessed, with the reason. An unknown agency or node is refused.
    """
    rubric = result.rubric
    names = {row.agency.id: row.agency.name for row in result.rows}
    names.update({item.agency.id: item.agency.name for item in result.not_assessed})
    for skipped in result.not_assessed:
        if skipped.agency.id == agency_id:
            group = rubric.group(skipped.agency.group)
            node = group.tree if node_id is None else rubric.node(group.id, node_id)
            basis = next(
                (ref.legal_basis for ref in rubric.rules if ref.name == skipped.rule and ref.legal_basis is not None),
                None,
            )
            return Explanation(rubric, skipped.agency, group, node, (), skipped, basis, names)
    row = result.agency(agency_id)
    group = rubric.group(row.agency.group)
    tree = group.tree
    if node_id is not None and tree.find(node_id) is None and any(v.id == node_id for v in rubric.views):
        return _view_explanation(result, row, group, node_id, names)
    node = tree if node_id is None else rubric.node(group.id, node_id)
    steps: list[Step] = []
    if node.id not in row.scores:
        parent = _parent_given(row, tree, node.id)
        steps.append(Step("no_score", node=parent or tree))
        return Explanation(rubric, row.agency, group, node, tuple(steps), names=names)
    if node.id in row.raw:
        whole = node.children and not any(child.id in row.scores for child in node.children)
        steps.append(Step("given_whole" if whole else "given", value=row.raw[node.id]))
        measurement = result.measurements.get(agency_id, {}).get(node.id)
        if measurement is not None:
            steps.append(Step("measured", measurement=measurement))
    elif node.is_leaf:
        steps.append(Step("not_given"))
    steps += [Step("rule", adjustment=adj) for adj in result.adjustments_for(agency_id, node.id)]
    steps += [
        Step("not_applied", not_applied=item)
        for item in result.not_applied_for(agency_id)
        if node is tree or item.node == node.id
    ]
    if node.children and all(child.id in row.scores for child in node.children):
        parts = tuple((child, row.scores[child.id]) for child in node.children)
        steps.append(Step("sum", value=row.scores[node.id], parts=parts))
        below = {below.id: below for below in node.walk() if below is not node}
        changes = tuple((below[adj.node], adj) for adj in result.adjustments_for(agency_id) if adj.node in below)
        if changes:
            steps.append(Step("below", changes=changes))
    steps.append(Step("score", value=row.scores[node.id]))
    if node is tree:
        if row.band is not None:
            steps.append(Step("band", band=row.band))
        steps.append(Step("rank", rank=row.rank))
        if result.scale is not None and row.normalised is not None:
            steps.append(Step("scale", scale=result.scale, total=row.total))
        elif rubric.publication is not None and node.max_points != 0:
            steps.append(_published(rubric.publication, row.scores[node.id], node.max_points))
        steps += [_view_step(result, row, view_id) for view_id in row.views]
    else:
        if node.id in row.node_ranks:
            steps.append(Step("rank", rank=row.node_ranks[node.id]))
        if rubric.publication is not None and node.max_points != 0:
            steps.append(_published(rubric.publication, row.scores[node.id], node.max_points))
    return Explanation(rubric, row.agency, group, node, tuple(steps), names=names)


def _published(publication: Publication, points: Decimal, maximum: Decimal) -> Step:
    return Step("published", value=points, maximum=maximum, publication=publication)


def _view_step(result: Result, row: AgencyResult, view_id: str) -> Step:
    view = result.rubric.view(view_id)
    scored = row.views[view_id]
    publication = view.publication or result.rubric.publication
    group = result.rubric.group(row.agency.group)
    parts = tuple((_node_of(group, node_id), row.scores[node_id]) for node_id in view.nodes)
    return Step("view", parts=parts, view=view, view_score=scored, publication=publication)


def _node_of(group: Group, node_id: str) -> Node:
    node = group.tree.find(node_id)
    if node is None:  # a view names nodes of every group's tree; checked when the rubric is made
        raise UnknownNameError(f"unknown node {node_id!r} in group {group.id!r}", group=group.id, node=node_id)
    return node


def _view_explanation(
    result: Result, row: AgencyResult, group: Group, view_id: str, names: Mapping[str, str]
) -> Explanation:
    view = result.rubric.view(view_id)
    tree = group.tree
    maximum = sum((node.max_points for node in tree.walk() if node.id in view.nodes), Decimal(0))
    step = Step("view_missing", view=view) if view_id not in row.views else _view_step(result, row, view_id)
    return Explanation(result.rubric, row.agency, group, tree, (step,), names=names, view=view, maximum=maximum)


@exact
def explain(result: Result, agency_id: str, node_id: str | None = None, *, lang: str = "en") -> str:
    """A readable account of the agency's score on ``node_id`` (default: the total).

    ``lang`` is ``"en"`` or ``"vi"``: :func:`describe` of :func:`explanation`.
    An agency that a rule kept out of the assessment is explained as not
    assessed, with the reason.

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
    >>> print(explain(result, "so-noi-vu", lang="vi"))
    Sở Nội vụ, nhóm Sở, ban, ngành cấp tỉnh
    Tổng điểm Trang thông tin điện tử, điểm tối đa 100
      điểm đã chấm: 81,5
      điểm: 81,5
      xếp loại: Tốt (từ 80 điểm trở lên)
      xếp hạng: 1 trong nhóm Sở, ban, ngành cấp tỉnh
    """
    _check_lang(lang)
    return describe(explanation(result, agency_id, node_id), lang)


@exact
def describe(value: Explanation, lang: str = "en") -> str:
    """An :class:`Explanation` in words, in ``lang`` (``"en"`` or ``"vi"``)."""
    _check_lang(lang)
    return _vi(value) if lang == "vi" else _en(value)


# --- English: for the people who write rubrics and rules; ids beside names -----------------


def _fmt(decimals: int, value: Decimal | None, none: str = "-") -> str:
    if value is None:
        return none
    try:
        return format_points(value, decimals)
    except GovIndexError:
        return f"{value:f}"


def _en(value: Explanation) -> str:
    agency, group, node = value.agency, value.group, value.node
    decimals = value.rubric.decimals
    if value.not_assessed is not None:
        skipped = value.not_assessed
        line = f"{agency.name} ({agency.id}), group {group.id}: not assessed: {skipped.reason} (rule {skipped.rule})"
        if value.basis is not None:
            line += "\n  legal basis: " + cite(value.basis, "en")
        return line
    lines = [f"{agency.name} ({agency.id}), group {group.id}"]
    if value.view is not None:
        view = value.view
        maximum = f"{value.maximum:f}" if value.maximum is not None else "-"
        lines.append(
            f"view {view.id}: {_name_en(view.name, view.name_en)}, nodes {', '.join(view.nodes)}, maximum {maximum}"
        )
    else:
        lines.append(f"{node.id}: {_name_en(node.name, node.name_en)}, maximum {node.max_points:f}")
    for step in value.steps:
        kind = step.kind
        if kind == "no_score":
            parent = step.node.id if step.node is not None else group.tree.id
            lines.append(f"  no score of its own: {parent} was given as a whole")
        elif kind == "given":
            lines.append(f"  given: {_fmt(decimals, step.value)}")
        elif kind == "given_whole":
            lines.append(
                f"  given as a whole: {_fmt(decimals, step.value)} (its sub-criteria are not given separately)"
            )
        elif kind == "measured" and step.measurement is not None:
            lines.append(f"  measured: {step.measurement.formula_in('en')}")
        elif kind == "not_given":
            lines.append("  not given")
        elif kind == "rule" and step.adjustment is not None:
            adj = step.adjustment
            lines.append(f"  rule {adj.rule}: {_fmt(decimals, adj.before)} → {_fmt(decimals, adj.after)}")
            reason = adj.reason_in("en")
            if reason:
                lines.append(f"    why: {reason}")
            if adj.formula:
                lines.append(f"    formula: {adj.formula}")
            if adj.inputs:
                lines.append("    inputs: " + ", ".join(f"{key} = {item}" for key, item in adj.inputs.items()))
            if adj.legal_basis is not None:
                lines.append(f"    legal basis: {cite(adj.legal_basis, 'en')}")
        elif kind == "not_applied" and step.not_applied is not None:
            item = step.not_applied
            lines.append(f"  rule {item.rule} could not apply: {item.reason_in('en') or '-'}")
        elif kind == "sum":
            parts = " + ".join(f"{child.id} {_fmt(decimals, score)}" for child, score in step.parts)
            lines.append(f"  sum of its {len(step.parts)} children: {parts} = {_fmt(decimals, step.value)}")
        elif kind == "below":
            lines.append("  changed by rules below it:")
            for below, adj in step.changes:
                before, after = _fmt(decimals, adj.before), _fmt(decimals, adj.after)
                lines.append(f"    {below.id}: {before} → {after} ({adj.rule})")
        elif kind == "score":
            lines.append(f"  score: {_fmt(decimals, step.value)}")
        elif kind == "band" and step.band is not None:
            band = step.band
            lines.append(f"  band: {band.label_en or band.id} ({band.label}), {band.describe()}")
        elif kind == "rank":
            lines.append(f"  rank: {step.rank} in group {group.id}")
        elif kind == "scale" and step.scale is not None and step.total is not None:
            scale = step.scale
            label = scale.label or f"× {scale.numerator:f} / {scale.denominator:f}"
            lines.append(f"  published {label}: {scale.formula(step.total)} (rule {scale.rule or '-'})")
            if scale.legal_basis is not None:
                lines.append(f"    legal basis: {cite(scale.legal_basis, 'en')}")
        elif kind == "published" and step.publication is not None and step.value is not None:
            if step.maximum is not None:
                formula = step.publication.formula(step.value, step.maximum)
                lines.append(f"  published {step.publication.name}: {formula}")
        elif kind == "view" and step.view is not None and step.view_score is not None:
            view, scored = step.view, step.view_score
            parts = " + ".join(f"{part.id} {_fmt(decimals, score)}" for part, score in step.parts)
            lines.append(
                f"  view {view.id}: {_name_en(view.name, view.name_en)}: {parts} = {_fmt(decimals, scored.points)} "
                f"of {scored.maximum:f}"
            )
            if step.publication is not None:
                formula = step.publication.formula(scored.points, scored.maximum)
                lines.append(
                    f"    published {step.publication.name}: {formula}; rank {scored.rank} in group {group.id}"
                )
        elif kind == "view_missing":
            lines.append("  no score: not every node of the view has one")
    return "\n".join(lines)


def _name_en(name: str, name_en: str | None) -> str:
    return f"{name_en} ({name})" if name_en else name


# --- Vietnamese: to be published; names, decimal commas, the decisions' words --------------

#: Vietnamese names of the built-in rules.
RULE_NAMES_VI = {
    "exclude": "không đánh giá",
    "best_in_cohort": "tính bằng điểm cao nhất của các cơ quan, đơn vị",
    "proportional_imputation": "tính điểm theo tỷ lệ điểm đạt được",
    "full_marks_if_not_applicable": "tính điểm tối đa cho tiêu chí không liên quan",
    "normalise": "quy đổi thang điểm",
}

_ROUNDING_VI = {
    "ROUND_HALF_UP": "làm tròn",
    "ROUND_HALF_EVEN": "làm tròn về số chẵn gần nhất",
    "ROUND_HALF_DOWN": "làm tròn, 5 làm tròn xuống",
    "ROUND_DOWN": "bỏ phần thừa",
    "ROUND_FLOOR": "làm tròn xuống",
    "ROUND_UP": "làm tròn lên",
    "ROUND_CEILING": "làm tròn lên",
    "ROUND_05UP": "làm tròn",
}

_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")
_MAX_CALL = re.compile(r"\bmax\(")


def _comma(text: str) -> str:
    """Decimal points between digits become decimal commas."""
    return _DECIMAL_POINT.sub(",", text)


def _number_vi(value: Decimal) -> str:
    return _comma(number_text(value))


def _points_vi(decimals: int, value: Decimal | None) -> str:
    return "chưa chấm" if value is None else _comma(_fmt(decimals, value))


def _band_vi(band: Band, lowest: bool) -> str:
    """A band in the words of the decisions: "từ 70 điểm đến dưới 85 điểm"."""
    lower = _number_vi(band.lower)
    if band.upper is None:
        return f"từ {lower} điểm trở lên"
    upper = _number_vi(band.upper)
    if lowest and band.lower == 0:
        return f"dưới {upper} điểm"
    return f"từ {lower} điểm đến dưới {upper} điểm"


class _Names:
    """Replaces the ids of a rubric group's nodes, the groups and the agencies by their names."""

    def __init__(self, value: Explanation) -> None:
        self.value = value
        names: dict[str, str] = {node.id: node.name for node in value.group.tree.walk()}
        names.update({group.id: group.name for group in value.rubric.groups})
        names.update(value.names)
        self.names = names
        ids = sorted(names, key=len, reverse=True)
        self.pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ids)) + r")(?![\w-])") if ids else None

    def __call__(self, text: str) -> str:
        if self.pattern is None:
            return text
        return self.pattern.sub(lambda found: self.names[found.group(1)], text)

    def agency(self, agency_id: str) -> str:
        return self.value.names.get(agency_id, agency_id)

    def node(self, node_id: str) -> str:
        node = self.value.group.tree.find(node_id)
        return node_id if node is None else node.name


def _rounding_vi(mode: str, decimals: int) -> str:
    words = _ROUNDING_VI.get(mode, mode)
    return f"{words} đến {decimals} chữ số thập phân" if decimals else f"{words} đến hàng đơn vị"


def _quotient_vi(numerator: Decimal, denominator: Decimal, after: Decimal, decimals: int, rounding: str) -> str:
    exact, value = exact_quotient(numerator, denominator, decimals)
    if value is not None and value == after:
        return _number_vi(after)
    return f"{_comma(exact)} ≈ {_number_vi(after)} ({_rounding_vi(rounding, decimals)})"


def _formula_vi(adj: Adjustment, names: _Names, decimals: int) -> tuple[str | None, str | None]:
    """The formula and the inputs of an adjustment, in Vietnamese words."""
    inputs = dict(adj.inputs)
    after = adj.after
    if adj.rule == "best_in_cohort" and after is not None:
        if set(inputs) == {"max_points"}:
            return f"không cơ quan nào trong nhóm có điểm: điểm tối đa {_comma(inputs['max_points'])}", None
        listed = "; ".join(f"{names.agency(agency)} {_comma(score)}" for agency, score in inputs.items())
        return f"điểm cao nhất trong các điểm: {listed} = {_number_vi(after)}", None
    if adj.rule == "full_marks_if_not_applicable" and "max_points" in inputs:
        return f"điểm tối đa của {names.node(adj.node)} = {_comma(inputs['max_points'])}", None
    if (
        adj.rule == "proportional_imputation"
        and after is not None
        and {"earned", "maximum", "max_points"} <= set(inputs)
    ):
        earned, maximum, top = (Decimal(inputs[key]) for key in ("earned", "maximum", "max_points"))
        head = (
            f"(tổng điểm đạt được {_number_vi(earned)} / tổng điểm tối đa {_number_vi(maximum)}) × điểm tối đa "
            f"{_number_vi(top)}"
        )
        rounding = _rounding_from(adj.formula)
        formula = f"{head} = {_quotient_vi(earned * top, maximum, after, _decimals_of_text(after), rounding)}"
        parts = [
            f"{names.node(key[len('score of ') :])} {_comma(item)}"
            for key, item in inputs.items()
            if key.startswith("score of ")
        ]
        return formula, "; ".join(parts) if parts else None
    own = _words_vi(adj.formula, names) if adj.formula else None
    shown = "; ".join(f"{names(key)} = {_comma(item)}" for key, item in inputs.items()) if inputs else None
    return own, shown


def _decimals_of_text(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _rounding_from(formula: str | None) -> str:
    for mode in _ROUNDING_VI:
        if formula and f"({mode})" in formula:
            return mode
    return "ROUND_HALF_UP"


def _words_vi(text: str, names: _Names) -> str:
    """A rule's own formula text in Vietnamese notation: names for ids, ``;`` between arguments, decimal commas."""
    text = names(text)
    for mode in _ROUNDING_VI:
        text = text.replace(f"({mode})", f"({_ROUNDING_VI[mode]})")
    text = text.replace(", ", "; ")
    text = _MAX_CALL.sub("lớn nhất (", text)
    return _comma(text)


def _vi(value: Explanation) -> str:
    agency, group, node = value.agency, value.group, value.node
    decimals = value.rubric.decimals
    names = _Names(value)

    def rule_name(rule: str) -> str:
        return f"“{RULE_NAMES_VI.get(rule, rule)}”"

    if value.not_assessed is not None:
        skipped = value.not_assessed
        line = f"{agency.name}, nhóm {group.name}: không đánh giá: {skipped.reason} (quy tắc {rule_name(skipped.rule)})"
        if value.basis is not None:
            line += "\n  căn cứ: " + cite(value.basis, "vi")
        return line
    lines = [f"{agency.name}, nhóm {group.name}"]
    if value.view is not None:
        view = value.view
        members = ", ".join(names.node(node_id) for node_id in view.nodes)
        maximum = _number_vi(value.maximum) if value.maximum is not None else "-"
        lines.append(f"{view.name}, gồm {members}, điểm tối đa {maximum}")
    else:
        lines.append(f"{node.name}, điểm tối đa {_number_vi(node.max_points)}")
    points: Callable[[Decimal | None], str] = lambda number: _points_vi(decimals, number)  # noqa: E731
    bands = value.rubric.bands
    for step in value.steps:
        kind = step.kind
        if kind == "no_score":
            parent = step.node.name if step.node is not None else group.tree.name
            lines.append(f"  không có điểm riêng: {parent} được chấm chung")
        elif kind == "given":
            lines.append(f"  điểm đã chấm: {points(step.value)}")
        elif kind == "given_whole":
            lines.append(f"  chấm chung cả tiêu chí: {points(step.value)} (không chấm riêng các tiêu chí thành phần)")
        elif kind == "measured" and step.measurement is not None:
            lines.append(f"  số liệu: {step.measurement.formula_in('vi')}")
        elif kind == "not_given":
            lines.append("  chưa chấm")
        elif kind == "rule" and step.adjustment is not None:
            adj = step.adjustment
            lines.append(f"  điều chỉnh theo quy tắc {rule_name(adj.rule)}: {points(adj.before)} → {points(adj.after)}")
            reason = adj.reason.get("vi")
            if reason:
                lines.append(f"    lý do: {names(reason)}")
            formula, shown = _formula_vi(adj, names, decimals)
            if formula:
                lines.append(f"    cách tính: {formula}")
            if shown:
                lines.append(f"    số liệu: {shown}")
            if adj.legal_basis is not None:
                lines.append(f"    căn cứ: {cite(adj.legal_basis, 'vi')}")
        elif kind == "not_applied" and step.not_applied is not None:
            item = step.not_applied
            reason = item.reason_in("vi")
            why = names(reason) if reason else "-"
            lines.append(f"  quy tắc {rule_name(item.rule)} không áp dụng được: {why}")
        elif kind == "sum":
            parts = " + ".join(f"{child.name} {points(score)}" for child, score in step.parts)
            lines.append(f"  tổng điểm của {len(step.parts)} tiêu chí: {parts} = {points(step.value)}")
        elif kind == "below":
            lines.append("  điểm được điều chỉnh ở các tiêu chí bên dưới:")
            for below, adj in step.changes:
                lines.append(
                    f"    {below.name}: {points(adj.before)} → {points(adj.after)} (quy tắc {rule_name(adj.rule)})"
                )
        elif kind == "score":
            lines.append(f"  điểm: {points(step.value)}")
        elif kind == "band" and step.band is not None:
            lowest = bands is not None and bands.bands[-1].id == step.band.id
            lines.append(f"  xếp loại: {step.band.label} ({_band_vi(step.band, lowest)})")
        elif kind == "rank":
            rank = _number_vi(step.rank) if isinstance(step.rank, Decimal) else str(step.rank)
            lines.append(f"  xếp hạng: {rank} trong nhóm {group.name}")
        elif kind == "scale" and step.scale is not None and step.total is not None:
            scale = step.scale
            total = step.total
            after = scale.apply(total)
            head = f"{_number_vi(total)} × {_number_vi(scale.numerator)} / {_number_vi(scale.denominator)}"
            shown = _quotient_vi(total * scale.numerator, scale.denominator, after, scale.decimals, scale.rounding)
            label = f" {scale.label}" if scale.label else ""
            rule = f" (quy tắc {rule_name(scale.rule)})" if scale.rule else ""
            lines.append(f"  điểm công bố theo thang{label}: {head} = {shown}{rule}")
            if scale.legal_basis is not None:
                lines.append(f"    căn cứ: {cite(scale.legal_basis, 'vi')}")
        elif kind == "published" and step.publication is not None and step.value is not None:
            if step.maximum is not None:
                formula = _publication_vi(step.publication, step.value, step.maximum)
                lines.append(f"  công bố theo thang {step.publication.name}: {formula}")
        elif kind == "view" and step.view is not None and step.view_score is not None:
            view, scored = step.view, step.view_score
            parts = " + ".join(f"{part.name} {points(score)}" for part, score in step.parts)
            lines.append(f"  {view.name}: {parts} = {points(scored.points)} trên {_number_vi(scored.maximum)}")
            if step.publication is not None:
                formula = _publication_vi(step.publication, scored.points, scored.maximum)
                rank = _number_vi(scored.rank) if isinstance(scored.rank, Decimal) else str(scored.rank)
                lines.append(
                    f"    công bố theo thang {step.publication.name}: {formula}; xếp hạng {rank} trong nhóm {group.name}"
                )
        elif kind == "view_missing":
            lines.append("  chưa có điểm: không phải mọi chỉ số của nó đều có điểm")
    return "\n".join(lines)


def _publication_vi(publication: Publication, points: Decimal, maximum: Decimal) -> str:
    """``points / maximum × scale`` on the publication scale, in Vietnamese notation and words."""
    head = f"{_number_vi(points)} / {_number_vi(maximum)} × {_number_vi(publication.scale)}"
    value = publication.publish(points, maximum)
    if value is None:
        return f"{head}: không có điểm để công bố"
    return f"{head} = " + _quotient_vi(
        points * publication.scale, maximum, value, publication.decimals, publication.rounding
    )
