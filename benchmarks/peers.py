"""govindex side by side with its peers, measured in the same run.

    python benchmarks/peers.py            # 10,000 agencies × 100 leaves; sizes 1k, 10k, 100k
    python benchmarks/peers.py --quick    # small sizes, for continuous integration

Every figure compares contenders measured in this one process run, with
their repetitions alternating (A, B, A, B, ...) so that a busy machine slows
them alike; it reports the median, min and max of each and the ratio of the
medians. The cohort is synthetic (see ``benchmarks/_cohort.py``): two agency
groups sharing a tree of ``--leaves`` leaves under ten main indices, scores
on a coarse grid so that many agencies tie exactly.

- (a) ``govindex.score()`` on assessments built beforehand, against a pandas
  float pipeline doing the same sums, bands and dense ranks, ranking (a1)
  only the main indices and the total, and (a2) every node. Both results are
  checked against an exact integer reference: how many agencies get a wrong
  rank or band.
- (b) a CSV score table on disk to a JSON file as a whole process:
  ``govindex score RUBRIC SCORES --format json`` against a Python process
  doing ``pandas.read_csv`` + the same computation + ``to_json``; wall time
  and peak memory (maximum resident set) of each process.
- (c) (a1) at several cohort sizes, and how the time grows from the
  second-largest to the largest size.
- (d) ``import govindex`` against ``import attrs, cattrs, yaml`` as fresh
  processes (and an empty interpreter, to separate start-up from imports).
- (e) when R and its COINr package are installed: COINr on the same cohort
  (``new_coin``, ``Aggregate`` with a row sum over the same tree, dense ranks
  of the main indices and total), timed inside R, against ``govindex.score()``.

Timed assertions have no place here: this prints figures; the last line is
one JSON object with all of them.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _cohort  # noqa: E402

try:
    import pandas  # noqa: F401

    HAVE_PANDAS = True
except ImportError:
    HAVE_PANDAS = False

try:
    import polars  # noqa: F401

    HAVE_POLARS = True
except ImportError:  # polars is not a dependency: its figures are shown when it is installed
    HAVE_POLARS = False

PANDAS_MISSING = "pandas is not installed: the pandas figures are skipped (pip install pandas)"


# -- measuring ------------------------------------------------------------------------------------


def alternate(contenders: Sequence[tuple[str, Callable[[], Any]]], repeat: int) -> dict[str, list[Any]]:
    """Run each contender ``repeat`` times, alternating; each call returns its own measurement."""
    out: dict[str, list[Any]] = {name: [] for name, _ in contenders}
    for _ in range(repeat):
        for name, run in contenders:
            out[name].append(run())
    return out


def summary(values: Sequence[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def timed(call: Callable[[], Any], reset: Callable[[], Any] | None = None) -> Callable[[], float]:
    """A contender that times ``call`` alone, after ``reset`` and collecting the garbage of what ran before."""

    def run() -> float:
        if reset is not None:
            reset()
        gc.collect()
        start = time.perf_counter()
        call()
        return time.perf_counter() - start

    return run


def child_env() -> dict[str, str]:
    """The environment of child processes: bytecode caching on, so that no start recompiles."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


#: A small process that runs the measured command as its only child and writes that child's peak
#: resident memory (KiB) to a file. The measured process must not be started by the benchmark itself:
#: on Linux a child's peak memory counts the memory of the process it was forked from, so every
#: command started by a benchmark holding a large cohort would show at least the benchmark's size.
_LAUNCHER = (
    "import resource, subprocess, sys\n"
    "status = subprocess.call(sys.argv[2:])\n"
    "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n"
    "sys.exit(status)\n"
)


def run_process(command: Sequence[str], *, stdout: Path | None = None, cwd: Path | None = None) -> tuple[float, int]:
    """Wall seconds and peak resident memory (bytes) of one fresh process; fails loudly if it fails."""
    with tempfile.TemporaryDirectory() as scratch:
        peak_file = Path(scratch) / "peak"
        seconds = _run_launched([sys.executable, "-c", _LAUNCHER, str(peak_file), *command], stdout=stdout, cwd=cwd)
        return seconds, int(peak_file.read_text()) * 1024  # ru_maxrss is in KiB on Linux


