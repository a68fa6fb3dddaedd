"""Write the forms of the 2017 round (the IT index of Sơn La): self-assessment forms and appraisal forms.

    python examples/make_round_2017.py

writes into ``examples/round-2017/``:

- ``tu-danh-gia/<agency id>.xlsx``: the self-assessment form (phiếu tự đánh
  giá) of 27 of the 30 agencies of the bundled dataset ``sonla-2017-it``,
  filled with the published 2017 scores (Decision 3247/QĐ-UBND), except for
  the few illustrative deviations of :data:`DEVIATIONS`. Three agencies
  (:data:`MISSING`) have no form, on purpose: they "sent nothing".
- ``tham-dinh/<agency id>.xlsx``: the appraisal form (phiếu thẩm định) made
  from each self-assessment as ``govindex template --from`` makes it, with
  the deviations brought back to the published score and a reason for each.

The self-assessments of 2017 are not public: the forms hold the published
(appraised) scores, and the deviations are illustrative, not a source. The
same input always gives the same bytes.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from govindex import Agency
from govindex.io.bundled import load_methodology
from govindex.io.cohort import read_assessments
from govindex.io.formsets import appraisal_forms
from govindex.io.published import load_dataset
from govindex.render.appraisal import appraisal_form_bytes
from govindex.render.forms import filled_form_bytes

HERE = Path(__file__).resolve().parent / "round-2017"
#: The agencies whose form is missing, on purpose.
MISSING = ("so-ngoai-vu", "huyen-sop-cop", "huyen-quynh-nhai")
#: Illustrative self-assessed points above the published ones, and the appraisal's reason for taking them back.
DEVIATIONS: dict[tuple[str, str], tuple[Decimal, str]] = {
    ("so-noi-vu", "infrastructure"): (Decimal("9.0"), "Không có tài liệu kiểm chứng (minh họa)"),
    ("so-y-te", "security"): (Decimal("10"), "Chưa có quy chế an toàn thông tin được ban hành (minh họa)"),
    ("huyen-moc-chau", "public_services"): (Decimal("16.0"), "Số liệu dịch vụ công chưa khớp hệ thống (minh họa)"),
}


def main() -> None:
    methodology = load_methodology("sonla-2017-it")
    rubric = methodology.rubric
    dataset = load_dataset("sonla-2017-it")
    for folder in ("tu-danh-gia", "tham-dinh"):
        (HERE / folder).mkdir(parents=True, exist_ok=True)
    for published in dataset.agencies:
        if published.id in MISSING:
            continue
        agency = Agency(published.id, published.name, published.group)
        claimed = {
            node: DEVIATIONS.get((agency.id, node), (points, ""))[0] for node, points in published.scores.items()
        }
        form = HERE / "tu-danh-gia" / f"{agency.id}.xlsx"
        form.write_bytes(filled_form_bytes(rubric, agency, claimed))
        (mine,) = read_assessments(form, rubric)  # as govindex template --from reads it
        changes = {
            node: (published.scores[node], reason)
            for (agency_id, node), (_claimed, reason) in DEVIATIONS.items()
            if agency_id == agency.id
        }
        if changes:
            data = appraisal_form_bytes(rubric, mine, changes=changes)
        else:
            data = appraisal_forms(methodology, [mine])[f"{agency.id}.xlsx"]
        (HERE / "tham-dinh" / f"{agency.id}.xlsx").write_bytes(data)


if __name__ == "__main__":
    main()
