"""Explanations in words (giải trình): each typed step of :mod:`govindex.explanation`, worded per language.

Vietnamese is meant to be published: node, group and agency names instead
of ids, decimal commas, bands in the words of the decisions ("từ 70 điểm đến
dưới 85 điểm"), rule names and formula words in Vietnamese. English keeps
the ids beside the names, for the people who write rubrics and rules. Every
line comes from :class:`~govindex.catalogue.explain.Explain`.

In plain text every line is made one line (:func:`~govindex.render.safe.one_line`):
a line break in a name shows as ``⏎``, so no name can forge a line.

>>> from govindex import Agency, Assessment, load_rubric, score
>>> rubric = load_rubric("sonla-2017-web")
>>> result = score(rubric, [Assessment(Agency("so-noi-vu", "Sở Nội vụ", "provincial"), {"total": "81,5"})])
>>> print(explain(result, "so-noi-vu", lang="en"))
Sở Nội vụ (so-noi-vu), group provincial
total: Web portal total (Tổng điểm Trang thông tin điện tử), maximum 100
  given: 81.5
  score: 81.5
  band: Good (Tốt), [80, ∞)
  rank: 1 in group provincial
>>> print(explain(result, "so-noi-vu"))
Sở Nội vụ, nhóm Sở, ban, ngành cấp tỉnh
Tổng điểm Trang thông tin điện tử, điểm tối đa 100
  điểm đã chấm: 81,5
  điểm: 81,5
  xếp loại: Tốt (từ 80 điểm trở lên)
  xếp hạng: 1 trong nhóm Sở, ban, ngành cấp tỉnh
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from govindex.catalogue import number
from govindex.catalogue.explain import Explain, RuleTitle
from govindex.catalogue.indices import AggregateWords
from govindex.catalogue.reports import Rounding
from govindex.errors import GovIndexError, check_lang
from govindex.explanation import (
    Adjusted,
    AdjustedBelow,
    Averaged,
    Banded,
    Explanation,
    Given,
    GivenWhole,
    Measured,
    NoScore,
    NotGiven,
    OnPublicationScale,
    Ranked,
    Scaled,
    Scored,
    Summed,
    Unapplied,
    UnchangedBy,
    ViewMissing,
    ViewScored,
    explanation,
)
from govindex.points import divide, exact, exact_context, format_points, terminating
from govindex.render.model import Document, Paragraph
from govindex.render.safe import one_line
from govindex.render.wording import band_range, cite, rounding_words
from govindex.rules._text import exact_quotient

if TYPE_CHECKING:
    from govindex.ranking import Rank
    from govindex.results import Result
    from govindex.rubric import Node
    from govindex.rules import Adjustment
    from govindex.views import Publication

__all__ = ["explain", "explanation_document", "explanation_lines", "rule_lines"]

_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")
_MAX_CALL = re.compile(r"\bmax\(")
_ROUNDING_MODE = re.compile(r"\((ROUND_[A-Z0-9_]+)\)")


def _comma(text: str) -> str:
    """Decimal points between digits become decimal commas."""
    return _DECIMAL_POINT.sub(",", text)


class _Words:
    """What the lines of one explanation need in one language: numbers, names, rule titles."""

    def __init__(self, value: Explanation, lang: str) -> None:
        self.value = value
        self.lang = lang
        self.vi = lang == "vi"
        self.decimals = value.rubric.decimals
        names: dict[str, str] = {node.id: node.name for node in value.group.tree.walk()}
        names.update({group.id: group.name for group in value.rubric.groups})
        names.update(value.names)
        self._names = names
        ids = sorted(names, key=len, reverse=True)
        self._pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ids)) + r")(?![\w-])") if ids else None

    def points(self, value: Decimal | None) -> str:
        """Points with the rubric's decimals (``chưa chấm`` in Vietnamese when there are none)."""
        if value is None:
            return Explain.NOT_SCORED.text(self.lang)
        try:
            text = format_points(value, self.decimals)
        except GovIndexError:
            text = f"{value:f}"
        return _comma(text) if self.vi else text

    def number(self, value: Decimal) -> str:
        return number(value, self.lang)

    def rank(self, rank: Rank) -> str:
        return number(rank, self.lang) if isinstance(rank, Decimal) else str(rank)

    def node(self, node: Node) -> str:
        return node.name if self.vi else node.id

    def group(self) -> str:
        return self.value.group.name if self.vi else self.value.group.id

    def agency(self) -> str:
        agency = self.value.agency
        return agency.name if self.vi else f"{agency.name} ({agency.id})"

    def rule(self, rule: str) -> str:
        """A rule by its own title in the language (“tính điểm theo tỷ lệ…”), else a built-in's, else its name."""
        own = self.value.rule_titles.get(rule, {}).get(self.lang)
        if not self.vi:
            return own or rule
        title = RuleTitle.of(rule)
        return f"“{own or (title.vi if title is not None else rule)}”"

    def names(self, text: str) -> str:
        """In Vietnamese, the ids of nodes, groups and agencies in ``text`` replaced by their names."""
        if not self.vi or self._pattern is None:
            return text
        return self._pattern.sub(lambda found: self._names[found.group(1)], text)

    def agency_name(self, agency_id: str) -> str:
        return self.value.names.get(agency_id, agency_id)

    def node_name(self, node_id: str) -> str:
        node = self.value.group.tree.find(node_id)
        return node_id if node is None else node.name

    def line(self, entry: Explain, **params: Any) -> str:
        return entry.text(self.lang, **params)

    def quotient(self, numerator: Decimal, denominator: Decimal, after: Decimal, decimals: int, rounding: str) -> str:
        """``numerator / denominator``: its value, or the exact value ≈ the rounded one (and how it was rounded)."""
        exact_text, value = exact_quotient(numerator, denominator, decimals)
        if value is not None and value == after:
            return self.number(after)
        shown = _comma(exact_text) if self.vi else exact_text
        rounding_text = rounding_words(rounding, decimals, self.lang) if self.vi else rounding
        return self.line(Explain.QUOTIENT, exact=shown, value=self.number(after), rounding=rounding_text)

    def publication(self, publication: Publication, points: Decimal, maximum: Decimal) -> str:
        """``points / maximum × scale`` on the publication scale."""
        if not self.vi:
            return publication.formula(points, maximum)
        head = f"{self.number(points)} / {self.number(maximum)} × {self.number(publication.scale)}"
        value = publication.on_scale(points, maximum)
        if value is None:
            return self.line(Explain.NO_POINTS, head=head)
        shown = self.quotient(points * publication.scale, maximum, value, publication.decimals, publication.rounding)
        return self.line(Explain.FORMULA, head=head, value=shown)