def _run_launched(command: Sequence[str], *, stdout: Path | None, cwd: Path | None) -> float:
    with tempfile.TemporaryFile() as errors:
        out = open(stdout, "wb") if stdout is not None else subprocess.DEVNULL  # noqa: SIM115
        try:
            start = time.perf_counter()
            process = subprocess.Popen(command, stdout=out, stderr=errors, env=child_env(), cwd=cwd)
            _, status, _usage = os.wait4(process.pid, 0)
            seconds = time.perf_counter() - start
            process.returncode = os.waitstatus_to_exitcode(status)
        finally:
            if stdout is not None:
                out.close()  # type: ignore[union-attr]
        if process.returncode != 0:
            errors.seek(0)
            message = errors.read().decode("utf-8", "replace").strip()
            raise RuntimeError(f"{' '.join(command[4:])} exited with {process.returncode}: {message[-2000:]}")
    return seconds


# -- printing -------------------------------------------------------------------------------------


def seconds_text(value: float) -> str:
    if value >= 1:
        return f"{value:8.3f} s "
    if value >= 1e-3:
        return f"{value * 1e3:8.2f} ms"
    return f"{value * 1e6:8.1f} µs"


def row(name: str, values: Sequence[float], unit: Callable[[float], str] = seconds_text) -> str:
    stats = summary(values)
    return f"    {name:<58} {unit(stats['median'])}   min {unit(stats['min'])}   max {unit(stats['max'])}"


def megabytes(value: float) -> str:
    return f"{value / 2**20:8.1f} MB"


def ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else float("inf")


def heading(text: str) -> None:
    print()
    print(text)


# -- checking against the exact reference -----------------------------------------------------


class Reference:
    """Exact sums, dense ranks and bands of a cohort, in plain integers."""

    def __init__(self, cohort: _cohort.Cohort) -> None:
        self.cohort = cohort
        self.sums = cohort.exact_sums()
        ids = dict.fromkeys(node.id for group, _ in _cohort.GROUPS for node in cohort.tree_of(group))
        self.ranks = {node_id: cohort.exact_dense_ranks(self.sums, node_id) for node_id in ids}
        self.bands = [cohort.exact_band(values[cohort.root.id]) for values in self.sums]

    def main_ids(self) -> list[str]:
        return [self.cohort.root.id, *(node.id for node in self.cohort.main_indices)]

    def check_govindex(self, result: Any) -> int:
        """Agencies whose govindex score, band or rank differs anywhere from the reference."""
        unit = 10**self.cohort.decimals
        root = self.cohort.root.id
        wrong = 0
        for i, agency in enumerate(self.cohort.agencies):
            row = result.agency(agency)
            bad = int(row.total * unit) != self.sums[i][root] or row.rank != self.ranks[root][i]
            bad = bad or row.band_id != self.bands[i]
            for node in self.cohort.tree_of(self.cohort.groups[i]):
                if node.id == root:
                    continue
                if int(row.scores[node.id] * unit) != self.sums[i][node.id]:
                    bad = True
                    break
                if row.node_ranks.get(node.id) != self.ranks[node.id][i]:
                    bad = True
                    break
            wrong += bad
        return wrong

    def check_ranks(self, ranks: dict[str, Sequence[int]], bands: Sequence[str] | None = None) -> dict[str, int]:
        """Agencies with a wrong total rank, any wrong rank among ``ranks``, and a wrong band."""
        root = self.cohort.root.id
        n = len(self.cohort.agencies)
        total = sum(1 for i in range(n) if ranks[root][i] != self.ranks[root][i])
        any_wrong = sum(1 for i in range(n) if any(ranks[node][i] != self.ranks[node][i] for node in ranks))
        out = {"wrong_total_rank": total, "wrong_any_rank": any_wrong}
        if bands is not None:
            out["wrong_band"] = sum(1 for i in range(n) if bands[i] != self.bands[i])
        return out


def pandas_ranks(frame: Any, cohort: _cohort.Cohort, nodes: Sequence[str]) -> dict[str, list[int]]:
    """The ranks a pandas result gives, in the cohort's agency order (0 where the agency's tree has no such node)."""
    by_agency = frame.set_index("agency")
    return {
        node: [0 if v != v else int(v) for v in by_agency.loc[list(cohort.agencies), f"{node}_rank"]]  # NaN: no node
        for node in nodes
    }


def all_node_ids(cohort: _cohort.Cohort) -> list[str]:
    """The ids of the nodes of every group's tree."""
    return list(dict.fromkeys(node.id for group, _ in _cohort.GROUPS for node in cohort.tree_of(group)))


