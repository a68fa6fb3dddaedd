"""One registry of named factories, for methodology rules and measure kinds alike.

A :class:`Registry` maps a name (as a rubric writes it) to a factory, with
where the factory comes from: ``built-in``, ``registered`` (added in Python),
``rules file ...``, or an installed package's entry point, found in the
registry's entry-point ``group`` when a name is asked for. A registry is a
value: :meth:`Registry.with_entry` returns a new one, and nothing in the
process changes. Public as :class:`govindex.plugins.Registry`.
"""

from __future__ import annotations

import difflib
import inspect
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from govindex.catalogue.rules import Plugin
from govindex.errors import GovIndexError, RubricError, RuleError, UnknownNameError

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

__all__ = ["Registry", "installed_entry_points", "signature_problem"]

F = TypeVar("F", bound=Callable[..., Any])

#: The kinds of registry, with the words of their messages and the error they raise.
_KINDS: dict[str, tuple[Plugin, Plugin, type[GovIndexError]]] = {
    "rule": (Plugin.RULE, Plugin.HOW_TO_ADD_RULE, RuleError),
    "measure": (Plugin.MEASURE, Plugin.HOW_TO_ADD_MEASURE, RubricError),
}


def installed_entry_points(group: str) -> list[EntryPoint]:
    """The entry points installed packages declare in ``group``, by name and value."""
    from importlib.metadata import entry_points  # only when a name is looked up: import govindex stays light

    return sorted(entry_points(group=group), key=lambda e: (e.name, e.value))


