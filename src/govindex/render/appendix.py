"""The appendix of a results decision (phụ lục kết quả), laid out as Decision 3247/QĐ-UBND prints it.

Per agency group, numbered as the decision numbers them:

- the overall ranking ("Bảng 1."): STT, Tên cơ quan, Tổng điểm, Xếp hạng,
  split into band sections that show their share ("A. Mức khá (67%)");
- one ranking per main index or category ("Bảng 1.1.", "Bảng 1.2.", …),
  its maximum in the caption;

then the summary (the mean of each group and the overall mean as the
province computes it, the mean of the group means; band shares per group as
whole percentages that sum to 100, by :func:`govindex.stats.statistics`),
then the agencies not assessed, with the reason.

Agencies with equal scores are listed in input order; their ranks are the
rubric's tie policy. Vietnamese by default (decimal comma, band wording
"từ 70 điểm đến dưới 85 điểm"); ``lang="en"`` gives English with a decimal
point. Titles and captions come from the rubric (``title``,
``results_basis``) and its ``appendix`` section; ``title`` and
``captions`` arguments override both.

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

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from string import ascii_uppercase

from govindex.errors import InputError
from govindex.render.model import Block, Cell, Column, Document, Figure, Heading, Paragraph, Table, format_number
from govindex.render.svg import PALETTE, bar_chart, share_bars
from govindex.render.words import band_range, check_lang, word
from govindex.results import AgencyResult, Result
from govindex.rubric import AppendixLayout, Group, Node, Rubric
from govindex.stats import GroupStatistics, Statistics, statistics

__all__ = ["appendix"]


def _name(group: Group | Node, lang: str) -> str:
    return (group.name_en or group.name) if lang == "en" else group.name


def _date(basis_date: object, lang: str) -> str:
    iso = str(basis_date)
    if lang == "vi" and len(iso) == 10:
        year, month, day = iso.split("-")
        return f"{day}/{month}/{year}"
    return iso


def _points(value: Decimal, lang: str) -> str:
    return format_number(value.normalize() if value == value.to_integral_value() else value, None, lang)


def _title(rubric: Rubric, lang: str, layout: AppendixLayout) -> str:
    custom = layout.title_en if lang == "en" else layout.title
    if custom:
        return custom
    if lang == "en":
        return f"Results: {rubric.title_en or rubric.title}"
    return f"Kết quả đánh giá, xếp hạng: {rubric.title}"


def _subtitle(rubric: Rubric, lang: str, layout: AppendixLayout) -> str | None:
    custom = layout.subtitle_en if lang == "en" else layout.subtitle
    if custom:
        return custom
    basis = rubric.results_basis
    if basis is None or basis.date is None:
        return None
    if lang == "en":
        return f"(Appendix to Decision {basis.decision} of {_date(basis.date, lang)}, {basis.issuer})"
    return f"(Kèm theo Quyết định số {basis.decision} ngày {_date(basis.date, lang)} của {basis.issuer})"


def _caption(
    number: str,
    group: Group,
    node: Node,
    lang: str,
    layout: AppendixLayout,
    overrides: Mapping[str, Mapping[str, str]],
) -> str:
    custom = overrides.get(group.id, {}).get(node.id) or layout.caption(group.id, node.id, lang)
    if node is group.tree:
        text = custom or (
            f"Overall ranking: {_name(group, lang)}" if lang == "en" else f"Xếp hạng tổng thể: {_name(group, lang)}"
        )
    else:
        text = custom or (
            f"Ranking on {_name(node, lang)}: {_name(group, lang)}"
            if lang == "en"
            else f"Xếp hạng hạng mục {_name(node, lang)}: {_name(group, lang)}"
        )
        maximum = _points(node.max_points, lang)
        text += f" (maximum {maximum} points)" if lang == "en" else f" (điểm tối đa {maximum} điểm)"
    return f"{word('table', lang)} {number}. {text}"


def _order(rows: Sequence[AgencyResult], key: dict[str, int], node: str | None) -> list[AgencyResult]:
    def value(row: AgencyResult) -> Decimal:
        return row.total if node is None else row.scores[node]

    return sorted(rows, key=lambda row: (-value(row), key.get(row.agency.id, len(key)), row.agency.id))


def _ranking_table(
    name: str,
    caption: str,
    rows: Sequence[AgencyResult],
    node: str | None,
    decimals: int,
    lang: str,
    sections: Iterable[tuple[int, str]] = (),
) -> Table:
    score_label = ("Score" if lang == "en" else "Điểm hạng mục") if node is not None else None
    columns = [
        Column("stt"),
        Column("name"),
        Column("total" if node is None else "score", score_label, decimals, score_label),
        Column("rank"),
    ]
    body: list[list[Cell]] = []
    for position, row in enumerate(rows, start=1):
        score = row.total if node is None else row.scores[node]
        rank = row.rank if node is None else row.node_ranks.get(node)
        body.append([position, row.agency.name, score, rank])
    return Table(name, columns, body, caption, sections=tuple(sections))


def _band_sections(
    rubric: Rubric, rows: Sequence[AgencyResult], stats: GroupStatistics, lang: str
) -> list[tuple[int, str]]:
    if rubric.bands is None:
        return []
    sections: list[tuple[int, str]] = []
    letter = 0
    for band in rubric.bands.bands:
        positions = [i for i, row in enumerate(rows) if row.band_id == band.id]
        if not positions:
            continue
        share = stats.band_shares[band.id]
        label = (band.label_en or band.label) if lang == "en" else f"Mức {band.label[:1].lower()}{band.label[1:]}"
        sections.append((positions[0], f"{ascii_uppercase[letter]}. {label} ({share}%)"))
        letter += 1
    return sections


def _band_label(rubric: Rubric, band_id: str, lang: str) -> str:
    assert rubric.bands is not None
    band = rubric.bands.band(band_id)
    return (band.label_en or band.label) if lang == "en" else f"Mức {band.label[:1].lower()}{band.label[1:]}"


def _bands_blocks(rubric: Rubric, lang: str) -> list[Block]:
    if rubric.bands is None:
        return []
    blocks: list[Block] = [Heading(word("bands", lang), 1)]
    for band in rubric.bands.bands:
        blocks.append(Paragraph(f"{_band_label(rubric, band.id, lang)}: {band_range(band.lower, band.upper, lang)}."))
    return blocks


def _summary(stats: Statistics, result: Result, lang: str, decimals: int) -> list[Block]:
    rubric = result.rubric
    blocks: list[Block] = [Heading(word("summary", lang), 1)]
    means = ", ".join(
        f"{_name(rubric.group(g.group), lang)} {format_number(g.mean, decimals, lang)}" for g in stats.groups
    )
    maximum = _points(max(rubric.group(g.group).tree.max_points for g in stats.groups), lang)
    overall = format_number(stats.overall_mean, decimals, lang)
    if lang == "en":
        blocks.append(
            Paragraph(
                f"Overall mean: {overall}/{maximum} points, the mean of the group means ({means}); "
                "band shares are whole percentages that sum to 100 (largest remainder)."
            )
        )
    else:
        blocks.append(
            Paragraph(
                f"Điểm trung bình chung: {overall}/{maximum} điểm, là trung bình cộng điểm trung bình các khối "
                f"(trong đó: {means}); tỷ lệ xếp loại làm tròn đến phần trăm, tổng bằng 100%."
            )
        )
    rows: list[list[Cell]] = [[_name(rubric.group(g.group), lang), g.count, g.mean] for g in stats.groups]
    rows.append([word("overall_mean", lang), stats.count, stats.overall_mean])
    blocks.append(
        Table(
            "means",
            [Column("group_name"), Column("agencies"), Column("mean", decimals=decimals)],
            rows,
            "Điểm trung bình theo khối" if lang == "vi" else "Means per group",
        )
    )
    if rubric.bands is not None:
        columns = [Column("band")]
        columns += [
            Column(
                f"share_{g.group}",
                f"{_name(rubric.group(g.group), lang)} (%)",
                None,
                f"{_name(rubric.group(g.group), lang)} (%)",
            )
            for g in stats.groups
        ]
        share_rows: list[list[Cell]] = [
            [_band_label(rubric, band.id, lang), *(g.band_shares[band.id] for g in stats.groups)]
            for band in rubric.bands.bands
        ]
        blocks.append(Table("shares", columns, share_rows, word("shares", lang)))
        blocks.append(
            Figure(
                share_bars(
                    [
                        (
                            _name(rubric.group(g.group), lang),
                            [(_band_label(rubric, b.id, lang), g.band_shares[b.id]) for b in rubric.bands.bands],
                        )
                        for g in stats.groups
                    ],
                    title=word("shares", lang),
                ),
                word("shares", lang),
                "shares",
            )
        )
    return blocks


def _not_assessed(result: Result, lang: str) -> list[Block]:
    blocks: list[Block] = [Heading(word("not_assessed", lang), 1)]
    if not result.not_assessed:
        blocks.append(Paragraph(word("none_not_assessed", lang)))
        return blocks
    rows: list[list[Cell]] = []
    for position, item in enumerate(result.not_assessed, start=1):
        group = next((g for g in result.rubric.groups if g.id == item.agency.group), None)
        rows.append(
            [position, item.agency.name, item.agency.group if group is None else _name(group, lang), item.reason]
        )
    blocks.append(
        Table(
            "not_assessed",
            [Column("stt"), Column("name"), Column("group_name"), Column("reason")],
            rows,
            word("not_assessed", lang),
        )
    )
    return blocks


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
) -> Document:
    """The appendix of a results decision as a :class:`~govindex.render.model.Document`.

    ``order``: agency ids in input order (ties are listed in it; by default by
    id). ``title``, ``subtitle``, ``captions`` (group id -> node id ->
    caption), ``mean_decimals`` and ``first_table`` override the rubric's
    ``appendix`` section.
    """
    check_lang(lang)
    rubric = result.rubric
    layout = rubric.appendix or AppendixLayout()
    decimals = mean_decimals if mean_decimals is not None else layout.mean_decimals
    if decimals is None:
        decimals = rubric.decimals
    if not result.rows:
        raise InputError(f"no agency was assessed under rubric {rubric.id!r}; there is no appendix to write")
    stats = statistics(result, decimals=decimals)
    key: dict[str, int] = {}
    for agency_id in order:
        key.setdefault(agency_id, len(key))
    overrides = captions or {}
    blocks: list[Block] = _bands_blocks(rubric, lang)
    number = layout.first_table if first_table is None else first_table
    if number < 1:
        raise InputError(f"the first table number must be positive, not {number}")
    for part, group in enumerate(rubric.groups, start=1):
        rows = _order(result.group(group.id), key, None)
        if not rows:
            continue
        group_stats = stats.group(group.id)
        blocks.append(Heading(f"{part}. {_name(group, lang)}", 1))
        leader = rows[0]
        mean = format_number(group_stats.mean, decimals, lang)
        maximum = _points(group.tree.max_points, lang)
        top = format_number(leader.total, rubric.decimals, lang)
        if lang == "en":
            text = (
                f"{group_stats.count} agencies assessed; mean {mean}/{maximum} points; "
                f"{leader.agency.name} leads with {top} points."
            )
        else:
            text = (
                f"Đánh giá {group_stats.count} cơ quan, đơn vị; điểm trung bình {mean}/{maximum} điểm; "
                f"{leader.agency.name} đứng đầu với {top} điểm."
            )
        blocks.append(Paragraph(text))
        label = str(number)
        blocks.append(
            _ranking_table(
                f"{word('table', lang)} {label}",
                _caption(label, group, group.tree, lang, layout, overrides),
                rows,
                None,
                rubric.decimals,
                lang,
                _band_sections(rubric, rows, group_stats, lang),
            )
        )
        colours = {}
        if rubric.bands is not None:
            index = {band.id: i for i, band in enumerate(rubric.bands.bands)}
            colours = {row.agency.name: PALETTE[index[row.band_id]] for row in rows if row.band_id is not None}
        thresholds = [] if rubric.bands is None else [b.lower for b in rubric.bands.bands if b.lower > 0]
        blocks.append(
            Figure(
                bar_chart(
                    [(row.agency.name, row.total, format_number(row.total, rubric.decimals, lang)) for row in rows],
                    maximum=group.tree.max_points,
                    thresholds=thresholds,
                    title=_name(group, lang),
                    colours=colours,
                ),
                f"{word('chart_totals', lang)}: {_name(group, lang)}",
                f"chart-{group.id}",
            )
        )
        sub = 0
        for node in group.tree.children:
            if not all(node.id in row.scores for row in rows):
                continue
            sub += 1
            sub_label = f"{label}.{sub}"
            blocks.append(
                _ranking_table(
                    f"{word('table', lang)} {sub_label}",
                    _caption(sub_label, group, node, lang, layout, overrides),
                    _order(rows, key, node.id),
                    node.id,
                    rubric.decimals,
                    lang,
                )
            )
        number += 1
    blocks += _summary(stats, result, lang, decimals)
    blocks += _not_assessed(result, lang)
    return Document(
        title or _title(rubric, lang, layout),
        blocks,
        lang,
        subtitle=subtitle if subtitle is not None else _subtitle(rubric, lang, layout),
        caption_below=True,
    )
