"""Assessment files: the agencies of one assessment and the scores they received.

YAML (or JSON)::

    rubric: sonla-2024-dti        # optional: the rubric the scores are for
    year: 2024
    source: appraised             # or self (tự đánh giá), published (đã công bố)
    agencies:
      - id: so-ngoai-vu
        name: Sở Ngoại vụ
        group: provincial
        has_online_services: false
        scores:
          total: 71.25
        evidence:
          total: Biên bản thẩm định số 12
      - id: ban-quan-ly-khu-kinh-te
        name: Ban Quản lý các khu kinh tế
        group: provincial
        not_ranked: Đơn vị không cung cấp dịch vụ công, đánh giá nhưng không xếp hạng
        scores:
          total: 64

``not_ranked`` holds the reason an agency is scored and banded but left
out of the ranking; ``not_ranked: true`` without a reason is refused.

A measured leaf (``measure:`` in the rubric) holds what the agency reported
instead of points: ``may_tinh: 95/120``, ``hop_bcd: 3``, ``website: có``.

CSV and XLSX score tables are read by :mod:`govindex.io.csvio` and
:mod:`govindex.io.xlsx`; :func:`read_assessments` picks the reader from the
file's extension.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal

import attrs

from govindex.agency import Agency
from govindex.assessment import Assessment, Source, measurement_of
from govindex.catalogue.files import Files
from govindex.catalogue.notranked import NotRankedText
from govindex.catalogue.reading import Reading
from govindex.errors import FileFormatError, GovIndexError, InputError, collected
from govindex.index_values import index_to_points
from govindex.io.converter import structure_document, unstructure
from govindex.io.yamlio import CommaNumber, MarkedDocument, dump_document, join_index, join_key, load_document
from govindex.measures import Measurement
from govindex.points import decimals_of, exact_context, parse_points
from govindex.rubric import Group, Rubric
from govindex.scoring import check_assessment

_NOT_RANKED_CODES = frozenset({NotRankedText.NO_REASON.code, NotRankedText.NOT_TEXT.code})
_RUBRIC_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")

__all__ = [
    "AgencyEntry",
    "AssessmentFile",
    "assessments_of_document",
    "check_assessment_text",
    "dump_assessment_file",
    "dump_assessments",
    "parse_assessment_file",
]


@attrs.frozen
class AgencyEntry:
    """One agency in an assessment file: who it is, its flags and its scores."""

    id: str
    name: str
    group: str
    scores: Mapping[str, Decimal | str] = attrs.field(factory=dict, hash=False)
    evidence: Mapping[str, str] = attrs.field(factory=dict, hash=False)
    has_subordinate_units: bool = True
    has_online_services: bool = True
    has_procedures: bool = True
    special: bool = False
    not_applicable: tuple[str, ...] = ()
    attributes: Mapping[str, str | bool | int] = attrs.field(factory=dict, hash=False)
    reasons: Mapping[str, str] = attrs.field(factory=dict, hash=False)
    #: the reason the agency is assessed but not ranked (``True`` without one is refused)
    not_ranked: str | bool | None = None

    def to_agency(self) -> Agency:
        return Agency(
            self.id,
            self.name,
            self.group,
            has_subordinate_units=self.has_subordinate_units,
            has_online_services=self.has_online_services,
            has_procedures=self.has_procedures,
            special=self.special,
            not_applicable=frozenset(self.not_applicable),
            attributes=self.attributes,
            not_ranked=None if self.not_ranked is False else self.not_ranked,
        )

    def to_assessment(self, source: Source, rubric: Rubric | None = None) -> Assessment:
        """The assessment; the values of the rubric's measured leaves are measured (``95/120`` -> points)."""
        agency = self.to_agency()
        scores: dict[str, Decimal] = {}
        measurements: dict[str, Measurement] = {}
        for node_id, value in self.scores.items():
            measurement = None
            if rubric is not None and agency.group in rubric.group_ids:
                node = rubric.group(agency.group).tree.find(node_id)
                if node is not None and node.measure is not None:
                    try:
                        measurement = measurement_of(rubric, agency.group, node_id, value)
                    except GovIndexError as error:
                        raise error.with_context(agency=self.id, node=node_id) from None
            if measurement is not None:
                measurements[node_id] = measurement
            elif isinstance(value, CommaNumber):  # 4,5 written plainly in YAML: points with a decimal comma
                scores[node_id] = parse_points(str(value))
            elif isinstance(value, str):
                raise FileFormatError(Files.EXPECTED_NUMBER_TEXT, text=repr(value), agency=self.id, node=node_id)
            else:
                scores[node_id] = value
        return Assessment(agency, scores, source, self.evidence, measurements, self.reasons)

    @classmethod
    def of(cls, assessment: Assessment) -> AgencyEntry:
        """The entry that holds ``assessment`` (a measured leaf holds its measurement, as reported)."""
        agency = assessment.agency
        values: dict[str, Decimal | str] = dict(assessment.scores)
        for node_id, measurement in assessment.measurements.items():
            values[node_id] = measurement.value
        return cls(
            agency.id,
            agency.name,
            agency.group,
            values,
            dict(assessment.evidence),
            agency.has_subordinate_units,
            agency.has_online_services,
            agency.has_procedures,
            agency.special,
            tuple(sorted(agency.not_applicable)),
            dict(agency.attributes),
            dict(assessment.reasons),
            agency.not_ranked,
        )


