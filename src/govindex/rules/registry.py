"""Finding rules by name: built-ins, rules registered in Python, entry points.

Another province ships its own rule in a package that declares::

    [project.entry-points."govindex.rules"]
    my_rule = "my_package.rules:MyRule"

and names ``my_rule`` in its rubric. The entry point is a factory called as
``factory(legal_basis=..., **params)`` with the parameters the rubric gives.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from importlib.metadata import entry_points

from govindex.errors import RuleError, UnknownNameError
from govindex.rubric import RuleRef
from govindex.rules import Rule, RuleFactory

__all__ = ["ENTRY_POINT_GROUP", "available_rules", "register_rule", "resolve_rule", "resolve_rules"]

ENTRY_POINT_GROUP = "govindex.rules"

_BUILTINS: dict[str, RuleFactory] = {}
_REGISTERED: dict[str, RuleFactory] = {}


def _builtin(name: str, factory: RuleFactory) -> None:
    _BUILTINS[name] = factory


def register_rule(name: str, factory: RuleFactory, *, replace: bool = False) -> None:
    """Make ``name`` resolve to ``factory`` in this process.

    Refuses to shadow a built-in or an earlier registration unless
    ``replace`` is true.
    """
    if not replace and (name in _REGISTERED or name in _BUILTINS):
        raise RuleError(f"a rule named {name!r} is already registered; pass replace=True to replace it")
    _REGISTERED[name] = factory


def _entry_point_factories() -> dict[str, RuleFactory]:
    found: dict[str, RuleFactory] = {}
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        if entry.name in found:
            continue
        found[entry.name] = entry.load()
    return found


def available_rules() -> dict[str, str]:
    """Every rule name that resolves, with where it comes from."""
    _load_builtins()
    names = {name: "built-in" for name in _BUILTINS}
    names.update({entry.name: f"entry point {entry.value}" for entry in entry_points(group=ENTRY_POINT_GROUP)})
    names.update({name: "registered" for name in _REGISTERED})
    return dict(sorted(names.items()))


def _load_builtins() -> None:
    if not _BUILTINS:
        from govindex.rules import builtin

        for name, factory in builtin.BUILTIN_RULES.items():
            _builtin(name, factory)


def _factory(name: str) -> RuleFactory:
    if name in _REGISTERED:
        return _REGISTERED[name]
    _load_builtins()
    if name in _BUILTINS:
        return _BUILTINS[name]
    plugins = _entry_point_factories()
    if name in plugins:
        return plugins[name]
    raise UnknownNameError(f"unknown rule {name!r}; the rules available are {', '.join(available_rules()) or 'none'}")


def resolve_rule(ref: RuleRef) -> Rule:
    """Build the rule a rubric names, with its parameters."""
    factory = _factory(ref.name)
    try:
        rule = factory(legal_basis=ref.legal_basis, **dict(ref.params))
    except TypeError as error:
        raise RuleError(f"rule {ref.name!r}: bad parameters {dict(ref.params)!r}: {error}") from None
    if not isinstance(rule, Rule):
        raise RuleError(f"rule {ref.name!r}: its factory returned {rule!r}, which is not a Rule")
    return rule


def resolve_rules(refs: Iterable[RuleRef]) -> Sequence[Rule]:
    return tuple(resolve_rule(ref) for ref in refs)
