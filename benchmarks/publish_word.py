"""A cohort sheet to the Word appendix, as whole processes: ``govindex publish RUBRIC SCORES --output x.docx``.

    python benchmarks/publish_word.py                        # 10,000 agencies × 100 leaves, 5 repetitions
    python benchmarks/publish_word.py --vs OTHER_PYTHON      # beside another installation, in the same run
    python benchmarks/publish_word.py --agencies 1000 --repeat 3

The cohort is the synthetic one of ``benchmarks/_cohort.py`` (two agency
groups, ten main indices, so the appendix holds 22 ranking tables of half the
cohort each), written as a rubric YAML and a wide CSV score table. Each
repetition is a fresh process; its figures are the wall time and the peak
memory (maximum resident set), taken by a small launcher process so that the
benchmark's own memory is not counted. ``--vs`` names the Python of another
installation (an older release, another branch): both commands then run in
turn (A, B, A, B, ...) so that a busy machine slows them alike, and the ratio
of the medians is printed. Before the timed repetitions each command runs
once untimed (bytecode caches, the disk cache of the files).

Then, in this process, the appendix document is built once and the Word
writer alone is timed on it, with the size of the file and of its body.
Nothing here asserts a time: it prints figures; the last line is one JSON
object with all of them.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _cohort  # noqa: E402
from peers import alternate, heading, megabytes, ratio, row, run_process, summary  # noqa: E402


def publish_command(python: str, rubric: Path, scores: Path, output: Path) -> list[str]:
    return [python, "-m", "govindex", "publish", str(rubric), str(scores), "--output", str(output)]


def whole_processes(commands: dict[str, list[str]], outputs: dict[str, Path], repeat: int) -> dict[str, Any]:
    """Each command ``repeat`` times (alternating), after one untimed run; wall seconds and peak bytes."""

    def contender(name: str) -> Any:
        def run() -> tuple[float, int]:
            outputs[name].unlink(missing_ok=True)  # a command may refuse to overwrite its output
            return run_process(commands[name])

        return run

    for name in commands:
        contender(name)()
    measured = alternate([(name, contender(name)) for name in commands], repeat)
    figures: dict[str, Any] = {}
    for name, values in measured.items():
        seconds = [v[0] for v in values]
        peaks = [float(v[1]) for v in values]
        print(row(f"{name}: wall", seconds))
        print(row(f"{name}: peak memory", peaks, megabytes))
        figures[name] = {"wall_s": summary(seconds), "peak_bytes": summary(peaks)}
    return figures


def writer_alone(cohort: _cohort.Cohort, rubric_path: Path, repeat: int) -> dict[str, Any]:
    """The Word writer timed alone on the appendix document, and the size of what it writes."""
    from govindex import load_rubric, score
    from govindex.render.appendix import appendix
    from govindex.render.docx import document_docx

    rubric = load_rubric(rubric_path)
    assessments = cohort.assessments()
    document = appendix(score(rubric, assessments), order=[a.agency.id for a in assessments])
    rows = sum(len(table.rows) for table in document.tables)
    seconds: list[float] = []
    data = b""
    for _ in range(repeat):
        start = time.perf_counter()
        data = document_docx(document)
        seconds.append(time.perf_counter() - start)
    body = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml").file_size
    print(row(f"document_docx alone ({len(document.tables)} tables, {rows} rows)", seconds))
    print(f"    the file: {len(data) / 2**20:.1f} MB; its body (word/document.xml): {body / 2**20:.1f} MB uncompressed")
    return {
        "tables": len(document.tables),
        "rows": rows,
        "seconds": summary(seconds),
        "bytes": len(data),
        "body_bytes": body,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--agencies", type=int, default=10_000)
    parser.add_argument("--leaves", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2017)
    parser.add_argument("--vs", metavar="PYTHON", help="the Python of another govindex installation, run beside")
    args = parser.parse_args()
    cohort = _cohort.build(args.agencies, args.leaves, seed=args.seed)
    with tempfile.TemporaryDirectory() as scratch:
        workdir = Path(scratch)
        rubric, scores = cohort.write(workdir)
        outputs = {"this govindex": workdir / "a.docx"}
        commands = {"this govindex": publish_command(sys.executable, rubric, scores, outputs["this govindex"])}
        if args.vs:
            outputs["--vs"] = workdir / "b.docx"
            commands["--vs"] = publish_command(args.vs, rubric, scores, outputs["--vs"])
        heading(
            f"govindex publish RUBRIC SCORES --output x.docx, whole processes: {args.agencies} agencies × "
            f"{args.leaves} leaves ({scores.stat().st_size / 2**20:.1f} MB of CSV), {args.repeat} repetitions"
            + (", alternating" if args.vs else "")
        )
        figures: dict[str, Any] = {"agencies": args.agencies, "leaves": args.leaves}
        figures["processes"] = whole_processes(commands, outputs, args.repeat)
        if args.vs:
            mine, other = figures["processes"]["this govindex"], figures["processes"]["--vs"]
            figures["ratio_wall"] = ratio(mine["wall_s"]["median"], other["wall_s"]["median"])
            figures["ratio_memory"] = ratio(mine["peak_bytes"]["median"], other["peak_bytes"]["median"])
            print(f"    this / --vs: wall {figures['ratio_wall']:.2f}×, peak memory {figures['ratio_memory']:.2f}×")
        heading("The Word writer alone, in this process")
        figures["writer"] = writer_alone(cohort, rubric, args.repeat)
    print()
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