@attrs.frozen
class AssessmentFile:
    """The whole of an assessment file."""

    agencies: tuple[AgencyEntry, ...]
    source: Source = Source.APPRAISED
    year: int | None = None
    rubric: str | None = None

    def assessments(self, rubric: Rubric | None = None) -> tuple[Assessment, ...]:
        """The assessments; given the rubric, the values of measured leaves are measured."""
        return tuple(entry.to_assessment(self.source, rubric) for entry in self.agencies)

    @classmethod
    def of(
        cls, assessments: Iterable[Assessment], *, year: int | None = None, rubric: str | None = None
    ) -> AssessmentFile:
        """The file that holds ``assessments`` (all from the same source)."""
        cohort = tuple(assessments)
        sources = {a.source for a in cohort}
        if len(sources) > 1:
            raise InputError(Files.ONE_SOURCE)
        source = sources.pop() if sources else Source.APPRAISED
        return cls(tuple(AgencyEntry.of(a) for a in cohort), source, year, rubric)


def _entry_problems(
    entries: list[tuple[int, AgencyEntry]],
    source: Source,
    rubric_id: str | None,
    rubric: Rubric | None,
    document: MarkedDocument,
    values: str = "points",
    converted: dict[int, dict[str, Decimal | str]] | None = None,
) -> list[GovIndexError]:
    """Every problem of the agencies of a structured file, checked against the rubric if given.

    With ``values="index"`` each value is read on the rubric's published
    scale; the points it stands for are put in ``converted`` (by entry index).
    """
    problems: list[GovIndexError] = []
    seen: dict[str, int] = {}
    for index, entry in entries:
        base = join_index("agencies", index)
        if entry.id in seen:
            twice = InputError(Reading.AGENCY_TWICE_AT, first=f"agencies[{seen[entry.id]}]", agency=entry.id)
            problems.append(document.place(twice, join_key(base, "id")))
        seen.setdefault(entry.id, index)
        checker = _EntryCheck(entry, base, source, rubric, document, values)
        problems.extend(checker.problems())
        if converted is not None and checker.converted:
            converted[index] = checker.converted
    problems.extend(_rubric_problems(rubric_id, rubric, document))
    return problems


def _rubric_problems(rubric_id: str | None, rubric: Rubric | None, document: MarkedDocument) -> list[GovIndexError]:
    """A data file names its rubric by id, and that id is the rubric's it is read against."""
    if rubric_id is not None and not _RUBRIC_ID.fullmatch(rubric_id):
        return [document.place(InputError(Files.RUBRIC_BY_ID), "rubric")]
    if rubric is not None and rubric_id is not None and rubric_id != rubric.id:
        wrong = InputError(Files.WRONG_RUBRIC, given=repr(rubric_id), expected=repr(rubric.id))
        return [document.place(wrong, "rubric")]
    return []