def pandas_bands(frame: Any, cohort: _cohort.Cohort) -> list[str]:
    return [str(v) for v in frame.set_index("agency").loc[list(cohort.agencies), "band"]]


def pandas_inputs(cohort: _cohort.Cohort) -> tuple[dict[str, Any], list[tuple[str, float]]]:
    from _pandas_pipeline import Tree

    trees: dict[str, Any] = {}
    for group, _ in _cohort.GROUPS:
        nodes = cohort.tree_of(group)
        children = {node.id: list(node.children) for node in nodes if node.children}
        bottom_up = [node.id for node in cohort.bottom_up(group)]
        leaves = [node.id for node in nodes if not node.children]
        trees[group] = Tree(nodes[0].id, children, bottom_up, leaves, [node.id for node in nodes])
    unit = 10**cohort.decimals
    bands = [(band_id, lower / unit) for band_id, _, lower in cohort.bands]
    return trees, bands


# -- (a) and (c): scoring in memory -------------------------------------------------------------------

GOVINDEX = "govindex score()"
FROM_ASSESSMENTS = "govindex score() from assessments"


def govindex_input(rubric: Any, assessments: list[Any]) -> tuple[Any, str]:
    """The in-memory score table when this govindex has one (built here, before any timer), else the assessments."""
    try:
        from govindex.engine import ScoreTable  # type: ignore[import-not-found, unused-ignore]

        return ScoreTable.from_assessments(rubric, assessments), "score table (govindex.engine.ScoreTable)"
    except (ImportError, AttributeError):
        return assessments, "assessments (this version has no score table)"


def in_memory(cohort: _cohort.Cohort, rubric: Any, repeat: int, *, every_node: bool, check: bool) -> dict[str, Any]:
    from govindex import score

    assessments = cohort.assessments()
    table, described = govindex_input(rubric, assessments)
    contenders: list[tuple[str, Callable[[], float]]] = []
    kept: dict[str, Any] = {}

    def run_govindex() -> None:
        kept["govindex"] = score(rubric, table)

    def run_assessments() -> None:
        kept["govindex_assessments"] = score(rubric, assessments)

    contenders.append((GOVINDEX, timed(run_govindex, lambda: kept.pop("govindex", None))))
    if every_node and table is not assessments:
        contenders.append((FROM_ASSESSMENTS, timed(run_assessments, lambda: kept.pop("govindex_assessments", None))))
    if HAVE_PANDAS:
        from _pandas_pipeline import score_frame

        frame = cohort.frame()
        trees, bands = pandas_inputs(cohort)

        def run_main() -> None:
            kept["pandas_main"] = score_frame(frame, trees, bands, "main")

        def run_all() -> None:
            kept["pandas_all"] = score_frame(frame, trees, bands, "all")

        contenders.append(
            ("pandas floats, ranks of main indices + total", timed(run_main, lambda: kept.pop("pandas_main", None)))
        )
        if every_node:
            contenders.append(
                ("pandas floats, ranks of every node", timed(run_all, lambda: kept.pop("pandas_all", None)))
            )
    # One untimed round first: the first call loads what it imports lazily.
    for _, run in contenders:
        run()
    times = alternate(contenders, repeat)
    out: dict[str, Any] = {"seconds": {name: summary(values) for name, values in times.items()}, "times": times}
    out["govindex_input"] = described
    if check:
        reference = Reference(cohort)
        out["govindex_wrong_agencies"] = reference.check_govindex(kept["govindex"])
        if HAVE_PANDAS:
            main = pandas_ranks(kept["pandas_main"], cohort, reference.main_ids())
            out["pandas_main"] = reference.check_ranks(main, pandas_bands(kept["pandas_main"], cohort))
            if every_node:
                every = pandas_ranks(kept["pandas_all"], cohort, all_node_ids(cohort))
                out["pandas_all"] = reference.check_ranks(every)
    return out


