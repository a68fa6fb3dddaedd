"""Start-up time of the command line beside ``import govindex``, measured as whole processes, alternating.

    python benchmarks/startup.py [--runs N]

Prints the median wall time of ``python -c "import govindex"``, of ``govindex --help`` and of
``govindex COMMAND --help`` for every command (the chosen sub-command alone is imported), each ratio to
the import, and the slowest command's.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

from govindex.cli.commands import COMMANDS

CASES = {
    "import govindex": [sys.executable, "-c", "import govindex"],
    "govindex --help": [sys.executable, "-m", "govindex.cli", "--help"],
    **{f"govindex {name} --help": [sys.executable, "-m", "govindex.cli", name, "--help"] for name in COMMANDS},
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    times: dict[str, list[float]] = {name: [] for name in CASES}
    for _ in range(runs):
        for name, command in CASES.items():
            start = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            times[name].append(time.perf_counter() - start)
    base = statistics.median(times["import govindex"])
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:28} {median * 1000:8.1f} ms  {median / base:5.2f}x")
    worst = max((name for name in times if name != "import govindex"), key=lambda name: statistics.median(times[name]))
    print(f"slowest: {worst}, {statistics.median(times[worst]) / base:.2f}x the import")


if __name__ == "__main__":
    main()