class _EntryCheck:
    """The problems of one agency of an assessment file, each placed at its path."""

    def __init__(
        self, entry: AgencyEntry, base: str, source: Source, rubric: Rubric | None, document: MarkedDocument, values: str
    ) -> None:
        self.entry = entry
        self.base = base
        self.source = source
        self.rubric = rubric
        self.document = document
        self.values = values
        #: the points of each value read on the published scale (and each measured figure as given)
        self.converted: dict[str, Decimal | str] = {}

    def place(self, error: GovIndexError, where: str, *, key: bool = False) -> GovIndexError:
        return self.document.place(error.with_context(agency=self.entry.id), where, key=key)

    def problems(self) -> list[GovIndexError]:
        entry, base = self.entry, self.base
        unusable = _unusable_text(entry, base, self.document)
        if unusable is not None:
            return [unusable]
        try:
            agency = entry.to_agency()
            assessment = entry.to_assessment(self.source, self.rubric)
        except GovIndexError as error:
            where = base if error.node is None else join_key(join_key(base, "scores"), error.node)
            if error.code in _NOT_RANKED_CODES:
                where = join_key(base, "not_ranked")
            return [self.place(error, where)]
        if self.rubric is None:
            return []
        try:
            group = self.rubric.group(entry.group)
        except GovIndexError as error:
            return [self.place(error, join_key(base, "group"))]
        found = [self.score(agency, group, node_id, value, assessment) for node_id, value in assessment.scores.items()]
        return [problem for problem in found if problem is not None] + self.unknown_nodes(group)

    def score(
        self, agency: Agency, group: Group, node_id: str, value: Decimal, assessment: Assessment
    ) -> GovIndexError | None:
        """The problem of one score, if any (a measured figure is worked out by its measure: never an index value)."""
        assert self.rubric is not None
        where = join_key(join_key(self.base, "scores"), node_id)
        if node_id in assessment.measurements:
            self.converted[node_id] = self.entry.scores[node_id]
            return None
        ambiguous = _ambiguous(value, self.rubric.decimals)
        if ambiguous is not None:
            return self.place(ambiguous.with_context(node=node_id), where)
        try:
            if self.values != "points":
                value = index_to_points(self.rubric, self.entry.group, node_id, value, agency=self.entry.id)
                self.converted[node_id] = value
            check_assessment(self.rubric, Assessment(agency, {node_id: value}, self.source))
        except GovIndexError as error:
            return self.place(error, where, key=node_id not in group.node_ids)
        return None

    def unknown_nodes(self, group: Group) -> list[GovIndexError]:
        """Evidence and not-applicable entries naming a node the group's tree does not have."""
        entry = self.entry
        out: list[GovIndexError] = []
        for field_name, ids in (("evidence", list(entry.evidence)), ("not_applicable", list(entry.not_applicable))):
            for position, node_id in enumerate(ids):
                if node_id in group.node_ids:
                    continue
                where = join_key(self.base, field_name)
                where = join_key(where, node_id) if field_name == "evidence" else join_index(where, position)
                known = group.node_ids
                error = InputError(
                    Reading.UNKNOWN_NODE, criterion=repr(node_id), in_group=repr(group.id), known=known, node=node_id
                )
                out.append(self.place(error, where, key=field_name == "evidence"))
        return out


def _unusable_text(entry: AgencyEntry, base: str, document: MarkedDocument) -> GovIndexError | None:
    """A lone surrogate or a noncharacter in an agency's id, name or evidence (no file can hold it), placed."""
    from govindex.io.cells import check_text

    texts = [("id", entry.id), ("name", entry.name), *((join_key("evidence", k), v) for k, v in entry.evidence.items())]
    for where, text in texts:
        try:
            check_text(text, controls=False)
        except GovIndexError as error:
            return document.place(
                error.with_context(agency=entry.id), join_key(base, where) if "." not in where else f"{base}.{where}"
            )
    return None


def _ambiguous(value: Decimal, decimals: int) -> InputError | None:
    """Why a score written with three decimals (``1.000``) is ambiguous under a rubric with fewer, if it is."""
    exponent = value.as_tuple().exponent
    if decimals >= 3 or exponent != -3 or decimals_of(value) > decimals:
        return None
    with exact_context():
        whole = f"{value.normalize():f}"
        grouped = f"{value.scaleb(3):f}"
    return InputError(Reading.AMBIGUOUS_NUMBER, text=f"{value:f}", grouped=grouped, plain=whole, decimals=decimals)