def figure_a(cohort: _cohort.Cohort, rubric: Any, repeat: int) -> dict[str, Any]:
    nodes = len(cohort.nodes)
    heading(
        f"(a) score() in memory: {len(cohort.agencies)} agencies × {len(cohort.leaves)} leaves "
        f"({nodes} nodes per group, 2 groups), {repeat} alternating repetitions"
    )
    if not HAVE_PANDAS:
        print(f"    {PANDAS_MISSING}")
    out = in_memory(cohort, rubric, repeat, every_node=True, check=True)
    times = out.pop("times")
    print(f"    govindex reads: {out['govindex_input']}, built before the timer")
    for name, values in times.items():
        print(row(name, values))
    g = out["seconds"][GOVINDEX]["median"]
    figures: dict[str, Any] = {"govindex_s": g, "govindex_wrong_agencies": out["govindex_wrong_agencies"]}
    figures["govindex_input"] = out["govindex_input"]
    if FROM_ASSESSMENTS in out["seconds"]:
        figures["govindex_from_assessments_s"] = out["seconds"][FROM_ASSESSMENTS]["median"]
    if HAVE_PANDAS:
        main = out["seconds"]["pandas floats, ranks of main indices + total"]["median"]
        every = out["seconds"]["pandas floats, ranks of every node"]["median"]
        figures.update(
            pandas_main_s=main,
            pandas_all_s=every,
            ratio_a1=ratio(g, main),
            ratio_a2=ratio(g, every),
            pandas_main_wrong=out["pandas_main"],
            pandas_all_wrong=out["pandas_all"],
        )
        print(f"    (a1) govindex / pandas ranking main indices + total: {figures['ratio_a1']:.2f}×")
        print(f"    (a2) govindex / pandas ranking every node:           {figures['ratio_a2']:.2f}×")
    n = len(cohort.agencies)
    print(f"    exact reference (integers): govindex differs for {out['govindex_wrong_agencies']} of {n} agencies")
    if HAVE_PANDAS:
        m, a = out["pandas_main"], out["pandas_all"]
        print(
            f"    pandas floats: wrong total rank for {m['wrong_total_rank']} of {n} agencies, a wrong rank on "
            f"the main indices or total for {m['wrong_any_rank']}, on some node for {a['wrong_any_rank']}; "
            f"wrong band for {m['wrong_band']}"
        )
    return figures


def figure_c(args: argparse.Namespace, rubric_for: Callable[[_cohort.Cohort], Any]) -> dict[str, Any]:
    sizes = args.sizes
    heading(f"(c) score() in memory by cohort size ({len(args.sizes)} sizes × {args.leaves} leaves), (a1) contenders")
    if not HAVE_PANDAS:
        print(f"    {PANDAS_MISSING}")
    medians: dict[str, dict[int, float]] = {}
    for size in sizes:
        cohort = _cohort.build(size, args.leaves, seed=args.seed)
        repeat = args.repeat if size <= args.agencies else max(1, min(args.repeat, 3))
        out = in_memory(cohort, rubric_for(cohort), repeat, every_node=False, check=False)
        times = out.pop("times")
        for name, values in times.items():
            print(row(f"{size:>7} agencies: {name}", values))
            medians.setdefault(name, {})[size] = summary(values)["median"]
        del cohort, out
        gc.collect()
    figures: dict[str, Any] = {
        "sizes": sizes,
        "medians_s": {k: {str(s): v for s, v in d.items()} for k, d in medians.items()},
    }
    if len(sizes) >= 2:
        small, large = sizes[-2], sizes[-1]
        for name, by_size in medians.items():
            growth = ratio(by_size[large], by_size[small])
            key = "growth_govindex" if name.startswith("govindex") else "growth_pandas"
            figures[key] = growth
            print(f"    {name}: time at {large} ÷ time at {small} agencies = {growth:.2f}")
    return figures


# -- (b): CSV on disk to JSON, whole processes ---------------------------------------------------------


POLARS_B = "polars read_csv + computation + write_json"


def govindex_command() -> list[str]:
    script = Path(sys.executable).with_name("govindex")
    return [str(script)] if script.exists() else [sys.executable, "-m", "govindex"]


