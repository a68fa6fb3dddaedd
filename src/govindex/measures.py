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
``govindex.measures``, or from a :class:`~govindex.plugins.Plugins` value
given to the rubric reader (``Plugins.installed().with_measure(kind,
factory)``): nothing is registered in the process. A measure's configuration
is checked when the rubric is read (an unknown parameter is named, with the
parameters the kind takes); a measurement that cannot be (``ba`` for a count,
``130/120`` without ``cap``, ``maybe``, an unknown choice) is refused with an
:class:`~govindex.errors.InputError`.

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
from typing import Any, Protocol, runtime_checkable

import attrs

from govindex._registry import Registry, signature_problem
from govindex.catalogue.measures import FigureText, MeasureConfig, MeasuredText
from govindex.catalogue.measures_words import AnswerText, Working
from govindex.errors import InputError, RubricError
from govindex.points import bounds_problem, decimals_of, divide, exact_context, terminating

__all__ = [
    "BUILTIN_MEASURES",
    "ENTRY_POINT_GROUP",
    "Choice",
    "Measure",
    "MeasureFactory",
    "Measurement",
    "Ratio",
    "Steps",
    "YesNo",
    "installed_measures",
    "measure_text",
    "parse_count",
    "resolve_measure",
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


def _brief(value: object) -> str:
    """``repr(value)``, cut to a readable length."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _number_or_brief(value: object) -> object:
    """A number of a configuration as itself (written for the message's language), anything else as its repr."""
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        number = Decimal(value)
        if number.is_finite() and abs(number.adjusted()) <= 20:
            return number
    return _brief(value)


def _clean(value: object) -> str:
    if not isinstance(value, str):
        raise InputError(MeasuredText.NOT_TEXT, kind=type(value).__name__, value=_brief(value))
    return unicodedata.normalize("NFC", value).strip()


def parse_count(text: str, what: FigureText = FigureText.NUMBER) -> Decimal:
    """A non-negative number as reported: plain digits, one decimal point or comma.

    ``1.000`` and ``2,500`` are refused as ambiguous (a thousands separator,
    or decimals?), as are signs, exponents and digits of other scripts.

    >>> parse_count("3"), parse_count("0,79")
    (Decimal('3'), Decimal('0.79'))
    >>> parse_count("ba")
    Traceback (most recent call last):
    ...
    govindex.errors.InputError: 'ba' không phải một số (viết bằng chữ số, ví dụ 3 hoặc 0,5)
    """
    if len(text) > 30:
        raise InputError(MeasuredText.TOO_LONG, value=_shown(text), what=what)
    if _THOUSANDS.fullmatch(text):
        raise InputError(MeasuredText.AMBIGUOUS, value=_shown(text), plain=text.replace(".", "").replace(",", ""))
    if not _NUMBER.fullmatch(text):
        raise InputError(MeasuredText.NOT_A_NUMBER, value=_shown(text), what=what)
    return Decimal(text.replace(",", "."))


def _text(value: Decimal, lang: str) -> str:
    shown = f"{value.normalize() if value == value.to_integral_value() else value:f}"
    return shown.replace(".", ",") if lang == "vi" else shown


def _both(build: Callable[[str], str]) -> tuple[str, str]:
    return build("en"), build("vi")


def _round(value: Fraction, decimals: int) -> Decimal:
    return divide(Decimal(value.numerator), Decimal(value.denominator), decimals, ROUND_HALF_UP)


def _share_decimal(share: Fraction) -> Decimal:
    """The share as shown: exact when it ends within :data:`SHARE_DIGITS` decimals, else rounded to them."""
    exact = terminating(share)
    if exact is not None and decimals_of(exact) <= SHARE_DIGITS:
        return exact
    return _round(share, SHARE_DIGITS)


def _share_text(share: Fraction, lang: str) -> str:
    return _text(_share_decimal(share), lang)


def _fraction(value: Decimal) -> Fraction:
    return Fraction(value)


def _config_number(value: object) -> Decimal | None:
    """A number in a measure's configuration (an int or a Decimal, finite, non-negative, within the
    bounds of rubric values; never a float or text), or ``None``."""
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        return None
    number = Decimal(value)
    if not number.is_finite() or number < 0 or bounds_problem(number) is not None:
        return None
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
            raise RubricError(MeasureConfig.CAP, value=repr(self.cap))

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
                numerator = parse_count(top.strip(), FigureText.PART)
                denominator = parse_count(bottom.strip(), FigureText.WHOLE)
                if denominator.is_zero():
                    raise InputError(MeasuredText.WHOLE_ZERO, value=_shown(text))
                share = _fraction(numerator) / _fraction(denominator)
                head = f"{top.strip()}/{bottom.strip()}"
            elif text.endswith("%"):
                percent = parse_count(text[:-1].strip(), FigureText.PERCENT)
                share = _fraction(percent) / 100
                head = None
            else:
                share = _fraction(parse_count(text, FigureText.SHARE))
                head = None
            capped = share > 1
            if capped and not self.cap:
                raise InputError(MeasuredText.ABOVE_ONE, value=_shown(text), share=_share_decimal(share))
            used = Fraction(1) if capped else share
            points = _round(used * _fraction(max_points), decimals)

            def formula(lang: str) -> str:
                shown = _share_text(share, lang)
                if head is not None or text.endswith("%"):
                    shown = f"{head or text} = {shown}"
                if capped:
                    shown = Working.CAPPED.text(lang, share=shown)
                return f"{shown} × {_text(max_points, lang)} = {_text(points, lang)}"

            english, vietnamese = _both(formula)
        return Measurement(self.kind, text, points, english, vietnamese)


def _to_steps(value: Any) -> tuple[tuple[Decimal, Decimal], ...]:
    if not isinstance(value, (list, tuple)) or not value:
        raise RubricError(MeasureConfig.STEPS, value=repr(value))
    out: list[tuple[Decimal, Decimal]] = []
    for step, pair in enumerate(value, start=1):
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            raise RubricError(MeasureConfig.STEP_PAIR, step=step, value=repr(pair))
        numbers = []
        for part, item in zip((MeasureConfig.THRESHOLD, MeasureConfig.POINTS), pair, strict=True):
            number = _config_number(item)
            if number is None:
                raise RubricError(MeasureConfig.STEP_NUMBER, part=part, step=step, value=_number_or_brief(item))
            numbers.append(number)
        out.append((numbers[0], numbers[1]))
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
                raise RubricError(MeasureConfig.STEP_TWICE, threshold=at_least)
            seen.add(at_least)

    def validate(self, max_points: Decimal, decimals: int | None) -> None:
        for at_least, points in self.steps:
            if points > max_points:
                raise RubricError(MeasureConfig.STEP_ABOVE_MAX, threshold=at_least, points=points, maximum=max_points)
            if decimals is not None and decimals_of(points) > decimals:
                raise RubricError(MeasureConfig.STEP_DECIMALS, threshold=at_least, points=points, decimals=decimals)

    def params(self) -> dict[str, Any]:
        return {"steps": [[at_least, points] for at_least, points in self.steps]}

    def answers(self) -> tuple[str, ...] | None:
        return None

    def measure(self, value: str, max_points: Decimal, decimals: int) -> Measurement:
        text = _clean(value)
        count = parse_count(text, FigureText.COUNT)
        reached = [(at_least, points) for at_least, points in self.steps if count >= at_least]
        if reached:
            at_least, points = max(reached)

            def formula(lang: str) -> str:
                return f"{_text(count, lang)} ≥ {_text(at_least, lang)} → {_text(points, lang)}"

        else:
            points = Decimal(0)
            lowest = min(at_least for at_least, _points in self.steps)

            def formula(lang: str) -> str:
                return Working.BELOW_LOWEST.text(lang, value=_text(count, lang), lowest=_text(lowest, lang))

        english, vietnamese = _both(formula)
        return Measurement(self.kind, text, points, english, vietnamese)


_YES = (AnswerText.YES.text("vi"), AnswerText.YES.text("en"), "1")
_NO = (AnswerText.NO.text("vi"), AnswerText.NO.text("en"), "0")


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
        return (AnswerText.YES.text("vi"), AnswerText.NO.text("vi"))

    def measure(self, value: str, max_points: Decimal, decimals: int) -> Measurement:
        text = _clean(value)
        folded = text.casefold()
        if folded in _YES:
            yes = True
        elif folded in _NO:
            yes = False
        else:
            raise InputError(MeasuredText.NOT_YES_NO, value=_shown(text))
        points = max_points if yes else Decimal(0)

        def formula(lang: str) -> str:
            meaning = (AnswerText.YES if yes else AnswerText.NO).text(lang)
            shown = text if text.casefold() == meaning else f"{text} ({meaning})"
            return f"{shown} → {_text(points, lang)}"

        english, vietnamese = _both(formula)
        return Measurement(self.kind, text, points, english, vietnamese)


def _to_choices(value: Any) -> tuple[tuple[str, Decimal], ...]:
    if not isinstance(value, Mapping) or not value:
        raise RubricError(MeasureConfig.CHOICES, value=_brief(value))
    out: list[tuple[str, Decimal]] = []
    seen: dict[str, str] = {}
    for name, share in value.items():
        if not isinstance(name, str) or not name.strip():
            raise RubricError(MeasureConfig.CHOICE_ANSWER, value=_brief(name))
        answer = unicodedata.normalize("NFC", name.strip())
        folded = answer.casefold()
        if folded in seen:
            raise RubricError(MeasureConfig.CHOICE_CASE, first=repr(seen[folded]), second=repr(answer))
        seen[folded] = answer
        number = _config_number(share)
        if number is None or number > 1:
            raise RubricError(MeasureConfig.CHOICE_SHARE, answer=repr(answer), value=_number_or_brief(share))
        out.append((answer, number))
    return tuple(out)


def _to_labels(value: Any) -> FrozenLabels:
    if value is None:
        return ()
    if not isinstance(value, Mapping) or any(
        not isinstance(key, str) or not isinstance(text, str) or not text.strip() for key, text in value.items()
    ):
        raise RubricError(MeasureConfig.CHOICE_LABELS, value=_brief(value))
    return tuple(
        (unicodedata.normalize("NFC", key.strip()), unicodedata.normalize("NFC", text.strip()))
        for key, text in value.items()
    )


FrozenLabels = tuple[tuple[str, str], ...]


@attrs.frozen
class Choice:
    """``choice``: each named answer gives a share of the maximum.

    ``labels`` gives the words a form shows for an answer (its Vietnamese
    label, ``chu_tich: Chủ tịch UBND``); an answer is read back by its key or
    its label, and kept as its key.

    >>> chair = Choice({"chu_tich": 1, "pho_chu_tich": Decimal("0.5"), "khac": 0})
    >>> chair.measure("pho_chu_tich", Decimal(2), 2).formula_in("vi")
    'pho_chu_tich: 0,5 × 2 = 1'
    >>> labelled = Choice({"chu_tich": 1, "khac": 0}, labels={"chu_tich": "Chủ tịch UBND", "khac": "Khác"})
    >>> labelled.answers(), labelled.measure("Chủ tịch UBND", Decimal(2), 2).value
    (('Chủ tịch UBND', 'Khác'), 'chu_tich')
    """

    choices: tuple[tuple[str, Decimal], ...] = attrs.field(converter=_to_choices)
    labels: FrozenLabels = attrs.field(default=None, converter=_to_labels)
    kind: str = attrs.field(default="choice", init=False)

    def __attrs_post_init__(self) -> None:
        keys = {answer for answer, _share in self.choices}
        named = dict(self.labels)
        unknown = [key for key in named if key not in keys]
        if unknown:
            raise RubricError(MeasureConfig.CHOICE_LABEL_UNKNOWN, value=repr(unknown[0]), known=sorted(keys))
        seen: dict[str, str] = {}
        for answer, _share in self.choices:
            for word in {answer, named.get(answer, answer)}:
                other = seen.setdefault(word.casefold(), answer)
                if other != answer:
                    raise RubricError(MeasureConfig.CHOICE_CASE, first=repr(other), second=repr(word))

    def validate(self, max_points: Decimal, decimals: int | None) -> None:
        if decimals is None:
            return
        for answer, share in self.choices:
            with exact_context():
                points = share * max_points
            if decimals_of(points) > decimals:
                raise RubricError(
                    MeasureConfig.CHOICE_DECIMALS,
                    answer=repr(answer),
                    share=share,
                    maximum=max_points,
                    points=points.normalize() if points == points.to_integral_value() else points,
                    decimals=decimals,
                )

    def params(self) -> dict[str, Any]:
        if self.labels:
            return {"choices": dict(self.choices), "labels": dict(self.labels)}
        return {"choices": dict(self.choices)}

    def label(self, answer: str) -> str:
        """The words a form shows for ``answer`` (a key): its label, else the key itself."""
        return dict(self.labels).get(answer, answer)

    def answers(self) -> tuple[str, ...] | None:
        return tuple(self.label(answer) for answer, _share in self.choices)

    def measure(self, value: str, max_points: Decimal, decimals: int) -> Measurement:
        text = _clean(value).casefold()
        found = next(
            (pair for pair in self.choices if text in {pair[0].casefold(), self.label(pair[0]).casefold()}), None
        )
        if found is None:
            raise InputError(MeasuredText.NOT_A_CHOICE, value=_shown(_clean(value)), known=list(self.answers() or ()))
        answer, share = found
        with exact_context():
            points = share * max_points

        def formula(lang: str) -> str:
            return f"{self.label(answer)}: {_text(share, lang)} × {_text(max_points, lang)} = {_text(points, lang)}"

        english, vietnamese = _both(formula)
        return Measurement(self.kind, answer, points, english, vietnamese)


#: The built-in measure kinds, by the name a rubric uses (each class is its own factory).
BUILTIN_MEASURES: dict[str, MeasureFactory] = {"ratio": Ratio, "steps": Steps, "yes_no": YesNo, "choice": Choice}


# --- finding kinds ------------------------------------------------------------------------------------------------


def installed_measures() -> Registry[MeasureFactory]:
    """The measure kinds installed: the built-ins, then the entry points of ``govindex.measures``.

    >>> sorted(kind for kind, where in installed_measures().available().items() if where == "built-in")
    ['choice', 'ratio', 'steps', 'yes_no']
    """
    return Registry("measure", BUILTIN_MEASURES, group=ENTRY_POINT_GROUP)


def _build(kind: str, factory: MeasureFactory, params: dict[str, Any]) -> Measure:
    """Call a kind's factory, naming an unknown or missing parameter (never a Python TypeError)."""
    wrong = signature_problem(factory, params)
    if wrong is not None:
        unknown, missing, allowed = wrong
        if unknown:
            reason = MeasureConfig.UNKNOWN_PARAM if allowed else MeasureConfig.NO_PARAM
            extra: dict[str, Any] = {"allowed": allowed} if allowed else {}
            raise RubricError(reason, kind=repr(kind), params=[repr(key) for key in unknown], **extra)
        raise RubricError(MeasureConfig.MISSING_PARAM, kind=repr(kind), params=[repr(key) for key in missing])
    try:
        measure = factory(**params)
    except TypeError as error:
        raise RubricError(MeasureConfig.REFUSED, kind=repr(kind), params=repr(params), error=str(error)) from None
    if not isinstance(measure, Measure):
        raise RubricError(MeasureConfig.NOT_A_MEASURE, kind=repr(kind), value=_brief(measure))
    return measure


def resolve_measure(config: Measure | Mapping[str, Any], measures: Registry[MeasureFactory] | None = None) -> Measure:
    """The measure a rubric's ``measure:`` mapping describes (``{kind: ..., **params}``).

    ``measures`` is where kinds are found (default: :func:`installed_measures`).

    >>> resolve_measure({"kind": "steps", "steps": [[4, 20], [4, 15]]}).kind
    Traceback (most recent call last):
    ...
    govindex.errors.RubricError: cách tính điểm steps: ngưỡng 4 được cho hai lần
    >>> resolve_measure({"kind": "ratio", "capped": True})
    Traceback (most recent call last):
    ...
    govindex.errors.RubricError: cách tính điểm 'ratio': không có tham số 'capped'; các tham số là cap
    """
    if isinstance(config, Measure):
        return config
    if not isinstance(config, Mapping):
        raise RubricError(MeasureConfig.NOT_A_MAPPING, value=_brief(config))
    kind = config.get("kind")
    if not isinstance(kind, str):
        raise RubricError(MeasureConfig.NO_KIND, value=_brief(kind))
    params = {key: value for key, value in config.items() if key != "kind"}
    factory = (measures if measures is not None else installed_measures()).get(kind)
    return _build(kind, factory, params)


def measure_text(measure: Measure) -> dict[str, Any]:
    """A measure as the rubric writes it: ``{"kind": ..., **params}``.

    >>> measure_text(Steps([[2, 10], [1, 5]]))
    {'kind': 'steps', 'steps': [[Decimal('2'), Decimal('10')], [Decimal('1'), Decimal('5')]]}
    """
    return {"kind": measure.kind, **measure.params()}
