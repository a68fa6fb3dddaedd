"""Scoring methods of sub-criteria (cách tính điểm): from what an agency reports to points.

A leaf of a rubric may say how its points follow from a measurement
(số liệu) that the agency reports, with ``measure:``::

    - {id: may_tinh, name: Tỷ lệ máy tính/CBCC, max_points: 2, measure: {kind: ratio}}
    - {id: hop_bcd, name: Số cuộc họp Ban Chỉ đạo trong năm, max_points: 20,
       measure: {kind: steps, steps: [[4, 20], [3, 15], [2, 10], [1, 5]]}}
    - {id: website, name: Có Trang thông tin điện tử, max_points: 3, measure: {kind: yes_no}}
    - {id: truong_ban, name: Trưởng Ban Chỉ đạo, max_points: 2,
       measure: {kind: choice, choices: {chu_tich: 1, pho_chu_tich: 0.5, khac: 0}}}

The kinds:

- ``ratio`` (tỷ lệ): the value is ``a/b`` (``95/120``), a share in [0, 1]
  (``0,79``) or a percentage (``79%``); points = share × maximum, rounded
  half-up to the rubric's decimals. A share above 1 is refused unless the
  measure says ``cap: true`` (then it counts as 1).
- ``steps`` (bậc): ``[at_least, points]`` pairs; the highest threshold the
  value reaches gives its points, none reached gives 0.
- ``yes_no`` (có/không): ``có``/``không``, ``yes``/``no``, ``1``/``0`` give the
  maximum or 0.
- ``choice`` (lựa chọn): each named answer gives a share of the maximum.

Further kinds come from packages that declare the entry-point group
``govindex.measures`` or from :func:`register_measure`. A measure's
configuration is checked when the rubric is read; a measurement that cannot
be (``ba`` for a count, ``130/120`` without ``cap``, ``maybe``, an unknown
choice) is refused with a :class:`~govindex.errors.InputError`.

Everything is exact: numbers are read from their digits as
:class:`~decimal.Decimal`, never through ``float``, and worked out in the
library's own decimal context whatever the caller's.

>>> from decimal import Decimal
>>> ratio = resolve_measure({"kind": "ratio"})
>>> taken = ratio.measure("95/120", Decimal(2), 2)
>>> taken.points, taken.formula_in("vi"), taken.formula_in("en")
(Decimal('1.58'), '95/120 = 0,7917 × 2 = 1,58', '95/120 = 0.7917 × 2 = 1.58')
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import attrs

from govindex.errors import InputError, RubricError, UnknownNameError

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

from govindex.points import bounds_problem, decimals_of, divide, exact_context, terminating

__all__ = [
    "ENTRY_POINT_GROUP",
    "Choice",
    "Measure",
    "MeasureFactory",
    "Measurement",
    "Ratio",
    "Steps",
    "YesNo",
    "available_measures",
    "measure_text",
    "parse_count",
    "register_measure",
    "resolve_measure",
    "unregister_measure",
]

#: The entry-point group in which installed packages declare further measure kinds.
ENTRY_POINT_GROUP = "govindex.measures"

#: Digits shown for a share that does not end within them (``95/120 = 0,7917``).
SHARE_DIGITS = 4


@attrs.frozen
class Measurement:
    """What an agency reported for a measured leaf, and the points it gives.

    ``value`` is the text as reported (NFC, without surrounding spaces);
    ``formula_en`` and ``formula_vi`` show the working with the actual
    numbers (``95/120 = 0,7917 × 2 = 1,58``). The documents that back it
    (tài liệu kiểm chứng) are kept with the assessment's evidence.
    """

    kind: str
    value: str
    points: Decimal
    formula_en: str
    formula_vi: str

    def formula_in(self, lang: str) -> str:
        """The working in ``"vi"`` (decimal comma) or ``"en"``."""
        return self.formula_vi if lang == "vi" else self.formula_en


@runtime_checkable
class Measure(Protocol):
    """A scoring method of a leaf: checks its configuration, turns a measurement into points.

    A measure is an immutable, hashable value (an attrs frozen class) with:

    - ``kind``: its name in the rubric (``measure: {kind: ...}``);
    - ``validate(max_points, decimals)``: refuses a configuration that does not
      fit the leaf (``decimals`` is ``None`` when the rubric's is not yet known),
      raising :class:`~govindex.errors.RubricError`;
    - ``measure(value, max_points, decimals)``: the :class:`Measurement` of a
      reported value (text), or an :class:`~govindex.errors.InputError`;
    - ``params()``: its configuration as plain data, as the rubric writes it;
    - ``answers()``: the accepted answers when they form a short list (for a
      drop-down in a form), else ``None``.
    """

    @property
    def kind(self) -> str: ...

    def validate(self, max_points: Decimal, decimals: int | None) -> None: ...

    def measure(self, value: str, max_points: Decimal, decimals: int) -> Measurement: ...

    def params(self) -> dict[str, Any]: ...

    def answers(self) -> tuple[str, ...] | None: ...


#: A factory of a measure kind, called with the parameters the rubric gives (without ``kind``).
MeasureFactory = Callable[..., Measure]


# --- numbers ------------------------------------------------------------------------------------------------------

_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)?", re.ASCII)
_THOUSANDS = re.compile(r"[1-9][0-9]{0,2}[.,][0-9]{3}", re.ASCII)


def _shown(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _clean(value: object) -> str:
    if not isinstance(value, str):
        raise InputError(f"a measurement must be text, not {type(value).__name__} {value!r}")
    return unicodedata.normalize("NFC", value).strip()


def parse_count(text: str, what: str = "a number") -> Decimal:
    """A non-negative number as reported: plain digits, one decimal point or comma.

    ``1.000`` and ``2,500`` are refused as ambiguous (a thousands separator,
    or decimals?), as are signs, exponents and digits of other scripts.

    >>> parse_count("3"), parse_count("0,79")
    (Decimal('3'), Decimal('0.79'))
    >>> parse_count("ba")
    Traceback (most recent call last):
    ...
    govindex.errors.InputError: 'ba' is not a number (write it in digits, e.g. 3 or 0,5)
    """
    if len(text) > 30:
        raise InputError(f"{_shown(text)} is too long for {what}")
    if _THOUSANDS.fullmatch(text):
        raise InputError(
            f"{_shown(text)} is ambiguous: a thousands separator or decimals? Write the number without "
            f"a thousands separator ({text.replace('.', '').replace(',', '')}) or with fewer decimals"
        )
    if not _NUMBER.fullmatch(text):
        raise InputError(f"{_shown(text)} is not {what} (write it in digits, e.g. 3 or 0,5)")
    return Decimal(text.replace(",", "."))


def _text(value: Decimal, lang: str) -> str:
    shown = f"{value.normalize() if value == value.to_integral_value() else value:f}"
    return shown.replace(".", ",") if lang == "vi" else shown


def _both(build: Callable[[str], str]) -> tuple[str, str]:
    return build("en"), build("vi")


def _round(value: Fraction, decimals: int) -> Decimal:
    return divide(Decimal(value.numerator), Decimal(value.denominator), decimals, ROUND_HALF_UP)


def _share_text(share: Fraction, lang: str) -> str:
    exact = terminating(share)
    if exact is not None and decimals_of(exact) <= SHARE_DIGITS:
        return _text(exact, lang)
    return _text(_round(share, SHARE_DIGITS), lang)


def _fraction(value: Decimal) -> Fraction:
    return Fraction(value)


def _points_decimal(value: object, what: str) -> Decimal:
    """A number in a measure's configuration (an int or a Decimal; never a float or text)."""
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise RubricError(f"{what} must be a number, not {type(value).__name__} {value!r}")
    number = Decimal(value)
    if not number.is_finite() or number < 0:
        raise RubricError(f"{what} must be a finite, non-negative number, not {value!r}")
    problem = bounds_problem(number)
    if problem is not None:
        raise RubricError(f"{what} {problem}")
    return number


# --- the built-in kinds -------------------------------------------------------------------------------------------


@attrs.frozen
class Ratio:
    """``ratio``: points = share × maximum; the share is ``a/b``, a share in [0, 1] or a percentage.

    >>> capped = Ratio(cap=True).measure("130/120", Decimal(2), 2)
    >>> capped.points, capped.formula_in("vi")
    (Decimal('2.00'), '130/120 = 1,0833 > 1, tính là 1 × 2 = 2')
    """

    cap: bool = False
    kind: str = attrs.field(default="ratio", init=False)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.cap, bool):
            raise RubricError(f"measure ratio: cap must be true or false, not {self.cap!r}")

    def validate(self, max_points: Decimal, decimals: int | None) -> None:
        return None

    def params(self) -> dict[str, Any]:
        return {"cap": True} if self.cap else {}

    def answers(self) -> tuple[str, ...] | None:
        return None

    def measure(self, value: str, max_points: Decimal, decimals: int) -> Measurement:
        text = _clean(value)
        with exact_context():
            if "/" in text:
                top, _, bottom = text.partition("/")
                numerator = parse_count(top.strip(), "a number (the part a of a/b)")
                denominator = parse_count(bottom.strip(), "a number (the whole b of a/b)")
                if denominator.is_zero():
                    raise InputError(f"{_shown(text)}: the whole (b of a/b) is 0, so there is no share")
                share = _fraction(numerator) / _fraction(denominator)
                head = f"{top.strip()}/{bottom.strip()}"
            elif text.endswith("%"):
                percent = parse_count(text[:-1].strip(), "a percentage")
                share = _fraction(percent) / 100
                head = None
            else:
                share = _fraction(parse_count(text, "a share (a/b, a number from 0 to 1, or a percentage)"))
                head = None
            capped = share > 1
            if capped and not self.cap:
                raise InputError(
                    f"{_shown(text)} is a share of {_share_text(share, 'en')}, above 1 (100%); "
                    "correct the figures, or let the rubric say cap: true"
                )
            used = Fraction(1) if capped else share
            points = _round(used * _fraction(max_points), decimals)

            def formula(lang: str) -> str:
                shown = _share_text(share, lang)
                if head is not None or text.endswith("%"):
                    shown = f"{head or text} = {shown}"
                if capped:
                    shown += " > 1, tính là 1" if lang == "vi" else " > 1, counted as 1"
                return f"{shown} × {_text(max_points, lang)} = {_text(points, lang)}"

            english, vietnamese = _both(formula)
        return Measurement(self.kind, text, points, english, vietnamese)


