"""Score N filled self-assessment forms, and time it beside a plain openpyxl read of the same files.

    python benchmarks/forms.py                 # 30 and 1,000 forms
    python benchmarks/forms.py --forms 30,1000 --repeat 3

The forms are those ``govindex template`` writes for the bundled rubric
``sonla-2017-it``, one per synthetic agency (alternately provincial and
district), filled as Excel would save them: every leaf's points from a
seeded generator, evidence on every leaf, and the totals' formulas with
their saved results. They are made once per size in a temporary folder.

Two contenders, run alternately ``--repeat`` times on the same files in one
run: (g) govindex reading every form (every strict check) and scoring the
cohort, :func:`govindex.io.read_scores` then :func:`govindex.score`, and
(o) ``openpyxl.load_workbook(read_only=True, data_only=True)`` reading every
row of each form's sheet, and nothing else. The figures are the medians and
their ratio; the last line is JSON.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from govindex import Agency, load_rubric, score
from govindex.formlayout import FORM_SHEET
from govindex.io.cohort import read_scores
from govindex.render.forms import filled_form_bytes

RUBRIC = "sonla-2017-it"


def make_forms(folder: Path, count: int, seed: int) -> list[Path]:
    """``count`` filled forms in ``folder``, from a seeded generator."""
    rubric = load_rubric(RUBRIC)
    rng = random.Random(seed)
    paths = []
    for number in range(count):
        group = rubric.groups[number % len(rubric.groups)]
        agency = Agency(f"co-quan-{number:05d}", f"Cơ quan {number}", group.id)
        scores = {}
        for leaf in group.tree.leaves():
            tenths = int(leaf.max_points * 10)
            scores[leaf.id] = Decimal(rng.randint(0, tenths)).scaleb(-1)
        evidence = {leaf: f"Văn bản số {number}/{leaf}" for leaf in scores}
        path = folder / f"{agency.id}.xlsx"
        path.write_bytes(filled_form_bytes(rubric, agency, scores, evidence))
        paths.append(path)
    return paths


def govindex_run(paths: list[Path]) -> int:
    rubric = load_rubric(RUBRIC)
    cohort = read_scores(paths, rubric)
    return len(score(rubric, cohort.assessments()).rows)


def openpyxl_run(paths: list[Path]) -> int:
    import openpyxl

    cells = 0
    for path in paths:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        for row in book[FORM_SHEET].iter_rows(values_only=True):
            cells += sum(value is not None for value in row)
        book.close()
    return cells


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--forms", default="30,1000", help="comma-separated numbers of forms")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2017)
    args = parser.parse_args(argv)
    figures = {}
    with tempfile.TemporaryDirectory() as temporary:
        for count in (int(n) for n in args.forms.split(",")):
            folder = Path(temporary) / str(count)
            folder.mkdir()
            paths = make_forms(folder, count, args.seed)
            times: dict[str, list[float]] = {"govindex": [], "openpyxl": []}
            for _ in range(args.repeat):
                for name, run in (("govindex", govindex_run), ("openpyxl", openpyxl_run)):
                    start = time.perf_counter()
                    run(paths)
                    times[name].append(time.perf_counter() - start)
            g, o = (statistics.median(times[name]) for name in ("govindex", "openpyxl"))
            print(
                f"{count:>6} forms: govindex read + score {g:7.3f} s   openpyxl read only {o:7.3f} s   ratio {g / o:5.2f}"
            )
            figures[str(count)] = {"govindex": round(g, 4), "openpyxl": round(o, 4), "ratio": round(g / o, 3)}
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
