"""The parameters a rule accepts (tham số của quy tắc), declared once and checked generically.

A rule class declares its parameters as a tuple of :class:`Param` in the
class attribute ``schema``. A rubric's configuration of the rule is then
checked before the rule is built: an unknown key, a missing required key, a
value of the wrong type or outside its allowed set is refused with the
allowed values, at the position of the key in the rubric file. A rule
without a ``schema`` (a plugin written before schemas existed) is checked
only by building it.

>>> from govindex.rules.builtin import BestInCohort
>>> [problem.message for problem in check_params(BestInCohort.schema, {"fallback": "max", "cohor": "all"})]
["unknown parameter 'cohor' (did you mean 'cohort'?); the parameters are tag, cohort, fallback", "fallback must be one of refuse, max_points, keep, not 'max'"]
"""

from __future__ import annotations

import difflib
import enum
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

import attrs

from govindex._convert import FrozenDict, to_str_tuple
from govindex.errors import GovIndexError
from govindex.points import ROUNDING_MODES, parse_points

__all__ = ["Kind", "Param", "ParamProblem", "check_params", "frozen_params"]


class Kind(enum.Enum):
    """What a parameter holds."""

    #: a tag (nhãn) on rubric nodes: non-empty text that must mark a node the rule acts on
    TAG = "tag"
    #: the id of a rubric node: non-empty text that must name a node
    NODE = "node"
    #: one of ``choices``
    CHOICE = "choice"
    #: a decimal rounding mode (``ROUND_HALF_UP``...)
    ROUNDING = "rounding"
    #: non-empty text
    TEXT = "text"
    #: a number of points, read exactly (never a float)
    POINTS = "points"
    #: a whole number from ``minimum`` to ``maximum``
    INTEGER = "integer"
    #: a list of non-empty texts (agency ids, for instance)
    TEXTS = "texts"


@attrs.frozen
class Param:
    """One parameter of a rule: its name, what it holds, whether it must be given, and what it means."""

    name: str
    kind: Kind
    required: bool = False
    choices: tuple[str, ...] = attrs.field(default=(), converter=to_str_tuple)
    minimum: Decimal | int | None = None
    maximum: Decimal | int | None = None
    doc: str = ""

    def allowed(self) -> str:
        """The values allowed, in words."""
        if self.kind is Kind.CHOICE:
            return "one of " + ", ".join(self.choices)
        if self.kind is Kind.ROUNDING:
            return "one of " + ", ".join(sorted(ROUNDING_MODES))
        if self.kind is Kind.INTEGER:
            return f"a whole number from {self.minimum} to {self.maximum}"
        if self.kind is Kind.POINTS:
            return "a number" + (" above 0" if self.minimum == 0 else "")
        if self.kind is Kind.TEXTS:
            return "a list of non-empty texts"
        if self.kind is Kind.TAG:
            return "a tag (non-empty text)"
        if self.kind is Kind.NODE:
            return "a node id (non-empty text)"
        return "non-empty text"

    def check(self, value: object) -> str | None:
        """Why ``value`` is not allowed here, or ``None``. ``null`` is allowed for an optional parameter."""
        if value is None and not self.required:
            return None
        kind = self.kind
        if kind in (Kind.TAG, Kind.NODE, Kind.TEXT):
            ok = isinstance(value, str) and bool(value.strip())
        elif kind is Kind.CHOICE:
            ok = isinstance(value, str) and value in self.choices
        elif kind is Kind.ROUNDING:
            ok = isinstance(value, str) and value in ROUNDING_MODES
        elif kind is Kind.INTEGER:
            ok = (
                isinstance(value, int)
                and not isinstance(value, bool)
                and (self.minimum is None or value >= self.minimum)
                and (self.maximum is None or value <= self.maximum)
            )
        elif kind is Kind.POINTS:
            try:
                number = parse_points(value)
            except GovIndexError:
                ok = False
            else:
                ok = number.is_finite() and (self.minimum is None or number > self.minimum)
        else:  # TEXTS
            ok = isinstance(value, (list, tuple)) and all(isinstance(item, str) and item.strip() for item in value)
        if ok:
            return None
        return f"{self.name} must be {self.allowed()}, not {value!r}"


@attrs.frozen
class ParamProblem:
    """A problem with a rule's configuration: the parameter it is about (``None``: the rule as a whole)."""

    message: str
    param: str | None = None
    #: the problem is the key itself (an unknown parameter), not its value
    at_key: bool = False


def check_params(schema: Iterable[Param], params: Mapping[str, Any]) -> list[ParamProblem]:
    """Every problem of ``params`` against ``schema``: unknown and missing keys, values not allowed."""
    declared = {param.name: param for param in schema}
    problems: list[ParamProblem] = []
    for key in params:
        if key not in declared:
            close = difflib.get_close_matches(key, list(declared), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            listed = "; the parameters are " + ", ".join(declared) if declared else "; the rule takes no parameters"
            problems.append(ParamProblem(f"unknown parameter {key!r}{hint}{listed}", key, at_key=True))
    for name, param in declared.items():
        if name not in params:
            if param.required:
                problems.append(ParamProblem(f"required parameter {name!r} is missing ({param.allowed()})", None))
            continue
        why = param.check(params[name])
        if why is not None:
            problems.append(ParamProblem(why, name))
    return problems


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