def _to_steps(value: Any) -> tuple[tuple[Decimal, Decimal], ...]:
    if not isinstance(value, (list, tuple)) or not value:
        raise RubricError(f"measure steps: steps must be a non-empty list of [at_least, points] pairs, not {value!r}")
    out: list[tuple[Decimal, Decimal]] = []
    for position, pair in enumerate(value):
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            raise RubricError(f"measure steps: step {position + 1} must be a pair [at_least, points], not {pair!r}")
        out.append(
            (
                _points_decimal(pair[0], f"measure steps: the threshold of step {position + 1}"),
                _points_decimal(pair[1], f"measure steps: the points of step {position + 1}"),
            )
        )
    return tuple(out)


@attrs.frozen
class Steps:
    """``steps``: the highest threshold (at_least) the value reaches gives its points, else 0.

    >>> meetings = Steps([[4, 20], [3, 15], [2, 10], [1, 5]])
    >>> [meetings.measure(count, Decimal(20), 0).points for count in ("0", "1", "3", "7")]
    [Decimal('0'), Decimal('5'), Decimal('15'), Decimal('20')]
    >>> meetings.measure("3", Decimal(20), 0).formula_in("vi")
    '3 ≥ 3 → 15'
    """

    steps: tuple[tuple[Decimal, Decimal], ...] = attrs.field(converter=_to_steps)
    kind: str = attrs.field(default="steps", init=False)

    def __attrs_post_init__(self) -> None:
        seen: set[Decimal] = set()
        for at_least, _points in self.steps:
            if at_least in seen:
                raise RubricError(f"measure steps: the threshold {_text(at_least, 'en')} is given twice")
            seen.add(at_least)

    def validate(self, max_points: Decimal, decimals: int | None) -> None:
        for at_least, points in self.steps:
            if points > max_points:
                raise RubricError(
                    f"measure steps: step [{_text(at_least, 'en')}, {_text(points, 'en')}] gives more points "
                    f"than the maximum {_text(max_points, 'en')}"
                )
            if decimals is not None and decimals_of(points) > decimals:
                raise RubricError(
                    f"measure steps: step [{_text(at_least, 'en')}, {_text(points, 'en')}] has more decimals "
                    f"than the rubric's {decimals}"
                )

    def params(self) -> dict[str, Any]:
        return {"steps": [[at_least, points] for at_least, points in self.steps]}

    def answers(self) -> tuple[str, ...] | None:
        return None

    def measure(self, value: str, max_points: Decimal, decimals: int) -> Measurement:
        text = _clean(value)
        count = parse_count(text, "a number (the figure the steps are counted on)")
        reached = [(at_least, points) for at_least, points in self.steps if count >= at_least]
        if reached:
            at_least, points = max(reached)

            def formula(lang: str) -> str:
                return f"{_text(count, lang)} ≥ {_text(at_least, lang)} → {_text(points, lang)}"

        else:
            points = Decimal(0)
            lowest = min(at_least for at_least, _points in self.steps)

            def formula(lang: str) -> str:
                below = "dưới mức thấp nhất" if lang == "vi" else "below the lowest step"
                return f"{_text(count, lang)} {below} {_text(lowest, lang)} → 0"

        english, vietnamese = _both(formula)
        return Measurement(self.kind, text, points, english, vietnamese)