def figure_b(cohort: _cohort.Cohort, repeat: int, workdir: Path, max_cells: int | None = None) -> dict[str, Any]:
    rubric, scores = cohort.write(workdir)
    size = scores.stat().st_size
    heading(
        f"(b) CSV on disk -> JSON file, whole processes: {len(cohort.agencies)} agencies × {len(cohort.leaves)} "
        f"leaves ({size / 2**20:.1f} MB of CSV), {repeat} alternating repetitions"
    )
    base = govindex_command()
    help_text = subprocess.run([*base, "score", "--help"], capture_output=True, text=True, env=child_env()).stdout
    has_output = "--output" in help_text
    # each repetition writes the same file: allowed by --force (--overwrite in older versions)
    overwrite = next(([flag] for flag in ("--force", "--overwrite") if flag in help_text), [])
    govindex_out = workdir / "govindex.json"
    pandas_out = workdir / "pandas.json"

    def govindex_job(rubric_path: Path, scores_path: Path, target: Path) -> tuple[list[str], Path | None]:
        command = [*base, "score", str(rubric_path), str(scores_path), "--format", "json"]
        if max_cells is not None:
            command += ["--max-cells", str(max_cells)]
        if has_output:
            return [*command, "--output", str(target), *overwrite], None
        return command, target

    pipeline = str(HERE / "_pandas_pipeline.py")

    def pandas_job(rubric_path: Path, scores_path: Path, target: Path) -> list[str]:
        return [sys.executable, pipeline, str(rubric_path), str(scores_path), str(target), "--rank", "all"]

    polars_pipeline = str(HERE / "_polars_pipeline.py")
    polars_out = workdir / "polars.json"

    def polars_job(rubric_path: Path, scores_path: Path, target: Path) -> list[str]:
        return [sys.executable, polars_pipeline, str(rubric_path), str(scores_path), str(target)]

    # Warm up on a tiny cohort (writes the bytecode caches) so that no timed start compiles.
    warm = workdir / "warm"
    warm.mkdir(exist_ok=True)
    tiny_rubric, tiny_scores = _cohort.build(10, len(cohort.leaves), differ=cohort.district_nodes is not None).write(
        warm
    )
    command, stdout = govindex_job(tiny_rubric, tiny_scores, warm / "g.json")
    run_process(command, stdout=stdout, cwd=workdir)
    if HAVE_PANDAS:
        run_process(pandas_job(tiny_rubric, tiny_scores, warm / "p.json"), cwd=workdir)
    else:
        print(f"    {PANDAS_MISSING}")
    if HAVE_POLARS:
        run_process(polars_job(tiny_rubric, tiny_scores, warm / "pl.json"), cwd=workdir)
    else:
        print("    polars is not installed: its figures are skipped (pip install polars)")

    def run_govindex() -> tuple[float, int]:
        command, stdout = govindex_job(rubric, scores, govindex_out)
        return run_process(command, stdout=stdout, cwd=workdir)

    def run_pandas() -> tuple[float, int]:
        return run_process(pandas_job(rubric, scores, pandas_out), cwd=workdir)

    def run_polars() -> tuple[float, int]:
        return run_process(polars_job(rubric, scores, polars_out), cwd=workdir)

    contenders: list[tuple[str, Callable[[], tuple[float, int]]]] = [("govindex score --format json", run_govindex)]
    if HAVE_PANDAS:
        contenders.append(("pandas read_csv + computation + to_json", run_pandas))
    if HAVE_POLARS:
        contenders.append((POLARS_B, run_polars))
    runs = alternate(contenders, repeat)
    figures: dict[str, Any] = {"csv_bytes": size, "govindex_writes": "--output" if has_output else "stdout"}
    for name, values in runs.items():
        print(row(f"{name}: wall", [v[0] for v in values]))
        print(row(f"{name}: peak memory", [v[1] for v in values], megabytes))
    g_wall = summary([v[0] for v in runs["govindex score --format json"]])["median"]
    g_mem = summary([v[1] for v in runs["govindex score --format json"]])["median"]
    figures.update(govindex_wall_s=g_wall, govindex_peak_bytes=g_mem)
    reference = Reference(cohort)
    figures["govindex_wrong_agencies"] = check_govindex_json(reference, govindex_out)
    if HAVE_PANDAS:
        p_wall = summary([v[0] for v in runs["pandas read_csv + computation + to_json"]])["median"]
        p_mem = summary([v[1] for v in runs["pandas read_csv + computation + to_json"]])["median"]
        figures.update(
            pandas_wall_s=p_wall,
            pandas_peak_bytes=p_mem,
            ratio_wall=ratio(g_wall, p_wall),
            ratio_memory=ratio(g_mem, p_mem),
        )
        import pandas as pd

        frame = pd.read_json(pandas_out, orient="records", dtype={"agency": str, "group": str})
        every = pandas_ranks(frame, cohort, all_node_ids(cohort))
        figures["pandas_wrong"] = reference.check_ranks(every, pandas_bands(frame, cohort))
        print(f"    govindex / pandas: wall {figures['ratio_wall']:.2f}×, peak memory {figures['ratio_memory']:.2f}×")
    if HAVE_POLARS:
        l_wall = summary([v[0] for v in runs[POLARS_B]])["median"]
        l_mem = summary([v[1] for v in runs[POLARS_B]])["median"]
        figures.update(
            polars_wall_s=l_wall,
            polars_peak_bytes=l_mem,
            ratio_wall_polars=ratio(g_wall, l_wall),
            ratio_memory_polars=ratio(g_mem, l_mem),
        )
        import pandas as pd

        frame = pd.DataFrame(json.loads(polars_out.read_text(encoding="utf-8")))
        every = pandas_ranks(frame, cohort, all_node_ids(cohort))
        figures["polars_wrong"] = reference.check_ranks(every, pandas_bands(frame, cohort))
        print(
            f"    govindex / polars: wall {figures['ratio_wall_polars']:.2f}×, "
            f"peak memory {figures['ratio_memory_polars']:.2f}×"
        )
    n = len(cohort.agencies)
    print(f"    exact reference: govindex's JSON differs for {figures['govindex_wrong_agencies']} of {n} agencies")
    if HAVE_PANDAS:
        wrong = figures["pandas_wrong"]
        print(
            f"    pandas' JSON: wrong total rank for {wrong['wrong_total_rank']} of {n} agencies, a wrong rank "
            f"on some node for {wrong['wrong_any_rank']}, wrong band for {wrong['wrong_band']}"
        )
    return figures


