"""A methodology (phương pháp đánh giá): a rubric with its rules bound to rule objects.

A :class:`~govindex.rubric.Rubric` names its rules as data. :func:`bind`
turns those names into rule objects against a
:class:`~govindex.plugins.Plugins` (default: the installed rules), checking
every rule configuration against the rubric's trees and collecting every
problem. It is pure: it runs no file and changes nothing. The
:class:`Methodology` it returns is a frozen value that scoring runs as it is,
and that a user can copy and vary (``attrs.evolve``) to try another
methodology on the same scores:

>>> import attrs
>>> from govindex import Agency, Assessment, load_rubric, score
>>> methodology = bind(load_rubric("sonla-2017-it"))
>>> [rule.name for rule in methodology.rules]
['exclude']
>>> office = Assessment(Agency("van-phong-ubnd-tinh", "Văn phòng UBND tỉnh", "provincial"), {"total": 80})
>>> other = Assessment(Agency("so-noi-vu", "Sở Nội vụ", "provincial"), {"total": 70})
>>> len(score(methodology, [office, other])), len(score(attrs.evolve(methodology, rules=()), [office, other]))
(1, 2)

A rubric whose rule names a rules file gives is bound only against plugins
that hold that file's rules (:func:`govindex.io.load_methodology` with
``trust_rules=True``, or :func:`govindex.io.rule_plugins`); otherwise
binding is refused with the file and how to allow it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from govindex.catalogue.rules import Binding
from govindex.errors import RuleError, collected
from govindex.plugins import Plugins
from govindex.rubric import Rubric
from govindex.rules import Rule
from govindex.rules.check import rule_problems

__all__ = ["Methodology", "bind"]


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _rules(value: Iterable[Rule]) -> tuple[Rule, ...]:
    rules = tuple(value)
    for rule in rules:
        if not isinstance(rule, Rule):
            raise RuleError(Binding.NOT_A_RULE, rule=repr(getattr(rule, "name", "?")), value=_shown(rule))
    return rules


def _rubric(value: Any) -> Rubric:
    if not isinstance(value, Rubric):
        raise RuleError(Binding.RUBRIC, kind=type(value).__name__)
    return value


@attrs.frozen
class Methodology:
    """A rubric and the rule objects scoring runs, in order (phương pháp đánh giá).

    Made by :func:`bind`, which checks the rules against the rubric; a
    variation made with ``attrs.evolve`` (other rules, or none) is taken as
    given. ``rules`` are :class:`~govindex.rules.Rule` objects.
    """

    rubric: Rubric = attrs.field(converter=_rubric)
    rules: tuple[Rule, ...] = attrs.field(default=(), converter=_rules)

    @property
    def id(self) -> str:
        """The rubric's id."""
        return self.rubric.id


def bind(rubric: Rubric, plugins: Plugins | None = None) -> Methodology:
    """Bind a rubric's rules to rule objects, against ``plugins`` (default: the installed rules).

    Every rule configuration is checked against the rubric's trees (see
    :mod:`govindex.rules.check`); every problem is collected and raised
    once (:func:`govindex.errors.collected`), each with its place in a
    rubric file (``rules[1].params.tag``).

    >>> import attrs
    >>> from govindex import load_rubric
    >>> from govindex.rubric import RuleRef
    >>> rubric = load_rubric("sonla-2017-it")
    >>> bind(attrs.evolve(rubric, rules=[RuleRef("best_in_cohort", {"fallback": "max"})]))
    Traceback (most recent call last):
    ...
    govindex.errors.RuleError: rules[0].params.fallback: quy tắc 'best_in_cohort': fallback phải là một trong refuse, max_points, keep, không phải 'max'
    """
    rubric = _rubric(rubric)
    if plugins is None:
        plugins = Plugins.installed()
    elif not isinstance(plugins, Plugins):
        raise RuleError(Binding.PLUGINS, kind=type(plugins).__name__)
    if not rubric.rules:
        return Methodology(rubric)
    rules, problems = rule_problems(rubric, plugins)
    if problems:
        raise collected([problem.error for problem in problems])
    return Methodology(rubric, rules)