_YES = ("có", "yes", "1")
_NO = ("không", "no", "0")


@attrs.frozen
class YesNo:
    """``yes_no``: có/không, yes/no, 1/0 (any case) give the maximum or 0.

    >>> YesNo().measure("Có", Decimal(3), 1).points, YesNo().measure("không", Decimal(3), 1).formula_in("en")
    (Decimal('3'), 'không (no) → 0')
    """

    kind: str = attrs.field(default="yes_no", init=False)

    def validate(self, max_points: Decimal, decimals: int | None) -> None:
        return None

    def params(self) -> dict[str, Any]:
        return {}

    def answers(self) -> tuple[str, ...] | None:
        return ("có", "không")

    def measure(self, value: str, max_points: Decimal, decimals: int) -> Measurement:
        text = _clean(value)
        folded = text.casefold()
        if folded in _YES:
            yes = True
        elif folded in _NO:
            yes = False
        else:
            raise InputError(f"{_shown(text)} is not a yes/no answer; write có or không (yes/no, 1/0)")
        points = max_points if yes else Decimal(0)

        def formula(lang: str) -> str:
            meaning = ("có" if yes else "không") if lang == "vi" else ("yes" if yes else "no")
            shown = text if text.casefold() == meaning else f"{text} ({meaning})"
            return f"{shown} → {_text(points, lang)}"

        english, vietnamese = _both(formula)
        return Measurement(self.kind, text, points, english, vietnamese)


