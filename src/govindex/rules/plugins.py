"""Finding rules by name: built-ins, rules registered in Python, entry points.

Another province ships its own rule in a package that declares::

    [project.entry-points."govindex.rules"]
    my_rule = "my_package.rules:MyRule"

and names ``my_rule`` in its rubric. The entry point is a factory called as
``factory(legal_basis=..., **params)`` with the parameters the rubric gives.

A name resolves, in this order, to a rule registered in this process with
:func:`register_rule`, a built-in rule, then an installed entry point. Two
installed packages that provide the same name are refused rather than one
being picked silently.

>>> sorted(name for name, where in available_rules().items() if where == "built-in")
['best_in_cohort', 'exclude', 'full_marks_if_not_applicable', 'normalise', 'proportional_imputation']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from importlib.metadata import EntryPoint, entry_points

from govindex.errors import RuleError, UnknownNameError
from govindex.rubric import RuleRef
from govindex.rules import Rule, RuleFactory

__all__ = ["ENTRY_POINT_GROUP", "available_rules", "register_rule", "resolve_rule", "resolve_rules", "unregister_rule"]

#: The entry-point group in which installed packages declare their rules.
ENTRY_POINT_GROUP = "govindex.rules"

_REGISTERED: dict[str, RuleFactory] = {}


def _builtins() -> dict[str, RuleFactory]:
    from govindex.rules.builtin import BUILTIN_RULES

    return BUILTIN_RULES


def register_rule(name: str, factory: RuleFactory, *, replace: bool = False) -> None:
    """Make ``name`` resolve to ``factory`` in this process.

    ``factory`` is called as ``factory(legal_basis=..., **params)`` and must
    return a :class:`~govindex.rules.Rule` (a rule class usually is its own
    factory). Refuses to shadow a built-in or an earlier registration unless
    ``replace`` is true.

    >>> from govindex.rules.builtin import BestInCohort
    >>> register_rule("best_in_cohort", BestInCohort)
    Traceback (most recent call last):
    ...
    govindex.errors.RuleError: a rule named 'best_in_cohort' is already registered; pass replace=True to replace it
    """
    if not isinstance(name, str) or not name.strip():
        raise RuleError(f"a rule name must be non-empty text, not {name!r}")
    if not callable(factory):
        raise RuleError(f"rule {name!r}: the factory {factory!r} is not callable")
    if not replace and (name in _REGISTERED or name in _builtins()):
        raise RuleError(f"a rule named {name!r} is already registered; pass replace=True to replace it")
    _REGISTERED[name] = factory


def unregister_rule(name: str) -> None:
    """Forget a rule registered with :func:`register_rule` (built-ins stay)."""
    if name not in _REGISTERED:
        raise UnknownNameError(f"no rule named {name!r} was registered with register_rule")
    del _REGISTERED[name]


def _entry_points(name: str | None = None) -> list[EntryPoint]:
    found = entry_points(group=ENTRY_POINT_GROUP)
    return sorted((e for e in found if name is None or e.name == name), key=lambda e: (e.name, e.value))


def _load(entry: EntryPoint) -> RuleFactory:
    try:
        factory: RuleFactory = entry.load()
    except Exception as error:  # an installed plugin that fails to import
        raise RuleError(
            f"rule {entry.name!r}: the entry point {entry.value!r} cannot be loaded: {type(error).__name__}: {error}"
        ) from None
    return factory


def available_rules() -> dict[str, str]:
    """Every rule name that resolves, with where it comes from, by name."""
    names: dict[str, str] = {}
    for entry in _entry_points():
        names[entry.name] = f"entry point {entry.value}"
    names.update({name: "built-in" for name in _builtins()})
    names.update({name: "registered" for name in _REGISTERED})
    return dict(sorted(names.items()))


def _factory(name: str) -> RuleFactory:
    if name in _REGISTERED:
        return _REGISTERED[name]
    builtins = _builtins()
    if name in builtins:
        return builtins[name]
    found = _entry_points(name)
    distinct = sorted({entry.value for entry in found})
    if len(distinct) > 1:
        raise RuleError(f"rule {name!r} is provided by more than one installed package: {', '.join(distinct)}")
    if found:
        return _load(found[0])
    raise UnknownNameError(f"unknown rule {name!r}; the rules available are {', '.join(available_rules())}")


def resolve_rule(ref: RuleRef) -> Rule:
    """Build the rule a rubric names, with its parameters and legal basis.

    >>> from govindex import RuleRef
    >>> resolve_rule(RuleRef("normalise", {"to": 100, "decimals": 2})).name
    'normalise'
    >>> resolve_rule(RuleRef("normalise", {"to": 100, "decimal": 2}))
    Traceback (most recent call last):
    ...
    govindex.errors.RuleError: rule 'normalise': bad parameters {'to': 100, 'decimal': 2}: ...
    """
    factory = _factory(ref.name)
    try:
        rule = factory(legal_basis=ref.legal_basis, **dict(ref.params))
    except TypeError as error:
        raise RuleError(f"rule {ref.name!r}: bad parameters {dict(ref.params)!r}: {error}") from None
    if not isinstance(rule, Rule):
        raise RuleError(f"rule {ref.name!r}: its factory returned {rule!r}, which is not a Rule")
    return rule


def resolve_rules(refs: Iterable[RuleRef]) -> Sequence[Rule]:
    """Build every rule a rubric names, in order."""
    return tuple(resolve_rule(ref) for ref in refs)
