"""The words of ``govindex rubrics``: the bundled rubrics listed."""

from __future__ import annotations

from govindex.catalogue import Entry

__all__ = ["Listing"]


class Listing(Entry):
    """Headings and values of the list of rubrics."""

    TABLE = ("listing-table", "Các bộ tiêu chí có sẵn", "Bundled rubrics")
    MAX_POINTS = ("listing-max-points", "Điểm tối đa", "Maximum points")
    SCALE = ("listing-scale", "Thang công bố", "Published scale")
    DECIMALS = ("listing-decimals", "{label}, {decimals} chữ số thập phân", "{label}, {decimals} decimals")
    PER = ("listing-per", "quy về thang {to}", "per {to}")
    NONE = ("listing-none", "-", "-")
    DENSE = ("listing-ties-dense", "hạng liền nhau (1, 2, 2, 3)", "dense")
    COMPETITION = ("listing-ties-competition", "hạng cạnh tranh (1, 2, 2, 4)", "competition")
    MODIFIED_COMPETITION = (
        "listing-ties-modified-competition",
        "hạng cạnh tranh điều chỉnh (1, 3, 3, 4)",
        "modified_competition",
    )
    ORDINAL = ("listing-ties-ordinal", "thứ tự (1, 2, 3, 4)", "ordinal")
    FRACTIONAL = ("listing-ties-fractional", "hạng trung bình (1; 2,5; 2,5; 4)", "fractional")