def _to_choices(value: Any) -> tuple[tuple[str, Decimal], ...]:
    if not isinstance(value, Mapping) or not value:
        raise RubricError(f"measure choice: choices must be a non-empty mapping of answer: share, not {value!r}")
    out: list[tuple[str, Decimal]] = []
    seen: dict[str, str] = {}
    for name, share in value.items():
        if not isinstance(name, str) or not name.strip():
            raise RubricError(f"measure choice: an answer must be non-empty text, not {name!r}")
        answer = unicodedata.normalize("NFC", name.strip())
        folded = answer.casefold()
        if folded in seen:
            raise RubricError(f"measure choice: the answers {seen[folded]!r} and {answer!r} differ only in case")
        seen[folded] = answer
        number = _points_decimal(share, f"measure choice: the share of {answer!r}")
        if number > 1:
            raise RubricError(
                f"measure choice: the share of {answer!r} is {_text(number, 'en')}; a share is from 0 to 1 "
                "(1 = the maximum, 0.5 = half of it)"
            )
        out.append((answer, number))
    return tuple(out)


@attrs.frozen
class Choice:
    """``choice``: each named answer gives a share of the maximum.

    >>> chair = Choice({"chu_tich": 1, "pho_chu_tich": Decimal("0.5"), "khac": 0})
    >>> chair.measure("pho_chu_tich", Decimal(2), 2).formula_in("vi")
    'pho_chu_tich: 0,5 × 2 = 1'
    """

    choices: tuple[tuple[str, Decimal], ...] = attrs.field(converter=_to_choices)
    kind: str = attrs.field(default="choice", init=False)

    def validate(self, max_points: Decimal, decimals: int | None) -> None:
        if decimals is None:
            return
        for answer, share in self.choices:
            with exact_context():
                points = share * max_points
            if decimals_of(points) > decimals:
                raise RubricError(
                    f"measure choice: {answer!r} gives {_text(share, 'en')} × {_text(max_points, 'en')} = "
                    f"{_text(points, 'en')} points, more decimals than the rubric's {decimals}"
                )

    def params(self) -> dict[str, Any]:
        return {"choices": dict(self.choices)}

    def answers(self) -> tuple[str, ...] | None:
        return tuple(answer for answer, _share in self.choices)

    def measure(self, value: str, max_points: Decimal, decimals: int) -> Measurement:
        text = _clean(value)
        found = next((pair for pair in self.choices if pair[0].casefold() == text.casefold()), None)
        if found is None:
            known = ", ".join(answer for answer, _share in self.choices)
            raise InputError(f"{_shown(text)} is not one of the answers {known}")
        answer, share = found
        with exact_context():
            points = share * max_points

        def formula(lang: str) -> str:
            return f"{answer}: {_text(share, lang)} × {_text(max_points, lang)} = {_text(points, lang)}"

        english, vietnamese = _both(formula)
        return Measurement(self.kind, answer, points, english, vietnamese)


