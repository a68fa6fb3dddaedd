"""``govindex reproduce DATASET``: recompute a published result and check every figure."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING

from govindex.catalogue.indices import RankWords
from govindex.catalogue.reproduce import AGENCY_HEADINGS, SUMMARY_HEADINGS, ReproduceHeading, ReproduceText
from govindex.cli.commands._options import add_lang, emit
from govindex.render.text import plain_table

if TYPE_CHECKING:
    from govindex.reproduction import Check, Reproduction
    from govindex.rubric import Rubric

#: The words of each figure reproduction checks, by the name it gives the figure.
_FIGURES = {
    "total": ReproduceText.TOTAL,
    "band": ReproduceText.BAND,
    "rank": ReproduceText.RANK,
    "node_rank": ReproduceText.NODE_RANK,
    "not_assessed": ReproduceText.NOT_ASSESSED,
    "assessed": ReproduceText.ASSESSED,
    "mean": ReproduceText.MEAN,
    "overall_mean": ReproduceText.OVERALL_MEAN,
    "leader": ReproduceText.LEADER,
    "leader_total": ReproduceText.LEADER_TOTAL,
    "band_share": ReproduceText.BAND_SHARE,
}
#: How a figure agrees with the published one, by its status.
_STATUSES = {
    "match": ReproduceText.MATCH,
    "rounding": ReproduceText.ROUNDING,
    "known_error": ReproduceText.KNOWN_ERROR,
    "different": ReproduceText.DIFFERENT,
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from govindex.catalogue.help import Help
    from govindex.cli.commands._options import say
    from govindex.io.cells import DEFAULT_MAX_BYTES

    parser = sub.add_parser("reproduce", help=say(Help.REPRODUCE), description=say(Help.REPRODUCE_DESCRIPTION))
    parser.add_argument("dataset", metavar="DATASET", help=say(Help.DATASET))
    add_lang(parser)
    parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N", help=say(Help.MAX_BYTES))
    parser.set_defaults(run=run)


def _number(text: str, lang: str) -> str:
    """A number as text in ``lang``: a decimal comma in Vietnamese."""
    return text.replace(".", ",") if lang == "vi" else text


def _date(value: object, lang: str) -> str:
    if isinstance(value, dt.date):
        return f"{value.day}/{value.month}/{value.year}" if lang == "vi" else value.isoformat()
    return str(value)


def _mark(check: Check | None) -> str:
    from govindex.reproduction import CheckStatus

    if check is None or check.status is CheckStatus.MATCH:
        return ""
    return {CheckStatus.KNOWN_ERROR: " *", CheckStatus.ROUNDING: " ≈"}.get(check.status, " ≠")


class _Words:
    """Names for ids: agencies, groups, nodes and bands, in one language."""

    def __init__(self, outcome: Reproduction, lang: str) -> None:
        self.lang = lang
        self.rubric: Rubric = outcome.result.rubric
        self.agencies = {a.id: a.name for a in outcome.dataset.agencies}
        self.agencies.update({a.id: a.name for a in outcome.dataset.not_assessed})

    def group(self, group_id: str | None) -> str:
        if group_id is None:
            return ReproduceText.OVERALL_GROUP.text(self.lang)
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
            return ReproduceText.NOT_FOUND.text(self.lang)
        if check.figure == "band":
            return self.band(value)
        if check.figure == "leader":
            return self.agency(value)
        if check.figure == "not_assessed":
            entry = ReproduceText.NOT_ASSESSED_VALUE if value == "not assessed" else ReproduceText.ASSESSED_VALUE
            return entry.text(self.lang)
        if check.figure == "band_share":
            return f"{value}%"
        return _number(value, self.lang)

    def what(self, check: Check) -> str:
        if check.figure == "node_rank" and check.group is not None and check.item is not None:
            return ReproduceText.NODE_RANK.text(self.lang, node=self.node(check.group, check.item))
        if check.figure == "band_share" and check.item is not None:
            return ReproduceText.BAND_SHARE.text(self.lang, band=self.band(check.item))
        return _FIGURES[check.figure].text(self.lang)


def _agency_tables(outcome: Reproduction, words: _Words) -> list[str]:
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
        header = [heading.text(words.lang) for heading in AGENCY_HEADINGS]
        header += [ReproduceHeading.NODE_RANK.text(words.lang, n=n) for n in range(1, len(nodes) + 1)]
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
            out.append(ReproduceText.LEGEND.text(words.lang, items=items))
        out.append("")
    return out


def _summary_table(outcome: Reproduction, words: _Words) -> list[str]:
    rows: list[list[str]] = []
    for check in outcome.checks:
        if check.agency is not None and check.figure != "not_assessed":
            continue
        what = words.what(check)
        if check.figure == "not_assessed" and check.agency is not None:
            what = f"{what}: {words.agency(check.agency)}"
        computed = words.value(check, check.computed)
        if check.exact is not None and check.exact != check.computed:
            computed = ReproduceText.EXACT.text(words.lang, value=computed, exact=_number(check.exact, words.lang))
        rows.append(
            [
                words.group(check.group),
                what,
                words.value(check, check.published),
                computed,
                _STATUSES[check.status.value].text(words.lang),
            ]
        )
    if not rows:
        return []
    header = [heading.text(words.lang) for heading in SUMMARY_HEADINGS]
    return [ReproduceText.SUMMARY.text(words.lang), plain_table(header, rows).rstrip("\n"), ""]


def _about(check: Check, words: _Words) -> str:
    """``Group, Agency, `` for a figure of an agency, ``Group, `` for one of a group."""
    about = words.group(check.group) + ", "
    if check.agency is not None:
        about += words.agency(check.agency) + ", "
    return about


def report(outcome: Reproduction, lang: str = "vi") -> str:
    """The reproduction as a report in ``lang`` (``"vi"`` or ``"en"``)."""
    words = _Words(outcome, lang)
    dataset = outcome.dataset
    source = dataset.source
    lines = [ReproduceText.TITLE.text(lang, dataset=dataset.dataset)]
    if "decision" in source:
        lines.append(
            ReproduceText.SOURCE.text(
                lang,
                decision=str(source["decision"]),
                date=_date(source.get("date", "?"), lang),
                issuer=str(source.get("issuer", "?")),
            )
        )
    if "tables" in source:
        lines.append(ReproduceText.TABLES.text(lang, tables=str(source["tables"])))
    title = words.rubric.title if lang == "vi" or not words.rubric.title_en else words.rubric.title_en
    lines.append(ReproduceText.RUBRIC.text(lang, title=title))
    lines.append("")
    lines += _agency_tables(outcome, words)
    lines += _summary_table(outcome, words)
    lines.append(ReproduceText.MARKS.text(lang))
    lines.append("")
    lines += _known_errors(outcome, words)
    lines += _within_rounding(outcome, words)
    lines += _differences(outcome, words)
    done = ReproduceText.DONE.text(
        lang,
        checked=outcome.checked,
        agencies=len(dataset.agencies),
        matched=outcome.matched,
        known=len(outcome.known_errors),
        different=len(outcome.differences),
    )
    if outcome.within_rounding:
        done += ReproduceText.DONE_ROUNDING.text(lang, rounding=len(outcome.within_rounding))
    lines.append(done)
    return "\n".join(lines) + "\n"


def _why(text: str | None) -> str:
    """The explanation of a finding, indented under it."""
    return f"    {text}"


def _known_errors(outcome: Reproduction, words: _Words) -> list[str]:
    """The known errors of the source, each once, then their explanations (each once)."""
    if not outcome.known_errors:
        return []
    lang = words.lang
    lines = [ReproduceText.KNOWN_TITLE.text(lang, count=len(outcome.known_errors))]
    explained: list[str] = []
    for check in outcome.known_errors:
        lines.append(
            ReproduceText.KNOWN_ITEM.text(
                lang,
                group=words.group(check.group),
                what=words.what(check),
                published=words.value(check, check.published),
                computed=words.value(check, check.computed),
                where="" if check.where is None else f" ({check.where})",
            )
        )
        why = check.explanation if lang == "vi" else check.explanation_en
        if why and why not in explained:
            explained.append(why)
    return [*lines, *(_why(why) for why in explained), ""]


def _within_rounding(outcome: Reproduction, words: _Words) -> list[str]:
    """The figures that differ only as the rounding of the published components explains."""
    if not outcome.within_rounding:
        return []
    lang = words.lang
    lines = [ReproduceText.ROUNDING_TITLE.text(lang, count=len(outcome.within_rounding))]
    for check in outcome.within_rounding:
        lines.append(
            ReproduceText.ROUNDING_ITEM.text(
                lang,
                about=_about(check, words),
                what=words.what(check),
                published=words.value(check, check.published),
                computed=words.value(check, check.computed),
                difference=_number(check.difference or "", lang),
                bound=_number(check.bound or "", lang),
            )
            + (RankWords.TIES.text(lang, agencies=", ".join(check.ties)) if check.ties else "")
        )
    return [*lines, ""]


def _differences(outcome: Reproduction, words: _Words) -> list[str]:
    """The figures that differ from the published ones, with the bound they exceed and the dataset's note."""
    if not outcome.differences:
        return []
    lang = words.lang
    lines = [ReproduceText.DIFF_TITLE.text(lang, count=len(outcome.differences))]
    for check in outcome.differences:
        beyond = ""
        if check.bound is not None and check.difference is not None:
            beyond = ReproduceText.DIFF_BOUND.text(
                lang, difference=_number(check.difference, lang), bound=_number(check.bound, lang)
            )
        lines.append(
            ReproduceText.DIFF_ITEM.text(
                lang,
                about=_about(check, words),
                what=words.what(check),
                published=words.value(check, check.published),
                computed=words.value(check, check.computed),
            )
            + beyond
        )
        if check.explanation:
            lines.append(_why(check.explanation if lang == "vi" else check.explanation_en))
    return [*lines, ""]


def run(args: argparse.Namespace) -> int:
    from govindex.io.published import open_dataset, reproduce

    dataset, rubric = open_dataset(args.dataset, max_bytes=args.max_bytes)
    outcome = reproduce(dataset, rubric=rubric)
    emit(report(outcome, args.lang))
    return 0 if outcome.ok else 1
