"""Typed attrs converters (the builtins confuse the type checker) and a read-only dict."""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from typing import Any, NoReturn, TypeVar

__all__ = ["FrozenDict", "frozen_params", "to_dict", "to_frozenset", "to_str_tuple"]

_K = TypeVar("_K")
_V = TypeVar("_V")


class FrozenDict(dict[_K, _V]):
    """A dict that cannot be changed after it is made (the mappings of frozen values).

    It reads, compares, prints and serialises like a dict, so JSON writers and
    doctests see no difference; every way of changing it raises ``TypeError``.

    >>> scores = FrozenDict({"security": 8})
    >>> scores["security"] = -5
    Traceback (most recent call last):
    ...
    TypeError: this mapping is read-only; make a new value with attrs.evolve
    >>> scores == {"security": 8}, scores
    (True, {'security': 8})
    """

    __slots__ = ()

    def _read_only(self, *args: object, **kwargs: object) -> NoReturn:
        raise TypeError("this mapping is read-only; make a new value with attrs.evolve")

    __setitem__ = _read_only
    __delitem__ = _read_only
    __ior__ = _read_only
    clear = _read_only
    pop = _read_only
    popitem = _read_only
    setdefault = _read_only
    update = _read_only

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (dict(self),))

    def __copy__(self) -> FrozenDict[_K, _V]:
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> FrozenDict[_K, _V]:
        return type(self)(copy.deepcopy(dict(self), memo))


def to_dict(value: Mapping[str, Any]) -> FrozenDict[str, Any]:
    return value if type(value) is FrozenDict else FrozenDict(value)


def to_frozenset(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


def to_str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _frozen(value: Any) -> Any:
    if isinstance(value, Mapping):
        return FrozenDict({key: _frozen(item) for key, item in value.items()})
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(item) for item in value)
    if isinstance(value, (set, frozenset)):
        return frozenset(value)
    return value


def frozen_params(value: Mapping[str, Any]) -> Mapping[str, Any]:
    """A read-only copy of rule parameters: mappings become read-only, lists become tuples.

    >>> params = frozen_params({"agencies": ["a", "b"], "reason": "x"})
    >>> params["agencies"]
    ('a', 'b')
    >>> params["reason"] = "y"
    Traceback (most recent call last):
    ...
    TypeError: this mapping is read-only; make a new value with attrs.evolve
    """
    frozen: Mapping[str, Any] = _frozen(dict(value))
    return frozen