# --- the formula of a rule's adjustment, in Vietnamese words -------------------------------------


def _decimals_of(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _best_in_cohort(adj: Adjustment, words: _Words) -> tuple[str | None, str | None]:
    inputs, after = dict(adj.inputs), adj.after
    assert after is not None
    if set(inputs) == {"max_points"}:
        return words.line(Explain.FORMULA_NO_SCORES, maximum=_comma(inputs["max_points"])), None
    listed = "; ".join(f"{words.agency_name(agency)} {_comma(score)}" for agency, score in inputs.items())
    return words.line(Explain.FORMULA_BEST, scores=listed, value=words.number(after)), None


def _full_marks(adj: Adjustment, words: _Words) -> tuple[str | None, str | None]:
    maximum = _comma(dict(adj.inputs)["max_points"])
    return words.line(Explain.FORMULA_FULL, node=words.node_name(adj.node), maximum=maximum), None


def _proportional(adj: Adjustment, words: _Words) -> tuple[str | None, str | None]:
    inputs, after = dict(adj.inputs), adj.after
    assert after is not None
    earned, maximum, top = (Decimal(inputs[key]) for key in ("earned", "maximum", "max_points"))
    head = words.line(
        Explain.FORMULA_SHARE, earned=words.number(earned), maximum=words.number(maximum), top=words.number(top)
    )
    found = _ROUNDING_MODE.search(adj.formula or "")
    rounding = found.group(1) if found else "ROUND_HALF_UP"
    value = words.quotient(earned * top, maximum, after, _decimals_of(after), rounding)
    parts = [
        f"{words.node_name(key[len('score of ') :])} {_comma(item)}"
        for key, item in inputs.items()
        if key.startswith("score of ")
    ]
    return words.line(Explain.FORMULA, head=head, value=value), "; ".join(parts) or None


def _own_formula(adj: Adjustment, words: _Words) -> tuple[str | None, str | None]:
    """A rule's own formula text in Vietnamese notation: names for ids, ``;`` between arguments, decimal commas."""
    formula = None
    if adj.formula:
        text = words.names(adj.formula)
        text = _ROUNDING_MODE.sub(lambda found: f"({_rounding_mode(found.group(1), words.lang)})", text)
        text = _MAX_CALL.sub(words.line(Explain.MAX_CALL), text.replace(", ", "; "))
        formula = _comma(text)
    shown = "; ".join(f"{words.names(key)} = {_comma(item)}" for key, item in adj.inputs.items()) or None
    return formula, shown


def _rounding_mode(mode: str, lang: str) -> str:
    found = Rounding.of(mode)
    return mode if found is None else found.text(lang)


def _formula_vi(adj: Adjustment, words: _Words) -> tuple[str | None, str | None]:
    """The formula and the inputs of an adjustment, in Vietnamese words."""
    inputs = set(adj.inputs)
    if adj.after is not None and adj.rule == "best_in_cohort":
        return _best_in_cohort(adj, words)
    if adj.rule == "full_marks_if_not_applicable" and "max_points" in inputs:
        return _full_marks(adj, words)
    if (
        adj.after is not None
        and adj.rule == "proportional_imputation"
        and {"earned", "maximum", "max_points"} <= inputs
    ):
        return _proportional(adj, words)
    return _own_formula(adj, words)


# --- one function per kind of step -----------------------------------------------------------------


def _adjusted(step: Adjusted, words: _Words) -> list[str]:
    adj = step.adjustment
    lines = [
        words.line(
            Explain.RULE, rule=words.rule(adj.rule), before=words.points(adj.before), after=words.points(adj.after)
        )
    ]
    if words.vi:
        reason = adj.reason.get("vi")
        formula, inputs = _formula_vi(adj, words)
    else:
        reason = adj.reason_in("en")
        formula = adj.formula
        inputs = ", ".join(f"{key} = {item}" for key, item in adj.inputs.items()) or None
    if reason:
        lines.append(words.line(Explain.RULE_WHY, reason=words.names(reason)))
    if formula:
        lines.append(words.line(Explain.RULE_FORMULA, formula=formula))
    if inputs:
        lines.append(words.line(Explain.RULE_INPUTS, inputs=inputs))
    if adj.legal_basis is not None:
        lines.append(words.line(Explain.RULE_BASIS, basis=cite(adj.legal_basis, words.lang)))
    return lines


def _unapplied(step: Unapplied, words: _Words) -> list[str]:
    reason = step.item.reason_in(words.lang)
    return [
        words.line(Explain.UNAPPLIED, rule=words.rule(step.item.rule), reason=words.names(reason) if reason else "-")
    ]


def _unchanged(step: UnchangedBy, words: _Words) -> list[str]:
    facts = ", ".join(f"{fact} = {value}" for fact, value in step.item.facts)
    return [words.line(Explain.UNCHANGED, rule=words.rule(step.item.rule), facts=facts)]


def _parts(parts: tuple[tuple[Node, Decimal], ...], words: _Words) -> str:
    return " + ".join(
        words.line(Explain.PART, node=words.node(node), points=words.points(score)) for node, score in parts
    )


def _summed(step: Summed, words: _Words) -> list[str]:
    parts = _parts(step.parts, words)
    return [words.line(Explain.SUM, count=len(step.parts), parts=parts, points=words.points(step.value))]


def _averaged(step: Averaged, words: _Words) -> list[str]:
    """``trung bình cộng của 3 chỉ số thành phần: (a 0,8 + b 0,6 + c 0,7) / 3 = 0,7`` (or weighted, with weights)."""
    node = step.node
    if node.aggregate == "mean":
        how = AggregateWords.MEAN
        formula = "(" + _parts(step.parts, words) + f") / {len(step.parts)}"
    else:
        how = AggregateWords.WEIGHTED
        weights = [child.weight or Decimal(0) for child, _score in step.parts]
        total = sum(weights, Decimal(0))
        terms = " + ".join(
            f"{words.line(Explain.PART, node=words.node(child), points=words.points(score))} × {number(w, words.lang)}"
            for (child, score), w in zip(step.parts, weights, strict=True)
        )
        shown_total = total.quantize(Decimal(1)) if total == total.to_integral_value() else total
        formula = f"({terms}) / {number(shown_total, words.lang)}"
    lines = []
    if node.convert == "share":
        lines.append(AggregateWords.SHARE.text(words.lang, scale=number(node.max_points, words.lang)))
    head = how.text(words.lang, count=len(step.parts))
    value = words.points(step.value)
    shown = terminating(step.exact)
    if shown is not None and shown == step.value:
        lines.insert(0, AggregateWords.LINE.text(words.lang, how=head, formula=formula, value=value))
        return lines
    with exact_context():
        digits = divide(Decimal(step.exact.numerator), Decimal(step.exact.denominator), words.decimals + 4)
    exact_text = number(shown, words.lang) if shown is not None else number(digits, words.lang) + "…"
    line = AggregateWords.LINE_ROUNDED.text(
        words.lang,
        how=head,
        formula=formula,
        exact=exact_text,
        value=value,
        rounding=rounding_words(step.rounding, words.decimals, words.lang) if words.vi else step.rounding,
    )
    return [line, *lines]


def _below(step: AdjustedBelow, words: _Words) -> list[str]:
    lines = [words.line(Explain.BELOW)]
    for node, adj in step.changes:
        lines.append(
            words.line(
                Explain.BELOW_ONE,
                node=words.node(node),
                before=words.points(adj.before),
                after=words.points(adj.after),
                rule=words.rule(adj.rule),
            )
        )
    return lines


def _banded(step: Banded, words: _Words) -> list[str]:
    band = step.band
    if words.vi:
        text = words.line(Explain.BAND_WORDS, label=band.label, range=band_range(band.lower, band.upper, "vi"))
    else:
        text = words.line(Explain.BAND_WORDS, label=f"{band.label_en or band.id} ({band.label})", range=band.describe())
    return [words.line(Explain.BAND, band=text)]


def _scaled(step: Scaled, words: _Words) -> list[str]:
    scale, total = step.scale, step.total
    if words.vi:
        head = f"{words.number(total)} × {words.number(scale.numerator)} / {words.number(scale.denominator)}"
        shown = words.quotient(
            total * scale.numerator, scale.denominator, scale.apply(total), scale.decimals, scale.rounding
        )
        formula = words.line(Explain.FORMULA, head=head, value=shown)
        label = f" {scale.label}" if scale.label else ""
        rule = words.line(Explain.SCALE_RULE, rule=words.rule(scale.rule)) if scale.rule else ""
    else:
        formula = scale.formula(total)
        label = scale.label or f"× {scale.numerator:f} / {scale.denominator:f}"
        rule = scale.rule or "-"
    lines = [words.line(Explain.SCALE, label=label, formula=formula, rule=rule)]
    if scale.legal_basis is not None:
        lines.append(words.line(Explain.RULE_BASIS, basis=cite(scale.legal_basis, words.lang)))
    return lines


def _view_name(view: Any, words: _Words) -> str:
    """A view's (or node's) name: in Vietnamese its name, in English ``id: English name (Vietnamese name)``."""
    if words.vi:
        return str(view.name)
    named = f"{view.name_en} ({view.name})" if view.name_en else view.name
    return f"{view.id}: {named}"


def _view_scored(step: ViewScored, words: _Words) -> list[str]:
    scored = step.view_score
    lines = [
        words.line(
            Explain.VIEW,
            view=_view_name(step.view, words),
            parts=_parts(step.parts, words),
            points=words.points(scored.points),
            maximum=words.number(scored.maximum),
        )
    ]
    if step.publication is not None:
        lines.append(
            words.line(
                Explain.VIEW_PUBLISHED,
                scale=step.publication.name,
                formula=words.publication(step.publication, scored.points, scored.maximum),
                rank=words.rank(scored.rank),
                group=words.group(),
            )
        )
    return lines


_STEPS: dict[type, Callable[[Any, _Words], list[str]]] = {
    Given: lambda step, w: [w.line(Explain.GIVEN, points=w.points(step.value))],
    GivenWhole: lambda step, w: [w.line(Explain.GIVEN_WHOLE, points=w.points(step.value))],
    Measured: lambda step, w: [w.line(Explain.MEASURED, formula=step.measurement.formula_in(w.lang))],
    NotGiven: lambda step, w: [w.line(Explain.NOT_GIVEN)],
    NoScore: lambda step, w: [w.line(Explain.NO_SCORE, node=w.node(step.node))],
    Adjusted: _adjusted,
    Unapplied: _unapplied,
    UnchangedBy: _unchanged,
    Summed: _summed,
    Averaged: _averaged,
    AdjustedBelow: _below,
    Scored: lambda step, w: [w.line(Explain.SCORE, points=w.points(step.value))],
    Banded: _banded,
    Ranked: lambda step, w: [w.line(Explain.RANK, rank=w.rank(step.rank), group=w.group())],
    Scaled: _scaled,
    OnPublicationScale: lambda step, w: [
        w.line(
            Explain.PUBLISHED,
            scale=step.publication.name,
            formula=w.publication(step.publication, step.value, step.maximum),
        )
    ],
    ViewScored: _view_scored,
    ViewMissing: lambda step, w: [w.line(Explain.VIEW_MISSING)],
}


def _head(value: Explanation, words: _Words) -> list[str]:
    lines = [words.line(Explain.HEAD, agency=words.agency(), group=words.group())]
    if value.view is not None:
        view = value.view
        nodes = ", ".join(words.node_name(n) for n in view.nodes) if words.vi else ", ".join(view.nodes)
        maximum = words.number(value.maximum) if value.maximum is not None else "-"
        lines.append(words.line(Explain.VIEW_HEAD, view=_view_name(view, words), nodes=nodes, maximum=maximum))
        return lines
    node = value.node
    lines.append(words.line(Explain.NODE_HEAD, node=_view_name(node, words), maximum=words.number(node.max_points)))
    return lines


def _not_assessed(value: Explanation, words: _Words) -> list[str]:
    skipped = value.not_assessed
    assert skipped is not None
    lines = [
        words.line(
            Explain.NOT_ASSESSED,
            agency=words.agency(),
            group=words.group(),
            reason=skipped.reason,
            rule=words.rule(skipped.rule),
        )
    ]
    if value.basis is not None:
        lines.append(words.line(Explain.BASIS, basis=cite(value.basis, words.lang)))
    return lines


@exact
def explanation_lines(value: Explanation, lang: str = "vi") -> list[str]:
    """An :class:`~govindex.explanation.Explanation` in words: its lines (leading spaces indent them)."""
    check_lang(lang)
    words = _Words(value, lang)
    if value.not_assessed is not None:
        return _not_assessed(value, words)
    lines = _head(value, words)
    for step in value.steps:
        lines += _STEPS[type(step)](step, words)
    return lines


@exact
def rule_lines(value: Explanation, lang: str = "vi") -> list[str]:
    """The node's head line, then the lines of the rules among its steps (set or changed its score, or
    could not act), worded as :func:`explain` words them; nothing when no rule is among them."""
    check_lang(lang)
    words = _Words(value, lang)
    body: list[str] = []
    for step in value.steps:
        if isinstance(step, (Adjusted, Unapplied)):
            body += _STEPS[type(step)](step, words)
    return [_head(value, words)[-1], *body] if body else []


@exact
def explain(result: Result, agency: str, node: str | None = None, *, lang: str = "vi") -> str:
    """A readable account of the agency's score on ``node`` (default: the total), as plain text.

    ``lang`` is ``"vi"`` (the default, to be published) or ``"en"``. An
    agency that a rule kept out of the assessment is explained as not
    assessed, with the reason. Every line is one line: a line break in a
    name shows as ``⏎``.
    """
    check_lang(lang)
    return "\n".join(one_line(line) for line in explanation_lines(explanation(result, agency, node), lang))


def explanation_document(value: Explanation, lang: str = "vi") -> Document:
    """The explanation as a document: its first line the title, each other line a paragraph (indented)."""
    lines = explanation_lines(value, lang)
    blocks = [
        Paragraph("\u00a0" * (len(line) - len(line.lstrip(" "))) + line.lstrip(" ")) for line in lines[1:] if line
    ]
    return Document(lines[0] if lines else value.agency.name, blocks, lang)
