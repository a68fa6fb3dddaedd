"""Finding rules by name: built-ins, rules registered in Python, entry points.

Another province ships its own rule in a package that declares::

    [project.entry-points."govindex.rules"]
    my_rule = "my_package.rules:MyRule"

and names ``my_rule`` in its rubric. The entry point is a factory called as
``factory(legal_basis=..., **params)`` with the parameters the rubric gives.

A name resolves, in this order, to a rule registered in this process with
:func:`register_rule`, a built-in rule, a rule of a rules file the rubric
loads (:class:`RuleFile`), then an installed entry point. Two installed
packages that provide the same name are refused rather than one being picked
silently, and so is a rules file that defines a name already installed.

A rubric resolves its rules once, when it is built, against a
:class:`RulePlugins` (by default the installed rules); scoring then runs the
rule objects the rubric holds and looks nothing up.

>>> sorted(name for name, where in available_rules().items() if where == "built-in")
['best_in_cohort', 'exclude', 'full_marks_if_not_applicable', 'normalise', 'proportional_imputation']
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from importlib.metadata import EntryPoint, entry_points
from types import MappingProxyType
from typing import Any

import attrs

from govindex.errors import RuleError, UnknownNameError
from govindex.rubric import RuleRef
from govindex.rules import Rule, RuleFactory

__all__ = [
    "ENTRY_POINT_GROUP",
    "HOW_TO_ADD",
    "RuleFile",
    "RulePlugins",
    "available_rules",
    "register_rule",
    "resolve_rule",
    "resolve_rules",
    "unregister_rule",
]

#: How a rule that is not installed can be added, for error messages.
HOW_TO_ADD = (
    "a rule is added by a package's entry point in the group 'govindex.rules', by register_rule() in Python, "
    "or by a rules file (the rubric key rule_files, or --rules FILE)"
)

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


def _read_only(value: Mapping[str, RuleFactory]) -> Mapping[str, RuleFactory]:
    return MappingProxyType(dict(value))


@attrs.frozen
class RuleFile:
    """The rule classes a Python rules file defines, by the name a rubric uses (``path`` as given)."""

    path: str
    rules: Mapping[str, RuleFactory] = attrs.field(converter=_read_only, eq=False, hash=False)


def _files(value: Iterable[RuleFile]) -> tuple[RuleFile, ...]:
    return tuple(value)


def _installed(name: str) -> RuleFactory | None:
    if name in _REGISTERED:
        return _REGISTERED[name]
    builtins = _builtins()
    if name in builtins:
        return builtins[name]
    return None


def _entry_point_factory(name: str) -> RuleFactory | None:
    found = _entry_points(name)
    distinct = sorted({entry.value for entry in found})
    if len(distinct) > 1:
        raise RuleError(f"rule {name!r} is provided by more than one installed package: {', '.join(distinct)}")
    return _load(found[0]) if found else None


def is_installed(name: str) -> bool:
    """Whether ``name`` resolves without any rules file (registered, built-in or an entry point)."""
    return _installed(name) is not None or bool(_entry_points(name))


@attrs.frozen
class RulePlugins:
    """Where rule names resolve: the installed rules (registered, built-in, entry points) and ``files``.

    ``RulePlugins()`` is the installed rules alone. A rubric is built against
    one (:attr:`Rubric.plugins <govindex.rubric.Rubric.plugins>`) and
    resolves its rule names through it once, when it is built.
    """

    files: tuple[RuleFile, ...] = attrs.field(default=(), converter=_files)

    def factory(self, name: str) -> RuleFactory:
        """The factory of the rule ``name``; an unknown name is refused, listing the rules available."""
        found = _installed(name)
        if found is not None:
            return found
        for rule_file in self.files:
            if name in rule_file.rules:
                return rule_file.rules[name]
        found = _entry_point_factory(name)
        if found is not None:
            return found
        available = self.available()
        close = difflib.get_close_matches(name, list(available), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise UnknownNameError(
            f"unknown rule {name!r}{hint}; the rules available are {', '.join(available)}; {HOW_TO_ADD}"
        )

    def available(self) -> dict[str, str]:
        """Every rule name that resolves, with where it comes from, by name."""
        names = available_rules()
        for rule_file in self.files:
            for name in rule_file.rules:
                names.setdefault(name, f"rules file {rule_file.path}")
        return dict(sorted(names.items()))

    def resolve(self, ref: RuleRef) -> Rule:
        """Build the rule ``ref`` names (see :func:`resolve_rule`)."""
        return _build(self.factory(ref.name), ref)


def _build(factory: RuleFactory, ref: RuleRef) -> Rule:
    from govindex.rules.params import check_params

    schema = getattr(factory, "schema", None)
    if schema is not None:
        problems = check_params(schema, ref.params)
        if problems:
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            raise RuleError(f"rule {ref.name!r}: {problems[0].message}{more}")
    params: dict[str, Any] = dict(ref.params)
    try:
        rule = factory(legal_basis=ref.legal_basis, **params)
    except TypeError as error:
        raise RuleError(f"rule {ref.name!r}: bad parameters {params!r}: {error}") from None
    if not isinstance(rule, Rule):
        raise RuleError(f"rule {ref.name!r}: its factory returned {rule!r}, which is not a Rule")
    return rule


def _factory(name: str) -> RuleFactory:
    return RulePlugins().factory(name)


def resolve_rule(ref: RuleRef) -> Rule:
    """Build the rule a rubric names, with its parameters and legal basis.

    >>> from govindex import RuleRef
    >>> resolve_rule(RuleRef("normalise", {"to": 100, "decimals": 2})).name
    'normalise'
    >>> resolve_rule(RuleRef("normalise", {"to": 100, "decimal": 2}))
    Traceback (most recent call last):
    ...
    govindex.errors.RuleError: rule 'normalise': unknown parameter 'decimal' (did you mean 'decimals'?); ...
    """
    return _build(_factory(ref.name), ref)


def resolve_rules(refs: Iterable[RuleRef]) -> Sequence[Rule]:
    """Build every rule a rubric names, in order."""
    return tuple(resolve_rule(ref) for ref in refs)