_BUILTIN: dict[str, MeasureFactory] = {"ratio": Ratio, "steps": Steps, "yes_no": YesNo, "choice": Choice}
_REGISTERED: dict[str, MeasureFactory] = {}


# --- finding kinds ------------------------------------------------------------------------------------------------


def register_measure(kind: str, factory: MeasureFactory, *, replace: bool = False) -> None:
    """Make ``kind`` resolve to ``factory`` in this process.

    ``factory`` is called with the parameters the rubric gives beside
    ``kind`` and must return a :class:`Measure`. Refuses to shadow a built-in
    or an earlier registration unless ``replace`` is true.

    >>> register_measure("ratio", Ratio)
    Traceback (most recent call last):
    ...
    govindex.errors.RubricError: a measure kind named 'ratio' is already registered; pass replace=True to replace it
    """
    if not isinstance(kind, str) or not kind.strip():
        raise RubricError(f"a measure kind must be non-empty text, not {kind!r}")
    if not callable(factory):
        raise RubricError(f"measure kind {kind!r}: the factory {factory!r} is not callable")
    if not replace and (kind in _REGISTERED or kind in _BUILTIN):
        raise RubricError(f"a measure kind named {kind!r} is already registered; pass replace=True to replace it")
    _REGISTERED[kind] = factory


