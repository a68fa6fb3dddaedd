"""``govindex reproduce DATASET``: recompute a published result and check every figure."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING

from govindex.catalogue.indices import RankWords
from govindex.commands._options import emit
from govindex.render.text import plain_table

if TYPE_CHECKING:
    from govindex.reproduction import Check, Reproduction
    from govindex.rubric import Rubric

LANGUAGES = ("vi", "en")

_HEADERS: dict[str, dict[str, list[str]]] = {
    "vi": {
        "agencies": [
            "STT",
            "Tên cơ quan",
            "Tổng điểm",
            "(tính lại)",
            "Xếp loại",
            "(tính lại)",
            "Xếp hạng",
            "(tính lại)",
        ],
        "summary": ["Nhóm", "Số liệu", "Công bố", "Tính lại", "Kết quả"],
    },
    "en": {
        "agencies": ["No.", "Agency", "Total", "(computed)", "Band", "(computed)", "Rank", "(computed)"],
        "summary": ["Group", "Figure", "Published", "Computed", "Outcome"],
    },
}

_TEXT: dict[str, dict[str, str]] = {
    "vi": {
        "title": "Tái lập kết quả công bố {dataset}",
        "source": "Văn bản: Quyết định số {decision} ngày {date} của {issuer}",
        "tables": "Số liệu công bố: {tables}",
        "rubric": "Bộ tiêu chí: {title}",
        "node_head": "Hạng ({n})",
        "legend": "Hạng theo hạng mục, công bố/tính lại: {items}",
        "marks": (
            "≠: khác số liệu công bố; ≈: chênh trong giới hạn làm tròn của các số liệu thành phần đã công bố; "
            "*: sai sót đã biết của văn bản công bố."
        ),
        "summary": "Tổng hợp (điểm trung bình, dẫn đầu, tỷ lệ xếp loại)",
        "overall_group": "Toàn tỉnh",
        "assessed": "Số cơ quan được đánh giá",
        "mean": "Điểm trung bình",
        "overall_mean": "Điểm trung bình chung (trung bình cộng điểm trung bình các nhóm)",
        "leader": "Đứng đầu",
        "leader_total": "Điểm của cơ quan đứng đầu",
        "band_share": "Tỷ lệ mức {band}",
        "not_assessed": "Không đánh giá",
        "not_assessed_value": "không đánh giá",
        "assessed_value": "được đánh giá",
        "match": "khớp",
        "rounding": "chênh do làm tròn",
        "known_error": "sai sót của văn bản",
        "different": "KHÁC",
        "known_title": "Sai sót đã biết của văn bản công bố ({count}):",
        "known_item": "  - {group}, {what}: công bố {published}, đúng là {computed}{where}",
        "where": " ({where})",
        "why": "    {text}",
        "rounding_title": "Chênh lệch do làm tròn các số liệu thành phần đã công bố ({count}), không phải sai khác:",
        "rounding_item": "  - {about}{what}: công bố {published}, tính lại {computed}, chênh {difference}, trong giới hạn ±{bound}",
        "done_rounding": " Ngoài ra {rounding} số liệu chênh trong giới hạn làm tròn của các số liệu thành phần đã công bố.",
        "diff_title": "Sai khác với số liệu công bố ({count}):",
        "diff_bound": ", chênh {difference}, vượt giới hạn làm tròn ±{bound}",
        "diff_item": "  - {about}{what}: công bố {published}, tính lại {computed}",
        "total": "tổng điểm",
        "band": "xếp loại",
        "rank": "xếp hạng",
        "node_rank": "xếp hạng hạng mục {node}",
        "done": (
            "Đã kiểm tra {checked} số liệu công bố của {agencies} cơ quan: {matched} khớp, "
            "{known} là sai sót đã biết của văn bản công bố, {different} sai khác."
        ),
        "exact": "{value} (chính xác {exact})",
        "not_found": "không có",
    },
    "en": {
        "title": "Reproduction of the published results {dataset}",
        "source": "Source: Decision {decision} of {date}, {issuer}",
        "tables": "Figures published: {tables}",
        "rubric": "Rubric: {title}",
        "node_head": "Rank ({n})",
        "legend": "Ranks per category, published/computed: {items}",
        "marks": (
            "≠: differs from the published figure; ≈: differs within the rounding of the published components; "
            "*: a known error of the source."
        ),
        "summary": "Summary (means, leaders, band shares)",
        "overall_group": "Overall",
        "assessed": "Agencies assessed",
        "mean": "Mean",
        "overall_mean": "Overall mean (unweighted mean of the group means)",
        "leader": "Leader",
        "leader_total": "Leader's score",
        "band_share": "Share {band}",
        "not_assessed": "Not assessed",
        "not_assessed_value": "not assessed",
        "assessed_value": "assessed",
        "match": "match",
        "rounding": "within rounding",
        "known_error": "error of the source",
        "different": "DIFFERENT",
        "known_title": "Known errors of the source ({count}):",
        "known_item": "  - {group}, {what}: published {published}, correct {computed}{where}",
        "where": " ({where})",
        "why": "    {text}",
        "rounding_title": "Differences explained by the rounding of the published components ({count}), not differences:",
        "rounding_item": (
            "  - {about}{what}: published {published}, computed {computed}, differs by {difference}, "
            "within the bound ±{bound}"
        ),
        "done_rounding": " {rounding} more differ(s) only within the rounding of the published components.",
        "diff_title": "Differences from the published figures ({count}):",
        "diff_bound": ", differs by {difference}, beyond the rounding bound ±{bound}",
        "diff_item": "  - {about}{what}: published {published}, computed {computed}",
        "total": "total",
        "band": "band",
        "rank": "rank",
        "node_rank": "rank on {node}",
        "done": (
            "Checked {checked} published figures of {agencies} agencies: {matched} match, "
            "{known} known error(s) of the source, {different} difference(s)."
        ),
        "exact": "{value} (exact {exact})",
        "not_found": "not found",
    },
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from govindex.catalogue.cli import Help
    from govindex.commands._options import say

    parser = sub.add_parser("reproduce", help=say(Help.REPRODUCE), description=say(Help.REPRODUCE_DESCRIPTION))
    parser.add_argument("dataset", metavar="DATASET", help=say(Help.DATASET))
    parser.add_argument("--lang", choices=LANGUAGES, default="vi", help=say(Help.LANG))
    parser.set_defaults(run=run)


def _number(text: str, lang: str) -> str:
    """A number as text in ``lang``: a decimal comma in Vietnamese."""
    return text.replace(".", ",") if lang == "vi" else text


def _date(value: object, lang: str) -> str:
    if isinstance(value, dt.date):
        return f"{value.day}/{value.month}/{value.year}" if lang == "vi" else value.isoformat()
    return str(value)


def _mark(check: Check | None) -> str:
    from govindex.reproduction import Status

    if check is None or check.status is Status.MATCH:
        return ""
    return {Status.KNOWN_ERROR: " *", Status.ROUNDING: " ≈"}.get(check.status, " ≠")


class _Words:
    """Names for ids: agencies, groups, nodes and bands, in one language."""

    def __init__(self, outcome: Reproduction, lang: str) -> None:
        self.lang = lang
        self.rubric: Rubric = outcome.result.rubric
        self.agencies = {a.id: a.name for a in outcome.dataset.agencies}
        self.agencies.update({a.id: a.name for a in outcome.dataset.not_assessed})

    def group(self, group_id: str | None) -> str:
        if group_id is None:
            return _TEXT[self.lang]["overall_group"]
        group = self.rubric.group(group_id)
        return group.name if self.lang == "vi" or not group.name_en else group.name_en

    def node(self, group_id: str, node_id: str) -> str:
        node = self.rubric.node(group_id, node_id)
        return node.name if self.lang == "vi" or not node.name_en else node.name_en

    def band(self, band_id: str) -> str:
        if self.rubric.bands is None or band_id == "-":
            return band_id
        band = self.rubric.bands.band(band_id)
        return band.label if self.lang == "vi" or not band.label_en else band.label_en

    def agency(self, agency_id: str) -> str:
        return ", ".join(self.agencies.get(part, part) for part in agency_id.split(", "))

    def value(self, check: Check, value: str) -> str:
        """A published or computed value as a reader reads it."""
        if value == "not found":
            return _TEXT[self.lang]["not_found"]
        if check.figure == "band":
            return self.band(value)
        if check.figure == "leader":
            return self.agency(value)
        if check.figure == "not_assessed":
            key = "not_assessed_value" if value == "not assessed" else "assessed_value"
            return _TEXT[self.lang][key]
        if check.figure == "band_share":
            return f"{value}%"
        return _number(value, self.lang)

    def what(self, check: Check) -> str:
        text = _TEXT[self.lang]
        if check.figure == "node_rank" and check.group is not None and check.item is not None:
            return text["node_rank"].format(node=self.node(check.group, check.item))
        if check.figure == "band_share" and check.item is not None:
            return text["band_share"].format(band=self.band(check.item))
        return text[check.figure]


def _agency_tables(outcome: Reproduction, words: _Words, text: dict[str, str]) -> list[str]:
    by_agency: dict[tuple[str, str, str | None], Check] = {}
    for check in outcome.checks:
        if check.agency is not None:
            by_agency[(check.agency, check.figure, check.item)] = check
    out: list[str] = []
    for group_id in outcome.dataset.groups:
        agencies = [a for a in outcome.dataset.agencies if a.group == group_id]
        nodes: list[str] = []
        for agency in agencies:
            nodes += [node for node in agency.published.ranks if node not in nodes]
        header = list(_HEADERS[words.lang]["agencies"])
        header += [str(text["node_head"]).format(n=n) for n in range(1, len(nodes) + 1)]
        rows: list[list[str]] = []
        for number, agency in enumerate(agencies, start=1):
            cells = [str(number), agency.name]
            for figure in ("total", "band", "rank"):
                found = by_agency.get((agency.id, figure, None))
                if found is None:
                    cells += ["-", "-"]
                else:
                    cells += [words.value(found, found.published), words.value(found, found.computed) + _mark(found)]
            for node in nodes:
                found = by_agency.get((agency.id, "node_rank", node))
                cells.append("" if found is None else f"{found.published}/{found.computed}{_mark(found)}")
            rows.append(cells)
        out.append(words.group(group_id))
        out.append(plain_table(header, rows).rstrip("\n"))
        if nodes:
            items = "; ".join(f"({n}) {words.node(group_id, node)}" for n, node in enumerate(nodes, start=1))
            out.append(str(text["legend"]).format(items=items))
        out.append("")
    return out


def _summary_table(outcome: Reproduction, words: _Words, text: dict[str, str]) -> list[str]:
    rows: list[list[str]] = []
    for check in outcome.checks:
        if check.agency is not None and check.figure != "not_assessed":
            continue
        what = words.what(check)
        if check.figure == "not_assessed" and check.agency is not None:
            what = f"{what}: {words.agency(check.agency)}"
        computed = words.value(check, check.computed)
        if check.exact is not None and check.exact != check.computed:
            computed = str(text["exact"]).format(value=computed, exact=_number(check.exact, words.lang))
        rows.append(
            [
                words.group(check.group),
                what,
                words.value(check, check.published),
                computed,
                str(text[check.status.value]),
            ]
        )
    if not rows:
        return []
    header = list(_HEADERS[words.lang]["summary"])
    return [str(text["summary"]), plain_table(header, rows).rstrip("\n"), ""]


def _about(check: Check, words: _Words) -> str:
    """``Group, Agency, `` for a figure of an agency, ``Group, `` for one of a group."""
    about = words.group(check.group) + ", "
    if check.agency is not None:
        about += words.agency(check.agency) + ", "
    return about


def report(outcome: Reproduction, lang: str = "vi") -> str:
    """The reproduction as a report in ``lang`` (``"vi"`` or ``"en"``)."""
    text: dict[str, str] = dict(_TEXT[lang])
    words = _Words(outcome, lang)
    dataset = outcome.dataset
    source = dataset.source
    lines = [str(text["title"]).format(dataset=dataset.dataset)]
    if "decision" in source:
        lines.append(
            str(text["source"]).format(
                decision=source["decision"], date=_date(source.get("date", "?"), lang), issuer=source.get("issuer", "?")
            )
        )
    if "tables" in source:
        lines.append(str(text["tables"]).format(tables=source["tables"]))
    title = words.rubric.title if lang == "vi" or not words.rubric.title_en else words.rubric.title_en
    lines.append(str(text["rubric"]).format(title=title))
    lines.append("")
    lines += _agency_tables(outcome, words, text)
    lines += _summary_table(outcome, words, text)
    lines.append(str(text["marks"]))
    lines.append("")
    if outcome.known_errors:
        lines.append(str(text["known_title"]).format(count=len(outcome.known_errors)))
        explained: list[str] = []
        for check in outcome.known_errors:
            where = "" if check.where is None else str(text["where"]).format(where=check.where)
            lines.append(
                str(text["known_item"]).format(
                    group=words.group(check.group),
                    what=words.what(check),
                    published=words.value(check, check.published),
                    computed=words.value(check, check.computed),
                    where=where,
                )
            )
            why = check.explanation if lang == "vi" else check.explanation_en
            if why and why not in explained:
                explained.append(why)
        lines += [str(text["why"]).format(text=why) for why in explained]
        lines.append("")
    if outcome.within_rounding:
        lines.append(str(text["rounding_title"]).format(count=len(outcome.within_rounding)))
        for check in outcome.within_rounding:
            lines.append(
                str(text["rounding_item"]).format(
                    about=_about(check, words),
                    what=words.what(check),
                    published=words.value(check, check.published),
                    computed=words.value(check, check.computed),
                    difference=_number(check.difference or "", lang),
                    bound=_number(check.bound or "", lang),
                )
                + (RankWords.TIES.text(lang, agencies=", ".join(check.ties)) if check.ties else "")
            )
        lines.append("")
    if outcome.differences:
        lines.append(str(text["diff_title"]).format(count=len(outcome.differences)))
        for check in outcome.differences:
            about = _about(check, words)
            beyond = ""
            if check.bound is not None and check.difference is not None:
                beyond = str(text["diff_bound"]).format(
                    difference=_number(check.difference, lang), bound=_number(check.bound, lang)
                )
            lines.append(
                str(text["diff_item"]).format(
                    about=about,
                    what=words.what(check),
                    published=words.value(check, check.published),
                    computed=words.value(check, check.computed),
                )
                + beyond
            )
            if check.explanation:
                why = check.explanation if lang == "vi" else check.explanation_en
                lines.append(str(text["why"]).format(text=why))
        lines.append("")
    lines.append(
        str(text["done"]).format(
            checked=outcome.checked,
            agencies=len(dataset.agencies),
            matched=outcome.matched,
            known=len(outcome.known_errors),
            different=len(outcome.differences),
        )
        + (str(text["done_rounding"]).format(rounding=len(outcome.within_rounding)) if outcome.within_rounding else "")
    )
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    from govindex.io.published import open_dataset, reproduce

    dataset, rubric = open_dataset(args.dataset)
    outcome = reproduce(dataset, rubric=rubric)
    emit(report(outcome, args.lang))
    return 0 if outcome.ok else 1
