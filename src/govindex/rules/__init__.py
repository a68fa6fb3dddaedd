"""Methodology rules (quy tắc tính điểm) as pluggable objects.

A rule has a ``name``, the ``legal_basis`` it implements, its ``params`` and a
pure ``apply`` that sees the rubric and the whole cohort and returns a
:class:`RuleOutcome`: the scores it sets or changes (each an
:class:`Adjustment` that records what it used), the agencies it keeps out of
the ranking, and optionally a :class:`Scale` on which totals are also
published. Rules run in the order the rubric lists them; each sees the scores
as the previous rules left them. Raw scores are never overwritten.

A rule may also give its own name, per language (``title(lang)``,
:func:`rule_title`), and say which agency facts it reads (``reads``, or
``reads_in(rubric, group)``): scoring then records, for each agency that
states such a fact and that the rule changed nothing for, an
:class:`Unchanged` (shown by ``explain``, warned by the command line).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any, Protocol, runtime_checkable

import attrs

from govindex._convert import to_dict
from govindex.assessment import Assessment
from govindex.catalogue import LANGS
from govindex.points import divide
from govindex.rubric import LegalBasis, Node, Rubric
from govindex.rules._common import tagged_leaves, untagged_parts
from govindex.rules._text import number_text, rounded_formula

__all__ = [
    "Adjustment",
    "NotApplied",
    "Rule",
    "RuleContext",
    "RuleFactory",
    "RuleOutcome",
    "Scale",
    "Unchanged",
    "rule_title",
    "rule_titles",
    "tagged_leaves",
    "untagged_parts",
]


@attrs.frozen
class Adjustment:
    """One value a rule set or changed (điều chỉnh), with everything needed to explain it.

    ``before`` is the score as it stood when the rule ran (``None``: not
    given), ``after`` the score the rule set. ``inputs`` names the numbers the
    rule used, as exact decimal text; ``formula`` shows the computation with
    those numbers (``45.5 / 60 × 5 = 3.791666… → 3.79 (ROUND_HALF_UP)``);
    ``reason`` says in words why the rule applied, per language (``"en"``,
    ``"vi"``); ``legal_basis`` is the decision the rule implements.

    >>> adj = Adjustment("so-ngoai-vu", "dvc", Decimal(0), Decimal("3.79"), "proportional_imputation",
    ...                  inputs={"earned": "45.5"}, formula="45.5 / 60 × 5 = 3.791666… → 3.79 (ROUND_HALF_UP)")
    >>> adj.change
    Decimal('3.79')
    """

    agency: str
    node: str
    before: Decimal | None
    after: Decimal
    rule: str
    inputs: Mapping[str, str] = attrs.field(factory=dict, converter=to_dict, hash=False)
    formula: str | None = None
    legal_basis: LegalBasis | None = None
    reason: Mapping[str, str] = attrs.field(factory=dict, converter=to_dict, hash=False)

    @property
    def change(self) -> Decimal:
        """``after - before`` (a score that was not given counts as 0)."""
        return self.after - (self.before if self.before is not None else Decimal(0))

    def reason_in(self, lang: str) -> str | None:
        """The reason in ``lang``, else in English, else ``None``."""
        return self.reason.get(lang) or self.reason.get("en")


@attrs.frozen
class Scale:
    """Publish totals on another scale: ``total × numerator / denominator``.

    The PAR INDEX component is published per 100 (``11.3008 × 100 / 13.5 =
    83.71``); the national DTI as a 0-1 index (``points × 1 / 1000``).
    """

    numerator: Decimal
    denominator: Decimal
    decimals: int
    rounding: str = "ROUND_HALF_UP"
    label: str | None = None
    rule: str | None = None
    legal_basis: LegalBasis | None = None

    def apply(self, total: Decimal) -> Decimal:
        """The total on this scale, rounded once.

        >>> Scale(Decimal(100), Decimal("13.5"), 2).apply(Decimal("11.3008"))
        Decimal('83.71')
        """
        return divide(total * self.numerator, self.denominator, self.decimals, self.rounding)

    def formula(self, total: Decimal) -> str:
        """The computation with its numbers.

        >>> Scale(Decimal(100), Decimal("13.5"), 2).formula(Decimal("11.3008"))
        '11.3008 × 100 / 13.5 = 83.709629… → 83.71 (ROUND_HALF_UP)'
        >>> Scale(Decimal(1), Decimal(1000), 4).formula(Decimal("261.3"))
        '261.3 × 1 / 1000 = 0.2613'
        """
        head = f"{number_text(total)} × {number_text(self.numerator)} / {number_text(self.denominator)}"
        return rounded_formula(head, total * self.numerator, self.denominator, self.decimals, self.rounding)


def _adjustments(value: Iterable[Adjustment]) -> tuple[Adjustment, ...]:
    return tuple(value)


@attrs.frozen
class NotApplied:
    """A rule that concerned an agency but could not act on it (không áp dụng được), and why.

    ``node`` is the sub-criterion concerned (``None``: the agency as a
    whole); ``reason`` says why, per language (``"en"``, ``"vi"``). Scoring
    keeps these in :attr:`Result.not_applied
    <govindex.results.Result.not_applied>` and ``explain`` shows them.
    """

    agency: str
    rule: str
    reason: Mapping[str, str] = attrs.field(converter=to_dict, hash=False)
    node: str | None = None
    legal_basis: LegalBasis | None = None

    def reason_in(self, lang: str) -> str | None:
        """The reason in ``lang``, else in English, else ``None``."""
        return self.reason.get(lang) or self.reason.get("en")


def _not_applied(value: Iterable[NotApplied]) -> tuple[NotApplied, ...]:
    return tuple(value)


def _facts(value: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple((str(fact), str(stated)) for fact, stated in value)


@attrs.frozen
class Unchanged:
    """A rule read a fact an agency states and changed nothing for it (quy tắc không làm thay đổi điểm).

    ``facts`` are the facts the rule reads that the agency states, as
    ``(fact, value)`` pairs (``("has_subordinate_units", "false")``,
    ``("attributes.late_report", "True")``). It is no error: an agency
    without subordinate units that already has the cohort's best score keeps
    it. But a fact that changes nothing may be a mistake in the scores or in
    the rubric, so scoring keeps these in :attr:`Result.unchanged
    <govindex.results.Result.unchanged>`, ``explain`` shows them and the
    command line warns.
    """

    agency: str
    rule: str
    facts: tuple[tuple[str, str], ...] = attrs.field(converter=_facts)
    legal_basis: LegalBasis | None = None


@attrs.frozen
class RuleOutcome:
    """What one rule did: adjustments, agencies excluded (id -> reason), a scale, where it could not act,
    and agencies scored and banded but left out of the ranking (id -> reason)."""

    adjustments: tuple[Adjustment, ...] = attrs.field(default=(), converter=_adjustments)
    excluded: Mapping[str, str] = attrs.field(factory=dict, converter=to_dict, hash=False)
    scale: Scale | None = None
    not_applied: tuple[NotApplied, ...] = attrs.field(default=(), converter=_not_applied)
    not_ranked: Mapping[str, str] = attrs.field(factory=dict, converter=to_dict, hash=False)


@attrs.frozen
class RuleContext:
    """What a rule sees: the rubric and the cohort's scores as they stand.

    ``assessments`` carry the scores after the rules before this one ran
    (raw scores plus earlier adjustments), in a stable order (group, agency id).
    """

    rubric: Rubric
    assessments: tuple[Assessment, ...]
    _current: dict[str, Any] = attrs.field(init=False, factory=dict, eq=False, repr=False, hash=False)

    def tree(self, assessment: Assessment) -> Node:
        return self.rubric.tree(assessment.agency.group)

    def tags_of(self, assessment: Assessment, node: Node | str) -> frozenset[str]:
        """The tags that mark ``node`` in the assessment's tree: its own and those of the criteria above it.

        ``node.tags`` holds only the tags written on the node itself; a rule
        reads a tag through here (or :func:`tagged_leaves`), so that a tag on
        a criterion marks every sub-criterion below it, as it does for the
        rubric's own checks.
        """
        node_id = node.id if isinstance(node, Node) else node
        return self.rubric.group(assessment.agency.group).tags_of(node_id)

    def cohort(self, group: str) -> tuple[Assessment, ...]:
        """The assessments of one ranking group."""
        return tuple(a for a in self.assessments if a.agency.group == group)

    def node_score(self, assessment: Assessment, node: Node) -> Decimal | None:
        """The node's score as it stands: given, or the sum of its children, or None.

        Read through the scoring engine's one implementation of the sum
        (:func:`govindex.engine.standing`), for the whole cohort at once.
        """
        current = self._current.get("cohort")
        if current is None:
            from govindex.engine._standing import CurrentScores

            current = self._current["cohort"] = CurrentScores(self.rubric, self.assessments)
        value: Decimal | None = current.score(assessment, node)
        return value


@runtime_checkable
class Rule(Protocol):
    """The protocol every methodology rule follows.

    Besides these, a rule may have (each optional):

    - ``title(lang) -> str``: its own name in ``"vi"`` and ``"en"`` (see
      :func:`rule_title`; without it, its ``name`` is shown);
    - ``schema``: the parameters it takes (:mod:`govindex.rules.params`);
    - ``reads`` or ``reads_in(rubric, group)``: the agency facts it reads;
    - ``check_rubric(rubric)``: what only it can check of a rubric.
    """

    @property
    def name(self) -> str: ...

    @property
    def legal_basis(self) -> LegalBasis | None: ...

    @property
    def params(self) -> Mapping[str, Any]: ...

    def apply(self, context: RuleContext) -> RuleOutcome: ...


#: Builds a rule from its parameters (as written in a rubric) and its legal basis.
RuleFactory = Callable[..., Rule]


def rule_title(rule: Rule, lang: str = "vi") -> str:
    """A rule's own name in ``lang`` (its ``title(lang)``), else its ``name``.

    >>> from govindex.rules.builtin import BestInCohort, Exclude
    >>> rule_title(BestInCohort(), "vi"), rule_title(BestInCohort(), "en")
    ('tính bằng điểm cao nhất của các cơ quan, đơn vị', 'best_in_cohort')
    """
    title = getattr(rule, "title", None)
    if callable(title):
        text = title(lang)
        if isinstance(text, str) and text.strip():
            return text
    return rule.name


def rule_titles(rule: Rule) -> Mapping[str, str]:
    """A rule's name in every language (``{"vi": ..., "en": ...}``)."""
    return {lang: rule_title(rule, lang) for lang in LANGS}
