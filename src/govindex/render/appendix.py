"""The appendix of a results decision (phụ lục kết quả), laid out as Decision 3247/QĐ-UBND prints it.

Per agency group, numbered as the decision numbers them:

- the overall ranking ("Bảng 1."): STT, Tên cơ quan, Tổng điểm, (Chỉ số: the
  total on the rubric's publication scale), Xếp hạng, split into band
  sections that show their share ("A. Mức khá (67%)");
- one ranking per main index or category ("Bảng 1.1.", "Bảng 1.2.", …),
  its maximum in the caption, with its published value when the rubric has
  a publication scale;
- one ranking per view of the rubric (the DTI's pillars): the view's
  points, its published value and its rank;

the agencies assessed but not ranked (:attr:`~govindex.results.Result.not_ranked`)
close the overall ranking of their group, in a section of their own, without
a rank, each with its reason in a note under the table;
then the summary (the mean of each group and the overall mean as the
province computes it, the mean of the group means; band shares per group as
whole percentages that sum to 100, by :func:`govindex.stats.statistics`),
then the agencies not assessed, with the reason, and, given the round's
:class:`~govindex.coverage.Coverage`, the agencies of the province's list
that sent no form (chưa nộp phiếu).

Every appendix says where its scores come from (:class:`~govindex.assessment.Source`):
a line under the title, a note under every table (so every sheet of the
workbook says it) and the captions of the charts. The decision's subtitle
(the rubric's ``appendix`` layout or its results basis) is used only for
appraised or published scores; self-assessed scores get a plain statement
("Kết quả tự đánh giá của các cơ quan, chưa thẩm định") unless ``subtitle``
is given.

Agencies with equal scores are listed in input order; their ranks are the
rubric's tie policy. Vietnamese by default (decimal comma, band wording
"từ 70 điểm đến dưới 85 điểm"); ``lang="en"`` gives English with a decimal
point. Titles and captions come from the rubric (``title``,
``results_basis``) and its ``appendix`` section; ``title`` and
``captions`` arguments override both. Every other word comes from the
catalogue (:class:`~govindex.catalogue.reports.AppendixText`).

>>> from govindex import load_dataset, load_rubric, score
>>> dataset = load_dataset("sonla-2017-it")
>>> assessments = dataset.assessments()
>>> result = score(load_rubric("sonla-2017-it"), assessments)
>>> document = appendix(result, order=[a.agency.id for a in assessments])
>>> ranking = document.table("Bảng 1")
>>> ranking.title
'Bảng 1. Xếp hạng tổng thể mức độ ứng dụng CNTT của các sở, ngành'
>>> ranking.sections[0], ranking.text_rows("vi")[0]
((0, 'A. Mức khá (67%)'), ['1', 'Sở Thông tin và Truyền thông', '83,8', '1'])
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from string import ascii_uppercase

import attrs

from govindex.assessment import Source
from govindex.catalogue.notranked import MergedWords, NotRankedWords
from govindex.catalogue.publishing import Missing, ScoreSource
from govindex.catalogue.render import RenderError
from govindex.catalogue.reports import AppendixText, Summary
from govindex.catalogue.words import HeadingText
from govindex.coverage import Coverage
from govindex.directory import AgencyRecord
from govindex.errors import InputError, check_lang
from govindex.render.model import Block, Cell, Column, Document, Figure, Heading, Paragraph, Table, format_number
from govindex.render.svg import PALETTE, bar_chart, share_bars
from govindex.render.wording import band_label, band_range, date_text, named, plain_number
from govindex.results import AgencyResult, Result
from govindex.rubric import AppendixLayout, Group, Node, Rubric
from govindex.stats import GroupStatistics, Statistics, statistics
from govindex.views import Publication, View

__all__ = ["appendix", "not_sent", "source_statement"]


@attrs.frozen
class _Setting:
    """What every part of one appendix shares."""

    result: Result
    lang: str
    layout: AppendixLayout
    overrides: Mapping[str, Mapping[str, str]]
    key: Mapping[str, int]
    decimals: int
    source: str = ""
    source_short: str = ""

    @property
    def rubric(self) -> Rubric:
        return self.result.rubric

    def caption(self, number: str, text: str) -> str:
        return AppendixText.CAPTION.text(self.lang, number=number, text=text)

    def table_name(self, number: str) -> str:
        return AppendixText.TABLE_NAME.text(self.lang, number=number)

    def order(self, rows: Sequence[AgencyResult], value: Callable[[AgencyResult], Decimal]) -> list[AgencyResult]:
        """Best first; equal values in input order, then by id."""
        key = self.key
        return sorted(rows, key=lambda row: (-value(row), key.get(row.agency.id, len(key)), row.agency.id))

    def custom(self, group: Group, node_id: str) -> str | None:
        return self.overrides.get(group.id, {}).get(node_id) or self.layout.caption(group.id, node_id, self.lang)


_STATEMENT = {
    Source.SELF: ScoreSource.SELF,
    Source.APPRAISED: ScoreSource.APPRAISED,
    Source.PUBLISHED: ScoreSource.PUBLISHED,
}
_SHORT = {
    Source.SELF: ScoreSource.SELF_SHORT,
    Source.APPRAISED: ScoreSource.APPRAISED_SHORT,
    Source.PUBLISHED: ScoreSource.PUBLISHED_SHORT,
}
#: The names of agencies listed in a sentence on mixed sources, at most.
_NAMES_SHOWN = 10


def source_statement(result: Result, lang: str) -> tuple[str, str]:
    """Where the scores of ``result`` come from: a sentence, and a few words for a chart's caption.

    One source: its statement ("Kết quả tự đánh giá của các cơ quan, chưa
    thẩm định"). Several: a sentence that says so, naming the agencies of
    each (at most ten by name).
    """
    sources = result.sources or (Source.APPRAISED,)
    if len(sources) == 1:
        return _STATEMENT[sources[0]].text(lang), _SHORT[sources[0]].text(lang)
    parts = []
    for source in sources:
        names = [row.agency.name for row in result.rows if row.source is source]
        shown = names[:_NAMES_SHOWN] + (["…"] if len(names) > _NAMES_SHOWN else [])
        parts.append(
            ScoreSource.MIXED_PART.text(
                lang, source=_SHORT[source].text(lang), count=len(names), names="; ".join(shown)
            )
        )
    short = " + ".join(_SHORT[source].text(lang) for source in sources)
    return ScoreSource.MIXED.text(lang, parts="; ".join(parts)), short


def _title(rubric: Rubric, lang: str, layout: AppendixLayout) -> str:
    custom = layout.title_en if lang == "en" else layout.title
    if custom:
        return custom
    return AppendixText.TITLE.text(lang, rubric=(rubric.title_en or rubric.title) if lang == "en" else rubric.title)


def _subtitle(rubric: Rubric, lang: str, layout: AppendixLayout) -> str | None:
    custom = layout.subtitle_en if lang == "en" else layout.subtitle
    if custom:
        return custom
    basis = rubric.results_basis
    if basis is None or basis.date is None:
        return None
    return AppendixText.SUBTITLE.text(lang, decision=basis.decision, date=date_text(basis.date, lang), issuer=basis.issuer)


def _with_maximum(text: str, maximum: Decimal, lang: str) -> str:
    return AppendixText.MAXIMUM.text(lang, caption=text, maximum=plain_number(maximum, lang))


@attrs.frozen
class _Index:
    """The published value shown beside the points: the name of its scale (if any) and its decimals."""

    scale: str | None
    decimals: int

    @classmethod
    def of(cls, publication: Publication) -> _Index:
        return cls(publication.name, publication.decimals)


def _ranking(
    setting: _Setting,
    number: str,
    caption: str,
    rows: Sequence[tuple[str, Cell, Cell, Cell]],
    score: Column,
    index: _Index | None,
    sections: Iterable[tuple[int, str]] = (),
    notes: Sequence[str] = (),
) -> Table:
    """A ranking table: STT, Tên cơ quan, the score, (the published value), Xếp hạng."""
    lang = setting.lang
    columns = [Column("stt"), Column("name"), score]
    if index is not None:
        columns.append(Column("index", HeadingText.INDEX.text(lang), index.decimals))
    columns.append(Column("rank"))
    body: list[list[Cell]] = []
    for position, (name, value, published, rank) in enumerate(rows, start=1):
        cells: list[Cell] = [position, name, value]
        if index is not None:
            cells.append(published)
        body.append([*cells, rank])
    if index is not None and index.scale:
        caption = AppendixText.PUBLISHED.text(lang, caption=caption, scale=index.scale)
    name = setting.table_name(number)
    return Table(
        name,
        columns,
        body,
        setting.caption(number, caption),
        sections=tuple(sections),
        label=name,
        notes=((setting.source,) if setting.source else ()) + tuple(notes),
    )


def _band_sections(
    rubric: Rubric, rows: Sequence[AgencyResult], stats: GroupStatistics, lang: str
) -> list[tuple[int, str]]:
    if rubric.bands is None:
        return []
    sections: list[tuple[int, str]] = []
    for band in rubric.bands.bands:
        positions = [i for i, row in enumerate(rows) if row.band_id == band.id]
        if positions:
            letter = ascii_uppercase[len(sections)]
            text = AppendixText.SECTION.text(
                lang, letter=letter, band=band_label(band, lang), share=stats.band_shares[band.id]
            )
            sections.append((positions[0], text))
    return sections


def _overall(setting: _Setting, group: Group, rows: list[AgencyResult], stats: GroupStatistics, number: str) -> Table:
    lang, rubric = setting.lang, setting.rubric
    caption = setting.custom(group, group.tree.id) or AppendixText.OVERALL.text(lang, group=named(group, lang))
    scale = setting.result.scale
    index = None
    if scale is not None:
        index = _Index(scale.label, scale.decimals)
    elif rubric.publication is not None and any(row.normalised is not None for row in rows):
        index = _Index.of(rubric.publication)
    items: list[tuple[str, Cell, Cell, Cell]] = [(row.agency.name, row.total, row.normalised, row.rank) for row in rows]
    sections = _band_sections(rubric, rows, stats, lang)
    unranked = [item for item in setting.result.not_ranked if item.agency.group == group.id]
    notes: list[str] = []
    if unranked:
        # as publishers show them: after the ranking, in a section of their own, without a rank, the reason in a note
        sections.append((len(items), NotRankedWords.SECTION.text(lang)))
        for item in sorted(
            unranked, key=lambda item: (-item.total, setting.key.get(item.agency.id, 0), item.agency.id)
        ):
            published = None
            if index is not None and scale is None and rubric.publication is not None:
                published = rubric.publication.on_scale(item.total, group.tree.max_points)
            items.append((NotRankedWords.MARKED.text(lang, name=item.agency.name), item.total, published, None))
            notes.append(NotRankedWords.NOTE.text(lang, name=item.agency.name, reason=item.reason))
    total = Column("total", decimals=rubric.decimals)
    return _ranking(setting, number, caption, items, total, index, sections, notes)


def _node_ranking(setting: _Setting, group: Group, node: Node, rows: list[AgencyResult], number: str) -> Table:
    lang, rubric = setting.lang, setting.rubric
    caption = setting.custom(group, node.id) or AppendixText.NODE.text(
        lang, node=named(node, lang), group=named(group, lang)
    )
    caption = _with_maximum(caption, node.max_points, lang)
    ordered = setting.order(rows, lambda row: row.scores[node.id])
    publication = rubric.publication if rubric.publication is not None and node.max_points != 0 else None
    items = [
        (
            row.agency.name,
            row.scores[node.id],
            None if publication is None else publication.on_scale(row.scores[node.id], node.max_points),
            row.node_ranks.get(node.id),
        )
        for row in ordered
    ]
    score = Column("score", AppendixText.SCORE.text(lang), rubric.decimals)
    return _ranking(setting, number, caption, items, score, None if publication is None else _Index.of(publication))


def _view_ranking(setting: _Setting, group: Group, view: View, rows: list[AgencyResult], number: str) -> Table:
    lang, rubric = setting.lang, setting.rubric
    scored = [row for row in rows if view.id in row.views]
    ordered = setting.order(scored, lambda row: row.views[view.id].points)
    caption = setting.custom(group, view.id) or AppendixText.VIEW.text(
        lang, view=named(view, lang), group=named(group, lang)
    )
    maximum = ordered[0].views[view.id].maximum
    items = [
        (row.agency.name, row.views[view.id].points, row.views[view.id].normalised, row.views[view.id].rank)
        for row in ordered
    ]
    score = Column("score", AppendixText.POINTS.text(lang), rubric.decimals)
    publication = view.publication or rubric.publication
    index = None if publication is None else _Index.of(publication)
    return _ranking(setting, number, _with_maximum(caption, maximum, lang), items, score, index)


def _chart(setting: _Setting, group: Group, rows: list[AgencyResult]) -> Figure:
    rubric, lang = setting.rubric, setting.lang
    colours: dict[str, str] = {}
    thresholds: list[Decimal] = []
    if rubric.bands is not None:
        index = {band.id: i for i, band in enumerate(rubric.bands.bands)}
        colours = {row.agency.name: PALETTE[index[row.band_id]] for row in rows if row.band_id is not None}
        thresholds = [band.lower for band in rubric.bands.bands if band.lower > 0]
    bars = [(row.agency.name, row.total, format_number(row.total, rubric.decimals, lang)) for row in rows]
    svg = bar_chart(
        bars, maximum=group.tree.max_points, thresholds=thresholds, title=named(group, lang), colours=colours
    )
    caption = AppendixText.CHART_TOTALS.text(lang, group=named(group, lang))
    return Figure(svg, ScoreSource.CHART.text(lang, caption=caption, source=setting.source_short), f"chart-{group.id}")


def _part(setting: _Setting, part: int, group: Group, number: int, stats: Statistics) -> list[Block]:
    """One agency group: its heading, a paragraph, the overall ranking, the chart, the rankings per index and view."""
    lang, rubric = setting.lang, setting.rubric
    rows = setting.order(setting.result.group(group.id), lambda row: row.total)
    group_stats = stats.group(group.id)
    leader = rows[0]
    text = AppendixText.GROUP_TEXT.text(
        lang,
        count=group_stats.count,
        mean=format_number(group_stats.mean, setting.decimals, lang),
        maximum=plain_number(group.tree.max_points, lang),
        leader=leader.agency.name,
        top=format_number(leader.total, rubric.decimals, lang),
    )
    label = str(number)
    blocks: list[Block] = [
        Heading(AppendixText.GROUP_PART.text(lang, number=part, group=named(group, lang)), 1),
        Paragraph(text),
        _overall(setting, group, rows, group_stats, label),
        _chart(setting, group, rows),
    ]
    sub = 0
    for node in group.tree.children:
        if all(node.id in row.scores for row in rows):
            sub += 1
            blocks.append(_node_ranking(setting, group, node, rows, f"{label}.{sub}"))
    for view in rubric.views:
        if any(view.id in row.views for row in rows):
            sub += 1
            blocks.append(_view_ranking(setting, group, view, rows, f"{label}.{sub}"))
    return blocks


def _bands_blocks(rubric: Rubric, lang: str) -> list[Block]:
    if rubric.bands is None:
        return []
    blocks: list[Block] = [Heading(AppendixText.BANDS.text(lang), 1)]
    for band in rubric.bands.bands:
        words = band_range(band.lower, band.upper, lang)
        blocks.append(Paragraph(AppendixText.BAND_LINE.text(lang, band=band_label(band, lang), range=words)))
    return blocks


def _shares(stats: Statistics, rubric: Rubric, lang: str) -> list[Block]:
    assert rubric.bands is not None
    bands = rubric.bands.bands
    names = [named(rubric.group(g.group), lang) for g in stats.groups]
    columns = [Column("band")]
    columns += [
        Column(f"share_{g.group}", HeadingText.SHARE_OF.text(lang, name=n))
        for g, n in zip(stats.groups, names, strict=True)
    ]
    rows: list[list[Cell]] = [[band_label(b, lang), *(g.band_shares[b.id] for g in stats.groups)] for b in bands]
    title = AppendixText.SHARES.text(lang)
    figure_rows = [
        (name, [(band_label(b, lang), g.band_shares[b.id]) for b in bands])
        for g, name in zip(stats.groups, names, strict=True)
    ]
    return [
        Table("shares", columns, rows, title, label=title),
        Figure(share_bars(figure_rows, title=title), title, "shares"),
    ]


def _summary(stats: Statistics, setting: _Setting) -> list[Block]:
    rubric, lang, decimals = setting.rubric, setting.lang, setting.decimals
    means = ", ".join(
        AppendixText.GROUP_MEAN.text(
            lang, group=named(rubric.group(g.group), lang), mean=format_number(g.mean, decimals, lang)
        )
        for g in stats.groups
    )
    maximum = plain_number(max(rubric.group(g.group).tree.max_points for g in stats.groups), lang)
    overall = format_number(stats.overall_mean, decimals, lang)
    blocks: list[Block] = [
        Heading(AppendixText.SUMMARY.text(lang), 1),
        Paragraph(AppendixText.SUMMARY_TEXT.text(lang, overall=overall, maximum=maximum, means=means)),
    ]
    rows: list[list[Cell]] = [[named(rubric.group(g.group), lang), g.count, g.mean] for g in stats.groups]
    rows.append([AppendixText.OVERALL_MEAN.text(lang), stats.count, stats.overall_mean])
    columns = [Column("group_name"), Column("agencies"), Column("mean", decimals=decimals)]
    blocks.append(Table("means", columns, rows, AppendixText.MEANS.text(lang), label=AppendixText.MEANS_SHORT.text(lang)))
    if rubric.bands is not None:
        blocks += _shares(stats, rubric, lang)
    return blocks


def _not_assessed(result: Result, lang: str, missing: int) -> list[Block]:
    title = Summary.NOT_ASSESSED.text(lang)
    blocks: list[Block] = [Heading(title, 1)]
    if not result.not_assessed:
        none = Missing.NONE_EXCLUDED.text(lang, count=missing) if missing else Summary.NONE_NOT_ASSESSED.text(lang)
        blocks.append(Paragraph(none))
        return blocks
    groups = {g.id: named(g, lang) for g in result.rubric.groups}
    rows: list[list[Cell]] = [
        [position, item.agency.name, groups.get(item.agency.group, item.agency.group), item.reason]
        for position, item in enumerate(result.not_assessed, start=1)
    ]
    columns = [Column("stt"), Column("name"), Column("group_name"), Column("reason")]
    blocks.append(Table("not_assessed", columns, rows, title, label=Summary.NOT_ASSESSED_SHORT.text(lang)))
    return blocks


def _merged_cohort(setting: _Setting, merged: Result, year: int, number: int) -> list[Block]:
    """The units after the mergers as a second cohort: a heading, a paragraph, the rankings (numbered on) and the
    summary, its tables and figures named apart from the first cohort's (the workbook gets a sheet for each)."""
    lang = setting.lang
    if not merged.rows:
        raise InputError(RenderError.NOTHING_ASSESSED, rubric=repr(merged.rubric.id))
    second = attrs.evolve(setting, result=merged, key={})
    stats = statistics(merged, decimals=setting.decimals)
    blocks: list[Block] = [
        Heading(MergedWords.HEADING.text(lang, year=year), 1),
        Paragraph(MergedWords.TEXT.text(lang, count=len(merged.rows), year=year)),
    ]
    groups = [group for group in merged.rubric.groups if merged.group(group.id)]
    for part, group in enumerate(groups, start=1):
        blocks += [_apart(block, lang, False) for block in _part(second, part, group, number + part - 1, stats)]
    blocks += [_apart(block, lang, True) for block in _summary(stats, second)]
    return blocks


def _apart(block: Block, lang: str, summary: bool) -> Block:
    """A block of the second cohort named apart from the first cohort's: figures always, the summary's tables
    and headings too (the rankings are numbered on)."""
    if isinstance(block, Figure):
        return attrs.evolve(block, name=f"merged-{block.name}")
    if summary and isinstance(block, Table):
        label = MergedWords.LABEL.text(lang, label=block.sheet_name)
        return attrs.evolve(block, name=f"merged_{block.name}", label=label)
    if summary and isinstance(block, Heading):
        return attrs.evolve(block, text=MergedWords.LABEL.text(lang, label=block.text))
    return block


def not_sent(found: Coverage) -> list[tuple[str, AgencyRecord]]:
    """The agencies of the province's list that sent no form, as ``(group id, record)``, group after group.

    A group of which nothing at all was found is left out: a round of the
    other groups only (``validate`` and ``score`` warn of it in one line).
    """
    return [(group.group, record) for group in found.groups if not group.absent for record in group.missing]


def _missing(result: Result, found: Coverage, lang: str) -> list[Block]:
    """The section of the agencies that sent no form (chưa nộp phiếu)."""
    groups = {g.id: named(g, lang) for g in result.rubric.groups}
    rows: list[list[Cell]] = [
        [position, record.name_in(found.year), groups.get(group, group), Missing.REASON.text(lang)]
        for position, (group, record) in enumerate(not_sent(found), start=1)
    ]
    if not rows:
        return []
    title = Missing.TITLE.text(lang)
    text = Missing.TEXT.text(lang, count=len(rows), directory=found.directory, year=found.year)
    columns = [Column("stt"), Column("name"), Column("group_name"), Column("reason")]
    return [
        Heading(title, 1),
        Paragraph(text),
        Table("missing", columns, rows, title, label=Missing.SHORT.text(lang)),
    ]


def appendix(
    result: Result,
    *,
    lang: str = "vi",
    order: Iterable[str] = (),
    title: str | None = None,
    subtitle: str | None = None,
    captions: Mapping[str, Mapping[str, str]] | None = None,
    mean_decimals: int | None = None,
    first_table: int | None = None,
    coverage: Coverage | None = None,
    merged: Result | None = None,
    merged_year: int | None = None,
) -> Document:
    """The appendix of a results decision as a :class:`~govindex.render.model.Document`.

    ``order``: agency ids in input order (ties are listed in it; by default by
    id). ``title``, ``subtitle``, ``captions`` (group id -> node or view id ->
    caption), ``mean_decimals`` and ``first_table`` override the rubric's
    ``appendix`` section. ``coverage``: the round's agencies against the
    province's list (:func:`govindex.coverage.coverage`); those that sent no
    form are a section of their own, and the appendix then never says that
    every agency was assessed.
    """
    check_lang(lang)
    rubric = result.rubric
    layout = rubric.appendix or AppendixLayout()
    decimals = mean_decimals if mean_decimals is not None else layout.mean_decimals
    if not result.rows:
        raise InputError(RenderError.NOTHING_ASSESSED, rubric=repr(rubric.id))
    number = layout.first_table if first_table is None else first_table
    if number < 1:
        raise InputError(RenderError.FIRST_TABLE, number=number)
    key: dict[str, int] = {}
    for agency_id in order:
        key.setdefault(agency_id, len(key))
    statement, short = source_statement(result, lang)
    statement += "" if statement.endswith(".") else "."
    setting = _Setting(
        result, lang, layout, captions or {}, key, rubric.decimals if decimals is None else decimals, statement, short
    )
    stats = statistics(result, decimals=setting.decimals)
    blocks: list[Block] = [
        Paragraph(statement + ("" if statement.endswith(".") else ".")),
        *_bands_blocks(rubric, lang),
    ]
    groups = [group for group in rubric.groups if result.group(group.id)]
    for part, group in enumerate(groups, start=1):
        blocks += _part(setting, part, group, number + part - 1, stats)
    blocks += _summary(stats, setting)
    missing = [] if coverage is None else not_sent(coverage)
    blocks += _not_assessed(result, lang, len(missing))
    if coverage is not None:
        blocks += _missing(result, coverage, lang)
    if merged is not None:
        year = rubric.year + 1 if merged_year is None else merged_year
        blocks += _merged_cohort(setting, merged, year, number + len(groups))
    if subtitle is None:
        official = all(source is not Source.SELF for source in result.sources)
        subtitle = _subtitle(rubric, lang, layout) if official else ScoreSource.SELF.text(lang)
    return Document(title or _title(rubric, lang, layout), blocks, lang, subtitle=subtitle, caption_below=True)
