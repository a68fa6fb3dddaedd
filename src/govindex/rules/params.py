"""The parameters a rule accepts (tham số của quy tắc), declared once and checked generically.

A rule class declares its parameters as a tuple of :class:`Param` in the
class attribute ``schema``. A rubric's configuration of the rule is then
checked before the rule is built: an unknown key, a missing required key, a
value of the wrong type or outside its allowed set is refused with the
allowed values, at the position of the key in the rubric file. A rule
without a ``schema`` (a plugin written before schemas existed) is checked
by its factory's signature, then by building it.

Each problem is a :class:`ParamProblem`: a catalogue entry and its
parameters, worded in Vietnamese or English when it becomes an error
(:meth:`ParamProblem.error`).

>>> from govindex.rules.builtin import BestInCohort
>>> [p.error("best_in_cohort").describe("en") for p in check_params(BestInCohort.schema, {"fallback": "max", "cohor": "all"})]
["rule 'best_in_cohort': unknown parameter 'cohor' (did you mean 'cohort'?); the parameters are tag, cohort, fallback", "rule 'best_in_cohort': fallback must be one of refuse, max_points, keep, not 'max'"]
"""

from __future__ import annotations

import difflib
import enum
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

import attrs

from govindex._convert import frozen_params, to_dict, to_str_tuple
from govindex.catalogue import Entry
from govindex.catalogue.rules import Params
from govindex.errors import GovIndexError, RuleError
from govindex.points import ROUNDING_MODES, bounds_problem, parse_points

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
    #: a number of points, read exactly (never a float), within the bounds of rubric values
    POINTS = "points"
    #: a whole number from ``minimum`` to ``maximum``
    INTEGER = "integer"
    #: a list of non-empty texts (agency ids, for instance)
    TEXTS = "texts"


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _texts(value: object) -> bool:
    return isinstance(value, (list, tuple)) and all(_text(item) for item in value)


def _number(value: object) -> Decimal | None:
    try:
        number = parse_points(value)
    except GovIndexError:
        return None
    return number if bounds_problem(number) is None else None


@attrs.frozen
class ParamProblem:
    """A problem with a rule's configuration: what is wrong, and the parameter it is about.

    ``message`` is a catalogue entry of :class:`~govindex.catalogue.rules.Params`
    (or :class:`~govindex.catalogue.rules.Rules`) whose template takes
    ``rule`` and the ``values`` given here, or plain text (a third-party
    rule's own words). ``param`` is the parameter it is about (``None``: the
    rule as a whole); ``at_key``: the problem is the key itself (an unknown
    parameter), not its value.
    """

    message: Entry | str
    param: str | None = None
    at_key: bool = False
    values: Mapping[str, Any] = attrs.field(factory=dict, converter=to_dict, hash=False)

    def error(self, rule: str, *, path: str | None = None) -> RuleError:
        """The problem as an error of the rule named ``rule``."""
        if isinstance(self.message, Entry):
            return RuleError(self.message, rule=repr(rule), path=path, **self.values)
        from govindex.catalogue.cli import Plain

        return RuleError(Plain.RULE_TEXT, rule=repr(rule), text=self.message, path=path)


#: How each kind of parameter checks a value, and what it says when the value does not fit.
_CHECKS: dict[Kind, tuple[Callable[[Any, Any], bool], Params]] = {
    Kind.TAG: (lambda param, value: _text(value), Params.TAG),
    Kind.NODE: (lambda param, value: _text(value), Params.NODE),
    Kind.TEXT: (lambda param, value: _text(value), Params.TEXT),
    Kind.TEXTS: (lambda param, value: _texts(value), Params.TEXTS),
    Kind.CHOICE: (lambda param, value: isinstance(value, str) and value in param.choices, Params.CHOICE),
    Kind.ROUNDING: (lambda param, value: isinstance(value, str) and value in ROUNDING_MODES, Params.CHOICE),
    Kind.INTEGER: (lambda param, value: param.fits_integer(value), Params.INTEGER),
    Kind.POINTS: (lambda param, value: param.fits_points(value), Params.POINTS),
}


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

    def fits_integer(self, value: object) -> bool:
        return (
            isinstance(value, int)
            and not isinstance(value, bool)
            and (self.minimum is None or value >= self.minimum)
            and (self.maximum is None or value <= self.maximum)
        )

    def fits_points(self, value: object) -> bool:
        number = _number(value)
        return number is not None and (self.minimum is None or number > self.minimum)

    def problem(self, value: object) -> ParamProblem | None:
        """Why ``value`` is not allowed here, or ``None``. ``null`` is allowed for an optional parameter."""
        if value is None and not self.required:
            return None
        fits, reason = _CHECKS[self.kind]
        if fits(self, value):
            return None
        values: dict[str, Any] = {"key": self.name, "value": _shown(value)}
        if self.kind is Kind.CHOICE:
            values["choices"] = list(self.choices)
        elif self.kind is Kind.ROUNDING:
            values["choices"] = sorted(ROUNDING_MODES)
        elif self.kind is Kind.INTEGER:
            values.update(minimum=self.minimum, maximum=self.maximum)
        elif self.kind is Kind.POINTS and self.minimum == 0:
            reason = Params.POSITIVE
        return ParamProblem(reason, self.name, values=values)


def _unknown_key(key: str, declared: list[str]) -> ParamProblem:
    if not declared:
        return ParamProblem(Params.NONE_TAKEN, key, at_key=True, values={"key": repr(key)})
    close = difflib.get_close_matches(key, declared, n=1)
    if close:
        values = {"key": repr(key), "close": repr(close[0]), "known": declared}
        return ParamProblem(Params.UNKNOWN_CLOSE, key, at_key=True, values=values)
    return ParamProblem(Params.UNKNOWN, key, at_key=True, values={"key": repr(key), "known": declared})


def check_params(schema: Iterable[Param], params: Mapping[str, Any]) -> list[ParamProblem]:
    """Every problem of ``params`` against ``schema``: unknown and missing keys, values not allowed."""
    declared = {param.name: param for param in schema}
    problems = [_unknown_key(key, list(declared)) for key in params if key not in declared]
    for name, param in declared.items():
        if name not in params:
            if param.required:
                problems.append(ParamProblem(Params.MISSING, None, values={"key": repr(name)}))
            continue
        found = param.problem(params[name])
        if found is not None:
            problems.append(found)
    return problems
