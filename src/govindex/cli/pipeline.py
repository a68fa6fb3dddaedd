"""One pipeline from file to page (quy trình): load a methodology, read the scores, score, write.

Every command that reads scores is these stages put together, and so is
any other caller (a notebook, a web service) that takes score files:

- :func:`load` reads the rubric and binds its rules (:class:`Inputs`: the
  rubric, ``rules`` files to run, ``trust_rules``);
- :func:`read` reads every source into one :class:`~govindex.io.cohort.Cohort`
  with every problem of every source collected (a source is a path, a
  bundled published dataset id, or a file given as ``(name, bytes)``);
- :func:`score_cohort` scores it, an error placed at its file and cell;
  :func:`merged` carries a result to the units after a directory's mergers;
  :func:`run` is the three at once (a :class:`ScoredRun`: the methodology, the
  agency directory, the cohort and its result);
- :func:`notices` are the warnings of a run (facts no rule reads, rules
  that changed nothing, agencies of the round that sent nothing);
- :func:`write` renders a value as :class:`Outputs` ask and writes it to
  its file (never over an existing one unless ``force``) or a stream.

The stages take frozen option records, never parsed command-line
arguments, and print nothing.

>>> inputs = Inputs(rubric="vn-dti-2022-province", sources=["examples/dti-index-values.csv"], values="index")
>>> result = run(inputs).result
>>> len(result)
5
>>> import io
>>> stream = io.StringIO()
>>> write(result, Outputs(format="csv", lang="en"), stream=stream)
>>> stream.getvalue().splitlines()[0][:30]
'group,rank,agency,name,total,n'
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TextIO

import attrs

from govindex.assessment import Source
from govindex.catalogue.cli import CliError
from govindex.catalogue.files import Files
from govindex.catalogue.reading import Reading
from govindex.catalogue.render import RenderError
from govindex.errors import GovIndexError, InputError, UnknownNameError, check_lang, collected
from govindex.io.cells import BLANK_ROWS, DEFAULT_MAX_BYTES, DEFAULT_MAX_CELLS, ReadOptions, Upload
from govindex.methodology import Methodology
from govindex.views import VALUES

if TYPE_CHECKING:
    from govindex.directory import AgencyDirectory
    from govindex.io.cohort import Cohort
    from govindex.results import Result
    from govindex.rubric import Rubric

__all__ = [
    "FORMATS",
    "Appendix",
    "Inputs",
    "Notice",
    "Outputs",
    "ScoreSource",
    "ScoredRun",
    "appendix_of",
    "captions_of",
    "explained",
    "find_agency",
    "form_of",
    "load",
    "notices",
    "read",
    "rendered",
    "run",
    "score_cohort",
    "write",
]

#: A score source: a path, a bundled published dataset id, or a file given as its name and bytes.
ScoreSource = str | Path | tuple[str, bytes] | Upload

#: Every output format; a command offers those that make sense for it.
FORMATS = ("table", "markdown", "csv", "json", "xlsx", "html", "docx")


def _one_source(item: Any) -> str | Path | Upload:
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], (bytes, bytearray)):
        return Upload(str(item[0]), bytes(item[1]))
    if isinstance(item, (str, Path, Upload)):
        return item
    raise TypeError(f"a score source is a path, a dataset id or (name, bytes), not {type(item).__name__}")


def _sources(value: Any) -> tuple[str | Path | Upload, ...]:
    if isinstance(value, (str, Path, Upload)) or (
        isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], bytes)
    ):
        return (_one_source(value),)
    return tuple(_one_source(item) for item in value)


def _strings(value: Iterable[str | Path]) -> tuple[str, ...]:
    if isinstance(value, (str, Path)):
        value = [value]
    return tuple(str(item) for item in value)


def _values(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in VALUES:
        raise InputError(Files.UNKNOWN_VALUES, values=repr(value), known=VALUES)


def _blank_rows(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in BLANK_ROWS:
        raise InputError(Reading.BLANK_ROWS, known=BLANK_ROWS, value=repr(value))


def _lang(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    check_lang(value)


@attrs.frozen(kw_only=True)
class Inputs:
    """What to read and how (the input options every command shares).

    - ``rubric``: a bundled rubric id, a published dataset id (its rubric), or a rubric file;
    - ``sources``: score files (paths), published dataset ids, or ``(name, bytes)`` pairs;
    - ``values``: ``"points"`` or ``"index"`` (shares of each node's maximum on the published scale);
    - ``rules``: rules files to run; ``trust_rules``: run the rules files the rubric names;
    - ``registry``: an agency directory (file, bundled id, or read) for names and the round's agencies;
    - ``sheet``, ``ignore_columns``, ``blank_rows``, ``max_bytes``, ``max_cells``: how tables are read
      (:class:`~govindex.io.cells.ReadOptions`).
    """

    rubric: str | Path | None = None
    sources: tuple[str | Path | Upload, ...] = attrs.field(default=(), converter=_sources)
    values: str = attrs.field(default="points", validator=_values)
    rules: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    trust_rules: bool = False
    registry: str | AgencyDirectory | None = None
    sheet: str | None = None
    ignore_columns: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    blank_rows: str = attrs.field(default="refuse", validator=_blank_rows)
    max_bytes: int = DEFAULT_MAX_BYTES
    max_cells: int = DEFAULT_MAX_CELLS

    def directory(self) -> AgencyDirectory | None:
        """The agency directory of ``registry``, read (``None`` without one)."""
        if self.registry is None or not isinstance(self.registry, str):
            return self.registry
        from govindex.io.directory import load_directory

        return load_directory(self.registry, max_bytes=self.max_bytes)

    def options(self, directory: AgencyDirectory | None = None) -> ReadOptions:
        """How tables are read (``directory``: the registry already read, else read here)."""
        return ReadOptions(
            sheet=self.sheet,
            ignore_columns=self.ignore_columns,
            registry=directory if directory is not None else self.directory(),
            max_bytes=self.max_bytes,
            max_cells=self.max_cells,
            blank_rows=self.blank_rows,
        )


@attrs.frozen(kw_only=True)
class Outputs:
    """How to write (the output options every command shares).

    ``format`` (default: from the ``output`` file's extension, else ``table``),
    ``lang`` (``vi`` by default: Vietnamese words and decimal commas),
    ``excel_vn`` (CSV as Excel in Vietnam reads it), ``output`` (a file; else a
    stream), ``force`` (write over an existing file), ``indent`` (JSON),
    ``table`` (one table of several).
    """

    format: str | None = None
    lang: str = attrs.field(default="vi", validator=_lang)
    excel_vn: bool = False
    output: str | Path | None = None
    force: bool = False
    indent: int | None = None
    table: str | None = None

    def chosen_format(self, formats: Sequence[str] = FORMATS, *, binary: bool = False) -> str:
        """``format``, else the ``output`` file's extension, else ``table``; binary formats need a file, unless
        ``binary`` (the bytes are wanted, as a web service sends them)."""
        from govindex.render import BINARY, format_for_path

        fmt = self.format
        if fmt is None:
            default = "table" if "table" in formats else formats[0]
            fmt = format_for_path(self.output, tuple(formats)) if self.output else default
        if fmt not in formats:
            raise InputError(RenderError.UNKNOWN_FORMAT, fmt=repr(fmt), formats=list(formats))
        if fmt in BINARY and not self.output and not binary:
            raise InputError(RenderError.BINARY_FORMAT, fmt=fmt)
        return fmt


def load(inputs: Inputs) -> Methodology:
    """The rubric of ``inputs`` with its rules bound (a published dataset id stands for its rubric)."""
    from govindex.io.bundled import list_rubrics, load_methodology

    name = inputs.rubric
    if name is None:
        raise InputError(CliError.NO_RUBRIC)
    if isinstance(name, str) and name not in list_rubrics() and not Path(name).exists():
        from govindex.io.published import list_datasets, load_dataset

        if name in list_datasets():
            name = load_dataset(name).rubric
    return load_methodology(name, rules=inputs.rules, trust_rules=inputs.trust_rules, max_bytes=inputs.max_bytes)


def read(
    inputs: Inputs,
    methodology: Methodology,
    *,
    sources: Iterable[ScoreSource] | None = None,
    source: Source | None = None,
    directory: AgencyDirectory | None = None,
) -> Cohort:
    """The scores of ``inputs.sources`` (or of ``sources``) as one cohort; every problem of every source is
    collected and raised once. ``source`` says whose scores they are (self-assessment or appraisal)."""
    from govindex.io.cohort import read_scores

    chosen = inputs.sources if sources is None else _sources(sources)
    return read_scores(
        chosen, methodology.rubric, options=inputs.options(directory), values=inputs.values, source=source
    )


def score_cohort(methodology: Methodology, cohort: Cohort) -> Result:
    """The cohort scored; an error found in scoring is placed at its agency's file, sheet and cell."""
    from govindex.io.cohort import named
    from govindex.scoring import score

    try:
        return score(methodology, cohort)
    except GovIndexError as error:
        raise collected(named(error.problems, methodology.rubric)) from None


def merged(
    result: Result, into: str | Path | AgencyDirectory, year: int | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Result:
    """The units after the mergers that the agency directory ``into`` (a file, an id, or a directory) records
    up to the end of ``year`` (by default the year after the rubric's), each merged unit's main indices the
    mean of its predecessors' (as the DTI 2024 was published for the 34 provinces), scored and ranked as a
    cohort of its own. A directory file is read within ``max_bytes``; a directory that records no merger in
    those years is refused (the units would be the results again)."""
    from govindex.catalogue.indices import MergeText
    from govindex.directory import AgencyDirectory
    from govindex.io.directory import load_directory
    from govindex.merging import merge, mergers_from_directory

    directory = into if isinstance(into, AgencyDirectory) else load_directory(into, max_bytes=max_bytes)
    chosen = result.rubric.year + 1 if year is None else year
    mergers = mergers_from_directory(directory, result, chosen)
    if not mergers:  # the units would be the results again: a year or a directory mistaken, said
        raise InputError(MergeText.NONE, directory=directory.id, since=result.rubric.year, year=chosen)
    return merge(result, mergers)


@attrs.frozen
class ScoredRun:
    """What load, read and score give for ``inputs``: the rubric with its rules, the agency directory given
    (``--registry``), the cohort read and its result."""

    methodology: Methodology
    directory: AgencyDirectory | None
    cohort: Cohort
    result: Result

    def notices(self) -> list[Notice]:
        """What deserves a warning in this run (:func:`notices`)."""
        return notices(self.methodology, self.cohort, self.result, self.directory)


def run(inputs: Inputs) -> ScoredRun:
    """Load, read and score: the stages every command that scores takes, in their order."""
    methodology = load(inputs)
    directory = inputs.directory()
    cohort = read(inputs, methodology, directory=directory)
    return ScoredRun(methodology, directory, cohort, score_cohort(methodology, cohort))


class Notice(Protocol):
    """A warning, worded in either language."""

    def describe(self, lang: str = ...) -> str: ...


@attrs.frozen
class _Worded:
    entry: Any
    params: Any

    def describe(self, lang: str = "vi") -> str:
        return str(self.entry.text(lang, **self.params))

    message_in = describe


@attrs.frozen
class _Unchanged:
    item: Any
    result: Any

    def describe(self, lang: str = "vi") -> str:
        from govindex.catalogue.results import Warnings

        facts = [f"{fact}: {value}" for fact, value in self.item.facts]
        rule = repr(self.result.rule_title(self.item.rule, lang))
        return Warnings.UNCHANGED.text(lang, rule=rule, facts=facts, agency_id=repr(self.item.agency))


@attrs.frozen
class _Unread:
    fact: Any
    where: str

    def describe(self, lang: str = "vi") -> str:
        return f"{self.where}: {self.fact.message_in(lang)}"


def notices(
    methodology: Methodology,
    cohort: Cohort,
    result: Result | None = None,
    directory: AgencyDirectory | None = None,
) -> list[Notice]:
    """What deserves a warning in a run: what the sources hold that is not wrong but deserves a look (an
    appraisal's reason beside an unchanged point, a formula's cached value), facts an agency states that no rule reads, rules that read a fact
    and changed nothing (with ``result``), and the agencies of the round that sent nothing (against
    ``directory``, else the bundled directory of the rubric's province)."""
    from govindex.coverage import coverage
    from govindex.io.directory import directory_of
    from govindex.rules.check import unread_facts

    found: list[Notice] = list(cohort.warnings)  # what the files hold that deserves a look (a reason, a formula)
    rubric = methodology.rubric
    stated = any(agency.states_facts for group in cohort.table.groups for agency in group.agencies)
    if stated:  # an agency states a fact: does a rule read it? (the assessments are made only then)
        where = ", ".join(cohort.files)
        found.extend(_Unread(fact, where) for fact in unread_facts(rubric, cohort.assessments(), methodology.rules))
    if result is not None:
        found.extend(_Unchanged(item, result) for item in result.unchanged)
    chosen = directory if directory is not None else directory_of(rubric)
    if chosen is not None:
        for warning in coverage(chosen, rubric, list(cohort.places)).warnings():  # an agency's: at its file and row
            file, sheet, line = cohort.places.get(warning.agency or "", (None, None, None))
            found.append(warning.with_context(file=file, sheet=sheet, line=line) if file is not None else warning)
    return found


def find_agency(result: Result, text: str) -> str:
    """The id of the agency of ``result`` whose id or name is ``text`` (names compared without case or
    accents' forms mattering: NFC, case-folded); a refusal lists the nearest names."""
    import difflib

    from govindex.agency import nfc

    ids: dict[str, str] = {}
    names: dict[str, list[str]] = {}
    agencies = [row.agency for row in result.rows] + [skipped.agency for skipped in result.not_assessed]
    agencies += [aside.agency for aside in result.not_ranked]
    for agency in agencies:
        ids[agency.id] = agency.id
        names.setdefault(nfc(agency.name).casefold(), []).append(agency.id)
    if text in ids:
        return text
    matched = names.get(nfc(text).casefold(), [])
    if len(matched) == 1:
        return matched[0]
    if matched:
        raise UnknownNameError(CliError.AMBIGUOUS_AGENCY, name=repr(text), ids=sorted(matched))
    shown = {nfc(name).casefold(): name for name in [a.name for a in agencies] + list(ids)}
    close = [shown[key] for key in difflib.get_close_matches(nfc(text).casefold(), list(shown), n=3)]
    hint = "" if not close else _Worded(CliError.AGENCY_HINT, {"names": [repr(name) for name in close]})
    raise UnknownNameError(CliError.UNKNOWN_AGENCY, name=repr(text), hint=hint)


def explained(result: Result, agency: str, node: str | None, outputs: Outputs) -> str:
    """How ``agency``'s score on ``node`` (default: the total) came to be, as ``govindex explain`` writes it:
    running text (``table``), JSON (the lines and the explanation as data), or a document (Markdown, HTML);
    ``agency`` is an id or a name (:func:`find_agency`)."""
    from govindex.explanation import explanation
    from govindex.render import data, render
    from govindex.render.explanations import explanation_lines
    from govindex.render.json import json_text
    from govindex.render.safe import one_line

    agency_id = find_agency(result, agency)
    value = explanation(result, agency_id, node)
    fmt = outputs.chosen_format(EXPLAIN_FORMATS)
    lang = outputs.lang
    if fmt == "table":
        return "".join(one_line(line) + "\n" for line in explanation_lines(value, lang))
    if fmt == "json":
        lines = explanation_lines(value, lang)
        body = {"agency": agency_id, "node": node, "lang": lang, "lines": lines, "explanation": data(value)}
        return json_text(body, indent=outputs.indent)
    rendered_value = render(value, fmt, lang=lang)
    assert isinstance(rendered_value, str)  # the binary format (docx) is written by the caller
    return rendered_value


#: The formats of an explanation: running text, or a document in Markdown, HTML, Word; JSON data.
EXPLAIN_FORMATS = ("table", "markdown", "html", "docx", "json")


def captions_of(specs: Iterable[str], rubric: Rubric) -> dict[str, dict[str, str]]:
    """Table captions given as ``GROUP.NODE=TEXT`` (the root node, or a view, for its ranking), checked
    against the rubric: group id -> node or view id -> caption."""
    out: dict[str, dict[str, str]] = {}
    for spec in specs:
        target, sep, text = spec.partition("=")
        group_id, dot, node_id = target.partition(".")
        if not sep or not dot or not text.strip():
            raise InputError(CliError.CAPTION_FORM, spec=repr(spec))
        group = rubric.group(group_id)
        if node_id not in group.node_ids and node_id not in {view.id for view in rubric.views}:
            raise InputError(
                CliError.CAPTION_NODE,
                spec=repr(spec),
                in_group=repr(group_id),
                name=repr(node_id),
                nodes=group.node_ids,
            )
        out.setdefault(group_id, {})[node_id] = text.strip()
    return out


@attrs.frozen(kw_only=True)
class Appendix:
    """What shapes the appendix of a results decision beyond the rubric's own ``appendix`` section: its
    ``title`` and ``subtitle``, table ``captions`` (``GROUP.NODE=TEXT``), the decimals of the means and the
    number of the first table; ``missing`` says what becomes of the agencies of the province's list that sent
    no form: ``refuse`` to publish (naming them) or ``list`` them in a section of their own; ``merge_into``
    and ``merge_year`` publish the units after the mergers as a second cohort (:func:`merged`)."""

    title: str | None = None
    subtitle: str | None = None
    captions: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    mean_decimals: int | None = None
    first_table: int | None = None
    missing: str = "refuse"
    #: an agency directory (file or id): the units after its mergers are published as a second cohort
    merge_into: str | None = None
    #: with ``merge_into``: the mergers up to the end of this year (default: the year after the rubric's)
    merge_year: int | None = None


def appendix_of(
    methodology: Methodology,
    cohort: Cohort,
    result: Result,
    shape: Appendix,
    lang: str = "vi",
    directory: AgencyDirectory | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Any:
    """The appendix of the results decision (a :class:`~govindex.render.model.Document`): the agencies in the
    order read, the round checked against ``directory`` (else the bundled directory of the rubric's
    province), those that sent no form refused or listed as ``shape.missing`` says; the directory of
    ``shape.merge_into`` read within ``max_bytes``."""
    from govindex.catalogue.publishing import PublishError
    from govindex.coverage import coverage
    from govindex.io.directory import directory_of
    from govindex.render.appendix import appendix, not_sent

    rubric = methodology.rubric
    chosen = directory if directory is not None else directory_of(rubric)
    found = None if chosen is None else coverage(chosen, rubric, list(cohort.places))
    missing = [] if found is None else not_sent(found)
    if found is not None and missing and shape.missing == "refuse":
        names = "; ".join(record.name_in(found.year) for _group, record in missing)
        raise InputError(
            PublishError.MISSING, count=len(missing), directory=found.directory, year=found.year, names=names
        )
    return appendix(
        result,
        lang=lang,
        order=list(cohort.places),
        title=shape.title,
        subtitle=shape.subtitle,
        captions=captions_of(shape.captions, rubric),
        mean_decimals=shape.mean_decimals,
        first_table=shape.first_table,
        coverage=found,
        merged=None
        if shape.merge_into is None
        else merged(result, shape.merge_into, shape.merge_year, max_bytes=max_bytes),
        merged_year=rubric.year + 1 if shape.merge_year is None else shape.merge_year,
    )


def form_of(
    methodology: Methodology,
    group_id: str,
    agency: str | None = None,
    directory: AgencyDirectory | None = None,
) -> tuple[bytes, str]:
    """A form to fill in (an Excel workbook) and the name to save it as: with ``agency`` (an id or a name
    of ``directory``, else of the bundled directory of the rubric's province), its self-assessment form
    (phiếu tự đánh giá), asking the facts the rubric's rules read; else the group's cohort sheet (bảng điểm
    thẩm định), one row per agency of the directory."""
    from govindex.agency import Agency, slugify
    from govindex.formlayout import form_facts
    from govindex.io.directory import directory_of
    from govindex.render.forms import agency_form_bytes, cohort_sheet_bytes

    rubric = methodology.rubric
    group = rubric.group(group_id)
    registry = directory if directory is not None else directory_of(rubric)
    if agency is not None:
        if registry is None:
            chosen = Agency(slugify(agency) or agency, agency, group.id)
        else:
            record = registry.match(agency).record
            if record.group != group.id:
                raise InputError(
                    CliError.AGENCY_GROUP, found=repr(record.group), expected=repr(group.id), agency=record.id
                )
            chosen = Agency(record.id, record.name_in(rubric.year), group.id)
        facts = form_facts(rubric, methodology.rules, group.id)
        return agency_form_bytes(rubric, group.id, chosen, facts=facts), f"phieu-tu-danh-gia-{chosen.id}.xlsx"
    agencies = []
    if registry is not None:
        agencies = [(record.id, record.name_in(rubric.year)) for record in registry.listed(group.id, rubric.year)]
    return cohort_sheet_bytes(rubric, group.id, agencies), f"bang-diem-{group.id}.xlsx"


def forms_of(
    methodology: Methodology, group_id: str | None = None, directory: AgencyDirectory | None = None
) -> dict[str, bytes]:
    """The blank self-assessment form (phiếu tự đánh giá) of every agency that ``directory`` (else the bundled
    directory of the rubric's province) lists for the rubric's year, in ``group_id`` or in every group of the
    rubric, but those the rubric keeps out of the round; by file name (``<agency id>.xlsx``), in directory
    order. Each is the form :func:`form_of` makes for that agency."""
    from govindex.agency import Agency, slugify
    from govindex.catalogue.round import RoundFiles
    from govindex.coverage import excluded_by
    from govindex.formlayout import form_facts
    from govindex.io.directory import directory_of
    from govindex.render.forms import agency_form_bytes

    rubric = methodology.rubric
    registry = directory if directory is not None else directory_of(rubric)
    if registry is None:
        raise InputError(RoundFiles.NO_DIRECTORY, rubric=repr(rubric.id))
    groups = rubric.groups if group_id is None else (rubric.group(group_id),)
    kept_out = set(excluded_by(rubric))
    forms: dict[str, bytes] = {}
    for group in groups:
        facts = form_facts(rubric, methodology.rules, group.id)
        for record in registry.listed(group.id, rubric.year):
            if record.id in kept_out:
                continue
            base = slugify(record.id) or "co-quan"
            name, number = base, 2
            while f"{name}.xlsx" in forms:
                name, number = f"{base}-{number}", number + 1
            agency = Agency(record.id, record.name_in(rubric.year), group.id)
            forms[f"{name}.xlsx"] = agency_form_bytes(rubric, group.id, agency, facts=facts)
    if not forms:
        raise InputError(RoundFiles.NO_AGENCIES, rubric=repr(rubric.id), year=rubric.year)
    return forms


def rendered(value: Any, outputs: Outputs, formats: Sequence[str] = FORMATS) -> str | bytes | Iterable[str]:
    """``value`` rendered as ``outputs`` ask (JSON in pieces, never held whole)."""
    from govindex.render import pieces, render

    fmt = outputs.chosen_format(formats, binary=True)  # written to a stream, bytes are refused then
    options: dict[str, Any] = {"lang": outputs.lang, "table": outputs.table, "excel_vn": outputs.excel_vn}
    if fmt == "json":
        return pieces(value, "json", indent=outputs.indent, **options)
    return render(value, fmt, indent=outputs.indent, **options)


def write(
    value: Any,
    outputs: Outputs,
    *,
    formats: Sequence[str] = FORMATS,
    stream: TextIO | None = None,
) -> None:
    """Render ``value`` and write it to ``outputs.output`` (kept if it exists, unless ``force``), else to
    ``stream`` (default: standard output). A value already rendered (text, bytes or pieces of text) is
    written as it is."""
    if isinstance(value, (str, bytes)):
        content: str | bytes | Iterable[str] = value
        outputs.chosen_format(formats)
    else:
        content = rendered(value, outputs, formats)
    write_content(content, outputs, stream=stream)


def write_content(content: str | bytes | Iterable[str], outputs: Outputs, *, stream: TextIO | None = None) -> None:
    """Rendered content to ``outputs.output`` or ``stream`` (default: standard output)."""
    from govindex.render import write_file

    if outputs.output is not None:
        write_file(content, outputs.output, overwrite=outputs.force)
        return
    if isinstance(content, bytes):
        raise InputError(RenderError.BINARY_FORMAT, fmt="xlsx")
    out = sys.stdout if stream is None else stream
    for piece in (content,) if isinstance(content, str) else content:
        out.write(piece)
