"""Where rule names and measure kinds resolve (phần mở rộng): one value, passed explicitly.

A :class:`Plugins` holds two :class:`Registry` values: ``rules`` (the
methodology rules a rubric names) and ``measures`` (the kinds of ``measure:``
a rubric's leaves use). :meth:`Plugins.installed` has the built-ins and what
installed packages declare as entry points::

    [project.entry-points."govindex.rules"]
    late_report_penalty = "my_package.rules:LateReportPenalty"

    [project.entry-points."govindex.measures"]
    half = "my_package.measures:Half"

Nothing is registered in the process: a province's own rule written in
Python is added to a value, which is then passed where it is used
(:func:`govindex.bind`, :func:`govindex.io.load_methodology`,
:func:`govindex.io.read_rubric`)::

    >>> from govindex.rules.builtin import BestInCohort
    >>> plugins = Plugins.installed().with_rule("best_of_group", BestInCohort)
    >>> plugins.rules.origin("best_of_group"), Plugins.installed().rules.origin("best_of_group") is None
    ('registered', True)
    >>> sorted(name for name, where in plugins.rules.available().items() if where == "built-in")
    ['best_in_cohort', 'exclude', 'full_marks_if_not_applicable', 'normalise', 'not_ranked', 'proportional_imputation']

A rules file (a Python file that defines ``RULES``) is run only by
:func:`govindex.io.rule_plugins` or :func:`govindex.io.load_methodology`;
its rules join a :class:`Plugins` through :meth:`Plugins.with_rule_file`,
which refuses a name that an installed rule or another rules file already
gives.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from govindex._registry import Registry
from govindex.catalogue.rules import Plugin, RuleFiles
from govindex.errors import RuleError
from govindex.measures import MeasureFactory, installed_measures
from govindex.rules import RuleFactory
from govindex.rules.builtin import BUILTIN_RULES

__all__ = ["RULES_GROUP", "Plugins", "Registry", "installed_rules"]

#: The entry-point group in which installed packages declare their rules.
RULES_GROUP = "govindex.rules"


def installed_rules() -> Registry[RuleFactory]:
    """The rules installed: the built-ins, then the entry points of ``govindex.rules``."""
    return Registry("rule", BUILTIN_RULES, group=RULES_GROUP)


def _rule_registry(value: Registry[RuleFactory]) -> Registry[RuleFactory]:
    if not isinstance(value, Registry) or value.kind != "rule":
        raise RuleError(Plugin.NOT_REGISTRY, field="rules", what=Plugin.RULE, value=repr(value)[:60])
    return value


def _measure_registry(value: Registry[MeasureFactory]) -> Registry[MeasureFactory]:
    if not isinstance(value, Registry) or value.kind != "measure":
        raise RuleError(Plugin.NOT_REGISTRY, field="measures", what=Plugin.MEASURE, value=repr(value)[:60])
    return value


def _files(value: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen
class Plugins:
    """The rules and measure kinds a rubric's names resolve to.

    ``rule_files`` lists the rules files whose rules ``rules`` holds, as they
    were named when they were run (so that binding can tell a rubric's own
    rules file that was not allowed from one that was).
    """

    rules: Registry[RuleFactory] = attrs.field(factory=installed_rules, converter=_rule_registry)
    measures: Registry[MeasureFactory] = attrs.field(factory=installed_measures, converter=_measure_registry)
    rule_files: tuple[str, ...] = attrs.field(default=(), converter=_files)

    @classmethod
    def installed(cls) -> Plugins:
        """The built-in rules and measure kinds, and those of installed packages' entry points."""
        return cls()

    def with_rule(
        self, name: str, factory: RuleFactory, *, origin: str = "registered", replace: bool = False
    ) -> Plugins:
        """These plugins with the rule ``name`` (see :meth:`Registry.with_entry`); this value is unchanged.

        ``factory`` is called as ``factory(legal_basis=..., **params)`` and
        must return a :class:`~govindex.rules.Rule` (a rule class usually is
        its own factory).
        """
        return attrs.evolve(self, rules=self.rules.with_entry(name, factory, origin=origin, replace=replace))

    def with_measure(
        self, name: str, factory: MeasureFactory, *, origin: str = "registered", replace: bool = False
    ) -> Plugins:
        """These plugins with the measure kind ``name``, called with the parameters the rubric gives beside ``kind``."""
        return attrs.evolve(self, measures=self.measures.with_entry(name, factory, origin=origin, replace=replace))

    def with_rule_file(self, path: str, rules: Mapping[str, RuleFactory]) -> Plugins:
        """These plugins with the rules a rules file defines (``RULES``), named ``path`` in messages.

        A name an installed rule or another rules file already gives is
        refused (:class:`~govindex.errors.RuleError` naming the file): a rules
        file never replaces a rule silently.
        """
        registry = self.rules
        for name, factory in rules.items():
            where = registry.origin(name) if isinstance(name, str) else None
            if where is not None:
                raise RuleError(RuleFiles.NAME_TAKEN, name=repr(name), origin=where, file=path)
            registry = registry.with_entry(name, factory, origin=f"rules file {path}")
        return attrs.evolve(self, rules=registry, rule_files=(*self.rule_files, path))
