"""Writing a scored result: the DataFrame and the JSON from the columns, beside the same from the rows.

Builds the seeded synthetic cohort of ``score_cohort.py`` (10,000 agencies x
100 leaves by default), scores it once, then times, alternating the
contenders (A, B, A, B, ...) so that a busy machine slows them alike:

- (f) ``govindex.render.frame(result)``: the DataFrame built from the
  result's columns, beside the DataFrame of the same table built from the
  per-agency rows (``table_frame(flat_table(result))``, the way a result's
  DataFrame was made before);
- (j) ``govindex.render.render(result, "json")``: the score document written
  from the columns, beside the same document made as data from the rows and
  written by the generic JSON writer (``json_text(data(result))``).

Both sides give the same frame and the same bytes (checked here, and by the
tests on fixed cases). Each line shows the median, minimum and maximum; the
last line is JSON with every figure.

    python benchmarks/render_result.py --agencies 10000 --leaves 100 --repeat 5
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from score_cohort import build_cohort, build_rubric

from govindex import score
from govindex.render import data, frame, render
from govindex.render.frames import table_frame
from govindex.render.json import json_text
from govindex.render.results import flat_table


def timed(call: Callable[[], Any]) -> Callable[[], float]:
    def run() -> float:
        gc.collect()
        start = time.perf_counter()
        call()
        return time.perf_counter() - start

    return run


def alternate(contenders: list[tuple[str, Callable[[], float]]], repeat: int) -> dict[str, list[float]]:
    runs: dict[str, list[float]] = {name: [] for name, _ in contenders}
    for _ in range(repeat):
        for name, run in contenders:
            runs[name].append(run())
    return runs


def line(name: str, values: list[float]) -> str:
    return f"  {name:<48} median {statistics.median(values):7.3f} s  (min {min(values):.3f}, max {max(values):.3f})"


def figure(title: str, contenders: list[tuple[str, Callable[[], float]]], repeat: int) -> dict[str, Any]:
    print(title)
    runs = alternate(contenders, repeat)
    for name, values in runs.items():
        print(line(name, values))
    (fast, fast_runs), (slow, slow_runs) = runs.items()
    ratio = statistics.median(slow_runs) / statistics.median(fast_runs)
    print(f"  {slow} / {fast}: {ratio:.1f}x")
    return {"median": {name: statistics.median(values) for name, values in runs.items()}, "ratio": ratio}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--agencies", type=int, default=10_000)
    parser.add_argument("--leaves", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2017)
    args = parser.parse_args(argv)
    rubric = build_rubric(args.leaves, args.seed)
    result = score(rubric, build_cohort(rubric, args.agencies, args.seed))
    print(f"{len(result)} agencies, {sum(len(g.node_ids) for g in rubric.groups)} nodes over the groups")

    fast_frame, model_frame = frame(result), table_frame(flat_table(result))
    assert fast_frame.equals(model_frame) and list(fast_frame.dtypes) == list(model_frame.dtypes)
    assert render(result, "json") == json_text(data(result), indent=None)

    figures = {
        "f": figure(
            "(f) a DataFrame of the result",
            [
                ("render.frame(result), from the columns", timed(lambda: frame(result))),
                ("table_frame(flat_table(result)), from the rows", timed(lambda: table_frame(flat_table(result)))),
            ],
            args.repeat,
        ),
        "j": figure(
            "(j) the JSON score document",
            [
                ('render(result, "json"), from the columns', timed(lambda: render(result, "json"))),
                ("json_text(data(result)), from the rows", timed(lambda: json_text(data(result), indent=None))),
            ],
            args.repeat,
        ),
    }
    print(json.dumps({"agencies": len(result), "leaves": args.leaves, **figures}, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