def check_govindex_json(reference: Reference, path: Path) -> int:
    """Agencies whose total, band, rank, node scores or node ranks in govindex's JSON differ from the reference."""
    cohort = reference.cohort
    unit = 10**cohort.decimals
    root = cohort.root.id
    document = json.loads(path.read_text(encoding="utf-8"))
    rows = {entry["agency"]: entry for entry in document["results"]}
    wrong = 0
    for i, agency in enumerate(cohort.agencies):
        entry = rows.get(agency)
        if entry is None:
            wrong += 1
            continue
        bad = (
            round(float(entry["total"]) * unit) != reference.sums[i][root] or entry["rank"] != reference.ranks[root][i]
        )
        bad = bad or entry["band"] != reference.bands[i]
        for node in cohort.tree_of(cohort.groups[i]):
            if node.id == root:
                continue
            cell = entry["nodes"][node.id]
            if (
                _scaled(cell["score"], cohort.decimals) != reference.sums[i][node.id]
                or cell["rank"] != reference.ranks[node.id][i]
            ):
                bad = True
                break
        wrong += bad
    return wrong


def _scaled(text: str, decimals: int) -> int:
    """A decimal text as a scaled integer, exactly ('1.37' -> 137)."""
    whole, _, fraction = text.partition(".")
    return int(whole) * 10**decimals + int(fraction.ljust(decimals, "0") or 0)


# -- (d): import time -------------------------------------------------------------------------------


def figure_d(repeat: int, workdir: Path) -> dict[str, Any]:
    heading(f"(d) import time as fresh processes, {repeat} alternating repetitions")
    contenders = [
        ("python -c pass", [sys.executable, "-c", "pass"]),
        ("import govindex", [sys.executable, "-c", "import govindex"]),
        ("import attrs, cattrs, yaml", [sys.executable, "-c", "import attrs, cattrs, yaml"]),
    ]
    for _, command in contenders:  # warm the bytecode caches
        run_process(command, cwd=workdir)
        run_process(command, cwd=workdir)
    runs = alternate([(name, lambda c=command: run_process(c, cwd=workdir)[0]) for name, command in contenders], repeat)
    for name, values in runs.items():
        print(row(name, values))
    medians = {name: summary(values)["median"] for name, values in runs.items()}
    bare = medians["python -c pass"]
    own = medians["import govindex"] - bare
    deps = medians["import attrs, cattrs, yaml"] - bare
    figures = {
        "bare_s": bare,
        "govindex_s": medians["import govindex"],
        "deps_s": medians["import attrs, cattrs, yaml"],
        "ratio_process": ratio(medians["import govindex"], medians["import attrs, cattrs, yaml"]),
        "ratio_imports": ratio(own, deps),
    }
    print(
        f"    import govindex / import attrs, cattrs, yaml: {figures['ratio_process']:.2f}× as whole processes, "
        f"{figures['ratio_imports']:.2f}× after the empty interpreter's start ({seconds_text(own).strip()} "
        f"vs {seconds_text(deps).strip()})"
    )
    return figures