def _file_of(
    document: MarkedDocument, rubric: Rubric | None, values: str = "points"
) -> tuple[AssessmentFile | None, list[GovIndexError]]:
    if not isinstance(document.data, dict):
        return None, [FileFormatError(Files.ASSESSMENT_NOT_MAPPING, file=document.file, line=1)]
    if values != "points" and rubric is None:
        raise InputError(Files.INDEX_NEEDS_RUBRIC)
    parsed, problems = structure_document(document, AssessmentFile)
    if parsed is not None:
        converted: dict[int, dict[str, Decimal | str]] = {}
        problems = _entry_problems(
            list(enumerate(parsed.agencies)), parsed.source, parsed.rubric, rubric, document, values, converted
        )
        if problems:
            return None, problems
        if values != "points":
            as_points = tuple(
                attrs.evolve(entry, scores=converted.get(index, {})) for index, entry in enumerate(parsed.agencies)
            )
            parsed = attrs.evolve(parsed, agencies=as_points)
        return parsed, problems
    # Find what can still be found: check every agency that can be read on its own.
    agencies = document.data.get("agencies")
    entries: list[tuple[int, AgencyEntry]] = []
    if isinstance(agencies, list):
        for index, item in enumerate(agencies):
            entry, _ = structure_document(document, AgencyEntry, at=join_index("agencies", index), data=item)
            if entry is not None:
                entries.append((index, entry))
    given = document.data.get("source")
    source = Source(given) if given in {item.value for item in Source} else Source.APPRAISED
    rubric_id = document.data.get("rubric") if isinstance(document.data.get("rubric"), str) else None
    more = _entry_problems(entries, source, rubric_id, rubric, document, values)
    return None, _sorted(problems + more)


def _sorted(problems: list[GovIndexError]) -> list[GovIndexError]:
    """Problems in the order of the file (those without a line last)."""
    return sorted(problems, key=lambda p: (p.line is None, p.line or 0, p.column or 0))


def check_assessment_text(
    text: str, rubric: Rubric | None = None, *, file: str | None = None, values: str = "points"
) -> tuple[AssessmentFile | None, list[GovIndexError]]:
    """Read an assessment file and return it (or ``None``) with **every** problem found."""
    problems: list[GovIndexError] = []
    try:
        document = load_document(text, file=file, sink=problems.append)
    except GovIndexError as error:
        return None, [*problems, error]
    parsed, more = _file_of(document, rubric, values)
    return (parsed if not problems else None), problems + more


def parse_assessment_file(
    text: str, rubric: Rubric | None = None, *, file: str | None = None, values: str = "points"
) -> AssessmentFile:
    """Parse the text of a YAML/JSON assessment file and, given a rubric, check it.

    With ``values="index"`` the scores are read on the rubric's published
    scale and returned as points.

    >>> text = "source: self\\nagencies:\\n  - {id: so-noi-vu, name: Sở Nội vụ, group: provincial, scores: {total: 81.5}}\\n"
    >>> parse_assessment_file(text).agencies[0].scores
    {'total': Decimal('81.5')}
    """
    document = load_document(text, file=file)
    parsed, problems = _file_of(document, rubric, values)
    if problems:
        raise collected(problems)
    assert parsed is not None
    return parsed


def dump_assessment_file(assessment_file: AssessmentFile, format: str = "yaml") -> str:
    """An assessment file as YAML (or ``format="json"``) text; reading it back gives an equal file."""
    data = unstructure(assessment_file)
    return dump_document(data, format)


def dump_assessments(
    assessments: Iterable[Assessment],
    format: str = "yaml",
    *,
    year: int | None = None,
    rubric: str | None = None,
) -> str:
    """Assessments (all from one source) as the text of an assessment file.

    >>> from govindex import Agency, Assessment
    >>> print(dump_assessments([Assessment(Agency("so-noi-vu", "Sở Nội vụ", "provincial"), {"total": "81,5"})]), end="")
    agencies:
    - id: so-noi-vu
      name: Sở Nội vụ
      group: provincial
      scores:
        total: 81.5
    """
    return dump_assessment_file(AssessmentFile.of(assessments, year=year, rubric=rubric), format)


def assessments_of_document(
    document: MarkedDocument, rubric: Rubric, values: str, report: Callable[[GovIndexError], None]
) -> tuple[tuple[Assessment, ...], dict[str, int | None]] | None:
    """The assessments of an assessment file and the line of each agency; its problems go to ``report``."""
    parsed, problems = _file_of(document, rubric, values)
    for problem in problems:
        report(problem)
    if parsed is None:
        return None
    lines: dict[str, int | None] = {}
    for index, entry in enumerate(parsed.agencies):
        mark = document.locate(join_key(join_index("agencies", index), "id"))
        lines[entry.id] = None if mark is None else mark[0]
    return parsed.assessments(rubric), lines