class Registry(Generic[F]):
    """Factories by name, with where each comes from (một sổ đăng ký: quy tắc hoặc cách tính điểm).

    ``kind`` is ``"rule"`` or ``"measure"``; ``entries`` are the factories
    given (the built-ins, with ``origin``); ``group`` the entry-point group
    in which installed packages declare further names (looked up only when a
    name is not among the entries); ``discover`` finds those entry points
    (default: the installed packages'). An entry given here wins over an
    entry point of the same name; two installed packages that give one name
    are refused rather than one being picked silently.

    >>> registry = Registry("measure", {"half": dict})
    >>> registry.available()
    {'half': 'built-in'}
    >>> registry.with_entry("double", dict).available()
    {'double': 'registered', 'half': 'built-in'}
    >>> registry.get("twice")
    Traceback (most recent call last):
    ...
    govindex.errors.UnknownNameError: không có cách tính điểm tên 'twice'; hiện có: half. ...
    """

    __slots__ = ("_discover", "_entries", "group", "kind")

    def __init__(
        self,
        kind: str,
        entries: Mapping[str, F] | None = None,
        *,
        origin: str = "built-in",
        group: str | None = None,
        discover: Callable[[str], Iterable[EntryPoint]] = installed_entry_points,
    ) -> None:
        if kind not in _KINDS:
            raise RuleError(Plugin.BAD_KIND, kind=repr(kind))
        self.kind = kind
        self.group = group
        self._discover = discover
        self._entries: Mapping[str, tuple[F, str]] = MappingProxyType(
            {name: (factory, origin) for name, factory in (entries or {}).items()}
        )

    def _error(self, reason: Plugin, **params: Any) -> GovIndexError:
        what, how, cls = _KINDS[self.kind]
        if reason in (Plugin.UNKNOWN, Plugin.UNKNOWN_CLOSE):
            return UnknownNameError(reason, what=what, how=how, **params)
        return cls(reason, what=what, **params)

    def _entry_points(self, name: str | None = None) -> list[EntryPoint]:
        if self.group is None:
            return []
        return [entry for entry in self._discover(self.group) if name is None or entry.name == name]

    def _entry_point(self, name: str) -> F | None:
        found = self._entry_points(name)
        values = sorted({entry.value for entry in found})
        if len(values) > 1:
            raise self._error(Plugin.TWICE_INSTALLED, name=repr(name), values=values)
        if not found:
            return None
        try:
            factory: F = found[0].load()
        except Exception as error:  # an installed plugin that fails to import
            raise self._error(
                Plugin.BROKEN, name=repr(name), value=repr(found[0].value), error=f"{type(error).__name__}: {error}"
            ) from None
        return factory

    def get(self, name: str) -> F:
        """The factory of ``name``; an unknown name is refused, listing the names available and how to add one."""
        entry = self._entries.get(name)
        if entry is not None:
            return entry[0]
        factory = self._entry_point(name)
        if factory is not None:
            return factory
        known = list(self.available())
        close = difflib.get_close_matches(name, known, n=1)
        if close:
            raise self._error(Plugin.UNKNOWN_CLOSE, name=repr(name), close=repr(close[0]), known=known)
        raise self._error(Plugin.UNKNOWN, name=repr(name), known=known)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and (name in self._entries or bool(self._entry_points(name)))

    def origin(self, name: str) -> str | None:
        """Where ``name`` comes from (``built-in``, ``registered``, ``rules file x.py``, ``entry point m:C``), or ``None``."""
        entry = self._entries.get(name)
        if entry is not None:
            return entry[1]
        found = self._entry_points(name)
        return f"entry point {found[0].value}" if found else None

    def available(self) -> dict[str, str]:
        """Every name that resolves, with where it comes from, by name."""
        names = {entry.name: f"entry point {entry.value}" for entry in self._entry_points()}
        names.update({name: origin for name, (_factory, origin) in self._entries.items()})
        return dict(sorted(names.items()))

    def with_entry(self, name: str, factory: F, *, origin: str = "registered", replace: bool = False) -> Registry[F]:
        """A new registry in which ``name`` resolves to ``factory``; this one is unchanged.

        Refused: a name that is not text, a factory that is not callable, and
        (unless ``replace``) a name that already resolves.
        """
        if not isinstance(name, str) or not name.strip():
            raise self._error(Plugin.BAD_NAME, name=repr(name))
        if not callable(factory):
            raise self._error(Plugin.NOT_CALLABLE, name=repr(name), factory=repr(factory))
        if not replace and name in self:
            raise self._error(Plugin.TAKEN, name=repr(name), origin=self.origin(name) or "")
        made: Registry[F] = Registry(self.kind, group=self.group, discover=self._discover)
        made._entries = MappingProxyType({**self._entries, name: (factory, origin)})
        return made

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Registry):
            return NotImplemented
        return (self.kind, self.group, dict(self._entries)) == (other.kind, other.group, dict(other._entries))

    def __hash__(self) -> int:
        return hash((self.kind, self.group, tuple(sorted(self._entries))))

    def __repr__(self) -> str:
        return f"Registry({self.kind!r}, {sorted(self._entries)!r}, group={self.group!r})"


def signature_problem(
    factory: Callable[..., Any], params: Mapping[str, Any], skip: Iterable[str] = ()
) -> tuple[list[str], list[str], list[str]] | None:
    """What a factory's signature says of ``params``: (unknown keys, missing keys, the keys it takes).

    ``None`` when nothing is wrong, or when the signature cannot tell (a
    factory without one, or one that takes ``**kwargs``). ``skip`` are keys
    the caller passes itself (``legal_basis``).

    >>> def factory(points, tag="x", legal_basis=None): ...
    >>> signature_problem(factory, {"point": 1}, skip=["legal_basis"])
    (['point'], ['points'], ['points', 'tag'])
    >>> signature_problem(factory, {"points": 1}, skip=["legal_basis"]) is None
    True
    """
    try:
        signature = inspect.signature(factory)
    except (TypeError, ValueError):
        return None
    skipped = set(skip)
    taken: list[str] = []
    required: list[str] = []
    for parameter in signature.parameters.values():
        if parameter.kind is inspect.Parameter.VAR_KEYWORD:
            return None
        if parameter.kind in (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.VAR_POSITIONAL):
            continue
        if parameter.name in skipped:
            continue
        taken.append(parameter.name)
        if parameter.default is inspect.Parameter.empty:
            required.append(parameter.name)
    unknown = [key for key in params if key not in taken]
    missing = [key for key in required if key not in params]
    if not unknown and not missing:
        return None
    return unknown, missing, taken