# -- (e): COINr ------------------------------------------------------------------------------------


def coinr_available() -> str | None:
    """None when R and COINr are installed, else why not."""
    rscript = shutil.which("Rscript")
    if rscript is None:
        return "R is not installed (no Rscript)"
    try:
        check = subprocess.run(
            [rscript, "-e", "suppressPackageStartupMessages(library(COINr))"], capture_output=True, timeout=120
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"R does not run: {error}"
    if check.returncode != 0:
        return "the R package COINr is not installed"
    return None


def write_imeta(cohort: _cohort.Cohort, path: Path) -> None:
    """COINr's indicator metadata for the tree: leaves at level 1, the root at the top level."""
    top = max(node.depth for node in cohort.nodes)
    lines = ["iCode,Parent,Level,Type,Weight,Direction"]
    for node in cohort.nodes:
        parent = node.parent if node.parent is not None else "NA"
        kind = "Aggregate" if node.children else "Indicator"
        lines.append(f"{node.id},{parent},{top - node.depth + 1},{kind},1,1")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def figure_e(cohort: _cohort.Cohort, rubric: Any, repeat: int, workdir: Path) -> dict[str, Any]:
    heading(
        f"(e) COINr (R) on the same cohort: {len(cohort.agencies)} agencies × {len(cohort.leaves)} leaves, "
        f"{repeat} alternating repetitions"
    )
    missing = coinr_available()
    if missing is not None:
        print(f"    skipped: {missing}")
        return {"skipped": missing}
    from govindex import score

    _, scores = cohort.write(workdir)
    imeta = workdir / "imeta.csv"
    write_imeta(cohort, imeta)
    ranks_out = workdir / "coinr-ranks.csv"
    script = str(HERE / "_coinr.R")
    main = ",".join([cohort.root.id, *(node.id for node in cohort.main_indices)])
    unit = 10**cohort.decimals
    bands = ",".join(f"{band_id}:{lower / unit!r}" for band_id, _, lower in cohort.bands)
    info: dict[str, Any] = {}

    def run_coinr() -> float:
        command = ["Rscript", script, str(scores), str(imeta), main, bands, str(ranks_out)]
        done = subprocess.run(command, capture_output=True, text=True, env=child_env())
        if done.returncode != 0:
            raise RuntimeError(f"COINr run failed: {done.stderr.strip()[-2000:]}")
        last = json.loads(done.stdout.strip().splitlines()[-1])
        info["version"] = last["version"]
        return float(last["seconds"])

    assessments, _ = govindex_input(rubric, cohort.assessments())
    score(rubric, assessments)  # the first call loads what it imports lazily
    runs = alternate(
        [
            ("COINr new_coin + Aggregate + get_results + ranks", run_coinr),
            (GOVINDEX, timed(lambda: score(rubric, assessments))),
        ],
        repeat,
    )
    for name, values in runs.items():
        print(row(name, values))
    c = summary(runs["COINr new_coin + Aggregate + get_results + ranks"])["median"]
    g = summary(runs[GOVINDEX])["median"]
    figures: dict[str, Any] = {"coinr_version": info["version"], "coinr_s": c, "govindex_s": g, "speedup": ratio(c, g)}
    reference = Reference(cohort)
    wrong_rank, off = coinr_wrong(reference, ranks_out)
    figures.update(coinr_wrong_total_rank=wrong_rank, coinr_total_off=off)
    print(f"    COINr {info['version']} time ÷ govindex time: {figures['speedup']:.2f} (above 1: govindex is faster)")
    print(
        f"    exact reference: COINr's totals are within 1e-6 of the exact totals for "
        f"{len(cohort.agencies) - off} of {len(cohort.agencies)} agencies, yet its float sums give a wrong "
        f"total rank to {wrong_rank}"
    )
    return figures


def coinr_wrong(reference: Reference, path: Path) -> tuple[int, int]:
    """Agencies whose COINr total rank is wrong, and whose COINr total is off the exact total by 1e-6 or more."""
    cohort = reference.cohort
    root = cohort.root.id
    unit = 10**cohort.decimals
    rows: dict[str, tuple[float, int]] = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        agency, total, rank = (cell.strip('"') for cell in line.split(","))
        rows[agency] = (float(total), int(rank))
    wrong_rank = off = 0
    for i, agency in enumerate(cohort.agencies):
        total, rank = rows.get(agency, (float("nan"), 0))
        wrong_rank += rank != reference.ranks[root][i]
        off += not abs(total - reference.sums[i][root] / unit) < 1e-6
    return wrong_rank, off


# -- main -------------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--agencies", type=int, help="agencies in the cohort of (a), (b), (e) (default 10000)")
    parser.add_argument("--leaves", type=int, help="scored leaves of the tree (default 100)")
    parser.add_argument("--sizes", help="comma-separated cohort sizes of (c) (default 1000,10000,100000)")
    parser.add_argument("--repeat", type=int, help="repetitions of each contender (default 5)")
    parser.add_argument("--import-repeat", type=int, help="repetitions of (d) (default 20)")
    parser.add_argument("--seed", type=int, default=2017, help="random seed (default 2017)")
    parser.add_argument("--quick", action="store_true", help="small sizes and few repetitions, for CI")
    parser.add_argument("--only", default="abcde", help="which figures to measure, e.g. 'ad' (default all: abcde)")
    parser.add_argument(
        "--trees",
        choices=("same", "differ"),
        default="same",
        help="the two groups share one tree (default), or their trees differ (same leaves, grouped otherwise)",
    )
    parser.add_argument(
        "--max-cells", type=int, help="raise govindex's cell limit (needed from 50,000 agencies × 100 leaves)"
    )
    args = parser.parse_args(argv)
    quick = args.quick
    args.agencies = args.agencies or (500 if quick else 10_000)
    args.leaves = args.leaves or (30 if quick else 100)
    args.repeat = args.repeat or (3 if quick else 5)
    args.import_repeat = args.import_repeat or (5 if quick else 20)
    sizes = args.sizes or ("100,500,1000" if quick else "1000,10000,100000")
    try:
        args.sizes = sorted({int(size) for size in sizes.split(",")})
    except ValueError:
        parser.error(f"--sizes must be comma-separated integers, not {sizes!r}")
    if args.agencies < 1 or args.repeat < 1 or args.import_repeat < 1 or min(args.sizes) < 1:
        parser.error("--agencies, --sizes, --repeat and --import-repeat must be at least 1")
    if args.leaves < 20:
        parser.error("--leaves must be at least 20 (10 main indices × 2 criteria)")
    if set(args.only) - set("abcde"):
        parser.error("--only takes letters among a, b, c, d, e")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from govindex import __version__
    from govindex.io.rubrics import read_rubric

    print(
        f"govindex {__version__} beside its peers; Python {sys.version.split()[0]}; "
        f"{'pandas ' + __import__('pandas').__version__ if HAVE_PANDAS else 'no pandas'}"
    )
    print("Figures are medians of alternating repetitions within this one run; compare them as ratios.")
    figures: dict[str, Any] = {"agencies": args.agencies, "leaves": args.leaves, "repeat": args.repeat}
    with tempfile.TemporaryDirectory(prefix="govindex-peers-") as temp:
        workdir = Path(temp)

        def rubric_for(cohort: _cohort.Cohort) -> Any:
            path = workdir / "rubric-for-memory.yaml"
            path.write_text(cohort.rubric_yaml(), encoding="utf-8")
            return read_rubric(path)

        cohort = _cohort.build(args.agencies, args.leaves, seed=args.seed, differ=args.trees == "differ")
        rubric = rubric_for(cohort)
        if "a" in args.only:
            figures["a"] = figure_a(cohort, rubric, args.repeat)
        if "b" in args.only:
            figures["b"] = figure_b(cohort, args.repeat, workdir, args.max_cells)
        if "e" in args.only:
            figures["e"] = figure_e(cohort, rubric, args.repeat, workdir)
        del cohort
        gc.collect()
        if "c" in args.only:
            figures["c"] = figure_c(args, rubric_for)
        if "d" in args.only:
            figures["d"] = figure_d(args.import_repeat, workdir)
    print()
    print(json.dumps(figures, sort_keys=True, default=float))
    return 0


if __name__ == "__main__":
    sys.exit(main())