def unregister_measure(kind: str) -> None:
    """Forget a kind registered with :func:`register_measure` (built-ins stay)."""
    if kind not in _REGISTERED:
        raise UnknownNameError(f"no measure kind named {kind!r} was registered with register_measure")
    del _REGISTERED[kind]


def _entry_points(kind: str | None = None) -> list[EntryPoint]:
    from importlib.metadata import entry_points  # only when a kind is looked up: import govindex stays light

    found = entry_points(group=ENTRY_POINT_GROUP)
    return sorted((e for e in found if kind is None or e.name == kind), key=lambda e: (e.name, e.value))


def available_measures() -> dict[str, str]:
    """Every measure kind that resolves, with where it comes from.

    >>> sorted(kind for kind, where in available_measures().items() if where == "built-in")
    ['choice', 'ratio', 'steps', 'yes_no']
    """
    kinds: dict[str, str] = {entry.name: f"entry point {entry.value}" for entry in _entry_points()}
    kinds.update({kind: "built-in" for kind in _BUILTIN})
    kinds.update({kind: "registered" for kind in _REGISTERED})
    return dict(sorted(kinds.items()))


def _factory(kind: str) -> MeasureFactory:
    if kind in _REGISTERED:
        return _REGISTERED[kind]
    if kind in _BUILTIN:
        return _BUILTIN[kind]
    found = _entry_points(kind)
    distinct = sorted({entry.value for entry in found})
    if len(distinct) > 1:
        raise RubricError(
            f"measure kind {kind!r} is provided by more than one installed package: {', '.join(distinct)}"
        )
    if found:
        try:
            factory: MeasureFactory = found[0].load()
        except Exception as error:  # an installed plugin that fails to import
            raise RubricError(
                f"measure kind {kind!r}: the entry point {found[0].value!r} cannot be loaded: "
                f"{type(error).__name__}: {error}"
            ) from None
        return factory
    raise RubricError(f"unknown measure kind {kind!r}; the kinds available are {', '.join(available_measures())}")


def resolve_measure(config: Measure | Mapping[str, Any]) -> Measure:
    """The measure a rubric's ``measure:`` mapping describes (``{kind: ..., **params}``).

    >>> resolve_measure({"kind": "steps", "steps": [[4, 20], [4, 15]]})
    Traceback (most recent call last):
    ...
    govindex.errors.RubricError: measure steps: the threshold 4 is given twice
    >>> resolve_measure({"kind": "stairs"})
    Traceback (most recent call last):
    ...
    govindex.errors.RubricError: unknown measure kind 'stairs'; the kinds available are choice, ratio, steps, yes_no
    """
    if isinstance(config, Measure):
        return config
    if not isinstance(config, Mapping):
        raise RubricError(f"a measure must be a mapping such as {{kind: ratio}}, not {config!r}")
    kind = config.get("kind")
    if not isinstance(kind, str):
        raise RubricError(f"a measure needs its kind (kind: ratio, steps, yes_no or choice), not {kind!r}")
    params = {key: value for key, value in config.items() if key != "kind"}
    factory = _factory(kind)
    try:
        measure = factory(**params)
    except TypeError as error:
        raise RubricError(f"measure {kind}: bad parameters {params!r}: {error}") from None
    if not isinstance(measure, Measure):
        raise RubricError(f"measure kind {kind!r}: its factory returned {measure!r}, which is not a Measure")
    return measure


def measure_text(measure: Measure) -> dict[str, Any]:
    """A measure as the rubric writes it: ``{"kind": ..., **params}``.

    >>> measure_text(Steps([[2, 10], [1, 5]]))
    {'kind': 'steps', 'steps': [[Decimal('2'), Decimal('10')], [Decimal('1'), Decimal('5')]]}
    """
    return {"kind": measure.kind, **measure.params()}
