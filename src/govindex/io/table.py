"""Rows to columns: the one reader of score tables, whatever format the rows came from.

CSV (:mod:`govindex.io.csvrows`) and XLSX (:mod:`govindex.io.workbook`) give
rows of text cells; :func:`read_table` finds the header row, reads each row's
agency and facts, and turns each criterion column into scaled integers
(points times ``10**decimals``) and a mask of the cells given, per agency
group: the engine's columns (:class:`~govindex.engine.ScoreTable`). No
:class:`~decimal.Decimal` and no assessment is made per cell: each distinct
text of a column is read and checked once (a number, within ``[0, max]``, no
more decimals than the rubric's; a measured leaf's figure through its
measure; an index value through the published scale), and its verdict is
looked up for every other cell that holds it. Every problem is reported
with its line (or sheet and cell), agency and criterion.

**Wide form**: one agency per row, node ids (or names) as columns.
**Long form**: one score per row, recognised by its ``node`` and ``score``
columns (:mod:`govindex.io.longform`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from govindex.agency import Agency, nfc, slugify
from govindex.assessment import Source
from govindex.catalogue.notranked import NotRankedText
from govindex.catalogue.reading import Reading
from govindex.catalogue.vocabulary import FALSE_WORDS, SOURCE_NAMES, TRUE_WORDS
from govindex.directory import MatchKind
from govindex.engine._layout import Layout, layout_of
from govindex.errors import GovIndexError, InputError
from govindex.io.cells import NumberText, ReadOptions, TypedNumber, check_text, header_key
from govindex.io.header import FLAG_COLUMNS, Header
from govindex.measures import Measurement
from govindex.points import from_scaled, to_scaled
from govindex.render.safe import unprotect_csv_cell
from govindex.rubric import Rubric

if TYPE_CHECKING:
    from numpy.typing import NDArray

__all__ = ["BLANK", "PROBLEM", "CellReader", "GroupPart", "TableContext", "TablePart"]

Row = tuple[int, list[str]]
Report = Callable[[GovIndexError], None]

#: The code of an empty cell, and of a cell with a problem, among scores (which are never negative). A score's
#: code packs its scaled points, the decimals it was written with (at most 15) and the decimal separator typed
#: (0 none, 1 a point, 2 a comma): ``((scaled * 16 + decimals) * 4 + separator)``; :func:`split_codes` parts them.
BLANK = -1
PROBLEM = -2
_SEPARATORS = {"": 0, ".": 1, ",": 2}
_SEPARATOR_OF = {1: ".", 2: ","}
#: A source by its id or its Vietnamese names.
_SOURCES = {
    **{source.value: source for source in Source},
    **{name: Source(value) for name, value in SOURCE_NAMES.items()},
}
#: Scaled maxima from this bound on are carried as Python integers (codes would not fit 64 bits).
_INT64_CODES = 2**56
#: Rows converted to columns together.
_BLOCK = 4096


def code_of(scaled: int, places: int, separator: str = "") -> int:
    """The code of a score: its scaled points, the decimals it was written with and the separator typed."""
    return (scaled * 16 + min(max(places, 0), 15)) * 4 + _SEPARATORS[separator]


def codes_dtype(rubric: Rubric) -> Any:
    import numpy as np

    largest = max(layout_of(group, rubric.decimals).maxima[0] for group in rubric.groups)
    return np.int64 if largest < _INT64_CODES else object


def split_codes(codes: NDArray[Any], dtype: Any) -> tuple[NDArray[Any], NDArray[Any], NDArray[Any]]:
    """Scaled points (0 where not given), the mask of given cells and the decimals written, from codes.

    ``codes`` is used up: with 64-bit codes its memory becomes the points
    (a cohort's codes are the largest array read, and each copy of it costs).
    The arrays keep the order of ``codes`` in memory (row- or column-major).
    """
    import numpy as np

    given = codes >= 0
    if codes.dtype == object:
        values = np.where(given, codes // 64, 0).astype(dtype)
        digits = np.where(given, codes // 4 % 16, 0).astype(np.int8)
        return values, given, digits
    low = codes.astype(np.uint8)  # the low byte: the decimals written and the separator
    np.right_shift(low, 2, out=low)
    np.bitwise_and(low, 15, out=low)
    np.multiply(low, given, out=low)
    values = np.right_shift(codes, 6, out=codes)
    np.maximum(values, 0, out=values)  # the codes of cells not given are negative
    return values.astype(dtype, copy=False), given, low.view(np.int8)


def flag_of(text: str) -> bool | None:
    """A yes/no cell: ``None`` when empty; refused when it is neither."""
    folded = nfc(text).casefold()
    if not folded:
        return None
    if folded in TRUE_WORDS:
        return True
    if folded in FALSE_WORDS:
        return False
    raise InputError(Reading.NOT_YES_NO, text=repr(text))


def source_of(text: str) -> Source | None:
    folded = nfc(text).casefold()
    if not folded:
        return None
    found = _SOURCES.get(folded)
    if found is None:
        raise InputError(Reading.NOT_A_SOURCE, text=repr(text))
    return found


class CellReader(dict[str, int]):
    """The verdict on each distinct text of one criterion column of one group: its scaled points, or a code.

    A text read without a problem maps to its scaled points; an empty one to
    :data:`BLANK`; one with a problem to :data:`PROBLEM`, its problem kept in
    ``problems``. A measured leaf keeps each text's measurement in
    ``measured``; the text of each code typed with a separator in ``texts``.
    """

    def __init__(self, context: TableContext, group: str, node: str, column: int) -> None:
        super().__init__()
        self.context = context
        self.group = group
        self.node = node
        self.column = column
        self.problems: dict[str, GovIndexError] = {}
        self.measured: dict[str, Measurement] = {}
        self.texts: dict[int, str] = {}
        layout = context.layouts.get(group)
        self.position = None if layout is None else layout.index.get(node)
        self.layout = layout
        self.measure = None if self.position is None or layout is None else layout.nodes[self.position].measure

    def __missing__(self, raw: str) -> int:
        text = raw if type(raw) is TypedNumber else self.context.text(raw)
        if not text:
            code = BLANK
        else:
            try:
                code = self.read(text, type(raw) is TypedNumber)
            except GovIndexError as error:
                self.problems[raw] = error
                code = PROBLEM
        self[raw] = code
        return code

    def read(self, text: str, typed: bool) -> int:
        context = self.context
        layout, position = self.layout, self.position
        mismatch = context.header.mismatched.get(self.column, {})
        if self.group in mismatch:
            raise InputError(
                Reading.COLUMN_MAXIMUM_FOR_GROUP,
                declared=context.header.declared[self.column],
                in_group=repr(self.group),
                maximum=mismatch[self.group],
            )
        if layout is None or position is None:
            raise _unknown_node(context.rubric, self.group, self.node)
        if self.measure is not None:
            return self.measurement(text, layout, position)
        if context.values != "points":
            value, separator = context.numbers.decimal(text, typed)
            scaled, places = self.from_index(value)
        else:
            scaled, separator, places = context.numbers.read(text, typed)
        check_scaled(layout, position, scaled)
        code = code_of(scaled, places, separator)
        if separator:
            self.texts.setdefault(code, text)
        return code

    def measurement(self, text: str, layout: Layout, position: int) -> int:
        from govindex.assessment import measurement_of

        found = measurement_of(self.context.rubric, self.group, self.node, text)
        assert found is not None
        self.measured[text] = found
        scaled = to_scaled(found.points, self.context.rubric.decimals)
        check_scaled(layout, position, scaled)
        return code_of(scaled, _places(found.points))

    def from_index(self, value: Decimal) -> tuple[int, int]:
        from govindex.index_values import index_to_points

        points = index_to_points(self.context.rubric, self.group, self.node, value)
        return to_scaled(points, self.context.rubric.decimals), _places(points)


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def check_scaled(layout: Layout, position: int, scaled: int) -> None:
    """Refuse a scaled score below 0 or above its node's maximum."""
    if scaled < 0 or scaled > layout.maxima[position]:
        value = from_scaled(scaled, layout.decimals).normalize() if scaled else Decimal(0)
        if scaled < 0:
            raise InputError(Reading.NEGATIVE, value=_plain(from_scaled(scaled, layout.decimals)))
        raise InputError(Reading.ABOVE_MAXIMUM, value=_plain(value), maximum=layout.nodes[position].max_points)


def _plain(value: Decimal) -> Decimal:
    """A value without trailing zeros after its point (``12.50`` as ``12.5``, ``10.00`` as ``10``)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def _unknown_node(rubric: Rubric, group: str, node: str) -> InputError:
    ids = rubric.group(group).node_ids
    return InputError(Reading.UNKNOWN_NODE, criterion=repr(node), in_group=repr(group), known=ids)


@attrs.define
class GroupPart:
    """One group's agencies read from one table, with their scores as columns (filled by the reader)."""

    group: str
    layout: Layout
    agencies: list[Agency] = attrs.field(factory=list)
    lines: list[int] = attrs.field(factory=list)
    sources: list[Source] = attrs.field(factory=list)
    #: per node position: the blocks of scaled scores (BLANK where not given), agencies in reading order
    blocks: dict[int, list[NDArray[Any]]] = attrs.field(factory=dict)
    #: or, from a long table or an assessment file, one row of codes per agency
    rows: list[NDArray[Any]] = attrs.field(factory=list)
    measurements: dict[str, dict[str, Measurement]] = attrs.field(factory=dict)
    evidence: dict[str, dict[str, str]] = attrs.field(factory=dict)
    reasons: dict[str, dict[str, str]] = attrs.field(factory=dict)

    def codes(self) -> NDArray[Any]:
        """The scaled scores of every agency, in reading order (``BLANK`` where not given), nodes depth-first."""
        import numpy as np

        dtype = self.dtype
        if self.rows:
            return np.vstack(self.rows).astype(dtype, copy=False)
        out = np.full((len(self.agencies), self.layout.width), BLANK, dtype=dtype, order="F")
        for position, blocks in self.blocks.items():
            out[:, position] = np.concatenate(blocks) if len(blocks) > 1 else blocks[0]
        return out

    @property
    def dtype(self) -> Any:
        import numpy as np

        return object if self.layout.maxima[0] >= _INT64_CODES else np.int64


@attrs.define
class TablePart:
    """What one table gave: per group its agencies and columns, where each agency and criterion is, what was blank."""

    file: str | None
    sheet: str | None
    groups: dict[str, GroupPart] = attrs.field(factory=dict)
    lines: dict[str, int] = attrs.field(factory=dict)
    columns: dict[str, int] = attrs.field(factory=dict)
    blank: list[tuple[Agency, int]] = attrs.field(factory=list)
    #: the agencies with a problem, and their cells with one (agency, node): validate's cohort checks pass them by
    failed: set[str] = attrs.field(factory=set)
    bad_cells: set[tuple[str, str]] = attrs.field(factory=set)
    #: in the long form, each score typed with a decimal separator: (line, agency, node, code)
    typed: list[tuple[int, str, str, int]] = attrs.field(factory=list)
    #: agencies a result file lists as not assessed, with the reason it gives
    excluded: list[tuple[Agency, str]] = attrs.field(factory=list)
    #: what the source was: a score table, a form from govindex template, an assessment file, a result
    kind: str = "scores"
    #: what deserves a look but is not wrong (a reason given where no score changed)
    warnings: list[GovIndexError] = attrs.field(factory=list)


class TableContext:
    """The state shared by the reading of one table."""

    def __init__(
        self,
        rubric: Rubric,
        header: Header,
        file: str | None,
        sheet: str | None,
        source: Source,
        options: ReadOptions,
        values: str,
        report: Report,
        protected: bool,
    ) -> None:
        self.rubric = rubric
        self.header = header
        self.file = file
        self.sheet = sheet
        self.source = source
        self.options = options
        self.values = values
        self.report = report
        self.protected = protected
        self.numbers = NumberText(rubric.decimals)
        self.layouts = {group.id: layout_of(group, rubric.decimals) for group in rubric.groups}
        self.group_ids = _group_lookup(rubric)
        self.readers: dict[tuple[str, str, int], CellReader] = {}
        self.agency_ids: dict[str, tuple[str, str | None] | None] = {}
        self.registry_groups: dict[str, str] = {}
        self.group_cells: dict[str, str] = {}
        self.dtype = codes_dtype(rubric)
        self.flag_columns = [name for name in FLAG_COLUMNS if name in header.positions]
        #: whether the rows give no agency fact but the name (no flag, source or not-applicable column)
        self.names_only = (
            not header.by_name
            and not self.flag_columns
            and not ({"source", "not_applicable", "not_ranked"} & set(header.positions))
        )

    def text(self, raw: str) -> str:
        """A cell's text as read: stripped, in NFC; in CSV a protecting apostrophe removed."""
        if type(raw) is TypedNumber:
            return raw
        if self.protected and raw.startswith("'"):
            return nfc(unprotect_csv_cell(raw.rstrip()))
        return nfc(raw.strip())

    def cell(self, cells: list[str], name: str) -> str:
        column = self.header.positions.get(name)
        if column is None or column > len(cells):
            return ""
        return self.text(cells[column - 1])

    def problem(self, error: GovIndexError, line: int, column: int | None = None, **context: Any) -> None:
        self.report(error.with_context(file=self.file, sheet=self.sheet, line=line, column=column, **context))

    def reader(self, group: str, node: str, column: int) -> CellReader:
        key = (group, node, column)
        found = self.readers.get(key)
        if found is None:
            found = self.readers[key] = CellReader(self, group, node, column)
        return found

    def agency_id(self, text: str, line: int, column: int) -> str | None:
        """The agency id a cell of the agency column stands for (a name is looked up, never guessed)."""
        if not self.header.by_name:
            return text
        if text in self.agency_ids:
            found = self.agency_ids[text]
            return None if found is None else found[0]
        registry = self.options.registry
        result: tuple[str, str | None] | None = None
        if registry is None:
            slug = slugify(text)
            result = (slug, None) if slug else None
            if result is None:
                self.problem(InputError(Reading.NAME_WITHOUT_LETTERS, name=repr(text)), line, column)
        else:
            try:
                match = registry.match(text)
            except GovIndexError as error:
                self.problem(error, line, column)
            else:
                if match.kind is MatchKind.LOOSE:
                    self.problem(
                        InputError(
                            Reading.NAME_NOT_IN_REGISTRY,
                            name=repr(text),
                            registry=repr(registry.id),
                            closest=repr(match.matched),
                            id=match.id,
                        ),
                        line,
                        column,
                    )
                else:
                    result = (match.id, match.record.group)
                    self.registry_groups[match.id] = match.record.group
        self.agency_ids[text] = result
        return None if result is None else result[0]

    def group_of(self, cells: list[str], line: int, agency: str) -> str | None:
        """The row's group id: from the group column (an id or a name), the registry, or the only group."""
        positions = self.header.positions
        if "group" in positions:
            column = positions["group"]
            raw = cells[column - 1] if column <= len(cells) else ""
            found = self.group_cells.get(raw)
            if found is not None:
                return found
            text = self.cell(cells, "group")
            found = self.group_ids.get(header_key(text))
            if found is not None:
                self.group_cells[raw] = found
            else:
                reason = (
                    InputError(Reading.GROUP_EMPTY)
                    if not text
                    else InputError(
                        Reading.UNKNOWN_GROUP,
                        given=repr(text),
                        rubric=repr(self.rubric.id),
                        groups=self.rubric.group_ids,
                    )
                )
                self.problem(reason, line, positions["group"], agency=agency)
            return found
        named = self.registry_groups.get(agency)
        if named is not None and named in self.layouts:
            return named
        registry = self.options.registry
        if registry is not None and len(self.rubric.groups) > 1:
            try:
                return registry.resolve(agency).group
            except GovIndexError as error:
                self.problem(error, line, positions["agency"], agency=agency)
                return None
        return self.rubric.group_ids[0]

    def agency(
        self, cells: list[str], line: int, agency_id: str, group: str, facts: dict[str, tuple[str, int]] | None = None
    ) -> tuple[Agency, Source] | None:
        """The row's agency and source, from its cells (or, in the long form, from ``facts``: text and line)."""
        if facts is None and self.names_only:
            return self.named_agency(cells, line, agency_id, group)

        def fact(name: str) -> tuple[str, int]:
            if facts is not None:
                return facts.get(name, ("", line))
            return self.cell(cells, name), line

        flags = self.flags(fact, FLAG_COLUMNS if facts is not None else self.flag_columns, agency_id)
        name_text, name_line = fact("name")
        if not name_text and self.header.by_name:
            name_text = self.cell(cells, "agency") if facts is None else facts.get("@agency", ("", line))[0]
        source_text, source_line = fact("source")
        try:
            source = source_of(source_text) or self.source
        except GovIndexError as error:
            self.problem(error, source_line, self.header.positions.get("source"), agency=agency_id)
            return None
        usable = self.usable(((agency_id, line, "agency"), (name_text, name_line, "name")), agency_id)
        na_text, na_line = fact("not_applicable")
        not_applicable = frozenset(na_text.split())
        if not_applicable and flags is not None and not flags.get("special", False):
            where = self.header.positions.get("not_applicable")
            self.problem(InputError(Reading.NOT_APPLICABLE_NOT_SPECIAL), na_line, where, agency=agency_id)
            return None
        reason = self.not_ranked(fact, agency_id)
        if flags is None or not usable or reason is False:
            return None
        agency = Agency(
            agency_id,
            name_text or agency_id,
            group,
            not_applicable=not_applicable,
            not_ranked=reason or None,
            **flags,  # type: ignore[arg-type]
        )
        return agency, source

    def not_ranked(self, fact: Callable[[str], tuple[str, int]], agency_id: str) -> str | bool:
        """The reason the row's agency is not ranked (``""``: ranked); ``False`` when the cell is refused (reported).

        The cell holds the reason; a bare yes (``có``, ``x``, ``true``) is
        refused, since an agency is never left out of the ranking without one;
        a no (``không``, ``false``) or an empty cell: ranked.
        """
        text, where = fact("not_ranked")
        column = self.header.positions.get("not_ranked")
        try:
            answer = flag_of(text)
        except GovIndexError:
            answer = None
        if answer is False or not text:
            return ""
        if answer is True:
            self.problem(InputError(NotRankedText.NO_REASON, value=repr(text)), where, column, agency=agency_id)
            return False
        if not self.usable(((text, where, "not_ranked"),), agency_id):
            return False
        return text

    def named_agency(self, cells: list[str], line: int, agency_id: str, group: str) -> tuple[Agency, Source] | None:
        """The common case, read at once: a row that gives no agency fact but its name."""
        name = self.cell(cells, "name") if "name" in self.header.positions else ""
        if not self.usable(((agency_id, line, "agency"), (name, line, "name")), agency_id):
            return None
        return Agency(agency_id, name or agency_id, group), self.source

    def flags(
        self, fact: Callable[[str], tuple[str, int]], names: Iterable[str], agency_id: str
    ) -> dict[str, bool] | None:
        """The agency's yes/no facts that are given; ``None`` when one is neither (reported)."""
        flags: dict[str, bool] = {}
        failed = False
        for name in names:
            text, where = fact(name)
            try:
                answer = flag_of(text)
            except GovIndexError as error:
                self.problem(error, where, self.header.positions.get(name), agency=agency_id)
                failed = True
                continue
            if answer is not None:
                flags[name] = answer
        return None if failed else flags

    def usable(self, texts: Iterable[tuple[str, int, str]], agency_id: str) -> bool:
        """Whether the texts (text, line, column name) hold only characters a file can hold; each other reported."""
        usable = True
        for text, where, column_name in texts:
            try:
                check_text(text, controls=False)
            except GovIndexError as error:
                self.problem(error, where, self.header.positions.get(column_name), agency=agency_id)
                usable = False
        return usable


def _group_lookup(rubric: Rubric) -> dict[str, str]:
    lookup: dict[str, str] = {}
    for group in rubric.groups:
        for label in (group.name, group.name_en):
            if label:
                lookup.setdefault(header_key(label), group.id)
    for group in rubric.groups:
        lookup[header_key(group.id)] = group.id
    return lookup
