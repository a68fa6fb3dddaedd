"""The header row of a score table: which column holds what (agency, group, facts, criteria)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import attrs

from govindex.catalogue.reading import Reading
from govindex.catalogue.vocabulary import AGENCY_NAME_WORDS
from govindex.errors import FileFormatError, GovIndexError
from govindex.io.cells import (
    AGENCY_ID_HEADERS,
    AGENCY_NAME_HEADERS,
    COLUMN_NAMES,
    IGNORED_HEADERS,
    TOTAL_HEADERS,
    ReadOptions,
    header_key,
    split_maximum,
)
from govindex.rubric import Rubric

__all__ = ["AGENCY_HEADERS", "AGENCY_LIST", "FACTS", "FLAG_COLUMNS", "Header", "Worded", "is_header", "read_header"]

#: The agency flag columns a score table may carry.
FLAG_COLUMNS = ("has_subordinate_units", "has_online_services", "has_procedures", "special")
#: The columns that are not criteria.
FACTS = frozenset(
    {
        "agency",
        "group",
        "name",
        "source",
        "node",
        "score",
        "evidence",
        "reason",
        "not_applicable",
        "not_ranked",
        *FLAG_COLUMNS,
    }
)
AGENCY_HEADERS = AGENCY_ID_HEADERS | AGENCY_NAME_HEADERS
#: The headers of the agency column as a message lists them: ``agency``, then the names (capitalised, quoted when
#: they hold a comma).
AGENCY_LIST = ", ".join(
    ["agency", *(repr(name) if "," in name else name for name in (w[:1].upper() + w[1:] for w in AGENCY_NAME_WORDS))]
)

Report = Callable[[GovIndexError], None]


def is_header(cells: list[str]) -> bool:
    """Whether a row is the header row: a cell names the agency column."""
    return any(cell and header_key(cell) in AGENCY_HEADERS for cell in cells)


@attrs.frozen
class Header:
    """What the header row says: the column of each fact and criterion (1-based), and the maxima written in it.

    ``positions`` maps ``agency``, ``group``, ``name``, the flags, ``node``,
    ``score``, ``evidence``, ``reason``, ``source``, ``not_applicable`` and node ids (the
    root's total as ``@total``) to columns. ``declared`` holds the maximum
    written in a column's header (``Hạ tầng (10 điểm)``); ``mismatched`` the
    groups whose node has another maximum there.
    """

    line: int
    width: int
    positions: dict[str, int]
    by_name: bool = False
    declared: dict[int, Decimal] = attrs.field(factory=dict)
    mismatched: dict[int, dict[str, Decimal]] = attrs.field(factory=dict)

    @property
    def long(self) -> bool:
        return "node" in self.positions and "score" in self.positions

    def nodes(self) -> list[tuple[str, int]]:
        """The criterion columns: (node id, or ``@total``, column)."""
        return [(name, column) for name, column in self.positions.items() if name not in FACTS]


class _Reader:
    def __init__(self, rubric: Rubric, options: ReadOptions, report: Report, line: int) -> None:
        self.rubric = rubric
        self.options = options
        self.report = report
        self.line = line
        self.declared: dict[int, Decimal] = {}
        self.mismatched: dict[int, dict[str, Decimal]] = {}
        self.roots = {group.tree.id for group in rubric.groups}
        self.keys = _node_keys(rubric)
        self._known: list[str] | None = None

    def problem(self, reason: Reading, column: int | None = None, **params: object) -> None:
        self.report(FileFormatError(reason, line=self.line, column=column, **params))  # type: ignore[arg-type]

    def classify(self, key: str, name: str, column: int) -> str | None:
        """What a header cell names: a fixed column, ``@name``, ``@total`` or a node id (``None``: refused)."""
        if key in AGENCY_ID_HEADERS:
            return "agency"
        if key in AGENCY_NAME_HEADERS:
            return "@name"
        if key in COLUMN_NAMES:
            return COLUMN_NAMES[key]
        base, maximum = split_maximum(key)
        candidates = self.roots if base in TOTAL_HEADERS else self.keys.get(base, set())
        if not candidates:
            known = self.known()
            self.report(
                FileFormatError(
                    Reading.UNKNOWN_COLUMN,
                    name=repr(name),
                    rubric=repr(self.rubric.id),
                    known=known,
                    line=self.line,
                    column=column,
                    node=name,
                )
            )
            return None
        if len(candidates) > 1 and not candidates <= self.roots:
            self.problem(Reading.AMBIGUOUS_COLUMN, column, name=repr(name), candidates=sorted(candidates))
            return None
        node_id = "@total" if candidates <= self.roots else next(iter(candidates))
        if maximum is not None and not self.check_maximum(node_id, name, maximum, column):
            return None
        return node_id

    def known(self) -> list[str]:
        """The rubric's node ids, sorted (named by the refusal of an unknown column), found once."""
        if self._known is None:
            self._known = sorted({node_id for group in self.rubric.groups for node_id in group.node_ids})
        return self._known

    def check_maximum(self, node_id: str, name: str, maximum: Decimal, column: int) -> bool:
        """Whether the maximum written in a header matches the node's (in the groups that have it)."""
        maxima: dict[str, Decimal] = {}
        for group in self.rubric.groups:
            node = group.tree if node_id == "@total" else group.tree.find(node_id)
            if node is not None:
                maxima[group.id] = node.max_points
        if maximum not in maxima.values():
            what = Reading.THE_TOTAL if node_id == "@total" else Reading.THE_NODE
            self.problem(
                Reading.HEADER_MAXIMUM,
                column,
                name=repr(name),
                maximum=maximum,
                what=what if what is Reading.THE_TOTAL else Worded(Reading.THE_NODE, criterion=repr(node_id)),
                expected=sorted(set(maxima.values())),
                rubric=repr(self.rubric.id),
            )
            return False
        self.declared[column] = maximum
        wrong = {group_id: value for group_id, value in maxima.items() if value != maximum}
        if wrong:
            self.mismatched[column] = wrong
        return True


class Worded:
    """A catalogue entry with its parameters, shown in the language of the message that holds it."""

    def __init__(self, entry: Reading, **params: object) -> None:
        self.entry = entry
        self.params = params

    def message_in(self, lang: str) -> str:
        return self.entry.text(lang, **self.params)


def _node_keys(rubric: Rubric) -> dict[str, set[str]]:
    """Each header key a node answers to (its id, or its name where no id reads the same)."""
    keys: dict[str, set[str]] = {}
    for group in rubric.groups:
        for node in group.tree.walk():
            keys.setdefault(header_key(node.id), set()).add(node.id)
    for group in rubric.groups:
        id_keys = {header_key(node.id) for node in group.tree.walk()}
        for node in group.tree.walk():
            for label in (node.name, node.name_en):
                if label and header_key(label) not in id_keys:
                    keys.setdefault(header_key(label), set()).add(node.id)
    return keys


_NEEDED = {
    "agency": Reading.WHY_AGENCY,
    "@name": Reading.WHY_AGENCY,
    "node": Reading.WHY_LONG,
    "score": Reading.WHY_LONG,
}


def read_header(cells: list[str], line: int, rubric: Rubric, options: ReadOptions, report: Report) -> Header | None:
    """The header of a table from its header row; every problem of the row is reported, ``None`` if unusable."""
    reader = _Reader(rubric, options, report, line)
    names = [cell.strip() for cell in cells]
    while names and not names[-1]:
        names.pop()
    ignored = {header_key(name) for name in options.ignore_columns}
    positions: dict[str, int] = {}
    refused_ignore: list[tuple[str, int, Reading]] = []
    for column, name in enumerate(names, start=1):
        key = header_key(name)
        if not key:
            reader.problem(Reading.COLUMN_WITHOUT_NAME, column)
        elif key in ignored:
            why = _needed(key)
            if why is not None:
                refused_ignore.append((name, column, why))
        elif key not in IGNORED_HEADERS:
            _place_column(reader, positions, names, key, name, column)
    by_name = _agency_by_name(reader, positions, names)
    if not _usable(reader, positions, refused_ignore):
        return None
    return Header(line, len(names), positions, by_name, reader.declared, reader.mismatched)


def _usable(reader: _Reader, positions: dict[str, int], refused_ignore: list[tuple[str, int, Reading]]) -> bool:
    """Whether the header has what the reader needs (the agency column, the group column with several groups)."""
    rubric = reader.rubric
    needs_group = len(rubric.groups) > 1 and reader.options.registry is None
    for name, column, why in refused_ignore:
        if why is not Reading.WHY_GROUP or (needs_group and "group" not in positions):
            reader.problem(Reading.CANNOT_IGNORE, column, name=repr(name), why=why)
            return False
    if "agency" not in positions:
        reader.problem(Reading.NO_HEADER, headers=AGENCY_LIST)
        return False
    if "group" not in positions and needs_group:
        reader.problem(Reading.NO_GROUP_COLUMN, rubric=repr(rubric.id), groups=rubric.group_ids)
        return False
    return True


def _needed(key: str) -> Reading | None:
    """Why the reader needs the column a header key names (``None``: it may be left unread)."""
    kind = "agency" if key in AGENCY_ID_HEADERS else "@name" if key in AGENCY_NAME_HEADERS else COLUMN_NAMES.get(key)
    if kind == "group":
        return Reading.WHY_GROUP
    return _NEEDED.get(kind or "")


def _place_column(
    reader: _Reader, positions: dict[str, int], names: list[str], key: str, name: str, column: int
) -> None:
    """Note what a header cell names, refusing a column named twice."""
    canonical = reader.classify(key, name, column)
    if canonical is None:
        return
    first = positions.get(canonical)
    if first is None:
        positions[canonical] = column
    elif header_key(names[first - 1]) == key:
        reader.problem(Reading.COLUMN_TWICE, column, name=repr(name), first=first)
    else:
        reader.problem(Reading.COLUMN_SAME_AS, column, name=repr(name), other=repr(names[first - 1]), first=first)


def _agency_by_name(reader: _Reader, positions: dict[str, int], names: list[str]) -> bool:
    """Whether agencies are named (not given by id): a name column stands for the agency column when none is."""
    named = positions.pop("@name", None)
    if named is None:
        return False
    if "agency" not in positions:
        positions["agency"] = named
        return True
    if "name" in positions:
        reader.problem(Reading.TWO_NAME_COLUMNS, named, name=repr(names[named - 1]), first=positions["name"])
    else:
        positions["name"] = named
    return False
